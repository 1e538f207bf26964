"""Events: named gatherings (a General Assembly, a conference, a summit, an exercise)
with their place and dates. A demonstrative mention («cette session») refers back to an
event already found and adds nothing new."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from liaison.ingest.press.dates import DateMatch, find_month_years
from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.numbers import SMALL_COUNTS
from liaison.ingest.press.places import city_in, country_place, year_only
from liaison.ingest.press.result import DateSpan, Event, PartialDate
from liaison.ingest.press.sentences import Sentence

KINDS = {
    "assemblée générale": "general_assembly", "conférence": "conference",
    "congrès": "congress", "sommet": "summit", "forum": "forum", "colloque": "symposium",
    "symposium": "symposium", "séminaire": "seminar", "salon": "exhibition",
    "exercice": "exercise", "atelier": "workshop", "session": "session",
    "réunion ministérielle": "ministerial_meeting", "jeux": "sports_event",
    "coupe": "sports_event", "championnat": "sports_event", "réunion": "joint_commission",
}  # fmt: skip
_ORDINAL = r"(?:\d+(?:e|è|ème|eme|ᵉ)|première|premier|deuxième|troisième)"
_TRIGGER = re.compile(
    rf"(?P<det>\b(?:la|le|les|l'|une|un|du|de la|des|cette|ce|cet|ces|même)\s+)?"
    rf"(?P<name>(?:(?P<ord>{_ORDINAL})\s+)?(?:édition\s+d[eu]\s+(?:la\s+|l')?|session\s+de\s+l')?"
    r"(?P<kind>Assemblée générale|[Cc]onférence|[Cc]ongrès|[Ss]ommet|[Ff]orum|[Cc]olloque"
    r"|[Ss]ymposium|[Ss]éminaire|[Ss]alon|[Ee]xercice|[Aa]telier|[Ss]ession"
    r"|[Rr]éunion ministérielle|Jeux|Coupe|[Cc]hampionnat"
    # «la 5e réunion de la commission mixte», «la 3e session du comité»: a numbered
    # meeting of a standing body, or of a standing group («la 10e réunion des directeurs
    # des départements d'enquêtes criminelles», «la 4e réunion des ministres»)
    r"|(?<=\d[eè] )[Rr]éunion"
    r"(?=(?: \w+)? d[eu] (?:la |l')?(?:[Cc]ommission|[Cc]omité|[Cc]onseil)| des \w+s\b))\b"
    r"(?P<rest>[^,;.:()«»]*))"
)
#: where the name of an event stops: a verb, a place, a date, a relative clause
_NAME_END = re.compile(
    r"\s(?:qui|que|à|au|aux|en|les|le \d|du \d|se|s'\w+|a|ont|est|sera|seront|sont|prévue?s?"
    r"|organisée?s?|tenue?s?|accueille|accueillera|réunit|réunira|aura|avait|porte|portera"
    r"|y|avec|dans|sous|pour|lors|depuis|ponctuée?|consacrée?|dont|où)(?=\s|$)",
)
#: how an event's name goes on after its head word
_COMPLEMENT = re.compile(
    r"^\s*(?:$|de\b|des\b|du\b|d'|sur\b|consacrée?|dédiée?|[A-ZÀ-Ý0-9]|international"
    r"|internationale|régional|régionale|ordinaire|extraordinaire|annuel|annuelle|conjoint"
    r"|ministérielle|mondial|mondiale|africain|africaine|européen|européenne|arabe"
    r"|[\w-]+-\w+"
    # an adjective of any kind: «francophone», «méditerranéen», «parlementaire»
    r"|\w+(?:phone|aire|ien|ienne|ique|al|ale|el|elle|ain|aine|ais|aise|éen|éenne)s?\b)"
)
_VENUE = re.compile(r"\b(?:palais|centre|salle|parc|hôtel)\s+(?:des|de la|du|de l')?\s*$", re.I)
_HOST_CITY = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][\w'-]+(?:[ -][A-ZÀ-Ý][\w'-]+)?)\s+(?:accueille|accueillera|abrite"
    r"|abritera|a accueilli|se prépare)\b"
)
_GENERIC = re.compile(
    r"^(?:conférence de presse|session de travail|séances? de travail|sessions? de formation"
    r"|exercice (?:\d{4}|en cours|budgétaire)|atelier de travail)",
    re.IGNORECASE,
)
_ANAPHORA = {"cette", "ce", "cet", "ces", "même"}


def _kind(word: str) -> str:
    return KINDS.get(word.lower(), "event")


def _name(match: re.Match[str]) -> tuple[str, str]:
    """The event's name and its complement, cut where the name ends."""
    rest = match.group("rest")
    end = _NAME_END.search(rest)
    rest = rest[: end.start()] if end else rest
    if not _COMPLEMENT.match(rest):
        rest = ""  # «cette session examinera …»: a verb, not a name
    name = match.group("name")[: len(match.group("name")) - len(match.group("rest"))] + rest
    return name.strip(), rest.strip()


