from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from liaison.cases import rules
from liaison.cases.rules import CASE_MACHINE
from liaison.errors import InvalidTransition, PermissionDenied, ValidationError

from ..notices.machine_properties import action_sequences, check_sequence

TABLE = [
    ("received", "assign", "assigned"),
    ("received", "start", None),
    ("received", "reject", "rejected"),
    ("received", "transfer", "transferred"),
    ("assigned", "assign", "assigned"),
    ("assigned", "start", "in_progress"),
    ("in_progress", "draft_answer", "in_progress"),
    ("in_progress", "approve_answer", "answered"),
    ("in_progress", "close", None),
    ("answered", "close", "closed"),
    ("answered", "reopen", "in_progress"),
    ("answered", "reject", None),
    ("closed", "reopen", None),
    ("rejected", "assign", None),
    ("transferred", "start", None),
]


@pytest.mark.parametrize(("status", "action", "expected"), TABLE)
def test_transition_table(status: str, action: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidTransition) as err:
            CASE_MACHINE.next_state(status, action)
        assert err.value.allowed == CASE_MACHINE.allowed(status)
    else:
        assert CASE_MACHINE.next_state(status, action) == expected


@pytest.mark.parametrize(
    ("priority", "days"), [("urgent", 2), ("high", 7), ("normal", 30), ("low", 60)]
)
def test_deadline_by_priority(priority: str, days: int) -> None:
    opened = dt.date(2025, 1, 10)
    assert rules.due_date(opened, priority) == opened + dt.timedelta(days=days)


def test_unknown_priority_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        rules.due_date(dt.date(2025, 1, 1), "whenever")
    assert err.value.problems[0].field == "priority"


def test_overdue_lists_open_files_only_latest_first() -> None:
    today = dt.date(2025, 3, 1)
    files = [
        ("A", "in_progress", dt.date(2025, 2, 1)),
        ("B", "answered", dt.date(2025, 1, 1)),
        ("C", "received", dt.date(2025, 1, 15)),
        ("D", "assigned", dt.date(2025, 3, 1)),  # due today: not late
        ("E", "assigned", None),
    ]
    late = rules.overdue(files, today)
    assert [(d.ref, d.days_late) for d in late] == [("C", 45), ("A", 28)]


def test_four_eyes_on_the_answer() -> None:
    with pytest.raises(ValidationError):
        rules.check_approval("", "supervisor.karim")
    with pytest.raises(PermissionDenied):
        rules.check_approval("supervisor.karim", "supervisor.karim")
    rules.check_approval("officer.amal", "supervisor.karim")


@given(action_sequences(CASE_MACHINE))
def test_random_sequences_stay_defined(actions: list[str]) -> None:
    check_sequence(CASE_MACHINE, actions)
