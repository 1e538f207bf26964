"""The desk's person search: every person of the database the actor may see, ranked by
the screening engine, each candidate with why it matches.

The index (``ScreeningIndex``) holds every person record (not only the watchlist). It
is built outside any transaction (a build takes seconds at full scale, and an SQLite
transaction holds the write lock), and rebuilt when the persons change (their count or
last update moves). Candidates are narrowed to those the access policy lets the actor
see. A search is audited (who searched what, which persons came back), like every read
of person data.

For the lead: the audited search belongs in a screening service (``screening/service.py``)
once there is one; this module would then only call it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.db import get_engine, transaction
from liaison.persons.model import NameKind, Person, PersonName
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import Match, Query, WatchlistEntry
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event
from liaison.security.policy import Action, require, visible_filter

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], ScreeningIndex]] = {}


def _stamp(session: Session) -> tuple[Any, ...]:
    count, last = session.execute(select(func.count(), func.max(Person.updated_at))).one()
    return (count, str(last))


def _entries(session: Session) -> list[WatchlistEntry]:
    """Every person as the screening engine sees it (main name first, as
    ``screening.watchlist.to_entry`` does), read in two plain queries."""
    names: dict[str, list[tuple[bool, int, str]]] = {}
    stmt = select(PersonName.person_ref, PersonName.kind, PersonName.position,
                  PersonName.full_name)
    for ref, kind, position, full in session.execute(stmt):
        if full and full.strip():
            names.setdefault(ref, []).append((kind != NameKind.primary, position, full))
    stmt2 = select(Person.ref, Person.birth_date, Person.nationalities, Person.sex, Person.source)
    out = []
    for ref, birth, nats, sex, source in session.execute(stmt2.order_by(Person.ref)):
        if ref not in names:
            continue
        out.append(WatchlistEntry(
            id=ref, names=tuple(n for _k, _p, n in sorted(names[ref])),
            birth_date=birth or None, nationality="|".join(nats or []) or None,
            gender=sex if sex in ("M", "F") else None, source=source or "bureau"))
    return out


def ensure_index() -> ScreeningIndex:
    """The index of every person of the configured database, built or rebuilt when the
    persons changed. Call it outside a transaction."""
    engine = get_engine()
    key = str(engine.url)
    with _lock:
        with transaction(engine) as session:
            stamp = _stamp(session)
            held = _cache.get(key)
            if held is not None and held[0] == stamp:
                return held[1]
            entries = _entries(session)
        index = ScreeningIndex.build(entries)
        _cache[key] = (stamp, index)
        return index


def warm_up() -> None:
    """Build the index in the background (after a login), so the first search is quick."""
    threading.Thread(target=ensure_index, name="desk-index", daemon=True).start()


@dataclass
class Candidate:
    match: Match
    person_ref: str

    @property
    def name(self) -> str:
        return self.match.entry.names[0] if self.match.entry.names else self.person_ref


def search_persons(session: Session, actor: Actor, index: ScreeningIndex, name: str,
                   birth_date: str | None = None, nationality: str | None = None,
                   limit: int = 20) -> list[Candidate]:
    """Ranked candidates for a name (any script), as the actor may see them; audited."""
    require(actor, Action.list, "person")
    query = Query(name=name, birth_date=birth_date or None,
                  nationality=(nationality or "").upper() or None)
    matches = index.search(query, limit=limit * 3)
    refs = [m.entry.id for m in matches]
    visible = set(session.scalars(select(Person.ref).where(
        Person.ref.in_(refs), visible_filter(actor, Person, "person")))) if refs else set()
    found = [Candidate(m, m.entry.id) for m in matches if m.entry.id in visible][:limit]
    audit.record(session, Event(actor.username, AuditAction.search, "person", "",
                                origin=actor.origin,
                                detail={"name": name, "birth_date": birth_date or "",
                                        "nationality": nationality or "",
                                        "candidates": [c.person_ref for c in found]}))
    return found
