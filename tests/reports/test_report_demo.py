"""On the demo database, the 2023 report gives the office's published 2023 figures
(DEVELOPERS.md), counted from the records by the statistics layer."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from liaison.reports.stats import report
from liaison.security.actor import cli_actor

PUBLISHED_2023 = {
    ("cases", "total"): 6473,
    ("cases", "change_pct"): 12.0,
    ("rogatory_letters", "executed"): 119,
    ("warrants", "issued"): 121,
    ("warrants", "arrests"): 92,
    ("notes", "search_notes_national"): 3280,
    ("notes", "wanted_notices_regional"): 245,
    ("notes", "cancellations_international"): 2006,
    ("notes", "cancellations_regional"): 342,
    ("extraditions", "surrendered_to_home"): 54,
    ("extraditions", "previous_surrendered_to_home"): 69,
    ("extraditions", "surrendered_by_home"): 48,
}
PUBLISHED_SHARES = {
    "information_request": 26.0,
    "illegal_immigration": 15.0,
    "drugs": 13.0,
    "transfer_of_detainees": 9.0,
    "mutual_data_exploitation": 6.0,
}


@pytest.mark.slow
def test_the_demo_gives_the_published_2023_figures(db_engine: Engine) -> None:
    if db_engine.dialect.name != "sqlite":
        pytest.skip("the demo takes a minute to build: once, on SQLite")
    demo = pytest.importorskip("liaison.demo")
    with transaction(db_engine) as session:
        demo.build_demo(session, cli_actor())
    got = report(2023, db_engine, home_country="MA")
    assert {key: got[key[0]][key[1]] for key in PUBLISHED_2023} == PUBLISHED_2023
    shares = {c: got["cases"]["by_category"][c]["share_pct"] for c in PUBLISHED_SHARES}
    assert shares == PUBLISHED_SHARES
