"""SIGKILL ``liaison import`` and ``liaison serve`` mid-write, on SQLite and PostgreSQL:
nothing acknowledged is lost, nothing is half-written, the audit chain verifies.

``LIAISON_CRASH_KILLS`` sets the number of import kills per database (default 10, so
20 in ``make test``); ``bench/crash/run.py`` runs the long version."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.ops import crashkit
from tests.ops.conftest import PASSWORD, url_of

KILLS = int(os.environ.get("LIAISON_CRASH_KILLS", "10"))
SERVER_KILLS = int(os.environ.get("LIAISON_CRASH_SERVER_KILLS", "2"))

pytestmark = pytest.mark.slow


def test_killed_imports_are_all_or_nothing_and_acknowledged_ones_stay(
        configured: Engine, tmp_path: Path) -> None:
    # on PostgreSQL rows are written from the first batch (2,000 lines) on: files long
    # enough for two batches give the kills a window after the first rows are written
    persons = 400 if configured.dialect.name == "sqlite" else 1400
    report = crashkit.import_kills(configured, url_of(configured), tmp_path, KILLS,
                                   persons=persons)
    assert report.kills == KILLS
    assert report.lost == []
    assert report.broken == []
    assert report.killed_rolled_back + report.killed_after_commit == KILLS
    assert report.kills_in_write_transaction > 0  # kills did land mid-write
    print(f"\n{report}")


def test_killed_server_keeps_every_acknowledged_api_write(
        configured: Engine, officer: str, tmp_path: Path) -> None:
    seed = tmp_path / "seed.jsonl"
    seed.write_text("\n".join(crashkit.import_lines("T0", 4)) + "\n")
    assert crashkit.run_import(url_of(configured), seed, None)[0] == 0
    report = crashkit.server_kills(configured, url_of(configured), SERVER_KILLS, officer, PASSWORD)
    assert report.lost == []
    assert report.broken == []
    assert report.api_writes_acknowledged > 0
