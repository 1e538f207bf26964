"""The press extractor's pure parts: dates, numbers, page furniture, gazetteer.
No spaCy model is loaded here."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison.ingest.press.clean import clean_page
from liaison.ingest.press.dates import find_dates, header_date, resolve_year
from liaison.ingest.press.gazetteer import (
    AgencyEntry,
    CountryEntry,
    OfficialEntry,
    build_gazetteer,
    default_gazetteer,
)
from liaison.ingest.press.numbers import find_numbers, parse_digits

ARTICLE = date(2024, 11, 22)  # a Friday

# text, article date, expected (start, end, kind, year_source)
DATE_CASES = [
    ("du 24 au 27 novembre 2025", None, ("2025-11-24", "2025-11-27", "range", "text")),
    ("les 6 et 7 décembre 2023", None, ("2023-12-06", "2023-12-07", "pair", "text")),
    ("du 30 septembre au 2 octobre 2025", None, ("2025-09-30", "2025-10-02", "range", "text")),
    # a weekday and no year: the latest such Thursday not after the article
    ("le jeudi 14 décembre", ARTICLE, ("2023-12-14", None, "single", "inferred")),
    ("les lundi 4 et mardi 5 mars", ARTICLE, ("2024-03-04", "2024-03-05", "pair", "inferred")),
    # no weekday: the latest 1 March not after the article
    ("le 1er mars", ARTICLE, ("2024-03-01", None, "single", "inferred")),
    # no article date: the year cannot be known, the date stays partial
    ("le mardi 7 octobre", None, ("--10-07", None, "single", "unknown")),
    ("du 3 au 5 juin", None, ("--06-03", "--06-05", "range", "unknown")),
    ("signé le 24/06/2025", None, ("2025-06-24", None, "single", "text")),
    # a range across a year end, year written once
    ("du 28 décembre au 3 janvier 2026", None, ("2025-12-28", "2026-01-03", "range", "text")),
]


@pytest.mark.parametrize(("text", "article", "expected"), DATE_CASES)
def test_dates(text: str, article: date | None, expected: tuple[str, str | None, str, str]) -> None:
    (match,) = find_dates(text, article)
    data = match.span.to_dict()
    assert (data["start"], data["end"], data["kind"], data["year_source"]) == expected
    assert data["partial"] == expected[0].startswith("--")


def test_a_partial_date_says_so() -> None:
    (match,) = find_dates("le mardi 7 octobre")
    assert match.span.partial
    assert "year unknown" in match.span.to_dict()["note"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 400))
def test_resolved_year_gives_the_weekday_and_is_not_after_the_article(
    day: date, offset: int
) -> None:
    article = date.fromordinal(day.toordinal() + offset)
    year = resolve_year(day.month, day.day, day.weekday(), article)
    assert year is not None
    resolved = date(year, day.month, day.day)
    assert resolved.weekday() == day.weekday()
    assert resolved <= article
    assert resolved >= day  # the latest such date, so never earlier than the true one


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("vendredi, novembre 22, 2024", date(2024, 11, 22)),
        ("Publié le 3 février 2025", date(2025, 2, 3)),
        ("jeudi 6 février 2025", date(2025, 2, 6)),
        ("La réunion du 3 février 2025 a eu lieu à Rabat", None),
    ],
)
def test_header_date(line: str, expected: date | None) -> None:
    assert header_date(line) == expected


NUMBER_CASES = [
    ("6 473 dossiers", [6473]),
    ("2 006 notes et 342 notes", [2006, 342]),
    ("une hausse de 12,5 %", [12.5]),
    ("quarante-trois réunions", [43]),
    ("vingt et un pays", [21]),
    ("2,5 millions de dirhams", [2_500_000]),
    ("1.200.000 euros", [1_200_000]),
    ("une réunion, un accord", []),
]


@pytest.mark.parametrize(("text", "values"), NUMBER_CASES)
def test_numbers(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values


def test_thousands_separators_of_every_kind() -> None:
    assert parse_digits("6 473") == parse_digits("6\u202f473") == parse_digits("6\u00a0473") == 6473


PAGE = """FLASH INFO
Le Japon élit un nouveau Premier ministre
3 000 manifestants à Lima

