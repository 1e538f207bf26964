"""The audit chain detects an edited, a deleted and an inserted row."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from liaison.db import transaction
from liaison.security import audit
from liaison.security.audit import AuditAction, Event


def _fill(engine: Engine, n: int = 5) -> None:
    with transaction(engine) as s:
        events = [Event("alice", AuditAction.read, "person", f"P-{i}", purpose="check")
                  for i in range(n)]
        audit.append_many(s, events)


def _verify(engine: Engine) -> audit.VerifyResult:
    with transaction(engine) as s:
        return audit.verify(s)


def test_intact_chain_verifies(db_engine: Engine) -> None:
    _fill(db_engine)
    _fill(db_engine, 3)
    result = _verify(db_engine)
    assert result.ok and result.checked == 8


@pytest.mark.parametrize(
    ("tamper", "broken"),
    [
        ("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3", 3),
        ("DELETE FROM audit_entry WHERE seq = 2", 3),
        (
            "INSERT INTO audit_entry (seq, at, actor, action, entity_kind, entity_ref, purpose,"
            " origin, detail, prev_hash, hash) SELECT 6, at, actor, action, entity_kind,"
            " entity_ref, purpose, origin, detail, hash, hash FROM audit_entry WHERE seq = 5",
            6,
        ),
    ],
    ids=["edit", "delete", "insert"],
)
def test_tampering_is_detected(db_engine: Engine, tamper: str, broken: int) -> None:
    _fill(db_engine)
    with db_engine.begin() as conn:
        conn.execute(text(tamper))
    result = _verify(db_engine)
    assert not result.ok
    assert result.broken_seq == broken


def test_who_looked_at_a_person(db_engine: Engine) -> None:
    _fill(db_engine)
    with transaction(db_engine) as s:
        entries = audit.entries_for(s, "P-1")
    assert [(e.actor, e.action, e.purpose) for e in entries] == [("alice", "read", "check")]
