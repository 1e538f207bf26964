"""The access policy, in one place. Every service asks it; no router re-implements it.

Four questions decide whether an actor may do something to a record:

1. **Role**: what each role may do to each kind of record (:data:`GRANTS`).
2. **Agency**: a partner agency's liaison officer sees an operational record (case,
   notice, rogatory letter, person, extradition) only when it was shared with that
   agency (:class:`~liaison.security.model.Share`), and then without internal fields;
   of the partner registry it sees only what is classified at the lowest level.
   A record a partner may not see does not exist for it: :func:`require` raises
   :class:`~liaison.errors.NotFound`, with no hint.
3. **Classification**: the record's label (``LIAISON_CLASSIFICATIONS``, lowest first)
   must not exceed the actor's clearance (:func:`clearance_of`).
4. **Handling restrictions** set by the source (:data:`RESTRICTIONS`): onward sharing,
   use as evidence, partner access.

Leaving the office (a notice request, a cancellation, an answer to a partner) also needs
a supervisor other than the drafter: :func:`require_approval` (four-eyes principle).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, FromClause, String, and_, cast, false, not_, select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.errors import NotFound, PermissionDenied
from liaison.security.actor import Actor, Role
from liaison.security.model import Share
from liaison.security.rls import apply_row_security


class Action(StrEnum):
    read = "read"
    list = "list"
    create = "create"
    update = "update"
    delete = "delete"
    #: a workflow step (assign, answer, publish, cancel…), checked again by the workflow
    transition = "transition"
    #: make a record visible to a partner agency
    share = "share"
    #: approve what leaves the office (four-eyes)
    approve = "approve"
    #: a partner's answer on a file shared with it
    answer = "answer"
    #: hand the record to a judicial authority as evidence
    use_as_evidence = "use_as_evidence"
    #: read the audit trail, verify it
    audit = "audit"
    manage_users = "manage_users"


#: kinds a partner may see once shared with its agency
OPERATIONAL = frozenset({"case", "notice", "rogatory_letter", "person", "extradition"})
#: the partner registry: agencies, agreements, working groups, events, meetings
REGISTRY = frozenset({"agency", "agreement", "working_group", "event", "meeting"})
ALL_KINDS = OPERATIONAL | REGISTRY

#: fields a partner never sees, whatever is shared with it
INTERNAL_FIELDS = frozenset({"notes", "internal_notes", "assigned_to"})

_DESK = {
    Action.read: ALL_KINDS, Action.list: ALL_KINDS, Action.create: ALL_KINDS,
    Action.update: ALL_KINDS, Action.transition: OPERATIONAL, Action.share: OPERATIONAL,
    Action.use_as_evidence: OPERATIONAL,
}

#: role -> action -> kinds it may be done to (a missing action: never)
GRANTS: dict[Role, dict[Action, frozenset[str]]] = {
    Role.officer: dict(_DESK),
    Role.supervisor: {**_DESK, Action.approve: OPERATIONAL, Action.delete: REGISTRY},
    Role.analyst: {
        Action.read: ALL_KINDS, Action.list: ALL_KINDS,
        Action.create: REGISTRY, Action.update: REGISTRY,
    },
    Role.auditor: {
        Action.read: ALL_KINDS, Action.list: ALL_KINDS, Action.audit: frozenset({"audit"}),
    },
    Role.admin: {
        Action.read: REGISTRY, Action.list: REGISTRY, Action.create: REGISTRY,
        Action.update: REGISTRY, Action.audit: frozenset({"audit"}),
        Action.manage_users: frozenset({"user"}),
    },
    Role.partner: {
        Action.read: ALL_KINDS, Action.list: ALL_KINDS,
        Action.answer: frozenset({"case", "rogatory_letter"}),
    },
}

#: what a partner agency's account may do at most, whatever roles it was given
PARTNER_ACTIONS = frozenset({Action.read, Action.list, Action.answer})

#: default clearance per role, as an index into LIAISON_CLASSIFICATIONS (-1: the highest)
DEFAULT_CLEARANCE: dict[Role, int] = {
    Role.supervisor: -1, Role.officer: -2, Role.analyst: -2,
    Role.auditor: 1, Role.admin: 1, Role.partner: 1,
}


class Restriction(StrEnum):
    """Handling codes a source sets on its information (Europol H1–H3 in spirit)."""

    #: H1: not usable in judicial proceedings without the source's permission
    not_evidence = "not_evidence"
    #: H2: no dissemination beyond the receiving office without the source's consent
    no_onward_sharing = "no_onward_sharing"
    #: H3: for intelligence purposes only (not evidence, not operational action)
    intelligence_only = "intelligence_only"
    #: H3: never shown to a partner agency, even through a share
    home_only = "home_only"


#: "no_share_<agency ref>" (lower case): never shared with that agency (a restriction by
#: the source against one recipient, as INTERPOL lets sources set per country)
NO_SHARE_PREFIX = "no_share_"

#: restriction -> actions it forbids, and why (shown to the person refused)
RESTRICTIONS: dict[str, tuple[frozenset[Action], str]] = {
    Restriction.not_evidence: (
        frozenset({Action.use_as_evidence}),
        "the source forbids using it as evidence without its permission (not_evidence)",
    ),
    Restriction.no_onward_sharing: (
        frozenset({Action.share}),
        "the source forbids onward sharing without its consent (no_onward_sharing)",
    ),
    Restriction.intelligence_only: (
        frozenset({Action.use_as_evidence}),
        "the source released it for intelligence only (intelligence_only)",
    ),
    Restriction.home_only: (
        frozenset({Action.share}),
        "the source allows no partner agency to see it (home_only)",
    ),
}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    #: True when the actor must not even learn that the record exists (answer 404)
    hidden: bool = False

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True, "allowed")


def _field(record: Any, name: str, default: Any = None) -> Any:
    if record is None:
        return default
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def classifications() -> tuple[str, ...]:
    return get_settings().classifications


def rank(label: str) -> int:
    """Position of a classification label; unknown labels rank above every known one."""
    labels = classifications()
    return labels.index(label) if label in labels else len(labels)


def clearance_of(actor: Actor) -> str:
    """The highest label the actor may read: its own clearance, else its roles' best."""
    labels = classifications()
    if actor.clearance in labels:
        return actor.clearance
    indices = [DEFAULT_CLEARANCE[Role(r)] for r in actor.roles if r in Role.__members__]
    if not indices:
        return labels[0]
    best = max(i % len(labels) for i in indices)
    if actor.is_partner:
        best = min(best, DEFAULT_CLEARANCE[Role.partner] % len(labels))
    return labels[best]


