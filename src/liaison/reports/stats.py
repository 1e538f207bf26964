"""The annual report's figures, counted from the records (never from stored totals).

Four statements per report, SQLAlchemy Core, the same on SQLite and PostgreSQL:

1. cases: the period grouped by direction, category and partner country, plus one
   count for each earlier period of the five-period trend (one ``UNION ALL``);
2. every other figure as a scalar sub-query of one ``SELECT`` (letters, warrants,
   notes, extraditions, meetings, agreements), each served by an index range;
3. the partner countries of the period's meetings (a JSON list per meeting);
4. the countries party to the agreements signed in the period.

The counting rules are written down in ``docs/report.md``; keep the two in step.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    String,
    Table,
    and_,
    cast,
    func,
    literal,
    null,
    select,
    union_all,
)

from liaison.cases.model import Case
from liaison.config import get_settings
from liaison.db import get_engine, is_postgres
from liaison.extradition.model import Extradition
from liaison.letters.model import RogatoryLetter
from liaison.notices.model import Notice
from liaison.partners.countries import region
from liaison.partners.model import Agency, Agreement, AgreementParty, Meeting
from liaison.reports.period import Period

UNCATEGORISED = "uncategorised"
TREND_PERIODS = 5
TOP_COUNTRIES = 10

CASES: Table = Case.__table__  # type: ignore[assignment]
NOTICES: Table = Notice.__table__  # type: ignore[assignment]
LETTERS: Table = RogatoryLetter.__table__  # type: ignore[assignment]
EXTRADITIONS: Table = Extradition.__table__  # type: ignore[assignment]
MEETINGS: Table = Meeting.__table__  # type: ignore[assignment]
AGREEMENTS: Table = Agreement.__table__  # type: ignore[assignment]
PARTIES: Table = AgreementParty.__table__  # type: ignore[assignment]
AGENCIES: Table = Agency.__table__  # type: ignore[assignment]


def pct(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole``, one decimal (0.0 when ``whole`` is 0)."""
    return round(part / whole * 100, 1) if whole else 0.0


def change_pct(current: int, previous: int) -> float | None:
    """The change from ``previous`` to ``current`` in percent, one decimal; None from 0."""
    return round((current / previous - 1) * 100, 1) if previous else None


def within(column: Any, period: Period) -> ColumnElement[bool]:
    return column.between(period.start, period.end)  # type: ignore[no-any-return]


# -- 1. cases ------------------------------------------------------------------------


def cases_statement(period: Period) -> Select[Any]:
    """Rows (bucket, direction, category, partner country, n): bucket 0 is the period
    itself, in detail; buckets 1…4 the earlier periods of the trend, one total each."""
    c = CASES.c
    parts: list[Any] = [
        select(
            literal(0, Integer).label("bucket"),
            c.direction,
            c.category,
            c.partner_country_code,
            func.count().label("n"),
        )
        .where(within(c.opened_on, period))
        .group_by(c.direction, c.category, c.partner_country_code)
    ]
    for back in range(1, TREND_PERIODS):
        parts.append(
            select(
                literal(back, Integer),
                cast(null(), String),
                cast(null(), String),
                cast(null(), String),
                func.count(),
            ).where(within(c.opened_on, period.shifted(back)))
        )
    return union_all(*parts)  # type: ignore[return-value]


def _case_figures(rows: Iterable[Any], period: Period) -> tuple[dict[str, Any], dict[str, Any]]:
    totals = [0] * TREND_PERIODS
    categories: Counter[str] = Counter()
    directions: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for bucket, direction, category, country, n in rows:
        totals[bucket] += n
        if bucket == 0:
            categories[category or UNCATEGORISED] += n
            directions[direction] += n
            if country:
                countries[country] += n
    total, previous = totals[0], totals[1]
    cases = {
        "total": total,
        "previous_total": previous,
        "change_pct": change_pct(total, previous),
        "by_category": {
            name: {"count": n, "share_pct": pct(n, total)}
            for name, n in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))
        },
        "by_direction": {d: directions.get(d, 0) for d in ("incoming", "outgoing")},
        "trend": [
            {"label": p.label, "year": p.calendar_year, "total": totals[TREND_PERIODS - 1 - i]}
            for i, p in enumerate(period.trend(TREND_PERIODS))
        ],
    }
    return cases, dict(countries)


# -- 2. everything else, one SELECT of scalar sub-queries ----------------------------


def _count(table: Table, *where: ColumnElement[bool]) -> Any:
    return select(func.count()).select_from(table).where(and_(*where)).scalar_subquery()


def _notes(kind: str, scope: str, period: Period) -> Any:
    n = NOTICES.c
    return _count(NOTICES, n.kind == kind, n.scope == scope, within(n.issued_on, period))


