"""The annual report's figures as JSON: ``/api/v1/reports/{year}`` and, for any range
of days, ``/api/v1/reports?from=…&to=…``. Thin: parse, call the service, return."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from liaison.api.deps import CurrentActor
from liaison.reports.service import annual_report, period_of

router = APIRouter(tags=["reports"])

PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {code: PROBLEM for code in (401, 403, 422)}


@router.get("/reports/{year}", responses=ERRORS)
def report_for_year(
    actor: CurrentActor, year: Annotated[int, Path(ge=1900, le=9998)]
) -> dict[str, Any]:
    """The annual report of ``year``: every figure, counted from the records."""
    return annual_report(actor, period_of(year))


@router.get("/reports", responses=ERRORS)
def report_for_range(
    actor: CurrentActor,
    start: Annotated[dt.date, Query(alias="from", description="first day (YYYY-MM-DD)")],
    end: Annotated[dt.date, Query(alias="to", description="last day, included")],
) -> dict[str, Any]:
    """The same figures for any range of days (``year`` is then null)."""
    return annual_report(actor, period_of(start=start, end=end))
