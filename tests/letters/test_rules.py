from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from liaison.errors import InvalidTransition
from liaison.letters import rules
from liaison.letters.rules import LETTER_MACHINE

from ..notices.machine_properties import action_sequences, check_sequence

TABLE = [
    ("received", "register", "registered"),
    ("received", "send_for_execution", None),
    ("registered", "send_for_execution", "sent_for_execution"),
    ("registered", "refuse", "refused"),
    ("registered", "remind", None),
    ("sent_for_execution", "remind", "sent_for_execution"),
    ("sent_for_execution", "record_execution", "executed"),
    ("sent_for_execution", "record_partial_execution", "partially_executed"),
    ("sent_for_execution", "refuse", "refused"),
    ("sent_for_execution", "return_results", None),
    ("executed", "return_results", "returned"),
    ("partially_executed", "return_results", "returned"),
    ("refused", "return_results", "returned"),
    ("returned", "remind", None),
]


@pytest.mark.parametrize(("status", "action", "expected"), TABLE)
def test_transition_table(status: str, action: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidTransition) as err:
            LETTER_MACHINE.next_state(status, action)
        assert err.value.allowed == LETTER_MACHINE.allowed(status)
    else:
        assert LETTER_MACHINE.next_state(status, action) == expected


TODAY = dt.date(2025, 6, 1)

# (status, due_on, last reminder, needs a reminder, why)
REMINDERS = [
    ("sent_for_execution", TODAY + dt.timedelta(days=40), None, False, "far from due"),
    ("sent_for_execution", TODAY + dt.timedelta(days=15), None, True, "due within 15 days"),
    ("sent_for_execution", TODAY - dt.timedelta(days=3), None, True, "overdue"),
    ("registered", TODAY - dt.timedelta(days=3), None, False, "not sent yet: nobody to remind"),
    ("sent_for_execution", TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=5), False,
     "reminded 5 days ago"),
    ("sent_for_execution", TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=14), True,
     "last reminder 14 days ago"),
    ("executed", TODAY - dt.timedelta(days=30), None, False, "already executed"),
    ("returned", TODAY - dt.timedelta(days=30), None, False, "closed"),
]


@pytest.mark.parametrize(("status", "due", "last", "expected", "why"), REMINDERS)
def test_needs_reminder(status: str, due: dt.date, last: dt.date | None, expected: bool,
                        why: str) -> None:
    assert rules.needs_reminder(status, due, last, TODAY) is expected, why


def test_reminders_most_urgent_first() -> None:
    rows = [("A", "sent_for_execution", TODAY + dt.timedelta(days=10), None),
            ("B", "sent_for_execution", TODAY - dt.timedelta(days=2), None),
            ("C", "executed", TODAY - dt.timedelta(days=9), None)]
    due = rules.reminders(rows, TODAY)
    assert [(r.ref, r.days_left, r.overdue) for r in due] == [("B", -2, True), ("A", 10, False)]


def test_default_due_date() -> None:
    assert rules.due_date(dt.date(2025, 1, 1)) == dt.date(2025, 4, 1)


@given(action_sequences(LETTER_MACHINE))
def test_random_sequences_stay_defined(actions: list[str]) -> None:
    check_sequence(LETTER_MACHINE, actions)