def counts_statement(period: Period, home: str) -> Select[Any]:
    n, rl, ex, m = NOTICES.c, LETTERS.c, EXTRADITIONS.c, MEETINGS.c
    warrant = (
        n.kind == "arrest_warrant",
        n.scope == "international",
        n.issuing_country_code == home,
    )
    issued = n.issued_on.is_not(None)  # a draft never counts
    incoming = rl.direction == "incoming"
    figures = {
        "letters_received": _count(LETTERS, incoming, within(rl.received_on, period)),
        "letters_executed": _count(LETTERS, incoming, within(rl.executed_on, period)),
        "warrants_issued": _count(NOTICES, *warrant, within(n.issued_on, period)),
        "warrants_arrests": _count(NOTICES, *warrant, issued, within(n.arrest_on, period)),
        "search_notes_national": _notes("search_note", "national", period),
        "wanted_notices_regional": _notes("wanted_notice", "regional", period),
        "cancellations_international": _notes("cancellation", "international", period),
        "cancellations_regional": _notes("cancellation", "regional", period),
        "surrendered_to_home": _count(
            EXTRADITIONS, ex.direction == "to_home", within(ex.surrendered_on, period)
        ),
        "previous_surrendered_to_home": _count(
            EXTRADITIONS, ex.direction == "to_home", within(ex.surrendered_on, period.previous)
        ),
        "surrendered_by_home": _count(
            EXTRADITIONS, ex.direction == "by_home", within(ex.surrendered_on, period)
        ),
        "meetings": _count(MEETINGS, within(m.held_on, period)),
        "bilateral_meetings": _count(MEETINGS, m.kind == "bilateral", within(m.held_on, period)),
        "agreements_signed": _count(AGREEMENTS, within(AGREEMENTS.c.signed_on, period)),
    }
    return select(*(q.label(name) for name, q in figures.items()))


# -- 3 and 4. partner countries of meetings and agreements ---------------------------


def meeting_countries_statement(period: Period) -> Select[Any]:
    return select(MEETINGS.c.partner_countries).where(within(MEETINGS.c.held_on, period))


def agreement_countries_statement(period: Period) -> Select[Any]:
    country = func.coalesce(PARTIES.c.country_code, AGENCIES.c.country_code)
    joined = PARTIES.join(AGREEMENTS, PARTIES.c.agreement_ref == AGREEMENTS.c.ref).outerjoin(
        AGENCIES, PARTIES.c.agency_ref == AGENCIES.c.ref
    )
    return (
        select(country.label("code"))
        .select_from(joined)
        .where(within(AGREEMENTS.c.signed_on, period), country.is_not(None))
        .distinct()
    )


# -- the report ----------------------------------------------------------------------


def _partners(case_countries: dict[str, int], total: int) -> dict[str, Any]:
    regions: dict[str, dict[str, int]] = defaultdict(lambda: {"cases": 0, "countries": 0})
    for code, n in case_countries.items():
        regions[region(code)]["cases"] += n
        regions[region(code)]["countries"] += 1
    top = sorted(case_countries.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_COUNTRIES]
    return {
        "by_region": {
            name: {**v, "share_pct": pct(v["cases"], total)}
            for name, v in sorted(regions.items(), key=lambda kv: (-kv[1]["cases"], kv[0]))
        },
        "top_countries": [
            {"code": code, "cases": n, "share_pct": pct(n, total)} for code, n in top
        ],
    }


def compute(conn: Connection, period: Period, home: str) -> dict[str, Any]:
    """Every figure of the report for ``period``, as the JSON contract (a plain dict)."""
    cases, case_countries = _case_figures(conn.execute(cases_statement(period)), period)
    counts = conn.execute(counts_statement(period, home)).mappings().one()
    met: set[str] = set()
    for (codes,) in conn.execute(meeting_countries_statement(period)):
        met.update(codes or [])
    signed = {code for (code,) in conn.execute(agreement_countries_statement(period))}
    partners = (set(case_countries) | met | signed) - {home}
    return {
        "year": period.calendar_year,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "home_country": home,
        "cases": cases,
        "rogatory_letters": {
            "received": counts["letters_received"],
            "executed": counts["letters_executed"],
        },
        "warrants": {"issued": counts["warrants_issued"], "arrests": counts["warrants_arrests"]},
        "notes": {
            key: counts[key]
            for key in (
                "search_notes_national",
                "wanted_notices_regional",
                "cancellations_international",
                "cancellations_regional",
            )
        },
        "extraditions": {
            key: counts[key]
            for key in (
                "surrendered_to_home",
                "previous_surrendered_to_home",
                "surrendered_by_home",
            )
        },
        "diplomacy": {
            "meetings": counts["meetings"],
            "bilateral_meetings": counts["bilateral_meetings"],
            "agreements_signed": counts["agreements_signed"],
            "partner_countries": len(partners),
            "partner_country_codes": sorted(partners),
        },
        "partners": _partners(
            {k: v for k, v in case_countries.items() if k != home}, cases["total"]
        ),
    }


def report(
    period: Period | int, engine: Engine | None = None, home_country: str | None = None
) -> dict[str, Any]:
    """The report for a year or a :class:`Period`, read in one consistent snapshot."""
    if isinstance(period, int):
        period = Period.year(period)
    engine = engine or get_engine()
    home = (home_country or get_settings().home_country).upper()
    # one snapshot; on SQLite a deferred (read-only) transaction, which takes no write lock
    options: dict[str, Any] = {"liaison_readonly": True}
    if is_postgres(engine):
        options = {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as conn:
        try:
            return compute(conn, period, home)
        finally:
            conn.rollback()
