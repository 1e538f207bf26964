"""From a page's text to an :class:`Extraction`: clean, split, annotate, extract."""

from __future__ import annotations

from datetime import date

from liaison.ingest.press.agreements import find_agreements
from liaison.ingest.press.clean import clean_page
from liaison.ingest.press.distinctions import find_distinctions
from liaison.ingest.press.events import find_events
from liaison.ingest.press.figures import find_figures
from liaison.ingest.press.gazetteer import Gazetteer, default_gazetteer
from liaison.ingest.press.meetings import find_meetings
from liaison.ingest.press.people import build_people, find_mentions
from liaison.ingest.press.result import Country, Extraction
from liaison.ingest.press.sentences import Sentence, build_sentences

_CONFIDENCE = {"name": 0.95, "compound": 0.85, "adjective": 0.85}


def find_countries(sentences: list[Sentence], gazetteer: Gazetteer) -> list[Country]:
    """Each country named, given by adjective or in a compound, once, with every form."""
    countries: dict[str, Country] = {}
    for sentence in sentences:
        for hit in sentence.countries:
            country = countries.get(hit.key)
            if country is None:
                countries[hit.key] = Country(
                    code=hit.key,
                    name=gazetteer.country_name(hit.key),
                    mentions=[hit.surface],
                    via=hit.via,
                    sentence=sentence.text,
                    confidence=_CONFIDENCE[hit.via],
                )
            elif hit.surface not in country.mentions:
                country.mentions.append(hit.surface)
                country.confidence = max(country.confidence, _CONFIDENCE[hit.via])
    return list(countries.values())


def extract(
    text: str, article_date: date | None = None, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Everything the text proposes. ``article_date`` resolves dates written without a
    year; when None, a dateline on the page is used if there is one."""
    gazetteer = gazetteer or default_gazetteer()
    page = clean_page(text)
    when = article_date or page.article_date
    sentences = build_sentences(page.paragraphs, gazetteer, when)
    mentions = find_mentions(sentences, gazetteer)
    people = build_people(sentences, mentions, gazetteer)
    meetings = find_meetings(sentences, mentions, people, gazetteer, page.dateline_place, when)
    return Extraction(
        events=find_events(sentences, gazetteer),
        meetings=meetings,
        agreements=find_agreements(
            sentences, mentions, people, gazetteer, page.dateline_place, meetings
        ),
        people=people,
        countries=find_countries(sentences, gazetteer),
        figures=find_figures(sentences, when),
        distinctions=find_distinctions(sentences, mentions, people),
        article_date=when,
        ignored_lines=[line for line, _ in page.ignored],
    )
