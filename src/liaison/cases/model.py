"""Cooperation files: requests in and out with a partner."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison.db import Base
from liaison.records import RecordMixin


class Direction(StrEnum):
    incoming = "incoming"
    outgoing = "outgoing"


class CaseCategory(StrEnum):
    drugs = "drugs"
    illegal_immigration = "illegal_immigration"
    transfer_of_detainees = "transfer_of_detainees"
    mutual_data_exploitation = "mutual_data_exploitation"
    information_request = "information_request"
    terrorism = "terrorism"
    cybercrime = "cybercrime"
    money_laundering = "money_laundering"
    human_trafficking = "human_trafficking"
    organised_crime = "organised_crime"
    other = "other"


class Priority(StrEnum):
    urgent = "urgent"
    high = "high"
    normal = "normal"
    low = "low"


class CaseStatus(StrEnum):
    received = "received"
    assigned = "assigned"
    in_progress = "in_progress"
    answered = "answered"
    closed = "closed"
    rejected = "rejected"
    transferred = "transferred"


class Case(RecordMixin, Base):
    __tablename__ = "case_file"
    direction: Mapped[str] = mapped_column(String(16))
    partner_agency_ref: Mapped[str | None] = mapped_column(
        ForeignKey("agency.ref"), nullable=True, index=True
    )
    partner_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True, index=True
    )
    category: Mapped[str | None] = mapped_column(String(40), nullable=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    status: Mapped[str] = mapped_column(String(16), default="received", index=True)
    opened_on: Mapped[dt.date] = mapped_column(Date, index=True)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    assigned_to: Mapped[str] = mapped_column(String(64), default="")
    #: the answer to the partner, its author and the supervisor who approved it
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    answer_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    answer_approved_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: why the file was rejected or to whom it was transferred
    status_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    persons: Mapped[list[CasePerson]] = relationship(
        cascade="all, delete-orphan", order_by="CasePerson.position", lazy="selectin"
    )


class CasePerson(Base):
    __tablename__ = "case_person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_ref: Mapped[str] = mapped_column(ForeignKey("case_file.ref", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_ref: Mapped[str] = mapped_column(ForeignKey("person.ref"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="subject")
