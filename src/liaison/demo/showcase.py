"""Records in every state of every workflow, so that the pages, the lists and the report
have something real to show for each status (a refused notice request, a letter the
executing authority refused, an extradition that ended in release…).

The yearly volumes of 2022-2025 come from the interchange import and are the bureau's
published figures; the records made here are dated in 2026 so that those years keep
their counts. Each record is created by its service and taken to its state by
:func:`liaison.workflow_drive.drive`: the same rules, policy checks and audit entries
as an officer's and a supervisor's actions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from liaison.cases import service as cases
from liaison.demo.people import PersonFactory
from liaison.extradition import service as extraditions
from liaison.ingest.interchange import dumps, import_records
from liaison.letters import service as letters
from liaison.notices import service as notices
from liaison.security.actor import Actor, Role
from liaison.workflow_drive import KINDS, drive

#: the first day of the showcase records (after the demo's last published year)
START = dt.date(2026, 1, 5)
#: days between two showcase records of one workflow, so that lists show a spread
SPREAD_DAYS = 11
#: partners the showcase records deal with, in turn
PARTNERS = ["ES", "FR", "BE", "IT", "NL", "DE"]


def _actors(home_agency: str) -> tuple[Actor, Actor]:
    officer = Actor("demo.officer", frozenset({Role.officer}), home_agency, origin="demo")
    supervisor = Actor("demo.supervisor", frozenset({Role.supervisor}), home_agency,
                       origin="demo")
    return officer, supervisor


def _create(session: Session, kind: str, ref: str, n: int, on: dt.date, actor: Actor,
            home: str, person_ref: str | None, state: str) -> None:
    partner = PARTNERS[n % len(PARTNERS)]
    if kind == "case":
        cases.open_case(session, actor, ref=ref,
                        subject="Demande d'information sur un ressortissant",
                        opened_on=on, priority=["normal", "high", "urgent", "low"][n % 4],
                        partner_country_code=partner, partner_agency_ref=f"NCB-{partner}",
                        category="information_request")
    elif kind == "notice":
        fields: dict[str, Any] = {
            "kind": "red", "scope": "international", "person_ref": person_ref,
            "charges": "trafic international de stupéfiants",
            "warrant_reference": f"MA-JUD-2026-{n + 1:05d}",
            "warrant_date": on - dt.timedelta(days=30), "penalty_basis": "prosecution",
            "penalty_months": 120, "issuing_authority": "Procureur du Roi",
            "issuing_country_code": home, "classification": "confidential",
        }
        if state == "drafted":  # a request the compliance review will stop: no warrant yet
            fields["warrant_reference"] = ""
        notices.draft_notice(session, actor, ref, **fields)
    elif kind == "rogatory_letter":
        letters.receive_letter(session, actor, ref=ref, received_on=on,
                               subject="Audition de témoins et saisie de documents",
                               requesting_authority=f"Juge d'instruction ({partner})",
                               requesting_country_code=partner,
                               requested_authority="Parquet général",
                               requested_country_code=home)
    else:
        extraditions.open_extradition(session, actor, ref=ref, direction="to_home",
                                      requested_on=on, person_ref=person_ref,
                                      requesting_country_code=home,
                                      requested_country_code=partner)


def _plan() -> Iterator[tuple[str, str, int, str]]:
    """(kind, state, n, ref) for every state of every workflow."""
    prefixes = {"case": "CF-2026-W", "notice": "MA-RN-2026-W", "rogatory_letter": "CRI-2026-W",
                "extradition": "EX-2026-W"}
    for kind, (_model, machine, _perform, _column) in KINDS.items():
        for n, state in enumerate(str(s) for s in machine.states):
            yield kind, state, n, f"{prefixes[kind]}{n + 1:02d}"


def build_showcase(session: Session, actor: Actor, people: PersonFactory, *, home: str,
                   home_agency: str) -> dict[str, list[str]]:
    """One record in each state of each workflow; returns kind -> the refs made."""
    officer, supervisor = _actors(home_agency)
    # a demo rebuilt over itself (``liaison demo --force``) keeps the showcase it has
    plan = [step for step in _plan() if session.get(KINDS[step[0]][0], step[3]) is None]
    persons = {ref: people.person(f"P-{ref}", origin="arab" if kind == "notice" else None)
               for kind, _state, _n, ref in plan if kind in ("notice", "extradition")}
    import_records(session, actor, ((i, dumps(p)) for i, p in enumerate(persons.values(), 1)),
                   source="demo")
    made: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, state, n, ref in plan:
        on = START + dt.timedelta(days=SPREAD_DAYS * n)
        person = persons.get(ref)
        _create(session, kind, ref, n, on, officer, home, person["ref"] if person else None,
                state)
        drive(session, kind, ref, state, officer=officer, supervisor=supervisor, start_on=on)
        made[kind].append(ref)
    return made
