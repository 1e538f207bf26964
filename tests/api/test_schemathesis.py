"""Property-based test of the whole API against its own OpenAPI schema (schemathesis):
with a valid token, no request may end in a 5xx, and every response must match the
schema. A few examples per operation keep it quick."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Engine

from liaison import config, db
from liaison.api.app import create_app
from liaison.db import transaction
from liaison.security import tokens
from liaison.security.accounts import actor_for, add_user
from liaison.security.actor import cli_actor
from tests.conftest import _empty

schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app())
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance,
          status_code_conformance]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bearer(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """One database per module (not per operation: the fuzzing needs no clean slate),
    made the process default, with an officer's token."""
    engine: Engine = request.getfixturevalue(
        "pg_engine" if request.param == "postgresql" else "sqlite_engine")
    _empty(engine)
    url = engine.url.render_as_string(hide_password=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LIAISON_DATABASE_URL", url)
        config.get_settings.cache_clear()
        db._engines[url] = engine
        with transaction(engine) as s:
            user = add_user(s, cli_actor(), "fuzz", ["officer"], "NCB",
                            "correct-horse-battery").user
            secret = tokens.issue(s, actor_for(s, user))
        yield {"Authorization": f"Bearer {secret}"}
        db._engines.pop(url, None)
    config.get_settings.cache_clear()
    _empty(engine)


@schema.parametrize()
@settings(max_examples=2, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case: schemathesis.Case, bearer: dict[str, str]) -> None:
    headers = dict(bearer)
    if case.operation.path == "/api/v1/auth/token":
        headers = {}
    case.call_and_validate(headers=headers, checks=CHECKS)
