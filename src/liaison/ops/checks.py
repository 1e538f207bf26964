"""Is the database whole? Storage integrity, foreign keys, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, Select, and_, func, select, text

from liaison.db import session_factory
from liaison.models import Base
from liaison.security import audit


@dataclass
class Health:
    problems: list[str] = field(default_factory=list)
    audit_entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def orphan_queries(engine: Engine) -> list[tuple[str, Select[int]]]:
    """One ``count(*)`` query per foreign key of the mapped tables: child rows whose
    reference names no parent row (PostgreSQL enforces them; this proves it)."""
    queries: list[tuple[str, Select[int]]] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table
            pairs = list(zip(fk.columns, fk.elements, strict=True))
            present = and_(*(c.isnot(None) for c, _ in pairs))
            match = and_(*(el.column == c for c, el in pairs))
            stmt = (select(func.count()).select_from(table)
                    .where(present, ~select(1).where(match).correlate(table).exists()))
            cols = ",".join(c.name for c, _ in pairs)
            queries.append((f"{table.name}({cols}) -> {parent.name}", stmt))
    return queries


def check(engine: Engine, *, orphans: bool | None = None) -> Health:
    """Every problem found: storage integrity (SQLite), rows whose foreign key names
    nothing, and the first broken audit entry."""
    health = Health()
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            integrity = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            health.problems += [f"integrity: {r}" for r in integrity if r != "ok"]
            keys = conn.execute(text("PRAGMA foreign_key_check")).all()
            health.problems += [f"foreign key: {tuple(r)}" for r in keys]
        if orphans if orphans is not None else engine.dialect.name == "postgresql":
            for name, stmt in orphan_queries(engine):
                n = conn.execute(stmt).scalar_one()
                if n:
                    health.problems.append(f"foreign key: {n} rows of {name} name nothing")
        conn.rollback()
    with session_factory(engine)() as session:
        result = audit.verify(session)
        session.rollback()
    health.audit_entries = result.checked
    if not result.ok:
        health.problems.append(f"audit chain broken at entry {result.broken_seq}: {result.reason}")
    return health
