"""Distinctions awarded: «les insignes d'Officier de la Légion d'honneur», a Wissam, a
medal; who received it, who awarded it, and the awarding country."""

from __future__ import annotations

import re

from liaison.ingest.press.people import Mention
from liaison.ingest.press.result import Distinction, Person
from liaison.ingest.press.sentences import Sentence

_GRADE = r"(?:Grand[- ]Officier|Grand-Croix|Grand Cordon|Commandeur|Officier|Chevalier)"
_NAME = re.compile(
    rf"(?P<name>(?:{_GRADE}\s+(?:de la |de l'|du |des |dans l'ordre d[eu] )?)?"
    r"(?:Légion d'[Hh]onneur"
    rf"|[Oo]rdre (?:national )?(?:du|de la|de l'|des|de(?!\s+{_GRADE}))\s+[A-ZÀ-Ý][\w'-]*"
    r"(?:\s+[A-ZÀ-Ý][\w'-]*)?"
    # «l'ordre du Mérite de la République italienne»: the state it belongs to
    r"(?:\s+(?:de la|de l'|du|des)\s*[A-ZÀ-Ý][\w'-]*(?:\s+(?!par\b|au\b|à\b)[a-zé]+)?)?"
    r"|Wissam(?:\s+(?:Al|Al-|El|de l'|du|d')?\s*[A-ZÀ-Ý][\w'-]*){1,3}"
    r"|[Mm]édaille (?:d'(?:or|argent|honneur)|(?:de la |de l'|du |des |d')\s*(?!par\b)[\w'-]+)"
    # «la médaille d'honneur de la police congolaise»: what it is of, then an adjective
    r"(?:\s+(?:de la|de l'|du|des|de)\s*(?!par\b)[\w'-]+"
    r"|\s+(?!par\b|à\b|lors\b|pour\b|en\b|au\b|le\b|la\b|qui\b|de\b)[\w'-]+){0,4}"
    r"|[Pp]rix [A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*)*"
    r"|[Mm]érite [a-zé]+(?:\s+[a-zé]+)?))",
)
_AWARD = re.compile(
    r"\b(?:remis|remise|remettant|remet|décorée?s?|décernée?s?|attribuée?s?|conférée?s?"
    r"|a conféré|confère"
    r"|élevée?s? (?:au rang|au grade|à la dignité)|distinguée?s?|a reçu"
    r"|s'est vu (?:remettre|décerner)"
    r"|insignes|honorée?s?|distinction|décoration|récompensée?s?"
    r"|a été (?:faite?|nommée?|promue?))\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\b(?:(?:a|ont) été (?:décoré|distingué|élevé|honoré|récompensé|fait|nommé|promu)e?s?"
    r"|a reçu|ont reçu|s'est vu|se sont vu|se voit|recevant)\b",
    re.IGNORECASE,
)
_COUNTRY_OF = {"légion d'honneur": "FR", "ordre national du mérite": "FR", "wissam": "MA"}


def _roles(sentence: Sentence, names: list[Mention]) -> tuple[list[str], str | None]:
    """(recipients, giver) among the people named in the sentence."""
    text = sentence.text
    by = next((m for m in names if re.search(r"\bpar\s+(?:M\.|Mme)?\s*$", text[: m.start])),
              None)  # fmt: skip
    others = [m for m in names if m is not by]
    passive = _PASSIVE.search(text)
    if passive and others and others[0].start < passive.start():
        recipients = [m.name for m in others if m.start < passive.start()]
        giver = by.name if by else next((m.name for m in others if m.start > passive.end()), None)
        return recipients, giver
    if by is not None:
        return [m.name for m in others[:1]], by.name
    if len(names) >= 2:
        return [names[1].name], names[0].name
    return [m.name for m in names[:1]], None


def _country(name: str, giver: str | None, sentence: Sentence,
             people: dict[str, Person]) -> str | None:  # fmt: skip
    for key, code in _COUNTRY_OF.items():
        if key in name.lower():
            return code
    if giver and giver in people and people[giver].country:
        return people[giver].country
    return sentence.countries[0].key if sentence.countries else None


def _complete(distinction: Distinction, sentence: Sentence, names: list[Mention],
              people: dict[str, Person]) -> None:  # fmt: skip
    """«Les insignes lui ont été remis par M. X»: the giver, one sentence later."""
    if distinction.awarded_by is not None:
        return
    by = next((m for m in names if re.search(r"\bpar\s+(?:M\.|Mme)?\s*$",
                                               sentence.text[: m.start])), None)  # fmt: skip
    if by is None:
        by = next((m for m in names if m.name != distinction.recipient), None)
    if by is not None:
        distinction.awarded_by = by.name
        distinction.country = distinction.country or _country(
            distinction.name, by.name, sentence, people
        )


def find_distinctions(
    sentences: list[Sentence], mentions: list[Mention], people: list[Person]
) -> list[Distinction]:
    by_name = {p.name: p for p in people}
    found: list[Distinction] = []
    last_batch: list[Distinction] = []
    last_sentence = -2
    for sentence in sentences:
        if not _AWARD.search(sentence.text):
            continue
        names = [m for m in mentions if m.sentence == sentence.index]
        names = list({m.name: m for m in reversed(names)}.values())[::-1]
        if not _NAME.search(sentence.text):
            if sentence.index - last_sentence <= 1:
                for distinction in last_batch:
                    _complete(distinction, sentence, names, by_name)
            continue
        last_sentence = sentence.index
        batch = len(found)
        for match in _NAME.finditer(sentence.text):
            name = match.group("name").strip()
            recipients, giver = _roles(sentence, names)
            candidates: list[str | None] = list(recipients) or [None]
            for recipient in candidates:
                if any(d.name.lower() == name.lower() and d.recipient == recipient for d in found):
                    continue
                found.append(_distinction(name, recipient, giver, sentence, by_name))
        last_batch = found[batch:]
    return found


def _distinction(name: str, recipient: str | None, giver: str | None, sentence: Sentence,
                 people: dict[str, Person]) -> Distinction:  # fmt: skip
    return Distinction(
        name=name,
        recipient=recipient,
        awarded_by=giver,
        country=_country(name, giver, sentence, people),
        date=sentence.dates[0].span if sentence.dates else None,
        sentence=sentence.text,
        confidence=0.9 if recipient else 0.6,
    )
