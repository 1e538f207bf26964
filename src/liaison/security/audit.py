"""The audit trail: an append-only, hash-chained log of every write and every read of
person data, appended in the same transaction as the act it records.

Each entry's ``hash`` is an HMAC-SHA256 (key: ``LIAISON_AUDIT_KEY``) over its own
fields and the previous entry's hash, so editing, deleting or inserting a row out of
band breaks the chain at that row, and :func:`verify` names it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String, Text, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from liaison.config import get_settings
from liaison.db import Base, insert_rows, session_plan
from liaison.records import utcnow

GENESIS = "0" * 64


class AuditAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"
    read = "read"
    search = "search"
    transition = "transition"
    import_ = "import"
    export = "export"
    login = "login"
    login_failed = "login_failed"
    logout = "logout"
    share = "share"
    approve = "approve"
    report = "report"
    accept = "accept"


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(128), index=True)
    action: Mapped[str] = mapped_column(String(32))
    entity_kind: Mapped[str] = mapped_column(String(32), default="")
    entity_ref: Mapped[str] = mapped_column(String(64), default="", index=True)
    purpose: Mapped[str] = mapped_column(String(256), default="")
    origin: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


@dataclass
class Event:
    """What happened, before it is sealed into the chain."""

    actor: str
    action: str
    entity_kind: str = ""
    entity_ref: str = ""
    purpose: str = ""
    origin: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


#: the detail's JSON text, keys sorted (what is hashed is this exact text)
_encode_detail = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str).encode


#: one entry's fields as sealed, after its sequence number and time: actor, action,
#: entity kind, entity ref, purpose, origin, detail (JSON text)
_Fields = tuple[str, str, str, str, str, str, str]


def _hash(key: bytes, seq: int, at: str, fields: _Fields, prev: str) -> str:
    """The entry's HMAC: of seq, at, the fields and the previous hash, joined by \x1f."""
    payload = "\x1f".join((str(seq), at, *fields, prev))
    return hmac.digest(key, payload.encode("utf-8"), "sha256").hex()


def _digest(key: bytes, seq: int, at: str, ev: Event | AuditEntry, detail: str, prev: str) -> str:
    return _hash(key, seq, at, (ev.actor, str(ev.action), ev.entity_kind, ev.entity_ref,
                                ev.purpose, ev.origin, detail), prev)


def _lock_chain(session: Session) -> None:
    """Serialise appends: on PostgreSQL a transaction-scoped advisory lock (SQLite
    transactions already hold the write lock from BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(4242001)"))


def _head(session: Session) -> tuple[int, str]:
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def _fmt_at(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def _seal(session: Session, entries: Iterable[_Fields]) -> int:
    """Seal entries into the chain, in order, inside the caller's transaction: each
    takes the next number, the same time and the previous entry's hash."""
    _lock_chain(session)
    seq, prev = _head(session)
    key = get_settings().audit_key.encode("utf-8")
    at = utcnow()
    at_s = _fmt_at(at)
    plan = session_plan(session, AuditEntry.__table__)
    if plan.names != _COLUMNS:
        raise RuntimeError(f"audit_entry columns changed: {plan.names}")
    at_stored = plan.stored("at", at)
    rows: list[tuple[Any, ...]] = []
    for fields in entries:
        seq += 1
        h = _hash(key, seq, at_s, fields, prev)
        rows.append((seq, at_stored, *fields, prev, h))
        prev = h
    insert_rows(session, plan.sql, rows)
    return len(rows)


_COLUMNS = ["seq", "at", "actor", "action", "entity_kind", "entity_ref", "purpose", "origin",
            "detail", "prev_hash", "hash"]


def append_many(session: Session, events: Iterable[Event]) -> int:
    """Seal ``events`` into the chain, in order, inside the caller's transaction."""
    return _seal(session, ((ev.actor, str(ev.action), ev.entity_kind, ev.entity_ref,
                            ev.purpose, ev.origin, _encode_detail(ev.detail))
                           for ev in events))


def append_entries(session: Session, actor: str, origin: str,
                   entries: Iterable[tuple[str, str, str, str]], purpose: str = "") -> int:
    """Seal entries of one actor into the chain, as :func:`append_many` would seal the
    same events; for bulk writers (an import), which need no :class:`Event` per entry.
    Each entry is ``(action, entity_kind, entity_ref, detail)``, the detail already
    JSON text as ``_encode_detail`` writes it (keys sorted)."""
    return _seal(session, ((actor, action, kind, ref, purpose, origin, detail)
                           for action, kind, ref, detail in entries))


def record(session: Session, event: Event) -> None:
    """Append one event to the chain inside the caller's transaction."""
    append_many(session, [event])


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""


def _walk(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify(session: Session) -> VerifyResult:
    """Walk the whole chain; report the first entry that was edited, deleted or inserted."""
    key = get_settings().audit_key.encode("utf-8")
    expected_seq, prev, checked = 1, GENESIS, 0
    for entry in _walk(session):
        if entry.seq != expected_seq:
            return VerifyResult(False, checked, entry.seq,
                                f"entry {expected_seq} is missing (next found is {entry.seq})")
        if entry.prev_hash != prev:
            return VerifyResult(False, checked, entry.seq,
                                "its previous-hash does not match the entry before it")
        if _digest(key, entry.seq, _fmt_at(entry.at), entry, entry.detail, prev) != entry.hash:
            return VerifyResult(False, checked, entry.seq, "its content does not match its hash")
        prev, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    return VerifyResult(True, checked)


def entries_for(session: Session, entity_ref: str, kind: str | None = None) -> list[AuditEntry]:
    """Every audit entry about one record: "who looked at this person"."""
    stmt = select(AuditEntry).where(AuditEntry.entity_ref == entity_ref)
    if kind:
        stmt = stmt.where(AuditEntry.entity_kind == kind)
    return list(session.scalars(stmt.order_by(AuditEntry.seq)))
