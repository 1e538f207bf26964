"""What the partner pages read: a country's or an agency's agreements, meetings, working
groups and the volume of files exchanged. Narrowed by the access policy's where-clause."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from liaison.cases.model import Case
from liaison.extradition.model import Extradition
from liaison.letters.model import RogatoryLetter
from liaison.notices.model import Notice
from liaison.partners.model import (
    Agency,
    Agreement,
    AgreementParty,
    Event,
    Meeting,
    MeetingParticipant,
    WorkingGroup,
)
from liaison.security.actor import Actor
from liaison.security.policy import visible_filter
from liaison.web.queries import pairs


def _year(column: Any) -> Any:
    return func.substr(cast(column, String), 1, 4)


def countries(session: Session, actor: Actor) -> list[dict[str, Any]]:
    """Every partner country: its agencies and the files exchanged with it."""
    agencies = pairs(session.execute(
        select(Agency.country_code, func.count()).where(visible_filter(actor, Agency, "agency"))
        .group_by(Agency.country_code)))
    files = pairs(session.execute(
        select(Case.partner_country_code, func.count())
        .where(visible_filter(actor, Case, "case")).group_by(Case.partner_country_code)))
    codes = sorted({c for c in (*agencies, *files) if c})
    rows = [{"code": c, "agencies": agencies.get(c, 0), "files": files.get(c, 0)} for c in codes]
    return sorted(rows, key=lambda r: (-r["files"], r["code"]))


def files_by_year(session: Session, actor: Actor, column: Any) -> list[tuple[str, int, int]]:
    """(year, incoming, outgoing) files whose ``column`` matches (a where-clause)."""
    year = _year(Case.opened_on)
    stmt = (select(year, Case.direction, func.count())
            .where(column, visible_filter(actor, Case, "case")).group_by(year, Case.direction))
    table: dict[str, dict[str, int]] = {}
    for y, direction, n in session.execute(stmt):
        table.setdefault(str(y), {})[str(direction)] = int(n)
    return [(y, t.get("incoming", 0), t.get("outgoing", 0)) for y, t in sorted(table.items())]


def exchanges(session: Session, actor: Actor, code: str) -> dict[str, int]:
    """How many notices, letters and extraditions involve the country."""
    def count(cls: Any, kind: str, *columns: Any) -> int:
        stmt = select(func.count()).select_from(cls).where(
            or_(*(c == code for c in columns)), visible_filter(actor, cls, kind))
        return int(session.scalar(stmt) or 0)

    return {
        "notices": count(Notice, "notice", Notice.issuing_country_code),
        "letters": count(RogatoryLetter, "rogatory_letter",
                         RogatoryLetter.requesting_country_code,
                         RogatoryLetter.requested_country_code),
        "extraditions": count(Extradition, "extradition", Extradition.requesting_country_code,
                              Extradition.requested_country_code),
    }


def agencies_of(session: Session, actor: Actor, code: str) -> list[Agency]:
    stmt = select(Agency).where(Agency.country_code == code,
                                visible_filter(actor, Agency, "agency"))
    return list(session.scalars(stmt.order_by(Agency.acronym)))


def agreements_with(session: Session, actor: Actor, *, code: str = "",
                    agency: str = "") -> list[Agreement]:
    party = AgreementParty.country_code == code if code else AgreementParty.agency_ref == agency
    refs = select(AgreementParty.agreement_ref).where(party)
    return list(session.scalars(select(Agreement).where(
        Agreement.ref.in_(refs), visible_filter(actor, Agreement, "agreement"))
        .order_by(Agreement.signed_on.desc())))


def all_meetings(session: Session, actor: Actor) -> list[Meeting]:
    return list(session.scalars(select(Meeting).where(
        visible_filter(actor, Meeting, "meeting")).order_by(Meeting.held_on.desc())))


def all_events(session: Session, actor: Actor) -> list[Event]:
    """Conferences and assemblies (e.g. accepted from a press release), latest first."""
    return list(session.scalars(select(Event).where(
        visible_filter(actor, Event, "event")).order_by(Event.starts_on.desc(), Event.name)))


def meetings_with(session: Session, actor: Actor, *, code: str = "",
                  agency: str = "") -> list[Meeting]:
    if agency:
        refs = select(MeetingParticipant.meeting_ref).where(MeetingParticipant.agency_ref == agency)
        return list(session.scalars(select(Meeting).where(
            Meeting.ref.in_(refs), visible_filter(actor, Meeting, "meeting"))
            .order_by(Meeting.held_on.desc())))
    return [m for m in all_meetings(session, actor) if code in (m.partner_countries or [])]


def working_groups_with(session: Session, actor: Actor, code: str) -> list[WorkingGroup]:
    groups = session.scalars(select(WorkingGroup).where(
        visible_filter(actor, WorkingGroup, "working_group")).order_by(WorkingGroup.name))
    return [g for g in groups if code in (g.members or [])]
