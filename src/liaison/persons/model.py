"""Persons: several names in several scripts, a possibly partial birth date,
nationalities and identity documents."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison.db import Base, JsonType
from liaison.records import RecordMixin


class Script(StrEnum):
    latin = "latin"
    arabic = "arabic"
    cyrillic = "cyrillic"
    other = "other"


class NameKind(StrEnum):
    primary = "primary"
    alias = "alias"
    variant = "variant"


class Sex(StrEnum):
    male = "M"
    female = "F"
    unknown = "U"


class PersonSource(StrEnum):
    """Where a person record comes from; published lists are never mixed with our own."""

    bureau = "bureau"
    interpol_public = "interpol_public"
    ftm = "ftm"


class Person(RecordMixin, Base):
    __tablename__ = "person"
    #: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    birth_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    birth_place: Mapped[str] = mapped_column(String(128), default="")
    sex: Mapped[str] = mapped_column(String(1), default="U")
    nationalities: Mapped[list[str]] = mapped_column(JsonType, default=list)
    source: Mapped[str] = mapped_column(String(32), default="bureau", index=True)
    names: Mapped[list[PersonName]] = relationship(
        cascade="all, delete-orphan", order_by="PersonName.position", lazy="selectin"
    )
    documents: Mapped[list[IdentityDocument]] = relationship(
        cascade="all, delete-orphan", order_by="IdentityDocument.position", lazy="selectin"
    )

    @property
    def primary_name(self) -> str:
        for name in self.names:
            if name.kind == NameKind.primary:
                return name.full_name
        return self.names[0].full_name if self.names else self.ref


class PersonName(Base):
    __tablename__ = "person_name"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_ref: Mapped[str] = mapped_column(ForeignKey("person.ref", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    full_name: Mapped[str] = mapped_column(String(256))
    script: Mapped[str] = mapped_column(String(16), default="latin")
    kind: Mapped[str] = mapped_column(String(16), default="primary")


class IdentityDocument(Base):
    __tablename__ = "identity_document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_ref: Mapped[str] = mapped_column(ForeignKey("person.ref", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(32), default="passport")
    number: Mapped[str] = mapped_column(String(64))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), nullable=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
