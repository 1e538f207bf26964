"""The annual report's page, ``/rapports/{year}`` (and its PDF, ``/rapports/{year}.pdf``;
``/rapports`` leads to the last complete year): the same template as ``liaison report
--format html|pdf``, for logged-in users of the home bureau."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from liaison.reports.messages import LANGUAGES
from liaison.reports.render import to_html, to_pdf
from liaison.reports.service import annual_report, period_of
from liaison.web.templating import request_language
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def _lang(request: Request) -> str:
    lang = request_language(request)
    return lang if lang in LANGUAGES else "fr"  # the report speaks French and English


@router.get("/rapports")
def latest_report(_who: Annotated[Visitor, Depends(visitor)]) -> RedirectResponse:
    """The report of the last complete year."""
    return RedirectResponse(f"/rapports/{dt.date.today().year - 1}", status_code=303)


@router.get("/rapports/{year}.pdf")
def report_pdf(request: Request, year: int, who: Annotated[Visitor, Depends(visitor)]) -> Response:
    lang = _lang(request)
    pdf = to_pdf(annual_report(who.actor, period_of(year)), lang)
    name = f"bilan-{year}.pdf" if lang == "fr" else f"annual-report-{year}.pdf"
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}"'})


@router.get("/rapports/{year}", response_class=HTMLResponse)
def report_page(
    request: Request, year: int, who: Annotated[Visitor, Depends(visitor)]
) -> HTMLResponse:
    lang = _lang(request)
    html = to_html(annual_report(who.actor, period_of(year)), lang, links=True)
    return HTMLResponse(html)
