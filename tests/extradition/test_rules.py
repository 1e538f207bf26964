from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from liaison.errors import InvalidTransition, ValidationError
from liaison.extradition import rules
from liaison.extradition.rules import EXTRADITION_MACHINE

from ..notices.machine_properties import action_sequences, check_sequence

TABLE = [
    ("request", "arrest_provisionally", "provisional_arrest"),
    ("request", "give_court_opinion", "court_opinion"),
    ("request", "surrender", None),
    ("provisional_arrest", "give_court_opinion", "court_opinion"),
    ("provisional_arrest", "release", "release"),
    ("court_opinion", "issue_decree", "decree"),
    ("court_opinion", "refuse", "refusal"),
    ("decree", "surrender", "surrender"),
    ("decree", "refuse", "refusal"),
    ("refusal", "release", "release"),
    ("surrender", "release", None),
    ("release", "arrest_provisionally", None),
]


@pytest.mark.parametrize(("stage", "action", "expected"), TABLE)
def test_transition_table(stage: str, action: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidTransition) as err:
            EXTRADITION_MACHINE.next_state(stage, action)
        assert err.value.allowed == EXTRADITION_MACHINE.allowed(stage)
    else:
        assert EXTRADITION_MACHINE.next_state(stage, action) == expected


def test_stage_durations() -> None:
    dates = {"request": dt.date(2024, 1, 10), "provisional_arrest": dt.date(2024, 1, 5),
             "court_opinion": dt.date(2024, 3, 5), "decree": dt.date(2024, 4, 4),
             "surrender": dt.date(2024, 4, 24), "refusal": None, "release": None}
    times = rules.stage_durations(dates)
    assert [(t.stage, t.days) for t in times] == [
        ("provisional_arrest", None), ("request", 5), ("court_opinion", 55),
        ("decree", 30), ("surrender", 20)]
    assert rules.total_days(dates) == 110


def test_stage_date_may_not_precede_an_earlier_stage() -> None:
    dates = {"request": dt.date(2024, 1, 10), "provisional_arrest": None}
    with pytest.raises(ValidationError) as err:
        rules.check_stage_date(dates, "provisional_arrest", dt.date(2024, 1, 9))
    assert err.value.problems[0].field == "on"
    rules.check_stage_date(dates, "provisional_arrest", dt.date(2024, 1, 10))


@pytest.mark.parametrize(("neighbour", "due"), [(True, dt.date(2024, 2, 29)),
                                                (False, dt.date(2024, 4, 30))])
def test_formal_papers_deadline(neighbour: bool, due: dt.date) -> None:
    assert rules.papers_due_on(dt.date(2024, 1, 31), neighbour) == due


@given(action_sequences(EXTRADITION_MACHINE))
def test_random_sequences_stay_defined(actions: list[str]) -> None:
    check_sequence(EXTRADITION_MACHINE, actions)
