"""The scorer, case by case: each row gives a query, a listed person, the expected
band (``hit`` at or above the default threshold, ``no`` below it) and words the
explanation must contain, so a reader sees the behaviour and the reason together."""

from __future__ import annotations

import pytest

from liaison.screening import DEFAULT_THRESHOLD, Query, WatchlistEntry, score_pair

W = WatchlistEntry
CASES = [
    # --- Latin / Arabic script -----------------------------------------------------
    ("Mohamed El Amrani", "1980-04-18", "MA",
     W("w", ("Muhammad Al-Amrani",), "1980-04-18", "MA"), "hit", ["dictionary", "exact"]),
    ("محمد العمراني", "1980-04-18", None,
     W("w", ("Mohamed El Amrani",), "1980-04-18", "MA"), "hit", ["dictionary"]),
    ("يوسف الشرايبي", "1975", None,
     W("w", ("Youssef Chraibi",), "1975-02-03", "MA"), "hit", ["شرايبي=chraibi"]),
    ("عمر الغربي", "1975", None,
     W("w", ("Omar Gharbi",), "1975-02-03", "MA"), "hit", ["script (same consonants)"]),
    ("Youcef Ouazzani", "1990-01-02", "DZ",
     W("w", ("Yusuf Wazzani",), "1990-01-02", "DZ"), "hit", ["ouazzani=wazzani (exact)"]),
    ("Gamal Chraibi", "1970-06-01", "EG",
     W("w", ("Djamel Chraibi",), "1970-06-01", "EG"), "hit", ["dictionary"]),
    # --- prefixes, articles, connectors ------------------------------------------
    ("Ahmed Benali", "1966-02-15", "MA",
     W("w", ("Ahmed Ben Ali",), "1966-02-15", "MA"), "hit", ["ben ali", "exact"]),
    ("Ahmed Ibn Ali", "1966-02-15", "MA",
     W("w", ("Ahmed Ben-Ali",), "1966-02-15", "MA"), "hit", ["exact"]),
    ("Karim Essaidi", "1966-02-15", None,
     W("w", ("Karim Es-Saidi",), "1966-02-15", "MA"), "hit", ["exact"]),
    ("Ahmed Ben Ali", "1966-02-15", "MA",
     W("w", ("Ahmed Abou Ali",), "1966-02-15", "MA"), "no", ["ben ali≠abu ali (exact, ben≠abu)"]),
    ("Hen-Mohamed Sameera", "1976-03-09", "BE",
     W("w", ("Sameera Bin Muhammad",), "1976-03-09", "BE"), "hit", ["hen read as ben"]),
    ("Bi Aly Fatimah", "1956-05-04", None,
     W("w", ("Bin Ali Fatimah",), "1956-05-04", "EG"), "hit",
     ["bi read as ben", "ben aly=ben ali"]),
    ("Mustapha Ablou Ahmed", "1999", "MA",
     W("w", ("Mustapha Abou Ahmed",), "1999", "MA"), "hit", ["ablou read as abu"]),
    ("Hen Mohamed Sameera", "1976-03-09", "BE",
     W("w", ("Sameera Bin Ahmed",), "1976-03-09", "BE"), "no", ["a name part differs"]),
    # --- compounds -----------------------------------------------------------------
    ("Abd el Kader Tazi", "1982-04-22", "DZ",
     W("w", ("Abdelkader Et-Tazi",), "1982-04-22", "DZ"), "hit", ["abdkader"]),
    ("Abdul Qadir Tazi", "1982-04-22", None,
     W("w", ("Abdelkader Tazi",), "1982-04-22", "DZ"), "hit", ["dictionary"]),
    ("Noureddine Filali", "1982", "MA",
     W("w", ("Nour Eddine El Filali",), "1982-04-22", "MA"), "hit", ["nourdin"]),
    # --- patronymics and word order --------------------------------------------------
    ("Mohamed Benali", "1971-02-16", "MA",
     W("w", ("Mohamed ben Ahmed Benali",), "1971-02-16", "MA"), "hit", ["listed only: ben ahmed"]),
    ("Benali Mohamed", "1971-02-16", None,
     W("w", ("Mohamed Benali",), "1971-02-16", "MA"), "hit", ["exact"]),
    ("Youssef Ben Youcef", "1966", "DZ",
     W("w", ("Youssef ben Youssef Omar",), "1965-04-01", "MA"), "no", ["omar"]),
    # --- a family name at one end says which way the name is written -----------------
    ("Mohamed Al Tazi", "1997-04-08", "MA",
     W("w", ("El Tazi Rachid Mohamed",), "1996-04-08", "MA"), "no",
     ["listed only: rachid", "a given or family name is missing"]),
    ("Rachid Tazi", "1997", "MA",
     W("w", ("El Tazi Rachid Mohamed",), "1997-04-08", "MA"), "hit", ["listed only: mohamed"]),
    ("Youcef Mohamed", "2001-02-17", "MA",
     W("w", ("Youssef Mohamed Benjaouad",), "2001", "MA"), "no",
     ["a given or family name is missing"]),
    ("Franco Alfredo", "1980", "MX",
     W("w", ("Alfredo Franco Benavides",), "1980-01-02", "MX"), "hit",
     ["listed only: benavides"]),
    # --- namesakes: same name, another birth date -------------------------------------
    ("Mohamed Alaoui", "1984-03-02", "MA",
     W("w", ("Mohamed Alaoui",), "1979-07-15", "MA"), "no", ["birth date different"]),
    ("Mohamed Alaoui", "1984-03-02", "MA",
     W("w", ("Mohamed Alaoui",), "1984-07-15", "MA"), "no", ["birth date different"]),
    ("Mohamed Alaoui", "1984-02-03", "MA",
     W("w", ("Mohamed Alaoui",), "1984-03-02", "MA"), "hit", ["birth date swapped"]),
    ("Mohamed Alaoui", "1985-03-02", None,
     W("w", ("Mohamed Alaoui",), "1984-03-02", "MA"), "hit", ["year±1 (same day)"]),
    ("Mohamed Alaoui", "1984", None,
     W("w", ("Mohamed Alaoui",), "1984-03-02", "MA"), "hit", ["birth date year"]),
    # --- a year one apart carries only a name spelt alike in every part ---------------
    ("Mohamed Alaoui", "1985", "MA",
     W("w", ("Mohamed Alaoui",), "1984-03-02", "MA"), "hit", ["birth date year±1 (-0.04)"]),
    ("Omar Bensly", "1960-03-24", "MA",
     W("w", ("Omar Benali",), "1961", "MA"), "no", ["typo (1 edit)", "birth date year±1 (-0.14)"]),
    ("Omar Bensly", "1960-03-24", "MA",
     W("w", ("Omar Benali",), "1960", "MA"), "hit", ["typo (1 edit)", "birth date year (-0.02)"]),
    # --- different real names, typos ---------------------------------------------------
    ("Said Bennani", "1990-05-05", "MA",
     W("w", ("Saad Bennani",), "1990-05-05", "MA"), "no", ["different names (dictionary)"]),
    ("Mahmoud Tazi", "1990-05-05", "MA",
     W("w", ("Mohamed Tazi",), "1990-05-05", "MA"), "no", ["different names"]),
    ("Khalid Berrada", "1990-05-05", "MA",
     W("w", ("Karim Berrada",), "1990-05-05", "MA"), "no", ["a name part differs"]),
    ("Mohamed Berrasa", "1990-05-05", "MA",
     W("w", ("Mohamed Berrada",), "1990-05-05", "MA"), "hit", ["typo (1 edit)"]),
    ("Mohamed Berrada", "1990-05-05", "MA",
     W("w", ("Mohamed Berrada",), None, "MA"), "hit", ["birth date unknown"]),
    ("Qangari Mamadou", "1981-07-19", None,
     W("w", ("Mamadou Sangaré",), "1981-07-19", None), "hit", ["qangari=sangare (typo (2 edits))"]),
    ("Qangari Mamadou", "1981", None,
     W("w", ("Mamadou Sangaré",), "1981-07-19", None), "no", ["typo (2 edits)"]),
    ("Omar Youce", "1987-07-09", "TN",
     W("w", ("Omar Youssef",), "1987-07-09", "TN"), "hit", ["youce=youssef (garbled"]),
    ("Omar Youce", "1987", "TN",
     W("w", ("Omar Youssef",), "1987-07-09", "TN"), "no", ["garbled"]),
    ("Mohmaed Bensaid", "1967-03-25", "TN",
     W("w", ("Ben Said Ahmad",), "1967-03-25", "TN"), "no",
     ["mohmaed≠ahmad (typo of another name)"]),
    ("Rashida Bentt Said Hmed", "1991-10-25", "DZ",
     W("w", ("Rachida bent Said Hmed",), "1991-10-25", "DZ"), "hit", ["ben said=ben said (exact)"]),
    ("Theophile Ogdrigues", "1997-06-04", None,
     W("w", ("Théophile Rodrigues",), "1997-06-04", "FR"), "hit", ["typo (2 edits)"]),
    ("Theophile Ogdrigues", None, None,
     W("w", ("Théophile Rodrigues",), "1997-06-04", "FR"), "no", ["typo (2 edits)"]),
    ("David Rivera", None, "CO",
     W("w", ("David Rojas Rivera",), "1965-02-28", "CO"), "no", ["listed only: rojas",
                                                                "birth date unknown (-0.18)"]),
    ("David Rivera", "1965-02-28", "CO",
     W("w", ("David Rojas Rivera",), "1965-02-28", "CO"), "hit", ["listed only: rojas"]),
    ("Cristian Baca", "1983-02-03", "MX",
     W("w", ("Cristian Baca Ulibarri",), "1983-02-03", "MX"), "hit", ["listed only: ulibarri"]),
    ("Mhamed Laarbi", "1995-08-25", None,
     W("w", ("Muhammed Al-Arabi",), "1995-08-25", "DZ"), "hit", ["laarbi=arabi (dictionary)"]),
    # --- two family names (Central Africa): the second may go, not the first -------
    ("Blaise Kabila", "1966", "CD",
     W("w", ("Blaise Kabila Tshibanda",), "1966-01-17", "CD"), "hit", ["listed only: tshibanda"]),
    ("Désiré Biya", "1999", "CD",
     W("w", ("Désiré KALONJI BIYA",), "2000-06-22", "CD"), "no",
     ["the first of two family names is on one side only"]),
    ("Joseph Ilunga Kabila", "2005", "CD",
     W("w", ("Joseph Kabila",), "2005-03-13", "CD"), "no",
     ["query only: ilunga", "the first of two family names"]),
    # --- nationality: decisive only when the birth date proves little --------------
    ("Umar Yusuf", None, "NG",
     W("w", ("Omar Youssef",), "1960-04-09", "TN"), "no", ["nationality different (-0.10)"]),
    ("Umar Yusuf", "1960-04-09", "NG",
     W("w", ("Omar Youssef",), "1960-04-09", "TN"), "hit", ["nationality different (-0.03)"]),
    ("Julius Cammel", None, "US",
     W("w", ("Julius Cammel",), "2003-03-06", "NL"), "hit", ["nationality different (-0.03)"]),
    ("Alberto Bustos", None, "MX",
     W("w", ("Alberto Bustos Zambrano",), "2001-07-26", "MX"), "hit", ["listed only: zambrano"]),
    # --- a word the dictionary knows whole is not read as article + look-alike --------
    ("Mohamed El Alaoui", "1995-09-22", None,
     W("w", ("Mohamed Ali",), "1996", "DZ"), "no", ["different names (dictionary)"]),
    ("Etienne Lefort", None, "BE",
     W("w", ("Etienne Hugues Lefort",), "1973-05-13", "FR"), "no",
     ["listed only: hugues", "nationality different (-0.10)"]),
    # --- a French final -e is a woman's form outside the Arabic-world dictionary -------
    ("Leone Gaillard", "2000", "FR",
     W("w", ("Léon Gaillard",), "2000-12-16", "FR"), "no", ["leone=leon (known name, 1 edit)"]),
    ("Leone Gaillard", "2000-12-16", "FR",
     W("w", ("Léon Gaillard",), "2000-12-16", "FR"), "hit", ["leone=leon (known name, 1 edit)"]),
    ("Amine Tazi", "1987", "MA",
     W("w", ("Amin Tazi",), "1987-07-09", "MA"), "hit", ["amine=amin (exact)"]),
    # --- West Africa, Cyrillic ------------------------------------------------------
    ("Bakary Tarawally", "1962-12-12", "GM",
     W("w", ("Bakary Traoré",), "1962-12-12", "ML"), "hit", ["dictionary"]),
    ("Abubakar Diallo", "1962-12-12", None,
     W("w", ("Boubacar Diallo",), "1962-12-12", "GN"), "hit", ["abubakar=boubacar"]),
    ("Evgenii Smirnov", "1962-12-12", "RU",
     W("w", ("Yevgeniy Smirnov",), "1962-12-12", "RU"), "hit", ["exact"]),
    ("Les Deriazhnii", None, "UA",
     W("w", ("Les Avgustinovich Deryazhniy",), "1983-01-19", "UA"), "hit",
     ["listed only: avgustinovich", "birth date unknown (-0.06)"]),
    ("Belyayev Evstafii Filatovlch", None, "RU",
     W("w", ("Yevstafiy Filatovich Belyayev",), "1959-04-14", "RU"), "hit", ["exact"]),
    ("Joseph Kiprotich Kabila", "1979-06-08", None,
     W("w", ("Joseph Kabila Kabilla",), "1979-06-08", "CG"), "no", ["kiprotich"]),
    ("Ell Tahiiri Abd al-Qadir", "1981-04-05", "MA",
     W("w", ("Abdelkader El Tahiri",), "1981-04-05", "MA"), "hit", ["ell read as an article"]),
    ("Евгений Смирнов", "1962-12-12", "RU",
     W("w", ("Yevgeniy Smirnov",), "1962-12-12", "RU"), "hit", ["exact"]),
]


