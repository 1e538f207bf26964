"""The one way in to the database: engine, sessions, migrations.

SQLite (one file, WAL, foreign keys on) is the embedded default; PostgreSQL is chosen by
URL. Every command and request runs in one transaction (:func:`transaction`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from liaison.config import get_settings

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: JSON column type: JSONB on PostgreSQL, JSON text on SQLite.
JsonType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB of page cache: large imports stay off the disk
    cur.close()


def _sqlite_begin_immediate(conn: Connection) -> None:
    # Take the write lock at the start of every transaction: the audit chain reads its
    # head and appends to it, which must not interleave with another writer. A
    # read-only transaction (``transaction(readonly=True)``) takes no lock: WAL readers
    # see a consistent snapshot while writers go on.
    if conn.get_execution_options().get("liaison_readonly"):
        conn.exec_driver_sql("BEGIN DEFERRED")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url`` (default: the configured database)."""
    url = url or get_settings().database_url
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 10}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves

        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


_engines: dict[str, Engine] = {}


def get_engine(url: str | None = None) -> Engine:
    """A shared engine per URL for the process."""
    url = url or get_settings().database_url
    if url not in _engines:
        _engines[url] = make_engine(url)
    return _engines[url]


def dispose_engines() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine | None = None, *, readonly: bool = False) -> Iterator[Session]:
    """One unit of work: commits at the end, rolls back everything on any error.

    ``readonly=True`` is for pure reads (statistics, dashboards): on SQLite it does not
    take the write lock. Reading person data is audited, which is a write: such reads
    use an ordinary transaction."""
    engine = engine or get_engine()
    if readonly:
        engine = engine.execution_options(liaison_readonly=True)
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (Alembic), from an empty database too."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


# -- bulk writes --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value the DB-API drivers take as is, in the text form SQLAlchemy would store."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_encode_json = json.JSONEncoder(ensure_ascii=False, default=_plain).encode
_list_json: dict[tuple[Any, ...], str] = {}


def _date_text(value: Any) -> Any:
    """A date column's value as SQLite stores it (dates come as ``date`` objects)."""
    if value is None:
        return None
    return value.isoformat() if type(value) is dt.date else _plain(value)


def _to_json(value: Any) -> Any:
    """JSON text as ``json.dumps(value, ensure_ascii=False)`` writes it. Short lists of
    strings (nationalities, restrictions) repeat across a bulk import: their text is
    kept, so each distinct list is encoded once."""
    if value is None:
        return None
    if type(value) is list and len(value) <= 4 and all(type(v) is str for v in value):
        key = tuple(value)
        text = _list_json.get(key)
        if text is None:
            text = _encode_json(value)
            if len(_list_json) < 10_000:
                _list_json[key] = text
        return text
    return _encode_json(value)


class _Timestamp:
    """Datetime to text, remembering the last one (a batch shares its timestamp)."""

    def __init__(self) -> None:
        self.last: tuple[Any, Any] = (None, None)

    def __call__(self, value: Any) -> Any:
        if value is not self.last[0]:
            self.last = (value, _plain(value))
        return self.last[1]


class _BulkPlan:
    """A precompiled INSERT for one table: its columns, defaults and the few converters
    needed (JSON to text; dates to SQLAlchemy's text form on SQLite). Strings, numbers
    and StrEnum members pass to the drivers as they are."""

    def __init__(self, table: Any, dialect: str, paramstyle: str) -> None:
        columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True
                                                    and isinstance(c.type, Integer))]
        marks = ", ".join(["?" if paramstyle == "qmark" else "%s"] * len(columns))
        names = ", ".join(f'"{c.name}"' for c in columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        self.names = [c.name for c in columns]
        self.defaults = [c.default for c in columns]
        self.converters: list[tuple[int, Any]] = []
        for i, c in enumerate(columns):
            if isinstance(c.type, JSON):
                self.converters.append((i, _to_json))
            elif dialect == "sqlite" and isinstance(c.type, DateTime):
                self.converters.append((i, _Timestamp()))
            elif dialect == "sqlite" and isinstance(c.type, Date):
                self.converters.append((i, _date_text))

    def rows(self, data: list[dict[str, Any]]) -> list[list[Any]]:
        # callable defaults (timestamps) are evaluated once for the whole batch
        defaulted = [
            (i, name, d.arg(None) if d.is_callable else d.arg)
            for i, (name, d) in enumerate(zip(self.names, self.defaults, strict=True))
            if d is not None
        ]
        names, converters = self.names, self.converters
        out = []
        for item in data:
            row = list(map(item.get, names))  # None where the item has no such key
            for i, name, default in defaulted:
                if row[i] is None and name not in item:
                    row[i] = default
            for i, convert in converters:
                row[i] = convert(row[i])
            out.append(row)
        return out

    def stored(self, column: str, value: Any) -> Any:
        """``value`` as this plan passes it to the driver for ``column``."""
        i = self.names.index(column)
        for j, convert in self.converters:
            if j == i:
                value = convert(value)
        return value


_plans: dict[tuple[str, str], _BulkPlan] = {}


def bulk_plan(dialect: str, paramstyle: str, table: Any) -> _BulkPlan:
    """The INSERT plan of ``table`` for a dialect (made once per process)."""
    key = (dialect, table.name)
    plan = _plans.get(key)
    if plan is None:
        plan = _plans[key] = _BulkPlan(table, dialect, paramstyle)
    return plan


def session_plan(session: Session, table: Any) -> _BulkPlan:
    dialect = session.connection().dialect
    return bulk_plan(dialect.name, dialect.paramstyle, table)


def driver_cursor(session: Session) -> Any:
    """A cursor of the driver's own connection, in the session's transaction."""
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def insert_rows(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``executemany`` of rows ready for the driver, in the session's transaction."""
    if not rows:
        return
    cursor = driver_cursor(session)
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def fast_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows through the driver's own ``executemany``, in the session's
    transaction, skipping SQLAlchemy's per-row parameter processing (bulk imports)."""
    if rows:
        plan = session_plan(session, table)
        insert_rows(session, plan.sql, plan.rows(rows))
