"""Who is looking at a page: the logged-in user of the request, and the route class that
turns the errors of the services into pages (login redirect, 403, 404, 409…)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from liaison.db import transaction
from liaison.errors import LiaisonError, NotAuthenticated, NotFound, PermissionDenied
from liaison.partners.model import Agency
from liaison.security.actor import Actor
from liaison.security.policy import Action, can
from liaison.security.sessions import COOKIE_NAME, check_csrf, csrf_token, session_actor
from liaison.web.templating import render


@dataclass(frozen=True)
class Visitor:
    """The logged-in user of a request, as the pages need it."""

    actor: Actor
    cookie: str
    csrf: str
    agency_acronym: str
    agency_name: str

    @property
    def roles(self) -> list[str]:
        return sorted(self.actor.roles)

    @property
    def is_partner(self) -> bool:
        return self.actor.is_partner

    @property
    def reviews_press(self) -> bool:
        """May read press releases into registry records (the policy lets it create
        events, meetings and agreements)."""
        return all(can(self.actor, Action.create, kind)
                   for kind in ("event", "meeting", "agreement"))


def origin_of(request: Request) -> str:
    return request.client.host if request.client else ""


def visitor(request: Request) -> Visitor:
    """FastAPI dependency: the logged-in user, or NotAuthenticated (→ login page)."""
    cookie = request.cookies.get(COOKIE_NAME)
    with transaction() as session:
        actor = session_actor(session, cookie, origin=origin_of(request))
        agency = session.get(Agency, actor.agency_ref)
        acronym = (agency.acronym or agency.ref) if agency else actor.agency_ref
        name = agency.name if agency else ""
    assert cookie is not None
    who = Visitor(actor, cookie, csrf_token(cookie), acronym, name)
    request.state.visitor = who
    return who


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form, after its CSRF token was checked against the session."""
    form = await request.form()
    values = {k: str(v) for k, v in form.items()}
    check_csrf(request.cookies.get(COOKIE_NAME), values.pop("csrf", None))
    return values


def error_page(request: Request, exc: LiaisonError) -> Response:
    """The page for an error a service raised."""
    if isinstance(exc, NotAuthenticated):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/connexion?suite={quote(target)}", status_code=303)
    who: Visitor | None = getattr(request.state, "visitor", None)
    if isinstance(exc, NotFound) and who is not None and who.is_partner:
        # a partner learns nothing about records not shared with its agency: the same
        # refusal whether the record exists or not
        return render(request, "errors/403.html", {"shared_only": True}, status_code=403)
    if isinstance(exc, PermissionDenied):
        return render(request, "errors/403.html", {"reason": exc.message}, status_code=403)
    if isinstance(exc, NotFound):
        return render(request, "errors/404.html", {"reason": exc.message}, status_code=404)
    return render(request, "errors/error.html", {"error": exc}, status_code=exc.status)


class PageRoute(APIRoute):
    """A page route: service errors become pages, never JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except LiaisonError as exc:
                return error_page(request, exc)

        return page_handler
