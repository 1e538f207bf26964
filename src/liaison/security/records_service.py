"""Generic use cases on every kind of record (list, get, create, update, share), in the
interchange format's shape, with the access policy and the audit trail applied.

The API's record routes call these and nothing else. Workflow actions (assign, answer,
publish, cancel…) belong to their domain's service, which uses the same policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from liaison.errors import Conflict, FieldProblem, NotFound, ValidationError
from liaison.ingest.interchange import canonical, existing_refs, to_records, to_rows
from liaison.ingest.mapping import KINDS, KindMap
from liaison.ingest.schema import RecordBase
from liaison.partners.model import Agency
from liaison.records import utcnow
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event
from liaison.security.model import Share
from liaison.security.policy import (
    INTERNAL_FIELDS,
    OPERATIONAL,
    Action,
    redact,
    require,
    visible_filter,
)
from liaison.security.rls import apply_row_security

MAX_PAGE = 200


def kind_map(kind: str) -> KindMap:
    if kind not in KINDS:
        raise NotFound(f"no kind of record '{kind}'")
    return KINDS[kind]


@dataclass
class Page:
    items: list[dict[str, Any]]
    #: the ref to pass as ``after`` for the next page; None on the last page
    next_after: str | None = None


@dataclass
class Updated:
    record: dict[str, Any] | None = None
    #: set when the update was refused (stale version); the refusal is audited, so the
    #: caller commits and then raises it
    conflict: Conflict | None = None


@dataclass
class Shared:
    kind: str
    ref: str
    agency: str
    shared_by: str
    purpose: str = ""
    created: bool = field(default=True)


def _as_api(session: Session, km: KindMap, rows: list[Any]) -> list[dict[str, Any]]:
    records = to_records(session, km, rows)
    out = []
    for row, rec in zip(rows, records, strict=True):
        body = rec.model_dump(mode="json")
        body["version"] = row["version"]
        out.append(body)
    return out


def _row(session: Session, table: Table, ref: str, *, lock: bool = False) -> Any:
    stmt = select(table).where(table.c.ref == ref)
    if lock:
        stmt = stmt.with_for_update()
    return session.execute(stmt).mappings().first()


def _visible_row(session: Session, actor: Actor, km: KindMap, ref: str, lock: bool = False) -> Any:
    apply_row_security(session, actor)
    row = _row(session, km.table, ref, lock=lock)
    if row is None:
        raise NotFound(f"no {km.kind} {ref}")
    require(actor, Action.read, km.kind, row, session=session)
    return row


def _read_events(actor: Actor, kind: str, refs: list[str], purpose: str, via: str) -> list[Event]:
    if kind != "person":
        return []
    return [Event(actor.username, AuditAction.read, "person", ref, purpose=purpose[:256],
                  origin=actor.origin, detail={"via": via}) for ref in refs]


def _present(session: Session, actor: Actor, km: KindMap, ref: str) -> dict[str, Any]:
    """The record just written, as its writer sees it (the write itself is audited)."""
    return redact(actor, _as_api(session, km, [_row(session, km.table, ref)])[0])


def get_record(session: Session, actor: Actor, kind: str, ref: str,
               purpose: str = "") -> dict[str, Any]:
    """One record as the actor may see it; reading a person is audited with its purpose."""
    km = kind_map(kind)
    row = _visible_row(session, actor, km, ref)
    audit.append_many(session, _read_events(actor, kind, [ref], purpose, "get"))
    return redact(actor, _as_api(session, km, [row])[0])


def list_records(session: Session, actor: Actor, kind: str, filters: dict[str, str] | None = None,
                 *, after: str | None = None, limit: int = 50, purpose: str = "") -> Page:
    """A page of the records the actor may see, by reference, with equality filters on
    interchange fields. Every person listed is audited as read."""
    km = kind_map(kind)
    require(actor, Action.list, kind)
    apply_row_security(session, actor)
    t = km.table
    stmt = select(t).where(visible_filter(actor, t, kind))
    for name, value in [*(filters or {}).items(), ("after", after or "")]:
        if "\x00" in value:
            raise ValidationError.for_field(name, "must not contain NUL characters")
    for name, value in (filters or {}).items():
        if actor.is_partner and name in INTERNAL_FIELDS:
            continue
        column = km.column(name)
        if column not in t.c:
            raise ValidationError.for_field(name, f"a {kind} cannot be filtered on this")
        stmt = stmt.where(t.c[column] == value)
    if after:
        stmt = stmt.where(t.c.ref > after)
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.execute(stmt.order_by(t.c.ref).limit(limit + 1)).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [redact(actor, r) for r in _as_api(session, km, list(rows))]
    audit.append_many(session, _read_events(actor, kind, [r["ref"] for r in rows], purpose, "list"))
    return Page(items, rows[-1]["ref"] if more else None)


def _missing_refs(session: Session, km: KindMap, record: RecordBase) -> list[FieldProblem]:
    """References to records that do not exist, each named by its field."""
    wanted: list[tuple[str, str, str]] = []
    for f, kind in km.refs.items():
        value = getattr(record, f)
        if value:
            wanted.append((kind, value, f))
    for child in km.children:
        for i, item in enumerate(getattr(record, child.field)):
            for f, kind in child.refs.items():
                value = getattr(item, f)
                if value:
                    wanted.append((kind, value, f"{child.field}.{i}.{f}"))
    problems = []
    for kind, ref, f in wanted:
        if not existing_refs(session, KINDS[kind].table, [ref]):
            problems.append(FieldProblem(f, f"no {kind} with ref '{ref}'"))
    return problems


def _write_children(session: Session, km: KindMap, ref: str,
                    kids: dict[Table, list[dict[str, Any]]], replace: bool) -> None:
    for child in km.children:
        if replace:
            session.execute(child.table.delete().where(child.table.c[child.parent_column] == ref))
        rows = kids.get(child.table, [])
        if rows:
            session.execute(child.table.insert(), rows)


def _text_problems(table: Table, row: dict[str, Any], fields: dict[str, str],
                   prefix: str = "") -> list[FieldProblem]:
    """Values the database would refuse: too long for their column, or holding NUL.
    ``fields`` maps a column to its interchange field where the names differ."""

    def name(column: str) -> str:
        return prefix + fields.get(column, column)

    problems = []
    for column, value in row.items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in values):
            problems.append(FieldProblem(name(column), "must not contain NUL characters"))
            continue
        col = table.c.get(column)
        length = getattr(col.type, "length", None) if col is not None else None
        if length and isinstance(value, str) and len(value) > length:
            problems.append(FieldProblem(name(column), f"at most {length} characters"))
    return problems


def _storable(km: KindMap, record: RecordBase) -> list[FieldProblem]:
    main, kids = to_rows(record, km)
    reverse = {col: f for f, col in km.renames.items()}
    problems = _text_problems(km.table, main, reverse)
    for child in km.children:
        back = {col: f for f, col in child.columns.items()}
        for i, row in enumerate(kids.get(child.table, [])):
            problems += _text_problems(child.table, row, back, f"{child.field}.{i}.")
    return problems


def _check_input(session: Session, km: KindMap, record: RecordBase) -> None:
    problems = _storable(km, record) or _missing_refs(session, km, record)
    if problems:
        raise ValidationError("; ".join(str(p) for p in problems), problems)


def create_record(session: Session, actor: Actor, kind: str, record: RecordBase) -> dict[str, Any]:
    """Create a record; 409 when its reference is taken (nothing overwritten)."""
    km = kind_map(kind)
    body = record.model_dump()
    require(actor, Action.create, kind)
    require(actor, Action.create, kind, body)  # not above the actor's own clearance
    if _row(session, km.table, record.ref) is not None:
        raise Conflict(f"a {kind} with ref {record.ref} exists already",
                       [FieldProblem("ref", "taken")])
    _check_input(session, km, record)
    main, kids = to_rows(record, km)
    now = utcnow()
    session.execute(km.table.insert().values(**main, created_at=now, updated_at=now, version=1))
    _write_children(session, km, record.ref, kids, replace=False)
    audit.record(session, Event(actor.username, AuditAction.create, kind, record.ref,
                                origin=actor.origin, detail={"via": "api"}))
    return _present(session, actor, km, record.ref)


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = set(old) | set(new)
    return sorted(k for k in keys if k not in ("kind", "version") and old.get(k) != new.get(k))


def update_record(session: Session, actor: Actor, kind: str, ref: str, record: RecordBase,
                  version: int) -> Updated:
    """Replace a record if ``version`` is still its version (optimistic locking).

    A stale version changes nothing and returns the conflict; the refused intent (its
    changed fields and the proposed content) is in the audit trail, so nothing is lost."""
    km = kind_map(kind)
    if record.ref != ref:
        raise ValidationError.for_field("ref", f"the body's ref must be the path's ({ref})")
    row = _visible_row(session, actor, km, ref, lock=True)
    require(actor, Action.update, kind, row, session=session)
    require(actor, Action.update, kind, record.model_dump())
    current = _as_api(session, km, [row])[0]
    proposed = canonical(record)
    changed = _changed_fields({k: v for k, v in current.items()},
                              record.model_dump(mode="json"))
    if row["version"] != version:
        audit.record(session, Event(
            actor.username, AuditAction.update, kind, ref, origin=actor.origin,
            detail={"refused": "stale version", "sent_version": version,
                    "current_version": row["version"], "changed": changed,
                    "proposed": proposed if kind != "person" else None}))
        return Updated(conflict=Conflict(
            f"{kind} {ref} was changed by someone else (now version {row['version']}, "
            f"you sent {version}); re-read it and apply your change again",
            [FieldProblem("version", f"stale: the current version is {row['version']}")]))
    _check_input(session, km, record)
    main, kids = to_rows(record, km)
    main.pop("ref")
    t = km.table
    session.execute(t.update().where(t.c.ref == ref, t.c.version == version)
                    .values(**main, updated_at=utcnow(), version=version + 1))
    _write_children(session, km, ref, kids, replace=True)
    audit.record(session, Event(actor.username, AuditAction.update, kind, ref, origin=actor.origin,
                                detail={"via": "api", "version": version + 1, "changed": changed}))
    return Updated(record=_present(session, actor, km, ref))


def share_record(session: Session, actor: Actor, kind: str, ref: str, agency_ref: str,
                 purpose: str = "") -> Shared:
    """Make a record visible to a partner agency, if the source's restrictions allow."""
    km = kind_map(kind)
    if kind not in OPERATIONAL:
        raise ValidationError.for_field("kind", f"a {kind} is not shared record by record")
    if "\x00" in purpose:
        raise ValidationError.for_field("purpose", "must not contain NUL characters")
    row = _visible_row(session, actor, km, ref)
    agency = session.get(Agency, agency_ref)
    if agency is None:
        raise ValidationError.for_field("agency", f"no agency with ref '{agency_ref}'")
    require(actor, Action.share, kind, row, session=session, target_agency=agency.ref)
    exists = session.scalar(select(Share.id).where(
        Share.record_kind == kind, Share.record_ref == ref, Share.agency_ref == agency.ref))
    if exists is None:
        session.add(Share(record_kind=kind, record_ref=ref, agency_ref=agency.ref,
                          shared_by=actor.username, purpose=purpose[:256]))
        session.flush()
        audit.record(session, Event(actor.username, AuditAction.share, kind, ref, purpose=purpose,
                                    origin=actor.origin, detail={"agency": agency.ref}))
    return Shared(kind, ref, agency.ref, actor.username, purpose, created=exists is None)