def _role_allows(actor: Actor, action: Action, kind: str) -> bool:
    if actor.is_partner and action not in PARTNER_ACTIONS:
        return False
    return any(kind in GRANTS.get(Role(r), {}).get(action, frozenset())
               for r in actor.roles if r in Role.__members__)


def _restrictions(record: Any) -> list[str]:
    value = _field(record, "restrictions", None) or []
    return [str(v) for v in value]


def _restriction_refusal(action: Action, restrictions: list[str], target: str | None) -> str:
    for code in restrictions:
        actions, why = RESTRICTIONS.get(code, (frozenset(), ""))
        if action in actions:
            return why
        if (action == Action.share and target
                and code == f"{NO_SHARE_PREFIX}{target.lower()}"):
            return f"the source forbids sharing it with {target} ({code})"
    return ""


def _partner_sees(actor: Actor, kind: str, record: Any, shared: bool) -> Decision:
    """May this partner's account know that ``record`` exists at all?"""
    hidden = Decision(False, "not found", hidden=True)
    if kind in REGISTRY:
        lowest = classifications()[0]
        return ALLOW if _field(record, "classification", lowest) == lowest else hidden
    if kind not in OPERATIONAL or not shared:
        return hidden
    codes = _restrictions(record)
    if Restriction.home_only in codes or f"{NO_SHARE_PREFIX}{actor.agency_ref.lower()}" in codes:
        return hidden
    if rank(_field(record, "classification", "")) > rank(clearance_of(actor)):
        return hidden
    return ALLOW


