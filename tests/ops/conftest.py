"""Fixtures of the reliability tests: an officer account, the database's URL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from liaison.security.accounts import add_user
from liaison.security.actor import cli_actor

PASSWORD = "correct-horse-battery"


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def officer(configured: Engine) -> str:
    """An officer of the home bureau (no second factor), named ``desk``."""
    with transaction(configured) as s:
        add_user(s, cli_actor(), "desk", ["officer"], "NCB", PASSWORD)
    return "desk"
