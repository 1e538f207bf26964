"""Hits: a screening match that an officer confirmed, attached to the notice it hit,
with the steps that followed (issuing country informed, person located, provisional
arrest, extradition file opened)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from liaison.db import Base, JsonType
from liaison.records import utcnow


class Hit(Base):
    __tablename__ = "notice_hit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    notice_ref: Mapped[str] = mapped_column(ForeignKey("notice.ref"), index=True)
    person_ref: Mapped[str | None] = mapped_column(ForeignKey("person.ref"), nullable=True)
    confirmed_by: Mapped[str] = mapped_column(String(128))
    confirmed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    #: where the match came from: desk, border, batch, partner
    source: Mapped[str] = mapped_column(String(32), default="desk")
    #: what was searched (the name, document or list line that matched)
    query: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    place: Mapped[str] = mapped_column(String(256), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    #: the steps taken since, in order: [{"step", "on", "by", "note"}]
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    extradition_ref: Mapped[str | None] = mapped_column(
        ForeignKey("extradition.ref"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
