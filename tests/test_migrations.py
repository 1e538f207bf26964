"""Migrations build the whole schema from an empty database, on SQLite and PostgreSQL,
and the result matches the mapped classes (no change left for autogenerate to find)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from liaison import db
from liaison.models import Base
from tests.conftest import PG_BASE, pg_url_for_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path}/empty.db")
        yield engine
        engine.dispose()
        return
    schema = f"liaison_migr_{os.getpid()}"
    admin = db.make_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = db.make_engine(pg_url_for_schema(schema))
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def test_upgrade_from_empty_reaches_head_and_matches_models(empty_engine: Engine) -> None:
    assert not db.has_schema(empty_engine)
    db.upgrade(empty_engine)
    head = ScriptDirectory.from_config(db.alembic_config(empty_engine)).get_current_head()
    assert db.current_revision(empty_engine) == head
    with empty_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent(empty_engine: Engine) -> None:
    db.upgrade(empty_engine)
    db.upgrade(empty_engine)
    assert db.current_revision(empty_engine) is not None


def test_every_revision_has_one_parent_chain(empty_engine: Engine) -> None:
    script = ScriptDirectory.from_config(db.alembic_config(empty_engine))
    assert len(script.get_heads()) == 1, "migrations must form one chain"
