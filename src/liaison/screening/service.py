"""The desk's screening service: "is this person wanted?" asked by one officer about one
person, from the API (``GET /api/v1/screening/search``) and the web desk.

* **What is searched.** Scope ``watchlist`` (the default): the persons under an active
  warrant, notice or search note, and the published-list persons
  (:mod:`liaison.screening.watchlist`). The index is built once per database and kept
  live: it is registered with :func:`~liaison.screening.watchlist.register_index`, so a
  notice published or ended in this process adds or drops its person when that
  transaction commits; changes made by another process (a CLI import, another worker)
  are noticed from a stamp of the notice and person tables (counts and last update,
  read at each search, or every :data:`RECHECK_SECONDS`), and the index is then
  rebuilt. Scope ``persons``: every person record
  of the database (the desk's person search), rebuilt when the persons change.
* **The query.** A name in any script, optional birth date (``YYYY``, ``YYYY-MM``,
  ``YYYY-MM-DD``) and nationality (ISO alpha-2); or the two lines of a passport's
  machine-readable zone (ICAO 9303 TD3), whose check digits are validated and which
  gives the name, birth date and nationality. Bad input raises
  :class:`~liaison.errors.ValidationError` naming the field.
* **Access.** The actor must be allowed to list persons
  (:func:`liaison.security.policy.require`), and only the candidates the policy lets it
  see come back (:func:`liaison.security.policy.visible_filter`).
* **Audit.** Every search is recorded in the audit trail in the same transaction as the
  read: who searched, what (name, birth date, nationality, or the MRZ's document
  number), the scope, and which persons came back.

Indexes are built outside any transaction (a build takes seconds at full scale, and an
SQLite transaction holds the write lock).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from liaison.db import get_engine, transaction
from liaison.errors import ValidationError
from liaison.notices.model import Notice
from liaison.persons.model import NameKind, Person, PersonName
from liaison.screening import watchlist
from liaison.screening.dates import parse_date
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import ALGORITHM_VERSION, Explanation, Match, Query, WatchlistEntry
from liaison.screening.mrz import MRZ, parse_td3
from liaison.screening.scorer import DEFAULT_THRESHOLD
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event
from liaison.security.policy import Action, require, visible_filter

SCOPES = ("watchlist", "persons")
MAX_LIMIT = 100
MAX_NAME = 256
#: a search older than this (seconds) since the last check asks the database whether
#: another process changed the records (two aggregate queries). 0: at every search,
#: which costs about a millisecond at a bureau's scale; a very large database may
#: raise it, and then sees another process's changes that much later
RECHECK_SECONDS = 0.0


# -- the query ----------------------------------------------------------------------

def _mrz_lines(text: str) -> tuple[str, str]:
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
    if len(lines) == 1 and len(lines[0]) == 88:  # both lines pasted without a break
        lines = [lines[0][:44], lines[0][44:]]
    if len(lines) != 2:
        raise ValidationError.for_field(
            "mrz", f"a passport MRZ (ICAO 9303 TD3) has two lines of 44 characters; "
                   f"{len(lines)} line(s) given")
    return lines[0], lines[1]


def _nationality(value: str | None) -> str | None:
    from liaison.partners.countries import is_country

    text = (value or "").strip().upper()
    if not text:
        return None
    if len(text) != 2 or not text.isalpha() or not is_country(text):
        raise ValidationError.for_field("nationality", f"{value!r} is not an ISO 3166 "
                                                       "alpha-2 country code")
    return text


def parse_query(name: str | None = None, birth_date: str | None = None,
                nationality: str | None = None, mrz: str | None = None) -> tuple[Query, MRZ | None]:
    """The screening query of a desk search; ValidationError names the faulty field.

    With ``mrz``, the name comes from the zone and so do the birth date and the
    nationality unless given explicitly (then they must be valid too)."""
    document = None
    text = (name or "").strip()
    if "\x00" in text or "\x00" in (mrz or ""):
        raise ValidationError.for_field("name" if "\x00" in text else "mrz",
                                        "must not contain NUL characters")
    if mrz and mrz.strip():
        if text:
            raise ValidationError.for_field("mrz", "give either a name or an MRZ, not both")
        document = parse_td3(*_mrz_lines(mrz))
        text = document.full_name
    if not text:
        raise ValidationError.for_field("name", "a name (or an MRZ) is required")
    if len(text) > MAX_NAME:
        raise ValidationError.for_field("name", f"longer than {MAX_NAME} characters")
    dob = (birth_date or "").strip() or None
    parse_date(dob, "birth_date")
    nat = _nationality(nationality)
    if document is not None:
        mrz_query = document.to_query()
        dob = dob or mrz_query.birth_date
        nat = nat or mrz_query.nationality
    return Query(name=text, birth_date=dob, nationality=nat), document


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError.for_field("limit", f"must be between 1 and {MAX_LIMIT}")
    return limit


# -- the indexes --------------------------------------------------------------------

class LiveIndex:
    """A screening index the notice workflow keeps current (``watchlist.LiveIndex``),
    guarded by a lock so a commit's changes never meet a search half-way."""

    def __init__(self, index: ScreeningIndex, stamp: tuple[Any, ...]) -> None:
        self.index = index
        self.stamp = stamp
        self.checked = time.monotonic()
        self.restamp = False
        self.lock = threading.RLock()

    def add(self, entry: WatchlistEntry) -> None:
        with self.lock:
            self.index.add(entry)
            self.restamp = True

    def remove(self, entry_id: str) -> bool:
        with self.lock:
            self.restamp = True
            return self.index.remove(entry_id)

    def search(self, query: Query, limit: int) -> list[Match]:
        with self.lock:
            return self.index.search(query, limit=limit)


