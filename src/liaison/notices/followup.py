"""Use cases of hits: an officer confirms a screening match against a notice, then
records what follows — the issuing country informed, the person located, the
provisional arrest, the extradition file (which opens an :class:`Extradition`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.errors import Conflict, NotFound, ValidationError
from liaison.extradition.model import Extradition, ExtraditionDirection, ExtraditionStage
from liaison.notices.hits import Hit
from liaison.notices.model import Notice, NoticeStatus
from liaison.notices.rules import NOTICE_MACHINE, HitStep, follow_up_action
from liaison.persons.model import Person
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event, record
from liaison.workflow import Params, audit_transition, authorize, review_date


def add_hit(session: Session, actor: Actor, notice: Notice, p: Params, today: dt.date) -> Hit:
    """Attach a confirmed match to ``notice`` (the caller moves the notice to *hit*)."""
    person_ref = p.text("person_ref", max_len=64) or notice.person_ref
    if person_ref and session.get(Person, person_ref) is None:
        raise ValidationError.for_field("person_ref", f"no person {person_ref}")
    on = p.date("on", today)
    assert on is not None
    hit = Hit(
        notice_ref=notice.ref, person_ref=person_ref, confirmed_by=actor.username,
        confirmed_on=on, source=p.text("source", default="desk", max_len=32) or "desk",
        query=p.text("query"), score=p.number("score"), place=p.text("place", max_len=256),
        note=p.text("note"), steps=[],
    )
    session.add(hit)
    session.flush()
    return hit


def hits_of(session: Session, actor: Actor, notice_ref: str) -> list[Hit]:
    notice = session.get(Notice, notice_ref)
    if notice is None:
        raise NotFound(f"no notice {notice_ref}")
    authorize(session, actor, "notice", notice, action="read")
    return list(session.scalars(select(Hit).where(Hit.notice_ref == notice_ref).order_by(Hit.id)))


def follow_up(session: Session, actor: Actor, hit_id: int, step: str,
              params: dict[str, Any] | None = None, today: dt.date | None = None) -> Hit:
    """Record the next step after a hit; locate and provisional arrest move the notice,
    the extradition file opens an extradition record."""
    hit = session.get(Hit, hit_id)
    if hit is None:
        raise NotFound(f"no hit {hit_id}")
    notice = session.get(Notice, hit.notice_ref)
    assert notice is not None
    authorize(session, actor, "notice", notice)
    p, today = Params(params), today or dt.date.today()
    on = p.date("on", today)
    assert on is not None
    action = follow_up_action(step)
    done = {s["step"] for s in hit.steps or []}
    if step in done:
        raise Conflict(f"hit {hit_id}: '{step}' was already recorded")
    entry: dict[str, Any] = {"step": step, "on": on.isoformat(), "by": actor.username,
                             "note": p.text("note")}
    if action is not None:
        before = notice.status
        notice.status = NOTICE_MACHINE.next_state(before, action)
        if step == HitStep.provisional_arrest:
            notice.arrest_on = on
        audit_transition(session, actor, "notice", notice.ref, action, before, notice.status,
                         hit=hit.id)
    if step == HitStep.extradition_file:
        entry["extradition_ref"] = _open_extradition(session, actor, hit, notice, on).ref
        hit.extradition_ref = entry["extradition_ref"]
    hit.steps = [*(hit.steps or []), entry]
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.update, entity_kind="hit",
                          entity_ref=str(hit.id), origin=actor.origin,
                          detail={"notice": notice.ref, "step": step}))
    return hit


def _open_extradition(session: Session, actor: Actor, hit: Hit, notice: Notice,
                      on: dt.date) -> Extradition:
    home = get_settings().home_country
    ref = f"EXT-{notice.ref}-{hit.id}"[:64]
    if session.get(Extradition, ref) is not None:
        raise Conflict(f"extradition {ref} already exists")
    # a foreign notice hit here: the home country surrenders; our own notice hit abroad:
    # the person is surrendered to us
    ours = notice.issuing_country_code == home
    arrested = notice.status == NoticeStatus.arrested
    ext = Extradition(
        ref=ref,
        direction=ExtraditionDirection.to_home if ours else ExtraditionDirection.by_home,
        person_ref=hit.person_ref, notice_ref=notice.ref,
        requesting_country_code=notice.issuing_country_code,
        requested_country_code=None if ours else home,
        stage=ExtraditionStage.provisional_arrest if arrested else ExtraditionStage.request,
        requested_on=on,
        provisional_arrest_on=notice.arrest_on if arrested else None,
        classification=notice.classification, review_on=review_date(on),
    )
    session.add(ext)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create,
                          entity_kind="extradition", entity_ref=ref, origin=actor.origin,
                          detail={"from_hit": hit.id, "notice": notice.ref}))
    return ext


def confirm_match(session: Session, actor: Actor, person_ref: str, *, query: str = "",
                  score: float | None = None, source: str = "desk", place: str = "",
                  notice_ref: str | None = None, today: dt.date | None = None) -> list[Hit]:
    """An officer confirms that a screening candidate is the listed person: a hit on the
    named notice, or on every active notice of the person (what the desk search calls)."""
    from liaison.notices import service as notices
    from liaison.notices.model import ACTIVE_STATUSES, NoticeKind

    if notice_ref is None:
        refs = list(session.scalars(
            select(Notice.ref).where(
                Notice.person_ref == person_ref, Notice.status.in_(sorted(ACTIVE_STATUSES)),
                Notice.kind != NoticeKind.cancellation,
            ).order_by(Notice.ref)
        ))
        if not refs:
            raise NotFound(f"person {person_ref} is under no active notice")
    else:
        refs = [notice_ref]
    params = {"person_ref": person_ref, "query": query, "score": score, "source": source,
              "place": place}
    hits = []
    for ref in refs:
        notices.perform(session, actor, ref, "record_hit", params, today=today)
        hits.append(session.scalars(
            select(Hit).where(Hit.notice_ref == ref).order_by(Hit.id.desc()).limit(1)
        ).one())
    return hits


def inconsistencies(session: Session) -> list[dict[str, str]]:
    """Records whose statuses contradict each other (e.g. loaded in bulk without going
    through the workflow): a cancellation note whose notice is still active, a live record
    derived from one that has ended, an active notice without issue or review date."""
    from sqlalchemy.orm import aliased

    from liaison.notices.model import ACTIVE_STATUSES, NoticeKind
    from liaison.notices.rules import LIVE_STATUSES

    active = sorted(ACTIVE_STATUSES)
    ended = ["cancelled", "withdrawn", "expired", "refused"]
    target, source = aliased(Notice), aliased(Notice)
    out: list[dict[str, str]] = []
    notes = select(Notice.ref, target.ref, target.status).join(
        target, target.ref == Notice.cancels_ref
    ).where(Notice.kind == NoticeKind.cancellation, target.status.in_(active))
    for note, ref, status in session.execute(notes):
        out.append({"ref": ref, "problem": f"cancelled by {note} but still {status}"})
    derived = select(Notice.ref, Notice.status, source.ref, source.status).join(
        source, source.ref == Notice.derived_from_ref
    ).where(Notice.status.in_(sorted(LIVE_STATUSES)), source.status.in_(ended))
    for ref, status, src, src_status in session.execute(derived):
        out.append({"ref": ref, "problem": f"still {status} though {src} it derives from "
                                           f"is {src_status}"})
    undated = select(Notice.ref).where(
        Notice.status.in_(active), Notice.kind != NoticeKind.cancellation,
        (Notice.issued_on.is_(None)) | (Notice.review_on.is_(None)),
    )
    for ref in session.scalars(undated):
        out.append({"ref": ref, "problem": "active without an issue date or a review date"})
    return out
