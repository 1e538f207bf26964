"""End to end: cancelling a warrant takes its person out of the next screening run,
with the real screening engine (index built from ``load_watchlist``, and a live index
kept in step)."""

from __future__ import annotations

from sqlalchemy import Engine

from liaison.db import transaction
from liaison.notices import service as notices
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import Query
from liaison.screening.watchlist import load_watchlist, register_index, unregister_index

from .factories import SUPERVISOR, TODAY, make_person, published_notice

QUERY = Query(name="Mohamed ben Ahmed El Amrani", birth_date="1985-03-14", nationality="MA")


def _screen(engine: Engine) -> list[str]:
    with transaction(engine) as s:
        index = ScreeningIndex.build(load_watchlist(s))
    return [m.entry.id for m in index.search(QUERY)]


def test_cancelled_warrant_leaves_the_next_screening_run(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani",
                    arabic="محمد بن أحمد العمراني")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "SN-1", "P-1", kind="search_note", derived_from_ref="W-1",
                         scope="national")
    assert _screen(db_engine) == ["P-1"]
    with transaction(db_engine) as s:
        live = ScreeningIndex.build(load_watchlist(s))
    register_index(live)
    try:
        assert [m.entry.id for m in live.search(QUERY)] == ["P-1"]
        with transaction(db_engine) as s:
            notices.cancel_warrant(s, SUPERVISOR, "W-1", "withdrawn_by_judge", on=TODAY)
        assert _screen(db_engine) == []
        assert live.search(QUERY) == []
    finally:
        unregister_index(live)
