"""PostgreSQL's second wall, tested as an ordinary role (superusers bypass both):
row-level security hides unshared records from a partner's transaction, and the
audit trail refuses UPDATE, DELETE and TRUNCATE."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from liaison.cases.model import Case
from liaison.db import transaction
from liaison.partners.model import Agency
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import Event
from liaison.security.model import Share
from liaison.security.rls import apply_row_security, grant_app_role

PARTNER = Actor("pierre", frozenset({"partner"}), "FR-OCRTEH", home=False)


@pytest.fixture
def app_role(db_engine: Engine) -> Iterator[str]:
    if db_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no database roles: the access policy is its only wall")
    role = f"liaison_app_probe_{os.getpid()}"
    grant_app_role(db_engine, role, create=True)
    yield role
    with db_engine.begin() as conn:
        conn.execute(text(f"DROP OWNED BY {role}"))
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))


def _seed(engine: Engine) -> None:
    with transaction(engine) as s:
        s.add(Agency(ref="FR-OCRTEH", acronym="OCRTEH", name="Office central", kind="police"))
        for ref in ("C-1", "C-2"):
            s.add(Case(ref=ref, direction="incoming", opened_on=dt.date(2025, 1, 1)))
        s.flush()
        s.add(Share(record_kind="case", record_ref="C-1", agency_ref="FR-OCRTEH", shared_by="omar"))
        audit.record(s, Event("omar", "create", "case", "C-1"))


def test_partner_transaction_sees_only_shared_rows(db_engine: Engine, app_role: str) -> None:
    _seed(db_engine)
    with transaction(db_engine) as s:
        s.execute(text(f"SET LOCAL ROLE {app_role}"))
        home = s.execute(text("SELECT ref FROM case_file ORDER BY ref")).scalars().all()
    assert home == ["C-1", "C-2"]
    with transaction(db_engine) as s:
        s.execute(text(f"SET LOCAL ROLE {app_role}"))
        apply_row_security(s, PARTNER)
        seen = s.execute(text("SELECT ref FROM case_file ORDER BY ref")).scalars().all()
        touched = s.execute(text("UPDATE case_file SET subject = 'x' WHERE ref = 'C-2'")).rowcount
    assert seen == ["C-1"] and touched == 0


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entry SET actor = 'mallory'",
    "DELETE FROM audit_entry",
    "TRUNCATE audit_entry",
])
def test_audit_trail_is_append_only_for_the_app_role(db_engine: Engine, app_role: str,
                                                    statement: str) -> None:
    _seed(db_engine)
    with pytest.raises(DBAPIError, match="append-only|permission denied"):
        with transaction(db_engine) as s:
            s.execute(text(f"SET LOCAL ROLE {app_role}"))
            s.execute(text(statement))
    with transaction(db_engine) as s:
        s.execute(text(f"SET LOCAL ROLE {app_role}"))
        audit.record(s, Event("omar", "read", "person", "P-1", purpose="still appends"))
    with transaction(db_engine) as s:
        assert audit.verify(s).checked == 2


def test_the_wall_holds_when_the_service_filter_is_forgotten(
        db_engine: Engine, app_role: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Break the first wall on purpose (a list without the policy's filter): the
    database still shows the partner only the case shared with its agency."""
    from sqlalchemy import true

    from liaison.security import records_service

    _seed(db_engine)
    monkeypatch.setattr(records_service, "visible_filter", lambda *_a: true())
    with transaction(db_engine) as s:
        s.execute(text(f"SET LOCAL ROLE {app_role}"))
        page = records_service.list_records(s, PARTNER, "case")
    assert [c["ref"] for c in page.items] == ["C-1"]
