"""The press extractor on the project's own sample texts (written for these tests, in
the register of official communiqués and news pages, with their clutter): one test per
kind of proposal, and none taken from page furniture."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.ingest.press import KINDS, Extraction, extract
from liaison.ingest.press.nlp import load_pipeline


@pytest.fixture(scope="session", autouse=True)
def _model() -> None:
    """Load the spaCy model once for the whole session (it is cached per process)."""
    load_pipeline()


MEETING = """mercredi, octobre 15, 2025
FLASH INFO | Le Kenya accueille un sommet sur le climat | Séisme en Indonésie : 40 morts

Accueil | International | Sécurité

Le directeur de fedpol en visite de travail à Rabat

M. Lukas Brunner, directeur de l'Office fédéral de la police (fedpol), a tenu trois séances de \
travail avec M. Hicham Berrada, directeur de la police judiciaire à la DGSN, les lundi 13 et \
mardi 14 octobre à Rabat.

Les entretiens ont porté sur le blanchiment d'argent et sur la coopération policière \
maroco-suisse.

brunner_rabat_2025.jpg
"""

AGREEMENT = """Accueil | Communiqués | Contact

Un mémorandum d'entente avec la police nationale sénégalaise

La Direction générale de la sûreté nationale et la Police nationale sénégalaise ont signé, le \
vendredi 7 mars 2025 à Dakar, un mémorandum d'entente relatif à la formation des enquêteurs \
spécialisés dans la traite des êtres humains.

Ce mémorandum prévoit l'échange de 40 stagiaires par an.

À lire aussi
La Gambie et la Guinée renforcent leurs contrôles
"""

EVENT = """EN CONTINU
Le Mexique accueille la finale de la Coupe d'or

Agadir accueille le 12e Forum mondial sur la sécurité des frontières

Le 12e Forum mondial sur la sécurité des frontières se tiendra du 2 au 4 février 2026 à \
Agadir. Cette édition réunira des experts de soixante pays.
"""

PEOPLE = """À LA UNE | Le chanteur Paolo Conti en concert à Casablanca

Le président d'INTERPOL, Ahmed Naser Al-Raisi, a reçu à Lyon Mme Aïcha Ben-Salah, directrice \
de la coopération internationale de la Garde nationale tunisienne.

Mme Ben-Salah a présenté le bilan de son service.
"""

FIGURES = """Bilan 2024 de l'unité de lutte contre la cybercriminalité

L'unité a traité 3 912 signalements, en hausse de 9 % par rapport à 2023. Les escroqueries en \
ligne représentent 41 %, les atteintes aux mineurs 17 %. Vingt-deux enquêtes ont abouti à des \
arrestations, contre 15 en 2023.