def can(
    actor: Actor,
    action: Action | str,
    kind: str,
    record: Any = None,
    *,
    shared: bool = False,
    target_agency: str | None = None,
) -> Decision:
    """Whether ``actor`` may do ``action`` to ``record`` (an ORM object, a mapping, or
    None for an action on the kind itself, e.g. creating or listing).

    ``shared``: the record is shared with the actor's agency (only matters to partners).
    ``target_agency``: for ``share``, the agency the record would be shared with.
    """
    action = Action(action)
    if not _role_allows(actor, action, kind):
        if actor.is_partner and record is not None and action in (Action.read, Action.answer):
            return Decision(False, "not found", hidden=True)
        return Decision(False, f"a {'/'.join(sorted(actor.roles)) or 'user without role'} "
                               f"may not {action.value} a {kind}")
    if record is None:
        return ALLOW
    if actor.is_partner:
        seen = _partner_sees(actor, kind, record, shared)
        if not seen:
            return seen
    label = _field(record, "classification", "")
    if rank(label) > rank(clearance_of(actor)):
        return Decision(False, f"the record is classified {label!r}, above your clearance "
                               f"{clearance_of(actor)!r}")
    refusal = _restriction_refusal(action, _restrictions(record), target_agency)
    return Decision(False, f"refused: {refusal}") if refusal else ALLOW


def is_shared(session: Session, kind: str, ref: str, agency_ref: str) -> bool:
    stmt = select(Share.id).where(
        Share.record_kind == kind, Share.record_ref == ref, Share.agency_ref == agency_ref
    )
    return session.scalar(stmt.limit(1)) is not None


def require(
    actor: Actor,
    action: Action | str,
    kind: str,
    record: Any = None,
    *,
    session: Session | None = None,
    shared: bool | None = None,
    target_agency: str | None = None,
) -> None:
    """Raise unless :func:`can` allows it: :class:`NotFound` when the actor must not
    learn the record exists, :class:`PermissionDenied` (with the reason) otherwise.

    For a partner, pass ``session`` (or ``shared``) so the share can be looked up; the
    session's transaction then also gets PostgreSQL's row-level security for the
    partner's agency (:func:`liaison.security.rls.apply_row_security`)."""
    if session is not None and actor.is_partner:
        apply_row_security(session, actor)
    if shared is None:
        shared = bool(
            actor.is_partner and record is not None and session is not None
            and is_shared(session, kind, str(_field(record, "ref", "")), actor.agency_ref)
        )
    decision = can(actor, action, kind, record, shared=shared, target_agency=target_agency)
    if decision.allowed:
        return
    if decision.hidden:
        raise NotFound(f"no {kind} {_field(record, 'ref', '')!s}")
    raise PermissionDenied(decision.reason)


def require_approval(actor: Actor, drafted_by: str | None = None) -> None:
    """Four-eyes: only a home supervisor approves what leaves the office, and never the
    person who drafted it."""
    if actor.is_partner or not actor.has(Role.supervisor):
        raise PermissionDenied("only a supervisor of the bureau may approve what leaves the office")
    if drafted_by is not None and drafted_by == actor.username:
        raise PermissionDenied("four-eyes principle: the approver must not be the drafter "
                               f"({drafted_by})")


def visible_filter(actor: Actor, cls: Any, kind: str) -> ColumnElement[bool]:
    """A where-clause keeping the rows of ``cls`` (a mapped class of ``kind``, or its
    table) the actor may see in a list; the same rules as :func:`can` for ``read``."""
    if isinstance(cls, FromClause):
        cls = cls.c
    if not _role_allows(actor, Action.list, kind):
        return false()
    labels = classifications()
    allowed = labels[: rank(clearance_of(actor)) + 1]
    clause: ColumnElement[bool] = cls.classification.in_(allowed)
    if not actor.is_partner:
        return clause
    if kind in REGISTRY:
        lowest: ColumnElement[bool] = cls.classification == labels[0]
        return lowest
    if kind not in OPERATIONAL:
        return false()
    shared = select(Share.record_ref).where(
        Share.record_kind == kind, Share.agency_ref == actor.agency_ref
    )
    as_text = cast(cls.restrictions, String)
    return and_(
        clause,
        cls.ref.in_(shared),
        not_(as_text.like(f'%"{Restriction.home_only.value}"%')),
        not_(as_text.like(f'%"{NO_SHARE_PREFIX}{actor.agency_ref.lower()}"%')),
    )


def redact(actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    """The record as the actor may see it: a partner never sees internal fields."""
    if not actor.is_partner:
        return data
    return {k: v for k, v in data.items() if k not in INTERNAL_FIELDS}


__all__ = [
    "ALL_KINDS", "Action", "Decision", "GRANTS", "INTERNAL_FIELDS", "OPERATIONAL", "REGISTRY",
    "RESTRICTIONS", "Restriction", "can", "clearance_of", "is_shared", "redact", "require",
    "require_approval", "visible_filter",
]
