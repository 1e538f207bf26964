"""The demo database holds records in every state of every workflow (issue 5), so the
pages and the report have something real to show; the showcase records do not change
the published yearly figures (they are dated after the demo's last year)."""

from __future__ import annotations

import time

from sqlalchemy import Engine, func, select

from liaison.cases.model import Case
from liaison.db import transaction
from liaison.demo import build_demo
from liaison.demo.showcase import START
from liaison.security.actor import cli_actor
from liaison.security.audit import AuditEntry, verify
from liaison.workflow_drive import KINDS


def test_a_small_demo_has_every_state_of_every_workflow(db_engine: Engine) -> None:
    started = time.perf_counter()
    with transaction(db_engine) as s:
        counts = build_demo(s, cli_actor(), scale=0.005)
    assert counts is not None
    missing: dict[str, list[str]] = {}
    with transaction(db_engine, readonly=True) as s:
        for kind, (model, machine, _perform, column) in KINDS.items():
            present = set(s.scalars(select(getattr(model, column)).distinct()))
            gaps = sorted({str(x) for x in machine.states} - present)
            if gaps:
                missing[kind] = gaps
            assert present <= {str(x) for x in machine.states}, kind  # nothing undefined
        assert missing == {}, f"states the demo lacks: {missing}"
        # the showcase went through the services: each of its records has audited steps
        steps = s.scalar(select(func.count()).select_from(AuditEntry)
                         .where(AuditEntry.entity_ref == "CF-2026-W05"))
        assert (steps or 0) >= 6  # opened, assigned, started, answer drafted, approved, closed
        # and none of it is dated in the demo's published years
        early = s.scalar(select(func.count()).select_from(Case).where(
            Case.ref.like("CF-2026-W%"), Case.opened_on < START))
        assert early == 0
    with transaction(db_engine, readonly=True) as s:
        assert verify(s).ok
    print(f"demo at scale 0.005 built in {time.perf_counter() - started:.1f}s")


def test_the_demo_built_again_over_itself_keeps_one_showcase(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        build_demo(s, cli_actor(), scale=0.002)
    with transaction(db_engine) as s:
        assert build_demo(s, cli_actor(), scale=0.002) is None  # not without --force
        again = build_demo(s, cli_actor(), scale=0.002, force=True)
    assert again is not None
    with transaction(db_engine, readonly=True) as s:
        showcase = s.scalar(select(func.count()).select_from(Case)
                            .where(Case.ref.like("CF-2026-W%")))
    assert showcase == len(KINDS["case"][1].states)
