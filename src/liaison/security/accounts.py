"""User accounts and login: who may log in, with which second factor, and the lock-out
after repeated failures. Every login, failed or not, is in the audit trail."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import Conflict, NotAuthenticated, NotFound, ValidationError
from liaison.partners.model import Agency
from liaison.records import utcnow
from liaison.security import audit
from liaison.security.actor import Actor, Role
from liaison.security.audit import AuditAction, Event
from liaison.security.model import AccessToken, UserAccount
from liaison.security.passwords import (
    dummy_hash,
    hash_password,
    needs_rehash,
    new_totp_secret,
    provisioning_uri,
    verify_password,
    verify_totp,
)
from liaison.security.policy import Action, require

#: failed logins in a row before the account locks, and for how long
MAX_FAILURES = 5
LOCK_MINUTES = 15
#: roles that must log in with a one-time code as well as the password
SECOND_FACTOR_ROLES = frozenset({Role.supervisor, Role.admin})
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,63}$"


def find_agency(session: Session, acronym_or_ref: str) -> Agency:
    """The agency named by its acronym (case-insensitive) or its reference."""
    key = acronym_or_ref.strip()
    found = session.get(Agency, key)
    if found is not None:
        return found
    matches = list(session.scalars(select(Agency).where(func.lower(Agency.acronym) == key.lower())))
    if len(matches) == 1:
        return matches[0]
    if matches:
        refs = ", ".join(a.ref for a in matches)
        raise ValidationError.for_field(
            "agency", f"'{key}' names several agencies ({refs}); use the ref")
    if key.lower() == get_settings().home_agency.lower():
        return _create_home_agency(session)
    raise ValidationError.for_field("agency", f"no agency with acronym or ref '{key}'")


def _create_home_agency(session: Session) -> Agency:
    s = get_settings()
    agency = Agency(ref=s.home_agency, acronym=s.home_agency, name="National Central Bureau",
                    country_code=s.home_country, kind="police", classification="public")
    session.add(agency)
    session.flush()
    return agency


def is_home(agency: Agency) -> bool:
    home = get_settings().home_agency.lower()
    return home in (agency.ref.lower(), (agency.acronym or "").lower())


def actor_for(session: Session, user: UserAccount, origin: str = "") -> Actor:
    agency = session.get(Agency, user.agency_ref)
    home = agency is not None and is_home(agency)
    return Actor(username=user.username, roles=frozenset(user.roles), agency_ref=user.agency_ref,
                 home=home, origin=origin or "api", clearance=user.clearance)


def _check_new_user(username: str, roles: list[str], clearance: str) -> None:
    if not re.match(USERNAME_PATTERN, username):
        raise ValidationError.for_field("username", "2-64 characters: a-z, 0-9, '.', '_' or '-'")
    unknown = [r for r in roles if r not in Role.__members__]
    if not roles or unknown:
        not_these = f" (not {', '.join(unknown)})" if unknown else ""
        raise ValidationError.for_field("role", f"one or more of {', '.join(Role)}{not_these}")
    labels = get_settings().classifications
    if clearance and clearance not in labels:
        raise ValidationError.for_field("clearance", f"one of {', '.join(labels)}")


@dataclass
class NewUser:
    user: UserAccount
    #: otpauth:// URI to enrol the authenticator, shown once; empty without TOTP
    totp_uri: str = ""


def add_user(session: Session, actor: Actor, username: str, roles: list[str], agency: str,
             password: str, *, totp: bool = False, clearance: str = "") -> NewUser:
    """Create an account. Supervisors and admins always get a second factor."""
    require(actor, Action.manage_users, "user")
    _check_new_user(username, roles, clearance)
    if session.get(UserAccount, username) is not None:
        raise Conflict(f"user {username} exists already")
    agency_row = find_agency(session, agency)
    if Role.partner in roles and is_home(agency_row):
        raise ValidationError.for_field("agency", "a partner account belongs to a partner agency")
    secret = new_totp_secret() if totp or SECOND_FACTOR_ROLES & set(roles) else ""
    user = UserAccount(username=username, agency_ref=agency_row.ref, roles=sorted(set(roles)),
                       clearance=clearance, password_hash=hash_password(password),
                       totp_secret=secret, disabled=False, failed_logins=0)
    session.add(user)
    session.flush()
    audit.record(session, Event(actor.username, AuditAction.create, "user", username,
                                origin=actor.origin,
                                detail={"roles": user.roles, "agency": agency_row.ref,
                                        "second_factor": bool(secret)}))
    return NewUser(user, provisioning_uri(secret, username) if secret else "")


def disable_user(session: Session, actor: Actor, username: str) -> int:
    """Disable an account and revoke its tokens and sessions; returns how many."""
    require(actor, Action.manage_users, "user")
    user = session.get(UserAccount, username)
    if user is None:
        raise NotFound(f"no user {username}")
    user.disabled = True
    revoked = session.execute(  # type: ignore[attr-defined]
        update(AccessToken)
        .where(AccessToken.username == username, AccessToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    ).rowcount
    audit.record(session, Event(actor.username, AuditAction.update, "user", username,
                                origin=actor.origin, detail={"disabled": True, "revoked": revoked}))
    return int(revoked or 0)


def _refusal(user: UserAccount | None, password: str, code: str | None, now: dt.datetime) -> str:
    """Why this login fails, or '' when it succeeds."""
    if user is None:
        verify_password(dummy_hash(), password)
        return "unknown user"
    if user.disabled:
        return "account disabled"
    if user.locked_until is not None and user.locked_until > now:
        return "account locked"
    if not verify_password(user.password_hash, password):
        return "wrong password"
    needs_code = bool(user.totp_secret) or bool(SECOND_FACTOR_ROLES & set(user.roles))
    if needs_code and not verify_totp(user.totp_secret, code):
        return "missing or wrong one-time code"
    return ""


def _count_failure(user: UserAccount, reason: str, now: dt.datetime) -> None:
    if reason not in ("wrong password", "missing or wrong one-time code"):
        return
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= MAX_FAILURES:
        user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
        user.failed_logins = 0


def login(username: str, password: str, code: str | None = None, *, origin: str = "",
          engine: Engine | None = None) -> Actor:
    """Check a login. The outcome (and a failure count, a lock) is committed before a
    refusal is raised, so repeated failures lock the account."""
    now = utcnow()
    if "\x00" in username or len(username) > 64:
        raise NotAuthenticated("wrong user name, password or one-time code")
    with transaction(engine) as session:
        user = session.get(UserAccount, username, with_for_update=True)
        reason = _refusal(user, password, code, now)
        if reason and user is not None:
            _count_failure(user, reason, now)
        action = AuditAction.login_failed if reason else AuditAction.login
        audit.record(session, Event(username[:128], action, "user", username[:64], origin=origin,
                                    detail={"reason": reason} if reason else {}))
        if not reason and user is not None:
            user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            actor = actor_for(session, user, origin)
    if reason:
        # one message for every failure: no hint whether the name exists
        locked = reason == "account locked"
        raise NotAuthenticated("account locked; try again later" if locked
                               else "wrong user name, password or one-time code")
    return actor