@pytest.mark.parametrize(("name", "dob", "nat", "entry", "band", "words"), CASES)
def test_score_band_and_explanation(name: str, dob: str | None, nat: str | None,
                                    entry: WatchlistEntry, band: str, words: list[str]) -> None:
    m = score_pair(Query(name, dob, nat), entry)
    text = m.explanation.text
    assert (m.score >= DEFAULT_THRESHOLD) is (band == "hit"), f"{m.score}: {text}"
    for w in words:
        assert w in text, text
    assert 0.0 <= m.score <= 1.0
    assert m.explanation.algorithm.startswith("liaison-screen/")


def test_explanation_is_data() -> None:
    m = score_pair(Query("Mohamed El Amrani", "1980-04-18", "MA"),
                   W("w", ("Muhammad Al-Amrani",), "1980-04-18", "MA"))
    d = m.explanation.to_dict()
    assert d["birth_date"] == "exact" and d["nationality"] == "same"
    assert {p["how"] for p in d["parts"]} == {"dictionary", "exact"}


def test_one_syllable_names_a_vowel_apart_are_two_names() -> None:
    """Duong and Dung (Vietnamese) are two names the watchlist knows: the vowel is the
    name, so a year of birth does not carry them; a full date that agrees does."""
    from liaison.screening import ScreeningIndex

    index = ScreeningIndex.build([W("a", ("Dung Mai",), "1988-04-02", "VN"),
                                  W("b", ("Duong Tran",), "1960-01-01", "VN")])
    assert index.search(Query("Duong Mai", "1988", "VN")) == []
    hit = index.search(Query("Duong Mai", "1988-04-02", "VN"))
    assert [m.entry.id for m in hit] == ["a"]
    assert "duong=dung (known name, vowels differ)" in hit[0].explanation.text


