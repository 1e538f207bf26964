"""Retention: every main record has a review date (``review_on``), INTERPOL-style.

A record is kept :data:`~liaison.workflow.RETENTION_YEARS` years from when it was
recorded or last renewed; its owner reviews it about
:data:`~liaison.workflow.REVIEW_MONTHS_BEFORE_EXPIRY` months before that limit
(``review_on``), and either renews it (:func:`renew`, a new period from the review) or
lets it go. :func:`due` lists what must be reviewed and flags what is already past its
retention limit. Nothing here deletes anything: deletion is a person's decision.

A record without a review date (imported before it had one) is reviewed as if it had
been recorded on its creation day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from liaison.cases.model import Case
from liaison.errors import NotFound, ValidationError
from liaison.extradition.model import Extradition
from liaison.letters.model import RogatoryLetter
from liaison.notices.model import Notice
from liaison.persons.model import Person
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event, record
from liaison.workflow import (
    RETENTION_YEARS,
    REVIEW_MONTHS_BEFORE_EXPIRY,
    add_months,
    add_years,
    authorize,
    expiry_of_review,
    review_date,
)

#: kind (as the access policy names it) -> mapped class, the status column if any
KINDS: dict[str, tuple[Any, str | None]] = {
    "case": (Case, "status"),
    "notice": (Notice, "status"),
    "rogatory_letter": (RogatoryLetter, "status"),
    "extradition": (Extradition, "stage"),
    "person": (Person, None),
}


@dataclass(frozen=True)
class ReviewItem:
    kind: str
    ref: str
    status: str
    review_on: dt.date
    expires_on: dt.date
    #: the review date comes from the record (False: derived from its creation day)
    review_date_set: bool
    past_retention: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def effective_review_on(review_on: dt.date | None, created_at: dt.datetime | None) -> dt.date:
    if review_on is not None:
        return review_on
    start = created_at.date() if created_at is not None else dt.date.today()
    return review_date(start)


def due(session: Session, actor: Actor, today: dt.date | None = None, within_days: int = 0,
        kinds: list[str] | None = None) -> list[ReviewItem]:
    """Records whose review date falls on or before ``today + within_days``, the most
    urgent first; ``past_retention`` marks those already beyond their retention limit."""
    from liaison.security import policy

    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=within_days)
    # a record without review date is due when its creation is old enough
    created_before = add_months(horizon, REVIEW_MONTHS_BEFORE_EXPIRY)
    created_cutoff = dt.datetime.combine(add_years(created_before, -RETENTION_YEARS),
                                         dt.time.max)
    items: list[ReviewItem] = []
    for kind in kinds or list(KINDS):
        if kind not in KINDS:
            raise ValidationError.for_field("kind", f"one of {', '.join(KINDS)}")
        cls, status_col = KINDS[kind]
        stmt = select(cls).where(
            or_(cls.review_on <= horizon,
                cls.review_on.is_(None) & (cls.created_at <= created_cutoff)),
            policy.visible_filter(actor, cls, kind),
        )
        for row in session.scalars(stmt):
            review_on = effective_review_on(row.review_on, row.created_at)
            if review_on > horizon:
                continue
            expires = expiry_of_review(review_on)
            items.append(ReviewItem(
                kind, row.ref, getattr(row, status_col) if status_col else "", review_on,
                expires, row.review_on is not None, expires < today,
            ))
    return sorted(items, key=lambda i: (i.review_on, i.kind, i.ref))


def renew(session: Session, actor: Actor, kind: str, ref: str, reason: str,
          today: dt.date | None = None) -> dt.date:
    """The owner reviewed the record and keeps it: a new retention period from today.
    Returns the next review date."""
    if kind not in KINDS:
        raise ValidationError.for_field("kind", f"one of {', '.join(KINDS)}")
    if not reason.strip():
        raise ValidationError.for_field("reason", "say why the record is kept")
    cls, _ = KINDS[kind]
    row = session.get(cls, ref)
    if row is None:
        raise NotFound(f"no {kind} {ref}")
    authorize(session, actor, kind, row, action="update")
    today = today or dt.date.today()
    before = row.review_on
    row.review_on = review_date(today)
    session.flush()
    record(session, Event(actor=actor.username, action=AuditAction.update, entity_kind=kind,
                          entity_ref=ref, origin=actor.origin,
                          detail={"retention": "renewed", "reason": reason.strip(),
                                  "review_on_before": before, "review_on": row.review_on}))
    review_on: dt.date = row.review_on
    return review_on
