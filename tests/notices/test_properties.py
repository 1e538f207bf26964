"""Property-based tests through the services, on a real database: over random sequences
of actions by random actors, every record stays in a defined state that its machine
predicts, and every refused action (bad state, bad actor, missing parameter, failed
rule) leaves the record, the other workflow tables and the audit trail exactly as
they were."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, inspect, select, table

from liaison.cases import service as cases
from liaison.cases.model import Case
from liaison.cases.rules import CASE_MACHINE
from liaison.db import transaction
from liaison.errors import LiaisonError
from liaison.extradition import service as extraditions
from liaison.extradition.model import Extradition
from liaison.extradition.rules import EXTRADITION_MACHINE
from liaison.letters import service as letters
from liaison.letters.model import RogatoryLetter
from liaison.letters.rules import LETTER_MACHINE
from liaison.notices import service as notices
from liaison.notices.model import Notice
from liaison.notices.rules import NOTICE_MACHINE
from liaison.security.audit import AuditEntry
from liaison.workflow import StateMachine

from .factories import OFFICER, RED_FIELDS, SUPERVISOR, SUPERVISOR_2, TODAY, make_person

ACTORS = [OFFICER, SUPERVISOR, SUPERVISOR_2]
PARAMS = st.fixed_dictionaries({}, optional={
    "to": st.sampled_from(["amal", "ES-CGPJ"]),
    "reason": st.sampled_from(["arrested", "duplicate", "outside remit", ""]),
    "note": st.just("a note"),
    "answer": st.sampled_from(["No record found.", ""]),
    "on": st.dates(dt.date(2024, 1, 1), dt.date(2026, 1, 1)),
})
_counter = itertools.count()


#: tables a workflow action may write besides its record (cancellation notes, hits,
#: extradition files opened from a hit, links)
SIDE_TABLES = ("notice", "notice_hit", "case_file", "case_person", "rogatory_letter",
               "extradition")


def _snapshot(engine: Engine, cls: Any, ref: str) -> tuple[dict[str, Any], int]:
    """The record's columns and the row counts of every workflow table; the audit
    trail's length (second, so that tests can compare it)."""
    with transaction(engine) as s:
        row = s.get(cls, ref)
        values = {c.key: getattr(row, c.key) for c in inspect(cls).column_attrs}
        counts = s.execute(select(*[select(func.count()).select_from(table(t))
                                    .scalar_subquery() for t in SIDE_TABLES])).one()
        values.update({f"rows:{t}": n for t, n in zip(SIDE_TABLES, counts, strict=True)})
        return values, s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _run(engine: Engine, cls: Any, machine: StateMachine, perform: Callable[..., Any],
         ref: str, steps: list[tuple[int, str, dict[str, Any]]]) -> None:
    status_col = "stage" if cls is Extradition else "status"
    states = {str(s) for s in machine.states}
    for who, action, params in steps:
        before, audit_before = _snapshot(engine, cls, ref)
        try:
            with transaction(engine) as s:
                perform(s, ACTORS[who], ref, action, params, today=TODAY)
        except LiaisonError:
            assert _snapshot(engine, cls, ref) == (before, audit_before), action
            continue
        after, audit_after = _snapshot(engine, cls, ref)
        assert after[status_col] in states
        assert after[status_col] == machine.next_state(before[status_col], action)
        # every done action is audited; a repeated self-loop (same assignee) may change no
        # column, and then the version stays
        assert audit_after > audit_before and after["version"] >= before["version"]


def _steps(machine: StateMachine) -> st.SearchStrategy[list[tuple[int, str, dict[str, Any]]]]:
    actions = st.sampled_from([str(a) for a in machine.actions])
    return st.lists(st.tuples(st.integers(0, 2), actions, PARAMS), min_size=1, max_size=8)


PROPS = settings(max_examples=12, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@pytest.fixture
def engine(db_engine: Engine) -> Engine:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
    return db_engine


@PROPS
@given(steps=_steps(NOTICE_MACHINE), complete=st.booleans())
def test_notice_sequences(engine: Engine, steps: list[Any], complete: bool) -> None:
    ref = f"RN-{next(_counter)}"
    fields = RED_FIELDS if complete else {**RED_FIELDS, "warrant_reference": ""}
    with transaction(engine) as s:
        notices.draft_notice(s, OFFICER, ref, person_ref="P-1", **fields)
    _run(engine, Notice, NOTICE_MACHINE, notices.perform, ref, steps)


@PROPS
@given(steps=_steps(CASE_MACHINE))
def test_case_sequences(engine: Engine, steps: list[Any]) -> None:
    ref = f"C-{next(_counter)}"
    with transaction(engine) as s:
        cases.open_case(s, OFFICER, ref=ref, subject="request", opened_on=TODAY)
    _run(engine, Case, CASE_MACHINE, cases.perform, ref, steps)


@PROPS
@given(steps=_steps(LETTER_MACHINE))
def test_letter_sequences(engine: Engine, steps: list[Any]) -> None:
    ref = f"CRI-{next(_counter)}"
    with transaction(engine) as s:
        letters.receive_letter(s, OFFICER, ref=ref, received_on=dt.date(2024, 1, 1))
    _run(engine, RogatoryLetter, LETTER_MACHINE, letters.perform, ref, steps)


@PROPS
@given(steps=_steps(EXTRADITION_MACHINE))
def test_extradition_sequences(engine: Engine, steps: list[Any]) -> None:
    ref = f"EX-{next(_counter)}"
    with transaction(engine) as s:
        extraditions.open_extradition(s, OFFICER, ref=ref, direction="by_home",
                                      requested_on=dt.date(2024, 1, 1))
    _run(engine, Extradition, EXTRADITION_MACHINE, extraditions.perform, ref, steps)
