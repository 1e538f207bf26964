"""The annual report's page, ``/rapports/{year}`` (and its PDF, ``/rapports/{year}.pdf``;
``/rapports`` leads to the last complete year): the same template as ``liaison report
--format html|pdf``, for logged-in users of the home bureau.

The page's figures take ~20 ms to count and its charts (SVG drawn from the figures by
``liaison.reports.charts``) a few milliseconds to draw, once the world map's outline
has been prepared (~0.2 s, once per process). The page is kept by the content of its
figures: the same figures in the same language are drawn once, and any change to them
draws the page again (never a stale page). After the first login of a process, the
last complete year's page (in French, the default) is drawn in the background, as the
person index is built, which also prepares the map's outline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from liaison.reports.messages import LANGUAGES
from liaison.reports.render import to_html, to_pdf
from liaison.reports.service import annual_report, period_of
from liaison.security.actor import Actor
from liaison.web.templating import request_language
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)

#: drawn pages by the digest of (figures, language); the last few only
_PAGES: OrderedDict[str, str] = OrderedDict()
_PAGES_KEPT = 16
_pages_lock = threading.Lock()


def page_html(report: dict[str, Any], lang: str) -> str:
    """The report's web page, drawn once per content and language."""
    key = hashlib.sha256(json.dumps([report, lang], sort_keys=True, default=str)
                         .encode("utf-8")).hexdigest()  # fmt: skip
    with _pages_lock:
        held = _PAGES.get(key)
        if held is not None:
            _PAGES.move_to_end(key)
            return held
    html = to_html(report, lang, links=True)
    with _pages_lock:
        _PAGES[key] = html
        while len(_PAGES) > _PAGES_KEPT:
            _PAGES.popitem(last=False)
    return html


def _lang(request: Request) -> str:
    lang = request_language(request)
    return lang if lang in LANGUAGES else "fr"  # the report speaks French and English


log = logging.getLogger(__name__)
_warmed = threading.Event()


def warm_up(actor: Actor) -> None:
    """Draw the last complete year's report page in the background, once per process."""
    if actor.is_partner or _warmed.is_set():
        return
    _warmed.set()

    def draw() -> None:
        try:
            page_html(annual_report(actor, period_of(dt.date.today().year - 1)), "fr")
        except Exception as error:  # a background courtesy: the page draws it when asked
            log.warning("report warm-up failed: %s", type(error).__name__)

    threading.Thread(target=draw, name="report-warm-up", daemon=True).start()


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
    return HTMLResponse(page_html(annual_report(who.actor, period_of(year)), lang))
