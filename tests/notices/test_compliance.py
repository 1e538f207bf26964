"""The compliance review as a table: one row per request, the rules it must fail."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from liaison.notices.compliance import NoticeFacts, PersonFacts, neutrality_terms, review

TODAY = dt.date(2025, 6, 1)
WHO = PersonFacts(names=("Youssef El Amrani",), birth_date="1985-03-14", nationalities=("MA",))
RED = NoticeFacts(
    kind="red", charges="drug trafficking", warrant_reference="MA-TPI-2024-0117",
    warrant_date=dt.date(2024, 11, 5), penalty_basis="prosecution", penalty_months=120,
    person=WHO,
)


def red(**changes: object) -> NoticeFacts:
    return dataclasses.replace(RED, **changes)  # type: ignore[arg-type]


def who(**changes: object) -> PersonFacts:
    return dataclasses.replace(WHO, **changes)  # type: ignore[arg-type]


# (request, the (rule, field) pairs it must fail, why)
CASES = [
    (RED, [], "a complete red notice"),
    (red(warrant_reference=""), [("warrant", "warrant_reference")], "no warrant"),
    (red(person=who(birth_date="2031-01-01")), [("birth_date", "person.birth_date")],
     "born in the future"),
    (red(warrant_reference="", person=who(birth_date="2031-01-01")),
     [("warrant", "warrant_reference"), ("birth_date", "person.birth_date")],
     "both: each failure listed"),
    (red(person=who(birth_date=None, nationalities=())), [("identity", "person")],
     "a name alone does not identify"),
    (red(person=who(birth_date=None, nationalities=(), documents=("AB123456",))), [],
     "a name and a passport identify"),
    (red(person=who(names=())), [("identity", "person"), ("names", "person.names")],
     "no name in any script"),
    (red(person=who(names=("محمد بن أحمد العمراني",))), [], "a name in Arabic script is a name"),
    (red(person=None), [("identity", "person")], "no person attached"),
    (red(charges=" "), [("offence", "charges")], "no offence"),
    (red(penalty_months=18), [("penalty", "penalty_months")], "below 24 months (prosecution)"),
    (red(penalty_months=24), [], "exactly 24 months"),
    (red(penalty_basis="sentence", penalty_months=5), [("penalty", "penalty_months")],
     "under 6 months left to serve"),
    (red(penalty_basis="sentence", penalty_months=6), [], "6 months left to serve"),
    (red(penalty_basis=""), [("penalty", "penalty_basis")], "prosecution or sentence?"),
    (red(penalty_months=None), [("penalty", "penalty_months")], "no penalty"),
    (red(person=who(birth_date="1985-13-40")), [("birth_date", "person.birth_date")],
     "not a date"),
    (red(person=who(birth_date="1985")), [], "a year alone is a birth date"),
    (red(warrant_date=dt.date(2026, 1, 1)), [("dates", "warrant_date")], "warrant in the future"),
    (red(warrant_date=dt.date(1980, 1, 1)), [("dates", "warrant_date")],
     "warrant before birth"),
    (red(issued_on=dt.date(2024, 1, 1)), [("dates", "issued_on")], "issued before its warrant"),
    (red(issued_on=dt.date(2025, 1, 1), arrest_on=dt.date(2024, 12, 1)),
     [("dates", "arrest_on")], "arrested before issue"),
    (red(charges="insult to the head of state"), [("neutrality", "charges")],
     "political character"),
    (red(charges="désertion en temps de paix"), [("neutrality", "charges")],
     "military character (French, accents)"),
    (red(charges="blasphemy"), [("neutrality", "charges")], "religious character"),
    (red(neutrality_flag=True), [("neutrality", "charges")], "flagged by an officer"),
    (red(charges="blasphemy", neutrality_decision="cleared"), [], "cleared by a supervisor"),
    (red(neutrality_flag=True, neutrality_decision="refused"), [("neutrality", "charges")],
     "refused by a supervisor"),
    (NoticeFacts(kind="search_note", charges="fraud", person=WHO), [("source", "derived_from_ref")],
     "a search note rests on a warrant"),
    (NoticeFacts(kind="search_note", charges="fraud", person=WHO, derived_from_ref="W-1"), [],
     "derived from a warrant"),
    (NoticeFacts(kind="yellow", person=who(birth_date=None)), [], "a missing person: a name"),
    (NoticeFacts(kind="black", charges=""), [("facts", "charges")], "a body: facts needed"),
    (NoticeFacts(kind="cancellation"), [("cancels", "cancels_ref"),
                                        ("cancels", "cancellation_reason")], "a bare note"),
]


@pytest.mark.parametrize(("facts", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_compliance_table(facts: NoticeFacts, expected: list[tuple[str, str]], why: str) -> None:
    report = review(facts, TODAY)
    assert [(f.rule, f.field) for f in report.failures] == expected, why
    assert report.ok is (not expected)
    assert all(f.reason for f in report.failures)


def test_report_as_data() -> None:
    data = review(red(warrant_reference="", charges="opposition rally"), TODAY).as_dict()
    assert data["ok"] is False
    assert {f["rule"] for f in data["failures"]} == {"warrant", "neutrality"}
    assert data["neutrality_terms"] == ["political: opposition"]


@pytest.mark.parametrize(("charges", "found"), [
    ("armed robbery", []),
    ("trafic de stupéfiants", []),
    ("racketeering", []),
    ("atteinte au régime politique", ["political: politique", "political: regime"]),
    ("ethnic hatred", ["racial: ethnic"]),
])
def test_neutrality_terms(charges: str, found: list[str]) -> None:
    assert neutrality_terms(charges) == found
