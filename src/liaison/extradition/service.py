"""Use cases of extradition files: open one, record each stage with its date, and
read the time each stage took. Each in the caller's transaction, policy-checked and
audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from liaison.errors import Conflict, NotFound, ValidationError
from liaison.extradition import rules
from liaison.extradition.model import (
    STAGE_DATES,
    Extradition,
    ExtraditionDirection,
    ExtraditionStage,
)
from liaison.extradition.rules import EXTRADITION_MACHINE, ExtraditionAction
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event, record
from liaison.workflow import Params, audit_transition, authorize, check_version, review_date

KIND = "extradition"


def get_extradition(session: Session, actor: Actor, ref: str) -> Extradition:
    ext = session.get(Extradition, ref)
    if ext is None:
        raise NotFound(f"no extradition {ref}")
    authorize(session, actor, KIND, ext, action="read")
    return ext


def open_extradition(session: Session, actor: Actor, *, ref: str, direction: str,
                     requested_on: dt.date | None = None, **fields: Any) -> Extradition:
    """Record an extradition request (stage *request*)."""
    authorize(session, actor, KIND, None, action="create")
    if session.get(Extradition, ref) is not None:
        raise Conflict(f"extradition {ref} already exists")
    if direction not in {d.value for d in ExtraditionDirection}:
        raise ValidationError.for_field("direction", "to_home or by_home")
    on = requested_on or dt.date.today()
    ext = Extradition(ref=ref, direction=direction, stage=ExtraditionStage.request,
                      requested_on=on, review_on=review_date(on), **fields)
    session.add(ext)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin, detail={"direction": direction}))
    return ext


def stage_dates(ext: Extradition) -> dict[str, dt.date | None]:
    return {stage: getattr(ext, column) for stage, column in STAGE_DATES.items()}


ACTION_PARAMS: dict[str, str] = {a.value: "on (date of the stage), note" for a in ExtraditionAction}


def perform(session: Session, actor: Actor, ref: str, action: str,
            params: dict[str, Any] | None = None, *, version: int | None = None,
            today: dt.date | None = None) -> Extradition:
    """Move the file to its next stage, dated; refuses (unchanged) what is not allowed."""
    ext = get_extradition(session, actor, ref)
    check_version(KIND, ref, ext.version, version)
    authorize(session, actor, KIND, ext)
    before = ext.stage
    after = EXTRADITION_MACHINE.next_state(before, action)
    p = Params(params)
    on = p.date("on", today or dt.date.today())
    assert on is not None
    rules.check_stage_date(stage_dates(ext), after, on)
    setattr(ext, STAGE_DATES[after], on)
    ext.stage = after
    ext.outcome = rules.OUTCOMES.get(after, "pending")
    note = p.text("note")
    if note:
        ext.notes = f"{ext.notes}\n{on}: {note}".strip()
    session.flush()
    audit_transition(session, actor, KIND, ref, action, before, after, on=on)
    return ext


def allowed_actions(session: Session, actor: Actor, ref: str) -> list[str]:
    return EXTRADITION_MACHINE.allowed(get_extradition(session, actor, ref).stage)


def timeline(session: Session, actor: Actor, ref: str) -> dict[str, Any]:
    """The dated stages of one file and the days each took."""
    ext = get_extradition(session, actor, ref)
    dates = stage_dates(ext)
    return {
        "ref": ext.ref, "direction": ext.direction, "stage": ext.stage, "outcome": ext.outcome,
        "stages": [{"stage": t.stage, "on": t.on, "days": t.days}
                   for t in rules.stage_durations(dates)],
        "total_days": rules.total_days(dates),
    }
