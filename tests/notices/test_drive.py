"""Every state of every workflow is reachable through the services (what the demo
database uses to hold records in every state)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from liaison.cases import service as cases
from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.extradition import service as extraditions
from liaison.letters import service as letters
from liaison.notices import service as notices
from liaison.notices.rules import NOTICE_MACHINE
from liaison.workflow_drive import KINDS, drive, path_to

from .factories import OFFICER, RED_FIELDS, SUPERVISOR, make_person

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
                if kind == "case":
                    cases.open_case(s, OFFICER, ref=ref, subject="demo", opened_on=START)
                elif kind == "notice":
                    notices.draft_notice(s, OFFICER, ref, person_ref="P-1", **RED_FIELDS)
                elif kind == "rogatory_letter":
                    letters.receive_letter(s, OFFICER, ref=ref, received_on=START)
                else:
                    extraditions.open_extradition(s, OFFICER, ref=ref, direction="by_home",
                                                  requested_on=START)
                record = drive(s, kind, ref, state, officer=OFFICER, supervisor=SUPERVISOR,
                               start_on=START)
                assert getattr(record, column) == state
