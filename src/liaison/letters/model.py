"""International rogatory letters (commissions rogatoires internationales)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from liaison.db import Base
from liaison.records import RecordMixin


class LetterStatus(StrEnum):
    received = "received"
    registered = "registered"
    sent_for_execution = "sent_for_execution"
    executed = "executed"
    partially_executed = "partially_executed"
    refused = "refused"
    returned = "returned"


class RogatoryLetter(RecordMixin, Base):
    __tablename__ = "rogatory_letter"
    direction: Mapped[str] = mapped_column(String(16))
    requesting_authority: Mapped[str] = mapped_column(String(256), default="")
    requesting_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True
    )
    requested_authority: Mapped[str] = mapped_column(String(256), default="")
    requested_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True
    )
    case_ref: Mapped[str | None] = mapped_column(ForeignKey("case_file.ref"), nullable=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="received", index=True)
    received_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    executed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    returned_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    last_reminder_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reminder_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: why the letter was refused or only partly executed
    status_note: Mapped[str] = mapped_column(Text, default="", server_default="")
