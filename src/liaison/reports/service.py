"""Use cases of the annual report: who may read it, and the report for a year or a
range of days. The figures are aggregates (no person data is read), so reading them
leaves no audit entry; a partner agency's account never sees the office's totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from liaison.errors import FieldProblem, PermissionDenied, ValidationError
from liaison.reports import stats
from liaison.reports.period import Period
from liaison.security.actor import Actor


def period_of(
    year: int | None = None, start: dt.date | None = None, end: dt.date | None = None
) -> Period:
    """The period asked for: a year, or a range (both ends), never both nor neither."""
    if year is not None and (start or end):
        raise ValidationError(
            "give a year or a date range, not both",
            [FieldProblem("year", "not with from/to")],
        )
    if year is not None:
        return Period.year(year)
    if start is None or end is None:
        missing = "from" if start is None else "to"
        raise ValidationError.for_field(missing, "a date range needs both from and to")
    return Period(start, end)


def require_report_reader(actor: Actor) -> None:
    if actor.is_partner:
        raise PermissionDenied("the annual report is for the home bureau's users")


def annual_report(actor: Actor, period: Period, engine: Engine | None = None) -> dict[str, Any]:
    """The report's figures (the JSON contract) for ``period``."""
    require_report_reader(actor)
    return stats.report(period, engine)
