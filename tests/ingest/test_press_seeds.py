"""The press extractor on the three real articles of ../shared/seeds (test inputs
only, read at test time; skipped in a clone that has no ../shared)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from liaison.ingest.press import Extraction, extract

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds in this clone")


@pytest.fixture(scope="module")
def review() -> Extraction:
    return extract((SEEDS / "bilan-2023-cooperation.txt").read_text("utf-8"))


@pytest.fixture(scope="module")
def action_plan() -> Extraction:
    return extract((SEEDS / "plan-action-maroc-france.txt").read_text("utf-8"))


@pytest.fixture(scope="module")
def dgsi_visit() -> Extraction:
    return extract((SEEDS / "visite-dgsi-rabat.txt").read_text("utf-8"))


# value, unit, year of the 2023 review's figures
REVIEW_FIGURES = [
    (6473, "dossiers", 2023),
    (13, "%", 2023),
    (15, "%", 2023),
    (9, "%", 2023),
    (6, "%", 2023),
    (26, "%", 2023),
    (119, "commissions", 2023),
    (121, "mandats", 2023),
    (92, "personnes", 2023),
    (3280, "notes", 2023),
    (245, "avis", 2023),
    (2006, "notes", 2023),
    (342, "notes", 2023),
    (54, "personnes", 2023),
    (69, "personnes", 2022),
    (48, "ressortissants", 2023),
]


def test_review_figures(review: Extraction) -> None:
    found = {(f.value, f.unit, f.year) for f in review.figures}
    missing = [figure for figure in REVIEW_FIGURES if figure not in found]
    assert missing == []


def test_review_changes(review: Extraction) -> None:
    figures = {f.value: f for f in review.figures}
    files = figures[6473].change
    assert files is not None
    assert (files.direction, files.value, files.unit, files.reference_year) == (
        "increase",
        12,
        "%",
        2022,
    )
    handed_over = figures[54].change
    assert handed_over is not None
    assert (handed_over.direction, handed_over.reference_value, handed_over.reference_year) == (
        "decrease",
        69,
        2022,
    )


def test_review_events(review: Extraction) -> None:
    events = {e.kind: e for e in review.events}
    assembly = events["general_assembly"]
    assert "93e session de l'Assemblée générale" in assembly.name
    assert assembly.dates is not None and assembly.dates.start.iso() == "2025"
    conference = events["conference"]
    assert conference.place == "Tanger"
    assert conference.dates is not None
    assert (conference.dates.start.iso(), conference.dates.end and conference.dates.end.iso()) == (
        "2023-12-06",
        "2023-12-07",
    )


def test_review_countries_by_adjective(review: Extraction) -> None:
    assert {c.code for c in review.countries} == {"MA", "US", "FR", "BE", "SA", "PT", "DE", "AT"}


def test_action_plan_with_the_french_national_police(action_plan: Extraction) -> None:
    (plan,) = action_plan.agreements
    assert plan.kind == "action_plan"
    assert plan.date is not None and plan.date.start.iso() == "2025-06-24"
    assert plan.place == "Rabat"
    assert "Direction générale de la police nationale" in plan.parties
    assert "Direction générale de la sûreté nationale" in plan.parties
    assert plan.countries == ["FR", "MA"]
    assert set(plan.signatories) == {"Abdellatif Hammouchi", "Louis Laugier"}
    assert {c.code for c in action_plan.countries} == {"MA", "FR"}  # not from the ticker


def test_action_plan_distinction(action_plan: Extraction) -> None:
    (award,) = action_plan.distinctions
    assert "Légion d'Honneur" in award.name
    assert (award.recipient, award.awarded_by, award.country) == (
        "Abdellatif Hammouchi",
        "Christophe Lecourtier",
        "FR",
    )


def test_two_meetings_with_the_french_director_of_internal_security(
    dgsi_visit: Extraction,
) -> None:
    assert dgsi_visit.article_date == date(2024, 11, 22)  # the page's dateline
    meeting = next(m for m in dgsi_visit.meetings if "Nicolas Lerner" in
                   [p.name for p in m.participants])  # fmt: skip
    assert meeting.count == 2
    assert [d.start.iso() for d in meeting.dates] == ["2023-12-14", "2023-12-15"]
    assert meeting.place == "Rabat"
    lerner = next(p for p in meeting.participants if p.name == "Nicolas Lerner")
    assert lerner.organisation == "Direction générale de la sécurité intérieure"
    assert lerner.country == "FR"


def test_people_of_the_dgsi_visit(dgsi_visit: Extraction) -> None:
    assert {p.name for p in dgsi_visit.people} == {
        "Abdellatif Hammouchi",
        "Nicolas Lerner",
        "Frédéric Veaux",
    }
