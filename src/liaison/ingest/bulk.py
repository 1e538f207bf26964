"""Bulk INSERTs of rows made ready in advance (lists in the table's column order), for
the import: the plans are :func:`liaison.db.fast_insert`'s, so the SQL and the stored
form of each value are the same as through ``fast_insert``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from liaison.db import _BulkPlan, _plans


def plan_for(dialect: str, paramstyle: str, table: Table) -> _BulkPlan:
    """The INSERT plan of ``table`` (shared with ``fast_insert``)."""
    key = (dialect, table.name)
    if key not in _plans:
        _plans[key] = _BulkPlan(table, dialect, paramstyle)
    return _plans[key]


def session_plan(session: Session, table: Table) -> _BulkPlan:
    dialect = session.connection().dialect
    return plan_for(dialect.name, dialect.paramstyle, table)


def stored(plan: _BulkPlan, column: str, value: Any) -> Any:
    """``value`` as the plan passes it to the driver for ``column``."""
    i = plan.names.index(column)
    for j, convert in plan.converters:
        if j == i:
            value = convert(value)
    return value


def insert_rows(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``executemany`` of ready rows on the session's connection, in its transaction."""
    if not rows:
        return
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def driver_cursor(session: Session) -> Any:
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
