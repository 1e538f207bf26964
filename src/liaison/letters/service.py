"""Use cases of international rogatory letters: receive, register (which sets the due
date), send for execution, remind, record the execution or the refusal, return the
results. Each in the caller's transaction, policy-checked and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.errors import Conflict, NotFound, ValidationError
from liaison.letters import rules
from liaison.letters.model import LetterStatus, RogatoryLetter
from liaison.letters.rules import LETTER_MACHINE, LetterAction
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event, record
from liaison.workflow import Params, audit_transition, authorize, check_version, review_date

KIND = "rogatory_letter"


def get_letter(session: Session, actor: Actor, ref: str) -> RogatoryLetter:
    letter = session.get(RogatoryLetter, ref)
    if letter is None:
        raise NotFound(f"no rogatory letter {ref}")
    authorize(session, actor, KIND, letter, action="read")
    return letter


def receive_letter(session: Session, actor: Actor, *, ref: str, direction: str = "incoming",
                   subject: str = "", received_on: dt.date | None = None,
                   **fields: Any) -> RogatoryLetter:
    """Record a letter as *received*."""
    authorize(session, actor, KIND, None, action="create")
    if session.get(RogatoryLetter, ref) is not None:
        raise Conflict(f"rogatory letter {ref} already exists")
    if direction not in ("incoming", "outgoing"):
        raise ValidationError.for_field("direction", "incoming or outgoing")
    on = received_on or dt.date.today()
    letter = RogatoryLetter(ref=ref, direction=direction, subject=subject, received_on=on,
                            status=LetterStatus.received, review_on=review_date(on), **fields)
    session.add(letter)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin))
    return letter


Handler = Callable[[RogatoryLetter, Params, dt.date], dict[str, Any]]


def _register(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    on = p.date("on", today)
    assert on is not None
    letter.due_on = p.date("due_on") or rules.due_date(on)
    if letter.due_on < on:
        raise ValidationError.for_field("due_on", "the due date is before the registration")
    return {"registered_on": on, "due_on": letter.due_on}


def _send(letter: RogatoryLetter, p: Params, _today: dt.date) -> dict[str, Any]:
    authority = p.text("to", max_len=256)
    if authority:
        letter.requested_authority = authority
    return {"to": letter.requested_authority}


def _remind(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    letter.last_reminder_on = p.date("on", today)
    letter.reminder_count = (letter.reminder_count or 0) + 1
    return {"reminder": letter.reminder_count}


def _executed(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    letter.executed_on = p.date("on", today)
    letter.status_note = p.text("note")
    return {"executed_on": letter.executed_on}


def _partial(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    letter.status_note = p.text("note", required=True)
    letter.executed_on = p.date("on", today)
    return {"executed_on": letter.executed_on, "note": letter.status_note}


def _refuse(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    letter.status_note = p.text("reason", required=True)
    letter.executed_on = p.date("on", today)
    return {"reason": letter.status_note}


def _return(letter: RogatoryLetter, p: Params, today: dt.date) -> dict[str, Any]:
    letter.returned_on = p.date("on", today)
    if letter.executed_on and letter.returned_on and letter.returned_on < letter.executed_on:
        raise ValidationError.for_field("on", "the results are returned before the execution")
    return {"returned_on": letter.returned_on}


HANDLERS: dict[str, Handler] = {
    LetterAction.register: _register,
    LetterAction.send_for_execution: _send,
    LetterAction.remind: _remind,
    LetterAction.record_execution: _executed,
    LetterAction.record_partial_execution: _partial,
    LetterAction.refuse: _refuse,
    LetterAction.return_results: _return,
}

ACTION_PARAMS: dict[str, str] = {
    LetterAction.register: "on (date), due_on (date, default +90 days)",
    LetterAction.send_for_execution: "to (executing authority)",
    LetterAction.remind: "on (date)",
    LetterAction.record_execution: "on (date), note",
    LetterAction.record_partial_execution: "note (what was not done), on (date)",
    LetterAction.refuse: "reason, on (date)",
    LetterAction.return_results: "on (date)",
}


def perform(session: Session, actor: Actor, ref: str, action: str,
            params: dict[str, Any] | None = None, *, version: int | None = None,
            today: dt.date | None = None) -> RogatoryLetter:
    """Do one workflow action on a letter; refuses (unchanged) what is not allowed."""
    letter = get_letter(session, actor, ref)
    check_version(KIND, ref, letter.version, version)
    authorize(session, actor, KIND, letter)
    before = letter.status
    after = LETTER_MACHINE.next_state(before, action)
    detail = HANDLERS[str(action)](letter, Params(params), today or dt.date.today())
    letter.status = after
    session.flush()
    audit_transition(session, actor, KIND, ref, action, before, after, **detail)
    return letter


def allowed_actions(session: Session, actor: Actor, ref: str) -> list[str]:
    return LETTER_MACHINE.allowed(get_letter(session, actor, ref).status)


def due_reminders(session: Session, actor: Actor,
                  today: dt.date | None = None) -> list[dict[str, Any]]:
    """Letters with the executing authority to remind (overdue, or due within 15 days),
    most urgent first."""
    from liaison.security import policy

    today = today or dt.date.today()
    stmt = select(RogatoryLetter).where(
        RogatoryLetter.status == LetterStatus.sent_for_execution,
        RogatoryLetter.due_on.is_not(None),
        policy.visible_filter(actor, RogatoryLetter, KIND),
    )
    letters = {x.ref: x for x in session.scalars(stmt)}
    due = rules.reminders(
        ((x.ref, x.status, x.due_on, x.last_reminder_on) for x in letters.values()), today
    )
    return [
        {"ref": r.ref, "due_on": r.due_on, "days_left": r.days_left, "overdue": r.overdue,
         "status": letters[r.ref].status, "reminders": letters[r.ref].reminder_count,
         "last_reminder_on": r.last_reminder_on, "subject": letters[r.ref].subject}
        for r in due
    ]
