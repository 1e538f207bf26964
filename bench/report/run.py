"""Annual report benchmark: ``liaison.reports.stats.report(YEAR)`` over 1,000,000 cases
(with notices, rogatory letters, extraditions, meetings and agreements in proportion),
against the bare ``GROUP BY`` queries over the same tables, measured in the same run.

    .venv/bin/python bench/report/run.py                    # SQLite and PostgreSQL
    .venv/bin/python bench/report/run.py --db sqlite --cases 200000
    .venv/bin/python bench/report/run.py --reuse            # skip the load

The records are bulk-inserted with SQLAlchemy Core ``executemany`` (no services, no
audit: this measures the report, not the load), over ten years (2016-2025), then the
planner's statistics are refreshed (ANALYZE). Each timing is the median of ``--repeat``
warm runs, the report and the baseline alternating.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from liaison import db
from liaison.models import (
    Agreement,
    AgreementParty,
    Case,
    Extradition,
    Meeting,
    Notice,
    RogatoryLetter,
)
from liaison.partners.service import ensure_countries
from liaison.reports.period import Period
from liaison.reports.stats import report

SQLITE = "sqlite:////tmp/liaison_bench_report.db"
PG = "postgresql+psycopg://postgres@127.0.0.1:5432/liaison_bench_report"
FIRST_YEAR, LAST_YEAR = 2016, 2025
HOME = "MA"
PARTNERS = ["ES", "FR", "BE", "DZ", "TN", "IT", "NL", "DE", "SN", "EG", "US", "GB", "TR", "ML"]
PARTNER_WEIGHTS = [37, 28, 6, 5, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1]
CATEGORIES = ["drugs", "illegal_immigration", "information_request", "mutual_data_exploitation",
              "transfer_of_detainees", "terrorism", "cybercrime", "money_laundering", None]
NOTICE_KINDS = [  # (kind, scope, weight)
    ("search_note", "national", 30), ("wanted_notice", "regional", 20),
    ("cancellation", "international", 10), ("cancellation", "regional", 5),
    ("arrest_warrant", "international", 10), ("red", "international", 15),
    ("diffusion", "international", 10),
]
CHUNK = 20_000


def _day(rng: random.Random) -> dt.date:
    start = dt.date(FIRST_YEAR, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(LAST_YEAR, 12, 31).toordinal()))


def _later(rng: random.Random, day: dt.date, p: float) -> dt.date | None:
    return day + dt.timedelta(days=rng.randint(1, 400)) if rng.random() < p else None


def cases(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"ref": f"C{i:08d}", "direction": rng.choice(("incoming", "outgoing")),
               "opened_on": _day(rng), "category": rng.choice(CATEGORIES),
               "partner_country_code": rng.choices(PARTNERS, PARTNER_WEIGHTS)[0]}


def notices(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    kinds = [(k, s) for k, s, _ in NOTICE_KINDS]
    weights = [w for _, _, w in NOTICE_KINDS]
    for i in range(n):
        kind, scope = rng.choices(kinds, weights)[0]
        issued = _day(rng) if rng.random() > 0.02 else None  # a few drafts
        yield {"ref": f"N{i:08d}", "kind": kind, "scope": scope,
               "issuing_country_code": HOME if rng.random() < 0.7 else rng.choice(PARTNERS),
               "issued_on": issued, "status": "published" if issued else "drafted",
               "arrest_on": _later(rng, issued, 0.3) if issued and kind == "arrest_warrant"
               else None}


def letters(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        received = _day(rng)
        yield {"ref": f"L{i:08d}", "direction": rng.choice(("incoming", "outgoing")),
               "received_on": received, "executed_on": _later(rng, received, 0.8)}


def extraditions(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"ref": f"X{i:08d}", "direction": rng.choice(("to_home", "by_home")),
               "surrendered_on": _day(rng) if rng.random() < 0.6 else None}


def meetings(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"ref": f"M{i:08d}", "held_on": _day(rng),
               "kind": rng.choice(("bilateral", "multilateral")),
               "partner_countries": rng.sample(PARTNERS, rng.randint(1, 4))}


def agreements(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"ref": f"A{i:08d}", "kind": "memorandum_of_understanding", "title": f"MoU {i}",
               "signed_on": _day(rng) if rng.random() < 0.9 else None}


def parties(n: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"agreement_ref": f"A{i:08d}", "position": 0, "country_code": HOME}
        yield {"agreement_ref": f"A{i:08d}", "position": 1, "country_code": rng.choice(PARTNERS)}


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def fresh(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        name = url.rsplit("/", 1)[1]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q",
                        "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
                       check=True, capture_output=True)
    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.transaction(engine) as session:
        ensure_countries(session)
    return engine


def load(engine: Engine, n_cases: int, seed: int) -> dict[str, int]:
    """Bulk-insert the records; returns the row count of each table."""
    rng = random.Random(seed)
    plan: list[tuple[Any, Callable[[int, random.Random], Iterator[dict[str, Any]]], int]] = [
        (Case, cases, n_cases),
        (Notice, notices, n_cases * 6 // 10),
        (RogatoryLetter, letters, n_cases // 25),
        (Extradition, extraditions, n_cases // 50),
        (Meeting, meetings, max(1, n_cases // 200)),
        (Agreement, agreements, max(1, n_cases // 2000)),
        (AgreementParty, parties, max(1, n_cases // 2000)),
    ]
    counts: dict[str, int] = {}
    for model, make, n in plan:
        started = time.perf_counter()
        with engine.begin() as conn:
            for chunk in _chunks(make(n, rng)):
                conn.execute(insert(model), chunk)
        table = model.__table__.name
        with engine.connect() as conn:
            counts[table] = conn.execute(select(func.count()).select_from(model)).scalar_one()
        print(f"  loaded {counts[table]:>9,} {table} in {time.perf_counter() - started:.1f} s",
              flush=True)
    analyse(engine)
    return counts


def analyse(engine: Engine) -> None:
    if db.is_postgres(engine):
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()


def bare_queries(period: Period) -> list[Any]:
    """The baseline: one plain GROUP BY per table over the period's date column, on the
    columns the report breaks the table down by (files: category, partner country and
    direction, as the report returns them)."""
    def grouped(model: Any, date_col: Any, *keys: Any) -> Any:
        return (select(*keys, func.count()).where(date_col.between(period.start, period.end))
                .group_by(*keys))

    return [
        grouped(Case, Case.opened_on, Case.category, Case.partner_country_code, Case.direction),
        grouped(Notice, Notice.issued_on, Notice.kind, Notice.scope),
        grouped(RogatoryLetter, RogatoryLetter.received_on, RogatoryLetter.direction),
        grouped(Extradition, Extradition.surrendered_on, Extradition.direction),
        grouped(Meeting, Meeting.held_on, Meeting.kind),
        grouped(Agreement, Agreement.signed_on, Agreement.status),
    ]


def measure(engine: Engine, year: int, repeat: int) -> dict[str, float]:
    """Median times of the report and of the baseline, run in alternation (so that a
    burst of load on the shared machine hits both alike), after one warm-up each."""
    period = Period.year(year)
    statements = bare_queries(period)

    def bare() -> None:
        with engine.connect() as conn:
            for stmt in statements:
                conn.execute(stmt).all()

    def full() -> None:
        report(period, engine, home_country=HOME)

    times: dict[str, list[float]] = {"bare": [], "report": []}
    bare()
    full()
    for _ in range(repeat):
        for name, fn in (("bare", bare), ("report", full)):
            started = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - started)
    report_s, bare_s = statistics.median(times["report"]), statistics.median(times["bare"])
    return {"report_s": report_s, "bare_s": bare_s, "ratio": report_s / bare_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--reuse", action="store_true", help="use the database already loaded")
    args = parser.parse_args()
    urls = {"sqlite": SQLITE, "postgresql": PG}
    names = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    rows = []
    for name in names:
        print(f"{name}:", flush=True)
        if args.reuse:
            engine = db.make_engine(urls[name])
            db.upgrade(engine)
            analyse(engine)
        else:
            engine = fresh(urls[name])
            load(engine, args.cases, args.seed)
        figures = measure(engine, args.year, args.repeat)
        rows.append((name, figures))
        print(f"  report {figures['report_s']:.3f} s, bare GROUP BY {figures['bare_s']:.3f} s, "
              f"ratio {figures['ratio']:.2f}", flush=True)
        engine.dispose()
    print("\n| database | cases | report (s) | bare GROUP BY (s) | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, f in rows:
        print(f"| {name} | {args.cases:,} | {f['report_s']:.3f} | {f['bare_s']:.3f} | "
              f"{f['ratio']:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
