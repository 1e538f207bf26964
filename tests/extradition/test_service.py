"""Extradition files through their service, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from liaison.errors import InvalidTransition, ValidationError
from liaison.extradition import service as extraditions
from liaison.extradition.model import Extradition

from ..notices.factories import OFFICER


def test_stages_dated_and_timed(db_engine: Engine) -> None:
    day = dt.date(2024, 1, 10)
    with transaction(db_engine) as s:
        extraditions.open_extradition(s, OFFICER, ref="EX-1", direction="by_home",
                                      requested_on=day, requesting_country_code="FR")
        steps = [("arrest_provisionally", 2), ("give_court_opinion", 60),
                 ("issue_decree", 30), ("surrender", 15)]
        for action, days in steps:
            day += dt.timedelta(days=days)
            extraditions.perform(s, OFFICER, "EX-1", action, {"on": day})
        timeline = extraditions.timeline(s, OFFICER, "EX-1")
    assert timeline["outcome"] == "surrendered"
    assert [(x["stage"], x["days"]) for x in timeline["stages"]] == [
        ("request", None), ("provisional_arrest", 2), ("court_opinion", 60),
        ("decree", 30), ("surrender", 15)]
    assert timeline["total_days"] == 107


def test_out_of_order_dates_and_stages_are_refused(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        extraditions.open_extradition(s, OFFICER, ref="EX-2", direction="to_home",
                                      requested_on=dt.date(2024, 5, 1))
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        extraditions.perform(s, OFFICER, "EX-2", "arrest_provisionally", {"on": "2024-04-01"})
    with pytest.raises(InvalidTransition), transaction(db_engine) as s:
        extraditions.perform(s, OFFICER, "EX-2", "surrender", {"on": "2024-06-01"})
    with transaction(db_engine) as s:
        ext = s.get(Extradition, "EX-2")
        assert ext is not None and ext.stage == "request" and ext.provisional_arrest_on is None
        extraditions.perform(s, OFFICER, "EX-2", "arrest_provisionally", {"on": "2024-05-02"})
        ext = extraditions.perform(s, OFFICER, "EX-2", "release", {"on": "2024-06-15"})
        assert (ext.stage, ext.outcome) == ("release", "released")
