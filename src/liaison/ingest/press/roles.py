"""Roles in apposition to a name: «X, directeur général de la Y» and «le directeur
général de la Y, M. X». A role gives a title, an organisation (resolved against the
gazetteer's agencies where possible) and a country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.sentences import Sentence

_HEADS = (
    "vice-président|vice-présidente|sous-directeur|sous-directrice|directeur|directrice"
    "|présidente|président|secrétaire|ministre|ambassadeur|ambassadrice|chef|commissaire"
    "|préfet|procureur|procureure|juge|colonel|commandant|consul|conseillère|conseiller"
    "|déléguée|délégué|attachée|attaché|officier|patronne|patron|haute? fonctionnaire"
    "|haute? responsable|responsable|homologue|représentante|représentant|coordinatrice"
    "|coordinateur|porte-parole|wali|gouverneur|inspectrice|inspecteur|contrôleur|général"
)
_QUALIFIERS = (
    r"général|générale|généraux|adjoint|adjointe|central|centrale|principal|principale"
    r"|par intérim|de liaison|d'État|exécutif|exécutive"
)
ROLE = re.compile(
    rf"\b(?P<title>(?:{_HEADS})\b(?:\s+(?:{_QUALIFIERS})\b)*)"
    r"(?P<rest>\s+(?:de la|de l'|du|des|d')\s*[^,;.()]+)?",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:a|ont|est|sont|était|avait|été|reçu|reçoit|accueilli|rencontré|avec|par"
    r"|entre|lors|selon|pour)\b",
    re.IGNORECASE,
)
_LOCATION_TAIL = re.compile(r"\s+(?:en|au|aux|à)\s+[A-ZÀ-Ý][\w'-]*(?:\s+[\w'-]+)?$")
_LEADING = re.compile(r"^(?:\s*(?:le|la|l'|les|de la|de l'|du|des|d')\s*)", re.IGNORECASE)
_RANKS = {"homologue": 1, "responsable": 2, "représentant": 2, "fonctionnaire": 2,
          "patron": 3, "général": 3}  # fmt: skip


@dataclass(frozen=True)
class Role:
    title: str
    organisation: str | None
    country: str | None
    rank: int


def rank_of(title: str) -> int:
    words = title.lower().split()
    if not words:
        return 0
    base = _RANKS.get(words[-1] if words[0] in {"haut", "haute"} else words[0].rstrip("e"), 5)
    base = _RANKS.get(words[0], base)
    return base + (1 if len(words) > 1 and words[1].startswith("général") else 0)


def _organisation(rest: str, title: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(organisation, country) of the complement «de la Police nationale française»."""
    phrase = _LOCATION_TAIL.sub("", rest.strip())
    hits = gazetteer.find_agencies(phrase)
    if not hits and title.lower().startswith(("directeur général", "directrice générale")):
        hits = gazetteer.find_agencies("Direction générale " + phrase)
    if hits:
        agency = gazetteer.agency(hits[0].key)
        return hits[0].key, agency.country if agency else None
    countries = gazetteer.find_countries(rest)
    country = countries[0].key if countries else None
    name = _LEADING.sub("", phrase).strip()
    if not name or (countries and len(name.split()) <= 3):
        return None, country
    return name, country


def _role_in(segment: str, gazetteer: Gazetteer, *, anchored_end: bool) -> Role | None:
    for match in ROLE.finditer(segment):
        lead = segment[: match.start()]
        phrase = segment[match.start() :]
        if anchored_end and _VERB.search(phrase):
            continue
        if not anchored_end and (len(lead.split()) > 2 or _VERB.search(lead)):
            continue
        title = match.group("title").lower()
        organisation, country = _organisation(match.group("rest") or "", title, gazetteer)
        if country is None:
            found = gazetteer.find_countries(phrase)
            country = found[0].key if found else None
        return Role(title, organisation, country, rank_of(title))
    return None


def role_of(sentence: Sentence, start: int, end: int, gazetteer: Gazetteer) -> Role | None:
    """The best role written next to the name at ``start:end`` in ``sentence``."""
    text = sentence.text
    found: list[Role] = []
    after = text[end:]
    if after.lstrip().startswith(","):
        for segment in re.split(r"\s*[,;]\s*", after.lstrip()[1:])[:2]:
            role = _role_in(segment, gazetteer, anchored_end=False)
            if role:
                found.append(role)
    before = re.sub(r"(?:M\.|Mme|Monsieur|Madame|Mlle)\s*$", "", text[:start]).rstrip()
    before = before.rstrip(",").rstrip()
    segment = re.split(r"[,;(]", before)[-1]
    role = _role_in(segment, gazetteer, anchored_end=True)
    if role:
        found.append(role)
    return max(found, key=lambda r: r.rank) if found else None
