"""The report's figures, counted from records with known counts, on both databases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine

from liaison.errors import ValidationError
from liaison.reports.period import Period
from liaison.reports.stats import change_pct, pct, report


def test_every_key_of_the_contract(records: Engine, expected_2023: dict[str, Any]) -> None:
    got = report(2023, records, home_country="MA")
    for section, expected in expected_2023.items():
        if isinstance(expected, dict):
            for key, value in expected.items():
                assert got[section][key] == value, f"{section}.{key}"
        else:
            assert got[section] == expected, section


def test_extra_keys(records: Engine) -> None:
    got = report(2023, records, home_country="MA")
    assert list(got["cases"]["by_category"]) == ["drugs", "terrorism", "uncategorised"]
    assert got["cases"]["by_direction"] == {"incoming": 2, "outgoing": 2}
    assert [(t["year"], t["total"]) for t in got["cases"]["trend"]] == [
        (2019, 1), (2020, 0), (2021, 0), (2022, 2), (2023, 4)
    ]
    assert got["diplomacy"]["partner_country_codes"] == ["DZ", "ES", "FR", "SN", "TN"]
    assert got["partners"]["by_region"] == {
        "europe": {"cases": 3, "countries": 2, "share_pct": 75.0},
        "arab": {"cases": 1, "countries": 1, "share_pct": 25.0},
    }
    assert got["partners"]["top_countries"][0] == {"code": "ES", "cases": 2, "share_pct": 50.0}
    assert got["period"] == {"start": "2023-01-01", "end": "2023-12-31"}


@pytest.mark.parametrize(
    ("year", "total", "previous", "change"),
    [
        (2024, 1, 4, -75.0),
        (2020, 0, 1, -100.0),
        (2021, 0, 0, None),  # nothing to compare with
        (2019, 1, 1, 0.0),
    ],
)
def test_change_on_previous_year(
    records: Engine, year: int, total: int, previous: int, change: float | None
) -> None:
    cases = report(year, records, home_country="MA")["cases"]
    got = (cases["total"], cases["previous_total"], cases["change_pct"])
    assert got == (total, previous, change)


def test_an_empty_year_is_all_zeros(db_engine: Engine) -> None:
    got = report(2023, db_engine, home_country="MA")
    assert got["cases"] == {**got["cases"], "total": 0, "change_pct": None, "by_category": {}}
    assert got["warrants"] == {"issued": 0, "arrests": 0}
    assert got["diplomacy"]["partner_countries"] == 0


def test_any_date_range(records: Engine) -> None:
    got = report(Period(dt.date(2023, 6, 1), dt.date(2023, 12, 31)), records, home_country="MA")
    assert got["year"] is None
    assert got["cases"]["total"] == 2  # 1 June (no category) and 31 December
    assert got["cases"]["previous_total"] == 1  # 31 December 2022
    assert got["warrants"] == {"issued": 2, "arrests": 1}  # 7 July, 31 Dec; arrest 8 Aug
    assert got["rogatory_letters"] == {"received": 1, "executed": 0}


def test_the_home_country_decides_whose_warrants_count(records: Engine) -> None:
    got: dict[str, Any] = report(2023, records, home_country="FR")
    assert got["warrants"] == {"issued": 1, "arrests": 1}
    assert "MA" in got["diplomacy"]["partner_country_codes"]
    assert "FR" not in got["diplomacy"]["partner_country_codes"]


def test_periods() -> None:
    assert Period.year(2024).calendar_year == 2024
    leap = Period(dt.date(2024, 2, 29), dt.date(2024, 3, 31))
    assert leap.previous == Period(dt.date(2023, 2, 28), dt.date(2023, 3, 31))
    assert [p.label for p in Period.year(2023).trend(3)] == ["2021", "2022", "2023"]
    with pytest.raises(ValidationError):
        Period(dt.date(2023, 2, 1), dt.date(2023, 1, 1))
    with pytest.raises(ValidationError):
        Period(dt.date(1, 1, 1), dt.date(2023, 1, 1))  # no trend before year 1
    with pytest.raises(ValidationError):
        Period.year(10000)


@pytest.mark.parametrize(
    ("part", "whole", "share"), [(1, 3, 33.3), (2, 3, 66.7), (0, 0, 0.0), (6473, 6473, 100.0)]
)
def test_shares_have_one_decimal(part: int, whole: int, share: float) -> None:
    assert pct(part, whole) == share


def test_change_pct() -> None:
    assert change_pct(6473, 5780) == 12.0
    assert change_pct(1, 0) is None


def test_the_report_indexes_exist_as_declared(db_engine: Engine) -> None:
    from sqlalchemy import inspect

    from liaison.reports.indexes import REPORT_INDEXES

    found = {
        ix["name"]: list(ix["column_names"])
        for table in ("case_file", "notice", "rogatory_letter", "extradition")
        for ix in inspect(db_engine).get_indexes(table)
    }
    for name, columns in REPORT_INDEXES.items():
        assert found.get(name) == columns, name
