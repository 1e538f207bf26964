"""Every state of every workflow is reachable through the services (what the demo
database uses to hold records in every state)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.notices.rules import NOTICE_MACHINE
from liaison.workflow_drive import KINDS, path_to

from .factories import make_person, record_in_state

START = dt.date(2025, 1, 6)


def test_paths() -> None:
    assert path_to(NOTICE_MACHINE, "drafted", "arrested") == [
        "submit", "approve", "publish", "record_hit", "arrest"]
    with pytest.raises(ValidationError):
        path_to(NOTICE_MACHINE, "cancelled", "published")


def test_every_state_of_every_workflow(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        for kind, (_model, machine, _perform, column) in KINDS.items():
            for n, state in enumerate(str(x) for x in machine.states):
                ref = f"{kind[:3].upper()}-{n}"
                record = record_in_state(s, kind, ref, state, start=START)
                assert getattr(record, column) == state