@dataclass
class _Holder:
    build: Callable[[Session], list[WatchlistEntry]]
    stamp: Callable[[Session], tuple[Any, ...]]
    live: bool
    lock: threading.Lock = field(default_factory=threading.Lock)
    held: dict[str, LiveIndex] = field(default_factory=dict)


def _watchlist_stamp(session: Session) -> tuple[Any, ...]:
    n = session.execute(select(func.count(), func.max(Notice.updated_at))).one()
    p = session.execute(select(func.count(), func.max(Person.updated_at))).one()
    return (n[0], str(n[1]), p[0], str(p[1]))


def _persons_stamp(session: Session) -> tuple[Any, ...]:
    count, last = session.execute(select(func.count(), func.max(Person.updated_at))).one()
    return (count, str(last))


def all_persons(session: Session) -> list[WatchlistEntry]:
    """Every person of the database as the engine sees it (main name first), in two
    plain queries."""
    names: dict[str, list[tuple[bool, int, str]]] = {}
    stmt = select(PersonName.person_ref, PersonName.kind, PersonName.position,
                  PersonName.full_name)
    for ref, kind, position, full in session.execute(stmt):
        if full and full.strip():
            names.setdefault(ref, []).append((kind != NameKind.primary, position, full))
    rows = select(Person.ref, Person.birth_date, Person.nationalities, Person.sex,
                  Person.source).order_by(Person.ref)
    return [
        WatchlistEntry(id=ref, names=tuple(n for _k, _p, n in sorted(names[ref])),
                       birth_date=birth or None, nationality="|".join(nats or []) or None,
                       gender=sex if sex in ("M", "F") else None,
                       source=source or watchlist.BUREAU)
        for ref, birth, nats, sex, source in session.execute(rows) if ref in names
    ]


_HOLDERS = {
    "watchlist": _Holder(watchlist.load_watchlist, _watchlist_stamp, live=True),
    "persons": _Holder(all_persons, _persons_stamp, live=False),
}


def live_index(scope: str, engine: Engine) -> LiveIndex:
    """The scope's index for ``engine``, built or rebuilt when its records changed.
    Call it outside a transaction."""
    holder = _HOLDERS[scope]
    key = engine.url.render_as_string(hide_password=True)
    with holder.lock:
        held = holder.held.get(key)
        now = time.monotonic()
        if held is not None and now - held.checked < RECHECK_SECONDS and not held.restamp:
            return held
        with transaction(engine, readonly=True) as session:
            stamp = holder.stamp(session)
        if held is not None:
            held.checked = now
            if held.restamp:  # our own commits changed the tables: the index has them
                held.restamp, held.stamp = False, stamp
            if held.stamp == stamp:
                return held
        with transaction(engine, readonly=True) as session:
            stamp = holder.stamp(session)
            entries = holder.build(session)
        fresh = LiveIndex(ScreeningIndex.build(entries), stamp)
        # a long-lived index: the cyclic collector need not walk it at every pass
        # (a full collection over a large index is a pause of hundreds of ms)
        gc.freeze()
        if held is not None:
            watchlist.unregister_index(held)
        if holder.live:
            watchlist.register_index(fresh)
        holder.held[key] = fresh
        return fresh


def index_for(scope: str = "watchlist", engine: Engine | None = None) -> ScreeningIndex:
    """The current index of a scope (built on first use)."""
    if scope not in SCOPES:
        raise ValidationError.for_field("scope", f"one of {', '.join(SCOPES)}")
    return live_index(scope, engine or get_engine()).index


