"""Roles in apposition to a name: «X, directeur général de la Y» and «le directeur
général de la Y, M. X». A role gives a title, an organisation (resolved against the
gazetteer's agencies where possible) and a country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.sentences import Sentence

_HEADS = (
    "vice-président|vice-présidente|lieutenant-colonel|contrôleur général|sous-directeur"
    "|sous-directrice|directeur|directrice"
    "|présidente|président|secrétaire|ministre|ambassadeur|ambassadrice|cheffe|chef"
    "|commissaire"
    "|préfet|procureur|procureure|juge|colonel|commandant|consul|conseillère|conseiller"
    "|déléguée|délégué|attachée|attaché|officière|officier|patronne|patron|haute? fonctionnaire"
    "|haute? responsable|responsable|homologue|représentante|représentant|coordinatrice"
    "|coordinateur|porte-parole|wali|gouverneur|inspectrice|inspecteur|contrôleur|général"
)
_QUALIFIERS = (
    r"général|générale|généraux|adjoint|adjointe|central|centrale|principal|principale"
    r"|par intérim|de liaison|d'État|exécutif|exécutive|national|nationale|divisionnaire"
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
_COORDINATION = re.compile(r"^(?:et|ou|ainsi que|tandis que)\b", re.IGNORECASE)
_TITLE_START = re.compile(r"^(?:M\.|Mme|Mlle|Monsieur|Madame)\s")
_DELEGATION = re.compile(
    r"délégation\s+(?:de la|de l'|du|des)\s*(?P<org>[^,]+),\s*(?:conduite|dirigée|menée)"
    r"\s+par\s+(?:le|la|l')?\s*[^,]*$",
    re.IGNORECASE,
)
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


def _agency(phrase: str, title: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """The agency a complement names, unless it says another country's («la sûreté
    nationale mauritanienne» is not Morocco's Sûreté nationale)."""
    hits = gazetteer.find_agencies(phrase)
    if not hits and title.lower().startswith(("directeur général", "directrice générale")):
        hits = gazetteer.find_agencies("Direction générale " + phrase)
    named = {hit.key for hit in gazetteer.find_countries(phrase)}
    for hit in hits:
        agency = gazetteer.agency(hit.key)
        country = agency.country if agency else None
        if not named or country in named or (country is None and not hit.via == "agency"):
            return hit.key, country
    return None


def _organisation(rest: str, title: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(organisation, country) of the complement «de la Police nationale française»."""
    phrase = _LOCATION_TAIL.sub("", rest.strip())
    agency = _agency(phrase, title, gazetteer)
    if agency:
        return agency
    countries = gazetteer.find_countries(rest)
    country = countries[0].key if countries else None
    name = _LEADING.sub("", phrase).strip()
    if not name or (countries and len(name.split()) <= 2):
        return None, country
    return name, country


def _role_in(segment: str, gazetteer: Gazetteer, *, anchored_end: bool) -> Role | None:
    matches = list(ROLE.finditer(segment))
    if anchored_end:  # the title nearest the name: «le commissaire X et le commissaire principal»
        matches.reverse()
    for match in matches:
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


def _after(text: str, gazetteer: Gazetteer) -> tuple[list[Role], str | None]:
    """Roles in the apposition after a name, and an organisation given alone
    («X, de la Gendarmerie nationale, …»)."""
    roles: list[Role] = []
    organisation = None
    if not text.lstrip().startswith(","):
        return roles, None
    segments = [seg.strip() for seg in re.split(r"[,;]", text.lstrip()[1:])]
    for number, segment in enumerate(segments[:2]):
        following = segments[number + 1] if number + 1 < len(segments) else ""
        if _COORDINATION.match(segment) or _TITLE_START.match(following):
            break  # «…, et le directeur de …, M. Y» introduces the next person
        role = _role_in(segment, gazetteer, anchored_end=False)
        if role:
            roles.append(Role(role.title, role.organisation, role.country, role.rank + 2))
        elif re.match(r"(?:de la|de l'|du|des|d')\s*", segment):
            found = _agency(segment, "", gazetteer)
            organisation = organisation or (found[0] if found else None)
        else:
            break  # the apposition has ended («…, a reçu à Lyon Mme Y, directrice…»)
    return roles, organisation


def _before(text: str, gazetteer: Gazetteer) -> list[Role]:
    """«le directeur général de la Y, [le général] M. X»: the function may stand one
    segment before a bare grade."""
    before = re.sub(r"(?:M\.|Mme|Monsieur|Madame|Mlle)\s*$", "", text).rstrip()
    before = before.rstrip(",").rstrip()
    segments = re.split(r"[,;(]", before)
    roles = []
    role = _role_in(segments[-1], gazetteer, anchored_end=True)
    if role:
        roles.append(role)
    last = segments[-1].strip()
    if len(segments) > 1 and len(last.split()) <= 3 and not _VERB.search(last):
        if _COORDINATION.match(last):
            return roles
        earlier = _role_in(segments[-2], gazetteer, anchored_end=True)
        if earlier:  # «… et le directeur général de la Y, le général X»
            roles.append(earlier)
    delegation = _DELEGATION.search(before)
    if delegation:
        found = _agency(delegation.group("org"), "", gazetteer)
        title = roles[0].title if roles else ""
        org = found[0] if found else delegation.group("org").strip()
        roles.append(Role(title, org, found[1] if found else None, 0))
    return roles


def role_of(sentence: Sentence, start: int, end: int, gazetteer: Gazetteer) -> Role | None:
    """The best role written next to the name at ``start:end`` in ``sentence``."""
    found, organisation = _after(sentence.text[end:], gazetteer)
    found += _before(sentence.text[:start], gazetteer)
    titled = [r for r in found if r.title]
    if not titled:
        return None
    best = max(titled, key=lambda r: r.rank)
    if best.organisation is None:
        organisation = organisation or next((r.organisation for r in found if r.organisation), None)
        country = best.country or next((r.country for r in found if r.country), None)
        best = Role(best.title, organisation, country, best.rank)
    return best
