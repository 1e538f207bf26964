"""The desk's person search: every person of the database the actor may see, ranked by
the screening engine, each candidate with why it matches.

All of it is the screening service's (:mod:`liaison.screening.service`, scope
``persons``): the index of every person record, kept current; the query's validation;
the access policy; the audit record of who searched what and which persons came back.
This module only gives the web pages the names they call.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from liaison.db import get_engine
from liaison.screening import service
from liaison.screening.service import Candidate, LiveIndex
from liaison.security.actor import Actor

SCOPE = "persons"


def ensure_index() -> LiveIndex:
    """The index of every person of the configured database, built or rebuilt when the
    persons changed. Call it outside a transaction."""
    return service.live_index(SCOPE, get_engine())


def warm_up() -> None:
    """Build the index in the background (after a login), so the first search is quick."""
    service.warm_up(SCOPE)


def search_persons(session: Session, actor: Actor, index: LiveIndex, name: str,
                   birth_date: str | None = None, nationality: str | None = None,
                   limit: int = 20) -> list[Candidate]:
    """Ranked candidates for a name (any script), as the actor may see them; audited."""
    query, _mrz = service.parse_query(name, birth_date, nationality)
    return service.search_in(session, actor, index, query, scope=SCOPE, limit=limit).candidates


__all__ = ["Candidate", "ensure_index", "search_persons", "warm_up"]
