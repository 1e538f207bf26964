"""Workflow actions over HTTP: one route per kind of record, the action in the path,
its parameters in the body; the allowed actions, the compliance review, hits, the
overdue files, the letters to remind, extradition timelines and retention reviews.

Thin: parse, call the domain's service in one transaction, serialise. An action the
record's status does not allow answers 409 with the allowed ones listed (``allowed``);
a failed rule answers 422 naming each field and reason. (No ``from __future__ import
annotations``: FastAPI reads the route annotations.)
"""

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from liaison import retention
from liaison.api.deps import CurrentActor
from liaison.cases import service as cases
from liaison.cases.rules import CASE_MACHINE, CaseAction
from liaison.db import transaction
from liaison.extradition import service as extraditions
from liaison.extradition.rules import EXTRADITION_MACHINE, ExtraditionAction
from liaison.ingest.schema import REF
from liaison.letters import service as letters
from liaison.letters.rules import LETTER_MACHINE, LetterAction
from liaison.notices import followup
from liaison.notices import service as notices
from liaison.notices.rules import NOTICE_MACHINE, HitStep, NoticeAction
from liaison.workflow import StateMachine

router = APIRouter(tags=["workflows"])

RefPath = Annotated[str, Path(pattern=REF, description="reference of the record")]
PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {c: PROBLEM for c in (400, 401, 403, 404, 409, 422)}


class ActionIn(BaseModel):
    """The parameters of a workflow action; each action reads the ones it needs."""

    model_config = ConfigDict(extra="forbid")

    to: str | None = Field(default=None, max_length=256, description="user, agency or authority")
    reason: str | None = Field(default=None, max_length=4000, description="why (recorded)")
    note: str | None = Field(default=None, max_length=4000)
    on: dt.date | None = Field(default=None, description="date of the step (default today)")
    answer: str | None = Field(default=None, max_length=4000, description="answer to the partner")
    due_on: dt.date | None = None
    person_ref: str | None = Field(default=None, pattern=REF)
    source: str | None = Field(default=None, max_length=32,
                               description="desk, border, batch, partner")
    query: str | None = Field(default=None, max_length=1000)
    score: float | None = Field(default=None, ge=0, le=1)
    place: str | None = Field(default=None, max_length=256)
    version: int | None = Field(default=None, ge=1, le=2**31 - 1,
                                description="refuse (409) if the record changed since")


class StateOut(BaseModel):
    kind: str
    ref: str
    status: str
    version: int
    allowed: list[str]


class MachineOut(StateOut):
    transitions: list[dict[str, Any]]


Perform = Callable[..., Any]


def _act(kind: str, machine: StateMachine, perform: Perform, actor: Any, ref: str,
         action: str, body: ActionIn | None) -> StateOut:
    params = (body or ActionIn()).model_dump(exclude_none=True)
    version = params.pop("version", None)
    with transaction() as session:
        record = perform(session, actor, ref, action, params, version=version)
        status = getattr(record, "status", None) or record.stage
        return StateOut(kind=kind, ref=ref, status=status, version=record.version,
                        allowed=machine.allowed(status))


def _state(kind: str, machine: StateMachine, get: Perform, actor: Any, ref: str) -> MachineOut:
    with transaction() as session:
        record = get(session, actor, ref)
        status = getattr(record, "status", None) or record.stage
        return MachineOut(kind=kind, ref=ref, status=status, version=record.version,
                          allowed=machine.allowed(status), transitions=machine.table())


@router.post("/cases/{ref}/actions/{action}", responses=ERRORS)
def case_action(ref: RefPath, action: CaseAction, actor: CurrentActor,
                body: ActionIn | None = None) -> StateOut:
    """Do one workflow action on a cooperation file."""
    return _act("case", CASE_MACHINE, cases.perform, actor, ref, action, body)


@router.get("/cases/{ref}/actions", responses=ERRORS)
def case_actions(ref: RefPath, actor: CurrentActor) -> MachineOut:
    """The file's status and the actions allowed now."""
    return _state("case", CASE_MACHINE, cases.get_case, actor, ref)


@router.post("/notices/{ref}/actions/{action}", responses=ERRORS)
def notice_action(ref: RefPath, action: NoticeAction, actor: CurrentActor,
                  body: ActionIn | None = None) -> StateOut:
    """Do one workflow action on a notice (cancel also ends what derives from it)."""
    return _act("notice", NOTICE_MACHINE, notices.perform, actor, ref, action, body)


@router.get("/notices/{ref}/actions", responses=ERRORS)
def notice_actions(ref: RefPath, actor: CurrentActor) -> MachineOut:
    return _state("notice", NOTICE_MACHINE, notices.get_notice, actor, ref)


@router.post("/rogatory-letters/{ref}/actions/{action}", responses=ERRORS)
def letter_action(ref: RefPath, action: LetterAction, actor: CurrentActor,
                  body: ActionIn | None = None) -> StateOut:
    """Do one workflow action on a rogatory letter."""
    return _act("rogatory_letter", LETTER_MACHINE, letters.perform, actor, ref, action, body)


@router.get("/rogatory-letters/{ref}/actions", responses=ERRORS)
def letter_actions(ref: RefPath, actor: CurrentActor) -> MachineOut:
    return _state("rogatory_letter", LETTER_MACHINE, letters.get_letter, actor, ref)


