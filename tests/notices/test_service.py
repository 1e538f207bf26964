"""Notices through their service, on SQLite and PostgreSQL: compliance refusals, the
four-eyes rule, cancellation notes, the watchlist, hits."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from liaison.db import transaction
from liaison.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from liaison.extradition.model import Extradition
from liaison.notices import followup
from liaison.notices import service as notices
from liaison.notices.model import Notice
from liaison.screening.watchlist import load_watchlist, register_index, unregister_index
from liaison.security.audit import AuditEntry

from .factories import (
    OFFICER,
    RED_FIELDS,
    SUPERVISOR,
    SUPERVISOR_2,
    TODAY,
    make_person,
    published_notice,
)


def test_red_notice_without_warrant_or_with_future_birth_cannot_be_published(
    db_engine: Engine,
) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1", birth_date="2030-02-01")
        fields = {**RED_FIELDS, "warrant_reference": ""}
        notices.draft_notice(s, OFFICER, "RN-1", person_ref="P-1", **fields)
        notices.perform(s, OFFICER, "RN-1", "submit", today=TODAY)
    with pytest.raises(ValidationError) as err, transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "RN-1", "approve", today=TODAY)
    problems = {(p.field, p.reason.split(":")[0]) for p in err.value.problems}
    assert problems == {("warrant_reference", "warrant"), ("person.birth_date", "birth_date")}
    assert "in the future" in err.value.message and "warrant" in err.value.message
    with transaction(db_engine) as s:
        notice = s.get(Notice, "RN-1")
        assert notice is not None and notice.status == "compliance_review"
        assert notice.approved_by == ""
        with pytest.raises(InvalidTransition) as refused:
            notices.perform(s, SUPERVISOR, "RN-1", "publish", today=TODAY)
        assert refused.value.allowed == [
            "clear_neutrality", "approve", "refuse", "return_to_draft", "withdraw"]


def test_compliance_is_checked_again_at_publication(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        notices.draft_notice(s, OFFICER, "RN-1", person_ref="P-1", **RED_FIELDS)
        notices.perform(s, OFFICER, "RN-1", "submit", today=TODAY)
        notices.perform(s, SUPERVISOR, "RN-1", "approve", today=TODAY)
        s.get(Notice, "RN-1").warrant_reference = ""  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as err, transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "RN-1", "publish", today=TODAY)
    assert [p.field for p in err.value.problems] == ["warrant_reference"]


def test_four_eyes_and_roles(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        notices.draft_notice(s, SUPERVISOR, "RN-1", person_ref="P-1", **RED_FIELDS)
        notices.perform(s, SUPERVISOR, "RN-1", "submit", today=TODAY)
    for actor in (SUPERVISOR, OFFICER):  # the author, then a non-supervisor
        with pytest.raises(PermissionDenied), transaction(db_engine) as s:
            notices.perform(s, actor, "RN-1", "approve", today=TODAY)
    with transaction(db_engine) as s:
        notice = notices.perform(s, SUPERVISOR_2, "RN-1", "approve", today=TODAY)
        assert notice.approved_by == SUPERVISOR_2.username


def test_neutrality_blocks_until_a_supervisor_decides(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        notices.draft_notice(s, OFFICER, "RN-1", person_ref="P-1",
                             **{**RED_FIELDS, "charges": "desertion and theft of weapons"})
        notices.perform(s, OFFICER, "RN-1", "submit", today=TODAY)
    with pytest.raises(ValidationError) as err, transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "RN-1", "approve", today=TODAY)
    assert [p.reason.split(":")[0] for p in err.value.problems] == ["neutrality"]
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "RN-1", "clear_neutrality", today=TODAY)  # no reason
    with transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "RN-1", "clear_neutrality",
                        {"reason": "ordinary-law theft of weapons from a depot"}, today=TODAY)
        notice = notices.perform(s, SUPERVISOR, "RN-1", "approve", today=TODAY)
        assert notice.neutrality_decision == "cleared"
        assert notice.neutrality_decided_by == SUPERVISOR.username
        assert "depot" in notice.neutrality_reason


def test_cancelling_a_warrant_ends_the_search(db_engine: Engine) -> None:
    """The warrant's search note and diffusion are cancelled with it, a cancellation note
    follows each, and the person leaves the next screening run (and the live index)."""
    live = FakeIndex()
    register_index(live)
    try:
        with transaction(db_engine) as s:
            make_person(s, "P-1", name="Mohamed Ben Ahmed El Amrani")
            make_person(s, "P-2", name="Djamel Chraibi")
            published_notice(s, "W-1", "P-1", kind="arrest_warrant", penalty_basis="")
            published_notice(s, "SN-1", "P-1", kind="search_note", derived_from_ref="W-1",
                             scope="national")
            published_notice(s, "DF-1", "P-1", kind="diffusion", derived_from_ref="W-1")
            notices.draft_notice(s, OFFICER, "SN-2", kind="search_note", person_ref="P-1",
                                 derived_from_ref="W-1", charges="fraud")
            published_notice(s, "RN-2", "P-2")
        assert live.ids == {"P-1", "P-2"}
        with transaction(db_engine) as s:
            assert [e.id for e in load_watchlist(s)] == ["P-1", "P-2"]
            assert load_watchlist(s)[0].names == ("Mohamed Ben Ahmed El Amrani",)
        with transaction(db_engine) as s:
            cns = notices.cancel_warrant(s, SUPERVISOR, "W-1", "withdrawn_by_judge", on=TODAY)
            assert sorted(c.cancels_ref or "" for c in cns) == ["DF-1", "SN-1", "W-1"]
        with transaction(db_engine) as s:
            status = dict(s.execute(select(Notice.ref, Notice.status)).all())
            assert status["W-1"] == status["SN-1"] == status["DF-1"] == "cancelled"
            assert status["SN-2"] == "withdrawn"  # never left the office: no note
            assert status["RN-2"] == "published"
            note = s.get(Notice, "SN-1-CN")
            assert note is not None and note.kind == "cancellation"
            assert note.cancellation_reason == "withdrawn_by_judge"
            assert [e.id for e in load_watchlist(s)] == ["P-2"]
            assert s.scalar(select(AuditEntry.seq).where(
                AuditEntry.entity_ref == "DF-1", AuditEntry.action == "approve"))
        assert live.ids == {"P-2"}
    finally:
        unregister_index(live)


def test_a_person_stays_listed_while_another_notice_is_active(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "RN-9", "P-1")
        notices.cancel_warrant(s, SUPERVISOR, "W-1", "duplicate", on=TODAY)
        assert [e.id for e in load_watchlist(s)] == ["P-1"]


def test_cancellation_needs_a_supervisor_and_a_known_reason(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
    with pytest.raises(PermissionDenied), transaction(db_engine) as s:
        notices.perform(s, OFFICER, "W-1", "cancel", {"reason": "arrested"}, today=TODAY)
    with pytest.raises(ValidationError), transaction(db_engine) as s:
        notices.perform(s, SUPERVISOR, "W-1", "cancel", {"reason": "bored"}, today=TODAY)
    with transaction(db_engine) as s:
        assert s.get(Notice, "W-1").status == "published"  # type: ignore[union-attr]
        assert s.get(Notice, "W-1-CN") is None


def test_hit_then_arrest_then_extradition_file(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "RN-1", "P-1", issuing_country_code="ES")
        notices.perform(s, OFFICER, "RN-1", "record_hit",
                        {"source": "border", "query": "YOUSSEF EL AMRANI", "score": 0.97,
                         "place": "Tanger Med"}, today=TODAY)
        [hit] = followup.hits_of(s, OFFICER, "RN-1")
        followup.follow_up(s, OFFICER, hit.id, "inform_issuing_country", today=TODAY)
        followup.follow_up(s, OFFICER, hit.id, "provisional_arrest", today=TODAY)
        hit = followup.follow_up(s, OFFICER, hit.id, "extradition_file", today=TODAY)
        assert [x["step"] for x in hit.steps] == [
            "inform_issuing_country", "provisional_arrest", "extradition_file"]
        notice = s.get(Notice, "RN-1")
        assert notice is not None and notice.status == "arrested" and notice.arrest_on == TODAY
        ext = s.get(Extradition, hit.extradition_ref)
        assert ext is not None and ext.direction == "by_home"
        assert ext.stage == "provisional_arrest" and ext.requesting_country_code == "ES"
        assert [e.id for e in load_watchlist(s)] == []
    with pytest.raises(InvalidTransition), transaction(db_engine) as s:
        followup.follow_up(s, OFFICER, hit.id, "locate", today=TODAY)


class FakeIndex:
    """Stands for the screening engine's live index (same add/remove interface)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def add(self, entry: object) -> None:
        self.ids.add(entry.id)  # type: ignore[attr-defined]

    def remove(self, entry_id: str) -> bool:
        found = entry_id in self.ids
        self.ids.discard(entry_id)
        return found


