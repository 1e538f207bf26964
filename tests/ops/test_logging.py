"""Structured logs: JSON lines carrying the request id, and no personal data in them."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from liaison.api.app import create_app
from liaison.ops import logging as ops_logging
from tests.ops.conftest import PASSWORD

NAME = "Zyxwvut Qwertyan"


def _lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_logs_are_json_with_request_ids_and_no_personal_data(configured: Engine,
                                                             officer: str) -> None:
    app = create_app()

    @app.get("/api/v1/_boom_for_test")
    def boom() -> None:
        raise RuntimeError(f"failed while reading {NAME}")

    stream = io.StringIO()
    ops_logging.configure("INFO", stream)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = client.post("/api/v1/auth/token",
                            data={"username": officer, "password": PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}",
                   "X-Request-ID": "req-0001-abcd"}
        created = client.post("/api/v1/persons", headers=headers, json={
            "ref": "P-LOG-1", "names": [{"full_name": NAME}], "birth_date": "1971"})
        assert created.status_code == 201, created.text
        assert created.headers["x-request-id"] == "req-0001-abcd"
        client.get("/api/v1/persons/P-LOG-1", headers=headers, params={"purpose": NAME})
        client.get("/api/v1/persons", headers={**headers, "X-Request-ID": "x"},
                   params={"birth_date": "1971"})
        crashed = client.get("/api/v1/_boom_for_test", headers=headers)
    assert crashed.status_code == 500
    assert crashed.headers["content-type"].startswith("application/problem+json")
    assert NAME not in crashed.text
    text = stream.getvalue()
    lines = _lines(stream)
    access = [line for line in lines if line["event"] == "request"]
    assert len(access) >= 5
    assert all(line["request_id"] for line in lines)
    assert {"ts", "level", "method", "route", "status", "ms"} <= set(access[-1])
    mine = [line for line in access if line["request_id"] == "req-0001-abcd"]
    assert [line["route"] for line in mine][:2] == ["/api/v1/persons", "/api/v1/persons/{ref}"]
    assert any(line["request_id"] != "x" and line["route"] == "/api/v1/persons"
               for line in access)  # a malformed incoming id is replaced
    error = next(line for line in lines if line["level"] == "error")
    assert error["error"] == "RuntimeError" and error["request_id"] == "req-0001-abcd"
    for secret in (NAME, "Zyxwvut", "P-LOG-1", "1971", PASSWORD, token["access_token"], officer):
        assert secret not in text, f"{secret!r} leaked into the logs"


def test_a_name_typed_in_the_desk_search_stays_out_of_the_logs(configured: Engine,
                                                               officer: str) -> None:
    app = create_app()  # configures the logs from the settings: capture them after it
    stream = io.StringIO()
    ops_logging.configure("INFO", stream)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = client.post("/api/v1/auth/token",
                            data={"username": officer, "password": PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        found = client.get("/api/v1/screening/search", headers=headers,
                           params={"name": NAME, "birth_date": "1971-04-02",
                                   "nationality": "MA"})
        assert found.status_code == 200, found.text
        refused = client.get("/api/v1/screening/search", headers=headers,
                             params={"name": NAME, "birth_date": "1971-13-99"})
        assert refused.status_code == 422
    text = stream.getvalue()
    routes = [line["route"] for line in _lines(stream) if line["event"] == "request"]
    assert routes[-2:] == ["/api/v1/screening/search"] * 2
    for secret in (NAME, "Zyxwvut", "Qwertyan", "1971-04-02", "1971-13-99", officer):
        assert secret not in text, f"{secret!r} leaked into the logs"
