"""The watchlist screened against: every person under an active warrant, notice or
search note in the database. Cancelled, withdrawn, expired, refused, arrested and not
yet published notices keep nobody on it, nor do cancellation notes.

Persons imported from a published list (``liaison import --format interpol-notices|ftm``:
``Person.source`` other than ``bureau``) are on it too: an INTERPOL public notice
through its notice (so it leaves when that notice is ended), a sanctions-list person
that has no notice at all as long as it is in the database. Each entry keeps its
``source``, which every candidate's explanation shows, so a published-list person is
never taken for one of the bureau's own.

:func:`load_watchlist` reads it afresh, so the next screening run reflects a
cancellation at once. A long-lived process (the web app's desk search) may also
:func:`register_index` its live :class:`~liaison.screening.index.ScreeningIndex`: the
workflow services then call :func:`refresh_persons` inside their transaction, and the
index drops (or takes in) those persons as soon as the transaction commits — never
before, and not at all if it rolls back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from liaison.notices.model import ACTIVE_STATUSES, Notice, NoticeKind
from liaison.persons.model import NameKind, Person, PersonName
from liaison.screening.model import WatchlistEntry


class LiveIndex(Protocol):
    def add(self, entry: WatchlistEntry) -> None: ...
    def remove(self, entry_id: str) -> bool: ...


_LIVE: list[LiveIndex] = []
_PENDING = "liaison.watchlist.pending"


def register_index(index: LiveIndex) -> None:
    """Keep ``index`` in step with notices published and ended in this process."""
    if not any(i is index for i in _LIVE):
        _LIVE.append(index)


def unregister_index(index: LiveIndex) -> None:
    _LIVE[:] = [i for i in _LIVE if i is not index]


def _active_clause() -> Any:
    return (
        Notice.status.in_(sorted(ACTIVE_STATUSES))
        & (Notice.kind != NoticeKind.cancellation)
        & Notice.person_ref.is_not(None)
    )


BUREAU = "bureau"


def _listed_refs() -> Any:
    """Select of the references on the watchlist: persons under an active notice, and
    published-list persons that no notice refers to."""
    active = select(Notice.person_ref).where(_active_clause())
    noticed = select(Notice.person_ref).where(Notice.person_ref.is_not(None))
    published = select(Person.ref).where(
        Person.source.is_not(None), Person.source != BUREAU, Person.ref.not_in(noticed))
    return active.union(published)


def active_person_refs(session: Session, among: Iterable[str] | None = None) -> set[str]:
    """References of the persons on the watchlist (optionally among some)."""
    listed = _listed_refs().subquery()
    stmt = select(listed.c[0]).distinct()
    if among is not None:
        refs = list(among)
        if not refs:
            return set()
        stmt = stmt.where(listed.c[0].in_(refs))
    return {r for r in session.scalars(stmt) if r}


def to_entry(person: Person) -> WatchlistEntry:
    """A person as the screening engine sees it: main name first, then the others."""
    names = sorted(person.names, key=lambda n: (n.kind != NameKind.primary, n.position))
    return WatchlistEntry(
        id=person.ref,
        names=tuple(n.full_name for n in names if n.full_name.strip()),
        birth_date=person.birth_date or None,
        nationality="|".join(person.nationalities or []) or None,
        gender=person.sex if person.sex in ("M", "F") else None,
        source=person.source or BUREAU,
    )


def _persons(session: Session, refs: list[str], chunk: int = 1000) -> Iterator[Person]:
    for i in range(0, len(refs), chunk):
        yield from session.scalars(
            select(Person).where(Person.ref.in_(refs[i:i + chunk])).order_by(Person.ref)
        )


def load_watchlist(session: Session) -> list[WatchlistEntry]:
    """Every person under an active warrant, notice or search note, and every
    published-list person without a notice, in reference order.

    Two set-based queries (persons, names) rather than one object per person: the
    whole list of a large bureau loads in seconds."""
    listed = _listed_refs().subquery()
    names: dict[str, list[str]] = {}
    name_rows = (
        select(PersonName.person_ref, PersonName.full_name)
        .where(PersonName.person_ref.in_(select(listed.c[0])))
        .order_by(PersonName.person_ref, PersonName.kind != NameKind.primary,
                  PersonName.position)
    )
    for ref, full_name in session.execute(name_rows):
        if full_name and full_name.strip():
            names.setdefault(ref, []).append(full_name)
    person_rows = (
        select(Person.ref, Person.birth_date, Person.nationalities, Person.sex, Person.source)
        .where(Person.ref.in_(select(listed.c[0])))
        .order_by(Person.ref)
    )
    return [
        WatchlistEntry(
            id=ref, names=tuple(names[ref]), birth_date=birth_date or None,
            nationality="|".join(nationalities or []) or None,
            gender=sex if sex in ("M", "F") else None, source=source or BUREAU,
        )
        for ref, birth_date, nationalities, sex, source in session.execute(person_rows)
        if ref in names
    ]


def refresh_persons(session: Session, person_refs: Iterable[str]) -> None:
    """After a notice was published or ended: once ``session`` commits, every registered
    live index takes in the persons still under an active notice and drops the others."""
    refs = {r for r in person_refs if r}
    if not refs or not _LIVE:
        return
    session.flush()
    active = active_person_refs(session, refs)
    pending: dict[str, WatchlistEntry | None] = session.info.setdefault(_PENDING, {})
    for person in _persons(session, sorted(active)):
        pending[person.ref] = to_entry(person)
    for ref in refs - active:
        pending[ref] = None
    if not session.info.get(_PENDING + ".hooked"):
        session.info[_PENDING + ".hooked"] = True
        event.listen(session, "after_commit", _apply_pending)
        event.listen(session, "after_rollback", _drop_pending)


def _apply_pending(session: Session) -> None:
    pending: dict[str, WatchlistEntry | None] = session.info.pop(_PENDING, {})
    for index in list(_LIVE):
        for ref, entry in pending.items():
            index.remove(ref)
            if entry is not None:
                index.add(entry)


def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)