Les deux services ont salué ces résultats.
"""

DISTINCTION = """Paris, le 5 avril 2025 – Le commissaire divisionnaire Karima Tahiri a été faite \
Chevalier de la Légion d'honneur le vendredi 4 avril 2025. Les insignes lui ont été remis par \
M. Paul Mercier, directeur général de la police nationale.
"""


def test_meeting_with_count_pair_of_days_weekday_years_and_participants() -> None:
    result = extract(MEETING)
    assert result.article_date == date(2025, 10, 15)
    (meeting,) = result.meetings
    assert [d.start.iso() for d in meeting.dates] == ["2025-10-13", "2025-10-14"]
    assert all(d.year_source == "inferred" for d in meeting.dates)
    assert meeting.count == 3
    assert meeting.place == "Rabat"
    assert meeting.kind == "bilateral"
    assert [p.name for p in meeting.participants] == ["Lukas Brunner", "Hicham Berrada"]
    assert meeting.participants[0].organisation == "Office fédéral de la police"
    assert meeting.participants[1].country == "MA"
    assert meeting.countries == ["CH", "MA"]
    assert "séances de travail" in meeting.sentence
    assert 0 < meeting.confidence <= 1


def test_agreement_kind_parties_date_place_subject_once() -> None:
    (agreement,) = extract(AGREEMENT).agreements
    assert agreement.kind == "memorandum_of_understanding"
    assert agreement.date is not None and agreement.date.start.iso() == "2025-03-07"
    assert agreement.place == "Dakar"
    assert agreement.parties == [
        "Direction générale de la sûreté nationale",
        "Police nationale sénégalaise",
    ]
    assert agreement.countries == ["MA", "SN"]
    assert agreement.subject == (
        "la formation des enquêteurs spécialisés dans la traite des êtres humains"
    )


def test_event_with_range_and_place() -> None:
    (event,) = extract(EVENT).events
    assert event.name == "12e Forum mondial sur la sécurité des frontières"
    assert event.kind == "forum"
    assert event.place == "Agadir"
    assert event.dates is not None
    assert (event.dates.start.iso(), event.dates.end and event.dates.end.iso()) == (
        "2026-02-02",
        "2026-02-04",
    )


def test_people_hyphenated_names_roles_and_organisations() -> None:
    people = {p.name: p for p in extract(PEOPLE).people}
    assert set(people) == {"Ahmed Naser Al-Raisi", "Aïcha Ben-Salah"}  # not the ticker's singer
    assert people["Ahmed Naser Al-Raisi"].role == "président"
    assert people["Ahmed Naser Al-Raisi"].organisation == (
        "Organisation internationale de police criminelle"
    )
    salah = people["Aïcha Ben-Salah"]
    assert (salah.role, salah.organisation, salah.country) == (
        "directrice",
        "Garde nationale tunisienne",
        "TN",
    )


def test_figures_with_separators_words_shares_changes_and_years() -> None:
    figures = extract(FIGURES).figures
    assert [(f.value, f.unit, f.year) for f in figures] == [
        (3912, "signalements", 2024),
        (41, "%", 2024),
        (17, "%", 2024),
        (22, "enquêtes", 2024),  # «Vingt-deux», in words
        (15, "enquêtes", 2023),  # «contre 15 en 2023»
    ]  # «Les deux services» is no figure
    signals, online, _, cases, _ = figures
    assert signals.change is not None
    assert (signals.change.direction, signals.change.value, signals.change.unit) == (
        "increase",
        9,
        "%",
    )
    assert signals.change.reference_year == 2023
    assert online.counts == "escroqueries en ligne"
    assert cases.change is not None
    assert (cases.change.direction, cases.change.reference_value) == ("increase", 15)


def test_distinction_recipient_and_giver_from_the_next_sentence() -> None:
    result = extract(DISTINCTION)
    (distinction,) = result.distinctions
    assert distinction.name == "Chevalier de la Légion d'honneur"
    assert distinction.recipient == "Karima Tahiri"
    assert distinction.awarded_by == "Paul Mercier"
    assert distinction.country == "FR"
    assert distinction.date is not None and distinction.date.start.iso() == "2025-04-04"


@pytest.mark.parametrize(
    ("text", "wanted"),
    [(MEETING, {"CH", "MA"}), (AGREEMENT, {"SN"}), (EVENT, set()), (PEOPLE, {"TN"})],
)
def test_countries_never_from_tickers_or_related_articles(text: str, wanted: set[str]) -> None:
    assert {c.code for c in extract(text).countries} == wanted


def test_nothing_is_read_from_page_furniture() -> None:
    result = extract(MEETING)
    assert not {"KE", "ID"} & {c.code for c in result.countries}
    assert 40 not in [f.value for f in result.figures]
    assert "brunner_rabat_2025.jpg" in result.ignored_lines


def test_json_has_exactly_the_seven_kinds() -> None:
    data = json.loads(extract(AGREEMENT).to_json())
    assert list(data) == list(KINDS) == [
        "events", "meetings", "agreements", "people", "countries", "figures", "distinctions",
    ]  # fmt: skip
    (agreement,) = data["agreements"]
    assert agreement["date"]["start"] == "2025-03-07"
    assert agreement["sentence"].startswith("La Direction générale")


def test_empty_text_gives_an_empty_extraction() -> None:
    assert extract("") == Extraction()


def test_explicit_article_date_resolves_years() -> None:
    text = "M. Jean Dupuis a rencontré M. Ali Benali le jeudi 14 décembre à Rabat."
    (meeting,) = extract(text, article_date=date(2024, 11, 22)).meetings
    assert meeting.dates[0].start.iso() == "2023-12-14"
    (partial,) = extract(text).meetings
    assert partial.dates[0].partial
    assert partial.dates[0].to_dict()["start"] == "--12-14"


def test_an_extraction_survives_its_dict_form() -> None:
    for text in (MEETING, AGREEMENT, EVENT, PEOPLE, FIGURES, DISTINCTION):
        result = extract(text)
        rebuilt = Extraction.from_dict(result.to_dict())
        assert rebuilt.to_dict() == result.to_dict()


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(KeyError, match="unknown field"):
        Extraction.from_dict({"people": [{"name": "X", "rank": "colonel"}]})


FRAGMENTS = st.sampled_from([
    "M. Jean Dupuis", "a rencontré", "le jeudi 14 décembre", "du 3 au 5 juin 2025", "à Rabat",
    "un mémorandum d'entente", "signé", "6 473 dossiers", "en hausse de 12 %", "contre 54",
    "la police norvégienne", "FLASH INFO", "img_01.jpg", "À lire aussi", "\n", ", ", ". ",
    "quarante-trois réunions", "les 6 et 7 décembre", "Légion d'honneur", "remis par",
])  # fmt: skip


@given(st.lists(FRAGMENTS, max_size=25))
@settings(max_examples=40, deadline=None)
def test_extract_never_fails_on_shuffled_communique_fragments(parts: list[str]) -> None:
    result = extract(" ".join(parts))
    assert set(json.loads(result.to_json())) == set(KINDS)
