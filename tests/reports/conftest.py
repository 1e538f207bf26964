"""Records with known counts for the annual report: every edge case of the counting
rules (docs/report.md) appears once, with the figure it must (or must not) add to."""

from __future__ import annotations

import datetime as dt
from itertools import count
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from liaison.models import (
    Agency,
    Agreement,
    AgreementParty,
    Case,
    Extradition,
    Meeting,
    Notice,
    RogatoryLetter,
)

D = dt.date
_refs = count(1)


def _ref(prefix: str) -> str:
    return f"{prefix}-{next(_refs)}"


CASES = [  # (opened_on, category, partner country, direction)
    (D(2023, 1, 1), "drugs", "ES", "incoming"),  # first day of the year
    (D(2023, 12, 31), "drugs", "FR", "outgoing"),  # last day of the year
    (D(2023, 6, 1), None, "ES", "incoming"),  # no category: "uncategorised"
    (D(2023, 3, 3), "terrorism", "DZ", "outgoing"),
    (D(2024, 1, 1), "drugs", "ES", "incoming"),  # next year
    (D(2022, 12, 31), "drugs", "ES", "incoming"),  # previous year
    (D(2022, 5, 5), "information_request", "BE", "incoming"),
    (D(2019, 7, 7), "drugs", None, "incoming"),  # first year of the five-year trend
    (D(2018, 7, 7), "drugs", "ES", "incoming"),  # outside the trend
]

LETTERS = [  # (direction, received_on, executed_on)
    ("incoming", D(2023, 12, 31), D(2024, 1, 2)),  # received in 2023 only
    ("incoming", D(2022, 11, 1), D(2023, 1, 1)),  # executed in 2023 only
    ("incoming", D(2023, 2, 2), D(2023, 5, 5)),  # both
    ("outgoing", D(2023, 3, 3), D(2023, 4, 4)),  # ours, abroad: neither
    ("incoming", D(2024, 1, 1), None),
]

NOTICES = [  # (kind, scope, issuer, issued_on, arrest_on, status)
    ("arrest_warrant", "international", "MA", D(2023, 1, 1), None, "cancelled"),  # issued
    ("arrest_warrant", "international", "MA", D(2023, 12, 31), D(2024, 1, 15), "arrested"),
    ("arrest_warrant", "international", "MA", D(2022, 12, 31), D(2023, 1, 1), "arrested"),
    ("arrest_warrant", "international", "MA", None, D(2023, 5, 5), "drafted"),  # draft
    ("arrest_warrant", "international", "FR", D(2023, 5, 5), D(2023, 6, 6), "arrested"),
    ("arrest_warrant", "national", "MA", D(2023, 5, 5), None, "published"),
    ("arrest_warrant", "international", "MA", D(2023, 7, 7), D(2023, 8, 8), "arrested"),
    ("search_note", "national", "MA", D(2023, 2, 1), None, "published"),
    ("search_note", "national", "MA", D(2023, 12, 31), None, "published"),
    ("search_note", "international", "MA", D(2023, 2, 1), None, "published"),
    ("search_note", "national", "MA", None, None, "drafted"),
    ("search_note", "national", "MA", D(2024, 1, 1), None, "published"),
    ("wanted_notice", "regional", "MA", D(2023, 4, 4), None, "published"),
    ("wanted_notice", "international", "MA", D(2023, 4, 4), None, "published"),
    ("cancellation", "international", "MA", D(2023, 1, 1), None, "published"),
    ("cancellation", "international", "FR", D(2023, 6, 1), None, "published"),
    ("cancellation", "international", "MA", D(2023, 9, 1), None, "published"),
    ("cancellation", "regional", "MA", D(2023, 12, 31), None, "published"),
    ("cancellation", "regional", "MA", D(2022, 12, 31), None, "published"),
    ("cancellation", "national", "MA", D(2023, 3, 1), None, "published"),
]

