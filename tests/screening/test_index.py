"""The index: blocking finds the right person without comparing every pair, and
add/remove take effect at once (a cancelled notice leaves the next screening)."""

from __future__ import annotations

import pytest

from liaison.screening import DEFAULT_THRESHOLD, Query, ScreeningIndex, WatchlistEntry

ENTRIES = [
    WatchlistEntry("n1", ("Mohamed Ben Ahmed El Amrani", "محمد بن أحمد العمراني"), "1980-04-18",
                   "MA"),
    WatchlistEntry("n2", ("Mohamed El Amrani",), "1961-01-01", "MA"),
    WatchlistEntry("n3", ("Youssef Chraibi",), "1975", "MA"),
    WatchlistEntry("n4", ("Ivan Petrov", "Иван Петров"), "1970-05-05", "RU"),
]


def test_search_ranks_and_explains() -> None:
    index = ScreeningIndex.build(ENTRIES)
    hits = index.search(Query("Muhammad bin Ahmad Al-Amrani", "1980-04-18", "MA"))
    assert [m.entry.id for m in hits] == ["n1"]
    assert hits[0].score >= DEFAULT_THRESHOLD
    assert "exact" in hits[0].explanation.text


def test_arabic_query_finds_latin_record() -> None:
    index = ScreeningIndex.build(ENTRIES)
    hits = index.search(Query("يوسف الشرايبي", "1975-03-03", None))
    assert [m.entry.id for m in hits] == ["n3"]


def test_blocking_does_not_compare_every_pair() -> None:
    index = ScreeningIndex.build(ENTRIES)
    from liaison.screening.dates import parse_date
    from liaison.screening.tokens import tokenize

    cands = index.candidates(tokenize("Ivan Petrov"), parse_date("1970-05-05"))
    assert cands == [3]


def test_add_and_remove_take_effect_at_once() -> None:
    index = ScreeningIndex.build(ENTRIES)
    q = Query("Abdelkader Tazi", "1982-04-22", "DZ")
    assert index.search(q) == []
    index.add(WatchlistEntry("n5", ("Abd el Kader Et-Tazi",), "1982-04-22", "DZ"))
    assert [m.entry.id for m in index.search(q)] == ["n5"]
    assert index.remove("n5") is True
    assert index.search(q) == []
    assert index.remove("n5") is False
    assert len(index) == 4


def test_replacing_an_entry_keeps_one_copy() -> None:
    index = ScreeningIndex.build(ENTRIES)
    index.add(WatchlistEntry("n3", ("Youssef Chraibi",), "1990-01-01", "MA"))
    hits = index.search(Query("Youssef Chraibi", "1990-01-01"), threshold=0.0)
    assert [m.entry.id for m in hits if m.entry.id == "n3"] == ["n3"]
    assert hits[0].entry.birth_date == "1990-01-01"


def test_too_wide_a_block_keeps_the_persons_two_parts_found_strongly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from liaison.screening import index as index_module
    from liaison.screening.dates import parse_date
    from liaison.screening.model import WatchlistEntry
    from liaison.screening.tokens import tokenize

    idx = index_module.ScreeningIndex.build([
        WatchlistEntry("typo", ("Mohamed Amrani",), "1980"),
        WatchlistEntry("exact", ("Mohamed Amrami",), "1980")])
    query = tokenize("Mohamed Amrami"), parse_date("1980")
    assert sorted(idx.records[n].entry.id for n in idx.candidates(*query)) == ["exact", "typo"]
    monkeypatch.setattr(index_module, "WIDE_BLOCK", 0)  # every block counts as too wide
    idx._found.clear()
    assert [idx.records[n].entry.id for n in idx.candidates(*query)] == ["exact"]


@pytest.mark.parametrize(("query", "birth_date", "listed", "listed_birth"), [
    # a consonant mistyped in one part: no skeleton key is shared any more
    ("Gotfhold Walter", "1956", "Gotthold Walter", "1956-05-22"),
    # first letter mistyped, no birth date at all
    ("Nourad Belqasim", None, "Mourad Belkacem", "1980-07-01"),
    # two neighbours swapped
    ("Mihsin Serafim", None, "MISHIN Serafim", "2000-04-06"),
    # both parts one edit off, no birth date
    ("Cristian Tshiekedi", None, "Christian Tshisekedi", "1979-11-23"),
    # two edits in one word
    ("Gamal Youssoj", "1983", "Jamal Youssouf", "1983-09-18"),
    # every part mistyped, the full birth date agrees
    ("Mohahed Ben Jflloun", "1987-03-25", "Mohamed ben Ahmed Ben Jelloun", "1987-03-25"),
])
def test_blocking_finds_mistyped_parts(query: str, birth_date: str | None, listed: str,
                                       listed_birth: str) -> None:
    from liaison.screening.dates import parse_date
    from liaison.screening.tokens import tokenize

    others = [WatchlistEntry(f"o{i}", (name,), "1970-01-01") for i, name in enumerate(
        ("Walter Gottlieb", "Mourad Alaoui", "Serafim Ivanov", "Mohamed Bennani",
         "Christian Kabila", "Jamal Haddad"))]
    built = ScreeningIndex.build([*others, WatchlistEntry("x", (listed,), listed_birth)])
    live = ScreeningIndex.build(others)
    live.add(WatchlistEntry("x", (listed,), listed_birth))  # the desk's live path
    for index in (built, live):
        found = index.candidates(tokenize(query), parse_date(birth_date))
        assert [index.records[n].entry.id for n in found] == ["x"]


def test_after_add_or_remove_a_live_index_answers_like_one_built_anew() -> None:
    """Adding a person can make a word known (Durant): a typo before, another name
    after. The live index must not keep what it worked out before the addition."""
    first = [WatchlistEntry("d1", ("Jean Durand",), "1970-01-01", "FR")]
    query = Query("Jean Durant", "1970-01-01", "FR")
    live = ScreeningIndex.build(first)
    before = live.search(query, threshold=0.0)
    assert [m.entry.id for m in before] == ["d1"]
    newcomer = WatchlistEntry("d2", ("Paul Durant",), "1985-06-06", "BE")
    live.add(newcomer)
    fresh = ScreeningIndex.build([*first, newcomer])
    got = [(m.entry.id, m.score, m.explanation.text) for m in live.search(query, threshold=0.0)]
    want = [(m.entry.id, m.score, m.explanation.text) for m in fresh.search(query, threshold=0.0)]
    assert got == want
    assert got[0][1] < before[0].score  # Durant is now a name someone bears
    # and when Paul Durant's notice is cancelled, Durant is a typo again
    live.remove("d2")
    again = [(m.entry.id, m.score, m.explanation.text) for m in live.search(query, threshold=0.0)]
    anew = [(m.entry.id, m.score, m.explanation.text)
            for m in ScreeningIndex.build(first).search(query, threshold=0.0)]
    assert again == anew
    assert again[0][1] == before[0].score


def test_a_listed_twice_entry_keeps_its_words_known() -> None:
    """The same id twice in a watchlist (the later row wins) and a removal afterwards:
    a word borne by another listed person stays a known name."""
    index = ScreeningIndex.build([
        WatchlistEntry("a", ("Paul Durant",), "1985-06-06"),
        WatchlistEntry("a", ("Paul Durant",), "1985-06-07"),
        WatchlistEntry("b", ("Marc Durant",), "1970-01-01"),
    ])
    index.remove("a")
    assert "durant" in index.known
    index.remove("b")
    assert "durant" not in index.known
