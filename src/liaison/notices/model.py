"""Warrants, notices, diffusions, search notes and cancellation notes."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from liaison.db import Base
from liaison.records import RecordMixin


class NoticeKind(StrEnum):
    arrest_warrant = "arrest_warrant"
    red = "red"
    yellow = "yellow"
    blue = "blue"
    black = "black"
    green = "green"
    orange = "orange"
    purple = "purple"
    silver = "silver"
    un_special = "un_special"
    diffusion = "diffusion"
    search_note = "search_note"
    wanted_notice = "wanted_notice"
    cancellation = "cancellation"


class Scope(StrEnum):
    international = "international"
    regional = "regional"
    national = "national"


class NoticeStatus(StrEnum):
    drafted = "drafted"
    compliance_review = "compliance_review"
    approved = "approved"
    published = "published"
    hit = "hit"
    located = "located"
    arrested = "arrested"
    cancelled = "cancelled"
    withdrawn = "withdrawn"
    expired = "expired"
    refused = "refused"


#: statuses in which a notice keeps its person on the screening watchlist
ACTIVE_STATUSES = frozenset({"published", "hit", "located"})


class CancellationReason(StrEnum):
    arrested = "arrested"
    withdrawn_by_judge = "withdrawn_by_judge"
    expired = "expired"
    duplicate = "duplicate"
    other = "other"


class Notice(RecordMixin, Base):
    __tablename__ = "notice"
    kind: Mapped[str] = mapped_column(String(24), index=True)
    scope: Mapped[str] = mapped_column(String(16), default="international", index=True)
    status: Mapped[str] = mapped_column(String(20), default="drafted", index=True)
    issuing_authority: Mapped[str] = mapped_column(String(256), default="")
    issuing_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True
    )
    person_ref: Mapped[str | None] = mapped_column(
        ForeignKey("person.ref"), nullable=True, index=True
    )
    case_ref: Mapped[str | None] = mapped_column(ForeignKey("case_file.ref"), nullable=True)
    charges: Mapped[str] = mapped_column(Text, default="")
    #: reference of the arrest warrant or judicial decision the notice rests on
    warrant_reference: Mapped[str] = mapped_column(String(128), default="")
    #: maximum penalty in months of prison (prosecution) / months left to serve (sentence)
    penalty_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: the warrant or notice this one derives from (a search note from a warrant…)
    derived_from_ref: Mapped[str | None] = mapped_column(
        ForeignKey("notice.ref"), nullable=True, index=True
    )
    #: for a cancellation note: the notice it ends
    cancels_ref: Mapped[str | None] = mapped_column(
        ForeignKey("notice.ref"), nullable=True, index=True
    )
    cancellation_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    issued_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    arrest_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: "prosecution" (penalty_months = maximum penalty) or "sentence" (months left)
    penalty_basis: Mapped[str] = mapped_column(String(16), default="", server_default="")
    #: date of the arrest warrant or judicial decision
    warrant_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: an officer's flag: the request may have a political, military, religious or
    #: racial character (INTERPOL Constitution art. 3)
    neutrality_flag: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: a supervisor's decision on neutrality: "" (none yet), "cleared" or "refused"
    neutrality_decision: Mapped[str] = mapped_column(String(16), default="", server_default="")
    neutrality_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    neutrality_decided_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    submitted_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    approved_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: why the request was refused, withdrawn or returned to its author
    status_note: Mapped[str] = mapped_column(Text, default="", server_default="")
