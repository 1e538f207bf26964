"""The Jinja2 environment of the pages, with the i18n extension and per-request language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from liaison.i18n import LANGUAGES, direction, pick_language, translations

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
    )
    return Jinja2Templates(env=env)


def request_language(request: Request) -> str:
    return pick_language(request.query_params.get("lang") or request.cookies.get("lang"))


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    lang = request_language(request)
    tpl = templates()
    # one environment, per-render translations: install them for this render
    tpl.env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    ctx = {"lang": lang, "dir": direction(lang), "languages": LANGUAGES, **context}
    response = tpl.TemplateResponse(request, name, ctx, status_code=status_code)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, httponly=True, samesite="lax")
    return response