def test_a_rolled_back_cancellation_leaves_the_live_index_alone(db_engine: Engine) -> None:
    live = FakeIndex()
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
    live.ids.add("P-1")
    register_index(live)
    try:
        with pytest.raises(RuntimeError), transaction(db_engine) as s:
            notices.cancel_warrant(s, SUPERVISOR, "W-1", "arrested", on=TODAY)
            raise RuntimeError("something later failed")
        assert live.ids == {"P-1"}
    finally:
        unregister_index(live)


def test_dates_default_and_review_date(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        notice = published_notice(s, "RN-1", "P-1")
        assert notice.issued_on == TODAY
        assert notice.review_on == dt.date(2029, 12, 1)


def test_confirming_a_screening_match_records_a_hit_on_each_active_notice(
    db_engine: Engine,
) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "RN-1", "P-1")
        hits = followup.confirm_match(s, OFFICER, "P-1", query="YOUSSEF EL AMRANI 1985",
                                      score=0.98, source="desk", today=TODAY)
        assert sorted(h.notice_ref for h in hits) == ["RN-1", "W-1"]
        assert {s.get(Notice, r).status for r in ("RN-1", "W-1")} == {"hit"}  # type: ignore[union-attr]
        with pytest.raises(NotFound):
            followup.confirm_match(s, OFFICER, "P-404")


def test_inconsistencies_of_records_loaded_around_the_workflow(db_engine: Engine) -> None:
    with transaction(db_engine) as s:
        make_person(s, "P-1")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        published_notice(s, "SN-1", "P-1", kind="search_note", derived_from_ref="W-1")
        assert followup.inconsistencies(s) == []
        s.add(Notice(ref="CN-X", kind="cancellation", status="published", cancels_ref="W-1",
                     cancellation_reason="arrested"))
        s.add(Notice(ref="W-2", kind="arrest_warrant", status="published", person_ref="P-1"))
        s.flush()
        s.get(Notice, "W-1").status = "withdrawn"  # type: ignore[union-attr]
        s.add(Notice(ref="CN-Y", kind="cancellation", status="published", cancels_ref="SN-1"))
        s.flush()
        problems = {(p["ref"], p["problem"].split()[0]) for p in followup.inconsistencies(s)}
    assert problems == {("SN-1", "cancelled"), ("SN-1", "still"), ("W-2", "active")}
