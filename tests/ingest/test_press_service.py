"""Accepting a press release's proposals as registry records, on SQLite and PostgreSQL:
deduplicated, linked to the source in the audit trail, refused without the right."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from liaison.db import transaction
from liaison.errors import PermissionDenied
from liaison.ingest.press import Extraction, extract
from liaison.ingest.press_service import accept_extraction, registry_gazetteer
from liaison.partners.model import Agency, Agreement, Event, Meeting
from liaison.security.actor import Actor, Role
from liaison.security.audit import AuditEntry

ANALYST = Actor("analyst.salma", frozenset({Role.analyst}), "NCB")
AUDITOR = Actor("auditor.omar", frozenset({Role.auditor}), "NCB")

RELEASE = """Coopération Maroc-Espagne

La Direction générale de la sûreté nationale et la Guardia Civil ont signé, le lundi 3 mars \
2025 à Madrid, un mémorandum d'entente relatif à la lutte contre le trafic de stupéfiants.

M. Youssef Tahiri, directeur de la police judiciaire à la DGSN, a tenu deux séances de travail \
avec Mme Lucía Prieto, directrice adjointe de la Guardia Civil, les mardi 4 et mercredi 5 mars \
à Madrid.

Les deux services participeront au 8e Forum euro-méditerranéen de la sécurité, du 2 au 4 juin \
2025 à Tanger. Ils ont saisi 41 tonnes de résine de cannabis en 2024.

Une autre réunion avec M. Luis Gómez a eu lieu le vendredi 7 mars.
"""


def test_accept_writes_events_meetings_agreements_once(db_engine: Engine) -> None:
    extraction = extract(RELEASE, article_date=date(2025, 3, 10))
    with transaction(db_engine) as s:
        s.add(Agency(ref="ES-GC", name="Guardia Civil", acronym="", country_code="ES",
                     kind="police"))  # fmt: skip
        counts = accept_extraction(s, ANALYST, extraction, "communique-madrid.txt")
    assert counts["agreements"] == 1
    assert counts["meetings"] == 3  # two counted sessions, one a day, and the 7 March one
    assert counts["events"] == 1
    assert counts["not stored"] == 2  # the figures: two sessions, 41 tonnes
    with transaction(db_engine) as s:
        agreement = s.scalars(select(Agreement)).one()
        assert (agreement.kind, agreement.signed_on, agreement.place) == (
            "memorandum_of_understanding", date(2025, 3, 3), "Madrid")  # fmt: skip
        assert {p.agency_ref for p in agreement.parties} >= {"ES-GC"}
        assert {p.country_code for p in agreement.parties} >= {"ES", "MA"}
        meetings = s.scalars(select(Meeting).order_by(Meeting.held_on)).all()
        assert [m.held_on for m in meetings] == [date(2025, 3, 4), date(2025, 3, 5),
                                                 date(2025, 3, 7)]  # fmt: skip
        first = meetings[0]
        assert [p.name for p in first.participants] == ["Youssef Tahiri", "Lucía Prieto"]
        assert first.participants[1].agency_ref == "ES-GC"
        assert first.partner_countries == ["ES"]
        assert "communique-madrid.txt" in first.summary
        event = s.scalars(select(Event)).one()
        assert (event.starts_on, event.ends_on, event.place) == (
            date(2025, 6, 2), date(2025, 6, 4), "Tanger")  # fmt: skip
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "accept")).all()
        assert len(entries) == 5
        assert all(e.actor == "analyst.salma" for e in entries)
        assert all("communique-madrid.txt" in e.detail for e in entries)
    with transaction(db_engine) as s:  # the same file again: nothing new
        again = accept_extraction(s, ANALYST, extraction, "communique-madrid.txt")
    assert (again["events"], again["meetings"], again["agreements"]) == (0, 0, 0)
    assert again["already known"] == 5
    with transaction(db_engine) as s:  # another source telling the same: deduplicated
        other = accept_extraction(s, ANALYST, extraction, "autre-journal.txt")
    assert other["already known"] == 5


def test_a_meeting_without_a_year_is_skipped(db_engine: Engine) -> None:
    extraction = extract("M. Jean Dupuis a rencontré M. Ali Benali le jeudi 14 décembre.")
    with transaction(db_engine) as s:
        counts = accept_extraction(s, ANALYST, extraction, "sans-date.txt")
        assert s.scalars(select(Meeting)).all() == []
    assert counts["skipped"] == 1


def test_accept_needs_the_right_to_create(db_engine: Engine) -> None:
    extraction = extract(RELEASE, article_date=date(2025, 3, 10))
    with pytest.raises(PermissionDenied), transaction(db_engine) as s:
        accept_extraction(s, AUDITOR, extraction, "communique-madrid.txt")
    with transaction(db_engine) as s:
        assert s.scalars(select(Agreement)).all() == []


def test_a_review_page_sends_back_corrected_proposals(db_engine: Engine) -> None:
    """The review page shows ``to_dict()``; the analyst rejects the event, corrects a
    meeting's place; ``Extraction.from_dict`` rebuilds what is accepted."""
    data = extract(RELEASE, article_date=date(2025, 3, 10)).to_dict()
    data["events"] = []  # rejected
    data["meetings"][0]["place"] = "Madrid (siège de la Guardia Civil)"  # corrected
    reviewed = Extraction.from_dict(data)
    with transaction(db_engine) as s:
        counts = accept_extraction(s, ANALYST, reviewed, "communique-madrid.txt")
        assert counts["events"] == 0
        places = {m.place for m in s.scalars(select(Meeting))}
        assert "Madrid (siège de la Guardia Civil)" in places


def test_the_registry_feeds_the_gazetteer(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        s.add(
            Agency(
                ref="SN-OCRTIS",
                name="Office central de répression du trafic illicite des stupéfiants",
                acronym="OCRTIS",
                country_code="SN",
                kind="police",
            )
        )
        accept_extraction(s, ANALYST, extract(RELEASE, article_date=date(2025, 3, 10)),
                          "communique-madrid.txt")  # fmt: skip
    with transaction(db_engine) as s:
        gazetteer = registry_gazetteer(s)
    text = "M. Tahiri a reçu le 12 mars 2025 à Rabat le directeur de l'OCRTIS, M. Awa Sarr."
    result = extract(text, gazetteer=gazetteer)
    people = {p.name: p for p in result.people}
    assert "Youssef Tahiri" in people  # known from an accepted meeting: the surname suffices
    assert people["Awa Sarr"].organisation == (
        "Office central de répression du trafic illicite des stupéfiants"
    )
    assert people["Awa Sarr"].country == "SN"
