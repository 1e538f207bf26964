"""How many records of each kind the office holds (no personal data)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.ingest.mapping import KINDS
from liaison.ingest.schema import KIND_ORDER


def count_by_kind(session: Session) -> dict[str, int]:
    return {
        kind: session.scalar(select(func.count()).select_from(KINDS[kind].table)) or 0
        for kind in KIND_ORDER
    }
