"""Retention reviews (liaison.retention): due dates, past-retention flags, renewals;
nothing is ever deleted."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from liaison import retention
from liaison.cases.model import Case
from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.workflow import expiry_of_review, review_date

from ..notices.factories import OFFICER, PARTNER


@pytest.mark.parametrize(("start", "review", "expiry"), [
    (dt.date(2020, 1, 15), dt.date(2024, 7, 15), dt.date(2025, 1, 15)),
    (dt.date(2020, 2, 29), dt.date(2024, 8, 28), dt.date(2025, 2, 28)),
    (dt.date(2021, 8, 31), dt.date(2026, 2, 28), dt.date(2026, 8, 28)),
])
def test_review_six_months_before_the_five_years(start: dt.date, review: dt.date,
                                                 expiry: dt.date) -> None:
    assert review_date(start) == review
    assert expiry_of_review(review) == expiry


def _case(s: object, ref: str, review_on: dt.date | None) -> None:
    s.add(Case(ref=ref, direction="incoming", opened_on=dt.date(2019, 1, 1),  # type: ignore[attr-defined]
               review_on=review_on))


def test_due_flags_past_retention_and_deletes_nothing(db_engine: Engine) -> None:
    today = dt.date(2025, 6, 1)
    with transaction(db_engine) as s:
        _case(s, "OLD", dt.date(2024, 1, 1))       # expired 2024-07-01: past retention
        _case(s, "DUE", dt.date(2025, 5, 1))       # review due, still within retention
        _case(s, "SOON", dt.date(2025, 6, 20))     # due within 30 days
        _case(s, "LATER", dt.date(2027, 1, 1))
    with transaction(db_engine) as s:
        now = retention.due(s, OFFICER, today)
        soon = retention.due(s, OFFICER, today, within_days=30)
        partner = retention.due(s, PARTNER, today)
    assert [(i.ref, i.past_retention) for i in now] == [("OLD", True), ("DUE", False)]
    assert [i.ref for i in soon] == ["OLD", "DUE", "SOON"]
    assert partner == []  # nothing shared with the partner
    with transaction(db_engine) as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 4


def test_record_without_review_date_is_reviewed_from_its_creation(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        _case(s, "NODATE", None)
        s.flush()
        s.get(Case, "NODATE").created_at = dt.datetime(2019, 1, 1)  # type: ignore[union-attr]
    with transaction(db_engine) as s:
        [item] = retention.due(s, OFFICER, dt.date(2025, 6, 1))
    assert (item.ref, item.review_date_set, item.review_on) == (
        "NODATE", False, dt.date(2023, 7, 1))
    assert item.past_retention


def test_renew_starts_a_new_period_and_needs_a_reason(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        _case(s, "OLD", dt.date(2024, 1, 1))
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        retention.renew(s, OFFICER, "case", "OLD", " ")
    with transaction(db_engine) as s:
        nxt = retention.renew(s, OFFICER, "case", "OLD", "investigation ongoing",
                              today=dt.date(2025, 6, 1))
    assert nxt == dt.date(2029, 12, 1)
    with transaction(db_engine) as s:
        assert retention.due(s, OFFICER, dt.date(2025, 6, 1)) == []
