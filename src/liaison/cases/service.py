"""Use cases of the cooperation files: open a file, move it through its workflow, list
what is overdue, see what it links to.

Every function takes the caller's session (one transaction: ``liaison.db.transaction``)
and the acting :class:`~liaison.security.actor.Actor`; it checks the access policy,
writes, and appends the audit entry in that same transaction. An action refused by the
state machine, the policy or a rule raises before anything is changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.cases import rules
from liaison.cases.model import Case, CasePerson, CaseStatus, Direction
from liaison.cases.rules import CASE_MACHINE, CaseAction
from liaison.errors import Conflict, NotFound, ValidationError
from liaison.letters.model import RogatoryLetter
from liaison.notices.model import Notice
from liaison.persons.model import Person
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event, record
from liaison.workflow import (
    Params,
    audit_transition,
    authorize,
    authorize_approval,
    check_version,
    review_date,
)

KIND = "case"


def get_case(session: Session, actor: Actor, ref: str) -> Case:
    case = session.get(Case, ref)
    if case is None:
        raise NotFound(f"no case {ref}")
    authorize(session, actor, KIND, case, action="read")
    return case


def open_case(
    session: Session,
    actor: Actor,
    *,
    ref: str,
    subject: str,
    direction: str = Direction.incoming,
    priority: str = "normal",
    opened_on: dt.date | None = None,
    partner_country_code: str | None = None,
    partner_agency_ref: str | None = None,
    category: str | None = None,
) -> Case:
    """Record a new cooperation file (status *received*) with its deadline."""
    authorize(session, actor, KIND, None, action="create")
    if session.get(Case, ref) is not None:
        raise Conflict(f"case {ref} already exists")
    if direction not in {d.value for d in Direction}:
        raise ValidationError.for_field("direction", "incoming or outgoing")
    opened = opened_on or dt.date.today()
    case = Case(
        ref=ref, subject=subject, direction=direction, priority=priority,
        opened_on=opened, due_on=rules.due_date(opened, priority),
        partner_country_code=partner_country_code, partner_agency_ref=partner_agency_ref,
        category=category, status=CaseStatus.received, review_on=review_date(opened),
    )
    session.add(case)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin,
                          detail={"priority": priority, "due_on": case.due_on}))
    return case


Handler = Callable[[Session, Actor, Case, Params, dt.date], dict[str, Any]]


def _assign(_s: Session, _a: Actor, case: Case, p: Params, _today: dt.date) -> dict[str, Any]:
    case.assigned_to = p.text("to", required=True, max_len=64)
    return {"to": case.assigned_to}


def _start(_s: Session, _a: Actor, _case: Case, _p: Params, _today: dt.date) -> dict[str, Any]:
    return {}


def _draft_answer(_s: Session, actor: Actor, case: Case, p: Params, _t: dt.date) -> dict[str, Any]:
    text = p.text("answer", required=True)
    rules.check_answer(text)
    case.answer, case.answer_by, case.answer_approved_by = text, actor.username, ""
    return {"answer_chars": len(text)}


def _approve_answer(
    _s: Session, actor: Actor, case: Case, p: Params, today: dt.date
) -> dict[str, Any]:
    authorize_approval(actor, case.answer_by or None)
    rules.check_approval(case.answer_by, actor.username)
    case.answer_approved_by = actor.username
    case.answered_on = p.date("on", today)
    return {"drafted_by": case.answer_by}


def _reopen(_s: Session, _a: Actor, case: Case, p: Params, _t: dt.date) -> dict[str, Any]:
    case.status_note = p.text("note")
    case.answer_approved_by, case.answered_on = "", None
    return {"note": case.status_note}


def _close(_s: Session, _a: Actor, case: Case, p: Params, today: dt.date) -> dict[str, Any]:
    case.closed_on = p.date("on", today)
    return {}


def _reject(_s: Session, _a: Actor, case: Case, p: Params, today: dt.date) -> dict[str, Any]:
    case.status_note = p.text("reason", required=True)
    case.closed_on = p.date("on", today)
    return {"reason": case.status_note}


def _transfer(_s: Session, _a: Actor, case: Case, p: Params, today: dt.date) -> dict[str, Any]:
    case.status_note = p.text("to", required=True)
    case.closed_on = p.date("on", today)
    return {"to": case.status_note}


HANDLERS: dict[str, Handler] = {
    CaseAction.assign: _assign,
    CaseAction.start: _start,
    CaseAction.draft_answer: _draft_answer,
    CaseAction.approve_answer: _approve_answer,
    CaseAction.reopen: _reopen,
    CaseAction.close: _close,
    CaseAction.reject: _reject,
    CaseAction.transfer: _transfer,
}

#: what each action needs, for the CLI's and the API's help
ACTION_PARAMS: dict[str, str] = {
    CaseAction.assign: "to (user name)",
    CaseAction.draft_answer: "answer (text)",
    CaseAction.approve_answer: "on (date, default today); a supervisor other than the author",
    CaseAction.reopen: "note",
    CaseAction.close: "on (date)",
    CaseAction.reject: "reason (text), on (date)",
    CaseAction.transfer: "to (agency or authority), on (date)",
}


def perform(
    session: Session,
    actor: Actor,
    ref: str,
    action: str,
    params: dict[str, Any] | None = None,
    *,
    version: int | None = None,
    today: dt.date | None = None,
) -> Case:
    """Do one workflow action on a file; refuses (unchanged) what is not allowed."""
    case = get_case(session, actor, ref)
    check_version(KIND, ref, case.version, version)
    authorize(session, actor, KIND, case)
    before = case.status
    after = CASE_MACHINE.next_state(before, action)
    detail = HANDLERS[str(action)](session, actor, case, Params(params), today or dt.date.today())
    case.status = after
    session.flush()
    audit_transition(session, actor, KIND, ref, action, before, after,
                     approval=action == CaseAction.approve_answer, **detail)
    return case


def allowed_actions(session: Session, actor: Actor, ref: str) -> list[str]:
    return CASE_MACHINE.allowed(get_case(session, actor, ref).status)


def overdue(session: Session, actor: Actor, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The open files past their deadline, the latest first."""
    from liaison.security import policy

    today = today or dt.date.today()
    stmt = select(Case.ref, Case.status, Case.due_on, Case.priority, Case.assigned_to,
                  Case.subject).where(
        Case.status.in_(list(rules.OPEN_STATUSES)), Case.due_on < today,
        policy.visible_filter(actor, Case, KIND),
    )
    rows = {r.ref: r for r in session.execute(stmt)}
    late = rules.overdue(((r.ref, r.status, r.due_on) for r in rows.values()), today)
    return [
        {"ref": d.ref, "due_on": d.due_on, "days_late": d.days_late,
         "status": rows[d.ref].status, "priority": rows[d.ref].priority,
         "assigned_to": rows[d.ref].assigned_to, "subject": rows[d.ref].subject}
        for d in late
    ]


def link_person(session: Session, actor: Actor, ref: str, person_ref: str,
                role: str = "subject") -> CasePerson:
    case = get_case(session, actor, ref)
    authorize(session, actor, KIND, case, action="update")
    if session.get(Person, person_ref) is None:
        raise NotFound(f"no person {person_ref}")
    link = CasePerson(person_ref=person_ref, role=role, position=len(case.persons))
    case.persons.append(link)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.update, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin,
                          detail={"linked_person": person_ref, "role": role}))
    return link


def links(session: Session, actor: Actor, ref: str) -> dict[str, list[str]]:
    """The persons, notices and rogatory letters a file links to (references)."""
    case = get_case(session, actor, ref)
    notices = session.scalars(select(Notice.ref).where(Notice.case_ref == ref)).all()
    letters = session.scalars(
        select(RogatoryLetter.ref).where(RogatoryLetter.case_ref == ref)
    ).all()
    return {
        "persons": [p.person_ref for p in case.persons],
        "notices": list(notices),
        "letters": list(letters),
    }
