"""A query that names a crowd of namesakes equally, with a birth date that tells none of
them apart, is ambiguous: its matches fall under the default threshold and say why."""

from __future__ import annotations

from liaison.screening import DEFAULT_THRESHOLD, Query, ScreeningIndex, WatchlistEntry

NAMESAKES = [
    WatchlistEntry(f"W{i}", ("Mohamed Alaoui",), f"1980-0{i}-1{i}", "MA") for i in range(1, 6)
]


def test_year_only_query_on_a_crowd_of_namesakes_is_ambiguous() -> None:
    index = ScreeningIndex.build(NAMESAKES)
    q = Query("Mohamed Alaoui", "1980", "MA")
    assert index.search(q) == []
    every = index.search(q, threshold=0.0)
    assert len(every) == 5
    for m in every:
        assert m.score < DEFAULT_THRESHOLD
        assert "ambiguous: 5 listed persons match equally" in m.explanation.text


def test_a_full_birth_date_still_singles_out_one_namesake() -> None:
    index = ScreeningIndex.build(NAMESAKES)
    hits = index.search(Query("Mohamed Alaoui", "1980-03-13", "MA"))
    assert [m.entry.id for m in hits] == ["W3"]
    assert "ambiguous" not in hits[0].explanation.text


def test_two_namesakes_are_not_a_crowd() -> None:
    index = ScreeningIndex.build(NAMESAKES[:2])
    hits = index.search(Query("Mohamed Alaoui", "1980", "MA"))
    assert sorted(m.entry.id for m in hits) == ["W1", "W2"]
    assert all("ambiguous" not in m.explanation.text for m in hits)


def test_the_threshold_asked_for_does_not_change_the_verdict() -> None:
    index = ScreeningIndex.build(NAMESAKES)
    q = Query("Mohamed Alaoui", "1980", "MA")
    low = {m.entry.id: m.score for m in index.search(q, threshold=0.0)}
    assert index.search(q, threshold=0.95) == []
    assert all(s < DEFAULT_THRESHOLD for s in low.values())


def test_a_birth_date_agreeing_in_full_stands_out_of_the_crowd() -> None:
    listed = [WatchlistEntry(f"Y{i}", ("Mohamed Alaoui",), "1980", "MA") for i in range(3)]
    listed.append(WatchlistEntry("F1", ("Mohamed Alaoui",), "1980-03-13", "MA"))
    index = ScreeningIndex.build(listed)
    q = Query("Mohamed Alaoui", "1980-03-13", "MA")
    assert [m.entry.id for m in index.search(q)] == ["F1"]
    held = [m for m in index.search(q, threshold=0.0) if m.entry.id.startswith("Y")]
    assert len(held) == 3
    assert all("ambiguous: 3 listed persons" in m.explanation.text for m in held)