Accueil | Actualités | Monde | Sport
ArabicEnglishFrench
InternationalNationalSociété
photo_signature_2025.jpeg
IMG 20250312 WA0042
samedi, mars 15, 2025

La police portugaise et la DGSN renforcent leur coopération

Le texte a été signé à Rabat.

**related_articles[512]**
À lire aussi
Le Brésil et l'Argentine signent un accord

Partager : Facebook | Twitter
"""


def test_page_furniture_is_dropped_and_the_dateline_read() -> None:
    page = clean_page(PAGE)
    assert page.paragraphs == [
        "La police portugaise et la DGSN renforcent leur coopération",
        "Le texte a été signé à Rabat.",
    ]
    assert page.article_date == date(2025, 3, 15)
    reasons = {reason for _, reason in page.ignored}
    assert {"headline ticker", "menu", "language switcher", "image file name", "dateline",
            "related articles", "share, credit or byline"} <= reasons  # fmt: skip


def test_an_opening_dateline_is_cut_and_gives_the_article_date() -> None:
    page = clean_page("Rome, le 12 juin 2025 – Le commandant a signé un plan d'action.")
    assert page.article_date == date(2025, 6, 12)
    assert page.paragraphs == ["Le commandant a signé un plan d'action."]


# text, expected ISO codes (names, adjectives, compounds, lists)
COUNTRY_CASES = [
    ("la police norvégienne", ["NO"]),
    ("les polices espagnole, portugaise et marocaine", ["ES", "PT", "MA"]),
    ("la coopération maroco-française", ["MA", "FR"]),
    ("un exercice franco-espagnol", ["FR", "ES"]),
    ("Maroc-Espagne : un accord", ["MA", "ES"]),
    ("le Royaume du Maroc et la République française", ["MA", "FR"]),
    ("la Côte d'Ivoire, les Émirats arabes unis et l'Arabie saoudite", ["CI", "AE", "SA"]),
    ("le FBI américain", ["US"]),
    ("M. Maurice Dupont", []),
    ("un document traduit en espagnol", []),
    ("les pays arabes et africains", []),
    ("l'océan Indien", []),
]


@pytest.mark.parametrize(("text", "codes"), COUNTRY_CASES)
def test_countries(text: str, codes: list[str]) -> None:
    assert [hit.key for hit in default_gazetteer().find_countries(text)] == codes


def test_agencies_by_name_alias_and_acronym() -> None:
    found = [hit.key for hit in default_gazetteer().find_agencies(
        "la DGSI, la police nationale française et la Guardia Civil")]  # fmt: skip
    assert found == [
        "Direction générale de la sécurité intérieure",
        "Direction générale de la police nationale",
        "Guardia Civil",
    ]


def test_gazetteer_fed_from_records() -> None:
    gazetteer = build_gazetteer(
        countries=[CountryEntry("XK", ("Kosova",), ("kosovarde",))],
        agencies=[AgencyEntry("Office central des stupéfiants", ("OCS",), (), "SN")],
        officials=[OfficialEntry("Awa Diallo", "directrice", "Office central des stupéfiants")],
    )
    assert [h.key for h in gazetteer.find_countries("la police kosovarde au Kosova")] == [
        "XK",
        "XK",
    ]
    assert [h.key for h in gazetteer.find_agencies("l'OCS")] == ["Office central des stupéfiants"]
    assert gazetteer.official("Awa Diallo") is not None
    alone = build_gazetteer(agencies=[AgencyEntry("Only", ("ONL",))], include_defaults=False)
    assert [a.name for a in alone.agencies] == ["Only"]
    assert alone.find_countries("la France") == []


@given(st.text(max_size=400))
def test_pure_parts_never_fail_on_any_text(text: str) -> None:
    page = clean_page(text)
    for paragraph in page.paragraphs:
        for match in find_dates(paragraph, ARTICLE):
            assert match.span.to_dict()["start"]
        for number in find_numbers(paragraph):
            assert number.value >= 0
