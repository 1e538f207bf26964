"""The Jinja2 environments of the pages (one per language, with the i18n extension),
the formatting filters, and :func:`render`.

One environment per language: the gettext callables are installed once, so concurrent
requests in different languages never see each other's translations.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from liaison.i18n import LANGUAGES, direction, pick_language, translations
from liaison.web.labels import LABELS

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
#: the vendored htmx (npm package htmx.org, Zero-Clause BSD; licence beside it)
HTMX = "/static/vendor/htmx-2.0.11.min.js"
_ARABIC = range(0x0600, 0x0700)


def has_arabic(text: object) -> bool:
    return any(ord(c) in _ARABIC for c in str(text or ""))


def name_html(text: object) -> Markup:
    """A person's name, marked right-to-left when written in Arabic script."""
    value = str(text or "")
    if has_arabic(value):
        return Markup('<bdi dir="rtl" lang="ar">{}</bdi>').format(value)
    return Markup("<bdi>{}</bdi>").format(value)


def _date(value: object, lang: str, fmt: str = "medium") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(value, "short", locale=lang)
    if isinstance(value, dt.date):
        return format_date(value, fmt, locale=lang)
    return str(value)


def _number(value: object, lang: str) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=lang)  # type: ignore[arg-type]


@lru_cache(maxsize=64)
def country_name(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return str(Locale.parse(lang).territories.get(code.upper(), code.upper()))


@lru_cache(maxsize=len(LANGUAGES))
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "svg"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        date=lambda v, fmt="medium": _date(v, lang, fmt),
        number=lambda v: _number(v, lang),
        country=lambda code: country_name(code, lang),
        person_name=name_html,
        # a message written by a service (a reason, a rule): translated when the
        # catalogue has it, escaped like any text (never marked safe)
        fromjson=json.loads,
        tr=lambda message: str(translations(lang).gettext(str(message))),
    )
    env.globals.update(htmx=HTMX, has_arabic=has_arabic)
    env.globals["L"] = Labels(lang)
    return env


class Labels:
    """``L.status(code)``, ``L.category(code)``…: a code's label in one language (the
    code itself when it has none)."""

    def __init__(self, lang: str) -> None:
        gettext = translations(lang).gettext
        self._tables = {group: {code: str(gettext(msgid)) for code, msgid in table.items()}
                        for group, table in LABELS.items()}

    def __getattr__(self, group: str) -> Callable[[Any], str]:
        try:
            table = self._tables[group]
        except KeyError:
            raise AttributeError(group) from None
        return lambda code: table.get(code, "" if code is None else str(code))


def request_language(request: Request) -> str:
    return pick_language(request.query_params.get("lang") or request.cookies.get("lang"))


def translate(request: Request, message: str) -> str:
    """A message (e.g. a service's reason) in the request's language, when the catalogue
    has it; otherwise as the service wrote it."""
    return str(translations(request_language(request)).gettext(message))


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    lang = request_language(request)
    visitor = getattr(request.state, "visitor", None)
    ctx = {"request": request, "lang": lang, "dir": direction(lang), "languages": LANGUAGES,
           "visitor": visitor, "path": request.url.path, **context}
    html = environment(lang).get_template(name).render(ctx)
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, httponly=True, samesite="lax", max_age=365 * 86400)
    return response
