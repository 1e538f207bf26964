"""Login for programs: the OAuth2 password flow, and token revocation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from pydantic import BaseModel

from liaison.api.deps import CurrentActor, bearer_token, origin_of
from liaison.config import get_settings
from liaison.db import transaction
from liaison.security import audit, tokens
from liaison.security.accounts import login
from liaison.security.audit import AuditAction, Event
from liaison.security.policy import clearance_of

router = APIRouter(prefix="/auth", tags=["auth"])

PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {}}}


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class Me(BaseModel):
    username: str
    roles: list[str]
    agency: str
    home: bool
    clearance: str


@router.post("/token", response_model=TokenOut, responses={401: PROBLEM, 422: PROBLEM})
def token(
    request: Request,
    username: Annotated[str, Form(min_length=1, max_length=64)],
    password: Annotated[str, Form(min_length=1, max_length=256)],
    otp: Annotated[str | None, Form(max_length=12, description=(
        "one-time code of the second factor (required for supervisors and admins)"))] = None,
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
) -> TokenOut:
    """Exchange a user name, password (and one-time code) for a bearer token."""
    origin = origin_of(request)
    actor = login(username, password, otp, origin=origin)
    with transaction() as session:
        secret = tokens.issue(session, actor)
    return TokenOut(access_token=secret, expires_in=get_settings().token_minutes * 60)


@router.post("/revoke", status_code=204, responses={401: PROBLEM})
def revoke(actor: CurrentActor, secret: Annotated[str, Depends(bearer_token)]) -> None:
    """Revoke the token this request carries (log out)."""
    with transaction() as session:
        if tokens.revoke(session, secret):
            audit.record(session, Event(actor.username, AuditAction.logout, "user",
                                        actor.username, origin=actor.origin))


@router.get("/me", response_model=Me, responses={401: PROBLEM})
def me(actor: CurrentActor) -> Me:
    """Who the token stands for."""
    return Me(username=actor.username, roles=sorted(actor.roles), agency=actor.agency_ref,
              home=actor.home, clearance=clearance_of(actor))
