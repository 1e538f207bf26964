"""The workflow commands as an operator runs them: ``liaison notice|case|letter|
extradition|retention …``."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from tests.cli_runner import run_liaison

from .factories import make_person


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
        actor: str = "cli:amal") -> tuple[int, str, str]:
    return run_liaison(monkeypatch, capsys, *args, actor=actor)


def test_notice_from_draft_to_cancellation(configured: Engine, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with transaction(configured) as s:
        make_person(s, "P-1", birth_date="2099-01-01")
    r = run(monkeypatch, capsys, "notice", "draft", "RN-1", "--kind", "red", "--person", "P-1",
            "--charges", "armed robbery", "--penalty-basis", "prosecution",
            "--penalty-months", "240")
    assert r[0] == 0 and "drafted" in r[1]
    code, out, _ = run(monkeypatch, capsys, "notice", "review", "RN-1")
    assert code == 2
    assert "FAIL warrant (warrant_reference)" in out and "FAIL birth_date" in out
    assert run(monkeypatch, capsys, "notice", "submit", "RN-1")[0] == 0
    code, _, err = run(monkeypatch, capsys, "notice", "approve", "RN-1", actor="cli:karim")
    err = " ".join(err.split())
    assert code == 2 and "warrant_reference: warrant" in err and "in the future" in err
    code, _, err = run(monkeypatch, capsys, "notice", "publish", "RN-1", actor="cli:karim")
    assert code == 4 and "allowed: clear_neutrality, approve" in err
    with transaction(configured) as s:
        from liaison.notices.model import Notice
        from liaison.persons.model import Person

        s.get(Person, "P-1").birth_date = "1979"  # type: ignore[union-attr]
        s.get(Notice, "RN-1").warrant_reference = "TPI-9"  # type: ignore[union-attr]
    code, _, err = run(monkeypatch, capsys, "notice", "approve", "RN-1")
    assert code == 5 and "four-eyes" in err  # the author may not approve
    assert run(monkeypatch, capsys, "notice", "approve", "RN-1", actor="cli:karim")[0] == 0
    assert run(monkeypatch, capsys, "notice", "publish", "RN-1", actor="cli:karim")[0] == 0
    code, out, _ = run(monkeypatch, capsys, "notice", "watchlist", "--json")
    assert [e["id"] for e in json.loads(out)] == ["P-1"]
    code, out, _ = run(monkeypatch, capsys, "notice", "cancel", "RN-1", "--reason", "arrested",
                       actor="cli:karim")
    assert code == 0 and "cancelled" in out
    code, out, _ = run(monkeypatch, capsys, "notice", "watchlist", "--json")
    assert json.loads(out) == []
    code, out, _ = run(monkeypatch, capsys, "notice", "show", "RN-1-CN")
    assert json.loads(out)["cancels_ref"] == "RN-1"


def test_case_letter_extradition_and_retention_commands(
    configured: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = [
        ("case", "open", "C-1", "--subject", "check", "--priority", "urgent",
         "--opened-on", "2020-01-01"),
        ("case", "assign", "C-1", "--to", "amal"),
        ("case", "overdue", "--today", "2020-02-01", "--json"),
        ("letter", "receive", "CRI-1", "--subject", "hearing", "--received-on", "2020-01-02"),
        ("letter", "register", "CRI-1", "--on", "2020-01-03"),
        ("letter", "send-for-execution", "CRI-1", "--to", "Rabat"),
        ("letter", "reminders", "--today", "2020-04-10", "--json"),
        ("extradition", "open", "EX-1", "--direction", "to_home", "--requested-on",
         "2020-01-05"),
        ("extradition", "give-court-opinion", "EX-1", "--on", "2020-03-01"),
        ("extradition", "timeline", "EX-1"),
        ("retention", "due", "--today", "2025-01-01", "--json"),
    ]
    outputs = []
    for args in steps:
        code, out, err = run(monkeypatch, capsys, *args)
        assert code == 0, (args, err)
        outputs.append(out)
    assert json.loads(outputs[2])[0]["days_late"] == 29
    assert json.loads(outputs[6])[0]["overdue"] is True
    assert json.loads(outputs[9])["stages"][1] == {"stage": "court_opinion",
                                                   "on": "2020-03-01", "days": 56}
    due = {(i["kind"], i["ref"]): i for i in json.loads(outputs[10])}
    assert due[("case", "C-1")]["past_retention"] is False
    assert set(due) == {("case", "C-1"), ("rogatory_letter", "CRI-1"),
                        ("extradition", "EX-1")}
    code, _, err = run(monkeypatch, capsys, "case", "close", "C-1")
    assert code == 4 and "allowed: assign, start, reject, transfer" in " ".join(err.split())
    code, out, _ = run(monkeypatch, capsys, "retention", "renew", "case", "C-1",
                       "--reason", "file still open")
    assert code == 0 and "next review on" in out