EXTRADITIONS = [  # (direction, surrendered_on)
    ("to_home", D(2023, 1, 1)),
    ("to_home", D(2023, 12, 31)),
    ("to_home", D(2022, 6, 6)),
    ("to_home", None),  # still pending
    ("by_home", D(2023, 5, 5)),
    ("by_home", D(2024, 1, 1)),
]

MEETINGS = [  # (held_on, kind, partner countries)
    (D(2023, 3, 1), "bilateral", ["ES"]),
    (D(2023, 10, 1), "multilateral", ["FR", "MA", "TN"]),
    (D(2022, 3, 1), "bilateral", ["US"]),
    (D(2024, 1, 1), "bilateral", ["JP"]),
]

#: the 2023 report these records must give (home country MA)
EXPECTED_2023: dict[str, Any] = {
    "year": 2023,
    "cases": {
        "total": 4,
        "previous_total": 2,
        "change_pct": 100.0,
        "by_category": {
            "drugs": {"count": 2, "share_pct": 50.0},
            "terrorism": {"count": 1, "share_pct": 25.0},
            "uncategorised": {"count": 1, "share_pct": 25.0},
        },
    },
    "rogatory_letters": {"received": 2, "executed": 2},
    "warrants": {"issued": 3, "arrests": 2},
    "notes": {
        "search_notes_national": 2,
        "wanted_notices_regional": 1,
        "cancellations_international": 3,
        "cancellations_regional": 1,
    },
    "extraditions": {
        "surrendered_to_home": 2,
        "previous_surrendered_to_home": 1,
        "surrendered_by_home": 1,
    },
    "diplomacy": {
        "meetings": 2,
        "bilateral_meetings": 1,
        "agreements_signed": 1,
        "partner_countries": 5,  # DZ ES FR (cases) + TN (meeting) + SN (agreement's agency)
    },
}


def build_records(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(Case), [
            {"ref": _ref("C"), "opened_on": d, "category": cat, "partner_country_code": cc,
             "direction": direction}
            for d, cat, cc, direction in CASES
        ])
        conn.execute(insert(RogatoryLetter), [
            {"ref": _ref("L"), "direction": di, "received_on": r, "executed_on": e}
            for di, r, e in LETTERS
        ])
        conn.execute(insert(Notice), [
            {"ref": _ref("N"), "kind": k, "scope": s, "issuing_country_code": c,
             "issued_on": i, "arrest_on": a, "status": st}
            for k, s, c, i, a, st in NOTICES
        ])
        conn.execute(insert(Extradition), [
            {"ref": _ref("X"), "direction": di, "surrendered_on": d} for di, d in EXTRADITIONS
        ])
        conn.execute(insert(Meeting), [
            {"ref": _ref("M"), "held_on": d, "kind": k, "partner_countries": cc}
            for d, k, cc in MEETINGS
        ])
        conn.execute(insert(Agency), [
            {"ref": "AG-SN", "name": "Police nationale", "country_code": "SN", "kind": "police"}
        ])
        agreements = [  # (ref, signed_on, status, parties: (country, agency))
            ("A-2023", D(2023, 11, 30), "signed", [("MA", None), ("ES", None), (None, "AG-SN")]),
            ("A-draft", None, "negotiating", [("US", None)]),
            ("A-2022", D(2022, 11, 30), "signed", [("CN", None)]),
        ]
        conn.execute(insert(Agreement), [
            {"ref": ref, "kind": "memorandum_of_understanding", "title": ref, "signed_on": d,
             "status": st}
            for ref, d, st, _ in agreements
        ])
        conn.execute(insert(AgreementParty), [
            {"agreement_ref": ref, "position": pos, "country_code": cc, "agency_ref": ag}
            for ref, _, _, parties in agreements
            for pos, (cc, ag) in enumerate(parties)
        ])


@pytest.fixture
def records(db_engine: Engine) -> Engine:
    """``db_engine`` holding the records above."""
    build_records(db_engine)
    return db_engine


@pytest.fixture
def expected_2023() -> dict[str, Any]:
    return EXPECTED_2023
