"""The pages over HTTP without a browser, on SQLite and PostgreSQL: login required
everywhere, CSRF checked, errors escaped, a partner told nothing about what is not
shared with it."""

from __future__ import annotations

import re

from liaison.cases import service as cases
from liaison.db import transaction
from liaison.security.actor import cli_actor
from tests.api.conftest import PASSWORD, Api
from tests.security.conftest import cheap_password_hashes  # noqa: F401  (autouse)

PAGES = ["/", "/tableau/carte", "/dossiers", "/dossiers/nouveau", "/dossiers/X", "/notices",
         "/notices/nouveau", "/commissions-rogatoires", "/extraditions", "/personnes",
         "/personnes?nom=Ali", "/personnes/P-1", "/partenaires", "/partenaires/pays/FR",
         "/reunions", "/revue-presse"]
#: an address of another site in a page's src, href or CSS (none: every asset is the app's)
EXTERNAL = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//|url\(\s*["']?(?:[a-z]+:)?//""",
    re.IGNORECASE)


def _login(http: Api, user: str) -> str:
    client = http.client
    response = client.post("/connexion", data={"username": user, "password": PASSWORD},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    page = client.get("/dossiers/nouveau").text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def test_every_page_asks_for_login(http: Api) -> None:
    for path in PAGES:
        response = http.client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/connexion?suite=")


def test_pages_answer_once_logged_in_and_errors_are_escaped(http: Api) -> None:
    _login(http, "omar")
    for path in PAGES:
        response = http.client.get(path)
        assert response.status_code in (200, 404), (path, response.text[-300:])
        assert response.headers["content-type"].startswith("text/html")
        assert not EXTERNAL.search(response.text), path
    for asset in ("/static/style.css", "/static/press.js"):
        served = http.client.get(asset)
        assert served.status_code == 200 and not EXTERNAL.search(served.text), asset
    missing = http.client.get("/dossiers/%3Cb%3Ebold")
    assert missing.status_code == 404
    assert "<b>bold" not in missing.text and "&lt;b&gt;bold" in missing.text


def test_a_form_without_its_csrf_token_is_refused(http: Api) -> None:
    csrf = _login(http, "omar")
    data = {"ref": "CF-T-1", "subject": "x", "direction": "incoming", "priority": "normal"}
    refused = http.client.post("/dossiers/nouveau", data=data)
    assert refused.status_code == 403
    accepted = http.client.post("/dossiers/nouveau", data={**data, "csrf": csrf},
                               follow_redirects=False)
    assert accepted.status_code == 303
    empty = http.client.post("/dossiers/nouveau", data={**data, "ref": "CF-T-2", "subject": "",
                                                      "csrf": csrf})
    assert empty.status_code == 422
    assert 'id="err-subject"' in empty.text  # the service's reason, beside its field


def test_partner_learns_nothing_of_a_file_not_shared(http: Api) -> None:
    with transaction(http.engine) as session:
        cases.open_case(session, cli_actor(), ref="CF-HIDDEN", subject="internal")
    _login(http, "pierre")
    hidden = http.client.get("/dossiers/CF-HIDDEN")
    absent = http.client.get("/dossiers/CF-NEVER")
    assert hidden.status_code == absent.status_code == 403
    strip = re.compile(r"CF-(HIDDEN|NEVER)")
    assert strip.sub("", hidden.text) == strip.sub("", absent.text)
    assert "internal" not in hidden.text


def test_arabic_text_is_marked_right_to_left_wherever_shown(http: Api) -> None:
    with transaction(http.engine) as session:
        cases.open_case(session, cli_actor(), ref="CF-AR", subject="طلب معلومات عن محمد بن علي")
    _login(http, "omar")
    for path in ("/dossiers", "/dossiers/CF-AR", "/dossiers/CF-AR?lang=en"):
        page = http.client.get(path).text
        assert '<bdi dir="rtl" lang="ar">طلب معلومات' in page, path
    assert '<html lang="en" dir="ltr">' in http.client.get("/?lang=en").text
    assert '<html lang="ar" dir="rtl">' in http.client.get("/?lang=ar").text


def test_the_report_page_is_drawn_again_when_its_figures_change(http: Api) -> None:
    import datetime as dt

    _login(http, "omar")
    before = http.client.get("/rapports/2024")
    assert before.status_code == 200
    # the charts are inline SVG images with a text alternative, no picture to fetch
    assert 'role="img" aria-labelledby="chart-trend-title"' in before.text
    assert "<img" not in before.text
    assert http.client.get("/rapports/2024").text == before.text  # same figures, same page
    with transaction(http.engine) as session:
        cases.open_case(session, cli_actor(), ref="CF-2024-R1", subject="report",
                        opened_on=dt.date(2024, 5, 2), category="drugs")
    after = http.client.get("/rapports/2024")
    assert after.status_code == 200 and after.text != before.text  # never a stale page
    assert 'aria-labelledby="chart-categories-title"' not in before.text
    assert 'aria-labelledby="chart-categories-title"' in after.text  # the new file's category


def test_the_last_report_is_drawn_in_the_background_after_a_login(http: Api) -> None:
    import datetime as dt
    import time

    from liaison.web import reports

    reports._warmed.clear()
    reports._PAGES.clear()
    _login(http, "omar")
    for _ in range(300):  # the drawing takes a few seconds on a loaded machine
        if reports._PAGES:
            break
        time.sleep(0.1)
    assert len(reports._PAGES) == 1
    drawn = next(iter(reports._PAGES.values()))
    page = http.client.get(f"/rapports/{dt.date.today().year - 1}")
    assert page.text == drawn and len(reports._PAGES) == 1  # served as drawn


def test_a_persons_history_shows_reads_and_their_purpose_to_auditors_only(http: Api) -> None:
    from liaison.ingest.schema import Person
    from liaison.security.accounts import add_user
    from liaison.security.records_service import create_record

    with transaction(http.engine) as session:
        create_record(session, cli_actor(), "person", Person(
            kind="person", ref="P-HIST", names=[{"full_name": "Samir Haddad"}],
            classification="restricted"))
        add_user(session, cli_actor(), "aude", ["auditor"], "NCB", PASSWORD)
    _login(http, "omar")
    officer = http.client.get("/personnes/P-HIST?motif=contrôle d'identité").text
    assert 'class="list history"' in officer and "contrôle d&#39;identité" not in officer.split(
        'class="list history"')[1]  # fmt: skip
    http.client.cookies.clear()
    _login(http, "aude")
    auditor = http.client.get("/personnes/P-HIST?motif=audit").text
    history = auditor.split('class="list history"')[1]
    assert "contrôle d&#39;identité" in history and "omar" in history
