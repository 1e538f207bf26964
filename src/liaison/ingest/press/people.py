"""People: who is named, with their role, organisation and country.

Candidates come from spaCy's PER entities, from titles («M.», «Mme») and from the
gazetteer's known officials; job titles, agencies and capitalised headlines read as
persons are rejected, a surname alone is resolved to the full name given elsewhere in
the text, and hyphenated names are kept whole. The role is read from the apposition
around a mention («X, directeur général de la Y» or «le directeur général de la Y, M. X»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.result import Person
from liaison.ingest.press.roles import rank_of, role_of
from liaison.ingest.press.sentences import Sentence

_NAME_WORD = r"[A-ZÀ-Ý][\w'’-]*"
_PARTICLE = r"(?:de|du|des|da|dos|van|von|el|El|al|Al|ben|Ben|bin|ould|Ould|ibn|Ibn|le|la)"
_TITLED = re.compile(
    rf"\b(?:M\.|Mme|Mlle|Dr|Pr|Monsieur|Madame|Me|(?:le|la|du|au)\s+(?i:"
    rf"(?:lieutenant-|vice-|contre-)?(?:général|amiral)(?:[ -]major|\s+de\s+(?:division|brigade"
    rf"|corps d'armée)|\s+d'armée)?|colonel|colonel-major|inspecteur général|inspectrice générale"
    rf"|lieutenant-colonel|commandant|commissaire(?:\s+(?:divisionnaire|principal))?"
    rf"|contrôleur général|capitaine|préfet))\s+"
    rf"(?P<name>(?:(?:de|du|d'|van|von|da)\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}})"
)
_TITLES = re.compile(
    r"^(?:(?:M\.|Mme|Mlle|Dr\.?|Pr\.?|Me|Monsieur|Madame|S\.E\.|Son Excellence|le|la)\s+"
    r"|l')+"
)
#: words that are never part of a person's name (roles, institutions, headline words)
NOT_NAME_WORDS = {
    "directeur", "directrice", "président", "présidente", "ministre", "ambassadeur",
    "ambassadrice", "commissaire", "secrétaire", "chef", "patron", "général", "générale",
    "colonel", "préfet", "procureur", "juge", "conseiller", "responsable", "délégué",
    "officier", "police", "sûreté", "sécurité", "direction", "royaume", "république",
    "plan", "action", "légion", "honneur", "interpol", "dg", "dgsn", "dgst", "dgsi",
    "assemblée", "conférence", "coopération", "bureau", "office", "agence", "service",
    "services", "gendarmerie", "garde", "ministère", "national", "nationale", "sa", "son",
    "majesté", "roi", "prince", "communiqué", "signature", "visite", "rencontre", "bilan",
    "flash", "infos", "maroc", "france", "capitaine", "lieutenant", "commandant", "wali",
}  # fmt: skip


_LEADING_PARTICLES = {"de", "du", "d'", "van", "von", "da"}


@dataclass
class Mention:
    sentence: int
    start: int
    end: int
    name: str
    titled: bool


_HONORIFIC = re.compile(
    r"^(?:Cheikh|Cheikha|Sheikh|Sheikha|Cheick)\s+(?=(?:\S+\s+)+(?:bin|ben|ibn|Al-\w))"
)


def _clean_name(surface: str) -> str:
    name = _TITLES.sub("", surface.strip()).strip(' ,.;:()«»"')
    # «Cheikh Fahad bin Nasser Al-Marri»: an honorific before an Arabic name with its
    # filiation, not the first name it is in «Cheikh Diop»
    name = _HONORIFIC.sub("", name)
    return re.sub(r"\s+", " ", name)


def _acceptable(name: str, gazetteer: Gazetteer) -> bool:
    words = name.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in name):
        return False
    if not words[0][:1].isupper() and not (len(words) > 1 and words[0] in _LEADING_PARTICLES):
        return False
    if any(w.lower().strip("'’") in NOT_NAME_WORDS for w in words):
        return False
    if len(words) > 1 and all(w.isupper() for w in words):  # an all-capitals headline
        return False
    return not gazetteer.find_countries(name) and not gazetteer.find_agencies(name)


#: a place noun just before a name: «au poste frontalier de», «la ville de», «le port d'»
_PLACE_BEFORE = re.compile(
    r"\b(?:poste|point|passage)(?: frontalier| frontière| de passage)? d(?:e |')$"
    r"|\b(?:ville|commune|région|province|préfecture|wilaya|gouvernorat|port|aéroport|camp"
    r"|quartier|localité|village|île) d(?:e |')$",
    re.IGNORECASE,
)


def _candidates(sentence: Sentence, gazetteer: Gazetteer) -> list[Mention]:
    spans: list[tuple[int, int, bool]] = []
    for match in _TITLED.finditer(sentence.text):
        spans.append((match.start("name"), match.end("name"), True))
    for hit in gazetteer.find_officials(sentence.text):
        spans.append((hit.start, hit.end, False))
    for entity in sentence.persons_ner():
        spans.append((entity.start, entity.end, False))
    spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    mentions: list[Mention] = []
    for start, end, titled in spans:
        if any(start < m.end and m.start < end for m in mentions):
            continue
        name = _clean_name(sentence.text[start:end])
        if not titled and _PLACE_BEFORE.search(sentence.text[max(0, start - 40) : start]):
            continue  # «au poste frontalier de Ras Jedir»: a place spaCy took for a person
        if name and _acceptable(name, gazetteer):
            offset = sentence.text.find(name, start)
            mentions.append(Mention(sentence.index, offset, offset + len(name), name, titled))
    return mentions


def find_mentions(sentences: list[Sentence], gazetteer: Gazetteer) -> list[Mention]:
    """Person mentions, each with its full (canonical) name."""
    mentions = [m for s in sentences for m in _candidates(s, gazetteer)]
    full = [m.name for m in mentions if len(m.name.split()) > 1]
    full += [o.name for o in gazetteer.officials]
    resolved: list[Mention] = []
    for mention in mentions:
        canonical = _canonical(mention.name, full)
        if canonical is None and not mention.titled:
            continue  # a lone word spaCy took for a person, never named in full
        mention.name = canonical or mention.name
        resolved.append(mention)
    resolved = _add_surnames(sentences, resolved, gazetteer)
    used = {m.name for m in resolved}
    for mention in resolved:  # «Naser Al-Raisi» → «Ahmed Naser Al-Raisi» when both occur
        longer = [n for n in used if n != mention.name and n.endswith(" " + mention.name)]
        if longer:
            mention.name = max(longer, key=len)
    return resolved


#: «le ministre Beridze», «le général Diallo»: a surname after a role noun
_AFTER_ROLE = re.compile(r"\b(?:le|la|l')\s*(?:[a-zé-]+\s+){0,2}$")


def _add_surnames(
    sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """A person named in full before, then by the surname alone after a role noun
    («M. Giorgi Beridze … avec le ministre Beridze»): a mention of that person."""
    found = list(mentions)
    for sentence in sentences:
        earlier = {m.name for m in found if m.sentence < sentence.index and len(m.name.split()) > 1}
        by_surname: dict[str, list[str]] = {}
        for name in earlier:
            by_surname.setdefault(name.split()[-1], []).append(name)
        for surname, names in by_surname.items():
            if len(names) != 1 or len(surname) < 3 or not _acceptable(surname, gazetteer):
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", sentence.text):
                if any(m.sentence == sentence.index and m.start <= match.start() < m.end
                       for m in found):  # fmt: skip
                    continue
                if not _AFTER_ROLE.search(sentence.text[max(0, match.start() - 40) : match.start()]):
                    continue
                found.append(Mention(sentence.index, match.start(), match.end(), names[0], True))
    return sorted(found, key=lambda m: (m.sentence, m.start))


def _canonical(name: str, full_names: list[str]) -> str | None:
    if len(name.split()) > 1:
        return name
    matches = [f for f in full_names if f.split()[-1] == name or f.endswith("-" + name)]
    return max(matches, key=full_names.count) if matches else None


def build_people(
    sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer
) -> list[Person]:
    """One person per canonical name, with the best role found in any mention."""
    people: dict[str, Person] = {}
    for mention in mentions:
        sentence = sentences[mention.sentence]
        role = role_of(sentence, mention.start, mention.end, gazetteer)
        person = people.get(mention.name)
        if person is None:
            official = gazetteer.official(mention.name)
            person = Person(
                name=mention.name,
                role=official.role if official else None,
                organisation=official.organisation if official else None,
                country=official.country if official else None,
                sentence=sentence.text,
                confidence=0.95 if official else 0.8 if len(mention.name.split()) > 1 else 0.6,
            )
            people[mention.name] = person
        if role and (person.role is None or role.rank > rank_of(person.role)):
            person.role, person.sentence = role.title, sentence.text
            person.organisation = role.organisation or person.organisation
            person.country = role.country or person.country
            person.confidence = max(person.confidence, 0.9)
    return list(people.values())