@router.post("/extraditions/{ref}/actions/{action}", responses=ERRORS)
def extradition_action(ref: RefPath, action: ExtraditionAction, actor: CurrentActor,
                       body: ActionIn | None = None) -> StateOut:
    """Move an extradition file to its next stage, dated."""
    return _act("extradition", EXTRADITION_MACHINE, extraditions.perform, actor, ref, action,
                body)


@router.get("/extraditions/{ref}/actions", responses=ERRORS)
def extradition_actions(ref: RefPath, actor: CurrentActor) -> MachineOut:
    return _state("extradition", EXTRADITION_MACHINE, extraditions.get_extradition, actor, ref)


@router.get("/extraditions/{ref}/timeline", responses=ERRORS)
def extradition_timeline(ref: RefPath, actor: CurrentActor) -> dict[str, Any]:
    """The dated stages of the file and the days each took."""
    with transaction() as session:
        return extraditions.timeline(session, actor, ref)


@router.get("/notices/{ref}/compliance", responses=ERRORS)
def notice_compliance(ref: RefPath, actor: CurrentActor) -> dict[str, Any]:
    """The compliance review: every failed rule with its field and reason."""
    with transaction() as session:
        return notices.review(session, actor, ref).as_dict()


def _hit(h: Any) -> dict[str, Any]:
    return {"id": h.id, "notice_ref": h.notice_ref, "person_ref": h.person_ref,
            "confirmed_by": h.confirmed_by, "confirmed_on": h.confirmed_on,
            "source": h.source, "score": h.score, "place": h.place, "steps": h.steps,
            "extradition_ref": h.extradition_ref}


@router.get("/notices/{ref}/hits", responses=ERRORS)
def notice_hits(ref: RefPath, actor: CurrentActor) -> list[dict[str, Any]]:
    """The confirmed hits on a notice and the steps taken since."""
    with transaction() as session:
        return [_hit(h) for h in followup.hits_of(session, actor, ref)]


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    on: dt.date | None = None
    note: str | None = Field(default=None, max_length=4000)


@router.post("/hits/{hit_id}/steps/{step}", responses=ERRORS)
def hit_step(hit_id: Annotated[int, Path(ge=1, le=2**31 - 1)], step: HitStep,
             actor: CurrentActor, body: StepIn | None = None) -> dict[str, Any]:
    """Record what follows a hit; the extradition file opens an extradition record."""
    with transaction() as session:
        hit = followup.follow_up(session, actor, hit_id, step,
                                 (body or StepIn()).model_dump(exclude_none=True))
        return _hit(hit)


class MatchIn(BaseModel):
    """A screening candidate the officer confirmed as the listed person."""

    model_config = ConfigDict(extra="forbid")
    person_ref: str = Field(pattern=REF)
    notice_ref: str | None = Field(default=None, pattern=REF,
                                   description="default: every active notice of the person")
    query: str = Field(default="", max_length=1000)
    score: float | None = Field(default=None, ge=0, le=1)
    source: str = Field(default="desk", max_length=32)
    place: str = Field(default="", max_length=256)


@router.post("/hits", responses=ERRORS)
def confirm_match(body: MatchIn, actor: CurrentActor) -> list[dict[str, Any]]:
    """Record a confirmed match as a hit on the person's active notices."""
    with transaction() as session:
        hits = followup.confirm_match(
            session, actor, body.person_ref, query=body.query, score=body.score,
            source=body.source, place=body.place, notice_ref=body.notice_ref,
        )
        return [_hit(h) for h in hits]


Today = Annotated[dt.date | None, Query(description="the day to compute for (default today)")]


@router.get("/workflows/overdue-cases", responses=ERRORS)
def overdue_cases(actor: CurrentActor, today: Today = None) -> list[dict[str, Any]]:
    """Open cooperation files past their deadline, the latest first."""
    with transaction() as session:
        return cases.overdue(session, actor, _bounded(today))


@router.get("/workflows/letter-reminders", responses=ERRORS)
def letter_reminders(actor: CurrentActor, today: Today = None) -> list[dict[str, Any]]:
    """Rogatory letters with the executing authority to remind: overdue or due soon."""
    with transaction() as session:
        return letters.due_reminders(session, actor, _bounded(today))


class RetentionKind(StrEnum):
    case = "case"
    notice = "notice"
    rogatory_letter = "rogatory_letter"
    extradition = "extradition"
    person = "person"


@router.get("/retention/due", responses=ERRORS)
def retention_due(actor: CurrentActor, today: Today = None,
                  within: Annotated[int, Query(ge=0, le=3660)] = 0,
                  kind: Annotated[list[RetentionKind] | None, Query()] = None,
                  ) -> list[dict[str, Any]]:
    """Records to review; those past their retention limit are flagged, never deleted."""
    with transaction() as session:
        items = retention.due(session, actor, _bounded(today), within,
                              [str(k) for k in kind] if kind else None)
        return [i.as_dict() for i in items]


def _bounded(day: dt.date | None) -> dt.date | None:
    from liaison.workflow import Params

    return Params({"today": day}).date("today")
