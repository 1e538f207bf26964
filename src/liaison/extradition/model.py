"""Extradition files, both directions, one date per stage."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from liaison.db import Base
from liaison.records import RecordMixin


class ExtraditionDirection(StrEnum):
    #: a person wanted by the home country, surrendered to it by a foreign state
    to_home = "to_home"
    #: a foreign national surrendered by the home country to the requesting state
    by_home = "by_home"


class ExtraditionStage(StrEnum):
    request = "request"
    provisional_arrest = "provisional_arrest"
    court_opinion = "court_opinion"
    decree = "decree"
    surrender = "surrender"
    refusal = "refusal"
    release = "release"


#: stage -> the column holding its date, in the order of the procedure
STAGE_DATES: dict[str, str] = {
    "request": "requested_on",
    "provisional_arrest": "provisional_arrest_on",
    "court_opinion": "court_opinion_on",
    "decree": "decree_on",
    "surrender": "surrendered_on",
    "refusal": "refused_on",
    "release": "released_on",
}


class Extradition(RecordMixin, Base):
    __tablename__ = "extradition"
    direction: Mapped[str] = mapped_column(String(16), index=True)
    person_ref: Mapped[str | None] = mapped_column(ForeignKey("person.ref"), nullable=True)
    notice_ref: Mapped[str | None] = mapped_column(ForeignKey("notice.ref"), nullable=True)
    requesting_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True
    )
    requested_country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), nullable=True
    )
    stage: Mapped[str] = mapped_column(String(24), default="request", index=True)
    outcome: Mapped[str] = mapped_column(String(24), default="pending")
    notes: Mapped[str] = mapped_column(Text, default="")
    requested_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    provisional_arrest_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    court_opinion_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    decree_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    surrendered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    refused_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    released_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
