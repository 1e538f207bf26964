"""Where something happened: a city after «à», else a country after «au», «en», «à»."""

from __future__ import annotations

import re

from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.result import DateSpan, PartialDate
from liaison.ingest.press.sentences import Sentence

_CITY_AFTER_A = re.compile(r"\bà\s+(?P<city>[A-ZÀ-Ý][\w'-]+(?:[ -](?:[A-ZÀ-Ý][\w'-]+))?)")
_IN_YEAR = re.compile(r"\b(?:en|pour|d'ici)\s+(?P<year>(?:19|20)\d\d)\b")


def city_in(sentence: Sentence, gazetteer: Gazetteer, start: int = 0) -> str | None:
    """The first place written «à Rabat» at or after ``start``: a place for spaCy, a
    country or city-state written with «à» («à Hong Kong», «à Malte»), or at least a
    capitalised word that is no agency or person."""
    places = {e.text for e in sentence.places()}
    candidates = []
    for match in _CITY_AFTER_A.finditer(sentence.text, start):
        city = match.group("city")
        if gazetteer.find_agencies(city):
            continue
        named = gazetteer.find_countries(city)
        if named and named[0].start == 0 and named[0].via == "name":
            return named[0].surface
        if city in places:
            return city
        first = city.split()[0]
        if first in places and not gazetteer.find_countries(first):
            return first
        candidates.append(first)
    for city in candidates:
        if not gazetteer.find_countries(city):
            if not any(p.label == "PER" and city in p.text for p in sentence.entities):
                return city
    return None


def country_place(sentence: Sentence, start: int = 0) -> str | None:
    """«au Maroc», «en France», «accueil par le Royaume du Maroc» → the ISO code."""
    for hit in sentence.countries:
        if hit.start < start or hit.via != "name":
            continue
        before = sentence.text[: hit.start]
        if re.search(r"(?:\bau|\baux|\ben|\bà|\bpar le|\bpar la|\bpar l')\s*$", before):
            return hit.key
    return None


def year_only(sentence: Sentence, start: int = 0) -> DateSpan | None:
    match = _IN_YEAR.search(sentence.text, start)
    if not match:
        return None
    return DateSpan(PartialDate(int(match.group("year"))), text=match.group(0))
