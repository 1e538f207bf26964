"""The life of a cooperation file, as data: its state machine, its deadline by priority,
the overdue rule and the four-eyes rule on the answer. Pure: no I/O.

    received ─assign─► assigned ─start─► in_progress ─approve_answer─► answered ─close─► closed
        │                 │                  │  ▲                        │
        └── reject / transfer (from any open state) ◄┘  └──── reopen ◄───┘

The answer to a partner leaves the office only once a supervisor other than its
author approves it: ``draft_answer`` records the text and its author,
``approve_answer`` moves the file to *answered*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from liaison.cases.model import CaseStatus, Priority
from liaison.errors import FieldProblem, PermissionDenied, ValidationError
from liaison.workflow import StateMachine


class CaseAction(StrEnum):
    assign = "assign"
    start = "start"
    draft_answer = "draft_answer"
    approve_answer = "approve_answer"
    reopen = "reopen"
    close = "close"
    reject = "reject"
    transfer = "transfer"


S = CaseStatus
OPEN_STATUSES = frozenset({S.received, S.assigned, S.in_progress})

CASE_MACHINE = StateMachine(
    "case",
    CaseStatus,
    CaseAction,
    [
        (CaseAction.assign, {S.received, S.assigned, S.in_progress}, S.assigned),
        (CaseAction.start, {S.assigned}, S.in_progress),
        (CaseAction.draft_answer, {S.in_progress}, S.in_progress),
        (CaseAction.approve_answer, {S.in_progress}, S.answered),
        (CaseAction.reopen, {S.answered}, S.in_progress),
        (CaseAction.close, {S.answered}, S.closed),
        (CaseAction.reject, OPEN_STATUSES, S.rejected),
        (CaseAction.transfer, OPEN_STATUSES, S.transferred),
    ],
    initial=S.received,
)

#: days a partner's request may wait for its answer, by priority
DEADLINE_DAYS: dict[str, int] = {
    Priority.urgent: 2,
    Priority.high: 7,
    Priority.normal: 30,
    Priority.low: 60,
}


def due_date(opened_on: dt.date, priority: str) -> dt.date:
    """The answer's deadline for a file opened on ``opened_on``."""
    if priority not in DEADLINE_DAYS:
        raise ValidationError.for_field(
            "priority", f"unknown priority '{priority}' (one of {', '.join(DEADLINE_DAYS)})"
        )
    return opened_on + dt.timedelta(days=DEADLINE_DAYS[priority])


@dataclass(frozen=True)
class Deadline:
    ref: str
    due_on: dt.date
    days_late: int


def is_overdue(status: str, due_on: dt.date | None, today: dt.date) -> bool:
    """An open file past its deadline (answered, closed, rejected, transferred are not)."""
    return status in OPEN_STATUSES and due_on is not None and due_on < today


def overdue(
    files: Iterable[tuple[str, str, dt.date | None]], today: dt.date
) -> list[Deadline]:
    """The overdue files among ``(ref, status, due_on)``, the latest first."""
    late = [
        Deadline(ref, due_on, (today - due_on).days)
        for ref, status, due_on in files
        if due_on is not None and is_overdue(status, due_on, today)
    ]
    return sorted(late, key=lambda d: (-d.days_late, d.ref))


def check_answer(answer_text: str) -> None:
    if not answer_text.strip():
        raise ValidationError("the answer is empty", [FieldProblem("answer", "must not be empty")])


def check_approval(drafted_by: str, approver: str) -> None:
    """The four-eyes rule on the answer: there is a draft, and someone else approves it."""
    if not drafted_by:
        raise ValidationError(
            "no answer has been drafted", [FieldProblem("answer", "draft the answer first")]
        )
    if drafted_by == approver:
        raise PermissionDenied(
            "the author of an answer cannot approve it (four-eyes principle: "
            "another supervisor approves)"
        )
