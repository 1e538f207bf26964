"""Login and logout pages, on the security engineer's session functions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import NotAuthenticated
from liaison.security.sessions import (
    COOKIE_NAME,
    clear_session_cookie,
    close_session,
    open_session,
    set_session_cookie,
)
from liaison.web.person_search import warm_up
from liaison.web.reports import warm_up as draw_last_report
from liaison.web.templating import render, translate
from liaison.web.visitor import PageRoute, Visitor, checked_form, origin_of, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def _safe_next(target: str | None) -> str:
    """Only a path of this site (no //host, no scheme) may follow a login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _demo() -> dict[str, object]:
    """On a demo server only (LIAISON_DEMO=1): the demo accounts to show on the page."""
    if not get_settings().demo:
        return {}
    from liaison.demo.accounts import ACCOUNTS, PASSWORD, current_code

    return {"demo": {"accounts": ACCOUNTS, "password": PASSWORD, "code": current_code()}}


@router.get("/connexion", response_class=HTMLResponse)
def login_page(request: Request, suite: str = "/") -> HTMLResponse:
    return render(request, "login.html", {"next": _safe_next(suite), "error": "", **_demo()})


@router.post("/connexion", response_model=None)
def login_submit(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    code: Annotated[str, Form()] = "",
    suite: Annotated[str, Form()] = "/",
) -> Response:
    try:
        cookie, actor = open_session(username.strip(), password, code.strip() or None,
                                      origin=origin_of(request))
    except NotAuthenticated as exc:
        ctx = {"next": _safe_next(suite), "error": translate(request, exc.message),
               "username": username, **_demo()}
        return render(request, "login.html", ctx, status_code=401)
    warm_up()
    draw_last_report(actor)
    response = RedirectResponse(_safe_next(suite), status_code=303)
    set_session_cookie(response, cookie)
    return response


@router.post("/deconnexion", response_model=None)
async def logout(request: Request, _who: Annotated[Visitor, Depends(visitor)]) -> Response:
    await checked_form(request)
    with transaction() as session:
        close_session(session, request.cookies.get(COOKIE_NAME))
    response = RedirectResponse("/connexion", status_code=303)
    clear_session_cookie(response)
    return response