def forget_indexes() -> None:
    """Drop every held index (tests, or after restoring a database)."""
    for holder in _HOLDERS.values():
        with holder.lock:
            for held in holder.held.values():
                watchlist.unregister_index(held)
            holder.held.clear()


def warm_up(scope: str = "watchlist") -> None:
    """Build an index in the background (after a login), so the first search is quick."""
    def run() -> None:
        live_index(scope, get_engine())

    threading.Thread(target=run, name=f"screening-{scope}", daemon=True).start()


# -- the search ---------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """A person the search returned: who, how well, why, and from which source."""

    person_ref: str
    name: str
    match: Match

    @property
    def score(self) -> float:
        return self.match.score

    @property
    def source(self) -> str:
        return self.match.entry.source

    @property
    def explanation(self) -> Explanation:
        return self.match.explanation

    @property
    def published_list(self) -> bool:
        return self.explanation.published_list

    def to_dict(self) -> dict[str, Any]:
        entry = self.match.entry
        return {
            "person_ref": self.person_ref, "name": self.name, "score": round(self.score, 4),
            "source": self.source, "published_list": self.published_list,
            "birth_date": entry.birth_date,
            "nationalities": entry.nationality.split("|") if entry.nationality else [],
            "explanation": {"text": self.explanation.text, **self.explanation.to_dict()},
        }


@dataclass(frozen=True)
class SearchResult:
    query: Query
    scope: str
    threshold: float
    candidates: list[Candidate]
    mrz: MRZ | None = None
    algorithm: str = ALGORITHM_VERSION

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "query": {"name": self.query.name, "birth_date": self.query.birth_date,
                      "nationality": self.query.nationality},
            "scope": self.scope, "threshold": self.threshold, "algorithm": self.algorithm,
            "candidates": [c.to_dict() for c in self.candidates],
        }
        if self.mrz is not None:
            out["mrz"] = {"document_number": self.mrz.document_number,
                          "issuing_state": self.mrz.issuing_state,
                          "nationality": self.mrz.nationality, "sex": self.mrz.sex,
                          "expiry_date": self.mrz.expiry_date, "checks": "valid"}
        return out


def _visible(session: Session, actor: Actor, refs: Iterable[str]) -> set[str]:
    wanted = sorted(set(refs))
    if not wanted:
        return set()
    return set(session.scalars(select(Person.ref).where(
        Person.ref.in_(wanted), visible_filter(actor, Person, "person"))))


def search_in(session: Session, actor: Actor, live: LiveIndex | ScreeningIndex, query: Query,
              *, scope: str = "watchlist", limit: int = 10, mrz: MRZ | None = None,
              threshold: float = DEFAULT_THRESHOLD) -> SearchResult:
    """Search ``live`` inside the caller's transaction: access policy, then the audit
    record of the search and of the persons it returned."""
    require(actor, Action.list, "person", session=session)
    wide = limit * 5 + 50  # room for the candidates the actor may not see
    if isinstance(live, LiveIndex):
        matches = live.search(query, wide)
    else:
        matches = live.search(query, limit=wide)
    visible = _visible(session, actor, (m.entry.id for m in matches))
    found = [
        Candidate(m.entry.id, m.entry.names[0] if m.entry.names else m.entry.id, m)
        for m in matches if m.entry.id in visible
    ][:limit]
    asked: dict[str, Any] = {"scope": scope, "birth_date": query.birth_date or "",
                             "nationality": query.nationality or "",
                             "candidates": [c.person_ref for c in found]}
    if mrz is not None:
        asked.update(mrz_document=mrz.document_number, mrz_issuing_state=mrz.issuing_state)
    asked["name"] = query.name
    audit.record(session, Event(actor.username, AuditAction.search, "person", "",
                                purpose="screening", origin=actor.origin, detail=asked))
    return SearchResult(query, scope, threshold, found, mrz)


def search(actor: Actor, *, name: str | None = None, birth_date: str | None = None,
           nationality: str | None = None, mrz: str | None = None, limit: int = 10,
           scope: str = "watchlist", engine: Engine | None = None) -> SearchResult:
    """The desk search: validate the query, take the scope's current index, then search
    and audit in one transaction."""
    if scope not in SCOPES:
        raise ValidationError.for_field("scope", f"one of {', '.join(SCOPES)}")
    query, document = parse_query(name, birth_date, nationality, mrz)
    _limit(limit)
    engine = engine or get_engine()
    live = live_index(scope, engine)
    with transaction(engine) as session:
        return search_in(session, actor, live, query, scope=scope, limit=limit, mrz=document)


__all__ = ["SCOPES", "Candidate", "LiveIndex", "SearchResult", "all_persons",
           "forget_indexes", "index_for", "live_index", "parse_query", "search", "search_in",
           "warm_up"]
