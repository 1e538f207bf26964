"""Columns every main record shares: a stable reference, the data-protection labels,
the retention review date, timestamps and a version for optimistic locking."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from liaison.db import JsonType


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class RecordMixin:
    """A main record, identified by its reference (its key in the interchange format)."""

    ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    classification: Mapped[str] = mapped_column(String(32), default="restricted")
    #: handling restrictions set by the source (e.g. "no_onward_sharing", "not_evidence")
    restrictions: Mapped[list[str]] = mapped_column(JsonType, default=list)
    review_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.now()
    )
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}  # type: ignore[attr-defined]


KIND_LABELS: dict[str, str] = {}
