"""End to end, as an operator would: ``liaison screen`` against the database's watchlist
finds a wanted person; ``liaison notice cancel`` on the warrant cancels the search note
and the diffusion derived from it; the next ``liaison screen`` no longer finds that
person, and still finds a person wanted under another notice. Real screening engine,
real database (SQLite and PostgreSQL), real command line. Then the same over HTTP:
the desk search stops finding the person as soon as the cancellation is committed, in
this process or (several app processes on one database) in another one."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from liaison.api.app import create_app
from liaison.db import transaction
from liaison.notices.model import Notice
from tests.cli_runner import run_liaison

from ..api.conftest import Api, seed_users
from ..notices.factories import make_person, published_notice

QUERIES = [
    ("q1", "Mohamed ben Ahmed El Amrani", "1985-03-14", "MA"),  # the warrant's person
    ("q2", "Djamel Chraibi", "1979-07-02", "DZ"),                # wanted under RN-2
    ("q3", "Pierre Martin", "1990-01-01", "FR"),                 # nobody
]


def _liaison(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             *args: str) -> tuple[int, str]:
    code, out, err = run_liaison(monkeypatch, capsys, *args)
    return code, out + err


def _screen(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            queries: Path, out: Path) -> set[tuple[str, str]]:
    code, text = _liaison(monkeypatch, capsys, "screen", str(queries), "-o", str(out))
    assert code == 0, text
    with out.open(encoding="utf-8", newline="") as f:
        return {(row["qid"], row["watchlist_id"]) for row in csv.DictReader(f)}


def test_cancelled_warrant_drops_out_of_the_next_liaison_screen(
        configured: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    with transaction(configured) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani",
                    arabic="محمد بن أحمد العمراني")
        make_person(s, "P-2", name="Djamel Chraibi", birth_date="1979-07-02",
                    nationalities=["DZ"])
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "SN-1", "P-1", kind="search_note", derived_from_ref="W-1",
                         scope="national")
        published_notice(s, "DF-1", "P-1", kind="diffusion", derived_from_ref="W-1")
        published_notice(s, "RN-2", "P-2")
    queries = tmp_path / "queries.csv"
    with queries.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["qid", "full_name", "birth_date", "nationality"])
        w.writerows(QUERIES)

    before = _screen(monkeypatch, capsys, queries, tmp_path / "hits-before.csv")
    assert before == {("q1", "P-1"), ("q2", "P-2")}

    code, text = _liaison(monkeypatch, capsys, "notice", "cancel", "W-1",
                          "--reason", "withdrawn_by_judge")
    assert code == 0, text
    with transaction(configured) as s:
        status = dict(s.execute(select(Notice.ref, Notice.status)).all())
    assert [status[r] for r in ("W-1", "SN-1", "DF-1", "RN-2")] == [
        "cancelled", "cancelled", "cancelled", "published"]

    after = _screen(monkeypatch, capsys, queries, tmp_path / "hits-after.csv")
    assert after == {("q2", "P-2")}


def test_cancelled_warrant_leaves_the_desk_search_at_once(configured: Engine) -> None:
    """Over HTTP: the desk search finds the wanted person; the supervisor cancels the
    warrant; the very next search (same server process, its live index) does not."""
    secrets = seed_users(configured)
    with transaction(configured) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani")
        make_person(s, "P-2", name="Djamel Chraibi", birth_date="1979-07-02",
                    nationalities=["DZ"])
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "SN-1", "P-1", kind="search_note", derived_from_ref="W-1",
                         scope="national")
        published_notice(s, "RN-2", "P-2")
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        api = Api(client, configured, secrets)
        omar, sara = api.headers("omar"), api.headers("sara")

        def found(name: str) -> list[str]:
            r = client.get("/api/v1/screening/search", headers=omar, params={"name": name})
            assert r.status_code == 200, r.text
            return [c["person_ref"] for c in r.json()["candidates"]]

        assert found("Mohamed ben Ahmed El Amrani") == ["P-1"]
        r = client.post("/api/v1/notices/W-1/actions/cancel", headers=sara,
                        json={"reason": "arrested"})
        assert r.status_code == 200 and r.json()["status"] == "cancelled"
        assert found("Mohamed ben Ahmed El Amrani") == []
        assert found("Djamel Chraibi") == ["P-2"]


def test_a_cancellation_by_another_process_reaches_this_process_search(
        configured: Engine) -> None:
    """Several app processes: the warrant is cancelled by another process (a real
    ``liaison notice cancel`` command); this process's next desk search no longer
    finds the person."""
    secrets = seed_users(configured)
    with transaction(configured) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        omar = Api(client, configured, secrets).headers("omar")

        def found() -> list[str]:
            r = client.get("/api/v1/screening/search", headers=omar,
                           params={"name": "Mohamed ben Ahmed El Amrani"})
            assert r.status_code == 200, r.text
            return [c["person_ref"] for c in r.json()["candidates"]]

        assert found() == ["P-1"]
        env = {**os.environ, "LIAISON_DATABASE_URL":
               configured.url.render_as_string(hide_password=False),
               "LIAISON_ACTOR": "cli:karim"}
        done = subprocess.run([str(Path(sys.executable).parent / "liaison"), "notice",
                               "cancel", "W-1", "--reason", "arrested"], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert found() == []
