"""The desk in a real browser: login, a file through its workflow, person search across
scripts, a partner refused, the interface in English and Arabic. Screenshots of the
main pages are taken and checked (written to docs/screenshots/ with LIAISON_SCREENSHOTS=1)."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import LATIN_PERSON, SECRET_CASE, SHARED_CASE, Site, login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_login_required_and_header_shows_agency_and_role(page, site: Site, shoot) -> None:
    page.goto("/dossiers")
    assert "/connexion" in page.url
    page.fill("#username", "agent")
    page.fill("#password", "wrong")
    page.click("form.stack button[type=submit]")
    assert page.locator("#login-error").is_visible()
    login(page, "agent")
    who = page.locator("[data-testid=who]")
    assert "agent" in who.inner_text() and "BCN" in who.inner_text()
    assert "officier" in who.inner_text().lower() or "agent" in who.inner_text()
    page.goto("/")
    page.wait_for_selector(".map svg")
    assert page.locator("svg.chart").count() >= 2
    shoot(page, "dashboard")
    page.goto("/nulle-part")
    assert page.locator("[data-status='404']").is_visible()


def _act(page, action: str, **fields: str) -> None:
    form = page.locator(f"#a-{action}")
    summary = form.locator("xpath=..").locator("summary")
    if form.is_hidden():
        summary.click()
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()


def test_open_a_case_and_move_it_through_its_workflow(page, site: Site, shoot) -> None:
    login(page, "agent")
    page.goto("/dossiers")
    page.select_option("#f-status", "closed")  # htmx: the rows change, the page stays
    page.wait_for_url(re.compile(r"status=closed"))
    assert page.locator("#results td .s-closed").count() > 0
    assert page.locator("#results td .s-received").count() == 0
    page.click("a.button[href='/dossiers/nouveau']")
    page.fill("#c-subject", "Demande d'identification d'un suspect — trafic de stupéfiants")
    page.select_option("#c-category", "drugs")
    page.fill("#c-partner_country_code", "FR")
    page.click("#new-case button[type=submit]")
    status = page.locator("[data-testid=status]")
    assert status.inner_text() == "reçu"
    ref = page.url.rsplit("/", 1)[1].split("?")[0]

    _act(page, "assign", to="agent")
    assert status.inner_text() == "assigné"
    _act(page, "start")
    assert status.inner_text() == "en cours"
    _act(page, "draft_answer", answer="")  # refused: the field says why
    assert page.locator("#err-answer").is_visible()
    assert page.locator("#a-draft_answer-answer").get_attribute("aria-invalid") == "true"
    _act(page, "draft_answer", answer="La personne est connue de nos services.")
    _act(page, "approve_answer")  # the drafter may not approve (four-eyes)
    assert page.locator("#a-approve_answer .error").is_visible()
    assert status.inner_text() == "en cours"

    page.click("form[action='/deconnexion'] button")
    login(page, "chef", site.supervisor_code())
    page.goto(f"/dossiers/{ref}")
    _act(page, "approve_answer")
    assert status.inner_text() == "répondu"
    history = page.locator("table.history").inner_text()
    assert "agent" in history and "chef" in history
    shoot(page, "case")
    _act(page, "close")
    assert status.inner_text() == "clôturé"


def test_person_search_finds_latin_record_from_arabic_script(page, site: Site, shoot) -> None:
    login(page, "agent")
    page.goto("/personnes")
    page.fill("#s-name", "محمد بن علي")
    page.fill("#s-birth", "1984")
    page.click(".search-form button[type=submit]")
    first = page.locator(".candidate").first
    first.wait_for()
    assert "Mohamed Benali" in first.inner_text()
    page.locator(".candidate details summary").first.click()
    assert page.locator(".why").first.is_visible()
    shoot(page, "person-search")
    page.locator(f"a[href='/personnes/{LATIN_PERSON}']").first.click()
    page.fill("#purpose", "vérification d'un signalement")
    page.click("form.stack button[type=submit]")
    assert "Mohamed Benali" in page.locator("h1").inner_text()
    history = page.locator("table.history").inner_text()  # from the audit trail
    assert "création" in history
    assert "vérification d'un signalement" not in history  # reads: for auditors only


def test_partner_is_refused_a_file_not_shared_with_it(page, site: Site) -> None:
    login(page, "liaison-fr")
    assert "DGPN" in page.locator("[data-testid=who]").inner_text()
    response = page.goto(f"/dossiers/{SECRET_CASE}")
    assert response is not None and response.status == 403
    assert page.locator("[data-status='403']").is_visible()
    assert "Dossier interne" not in page.content()  # nothing about the file itself
    response = page.goto(f"/dossiers/{SHARED_CASE}")  # what is shared, it sees
    assert response is not None and response.status == 200
    assert "Demande de la DGPN" in page.locator("main").inner_text()
    assert page.locator("form[action*='/actions/']").count() == 0
    assert page.locator("table.history").count() == 0  # the bureau's trail is its own


def test_partner_page_and_languages(page, site: Site, shoot) -> None:
    login(page, "agent")
    page.keyboard.press("Tab")  # the first stop is the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.goto("/partenaires/pays/FR")
    assert page.locator("h1").inner_text().startswith("France")
    shoot(page, "partner")
    page.click("nav.langs a[hreflang=en]")
    assert page.locator("h1").inner_text().startswith("France")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("nav.menu").inner_text().find("Dashboard") >= 0
    page.goto("/")
    assert page.locator("h1").inner_text() == "Dashboard"  # the choice is kept (cookie)
    page.click("nav.langs a[hreflang=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click("nav.langs a[hreflang=fr]")
    assert re.match("Tableau de bord", page.locator("h1").inner_text())
