"""What the pages read: lists with filters, sorting and pagination, and the dashboard's
figures. Every query is narrowed by the access policy's own where-clause
(:func:`liaison.security.policy.visible_filter`), never by a rule of its own.

Person data is not listed here: persons are reached through the audited services
(records_service, the desk search).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from liaison.cases.model import Case, CaseCategory, CaseStatus, Direction, Priority
from liaison.cases.rules import OPEN_STATUSES
from liaison.extradition.model import Extradition, ExtraditionDirection, ExtraditionStage
from liaison.letters.model import LetterStatus, RogatoryLetter
from liaison.notices.hits import Hit
from liaison.notices.model import Notice, NoticeKind, NoticeStatus, Scope
from liaison.partners.model import Meeting
from liaison.security.actor import Actor
from liaison.security.policy import visible_filter

PAGE_SIZE = 25


@dataclass(frozen=True)
class Listing:
    """How one kind of record is listed: its class, policy kind, the columns shown, the
    filters offered (equality on a column) and the columns it may be sorted on."""

    kind: str
    cls: Any
    columns: tuple[str, ...]
    filters: tuple[str, ...]
    sorts: tuple[str, ...]
    default_sort: str
    #: columns searched by the free-text box (prefix on ref, substring on the others)
    text: tuple[str, ...] = ("ref",)
    state: str = "status"


LISTINGS: dict[str, Listing] = {
    "case": Listing("case", Case,
                    ("ref", "opened_on", "direction", "category", "priority", "status", "due_on",
                     "partner_country_code", "subject"),
                    ("status", "category", "direction", "priority", "partner_country_code"),
                    ("opened_on", "due_on", "ref", "status", "priority"), "-opened_on",
                    ("ref", "subject")),
    "notice": Listing("notice", Notice,
                      ("ref", "issued_on", "kind", "scope", "status", "issuing_country_code",
                       "person_ref", "case_ref"),
                      ("status", "kind", "scope", "issuing_country_code"),
                      ("issued_on", "ref", "status", "kind"), "-issued_on", ("ref", "charges")),
    "rogatory_letter": Listing("rogatory_letter", RogatoryLetter,
                               ("ref", "received_on", "direction", "status", "due_on",
                                "requesting_country_code", "requested_country_code", "subject"),
                               ("status", "direction", "requesting_country_code"),
                               ("received_on", "due_on", "ref", "status"), "-received_on",
                               ("ref", "subject")),
    "extradition": Listing("extradition", Extradition,
                           ("ref", "requested_on", "direction", "stage", "outcome",
                            "requesting_country_code", "requested_country_code", "person_ref"),
                           ("stage", "direction", "outcome", "requesting_country_code"),
                           ("requested_on", "ref", "stage"), "-requested_on", ("ref",),
                           state="stage"),
}


@dataclass
class ListPage:
    rows: list[Any]
    total: int
    page: int
    pages: int
    sort: str
    filters: dict[str, str] = field(default_factory=dict)
    #: the values each filter may take (for the select boxes)
    choices: dict[str, list[str]] = field(default_factory=dict)


#: the values of the filters backed by a list of codes (the others are read, see below)
ENUM_CHOICES: dict[str, list[str]] = {
    "case.status": [s.value for s in CaseStatus], "case.category": [c.value for c in CaseCategory],
    "case.direction": [d.value for d in Direction], "case.priority": [p.value for p in Priority],
    "notice.status": [s.value for s in NoticeStatus], "notice.kind": [k.value for k in NoticeKind],
    "notice.scope": [s.value for s in Scope],
    "rogatory_letter.status": [s.value for s in LetterStatus],
    "rogatory_letter.direction": [d.value for d in Direction],
    "extradition.stage": [s.value for s in ExtraditionStage],
    "extradition.direction": [d.value for d in ExtraditionDirection],
}
#: distinct values read from the table, kept a few minutes (a full scan each time
#: would cost more than the page itself)
_DISTINCT: dict[tuple[str, str, str], tuple[float, list[str]]] = {}
DISTINCT_SECONDS = 300.0


def _distinct(session: Session, actor: Actor, listing: Listing, name: str) -> list[str]:
    key = (listing.kind, name, visibility_key(actor))
    held = _DISTINCT.get(key)
    if held is not None and time.monotonic() - held[0] < DISTINCT_SECONDS:
        return held[1]
    col = getattr(listing.cls, name)
    stmt = (select(col).where(col.is_not(None), visible_filter(actor, listing.cls, listing.kind))
            .distinct().order_by(col))
    values = [str(v) for v in session.scalars(stmt)]
    _DISTINCT[key] = (time.monotonic(), values)
    return values


def _choices(session: Session, actor: Actor, listing: Listing) -> dict[str, list[str]]:
    return {name: ENUM_CHOICES.get(f"{listing.kind}.{name}")
            or _distinct(session, actor, listing, name) for name in listing.filters}


def list_page(session: Session, actor: Actor, kind: str, filters: dict[str, str],
              sort: str = "", page: int = 1, text: str = "") -> ListPage:
    """One page of a kind's list, as the actor may see it."""
    listing = LISTINGS[kind]
    cls = listing.cls
    where = [visible_filter(actor, cls, kind)]
    used = {k: v for k, v in filters.items() if k in listing.filters and v}
    where += [getattr(cls, k) == v for k, v in used.items()]
    if text.strip():
        needle = text.strip()
        where.append(or_(*(
            cls.ref.startswith(needle) if c == "ref" else getattr(cls, c).contains(needle)
            for c in listing.text)))
    if sort.lstrip("-") not in listing.sorts:
        sort = listing.default_sort
    col = getattr(cls, sort.lstrip("-"))
    order = (col.desc(), cls.ref.desc()) if sort.startswith("-") else (col.asc(), cls.ref.asc())
    total = session.scalar(select(func.count()).select_from(cls).where(*where)) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    cols = [getattr(cls, c) for c in listing.columns]
    stmt = select(*cols).where(*where).order_by(*order)
    rows = list(session.execute(stmt.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    return ListPage(rows, total, page, pages, sort, used, _choices(session, actor, listing))


# -- the dashboard ------------------------------------------------------------------


def pairs(result: Any) -> dict[Any, int]:
    """A two-column result (key, count) as a mapping."""
    return {key: int(n) for key, n in result}


def _month(column: Any) -> Any:
    return func.substr(cast(column, String), 1, 7)


@dataclass
class CaseFigures:
    """The files as the dashboard's charts show them, from one pass over the table."""

    #: (YYYY-MM, incoming, outgoing), the last 24 months that hold files
    volumes: list[tuple[str, int, int]]
    categories: list[tuple[str | None, int]]
    partners: list[tuple[str, int]]


def open_cases(session: Session, actor: Actor) -> dict[str, dict[Any, int]]:
    """Open files counted by status and by category (live: read through the status index)."""
    stmt = (select(Case.status, Case.category, func.count())
            .where(Case.status.in_(sorted(OPEN_STATUSES)), visible_filter(actor, Case, "case"))
            .group_by(Case.status, Case.category))
    by_status: Counter[str] = Counter()
    by_category: Counter[str | None] = Counter()
    for status, category, n in session.execute(stmt):
        by_status[status] += n
        by_category[category] += n
    return {"status": {s: by_status.get(s, 0) for s in ("received", "assigned", "in_progress")},
            "category": dict(by_category.most_common())}


#: the chart figures per visibility, kept a minute: a grouped scan of every file costs
#: ~150 ms at demo scale, too much to repeat on each dashboard view
_FIGURES: dict[str, tuple[float, CaseFigures]] = {}
FIGURES_SECONDS = 60.0


def visibility_key(actor: Actor) -> str:
    return f"{actor.agency_ref}/{sorted(actor.roles)}/{actor.clearance}/{actor.home}"


def case_figures(session: Session, actor: Actor, months: int = 24) -> CaseFigures:
    """The dashboard's chart figures, from a cache of at most a minute."""
    key = visibility_key(actor)
    held = _FIGURES.get(key)
    if held is not None and time.monotonic() - held[0] < FIGURES_SECONDS:
        return held[1]
    figures = _case_figures(session, actor, months)
    _FIGURES[key] = (time.monotonic(), figures)
    return figures


def _case_figures(session: Session, actor: Actor, months: int = 24) -> CaseFigures:
    month = _month(Case.opened_on)
    stmt = (select(month, Case.direction, Case.category, Case.partner_country_code, func.count())
            .where(visible_filter(actor, Case, "case"))
            .group_by(month, Case.direction, Case.category, Case.partner_country_code))
    by_month: dict[str, Counter[str]] = {}
    by_category: Counter[str | None] = Counter()
    by_country: Counter[str] = Counter()
    for m, direction, category, country, n in session.execute(stmt):
        by_month.setdefault(str(m), Counter())[str(direction)] += n
        by_category[category] += n
        if country:
            by_country[str(country)] += n
    keys = sorted(by_month)[-months:]
    return CaseFigures(
        volumes=[(k, by_month[k]["incoming"], by_month[k]["outgoing"]) for k in keys],
        categories=by_category.most_common(),
        partners=by_country.most_common(),
    )


def awaiting_approval(session: Session, actor: Actor, limit: int = 6) -> tuple[int, list[Any]]:
    """Notice requests in compliance review (a supervisor's approval is due)."""
    where = [Notice.status == "compliance_review", visible_filter(actor, Notice, "notice")]
    total = session.scalar(select(func.count()).select_from(Notice).where(*where)) or 0
    rows = session.execute(
        select(Notice.ref, Notice.kind, Notice.person_ref, Notice.submitted_by, Notice.updated_at)
        .where(*where).order_by(Notice.updated_at.desc()).limit(limit)).all()
    return total, list(rows)


def latest_hits(session: Session, actor: Actor, limit: int = 6) -> list[Any]:
    stmt = (select(Hit.id, Hit.notice_ref, Hit.confirmed_on, Hit.place, Hit.source, Notice.kind)
            .join(Notice, Notice.ref == Hit.notice_ref)
            .where(visible_filter(actor, Notice, "notice"))
            .order_by(Hit.confirmed_on.desc(), Hit.id.desc()).limit(limit))
    return list(session.execute(stmt))


def meetings_between(session: Session, actor: Actor, start: dt.date, end: dt.date,
                     limit: int = 50) -> list[Meeting]:
    stmt = (select(Meeting).where(Meeting.held_on >= start, Meeting.held_on < end,
                                  visible_filter(actor, Meeting, "meeting"))
            .order_by(Meeting.held_on).limit(limit))
    return list(session.scalars(stmt))


def latest_meetings(session: Session, actor: Actor, before: dt.date, limit: int = 4) -> list[Any]:
    stmt = (select(Meeting).where(Meeting.held_on < before,
                                  visible_filter(actor, Meeting, "meeting"))
            .order_by(Meeting.held_on.desc()).limit(limit))
    return list(session.scalars(stmt))




def refs_where(session: Session, actor: Actor, kind: str, column: str, value: str,
               limit: int = 50) -> list[str]:
    """References of the records of ``kind`` whose ``column`` is ``value`` (a link)."""
    cls = LISTINGS[kind].cls
    stmt = (select(cls.ref).where(getattr(cls, column) == value, visible_filter(actor, cls, kind))
            .order_by(cls.ref).limit(limit))
    return list(session.scalars(stmt))


def cases_of_person(session: Session, actor: Actor, person_ref: str) -> list[str]:
    from liaison.cases.model import CasePerson

    stmt = (select(Case.ref).join(CasePerson, CasePerson.case_ref == Case.ref)
            .where(CasePerson.person_ref == person_ref, visible_filter(actor, Case, "case"))
            .order_by(Case.ref).limit(50))
    return list(session.scalars(stmt))


def partner_agencies(session: Session, actor: Actor) -> list[Any]:
    """The foreign agencies a record may be shared with (for the share form)."""
    from liaison.config import get_settings
    from liaison.partners.model import Agency

    home = get_settings().home_country
    stmt = (select(Agency.ref, Agency.acronym, Agency.country_code)
            .where(Agency.country_code != home, visible_filter(actor, Agency, "agency"))
            .order_by(Agency.country_code, Agency.acronym))
    return list(session.execute(stmt))
