"""The press review page over HTTP, on SQLite and PostgreSQL, without the language model:
the proposals are built by hand and signed as the page signs them. Who may use it, what
a decision on a person or a country does to the meetings written, corrections refused
beside their field, forged proposals refused — and nothing half-written."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlalchemy import func, select

from liaison.db import transaction
from liaison.ingest.press.result import (
    Agreement,
    Country,
    DateSpan,
    Event,
    Extraction,
    Figure,
    Meeting,
    PartialDate,
    Participant,
    Person,
)
from liaison.partners.model import Agreement as AgreementRow
from liaison.partners.model import Meeting as MeetingRow
from liaison.partners.service import ensure_countries
from liaison.security.accounts import add_user
from liaison.security.actor import cli_actor
from liaison.security.audit import AuditEntry
from liaison.security.sessions import COOKIE_NAME
from liaison.web.press import sign
from tests.api.conftest import PASSWORD, Api
from tests.security.conftest import cheap_password_hashes  # noqa: F401  (autouse)

SENTENCE = "M. Karim Bennani a reçu Mme Ana Ferreira le 6 mai 2025 à Rabat."


def _login(http: Api, user: str) -> str:
    response = http.client.post("/connexion", data={"username": user, "password": PASSWORD},
                                follow_redirects=False)  # fmt: skip
    assert response.status_code == 303, response.text
    page = http.client.get("/")
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


def _proposals() -> dict[str, list[dict[str, Any]]]:
    day = DateSpan(PartialDate(2025, 5, 6), text="6 mai 2025")
    people = [Participant("Karim Bennani", "directeur", "DGSN", "MA"),
              Participant("Ana Ferreira", "directrice adjointe", "PJ", "PT")]  # fmt: skip
    forum = Event("Forum euro-méditerranéen de la sécurité", "forum", "Tanger", "MA",
                  DateSpan(PartialDate(2025, 6, 2), PartialDate(2025, 6, 4), kind="range"),
                  SENTENCE, 0.9)  # fmt: skip
    return Extraction(
        events=[forum],
        meetings=[Meeting("bilateral", [day], "Rabat", None, people, ["PT", "ES"], SENTENCE,
                          0.85)],  # fmt: skip
        agreements=[Agreement("action_plan", "plan d'action", [], ["PT"], [],
                              DateSpan(PartialDate(2025, 5, 7)), "Rabat", None, SENTENCE, 0.9)],
        people=[Person("Karim Bennani", "directeur", "DGSN", "MA", SENTENCE, 0.9),
                Person("Ana Ferreira", "directrice adjointe", "PJ", "PT", SENTENCE, 0.9)],
        countries=[Country("PT", "Portugal", ["portugaise"], "adjective", SENTENCE, 0.85),
                   Country("ES", "Espagne", ["Espagne"], "name", SENTENCE, 0.95)],
        figures=[Figure(312.0, "victimes", "victimes identifiées", 2024, None, SENTENCE, 0.8)],
    ).to_dict()


def _review_form(http: Api, csrf: str, **decisions: str) -> dict[str, str]:
    payload, signature = sign(http.client.cookies.get(COOKIE_NAME) or "", "essai.txt",
                              _proposals())  # fmt: skip
    return {"csrf": csrf, "payload": payload, "signature": signature, **decisions}


def _written(http: Api) -> tuple[int, int, int]:
    with transaction(http.engine) as s:
        return (s.scalar(select(func.count()).select_from(MeetingRow)) or 0,
                s.scalar(select(func.count()).select_from(AgreementRow)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)
                         .where(AuditEntry.action == "accept")) or 0)  # fmt: skip


def test_only_who_may_create_registry_records_reviews(http: Api) -> None:
    with transaction(http.engine) as s:
        add_user(s, cli_actor(), "aude", ["auditor"], "NCB", PASSWORD)
    _login(http, "omar")  # an officer
    page = http.client.get("/revue-presse")
    assert page.status_code == 200 and 'id="p-text"' in page.text
    assert 'href="/revue-presse"' in page.text  # in the menu
    for user in ("pierre", "aude"):  # a partner, an auditor
        http.client.cookies.clear()
        _login(http, user)
        refused = http.client.get("/revue-presse")
        assert refused.status_code == 403, user
        assert 'href="/revue-presse"' not in http.client.get("/").text


def test_decisions_on_people_and_countries_reach_the_meeting(http: Api) -> None:
    with transaction(http.engine) as s:
        ensure_countries(s)
    csrf = _login(http, "omar")
    empty = http.client.post("/revue-presse", data={"csrf": csrf, "text": "  "})
    assert empty.status_code == 422 and 'id="err-text"' in empty.text
    form = _review_form(http, csrf, **{
        "decision-meetings-0": "accept",
        "decision-people-0": "correct", "f-people-0-role": "directeur de la coopération",
        "decision-people-1": "reject",
        "decision-countries-0": "reject",
        "decision-figures-0": "correct", "f-figures-0-value": "321",
        "decision-events-0": "accept",
        # the agreement is left undecided: not written
    })
    done = http.client.post("/revue-presse/decision", data=form)
    assert done.status_code == 200, done.text[-500:]
    assert 'data-count="meetings">1<' in done.text and 'data-count="undecided">2<' in done.text
    assert 'data-count="events">1<' in done.text
    timeline = http.client.get("/reunions").text  # what was accepted is shown, with its source
    assert "Forum euro-méditerranéen de la sécurité" in timeline
    assert "essai.txt" in timeline and "Karim Bennani" in timeline
    with transaction(http.engine) as s:
        meeting = s.scalars(select(MeetingRow)).one()
        assert meeting.held_on == dt.date(2025, 5, 6)
        assert [(p.name, p.role) for p in meeting.participants] == [
            ("Karim Bennani", "directeur de la coopération")]
        assert meeting.partner_countries == ["ES"]  # PT rejected
        assert s.scalar(select(func.count()).select_from(AgreementRow)) == 0
        review = s.scalars(select(AuditEntry).where(AuditEntry.entity_kind == "press_review")
                           ).one()  # fmt: skip
        assert review.actor == "omar" and review.entity_ref == "essai.txt"
        assert "Ana Ferreira" in review.detail and "directeur de la coopération" in review.detail
        kept = json.loads(review.detail)["kept figures"]  # no table: kept in the review
        assert kept == [{"value": 321.0, "unit": "victimes", "counts": "victimes identifiées",
                         "year": 2024}]


def test_refused_corrections_and_forged_proposals_write_nothing(http: Api) -> None:
    with transaction(http.engine) as s:
        ensure_countries(s)
    csrf = _login(http, "omar")
    form = _review_form(http, csrf, **{
        "decision-meetings-0": "correct", "f-meetings-0-held_on": "2025-05-06",
        "f-meetings-0-ends_on": "2025-05-01",  # before it starts
        "decision-agreements-0": "correct", "f-agreements-0-kind": "treaty",
        "decision-countries-1": "correct", "f-countries-1-code": "XX",
    })
    end_only = _review_form(http, csrf, **{"decision-meetings-0": "correct",
                                           "f-meetings-0-held_on": "",
                                           "f-meetings-0-ends_on": "2025-05-07"})
    refused_end = http.client.post("/revue-presse/decision", data=end_only)
    assert refused_end.status_code == 422 and 'id="err-f-meetings-0-held_on"' in refused_end.text
    refused = http.client.post("/revue-presse/decision", data=form)
    assert refused.status_code == 422
    for field in ("f-meetings-0-ends_on", "f-agreements-0-kind", "f-countries-1-code"):
        assert f'id="err-{field}"' in refused.text, field
        assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', refused.text), field
    assert 'value="2025-05-01"' in refused.text  # what was typed is kept
    assert _written(http) == (0, 0, 0)

    good = _review_form(http, csrf, **{"decision-meetings-0": "accept"})
    forged = {**good, "payload": good["payload"].replace("Rabat", "Lisbonne")}
    assert http.client.post("/revue-presse/decision", data=forged).status_code == 422
    stranger = {**good, "signature": sign("another-session", "essai.txt", _proposals())[1]}
    assert http.client.post("/revue-presse/decision", data=stranger).status_code == 422
    no_csrf = {k: v for k, v in good.items() if k != "csrf"}
    assert http.client.post("/revue-presse/decision", data=no_csrf).status_code == 403
    assert _written(http) == (0, 0, 0)
    assert http.client.post("/revue-presse/decision", data=good).status_code == 200
    again = http.client.post("/revue-presse/decision", data=good)  # the same document again
    assert 'data-count="known">1<' in again.text
    assert _written(http)[:2] == (1, 0)


def test_the_form_shows_the_days_a_meeting_covers_and_no_partial_date() -> None:
    from liaison.web.press import values_of

    two_days = [DateSpan(PartialDate(2023, 12, 14)), DateSpan(PartialDate(2023, 12, 15))]
    meeting = Meeting("bilateral", two_days, "Rabat", 2, [], [], SENTENCE, 0.8)
    shown = values_of("meetings", Extraction(meetings=[meeting]).to_dict()["meetings"][0])
    assert (shown["held_on"], shown["ends_on"], shown["count"]) == ("2023-12-14", "2023-12-15",
                                                                    "2")  # fmt: skip
    partial = Meeting("bilateral", [DateSpan(PartialDate(None, 12, 14), year_source="unknown")],
                      None, None, [], [], SENTENCE, 0.6)  # fmt: skip
    shown = values_of("meetings", Extraction(meetings=[partial]).to_dict()["meetings"][0])
    assert (shown["held_on"], shown["ends_on"]) == ("", "")  # the analyst gives the year
