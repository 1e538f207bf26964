"""Accepting what a press release proposes.

Events, meetings and agreements become records of the partner registry, in the
interchange format's shape (so they obey the same validation), deduplicated against
what the registry holds, and each written with an ``accept`` entry in the audit trail
that links it to its source document and sentence. People, countries, figures and
distinctions have no table of their own: people become meeting participants, countries
become partner countries and agreement parties; figures and distinctions are left for
the analyst (counted as ``not stored``).

Refs are derived from the source name and the item, so accepting the same file twice
writes nothing new. The caller owns the transaction (``liaison.db.transaction``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Literal

from pydantic import ValidationError as PydanticError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.ingest.interchange import existing_refs, to_rows
from liaison.ingest.mapping import KINDS
from liaison.ingest.press.gazetteer import (
    AgencyEntry,
    CountryEntry,
    Gazetteer,
    OfficialEntry,
    build_gazetteer,
)
from liaison.ingest.press.result import Agreement, DateSpan, Event, Extraction, Meeting
from liaison.ingest.schema import Agreement as AgreementRecord
from liaison.ingest.schema import EventRecord, Party, RecordBase
from liaison.ingest.schema import Meeting as MeetingRecord
from liaison.ingest.schema import Participant as ParticipantRecord
from liaison.partners import model as partners
from liaison.partners.model import AgreementKind, MeetingKind
from liaison.records import utcnow
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction
from liaison.security.policy import Action, require

CLASSIFICATION: Literal["public"] = "public"  # a press release is public information


def _ref(kind: str, source_name: str, key: str) -> str:
    digest = hashlib.sha256(f"{source_name}\x1f{key}".encode()).hexdigest()[:16]
    return f"press-{kind}-{digest}"


def _day(span: DateSpan | None, end: bool = False) -> dt.date | None:
    if span is None:
        return None
    part = span.end if end and span.end else span.start
    return part.as_date()


def _agency_refs(session: Session) -> dict[str, str]:
    """Lower-case name or acronym -> ref of every agency the registry holds."""
    refs: dict[str, str] = {}
    for ref, name, acronym in session.execute(
        select(partners.Agency.ref, partners.Agency.name, partners.Agency.acronym)
    ):
        refs[name.lower()] = ref
        if acronym:
            refs[acronym.lower()] = ref
    return refs


def _write(session: Session, user: Actor, record: RecordBase, detail: dict[str, Any]) -> bool:
    """Insert ``record`` unless its ref exists; audit the acceptance. True if written."""
    kind: str = record.kind  # type: ignore[attr-defined]
    km = KINDS[kind]
    require(user, Action.create, kind, record.model_dump())
    if existing_refs(session, km.table, [record.ref]):
        return False
    main, children = to_rows(record, km)
    now = utcnow()
    session.execute(km.table.insert().values(**main, created_at=now, updated_at=now, version=1))
    for table, rows in children.items():
        if rows:
            session.execute(table.insert(), rows)
    audit.record(session, audit.Event(user.username, AuditAction.accept, kind, record.ref,
                                      origin=user.origin, detail=detail))  # fmt: skip
    return True


def _detail(source_name: str, sentence: str, confidence: float) -> dict[str, Any]:
    return {"via": "press", "source": source_name, "sentence": sentence[:1000],
            "confidence": confidence}  # fmt: skip


def _event_record(event: Event, source_name: str) -> EventRecord:
    starts, ends = _day(event.dates), _day(event.dates, end=True)
    return EventRecord(
        kind="event",
        ref=_ref("event", source_name, f"{event.name}|{starts}"),
        classification=CLASSIFICATION,
        name=event.name[:256],
        place=(event.place or "")[:128],
        country=event.country,
        starts_on=starts,
        ends_on=ends if ends != starts else None,
    )


def _event_exists(session: Session, record: EventRecord) -> bool:
    stmt = select(partners.Event.ref).where(
        func.lower(partners.Event.name) == record.name.lower(),
        partners.Event.starts_on.is_(None)
        if record.starts_on is None
        else partners.Event.starts_on == record.starts_on,
    )
    return session.scalar(stmt.limit(1)) is not None


def _occurrences(meeting: Meeting) -> list[tuple[dt.date, dt.date | None]]:
    """(held_on, ends_on) of each meeting to record: one per day when the text counts
    as many meetings as days («deux séances … les 14 et 15 décembre»)."""
    days = [(_day(s), _day(s, end=True)) for s in meeting.dates]
    complete = [(start, end) for start, end in days if start is not None]
    if not complete:
        return []
    if meeting.count and meeting.count == len(complete):
        return [(start, end if end != start else None) for start, end in complete]
    first = min(start for start, _ in complete)
    last = max(end or start for start, end in complete)
    return [(first, last if last != first else None)]


def _meeting_records(meeting: Meeting, source_name: str,
                     agencies: dict[str, str]) -> list[MeetingRecord]:  # fmt: skip
    home = get_settings().home_country
    participants = [
        ParticipantRecord(
            name=p.name[:256],
            role=(p.role or "")[:256],
            agency=agencies.get((p.organisation or "").lower()),
        )
        for p in meeting.participants
        if p.name
    ]
    names = ",".join(p.name for p in participants)
    return [
        MeetingRecord(
            kind="meeting",
            ref=_ref("meeting", source_name, f"{held_on}|{names}"),
            classification=CLASSIFICATION,
            held_on=held_on,
            ends_on=ends_on,
            place=(meeting.place or "")[:128],
            type=MeetingKind(meeting.kind),
            partner_countries=[c for c in meeting.countries if c != home],
            summary=f"{source_name} : « {meeting.sentence[:3900]} »",
            participants=participants,
        )
        for held_on, ends_on in _occurrences(meeting)
    ]


def _meeting_exists(session: Session, record: MeetingRecord) -> bool:
    """Same day, and the same place or a participant of the same name."""
    names = {p.name.lower() for p in record.participants}
    for existing in session.scalars(
        select(partners.Meeting).where(partners.Meeting.held_on == record.held_on)
    ):
        if record.place and existing.place.lower() == record.place.lower():
            return True
        if names & {p.name.lower() for p in existing.participants}:
            return True
    return False


def _agreement_record(agreement: Agreement, source_name: str,
                      agencies: dict[str, str]) -> AgreementRecord:  # fmt: skip
    parties: list[Party] = []
    for name in agreement.parties:
        ref = agencies.get(name.lower())
        if ref:
            parties.append(Party(agency=ref))
    parties += [Party(country=code) for code in agreement.countries]
    signed_on = _day(agreement.date)
    title = agreement.title[:1].upper() + agreement.title[1:]
    return AgreementRecord(
        kind="agreement",
        ref=_ref("agreement", source_name, f"{agreement.kind}|{signed_on}|{title.lower()}"),
        classification=CLASSIFICATION,
        type=AgreementKind(agreement.kind),
        title=title[:512],
        signed_on=signed_on,
        place=(agreement.place or "")[:128],
        subjects=[agreement.subject[:256]] if agreement.subject else [],
        parties=parties,
    )


def _agreement_exists(session: Session, record: AgreementRecord) -> bool:
    stmt = select(partners.Agreement.ref).where(
        partners.Agreement.kind == record.type,
        partners.Agreement.signed_on.is_(None)
        if record.signed_on is None
        else partners.Agreement.signed_on == record.signed_on,
        func.lower(partners.Agreement.title) == record.title.lower(),
    )
    return session.scalar(stmt.limit(1)) is not None


def accept_extraction(
    session: Session, user: Actor, extraction: Extraction, source_name: str
) -> dict[str, int]:
    """Write the proposals of ``extraction`` (read from ``source_name``) as registry
    records. Returns counts: ``events``, ``meetings``, ``agreements`` written,
    ``already known`` (deduplicated), ``skipped`` (no complete date, invalid) and
    ``not stored`` (figures and distinctions, which have no table)."""
    for kind in ("event", "meeting", "agreement"):
        require(user, Action.create, kind)
    counts: Counter[str] = Counter(events=0, meetings=0, agreements=0)
    agencies = _agency_refs(session)
    for event in extraction.events:
        records = _safely(partial(_one_event, event, source_name))
        detail = _detail(source_name, event.sentence, event.confidence)
        _accept_records(session, user, counts, "events", records, _event_exists, detail)
    for meeting in extraction.meetings:
        records = _safely(partial(_meeting_records, meeting, source_name, agencies))
        detail = _detail(source_name, meeting.sentence, meeting.confidence)
        _accept_records(session, user, counts, "meetings", records, _meeting_exists, detail)
    for agreement in extraction.agreements:
        records = _safely(partial(_one_agreement, agreement, source_name, agencies))
        detail = _detail(source_name, agreement.sentence, agreement.confidence)
        _accept_records(session, user, counts, "agreements", records, _agreement_exists, detail)
    counts["not stored"] = len(extraction.figures) + len(extraction.distinctions)
    return dict(counts)


def _one_event(event: Event, source_name: str) -> list[EventRecord]:
    return [_event_record(event, source_name)]


def _one_agreement(
    agreement: Agreement, source_name: str, agencies: dict[str, str]
) -> list[AgreementRecord]:
    return [_agreement_record(agreement, source_name, agencies)]


def _safely(build: Callable[[], Sequence[RecordBase]]) -> list[RecordBase]:
    """The records ``build`` makes; none when a proposal fails the record's validation."""
    try:
        return list(build())
    except (PydanticError, ValueError):
        return []