_PLANNED = re.compile(
    r"\b(?:prochaine?s?|prévue?s?|programmée?s?|à venir|future?s?|en vue d[eu]"
    r"|organiseront|accueillera|se tiendra|aura lieu)\b",
    re.IGNORECASE,
)


def _event_in(sentence: Sentence, match: re.Match[str], gazetteer: Gazetteer) -> Event | None:
    name, rest = _name(match)
    det = (match.group("det") or "").strip().lower()
    if _GENERIC.match(name) or (det in _ANAPHORA and not rest):
        return None
    if _VENUE.search(sentence.text[: match.start("name")]):
        return None  # «au palais des congrès de Marrakech» is a venue
    around = sentence.text[max(0, match.start() - 25) : match.end() + 40]
    if _PLANNED.search(around) and not sentence.dates:
        return None  # «en vue de la Coupe du monde …», «la prochaine session, prévue en …»
    specific = match.group("ord") or match.group("kind")[0].isupper() or rest
    if not specific or len(name.split()) < 2:
        return None
    after = [d for d in sentence.dates if d.start >= match.start()] or sentence.dates
    months = [m for m in find_month_years(sentence.text) if m.start >= match.start()]
    dates = (after[0].span if after else months[0].span if months
             else year_only(sentence, match.start()))  # fmt: skip
    if after and after[0].span.kind == "single":
        dates = _closed_span(sentence, after[0]) or dates
    host = _HOST_CITY.match(sentence.text)
    place = (
        host.group("city")
        if host
        else (city_in(sentence, gazetteer, match.start()) or city_in(sentence, gazetteer))
    )
    country = country_place(sentence, match.start()) or country_place(sentence, 0)
    confidence = 0.9 if (dates or place) else 0.7
    return Event(
        name=name,
        kind=_kind(match.group("kind")),
        place=place,
        country=country,
        dates=dates,
        sentence=sentence.text,
        confidence=confidence,
    )


_CLOSED = re.compile(
    r"\b(?:s'est|se sont|s'était|s'étaient)\s+(?:achevée?s?|terminée?s?|clôturée?s?)\s*(?:le\s+)?$"
    r"|\b(?:a|ont|avait|avaient)\s+pris\s+fin\s*(?:le\s+)?$|\bclos\w*\s*(?:le\s+)?$",
    re.IGNORECASE,
)
_OPENED = re.compile(r"\bouverte?s?\s+(?:le\s+)?$|\bdepuis\s+(?:le\s+)?$", re.IGNORECASE)
_DAYS = re.compile(
    r"\b(?:après|au terme de|à l'issue de)\s+(?P<n>deux|trois|quatre|cinq|\d)\s+jours\b", re.I
)


def _closed_span(sentence: Sentence, closing: DateMatch) -> DateSpan | None:
    """«s'est achevée hier à Alger, après trois jours de travaux ouverts le 13 octobre»:
    the day told is the last; the first is the opening day told, or as many days
    before as the gathering lasted."""
    if not _CLOSED.search(sentence.text[max(0, closing.start - 40) : closing.start]):
        return None
    end = closing.span.start
    for match in sentence.dates:
        if match is not closing and _OPENED.search(sentence.text[: match.start][-25:]):
            return DateSpan(match.span.start, end, closing.span.text, closing.span.year_source,
                            "range")  # fmt: skip
    days = _DAYS.search(sentence.text)
    last = end.as_date()
    if days and last is not None:
        count = SMALL_COUNTS.get(days.group("n").lower()) or int(days.group("n"))
        first = last - timedelta(days=count - 1)
        start = PartialDate(first.year, first.month, first.day)
        return DateSpan(start, end, closing.span.text, closing.span.year_source, "range")
    return DateSpan(end, None, closing.span.text, closing.span.year_source, "single")


