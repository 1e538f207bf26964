"""Actors and records the workflow tests share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from liaison.cases import service as cases
from liaison.extradition import service as extraditions
from liaison.letters import service as letters
from liaison.notices import service as notices
from liaison.notices.model import Notice
from liaison.persons.model import IdentityDocument, Person, PersonName
from liaison.security.actor import Actor, Role
from liaison.workflow_drive import drive

OFFICER = Actor("officer.amal", frozenset({Role.officer}), "NCB")
SUPERVISOR = Actor("supervisor.karim", frozenset({Role.supervisor}), "NCB")
SUPERVISOR_2 = Actor("supervisor.nadia", frozenset({Role.supervisor}), "NCB")
PARTNER = Actor("liaison.es", frozenset({Role.partner}), "ES-CNP", home=False)
TODAY = dt.date(2025, 6, 1)


def make_person(session: Session, ref: str, name: str = "Youssef El Amrani",
                birth_date: str | None = "1985-03-14", nationalities: list[str] | None = None,
                document: str | None = None, arabic: str | None = None) -> Person:
    person = Person(ref=ref, birth_date=birth_date, nationalities=nationalities or ["MA"])
    names = [PersonName(full_name=name, script="latin", kind="primary", position=0)] if name else []
    if arabic:
        names.append(PersonName(full_name=arabic, script="arabic", kind="variant", position=1))
    person.names = names
    if document:
        person.documents = [IdentityDocument(number=document, kind="passport", position=0)]
    session.add(person)
    session.flush()
    return person


RED_FIELDS: dict[str, Any] = {
    "kind": "red",
    "charges": "drug trafficking (law 1974 art. 2)",
    "warrant_reference": "MA-TPI-CASA-2024-0117",
    "warrant_date": dt.date(2024, 11, 5),
    "penalty_basis": "prosecution",
    "penalty_months": 120,
    "issuing_country_code": "MA",
    "issuing_authority": "Procureur du Roi, Casablanca",
}


def record_in_state(session: Session, kind: str, ref: str, state: str, *,
                    start: dt.date, person_ref: str = "P-1") -> Any:
    """A new record of a workflow ``kind`` (case, notice, rogatory_letter, extradition)
    opened on ``start`` and taken to ``state`` through the services by OFFICER and
    SUPERVISOR (a notice is a red notice on ``person_ref``, which must exist)."""
    if kind == "case":
        cases.open_case(session, OFFICER, ref=ref, subject="check", opened_on=start)
    elif kind == "notice":
        notices.draft_notice(session, OFFICER, ref, person_ref=person_ref, **RED_FIELDS)
    elif kind == "rogatory_letter":
        letters.receive_letter(session, OFFICER, ref=ref, received_on=start)
    else:
        extraditions.open_extradition(session, OFFICER, ref=ref, direction="by_home",
                                      requested_on=start)
    return drive(session, kind, ref, state, officer=OFFICER, supervisor=SUPERVISOR,
                 start_on=start)


def published_notice(session: Session, ref: str, person_ref: str, **fields: Any) -> Notice:
    """A notice taken through submit, approve and publish by two people."""
    notices.draft_notice(session, OFFICER, ref, person_ref=person_ref, **{**RED_FIELDS, **fields})
    notices.perform(session, OFFICER, ref, "submit", today=TODAY)
    notices.perform(session, SUPERVISOR, ref, "approve", today=TODAY)
    return notices.perform(session, SUPERVISOR, ref, "publish", {"on": TODAY}, today=TODAY)
