"""The report's edges: ``liaison report``, ``/api/v1/reports`` and ``/rapports/YEAR``."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
import typer
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from liaison.reports.cli import register
from tests.api.conftest import PASSWORD, Api, api  # noqa: F401  (the api fixture)
from tests.reports.conftest import build_records


def _cli() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def _other() -> None:  # a second command keeps "report" a named sub-command
        pass

    return app


def test_cli_json_and_markdown(configured: Engine, expected_2023: dict[str, Any]) -> None:
    build_records(configured)
    runner = CliRunner()
    result = runner.invoke(_cli(), ["report", "2023"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    for section, expected in expected_2023.items():
        if isinstance(expected, dict):
            assert {k: got[section][k] for k in expected} == expected
    md = runner.invoke(_cli(), ["report", "--from", "2023-06-01", "--to", "2023-12-31",
                                "--format", "md", "--lang", "en"])
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# Report from 1 June 2023 to 31 December 2023")


def test_cli_writes_a_pdf_file(configured: Engine, tmp_path: Any) -> None:
    if configured.dialect.name != "sqlite":
        pytest.skip("the PDF does not depend on the database: once is enough")
    target = tmp_path / "bilan.pdf"
    result = CliRunner().invoke(_cli(), ["report", "2023", "-f", "pdf", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF-")


def test_cli_refuses_bad_input(configured: Engine) -> None:
    runner = CliRunner()
    for args in (["report", "2023", "-f", "docx"], ["report", "--from", "2023-01-01"],
                 ["report", "2023", "--to", "2023-02-01"], ["report", "--from", "hier",
                                                          "--to", "2023-02-01"]):
        result = runner.invoke(_cli(), args)
        assert result.exit_code != 0, args


def _mounted(api: Api) -> Api:  # noqa: F811
    """The API with the reports router (mounted by api/app.py's list of modules)."""
    from liaison.api import reports

    app = api.client.app
    if not any(getattr(r, "path", "") == "/api/v1/reports/{year}" for r in app.routes):  # type: ignore[attr-defined]
        app.include_router(reports.router, prefix="/api/v1")  # type: ignore[attr-defined]
    return api


def test_api_report_for_a_year_and_a_range(api: Api, expected_2023: dict[str, Any]) -> None:  # noqa: F811
    _mounted(api)
    build_records(api.engine)
    headers = api.headers("omar")
    response = api.client.get("/api/v1/reports/2023", headers=headers)
    assert response.status_code == 200, response.text
    got = response.json()
    assert got["cases"] == {**got["cases"], **expected_2023["cases"]}
    assert got["warrants"] == expected_2023["warrants"]
    ranged = api.client.get("/api/v1/reports?from=2023-06-01&to=2023-12-31", headers=headers)
    assert ranged.status_code == 200 and ranged.json()["cases"]["total"] == 2


def test_api_needs_a_home_user(api: Api) -> None:  # noqa: F811
    _mounted(api)
    assert api.client.get("/api/v1/reports/2023").status_code == 401
    partner = api.client.get("/api/v1/reports/2023", headers=api.headers("pierre"))
    assert partner.status_code == 403
    assert partner.headers["content-type"].startswith("application/problem+json")
    reversed_range = api.client.get("/api/v1/reports?from=2023-12-31&to=2023-01-01",
                                    headers=api.headers("omar"))
    assert reversed_range.status_code == 422


def _logged_in(api: Api, user: str) -> TestClient:  # noqa: F811
    pytest.importorskip("liaison.web.visitor")  # the web pages' login (security engineer)
    from liaison.web.reports import router

    app = api.client.app
    if not any(getattr(r, "path", "") == "/rapports/{year}" for r in app.routes):  # type: ignore[attr-defined]
        app.include_router(router)  # type: ignore[attr-defined]  # until web/pages mounts it
    form = {"username": user, "password": PASSWORD, "suite": "/"}
    if api.totp.get(user):
        form["code"] = pyotp.TOTP(api.totp[user]).now()
    response = api.client.post("/connexion", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    return api.client


def test_web_page_and_pdf(api: Api) -> None:  # noqa: F811
    build_records(api.engine)
    anonymous = api.client.get("/rapports/2023", follow_redirects=False)
    client = _logged_in(api, "omar")
    assert anonymous.status_code in (303, 404)  # login page, or router not yet mounted
    page = client.get("/rapports/2023")
    assert page.status_code == 200
    assert "Bilan annuel 2023" in page.text and "4 dossiers de coopération" in page.text
    latest = client.get("/rapports", follow_redirects=False)
    assert latest.status_code == 303 and latest.headers["location"].startswith("/rapports/20")
    english = client.get("/rapports/2023?lang=en")
    assert "Annual report 2023" in english.text
    if api.engine.dialect.name == "sqlite":  # the PDF does not depend on the database
        pdf = client.get("/rapports/2023.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
