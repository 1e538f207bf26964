"""Accounts, login with a second factor, lock-out, tokens and web sessions."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import Engine, select

from liaison.db import transaction
from liaison.errors import NotAuthenticated, PermissionDenied, ValidationError
from liaison.partners.model import Agency
from liaison.security import sessions, tokens
from liaison.security.accounts import MAX_FAILURES, add_user, disable_user, login
from liaison.security.actor import cli_actor
from liaison.security.audit import AuditEntry
from liaison.security.model import AccessToken, UserAccount

PASSWORD = "correct-horse-battery"


def _users(engine: Engine) -> dict[str, str]:
    """officer omar (home), supervisor sara (home, TOTP), partner pierre (FR)."""
    secrets: dict[str, str] = {}
    with transaction(engine) as s:
        s.add(Agency(ref="FR-OCRTEH", acronym="OCRTEH", name="Office central", kind="police",
                     country_code="FR"))
        s.flush()
        for name, role, agency in [("omar", "officer", "NCB"), ("sara", "supervisor", "NCB"),
                                   ("pierre", "partner", "OCRTEH")]:
            new = add_user(s, cli_actor(), name, [role], agency, PASSWORD)
            secrets[name] = new.user.totp_secret
    return secrets


def test_login_and_second_factor(db_engine: Engine) -> None:
    secrets = _users(db_engine)
    omar = login("omar", PASSWORD, engine=db_engine)
    assert omar.home and omar.agency_ref == "NCB" and not omar.is_partner
    pierre = login("pierre", PASSWORD, engine=db_engine)
    assert pierre.is_partner and pierre.agency_ref == "FR-OCRTEH"
    assert secrets["sara"] and not secrets["omar"]
    with pytest.raises(NotAuthenticated):
        login("sara", PASSWORD, engine=db_engine)  # the supervisor needs her code
    code = pyotp.TOTP(secrets["sara"]).now()
    assert login("sara", PASSWORD, code, engine=db_engine).has("supervisor")
    with transaction(db_engine) as s:
        hashes = s.scalars(select(UserAccount.password_hash)).all()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_lock_out_after_repeated_failures(db_engine: Engine) -> None:
    _users(db_engine)
    for _ in range(MAX_FAILURES):
        with pytest.raises(NotAuthenticated, match="wrong"):
            login("omar", "not-the-password", engine=db_engine)
    with pytest.raises(NotAuthenticated, match="locked"):
        login("omar", PASSWORD, engine=db_engine)
    with transaction(db_engine) as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_ref == "omar")).all()
    assert actions.count("login_failed") == MAX_FAILURES + 1


def test_unknown_user_gets_the_same_answer(db_engine: Engine) -> None:
    _users(db_engine)
    with pytest.raises(NotAuthenticated, match="wrong user name, password or one-time code"):
        login("nobody", PASSWORD, engine=db_engine)


def test_bad_input_is_refused(db_engine: Engine) -> None:
    with transaction(db_engine) as s, pytest.raises(ValidationError, match="role"):
        add_user(s, cli_actor(), "x1", ["chief"], "NCB", PASSWORD)
    with transaction(db_engine) as s, pytest.raises(ValidationError, match="password"):
        add_user(s, cli_actor(), "x2", ["officer"], "NCB", "short")
    with transaction(db_engine) as s, pytest.raises(ValidationError, match="agency"):
        add_user(s, cli_actor(), "x3", ["officer"], "NOPE", PASSWORD)


def test_tokens_expire_are_revocable_and_stored_hashed(db_engine: Engine) -> None:
    _users(db_engine)
    omar = login("omar", PASSWORD, engine=db_engine)
    with transaction(db_engine) as s:
        secret = tokens.issue(s, omar)
        stale = tokens.issue(s, omar, minutes=-1)
    with transaction(db_engine) as s:
        assert tokens.resolve(s, secret).username == "omar"
        assert s.get(AccessToken, secret) is None and s.get(AccessToken, tokens.digest(secret))
        with pytest.raises(NotAuthenticated, match="expired"):
            tokens.resolve(s, stale)
        tokens.revoke(s, secret)
    with transaction(db_engine) as s, pytest.raises(NotAuthenticated, match="revoked"):
        tokens.resolve(s, secret)


def test_disabling_a_user_revokes_its_tokens(db_engine: Engine) -> None:
    _users(db_engine)
    omar = login("omar", PASSWORD, engine=db_engine)
    with transaction(db_engine) as s:
        secret = tokens.issue(s, omar)
    with transaction(db_engine) as s:
        assert disable_user(s, cli_actor(), "omar") == 1
    with transaction(db_engine) as s, pytest.raises(NotAuthenticated):
        tokens.resolve(s, secret)
    with pytest.raises(NotAuthenticated):
        login("omar", PASSWORD, engine=db_engine)


def test_web_session_and_csrf(db_engine: Engine) -> None:
    _users(db_engine)
    cookie, actor = sessions.open_session("omar", PASSWORD, origin="10.0.0.1", engine=db_engine)
    with transaction(db_engine) as s:
        assert sessions.session_actor(s, cookie).username == "omar"
        with pytest.raises(NotAuthenticated):
            sessions.session_actor(s, cookie[:-2] + "xx")
    token = sessions.csrf_token(cookie)
    sessions.check_csrf(cookie, token)
    with pytest.raises(PermissionDenied):
        sessions.check_csrf(cookie, "forged")
    with pytest.raises(PermissionDenied):
        sessions.check_csrf(cookie, None)
    with transaction(db_engine) as s:
        sessions.close_session(s, cookie)
    with transaction(db_engine) as s, pytest.raises(NotAuthenticated):
        sessions.session_actor(s, cookie)


def test_session_cookie_flags() -> None:
    from starlette.responses import Response

    response = Response()
    sessions.set_session_cookie(response, "value")
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "secure" not in header
