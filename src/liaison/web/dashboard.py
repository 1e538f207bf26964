"""The dashboard: the day's work (open files, overdue items, approvals due, hits,
meetings of the month) and three charts (volumes by month, share by category, partners
on a world map)."""

from __future__ import annotations

import datetime as dt
import gzip
from functools import lru_cache
from typing import Annotated

from babel.dates import get_month_names
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from liaison.cases import service as cases
from liaison.config import get_settings
from liaison.db import transaction
from liaison.letters import service as letters
from liaison.web import charts, queries
from liaison.web.templating import environment, render, request_language, translate
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def _month_bounds(month: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    try:
        start = dt.date.fromisoformat(f"{month}-01") if month else today.replace(day=1)
    except ValueError:
        start = today.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    return start, end


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, who: Annotated[Visitor, Depends(visitor)],
              mois: str | None = None) -> HTMLResponse:
    today = dt.date.today()
    start, end = _month_bounds(mois, today)
    actor = who.actor
    with transaction() as session:
        figures = queries.case_figures(session, actor)
        overdue = cases.overdue(session, actor, today) if not actor.is_partner else []
        reminders = letters.due_reminders(session, actor, today) if not actor.is_partner else []
        approvals = queries.awaiting_approval(session, actor)
        ctx = {
            "open": queries.open_cases(session, actor),
            "figures": figures,
            "overdue": overdue[:8], "overdue_total": len(overdue),
            "reminders": reminders[:5], "reminders_total": len(reminders),
            "approvals": approvals[1], "approvals_total": approvals[0],
            "hits": queries.latest_hits(session, actor),
            "meetings": queries.meetings_between(session, actor, start, end),
            "earlier_meetings": queries.latest_meetings(session, actor, start),
            "month": start, "prev_month": (start - dt.timedelta(days=1)).strftime("%Y-%m"),
            "next_month": end.strftime("%Y-%m"),
        }
    lang = request_language(request)
    label = environment(lang).globals["L"]

    def gettext(message: str) -> str:
        return translate(request, message)

    months = list(get_month_names("abbreviated", locale=lang).values())
    ctx["volume_chart"] = charts.month_bars(
        figures.volumes, gettext("Files opened per month"),
        (gettext("incoming files"), gettext("outgoing files")), months)
    ctx["category_chart"] = charts.share_bars(
        [(str(label.category(c)), n) for c, n in figures.categories[:10]],  # type: ignore[attr-defined]
        gettext("Share of files by category"))
    ctx["partners"] = figures.partners[:8]
    return render(request, "dashboard.html", ctx)


@lru_cache(maxsize=16)
def _map_bytes(volumes: tuple[tuple[str, int], ...], home: str, title: str) -> tuple[bytes, bytes]:
    """The map's HTML, plain and gzipped (the same figures give the same bytes)."""
    body = str(charts.world_map(volumes, home, title)).encode("utf-8")
    return body, gzip.compress(body, compresslevel=6)


@router.get("/tableau/carte", response_model=None)
def partner_map(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> Response:
    """The world map, fetched by the dashboard after it shows (it weighs ~0.8 MB before
    compression, ~0.2 MB after)."""
    with transaction() as session:
        volumes = tuple(queries.case_figures(session, who.actor).partners)
    plain, packed = _map_bytes(volumes, get_settings().home_country,
                               translate(request, "Partner countries by files exchanged"))
    headers = {"Cache-Control": "private, max-age=60", "Vary": "Accept-Encoding, Cookie"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(packed, media_type="text/html; charset=utf-8", headers=headers)
    return Response(plain, media_type="text/html; charset=utf-8", headers=headers)