def _accept_records(
    session: Session,
    user: Actor,
    counts: Counter[str],
    kind: str,
    records: list[RecordBase],
    exists: Callable[[Session, Any], bool],
    detail: dict[str, Any],
) -> None:
    if not records:
        counts["skipped"] += 1  # a meeting whose date has no year, an invalid proposal
    for record in records:
        if exists(session, record) or not _write(session, user, record, detail):
            counts["already known"] += 1
        else:
            counts[kind] += 1


def registry_gazetteer(session: Session) -> Gazetteer:
    """The built-in gazetteer enriched with what the registry holds: its agencies (name,
    acronym, country), the French country names of its country table, and the people
    already recorded as meeting participants (as known officials, with their role)."""
    agencies = {
        ref: AgencyEntry(name, (acronym,) if acronym else (), (), country)
        for ref, name, acronym, country in session.execute(
            select(
                partners.Agency.ref,
                partners.Agency.name,
                partners.Agency.acronym,
                partners.Agency.country_code,
            )
        )
    }
    countries = [
        CountryEntry(code, (name_fr,))
        for code, name_fr in session.execute(
            select(partners.Country.code, partners.Country.name_fr)
        )
        if name_fr and "," not in name_fr
    ]
    officials: dict[str, OfficialEntry] = {}
    for name, role, agency_ref in session.execute(
        select(
            partners.MeetingParticipant.name,
            partners.MeetingParticipant.role,
            partners.MeetingParticipant.agency_ref,
        )
    ):
        agency = agencies.get(agency_ref or "")
        if len(name.split()) > 1 and name not in officials:
            officials[name] = OfficialEntry(
                name, role or None, agency.name if agency else None,
                agency.country if agency else None,
            )  # fmt: skip
    return build_gazetteer(countries, agencies.values(), officials.values())
