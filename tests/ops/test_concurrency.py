"""Many writers on the same records at once, through the API, on SQLite and PostgreSQL:
no lost update, nobody left hanging, and a clear 409 or 503 when a write is refused —
never a 500."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from liaison import config, db
from liaison.api.app import create_app
from liaison.partners.service import ensure_countries
from liaison.security.accounts import add_user
from liaison.security.actor import cli_actor
from tests.ops.conftest import PASSWORD

CASE = {"ref": "C-RACE-1", "direction": "incoming", "opened_on": "2025-03-01", "subject": "0"}
WRITERS, INCREMENTS = 6, 5


def _login(client: TestClient, user: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/token", data={"username": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture
def client(configured: Engine, officer: str) -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _increment(client: TestClient, headers: dict[str, str], seen: Counter[int]) -> None:
    """Read the case, add one to its counter, write it back with the version read;
    on 409 (someone wrote first) or 503 (database busy) read again and retry."""
    done = 0
    while done < INCREMENTS:
        got = client.get(f"/api/v1/cases/{CASE['ref']}", headers=headers)
        seen[got.status_code] += 1
        if got.status_code != 200:
            continue
        body = got.json()
        body["subject"] = str(int(body["subject"]) + 1)
        put = client.put(f"/api/v1/cases/{CASE['ref']}", json=body, headers=headers)
        seen[put.status_code] += 1
        if put.status_code == 200:
            done += 1


def test_many_writers_on_one_case_lose_no_update(client: TestClient, officer: str) -> None:
    headers = _login(client, officer)
    assert client.post("/api/v1/cases", json=CASE, headers=headers).status_code == 201
    seen: Counter[int] = Counter()
    threads = [threading.Thread(target=_increment, args=(client, headers, seen))
               for _ in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a writer is left hanging"
    final = client.get(f"/api/v1/cases/{CASE['ref']}", headers=headers).json()
    assert int(final["subject"]) == WRITERS * INCREMENTS  # every acknowledged increment is there
    assert final["version"] == 1 + WRITERS * INCREMENTS
    assert set(seen) <= {200, 409, 503}, seen
    assert seen[409] > 0  # they did collide, and were told so


def test_racing_creations_of_one_ref_give_one_201_and_409s(client: TestClient,
                                                           officer: str) -> None:
    headers = _login(client, officer)
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def create() -> None:
        barrier.wait()
        r = client.post("/api/v1/cases", json={**CASE, "ref": "C-RACE-2"}, headers=headers)
        statuses.append(r.status_code)
        if r.status_code != 201:
            assert r.headers["content-type"].startswith("application/problem+json")

    threads = [threading.Thread(target=create) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(statuses) == [201] + [409] * 5


# -- SQLite: the database stays locked longer than the busy timeout ----------------------


@pytest.fixture
def locked_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A SQLite database whose busy timeout is 0.2 s, and a function that holds its
    write lock (as a long writer would) until released."""
    path = tmp_path / "busy.db"
    url = f"sqlite:///{path}"
    engine = db.make_engine(url)

    @event.listens_for(engine, "connect")
    def _short_timeout(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=200")

    db.upgrade(engine)
    with db.transaction(engine) as s:
        ensure_countries(s)
        add_user(s, cli_actor(), "desk", ["officer"], "NCB", PASSWORD)
    monkeypatch.setenv("LIAISON_DATABASE_URL", url)
    config.get_settings.cache_clear()
    db._engines[url] = engine
    holder = sqlite3.connect(path, isolation_level=None, timeout=5)

    class Lock:
        def hold(self) -> None:
            holder.execute("BEGIN IMMEDIATE")

        def release(self) -> None:
            holder.execute("ROLLBACK")

    yield Lock()
    holder.close()
    db._engines.pop(url, None)
    engine.dispose()
    config.get_settings.cache_clear()


def test_sqlite_locked_beyond_busy_timeout_is_a_clean_503(locked_sqlite: Any) -> None:
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        headers = _login(client, "desk")
        locked_sqlite.hold()
        try:
            r = client.post("/api/v1/cases", json=CASE, headers=headers)
        finally:
            locked_sqlite.release()
        assert r.status_code == 503, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.headers["retry-after"] == "1"
        assert "nothing was written" in r.json()["detail"]
        # once the lock is gone the same request goes through: nothing half-written
        assert client.post("/api/v1/cases", json=CASE, headers=headers).status_code == 201


def test_sqlite_locked_beyond_busy_timeout_is_one_clear_cli_line(
        locked_sqlite: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from liaison.cli import main

    data = tmp_path / "one.jsonl"
    data.write_text('{"kind":"case","ref":"C-CLI-1","direction":"incoming",'
                    '"opened_on":"2025-03-01","subject":"x"}\n')
    monkeypatch.setattr(sys, "argv", ["liaison", "import", str(data)])
    locked_sqlite.hold()
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        locked_sqlite.release()
    assert exit_.value.code == 6
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "database unavailable" in err[0] and "locked" in err[0]
