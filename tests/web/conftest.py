"""A real server and a real browser for the page tests.

One session: a fresh SQLite database with a small demo (scale 0.02), three users made
through the security service, a person written in Latin script only, and a file not
shared with the partner; uvicorn serving it on a free port of 127.0.0.1 in a
subprocess; Debian's Chromium driven by Playwright (never ``playwright install``).

Screenshots of the main pages are taken and checked at every run, in a temporary
folder; with ``LIAISON_SCREENSHOTS=1`` they are written to docs/screenshots/ instead
(for the README), so an ordinary test run leaves the checkout clean.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from liaison import db
from liaison.cases import service as cases
from liaison.demo import build_demo
from liaison.ingest.schema import Person
from liaison.partners.service import ensure_countries
from liaison.security.accounts import add_user
from liaison.security.actor import cli_actor
from liaison.security.records_service import create_record, share_record
from tests.api.conftest import Api, seed_users

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "un-mot-de-passe-solide"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
#: the file the partner must not see, and the person found from Arabic script
SECRET_CASE = "CF-TEST-NOT-SHARED"
SHARED_CASE = "CF-TEST-SHARED"
LATIN_PERSON = "P-TEST-BENALI"



@dataclass
class Site:
    url: str
    supervisor_secret: str
    #: the server's database, for tests that check what a page wrote
    database_url: str = ""

    def supervisor_code(self) -> str:
        import pyotp

        return str(pyotp.TOTP(self.supervisor_secret).now())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fill(url: str) -> str:
    engine = db.make_engine(url)
    db.upgrade(engine)
    actor = cli_actor()
    with db.transaction(engine) as session:
        ensure_countries(session)
        build_demo(session, actor, scale=0.02)
        add_user(session, actor, "agent", ["officer"], "NCB", PASSWORD)
        chef = add_user(session, actor, "chef", ["supervisor"], "NCB", PASSWORD)
        add_user(session, actor, "liaison-fr", ["partner"], "DGPN-FR", PASSWORD)
        add_user(session, actor, "analyste", ["analyst"], "NCB", PASSWORD)
        create_record(session, actor, "person", Person(
            kind="person", ref=LATIN_PERSON, names=[{"full_name": "Mohamed Benali"}],
            birth_date="1984-03-12", nationalities=["MA"], classification="restricted"))
        cases.open_case(session, actor, ref=SECRET_CASE, subject="Dossier interne",
                        partner_country_code="ES", category="drugs")
        cases.open_case(session, actor, ref=SHARED_CASE, subject="Demande de la DGPN",
                        partner_country_code="FR", category="drugs")
        share_record(session, actor, "case", SHARED_CASE, "DGPN-FR", "demande du partenaire")
    engine.dispose()
    return chef.user.totp_secret


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    secret = _fill(url)
    port = _free_port()
    env = {**os.environ, "LIAISON_DATABASE_URL": url, "LIAISON_LOG_LEVEL": "WARNING"}
    log = (tmp_path_factory.getbasetemp() / "web-server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "liaison.api.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/connexion", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        yield Site(base, secret, url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture
def http(configured: Engine) -> Iterator[Api]:
    """The application in-process (no browser) on a migrated database with the API
    tests' three accounts, on SQLite and PostgreSQL."""
    from fastapi.testclient import TestClient

    from liaison.api.app import create_app

    secrets = seed_users(configured)
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield Api(client, configured, secrets)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, site: Site) -> Iterator[object]:
    """A fresh browser context (no cookies) on a laptop-sized screen."""
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=site.url, viewport={"width": 1366, "height": 860}, locale="fr-FR")
    context.set_default_timeout(20_000)
    tab = context.new_page()
    yield tab
    context.close()


def login(page: object, username: str, code: str = "") -> None:
    page.goto("/connexion")  # type: ignore[attr-defined]
    page.fill("#username", username)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    if code:
        page.fill("#code", code)  # type: ignore[attr-defined]
    page.click("form.stack button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-testid=who]")  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/screenshots/ when LIAISON_SCREENSHOTS=1, else a temporary folder."""
    if os.environ.get("LIAISON_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, read from its header (ValueError if not a PNG)."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path}: not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


@pytest.fixture
def shoot(screenshot_dir: Path) -> Callable[[object, str], Path]:
    """Take a full-page screenshot and check it: a PNG of the laptop screen's width, at
    least a screen high, and not blank (a blank page compresses to a few kB)."""

    def take(page: object, name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        width, height = png_size(path)
        assert width == 1366 and height >= 600, (name, width, height)
        assert path.stat().st_size > 20_000, (name, path.stat().st_size)
        return path

    return take
