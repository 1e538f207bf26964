"""Time `audit.verify` against a plain walk of the same rows (the baseline), on the
database LIAISON_DATABASE_URL names (e.g. the demo's). Prints one Markdown row."""

from __future__ import annotations

import time

from sqlalchemy import select

from liaison.db import get_engine, transaction
from liaison.security import audit
from liaison.security.audit import AuditEntry


def walk_only() -> int:
    with transaction(get_engine()) as s:
        return sum(1 for _ in audit._walk(s))


def verify() -> int:
    with transaction(get_engine()) as s:
        result = audit.verify(s)
        assert result.ok, result
        return result.checked


def best_of(fn, n: int = 3) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    times, count = [], 0
    for _ in range(n):
        t = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - t)
    return min(times), count


if __name__ == "__main__":
    with transaction(get_engine()) as s:
        total = len(s.scalars(select(AuditEntry.seq)).all())
    base, _ = best_of(walk_only)
    full, checked = best_of(verify)
    print(f"| {get_engine().dialect.name} | {total:,} | {base:.2f} s | {full:.2f} s | "
          f"{checked / full:,.0f} entries/s | {full / base:.1f}× |")
