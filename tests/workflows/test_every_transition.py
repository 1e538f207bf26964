"""Every transition of the four workflows can be done through the API and through the
command line, and every action a state does not allow is refused there with the
allowed actions listed, leaving the record unchanged.

For each state of each machine a fresh record is taken to that state through the
services (``workflow_drive``), then each action is tried on it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from liaison.api.app import create_app
from liaison.cases import cli as case_cli
from liaison.db import transaction
from liaison.extradition import cli as extradition_cli
from liaison.letters import cli as letter_cli
from liaison.notices import cli as notice_cli
from liaison.workflow_drive import BEFORE, DEFAULT_PARAMS, KINDS, SUPERVISOR_ACTIONS
from tests.cli_runner import run_liaison

from ..api.conftest import Api, seed_users
from ..notices.factories import make_person, record_in_state

START = dt.date(2025, 1, 6)
URL = {"case": "cases", "notice": "notices", "rogatory_letter": "rogatory-letters",
       "extradition": "extraditions"}
CLI_GROUP = {"case": "case", "notice": "notice", "rogatory_letter": "letter",
             "extradition": "extradition"}
CLI_PARAMS: dict[str, dict[str, list[str]]] = {
    "case": case_cli.PARAMS, "notice": notice_cli.PARAMS,
    "rogatory_letter": letter_cli.PARAMS, "extradition": extradition_cli.PARAMS,
}
_refs = itertools.count(1)


def _record_in(s: Session, kind: str, state: str) -> str:
    """A new record of ``kind`` taken to ``state`` by an officer and a supervisor."""
    ref = f"{kind[:3].upper()}-{next(_refs)}"
    record_in_state(s, kind, ref, state, start=START)
    return ref


def _transitions() -> Iterator[tuple[str, str, str, str]]:
    """(kind, from state, action, to state) for every transition of every machine."""
    for kind, (_model, machine, _perform, _column) in KINDS.items():
        for t in machine.transitions.values():
            for source in sorted(t.sources):
                yield kind, source, t.action, t.target


def _refusals() -> Iterator[tuple[str, str, list[str], list[str]]]:
    """(kind, state, the actions it refuses, the actions it allows) for every state."""
    for kind, (_model, machine, _perform, _column) in KINDS.items():
        for state in (str(s) for s in machine.states):
            allowed = machine.allowed(state)
            yield kind, state, [a for a in machine.transitions if a not in allowed], allowed


def _params(action: str) -> dict[str, Any]:
    values = dict(DEFAULT_PARAMS.get(action, {}))
    if values.get("to") == "officer":
        values["to"] = "omar"
    return values


@pytest.fixture
def api(configured: Engine) -> Iterator[Api]:
    secrets = seed_users(configured)
    with transaction(configured) as s:
        make_person(s, "P-1")
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield Api(client, configured, secrets)


def test_every_transition_and_every_refusal_over_http(api: Api) -> None:
    omar, sara = api.headers("omar"), api.headers("sara")
    c = api.client
    done = 0
    for kind, source, action, target in _transitions():
        with transaction(api.engine) as s:
            ref = _record_in(s, kind, source)
        base = f"/api/v1/{URL[kind]}/{ref}/actions"
        for before in BEFORE.get(action, []):  # e.g. the answer is drafted before approval
            assert c.post(f"{base}/{before}", headers=omar,
                          json=_params(before)).status_code == 200
        who = sara if action in SUPERVISOR_ACTIONS else omar
        r = c.post(f"{base}/{action}", headers=who, json=_params(action))
        assert r.status_code == 200, (kind, source, action, r.text)
        assert r.json()["status"] == target, (kind, source, action)
        done += 1
    assert done == sum(len(t.sources) for _m, machine, _p, _c in KINDS.values()
                       for t in machine.transitions.values())

    for kind, state, refused, allowed in _refusals():
        with transaction(api.engine) as s:
            ref = _record_in(s, kind, state)
        base = f"/api/v1/{URL[kind]}/{ref}/actions"
        before = c.get(base, headers=sara).json()
        assert (before["status"], before["allowed"]) == (state, allowed)
        for action in refused:
            r = c.post(f"{base}/{action}", headers=sara, json=_params(action))
            assert r.status_code == 409, (kind, state, action, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["allowed"] == allowed, (kind, state, action)
        after = c.get(base, headers=sara).json()
        assert (after["status"], after["version"]) == (state, before["version"])


def _liaison(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             actor: str, *args: str) -> tuple[int, str]:
    code, out, err = run_liaison(monkeypatch, capsys, *args, actor=actor)
    return code, out + " ".join(err.split())


def _cli_args(kind: str, action: str, ref: str) -> list[str]:
    args = [CLI_GROUP[kind], action.replace("_", "-"), ref]
    for name, value in _params(action).items():
        if name in CLI_PARAMS[kind].get(action, []):
            args += [f"--{name.replace('_', '-')}", str(value)]
    return args


def test_every_transition_and_every_refusal_on_the_command_line(
        configured: Engine, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    if configured.dialect.name != "sqlite":
        pytest.skip("the commands call the same services as the API: both databases are "
                    "covered over HTTP; the command line once, on SQLite")
    with transaction(configured) as s:
        make_person(s, "P-1")
    for kind, source, action, target in _transitions():
        model, _machine, _perform, column = KINDS[kind]
        with transaction(configured) as s:
            ref = _record_in(s, kind, source)
        for before in BEFORE.get(action, []):
            code, text = _liaison(monkeypatch, capsys, "cli:amal", *_cli_args(kind, before, ref))
            assert code == 0, text
        # the command-line operator is an administrator; a second name approves what the
        # first drafted (four-eyes)
        code, text = _liaison(monkeypatch, capsys, "cli:karim", *_cli_args(kind, action, ref))
        assert code == 0, (kind, source, action, text)
        assert f"{ref}: {target}" in text, (kind, source, action, text)
        with transaction(configured) as s:
            assert getattr(s.get(model, ref), column) == target, (kind, source, action)

    for kind, state, refused, allowed in _refusals():
        if not refused:
            continue
        with transaction(configured) as s:
            ref = _record_in(s, kind, state)
        model, _machine, _perform, column = KINDS[kind]
        for action in refused:
            code, text = _liaison(monkeypatch, capsys, "cli:karim", *_cli_args(kind, action, ref))
            assert code == 4, (kind, state, action, text)
            assert f"allowed: {', '.join(allowed)}" in text or (
                not allowed and "none (final state)" in text), (kind, state, action, text)
        with transaction(configured) as s:
            assert getattr(s.get(model, ref), column) == state
