"""FastAPI dependencies: who is calling (from a bearer token or the web session
cookie), and why (the purpose of a person read)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.security import OAuth2PasswordBearer

from liaison.db import transaction
from liaison.errors import NotAuthenticated, ValidationError
from liaison.security import sessions, tokens
from liaison.security.actor import Actor

TOKEN_URL = "/api/v1/auth/token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

oauth2 = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False,
                              description="OAuth2 password flow; send `Authorization: Bearer …`")


def origin_of(request: Request) -> str:
    return request.client.host if request.client else "api"


def current_actor(
    request: Request, bearer: Annotated[str | None, Depends(oauth2)] = None
) -> Actor:
    """The caller: a valid bearer token, else a valid session cookie (whose unsafe
    requests must carry the CSRF token in the ``X-CSRF-Token`` header). 401 otherwise."""
    origin = origin_of(request)
    with transaction() as session:
        if bearer:
            return tokens.resolve(session, bearer, origin=origin)
        cookie = request.cookies.get(sessions.COOKIE_NAME)
        if cookie:
            actor = sessions.session_actor(session, cookie, origin)
            if request.method not in SAFE_METHODS:
                sessions.check_csrf(cookie, request.headers.get(sessions.CSRF_HEADER))
            return actor
    raise NotAuthenticated("log in first: send a bearer token from " + TOKEN_URL)


def bearer_token(bearer: Annotated[str | None, Depends(oauth2)] = None) -> str:
    if not bearer:
        raise NotAuthenticated("no bearer token")
    return bearer


def purpose(
    purpose: Annotated[str | None, Query(max_length=256, description=(
        "why the person data is read (recorded in the audit trail)"))] = None,
    x_purpose: Annotated[str | None, Header(max_length=256, description=(
        "the same as the purpose parameter"))] = None,
) -> str:
    value = (purpose or x_purpose or "").strip()
    if "\x00" in value:
        raise ValidationError.for_field("purpose", "must not contain NUL characters")
    return value


CurrentActor = Annotated[Actor, Depends(current_actor)]
Purpose = Annotated[str, Depends(purpose)]
