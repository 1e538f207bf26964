"""Partners: countries, agencies, agreements, working groups, events and meetings."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison.db import Base, JsonType
from liaison.records import RecordMixin


class AgencyKind(StrEnum):
    police = "police"
    intelligence = "intelligence"
    judicial = "judicial"
    ministry = "ministry"
    international_organisation = "international_organisation"


class AgreementKind(StrEnum):
    memorandum_of_understanding = "memorandum_of_understanding"
    action_plan = "action_plan"
    protocol = "protocol"
    convention = "convention"
    agreement = "agreement"
    declaration = "declaration"


class AgreementStatus(StrEnum):
    negotiating = "negotiating"
    signed = "signed"
    in_force = "in_force"
    expired = "expired"
    terminated = "terminated"


class MeetingKind(StrEnum):
    bilateral = "bilateral"
    multilateral = "multilateral"


class Country(Base):
    """ISO 3166-1 country; names come from pycountry's catalogue, never typed by hand."""

    __tablename__ = "country"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    alpha3: Mapped[str] = mapped_column(String(3), unique=True)
    name_en: Mapped[str] = mapped_column(String(128))
    name_fr: Mapped[str] = mapped_column(String(128))
    region: Mapped[str] = mapped_column(String(32), default="")


class Agency(RecordMixin, Base):
    __tablename__ = "agency"
    name: Mapped[str] = mapped_column(String(256))
    acronym: Mapped[str] = mapped_column(String(32), index=True, default="")
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))


class Agreement(RecordMixin, Base):
    __tablename__ = "agreement"
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(512))
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    place: Mapped[str] = mapped_column(String(128), default="")
    status: Mapped[str] = mapped_column(String(20), default="signed")
    subjects: Mapped[list[str]] = mapped_column(JsonType, default=list)
    parties: Mapped[list[AgreementParty]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementParty.position", lazy="selectin"
    )


class AgreementParty(Base):
    __tablename__ = "agreement_party"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agreement_ref: Mapped[str] = mapped_column(
        ForeignKey("agreement.ref", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    agency_ref: Mapped[str | None] = mapped_column(ForeignKey("agency.ref"), nullable=True)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), nullable=True)


class WorkingGroup(RecordMixin, Base):
    __tablename__ = "working_group"
    name: Mapped[str] = mapped_column(String(256))
    topic: Mapped[str] = mapped_column(String(256), default="")
    established_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: ISO codes of member countries
    members: Mapped[list[str]] = mapped_column(JsonType, default=list)


class Event(RecordMixin, Base):
    """A conference or assembly that meetings belong to (e.g. an INTERPOL General Assembly)."""

    __tablename__ = "event"
    name: Mapped[str] = mapped_column(String(256))
    place: Mapped[str] = mapped_column(String(128), default="")
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), nullable=True)
    starts_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Meeting(RecordMixin, Base):
    __tablename__ = "meeting"
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(128), default="")
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    event_ref: Mapped[str | None] = mapped_column(ForeignKey("event.ref"), nullable=True)
    #: ISO codes of the partner countries met
    partner_countries: Mapped[list[str]] = mapped_column(JsonType, default=list)
    topics: Mapped[list[str]] = mapped_column(JsonType, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[list[MeetingParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingParticipant.position", lazy="selectin"
    )


class MeetingParticipant(Base):
    __tablename__ = "meeting_participant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_ref: Mapped[str] = mapped_column(
        ForeignKey("meeting.ref", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(256), default="")
    agency_ref: Mapped[str | None] = mapped_column(ForeignKey("agency.ref"), nullable=True)
