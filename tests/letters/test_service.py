"""Rogatory letters through their service, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from liaison.db import transaction
from liaison.errors import InvalidTransition, ValidationError
from liaison.letters import service as letters
from liaison.letters.model import RogatoryLetter

from ..notices.factories import OFFICER, TODAY


def test_letter_life_and_reminders(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        letters.receive_letter(s, OFFICER, ref="CRI-1", subject="hearing of a witness",
                               received_on=TODAY - dt.timedelta(days=100),
                               requesting_country_code="FR")
        letters.perform(s, OFFICER, "CRI-1", "register",
                        {"on": TODAY - dt.timedelta(days=95)}, today=TODAY)
        letters.perform(s, OFFICER, "CRI-1", "send_for_execution",
                        {"to": "Juge d'instruction, Rabat"}, today=TODAY)
        due = letters.due_reminders(s, OFFICER, TODAY)
        assert [(d["ref"], d["days_left"], d["overdue"]) for d in due] == [("CRI-1", -5, True)]
        letters.perform(s, OFFICER, "CRI-1", "remind", today=TODAY)
        assert letters.due_reminders(s, OFFICER, TODAY) == []
        letters.perform(s, OFFICER, "CRI-1", "record_partial_execution",
                        {"note": "the witness could not be found"}, today=TODAY)
        letter = letters.perform(s, OFFICER, "CRI-1", "return_results", today=TODAY)
        assert (letter.status, letter.reminder_count, letter.returned_on) == (
            "returned", 1, TODAY)


def test_refusal_needs_a_reason_and_nothing_changes(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        letters.receive_letter(s, OFFICER, ref="CRI-2", received_on=TODAY)
        letters.perform(s, OFFICER, "CRI-2", "register", today=TODAY)
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        letters.perform(s, OFFICER, "CRI-2", "refuse", today=TODAY)
    with pytest.raises(InvalidTransition) as err, transaction(db_engine) as s:
        letters.perform(s, OFFICER, "CRI-2", "return_results", today=TODAY)
    assert err.value.allowed == ["send_for_execution", "refuse"]
    with transaction(db_engine) as s:
        letter = s.get(RogatoryLetter, "CRI-2")
        assert letter is not None and letter.status == "registered"
        assert letter.due_on == TODAY + dt.timedelta(days=90)
