"""Cooperation files through their service, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from liaison.cases import service as cases
from liaison.cases.model import Case
from liaison.db import transaction
from liaison.errors import Conflict, InvalidTransition, PermissionDenied, ValidationError
from liaison.security.audit import AuditEntry

from ..notices.factories import OFFICER, PARTNER, SUPERVISOR, SUPERVISOR_2, TODAY, make_person


def _open(engine: Engine, ref: str = "C-1", priority: str = "urgent",
          opened_on: dt.date = TODAY) -> None:
    with transaction(engine) as s:
        cases.open_case(s, OFFICER, ref=ref, subject="identity check", priority=priority,
                        opened_on=opened_on, partner_country_code="ES")


def test_a_file_from_receipt_to_closure(db_engine: Engine) -> None:
    _open(db_engine)
    with transaction(db_engine) as s:
        case = s.get(Case, "C-1")
        assert case is not None and case.due_on == TODAY + dt.timedelta(days=2)
        cases.perform(s, SUPERVISOR, "C-1", "assign", {"to": "officer.amal"}, today=TODAY)
        cases.perform(s, OFFICER, "C-1", "start", today=TODAY)
        cases.perform(s, OFFICER, "C-1", "draft_answer", {"answer": "No record."}, today=TODAY)
        cases.perform(s, SUPERVISOR, "C-1", "approve_answer", today=TODAY)
        case = cases.perform(s, OFFICER, "C-1", "close", today=TODAY)
        assert (case.status, case.answer_by, case.answer_approved_by) == (
            "closed", "officer.amal", "supervisor.karim")
        actions = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity_ref == "C-1")
                            .order_by(AuditEntry.seq)).all()
        assert len(actions) == 6  # create + five steps


def test_the_answer_needs_another_supervisor(db_engine: Engine) -> None:
    _open(db_engine)
    with transaction(db_engine) as s:
        cases.perform(s, SUPERVISOR, "C-1", "assign", {"to": "supervisor.karim"})
        cases.perform(s, SUPERVISOR, "C-1", "start")
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        cases.perform(s, SUPERVISOR_2, "C-1", "approve_answer")  # nothing drafted
    with transaction(db_engine) as s:
        cases.perform(s, SUPERVISOR, "C-1", "draft_answer", {"answer": "Two records found."})
    for actor in (SUPERVISOR, OFFICER):
        with pytest.raises(PermissionDenied), transaction(db_engine) as s:
            cases.perform(s, actor, "C-1", "approve_answer")
    with transaction(db_engine) as s:
        assert cases.perform(s, SUPERVISOR_2, "C-1", "approve_answer").status == "answered"


def test_refused_actions_change_nothing(db_engine: Engine) -> None:
    _open(db_engine)
    with transaction(db_engine) as s:
        before = s.get(Case, "C-1").version  # type: ignore[union-attr]
        audit = s.scalar(select(func.count()).select_from(AuditEntry))
    for action, params in (("close", {}), ("assign", {}), ("approve_answer", {})):
        with pytest.raises((InvalidTransition, ValidationError)), transaction(db_engine) as s:
            cases.perform(s, SUPERVISOR, "C-1", action, params)
    with transaction(db_engine) as s:
        case = s.get(Case, "C-1")
        assert case is not None and (case.status, case.version, case.assigned_to) == (
            "received", before, "")
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit


def test_stale_version_is_a_conflict(db_engine: Engine) -> None:
    _open(db_engine)
    with transaction(db_engine) as s:
        version = s.get(Case, "C-1").version  # type: ignore[union-attr]
        cases.perform(s, SUPERVISOR, "C-1", "assign", {"to": "a"}, version=version)
    with pytest.raises(Conflict), transaction(db_engine) as s:
        cases.perform(s, SUPERVISOR, "C-1", "assign", {"to": "b"}, version=version)


def test_overdue_list(db_engine: Engine) -> None:
    _open(db_engine, "C-1", "urgent", TODAY - dt.timedelta(days=10))
    _open(db_engine, "C-2", "low", TODAY - dt.timedelta(days=10))
    _open(db_engine, "C-3", "high", TODAY - dt.timedelta(days=30))
    with transaction(db_engine) as s:
        cases.perform(s, SUPERVISOR, "C-3", "reject", {"reason": "outside our remit"})
        late = cases.overdue(s, OFFICER, TODAY)
    assert [(x["ref"], x["days_late"]) for x in late] == [("C-1", 8)]


def test_partner_cannot_move_a_file_it_does_not_see(db_engine: Engine) -> None:
    _open(db_engine)
    with pytest.raises(Exception) as err, transaction(db_engine) as s:
        cases.perform(s, PARTNER, "C-1", "assign", {"to": "x"})
    assert type(err.value).__name__ == "NotFound"


def test_links(db_engine: Engine) -> None:
    _open(db_engine)
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        cases.link_person(s, OFFICER, "C-1", "P-1")
        assert cases.links(s, OFFICER, "C-1") == {"persons": ["P-1"], "notices": [],
                                                  "letters": []}
