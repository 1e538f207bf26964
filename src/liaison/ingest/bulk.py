"""Bulk INSERTs of rows made ready in advance (lists in the table's column order), for
the import: the plans are :func:`liaison.db.fast_insert`'s, so the SQL and the stored
form of each value are the same as through ``fast_insert``."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from liaison.db import _BulkPlan, _plans, _to_json


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


_json_texts: dict[tuple[Any, ...], str] = {}


def _json_text(value: Any) -> Any:
    """``_to_json`` with every short list's text kept (an import repeats the same few)."""
    if type(value) is list and len(value) <= 4:
        try:
            return _json_texts[tuple(value)]
        except KeyError:
            text = _json_texts[tuple(value)] = _to_json(value)
            if len(_json_texts) > 10_000:
                _json_texts.clear()
            return text
        except TypeError:  # an item that cannot be a key
            pass
    return _to_json(value)


class RowMaker:
    """Rows of one table made straight from validated objects' attributes (their
    ``__dict__``), for an INSERT whose columns come in this order: the columns taken
    from the object (``fields``: column -> attribute), then ``extra`` columns given per
    row (a child's parent reference and position), then every other column at its
    default. Values are stored as :func:`liaison.db.fast_insert` stores them."""

    def __init__(self, dialect: str, paramstyle: str, table: Table, fields: dict[str, str],
                 extra: Sequence[str] = ()) -> None:
        plan = plan_for(dialect, paramstyle, table)
        self.plan = plan
        rest = [n for n in plan.names if n not in fields and n not in extra]
        self.columns = [*fields, *extra, *rest]
        marks = ", ".join(["?" if paramstyle == "qmark" else "%s"] * len(self.columns))
        names = ", ".join(f'"{c}"' for c in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'  # noqa: S608 - schema names
        attrs = list(fields.values())
        self._get = itemgetter(*attrs) if len(attrs) > 1 else (lambda d: (d[attrs[0]],))
        defaults = []
        for name in rest:
            d = plan.defaults[plan.names.index(name)]
            value = None if d is None else (d.arg(None) if d.is_callable else d.arg)
            defaults.append(stored(plan, name, value))
        self._defaults = tuple(defaults)
        by_name = {plan.names[i]: convert for i, convert in plan.converters}
        self._convert = [(i, _json_text if by_name[c] is _to_json else by_name[c])
                         for i, c in enumerate(self.columns[: len(fields)]) if c in by_name]

    def row(self, values: dict[str, Any], extra: tuple[Any, ...] = ()) -> list[Any]:
        row = [*self._get(values), *extra, *self._defaults]
        for i, convert in self._convert:
            row[i] = convert(row[i])
        return row

    def index(self, column: str) -> int:
        return self.columns.index(column)
