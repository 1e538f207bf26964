"""API bearer tokens and web sessions share one table of access tokens.

The secret handed to the client is random; only its SHA-256 is stored, so a copy of
the database gives nobody a usable token. A token expires, and can be revoked (logout,
or an account disabled)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.errors import NotAuthenticated
from liaison.records import utcnow
from liaison.security.accounts import actor_for
from liaison.security.actor import Actor
from liaison.security.model import AccessToken, UserAccount

BEARER = "bearer"
SESSION = "session"
#: lifetime of a web session, in minutes (an office day)
SESSION_MINUTES = 8 * 60


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(session: Session, actor: Actor, kind: str = BEARER, minutes: int | None = None) -> str:
    """A new token for the user behind ``actor``; returns the secret (shown once)."""
    if minutes is None:
        minutes = get_settings().token_minutes if kind == BEARER else SESSION_MINUTES
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(AccessToken(token_hash=digest(secret), username=actor.username, kind=kind,
                            created_at=now, expires_at=now + dt.timedelta(minutes=minutes),
                            origin=actor.origin[:64]))
    session.flush()
    return secret


def resolve(session: Session, secret: str, kind: str = BEARER, origin: str = "") -> Actor:
    """The actor a token stands for; NotAuthenticated when unknown, expired or revoked,
    or when its account was disabled."""
    if not secret:
        raise NotAuthenticated("no token")
    row = session.execute(
        select(AccessToken, UserAccount)
        .join(UserAccount, UserAccount.username == AccessToken.username)
        .where(AccessToken.token_hash == digest(secret), AccessToken.kind == kind)
    ).first()
    if row is None:
        raise NotAuthenticated("unknown token")
    token, user = row
    if token.revoked_at is not None or user.disabled:
        raise NotAuthenticated("token revoked")
    if token.expires_at <= utcnow():
        raise NotAuthenticated("token expired")
    return actor_for(session, user, origin)


def revoke(session: Session, secret: str) -> bool:
    token = session.get(AccessToken, digest(secret))
    if token is None or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    return True
