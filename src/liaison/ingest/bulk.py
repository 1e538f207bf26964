"""Rows made ready in advance for the import's bulk INSERTs (lists in the INSERT's
column order), stored as :func:`liaison.db.fast_insert` stores them: the plans are
``fast_insert``'s (:func:`liaison.db.bulk_plan`)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table

from liaison.db import _to_json, bulk_plan

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
        plan = bulk_plan(dialect, paramstyle, table)
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
            defaults.append(plan.stored(name, value))
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
