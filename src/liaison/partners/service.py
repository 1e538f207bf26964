"""Use cases of the partner registry."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.partners.countries import all_countries
from liaison.partners.model import Country


def ensure_countries(session: Session) -> int:
    """Load the ISO 3166 countries if the table is empty; returns how many were added."""
    if session.scalar(select(func.count()).select_from(Country)):
        return 0
    rows = all_countries()
    session.execute(Country.__table__.insert(), rows)
    return len(rows)
