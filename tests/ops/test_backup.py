"""Backups taken while writers run restore to a whole database whose audit chain
verifies; ``liaison upgrade`` backs up before migrating; the CLI commands."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from liaison import db
from liaison.ingest.interchange import import_records
from liaison.ops.backup import backup, backup_kind, restore
from liaison.ops.checks import check
from liaison.ops.upgrade import head_revision, upgrade_with_backup
from liaison.persons.model import Person
from liaison.security.actor import cli_actor
from tests.conftest import PG_BASE, _worker, pg_url_for_schema


class Writers:
    """Threads importing one person a transaction until stopped; each keeps the refs
    whose transaction committed (acknowledged)."""

    def __init__(self, engine: Engine, count: int = 3) -> None:
        self.engine = engine
        self.stop = threading.Event()
        self.acked: list[list[str]] = [[] for _ in range(count)]
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self._write, args=(i,)) for i in range(count)]

    def _write(self, who: int) -> None:
        n = 0
        while not self.stop.is_set():
            ref = f"W{who}-{n:05d}"
            line = json.dumps({"kind": "person", "ref": ref,
                               "names": [{"full_name": f"Samir Writer {who} {n}"}]})
            try:
                with db.transaction(self.engine) as s:
                    import_records(s, cli_actor(), [(1, line)], source="load")
            except Exception as exc:  # noqa: BLE001 - reported by the test
                self.errors.append(f"{type(exc).__name__}: {exc}"[:200])
                return
            self.acked[who].append(ref)
            n += 1

    def __enter__(self) -> Writers:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)

    def snapshot(self) -> set[str]:
        return {ref for refs in self.acked for ref in list(refs)}

    def wait_for(self, n: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while len(self.snapshot()) < n and time.monotonic() < deadline and not self.errors:
            time.sleep(0.05)


def _persons(engine: Engine) -> set[str]:
    with db.transaction(engine) as s:
        return set(s.scalars(select(Person.ref)))


def test_backup_under_load_restores_whole_and_verifies(configured: Engine, tmp_path: Path) -> None:
    target = tmp_path / "under-load.bak"
    with Writers(configured) as writers:
        writers.wait_for(10)
        before = writers.snapshot()  # acknowledged before the backup began
        report = backup(configured, target)
        writers.wait_for(len(before) + 10)  # and the writers went on meanwhile
    assert writers.errors == []
    assert report.size > 0 and backup_kind(target) == report.kind
    written = _persons(configured)
    restore(configured, target)
    restored = _persons(configured)
    assert before <= restored  # every write acknowledged before the backup is in it
    assert restored < written  # and the writes after it are not: the snapshot is one moment
    health = check(configured, orphans=True)
    assert health.ok, health.problems
    assert health.audit_entries >= len(restored)


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database left at revision 0002 by an older Liaison."""
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    else:
        schema = f"liaison_upgrade_{_worker()}"
        admin = db.make_engine(PG_BASE)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = db.make_engine(pg_url_for_schema(schema))
    db.upgrade(engine, "0002")
    yield engine
    engine.dispose()
    if request.param == "postgresql":
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def test_upgrade_backs_up_first_then_migrates(old_database: Engine, tmp_path: Path) -> None:
    report = upgrade_with_backup(old_database, directory=tmp_path)
    assert (report.before, report.after) == ("0002", head_revision(old_database))
    assert report.backup is not None and report.backup.path.is_file()
    assert "before-upgrade-0002" in report.backup.path.name
    again = upgrade_with_backup(old_database, directory=tmp_path)
    assert not again.changed and again.backup is None
    # the backup is the database as it was: restoring it brings 0002 back
    restore(old_database, report.backup.path)
    assert db.current_revision(old_database) == "0002"


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    from liaison.cli import main

    monkeypatch.setattr(sys, "argv", ["liaison", *args])
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_cli_backup_check_restore(configured: Engine, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    with db.transaction(configured) as s:
        import_records(s, cli_actor(), [(1, '{"kind":"person","ref":"P-1","names":'
                                            '[{"full_name":"Amina Test"}]}')])
    file = tmp_path / "liaison.bak"
    assert _cli(monkeypatch, "backup", str(file)) == 0
    assert "Backup written" in capsys.readouterr().out
    with db.transaction(configured) as s:
        s.execute(Person.__table__.delete())
    assert _cli(monkeypatch, "restore", str(file)) == 0
    assert "audit chain verified" in capsys.readouterr().out
    assert _persons(configured) == {"P-1"}
    assert _cli(monkeypatch, "check") == 0
    junk = tmp_path / "junk.bak"
    junk.write_text("not a backup")
    assert _cli(monkeypatch, "restore", str(junk)) == 2
    err = " ".join(capsys.readouterr().err.split())  # Rich wraps long lines at 80 columns
    assert "neither a SQLite backup nor a pg_dump archive" in err
    assert _persons(configured) == {"P-1"}  # a refused restore changes nothing


def test_check_names_a_broken_audit_chain(configured: Engine,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with db.transaction(configured) as s:
        import_records(s, cli_actor(), [(1, '{"kind":"person","ref":"P-1","names":'
                                            '[{"full_name":"Amina Test"}]}')])
        count = s.scalar(select(func.count()).select_from(Person))
    assert count == 1
    pg = configured.dialect.name == "postgresql"
    with configured.begin() as conn:  # out of band, past the append-only trigger
        if pg:
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER ALL"))
        conn.execute(text("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1"))
        if pg:
            conn.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER ALL"))
    assert _cli(monkeypatch, "check") == 8
    assert "audit chain broken at entry 1" in capsys.readouterr().err