def _ordinal(name: str) -> str | None:
    match = re.match(rf"{_ORDINAL}", name)
    return match.group(0) if match else None


def _same(a: Event, b: Event) -> bool:
    if a.kind != b.kind:
        return False
    if _ordinal(a.name) and _ordinal(a.name) == _ordinal(b.name):
        return True
    words_a, words_b = a.name.lower().split(), b.name.lower().split()
    return words_a[:4] == words_b[:4] or a.name.lower() in b.name.lower()


def find_events(sentences: list[Sentence], gazetteer: Gazetteer) -> list[Event]:
    events: list[Event] = []
    for sentence in sorted(sentences, key=lambda s: s.heading):  # body before headings
        for match in _TRIGGER.finditer(sentence.text):
            event = _event_in(sentence, match, gazetteer)
            if event is None:
                continue
            same = next((e for e in events if _same(e, event) or _same(event, e)), None)
            if same is None and sentence.heading:  # a headline names the body's event
                same = next((e for e in events if e.kind == event.kind), None)
            if same is None:
                events.append(event)
                continue
            same.place = same.place or event.place
            same.country = same.country or event.country
            same.dates = same.dates or event.dates
    _ends_told_later(events, sentences)
    _day_of_the_occasion(events, sentences)
    return events


_THEN = re.compile(r"\b(?:ensuite|le même jour|à cette occasion|dans la foulée)\b", re.I)


def _day_of_the_occasion(events: list[Event], sentences: list[Sentence]) -> None:
    """«M. X a reçu lundi M. Y, en visite du 15 au 18 février. Les deux ministres ont
    ensuite coprésidé la 2e session du comité mixte»: an event its sentence does not
    date, told as following the occasion before, is of that occasion's day."""
    for event in events:
        index = next((s.index for s in sentences if s.text == event.sentence), None)
        if event.dates is not None or index is None or not _THEN.search(event.sentence):
            continue
        for earlier in reversed(sentences[max(0, index - 2) : index]):
            if earlier.heading or not earlier.dates:
                continue
            days = [d for d in earlier.dates if d.span.kind == "single"]
            if days:
                event.dates = days[-1].span
                break


_CLOSING = re.compile(
    r"\b(?:s'achèvent?|se termine(?:nt|ra|ront)?|se clôture(?:nt|ra|ront)?|prend(?:ra|ront)? fin"
    r"|s'achèvera(?:nt)?|se poursui(?:t|vent|vra|vront) jusqu'|dur(?:e|ent|era|eront) jusqu')",
    re.IGNORECASE,
)


def _ends_told_later(events: list[Event], sentences: list[Sentence]) -> None:
    """«… s'est ouverte le lundi 17 novembre. Les travaux, qui s'achèvent le mercredi 19
    novembre, …»: the closing day, one sentence after the opening."""
    for event in events:
        if event.dates is None or event.dates.end is not None or event.dates.start.day is None:
            continue
        index = next((s.index for s in sentences if s.text == event.sentence), None)
        if index is None or index + 1 >= len(sentences):
            continue
        later = [s for s in sentences[index + 1 : index + 3] if _CLOSING.search(s.text) and s.dates]
        if later:  # «Le forum se poursuit jusqu'à jeudi.» may come a sentence further
            following = later[0]
            end = following.dates[0].span.start
            start = event.dates.start
            if end.year is None and start.year is not None and end.month is not None:
                year = start.year + (1 if (end.month, end.day or 0) < (start.month or 0, start.day)
                                     else 0)  # fmt: skip
                end = replace(end, year=year)
            event.dates = replace(event.dates, end=end, kind="range")
