"""The life of an international rogatory letter, as data. Pure: no I/O.

    received ─register─► registered ─send_for_execution─► sent_for_execution
        ─ record_execution ──────────► executed ───────────┐
        ─ record_partial_execution ──► partially_executed ─┼─ return_results ─► returned
        ─ refuse ────────────────────► refused ────────────┘

A letter has a due date from its registration (``EXECUTION_DAYS``); ``remind`` records
a reminder to the executing authority while the letter is with it. :func:`reminders`
lists the letters that need one: overdue, or due within ``REMIND_DAYS_BEFORE`` days, and
not reminded in the last ``REMIND_INTERVAL_DAYS`` days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from liaison.letters.model import LetterStatus
from liaison.workflow import StateMachine


class LetterAction(StrEnum):
    register = "register"
    send_for_execution = "send_for_execution"
    remind = "remind"
    record_execution = "record_execution"
    record_partial_execution = "record_partial_execution"
    refuse = "refuse"
    return_results = "return_results"


L = LetterStatus
PENDING_STATUSES = frozenset({L.received, L.registered, L.sent_for_execution})
DONE_STATUSES = frozenset({L.executed, L.partially_executed, L.refused})

LETTER_MACHINE = StateMachine(
    "rogatory letter",
    LetterStatus,
    LetterAction,
    [
        (LetterAction.register, {L.received}, L.registered),
        (LetterAction.send_for_execution, {L.registered}, L.sent_for_execution),
        (LetterAction.remind, {L.sent_for_execution}, L.sent_for_execution),
        (LetterAction.record_execution, {L.sent_for_execution}, L.executed),
        (LetterAction.record_partial_execution, {L.sent_for_execution}, L.partially_executed),
        (LetterAction.refuse, {L.registered, L.sent_for_execution}, L.refused),
        (LetterAction.return_results, DONE_STATUSES, L.returned),
    ],
    initial=L.received,
)

#: days the executing authority has, counted from registration, unless a date is given
EXECUTION_DAYS = 90
#: a reminder is due this many days before the due date (and every time after it)
REMIND_DAYS_BEFORE = 15
#: at least this many days between two reminders
REMIND_INTERVAL_DAYS = 14


def due_date(registered_on: dt.date, days: int = EXECUTION_DAYS) -> dt.date:
    return registered_on + dt.timedelta(days=days)


@dataclass(frozen=True)
class Reminder:
    ref: str
    due_on: dt.date
    days_left: int
    last_reminder_on: dt.date | None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def needs_reminder(
    status: str, due_on: dt.date | None, last_reminder_on: dt.date | None, today: dt.date
) -> bool:
    if status != L.sent_for_execution or due_on is None:
        return False
    if (due_on - today).days > REMIND_DAYS_BEFORE:
        return False
    return last_reminder_on is None or (today - last_reminder_on).days >= REMIND_INTERVAL_DAYS


def reminders(
    letters: Iterable[tuple[str, str, dt.date | None, dt.date | None]], today: dt.date
) -> list[Reminder]:
    """Among ``(ref, status, due_on, last_reminder_on)``: the letters to remind, most
    urgent first."""
    out = [
        Reminder(ref, due_on, (due_on - today).days, last)
        for ref, status, due_on, last in letters
        if due_on is not None and needs_reminder(status, due_on, last, today)
    ]
    return sorted(out, key=lambda r: (r.days_left, r.ref))
