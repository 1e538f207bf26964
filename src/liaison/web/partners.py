"""Partner pages: the countries, one country, one agency (agreements, meetings, working
groups, files exchanged), and the timeline of meetings."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from liaison.cases.model import Case
from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import NotFound
from liaison.partners.model import Agency
from liaison.security.policy import require
from liaison.web import partner_queries as pq
from liaison.web.charts import month_bars
from liaison.web.templating import render, translate
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def _year_chart(request: Request, rows: list[tuple[str, int, int]], title: str) -> Any:
    def gettext(message: str) -> str:
        return translate(request, message)

    # month_bars labels January of each year: one bar per year reads the same way
    as_months = [(f"{y}-01", i, o) for y, i, o in rows]
    return month_bars(as_months, title, (gettext("incoming files"), gettext("outgoing files")),
                      [""] * 12, width=620)


@router.get("/partenaires", response_class=HTMLResponse)
def partner_countries(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    with transaction() as session:
        rows = pq.countries(session, who.actor)
    home = get_settings().home_country
    return render(request, "partners/countries.html",
                  {"rows": [r for r in rows if r["code"] != home], "home": home})


@router.get("/partenaires/pays/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str,
                 who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    code = code.upper()
    if len(code) != 2 or not code.isalpha():
        raise NotFound(f"no country {code}")
    actor = who.actor
    with transaction() as session:
        years = pq.files_by_year(session, actor, Case.partner_country_code == code)
        ctx: dict[str, Any] = {
            "code": code, "years": years,
            "agencies": pq.agencies_of(session, actor, code),
            "agreements": pq.agreements_with(session, actor, code=code),
            "meetings": pq.meetings_with(session, actor, code=code),
            "groups": pq.working_groups_with(session, actor, code),
            "exchanges": pq.exchanges(session, actor, code),
        }
    ctx["chart"] = _year_chart(request, years, translate(request, "Files exchanged per year"))
    return render(request, "partners/country.html", ctx)


@router.get("/partenaires/agences/{ref}", response_class=HTMLResponse)
def agency_page(request: Request, ref: str,
                who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    actor = who.actor
    with transaction() as session:
        agency = session.scalar(select(Agency).where(Agency.ref == ref))
        if agency is None:
            raise NotFound(f"no agency {ref}")
        require(actor, "read", "agency", agency, session=session)
        years = pq.files_by_year(session, actor, Case.partner_agency_ref == ref)
        ctx: dict[str, Any] = {
            "agency": agency, "years": years,
            "agreements": pq.agreements_with(session, actor, agency=ref),
            "meetings": pq.meetings_with(session, actor, agency=ref),
        }
    ctx["chart"] = _year_chart(request, years, translate(request, "Files exchanged per year"))
    return render(request, "partners/agency.html", ctx)


@router.get("/reunions", response_class=HTMLResponse)
def meetings_timeline(request: Request,
                      who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    with transaction() as session:
        meetings = pq.all_meetings(session, who.actor)
        events = pq.all_events(session, who.actor)
        by_year: dict[int, list[Any]] = {}
        for m in meetings:
            by_year.setdefault(m.held_on.year, []).append(m)
        events_by_year: dict[int, list[Any]] = {}
        undated = [e for e in events if e.starts_on is None]
        for e in events:
            if e.starts_on is not None:
                events_by_year.setdefault(e.starts_on.year, []).append(e)
        session.expunge_all()
    years = sorted(set(by_year) | set(events_by_year), reverse=True)
    return render(request, "partners/meetings.html",
                  {"years": years, "by_year": by_year, "events_by_year": events_by_year,
                   "undated": undated})  # fmt: skip