def test_two_known_names_one_letter_apart_need_more_than_a_year() -> None:
    """Aubert and Robert are both listed names: with a year of birth only, Henri Aubert
    is not Henri Robert; the pair counts like a part on one side only."""
    from liaison.screening import ScreeningIndex

    index = ScreeningIndex.build([W("a", ("Henri Robert",), "1971", "FR"),
                                  W("b", ("Paul Aubert",), "1950-01-01", "FR")])
    assert index.search(Query("Henri Aubert", "1971", "FR")) == []
    low = index.search(Query("Henri Aubert", "1971", "FR"), threshold=0.5)
    assert "aubert=robert (known name, 1 edit)" in low[0].explanation.text


def test_a_known_name_one_letter_away_needs_the_birth_date() -> None:
    """Eduard and Eduardo are both names the watchlist knows: one letter apart they may
    be one person's two spellings or two people; the full birth date decides."""
    from liaison.screening import ScreeningIndex

    index = ScreeningIndex.build([W("a", ("Eduardo Triana",), "1971-08-06", "CO"),
                                  W("b", ("Eduard Petit",), "1960-01-01", "FR")])
    hit = index.search(Query("Eduard Triana", "1971-08-06", "CO"))
    assert [m.entry.id for m in hit] == ["a"]
    assert "eduard=eduardo (known name, 1 edit)" in hit[0].explanation.text
    assert index.search(Query("Eduard Triana", None, "CO")) == []
