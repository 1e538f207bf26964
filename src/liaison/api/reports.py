"""The annual report's figures as JSON: ``/api/v1/reports/{year}`` and, for any range
of days, ``/api/v1/reports?from=…&to=…``. Thin: parse, call the service, return."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from liaison.api.deps import CurrentActor
from liaison.reports.service import annual_report, period_of

router = APIRouter(tags=["reports"])


class Share(BaseModel):
    count: int
    share_pct: float = Field(description="share of cases.total, in percent, one decimal")


class TrendPoint(BaseModel):
    label: str
    year: int | None
    total: int


class Cases(BaseModel):
    total: int
    previous_total: int
    change_pct: float | None = Field(description="null when previous_total is 0")
    by_category: dict[str, Share] = Field(description="NULL category: 'uncategorised'")
    by_direction: dict[str, int]
    trend: list[TrendPoint] = Field(description="five periods, oldest first")


class Letters(BaseModel):
    received: int
    executed: int


class Warrants(BaseModel):
    issued: int
    arrests: int


class Notes(BaseModel):
    search_notes_national: int
    wanted_notices_regional: int
    cancellations_international: int
    cancellations_regional: int


class Extraditions(BaseModel):
    surrendered_to_home: int
    previous_surrendered_to_home: int
    surrendered_by_home: int


class Diplomacy(BaseModel):
    meetings: int
    bilateral_meetings: int
    agreements_signed: int
    partner_countries: int
    partner_country_codes: list[str]


class Region(BaseModel):
    cases: int
    countries: int
    share_pct: float


class TopCountry(BaseModel):
    code: str
    cases: int
    share_pct: float


class Partners(BaseModel):
    by_region: dict[str, Region]
    top_countries: list[TopCountry]


class PeriodOut(BaseModel):
    start: dt.date
    end: dt.date


class ReportOut(BaseModel):
    """The annual report's figures; the counting rules are in docs/report.md."""

    year: int | None = Field(description="null unless the period is one calendar year")
    period: PeriodOut
    home_country: str
    cases: Cases
    rogatory_letters: Letters
    warrants: Warrants
    notes: Notes
    extraditions: Extraditions
    diplomacy: Diplomacy
    partners: Partners

PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {code: PROBLEM for code in (401, 403, 422)}


@router.get("/reports/{year}", responses=ERRORS, response_model=ReportOut)
def report_for_year(
    actor: CurrentActor, year: Annotated[int, Path(ge=1900, le=9998)]
) -> dict[str, Any]:
    """The annual report of ``year``: every figure, counted from the records."""
    return annual_report(actor, period_of(year))


@router.get("/reports", responses=ERRORS, response_model=ReportOut)
def report_for_range(
    actor: CurrentActor,
    start: Annotated[dt.date, Query(alias="from", description="first day (YYYY-MM-DD)")],
    end: Annotated[dt.date, Query(alias="to", description="last day, included")],
) -> dict[str, Any]:
    """The same figures for any range of days (``year`` is then null)."""
    return annual_report(actor, period_of(start=start, end=end))
