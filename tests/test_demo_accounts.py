"""A newcomer who ran ``make run`` can log in: the demo has one account per role, the
login page of a demo server lists them with the current one-time code, and a server
that is not a demo never shows them."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from liaison import config
from liaison.api.app import create_app
from liaison.db import transaction
from liaison.demo import build_demo
from liaison.demo.accounts import (
    ACCOUNTS,
    PARTNER_AGENCY,
    PASSWORD,
    TOTP_SECRET,
    current_code,
)
from liaison.security.actor import cli_actor
from liaison.security.model import Share, UserAccount
from tests.security.conftest import cheap_password_hashes  # noqa: F401  (autouse)


@pytest.fixture
def demo_db(configured: Engine) -> Engine:
    with transaction(configured) as s:
        build_demo(s, cli_actor(), scale=0.01, accounts=True)
    return configured


@pytest.fixture
def client(demo_db: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _token(client: TestClient, username: str, code: str | None = None) -> int:
    form = {"username": username, "password": PASSWORD, **({"otp": code} if code else {})}
    return client.post("/api/v1/auth/token", data=form).status_code


def test_every_demo_account_logs_in_with_its_role(demo_db: Engine, client: TestClient) -> None:
    with transaction(demo_db, readonly=True) as s:
        users = {u.username: u for u in s.scalars(select(UserAccount))}
        shared = s.scalar(select(func.count()).select_from(Share)
                          .where(Share.agency_ref == PARTNER_AGENCY))
    for account in ACCOUNTS:
        assert users[account.username].roles == [account.role]
        if account.second_factor:
            assert _token(client, account.username) == 401  # the code is required
            assert _token(client, account.username, current_code()) == 200
        else:
            assert _token(client, account.username) == 200
    assert users["demo.partner"].agency_ref == PARTNER_AGENCY
    assert shared and shared > 0  # the partner's officer has files to see


def test_the_login_page_lists_them_only_on_a_demo_server(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = client.get("/connexion").text
    assert "demo.officer" not in page and PASSWORD not in page
    monkeypatch.setenv("LIAISON_DEMO", "1")
    config.get_settings.cache_clear()
    page = client.get("/connexion").text
    assert 'id="demo-accounts"' in page and PASSWORD in page
    assert all(a.username in page for a in ACCOUNTS)
    totp, now = pyotp.TOTP(TOTP_SECRET), time.time()
    assert any(totp.at(t) in page for t in (now, now - 30))  # a 30 s step may have passed


def test_demo_without_accounts_makes_none(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        build_demo(s, cli_actor(), scale=0.002)
    with transaction(db_engine, readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(UserAccount)) == 0
