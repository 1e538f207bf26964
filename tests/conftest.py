"""Shared fixtures: every storage test runs on a real SQLite file and on the real
PostgreSQL server of the machine (127.0.0.1:5432, database ``test``).

Each pytest worker gets its own PostgreSQL schema; the schema is migrated once per
session, and every test starts from empty tables (countries kept).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from liaison import config, db
from liaison.models import Base
from liaison.partners.service import ensure_countries

PG_BASE = os.environ.get("LIAISON_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEEP = {"country", "alembic_version"}


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def pg_url_for_schema(schema: str) -> str:
    return f"{PG_BASE}?options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path: Path = tmp_path_factory.mktemp("sqlite") / "liaison.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with db.transaction(engine) as s:
        ensure_countries(s)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    # one schema per pytest process: several runs may share the server at once
    schema = f"liaison_test_{_worker()}_{os.getpid()}"
    admin = db.make_engine(PG_BASE)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # pragma: no cover - reported, not hidden
        pytest.fail(f"PostgreSQL at {PG_BASE} is not reachable: {exc}")
    engine = db.make_engine(pg_url_for_schema(schema))
    db.upgrade(engine)
    with db.transaction(engine) as s:
        ensure_countries(s)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _empty(engine: Engine) -> None:
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name not in KEEP]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} CASCADE"))
        else:
            for t in tables:
                conn.execute(t.delete())


@pytest.fixture(params=["sqlite", "postgresql"])
def db_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated, empty database: once on SQLite, once on PostgreSQL."""
    engine: Engine = request.getfixturevalue(f"{'pg' if request.param == 'postgresql' else 'sqlite'}_engine")
    _empty(engine)
    yield engine


@pytest.fixture
def configured(db_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """``db_engine`` made the process default (``LIAISON_DATABASE_URL``), for code that
    opens the configured database itself (CLI, API)."""
    url = db_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LIAISON_DATABASE_URL", url)
    config.get_settings.cache_clear()
    db._engines[url] = db_engine
    yield db_engine
    db._engines.pop(url, None)
    config.get_settings.cache_clear()
