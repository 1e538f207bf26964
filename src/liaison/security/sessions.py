"""Web sessions for the pages: a signed, HttpOnly, SameSite=Lax cookie (Secure behind
HTTPS, ``LIAISON_SECURE_COOKIES=1``) holding a session token, and CSRF tokens for forms.

The web edge uses these functions and nothing else::

    cookie, actor = open_session(username, password, otp, origin=request.client.host)
    set_session_cookie(response, cookie)
    actor = session_actor(db_session, request.cookies.get(COOKIE_NAME))
    form has <input type="hidden" name="csrf" value="{{ csrf_token(cookie) }}">
    check_csrf(cookie, form["csrf"])          # on every POST
    close_session(db_session, cookie); clear_session_cookie(response)
"""

from __future__ import annotations

import hashlib
import hmac

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.responses import Response

from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import NotAuthenticated, PermissionDenied
from liaison.security import audit, tokens
from liaison.security.accounts import login
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event

COOKIE_NAME = "liaison_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(get_settings().secret_key, salt="liaison-session")


def _token_of(cookie: str | None) -> str:
    if not cookie:
        raise NotAuthenticated("not logged in")
    try:
        value = _serializer().loads(cookie, max_age=tokens.SESSION_MINUTES * 60)
    except BadSignature as exc:
        raise NotAuthenticated("session cookie not valid") from exc
    return str(value)


def start_session(session: Session, actor: Actor) -> str:
    """A new web session for an actor who has just logged in; returns the cookie value."""
    secret = tokens.issue(session, actor, kind=tokens.SESSION)
    return str(_serializer().dumps(secret))


def open_session(username: str, password: str, code: str | None = None, *, origin: str = "",
                 engine: Engine | None = None) -> tuple[str, Actor]:
    """Log in (lock-out and audit included) and start a session: (cookie value, actor)."""
    actor = login(username, password, code, origin=origin, engine=engine)
    with transaction(engine) as session:
        return start_session(session, actor), actor


def session_actor(session: Session, cookie: str | None, origin: str = "") -> Actor:
    """The actor of a session cookie; NotAuthenticated when absent, forged, expired,
    revoked, or its account disabled."""
    return tokens.resolve(session, _token_of(cookie), kind=tokens.SESSION, origin=origin)


def close_session(session: Session, cookie: str | None) -> None:
    """Log out: the session token is revoked (a copied cookie stops working too)."""
    try:
        secret = _token_of(cookie)
    except NotAuthenticated:
        return
    actor = None
    try:
        actor = tokens.resolve(session, secret, kind=tokens.SESSION)
    except NotAuthenticated:
        pass
    if tokens.revoke(session, secret) and actor is not None:
        audit.record(session, Event(actor.username, AuditAction.logout, "user", actor.username,
                                    origin=actor.origin))


def set_session_cookie(response: Response, cookie: str) -> None:
    response.set_cookie(
        COOKIE_NAME, cookie, max_age=tokens.SESSION_MINUTES * 60, httponly=True,
        samesite="lax", secure=get_settings().secure_cookies, path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="lax",
                           secure=get_settings().secure_cookies)


def csrf_token(cookie: str) -> str:
    """The CSRF token of a session: derived from it, so nothing more is stored, and
    useless to anyone who cannot read the (HttpOnly) cookie."""
    key = get_settings().secret_key.encode("utf-8")
    return hmac.new(key, b"csrf\x1f" + cookie.encode("utf-8"), hashlib.sha256).hexdigest()


def check_csrf(cookie: str | None, submitted: str | None) -> None:
    """Raise PermissionDenied unless ``submitted`` is the CSRF token of this session."""
    if not cookie or not submitted or not hmac.compare_digest(csrf_token(cookie), submitted):
        raise PermissionDenied("the form's security token is missing or stale; reload the page")
