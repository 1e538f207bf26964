"""Use cases of warrants, notices, diffusions and search notes: draft a request, review
its compliance, move it through its workflow, and end a search with cancellation notes.

Every function takes the caller's session (one transaction) and the acting
:class:`~liaison.security.actor.Actor`; it checks the access policy, writes, and appends
the audit entry in the same transaction. What leaves the office (approval, publication,
cancellation, a neutrality decision) needs a supervisor who did not draft it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.errors import Conflict, FieldProblem, NotFound, ValidationError
from liaison.notices import compliance
from liaison.notices.compliance import ComplianceReport, NoticeFacts, PersonFacts
from liaison.notices.model import Notice, NoticeKind, NoticeStatus
from liaison.notices.rules import NOTICE_MACHINE, SENT_STATUSES, NoticeAction
from liaison.notices.rules import cancellation_reason as parse_reason
from liaison.persons.model import Person
from liaison.screening import watchlist
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

KIND = "notice"

DRAFT_FIELDS = (
    "kind", "scope", "person_ref", "case_ref", "charges", "warrant_reference", "warrant_date",
    "penalty_basis", "penalty_months", "issuing_authority", "issuing_country_code",
    "derived_from_ref", "neutrality_flag", "classification",
)


def get_notice(session: Session, actor: Actor, ref: str) -> Notice:
    notice = session.get(Notice, ref)
    if notice is None:
        raise NotFound(f"no notice {ref}")
    authorize(session, actor, KIND, notice, action="read")
    return notice


def draft_notice(session: Session, actor: Actor, ref: str, **fields: Any) -> Notice:
    """Record a notice request as *drafted* (nothing leaves the office yet)."""
    authorize(session, actor, KIND, None, action="create")
    if session.get(Notice, ref) is not None:
        raise Conflict(f"notice {ref} already exists")
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValidationError.for_field(sorted(unknown)[0], "not a field of a notice request")
    kind = fields.get("kind", "")
    if kind not in {k.value for k in NoticeKind} or kind == NoticeKind.cancellation:
        raise ValidationError.for_field("kind", f"'{kind}' is not a kind of notice request")
    for key in ("person_ref", "derived_from_ref", "case_ref"):
        _check_exists(session, key, fields.get(key))
    notice = Notice(ref=ref, status=NoticeStatus.drafted, **fields)
    session.add(notice)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin, detail={"kind": kind}))
    return notice


def _check_exists(session: Session, key: str, value: str | None) -> None:
    from liaison.cases.model import Case

    cls = {"person_ref": Person, "derived_from_ref": Notice, "case_ref": Case}[key]
    if value and session.get(cls, value) is None:
        raise ValidationError.for_field(key, f"no record {value}")


def facts(session: Session, notice: Notice) -> NoticeFacts:
    """What the compliance review looks at, read from the notice and its person."""
    person = session.get(Person, notice.person_ref) if notice.person_ref else None
    person_facts = None
    if person is not None:
        person_facts = PersonFacts(
            names=tuple(n.full_name for n in person.names),
            birth_date=person.birth_date,
            nationalities=tuple(person.nationalities or ()),
            documents=tuple(d.number for d in person.documents),
        )
    return NoticeFacts(
        kind=notice.kind, charges=notice.charges or "",
        warrant_reference=notice.warrant_reference or "", warrant_date=notice.warrant_date,
        penalty_basis=notice.penalty_basis or "", penalty_months=notice.penalty_months,
        issued_on=notice.issued_on, arrest_on=notice.arrest_on,
        cancelled_on=notice.cancelled_on, derived_from_ref=notice.derived_from_ref,
        cancels_ref=notice.cancels_ref, cancellation_reason=notice.cancellation_reason,
        neutrality_flag=bool(notice.neutrality_flag),
        neutrality_decision=notice.neutrality_decision or "", person=person_facts,
    )


def review(session: Session, actor: Actor, ref: str,
           today: dt.date | None = None) -> ComplianceReport:
    """The compliance review of a notice: every failed rule with its reason."""
    notice = get_notice(session, actor, ref)
    return compliance.review(facts(session, notice), today or dt.date.today())


def _require_compliant(session: Session, notice: Notice, today: dt.date, action: str) -> None:
    report = compliance.review(facts(session, notice), today)
    if not report.ok:
        raise ValidationError(
            f"notice {notice.ref} cannot be {action}: "
            + "; ".join(f"{f.rule} ({f.field}): {f.reason}" for f in report.failures),
            [FieldProblem(f.field, f"{f.rule}: {f.reason}") for f in report.failures],
        )


Handler = Callable[[Session, Actor, Notice, Params, dt.date], dict[str, Any]]


def _submit(s: Session, actor: Actor, n: Notice, _p: Params, today: dt.date) -> dict[str, Any]:
    n.submitted_by = actor.username
    report = compliance.review(facts(s, n), today)
    return {"compliance_failures": [f.rule for f in report.failures]}


def _clear_neutrality(
    _s: Session, actor: Actor, n: Notice, p: Params, _t: dt.date
) -> dict[str, Any]:
    authorize_approval(actor, n.submitted_by or None)
    reason = p.text("reason", required=True)
    n.neutrality_decision, n.neutrality_reason = "cleared", reason
    n.neutrality_decided_by = actor.username
    return {"neutrality": "cleared", "reason": reason}


def _approve(s: Session, actor: Actor, n: Notice, _p: Params, today: dt.date) -> dict[str, Any]:
    authorize_approval(actor, n.submitted_by or None)
    _require_compliant(s, n, today, "approved")
    n.approved_by = actor.username
    return {"submitted_by": n.submitted_by}


def _refuse(s: Session, actor: Actor, n: Notice, p: Params, today: dt.date) -> dict[str, Any]:
    authorize_approval(actor, n.submitted_by or None)
    reason = p.text("reason", required=True)
    n.status_note = reason
    if compliance.review(facts(s, n), today).neutrality_terms or n.neutrality_flag:
        n.neutrality_decision, n.neutrality_reason = "refused", reason
        n.neutrality_decided_by = actor.username
    return {"reason": reason}


def _return_to_draft(_s: Session, _a: Actor, n: Notice, p: Params, _t: dt.date) -> dict[str, Any]:
    n.status_note = p.text("note")
    n.approved_by = ""
    return {"note": n.status_note}


def _publish(s: Session, actor: Actor, n: Notice, p: Params, today: dt.date) -> dict[str, Any]:
    authorize_approval(actor, n.submitted_by or None)
    on = p.date("on", today)
    assert on is not None
    n.issued_on = on
    _require_compliant(s, n, today, "published")
    n.review_on = review_date(on)
    return {"issued_on": on}


def _record_hit(s: Session, actor: Actor, n: Notice, p: Params, today: dt.date) -> dict[str, Any]:
    from liaison.notices.followup import add_hit

    hit = add_hit(s, actor, n, p, today)
    return {"hit": hit.id}


def _locate(_s: Session, _a: Actor, n: Notice, p: Params, _t: dt.date) -> dict[str, Any]:
    return {"place": p.text("place"), "note": p.text("note")}


def _arrest(_s: Session, _a: Actor, n: Notice, p: Params, today: dt.date) -> dict[str, Any]:
    n.arrest_on = p.date("on", today)
    if n.issued_on and n.arrest_on and n.arrest_on < n.issued_on:
        raise ValidationError.for_field("on", f"the arrest ({n.arrest_on}) is before the "
                                              f"notice was issued ({n.issued_on})")
    return {"arrest_on": n.arrest_on}


HANDLERS: dict[str, Handler] = {
    NoticeAction.submit: _submit,
    NoticeAction.clear_neutrality: _clear_neutrality,
    NoticeAction.approve: _approve,
    NoticeAction.refuse: _refuse,
    NoticeAction.return_to_draft: _return_to_draft,
    NoticeAction.publish: _publish,
    NoticeAction.record_hit: _record_hit,
    NoticeAction.locate: _locate,
    NoticeAction.arrest: _arrest,
}

ENDING_ACTIONS = (NoticeAction.cancel, NoticeAction.withdraw, NoticeAction.expire)

#: what each action needs, for the CLI's and the API's help
ACTION_PARAMS: dict[str, str] = {
    NoticeAction.clear_neutrality: "reason (the supervisor's decision); supervisor",
    NoticeAction.approve: "supervisor other than the author; compliance must pass",
    NoticeAction.refuse: "reason; supervisor",
    NoticeAction.return_to_draft: "note",
    NoticeAction.publish: "on (date); supervisor; compliance must pass",
    NoticeAction.record_hit: "person_ref, source, query, score, place, note, on",
    NoticeAction.locate: "place, note",
    NoticeAction.arrest: "on (date)",
    NoticeAction.cancel: "reason (arrested|withdrawn_by_judge|expired|duplicate|other), "
                         "on (date), note; supervisor",
    NoticeAction.withdraw: "note, on (date)",
    NoticeAction.expire: "on (date)",
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
) -> Notice:
    """Do one workflow action on a notice; refuses (unchanged) what is not allowed."""
    notice = get_notice(session, actor, ref)
    check_version(KIND, ref, notice.version, version)
    authorize(session, actor, KIND, notice)
    today = today or dt.date.today()
    before = notice.status
    after = NOTICE_MACHINE.next_state(before, action)
    if action in ENDING_ACTIONS:
        end_search(session, actor, notice, str(action), Params(params), today)
        return notice
    detail = HANDLERS[str(action)](session, actor, notice, Params(params), today)
    notice.status = after
    session.flush()
    audit_transition(session, actor, KIND, ref, action, before, after,
                     approval=action in (NoticeAction.approve, NoticeAction.publish,
                                         NoticeAction.clear_neutrality), **detail)
    if action == NoticeAction.publish:
        watchlist.refresh_persons(session, [notice.person_ref or ""])
    return notice


def allowed_actions(session: Session, actor: Actor, ref: str) -> list[str]:
    return NOTICE_MACHINE.allowed(get_notice(session, actor, ref).status)


def end_search(session: Session, actor: Actor, notice: Notice, action: str,
               params: Params, today: dt.date) -> list[Notice]:
    """Cancel, withdraw or let expire ``notice`` and every live record derived from it
    (search notes, diffusions…); a cancellation note follows each cancelled record that
    had left the office; the persons leave the watchlist when the transaction commits.
    Returns the cancellation notes."""
    reason = None
    if action == NoticeAction.cancel:
        authorize_approval(actor)
        reason = parse_reason(params.text("reason", required=True))
    on = params.date("on", today)
    assert on is not None
    note = params.text("note")
    ended = _end_tree(session, actor, notice, action, on, note, reason)
    notes = [
        _cancellation_note(session, actor, n, reason, on, note)
        for n, sent in ended if action == NoticeAction.cancel and sent
    ]
    watchlist.refresh_persons(session, [n.person_ref or "" for n, _ in ended])
    return notes


def _end_tree(session: Session, actor: Actor, root: Notice, action: str, on: dt.date,
              note: str, reason: str | None) -> list[tuple[Notice, bool]]:
    ended: list[tuple[Notice, bool]] = []
    queue, seen = [root], {root.ref}
    while queue:
        current = queue.pop(0)
        step = action
        if current is not root and not NOTICE_MACHINE.can(current.status, step):
            # a derived record that never left the office is withdrawn instead
            step = NoticeAction.withdraw
            if not NOTICE_MACHINE.can(current.status, step):
                continue
        before, sent = current.status, current.status in SENT_STATUSES
        current.status = NOTICE_MACHINE.next_state(before, step)
        current.cancelled_on = on
        current.status_note = note or current.status_note
        if step == NoticeAction.cancel:
            current.cancellation_reason = reason
        ended.append((current, sent))
        session.flush()
        audit_transition(session, actor, KIND, current.ref, step, before, current.status,
                         approval=step == NoticeAction.cancel, reason=reason,
                         cascade_from=None if current is root else root.ref)
        children = session.scalars(
            select(Notice).where(Notice.derived_from_ref == current.ref).order_by(Notice.ref)
        ).all()
        for child in children:
            if child.ref not in seen and child.kind != NoticeKind.cancellation:
                seen.add(child.ref)
                queue.append(child)
    return ended


def _cancellation_note(session: Session, actor: Actor, cancelled: Notice, reason: str | None,
                       on: dt.date, note: str) -> Notice:
    ref = f"{cancelled.ref}-CN"[:64]
    if session.get(Notice, ref) is not None:
        raise Conflict(f"a cancellation note {ref} already exists")
    settings = get_settings()
    cn = Notice(
        ref=ref, kind=NoticeKind.cancellation, scope=cancelled.scope,
        status=NoticeStatus.published, person_ref=cancelled.person_ref,
        case_ref=cancelled.case_ref, cancels_ref=cancelled.ref, cancellation_reason=reason,
        issuing_authority=settings.home_agency, issuing_country_code=settings.home_country,
        charges=note, issued_on=on, review_on=review_date(on),
        classification=cancelled.classification, restrictions=list(cancelled.restrictions or []),
        approved_by=actor.username, submitted_by=actor.username,
    )
    session.add(cn)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.create, entity_kind=KIND,
                          entity_ref=ref, origin=actor.origin,
                          detail={"kind": "cancellation", "cancels": cancelled.ref,
                                  "reason": reason}))
    return cn


def cancel_warrant(session: Session, actor: Actor, ref: str, reason: str,
                   on: dt.date | None = None, note: str = "") -> list[Notice]:
    """Cancel a warrant (or any notice) and everything derived from it; returns the
    cancellation notes sent."""
    notice = get_notice(session, actor, ref)
    authorize(session, actor, KIND, notice)
    today = on or dt.date.today()
    NOTICE_MACHINE.next_state(notice.status, NoticeAction.cancel)
    return end_search(session, actor, notice, NoticeAction.cancel,
                      Params({"reason": reason, "on": today, "note": note}), today)
