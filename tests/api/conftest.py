"""An API client on a migrated database with three accounts: officer omar (home),
supervisor sara (home, second factor) and partner pierre (French agency)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from liaison.api.app import create_app
from liaison.db import transaction
from liaison.partners.model import Agency
from liaison.security.accounts import add_user
from liaison.security.actor import cli_actor
from tests.security.conftest import cheap_password_hashes  # noqa: F401  (autouse)

PASSWORD = "correct-horse-battery"
PARTNER_AGENCY = "FR-OCRTEH"


@dataclass
class Api:
    client: TestClient
    engine: Engine
    totp: dict[str, str]

    def token(self, user: str) -> str:
        form = {"username": user, "password": PASSWORD}
        if self.totp.get(user):
            form["otp"] = pyotp.TOTP(self.totp[user]).now()
        response = self.client.post("/api/v1/auth/token", data=form)
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    def headers(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}"}


def seed_users(engine: Engine) -> dict[str, str]:
    secrets = {}
    with transaction(engine) as s:
        s.add(Agency(ref=PARTNER_AGENCY, acronym="OCRTEH", name="Office central", kind="police",
                     country_code="FR", classification="public"))
        s.add(Agency(ref="ES-CGPJ", acronym="CGPJ", name="Comisaría General", kind="police",
                     country_code="ES", classification="public"))
        s.flush()
        for name, role, agency in [("omar", "officer", "NCB"), ("sara", "supervisor", "NCB"),
                                   ("pierre", "partner", "OCRTEH")]:
            new = add_user(s, cli_actor(), name, [role], agency, PASSWORD)
            secrets[name] = new.user.totp_secret
    return secrets


@pytest.fixture
def api(configured: Engine) -> Iterator[Api]:
    secrets = seed_users(configured)
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield Api(client, configured, secrets)
