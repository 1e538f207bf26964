"""The probes: /healthz while the process lives, /readyz only with a usable database."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from liaison import config, db
from liaison.api.app import create_app


def test_ready_with_a_migrated_database(configured: Engine) -> None:
    with TestClient(create_app()) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["schema"] == db.current_revision(configured)


@pytest.mark.parametrize("url", ["postgresql+psycopg://nobody@127.0.0.1:1/none", "empty"])
def test_not_ready_without_a_database_but_alive(url: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    if url == "empty":
        url = f"sqlite:///{tmp_path / 'empty.db'}"  # reachable, but no schema
    monkeypatch.setenv("LIAISON_DATABASE_URL", url)
    config.get_settings.cache_clear()
    try:
        with TestClient(create_app()) as client:
            assert client.get("/healthz").status_code == 200
            ready = client.get("/readyz")
            assert ready.status_code == 503
            assert "request_id" not in ready.text
    finally:
        db._engines.pop(url, None)
        config.get_settings.cache_clear()
