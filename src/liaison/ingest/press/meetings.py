"""Meetings: who met whom, when, where, bilateral or multilateral, and how many times.

A sentence is cut into clauses at each meeting word («visite», «rencontre», «séance de
travail»…), so «la visite de X intervient après la visite de Y, le mardi 12 décembre»
gives the date to Y's visit only. A clause that refers back («ces rencontres», «lors de
cette visite») or names someone already met adds to the meeting found before; a new
meeting needs a date and a named participant, or two named participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from liaison.ingest.press.dates import DateMatch
from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.numbers import SMALL_COUNTS, find_numbers
from liaison.ingest.press.people import Mention
from liaison.ingest.press.places import city_in, country_place
from liaison.ingest.press.result import DateSpan, Meeting, Participant, Person
from liaison.ingest.press.sentences import Sentence
from liaison.ingest.press.syntax import Predicate

_TRIGGER = re.compile(
    r"\b(?:réunions?|rencontres?|séances? de travail|entretiens?|s'est entretenue?"
    r"|se sont entretenus|(?:a|ont)\s+(?:\w+\s+)?(?:été\s+)?reçue?s?|a rencontré|ont rencontré"
    r"|a rendu visite|ont rendu visite|(?:a|ont)\s+(?:été\s+)?accueillie?s?"
    r"|(?:a|ont)\s+réuni|(?:a|ont)\s+(?:\w+\s+)?échangé avec|s'est rendue?|se sont rendus"
    r"|en visite|coprésidée?|co-présidée?"
    r"|visites? (?:de travail|officielles?)|visites?|discussions|pourparlers|consultations"
    r"|s'est réunie?|se sont réunis|tête-à-tête|entrevue|audience)\b",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"(?:\b(?:ces|cette|cet|ce|lors de cette|lors de ces|les|la|l')\s*$)", re.IGNORECASE
)
#: words that add people to the meeting just described, without starting another one
_CONTINUATION = re.compile(
    r"\b(?:ont pris part|a pris part|ont participé|a participé|y ont|délégations?|conduite? par"
    r"|représentée?s? par|accompagnée?s? (?:de|du|des|d')|présidé les travaux|en présence de"
    r"|rejointe?s? par|ont été rejoints par"
    r"|aux côtés de)\b",
    re.IGNORECASE,
)
_SAME_OCCASION = re.compile(
    r"\b(?:ensuite|puis|le même jour|à cette occasion|au terme d[eu]s?|à l'issue d[eu]s?)\b",
    re.IGNORECASE,
)
#: «Il a reçu …»: the subject is the person named last in the sentence before
_PRONOUN = re.compile(r"^(?:Il|Elle)\s+(?:a|avait|s'est|s'était)\b")
_COUNT = re.compile(
    r"(?P<n>[\w-]+)\s+(?:réunions|rencontres|séances|entretiens|séances de travail)\b",
    re.IGNORECASE,
)


@dataclass
class _Clause:
    sentence: Sentence
    start: int
    end: int
    back_reference: bool
    people: list[str] = field(default_factory=list)
    place_from: Sentence | None = None
    pairwise: bool = False  # one of several bilateral talks told in one sentence
    dates: list[DateMatch] = field(default_factory=list)
    #: where the meeting predicate ends: who is named before it hosts, after it is met
    predicate_end: int = 0
    predicate_start: int = 0
    #: one of several meetings told in one sentence: where its own part begins, to
    #: find its own place («…, M. X, en mars à Brazzaville, et …, M. Y, en octobre à Malabo»)
    part_start: int | None = None
    part_end: int | None = None


@dataclass
class _Draft:
    meeting: Meeting
    people: list[str]
    last_sentence: int
    #: countries named in the sentences that told the meeting, to judge its kind
    seen: set[str] = field(default_factory=set)
    #: the text said «bilatéral(e)» or «multilatéral(e)», or the meeting is one of
    #: several bilateral talks told in one sentence
    kind_fixed: bool = False
    #: countries named in the meeting's own part of a sentence telling several meetings
    own: set[str] = field(default_factory=set)

    def note(self, sentence: Sentence) -> None:
        self.seen |= {hit.key for hit in sentence.countries}
        if "latéra" in sentence.text.lower() and not self.kind_fixed:
            self.kind_fixed = True
            self.meeting.kind = _kind(sentence, self.meeting.participants)


_REMOTE = re.compile(
    r"\b(?:téléphonique|par téléphone|au téléphone|(?:par |en )?vid[ée]o-?conférence"
    r"|visio-?conférence|par visio|en visio|à distance|virtuelle?)\b",
    re.IGNORECASE,
)
#: «a reçu le Wissam…», «a reçu la médaille…»: receiving an award is no meeting
_RECEIVED_THING = re.compile(
    r"^\s*(?:\w+\s+)?(?:le|la|les|une|un|des)\s+(?:Wissam|[Mm]édaille|insignes|distinction|décoration"
    r"|[Pp]rix|[Tt]rophée|titre|grade|[Oo]rdre|diplôme|certificat)",
)


def _triggers(sentence: Sentence) -> list[Predicate]:
    """The meeting predicates of the parse (syntax.py), in order."""
    if _REMOTE.search(sentence.text):
        return []  # «un entretien téléphonique» is a contact, not a meeting
    return sorted(sentence.meeting_words, key=lambda p: p.start)


#: «en déplacement depuis dimanche»: the day a stay began, not a day met
_SINCE = re.compile(r"\b(?:depuis|dès|à partir d[ue]|jusqu'(?:au|à))\s+(?:le\s+)?$", re.I)


def _signed_on(sentence: Sentence, date: DateMatch) -> bool:
    """«la convention signée le 12 mars 2024»: the day of a signing told in passing."""
    return any(0 <= date.start - p.end <= 12 for p in sentence.signing_words)


def _within_stay(dates: list[DateMatch]) -> list[DateMatch]:
    """«a reçu mercredi X, en visite du 3 au 7 novembre»: the day met, not the stay that
    holds it."""
    days = [d.span.start.as_date() for d in dates if d.span.kind == "single"]
    kept = []
    for match in dates:
        span = match.span
        first, last = span.start.as_date(), span.end.as_date() if span.end else None
        if (
            span.kind == "range"
            and first
            and last
            and any(day and first <= day <= last for day in days)
        ):
            continue
        kept.append(match)
    return kept


def _clauses(sentence: Sentence, mentions: list[Mention]) -> list[_Clause]:
    triggers = _triggers(sentence)
    clauses: list[_Clause] = []
    for number, match in enumerate(triggers):
        start = 0 if number == 0 else match.start
        end = triggers[number + 1].start if number + 1 < len(triggers) else len(sentence.text)
        before = sentence.text[: match.start]
        back = bool(_BACK_REFERENCE.search(before)) and not re.search(r"\bde\s+$", before)
        clause = _Clause(
            sentence, start, end, back, predicate_end=match.end, predicate_start=match.start
        )
        clause.people = list(dict.fromkeys(
            m.name for m in mentions
            if m.sentence == sentence.index and start <= m.start < end))  # fmt: skip
        clause.dates = _within_stay([d for d in sentence.dates if start <= d.start < end
                                     and not _SINCE.search(sentence.text[: d.start])
                                     and not _signed_on(sentence, d)])  # fmt: skip
        if clauses and not clause.people:  # «… ponctuée de deux séances, le 19 mars»
            clauses[-1].end = end
            if not clauses[-1].dates:  # «a reçu mercredi X, en visite du 25 au 28 …»
                clauses[-1].dates += clause.dates
            continue
        clauses.append(clause)
    return clauses


def _spans(dates: list[DateMatch]) -> list[DateSpan]:
    """A pair of days («les jeudi 14 et vendredi 15 décembre») is two meeting days."""
    spans: list[DateSpan] = []
    for match in dates:
        span = match.span
        if span.kind == "pair" and span.end is not None:
            spans.append(DateSpan(span.start, None, span.text, span.year_source, "single"))
            spans.append(DateSpan(span.end, None, span.text, span.year_source, "single"))
        else:
            spans.append(span)
    return spans


def _count(sentence: Sentence) -> int | None:
    match = _COUNT.search(sentence.text)
    if not match:
        return None
    numbers = [n for n in find_numbers(match.group("n")) if n.start == 0]
    return int(numbers[0].value) if numbers else None


def _participants(names: list[str], people: dict[str, Person]) -> list[Participant]:
    result = []
    for name in names:
        person = people.get(name)
        role, organisation, country = (
            (person.role, person.organisation, person.country) if person else (None,) * 3
        )
        result.append(Participant(name, role, organisation, country))
    return result


_MANY = re.compile(
    r"\b(?:trois|quatre|cinq|six|sept|huit|neuf|dix|\w+-\w+|\d{1,3})\s+(?:ambassades|pays|délégations"
    r"|États|services étrangers|partenaires)\b",
    re.IGNORECASE,
)


def _kind(sentence: Sentence, participants: list[Participant]) -> str:
    text = sentence.text.lower()
    if "multilatéra" in text or _MANY.search(sentence.text):
        return "multilateral"
    if "bilatéra" in text:
        return "bilateral"
    countries = {p.country for p in participants if p.country}
    countries |= {hit.key for hit in sentence.countries}
    if len(countries) > 2:
        return "multilateral"
    # without countries, three bodies or more met: «la police, la douane et le parquet»
    bodies = {p.organisation for p in participants if p.organisation}
    return "multilateral" if not countries and len(bodies) > 2 else "bilateral"


def _merge(draft: _Draft, clause: _Clause, people: dict[str, Person], g: Gazetteer) -> None:
    meeting = draft.meeting
    new = [p for p in clause.people if p not in draft.people]
    draft.people += new
    meeting.participants += _participants(new, people)
    known = {span.start for span in meeting.dates}
    meeting.dates += [s for s in _spans(clause.dates) if s.start not in known]
    if meeting.dates:
        meeting.confidence = max(meeting.confidence, 0.85)
    meeting.place = meeting.place or city_in(clause.sentence, g, clause.start)
    meeting.count = meeting.count or _count(clause.sentence)
    draft.last_sentence = clause.sentence.index
    draft.note(clause.sentence)


def _new(clause: _Clause, people: dict[str, Person], g: Gazetteer) -> _Draft:
    sentence = clause.sentence
    participants = _participants(clause.people, people)
    place = city_in(sentence, g, clause.start)
    if clause.part_start is not None:
        place = city_in(sentence, g, clause.part_start) or place
    if place is None and clause.place_from is not None:
        place = city_in(clause.place_from, g)
    if place is None:
        code = country_place(sentence, clause.start)
        place = g.country_name(code) if code else None
    meeting = Meeting(
        kind="bilateral" if clause.pairwise else _kind(sentence, participants),
        dates=_spans(clause.dates),
        place=place,
        count=_count(sentence),
        participants=participants,
        countries=[],
        sentence=sentence.text,
        confidence=0.85 if clause.dates else 0.7,
    )
    draft = _Draft(meeting, list(clause.people), sentence.index, kind_fixed=clause.pairwise)
    if clause.part_start is not None and clause.part_end is not None:
        # «lundi 9 juin, une délégation de la police gambienne conduite par …»: the
        # countries its own part of the sentence names
        draft.own = {h.key for h in sentence.countries
                     if clause.part_start <= h.start < clause.part_end}  # fmt: skip
    draft.note(sentence)
    return draft


_THEN = re.compile(r"\b(?:ensuite|puis|par la suite|plus tard|après quoi)\b", re.IGNORECASE)


def _same_host_other_guests(draft: _Draft, people: set[str]) -> bool:
    """The clause shares one person of a meeting of two or more and names someone new:
    «X a reçu Y … X a également reçu Z», «Le même jour, Y s'est entretenu avec Z»."""
    if len(draft.people) < 2 or not people - set(draft.people):
        return False
    return len(people & set(draft.people)) == 1


def _target(drafts: list[_Draft], clause: _Clause) -> _Draft | None:
    """The meeting a clause adds to: same day, else most participants shared, else the
    meeting just before when the clause refers back («ces rencontres»)."""
    people = set(clause.people)
    # «X a reçu Y … X a également reçu Z», «X s'est entretenu avec Y, ainsi qu'avec Z»:
    # a clause that shares only the host of a meeting of two or more and brings people
    # of its own is another meeting with that host, even on the same day
    drafts = [
        d
        for d in drafts
        if (clause.back_reference and not clause.pairwise) or not _same_host_other_guests(d, people)
    ]
    if _THEN.search(clause.sentence.text[clause.start : clause.end]) and not clause.pairwise:
        # «Les deux responsables se sont ensuite entretenus avec le procureur»: a meeting
        # that follows another, with someone new, is not that one
        drafts = [d for d in drafts if not people - set(d.people)]
    own_time = _OWN_TIME.search(clause.sentence.text[clause.start : clause.end])
    if not clause.dates and own_time and not clause.back_reference:
        # «M. X s'était entretenu avec M. Y une première fois en mars»: a meeting of its
        # own time is not the one told with a day
        drafts = [d for d in drafts if not d.meeting.dates]
    candidates = drafts
    if clause.dates:
        days = {s.start for s in _spans(clause.dates)}
        same_day = [d for d in drafts if days & {s.start for s in d.meeting.dates}]
        if same_day:
            return same_day[-1]
        candidates = [d for d in drafts if not d.meeting.dates]
    recent = [d for d in candidates if clause.sentence.index - d.last_sentence <= 1]
    if clause.back_reference and recent and not (people - set(recent[-1].people)):
        return recent[-1]
    if not clause.dates and recent and not recent[-1].people:
        return recent[-1]  # «Une délégation a été reçue vendredi … Elle était conduite par X,
        # reçu par Y»: the meeting told without names takes those of the next sentence
    shared = [(len(people & set(d.people)), n) for n, d in enumerate(candidates)]
    best = max(shared, default=(0, -1))
    if best[0] and (not clause.dates or best[0] == len(people)):
        return candidates[best[1]]
    if clause.back_reference and recent:
        return recent[-1]
    return None


def _continue(drafts: list[_Draft], sentence: Sentence, mentions: list[Mention],
              people: dict[str, Person], g: Gazetteer) -> None:  # fmt: skip
    """«La délégation portugaise était conduite par M. X»: X joins the meeting above."""
    recent = [d for d in drafts if sentence.index - d.last_sentence <= 1]
    if not recent:
        return
    # «Les chefs … se sont retrouvés …» then «Autour de la table figuraient X, Y et Z»:
    # a meeting told without names takes those of the sentence after it
    if not _CONTINUATION.search(sentence.text) and recent[-1].meeting.participants:
        return
    clause = _Clause(sentence, 0, len(sentence.text), True)
    clause.people = list(dict.fromkeys(m.name for m in mentions if m.sentence == sentence.index))
    if clause.people:
        _merge(recent[-1], clause, people, g)
    else:  # «Des représentants de … y ont pris part.»: the meeting goes on
        recent[-1].last_sentence = sentence.index
        recent[-1].note(sentence)


def _antecedent(sentences: list[Sentence], mentions: list[Mention], index: int,
                before: int, people: dict[str, Person] | None = None) -> list[str]:  # fmt: skip
    """Who «il» or «elle» stands for: the person named before it in its own sentence,
    else the person who is the subject of the sentence before («M. X s'est rendu …, où
    il a été accueilli par M. Y. Le lendemain, il …» is X), else the person named last
    there."""
    own = [m for m in mentions if m.sentence == index and m.start < before]
    if own:
        return [own[-1].name]
    for earlier in range(index - 1, max(-1, index - 3), -1):
        named = [m for m in mentions if m.sentence == earlier]
        if not named or sentences[earlier].heading:
            continue
        for start, end in sentences[earlier].subjects:
            subject = [m for m in named if start <= m.start < end]
            if subject:
                return [subject[0].name]
            # «Le commissaire général a reçu … M. Y. Il a ensuite …»: the subject is
            # a role, that of a person named earlier, not Y
            by_role = _by_role(sentences[earlier].text[start:end], people or {}, mentions, earlier)
            if by_role:
                return [by_role]
        return [named[-1].name]
    return []


def _by_role(subject: str, people: dict[str, Person], mentions: list[Mention],
             index: int) -> str | None:  # fmt: skip
    """The person named before sentence ``index`` whose role alone is ``subject``."""
    words = re.sub(r"^\s*(?:le|la|l')\s*", "", subject.strip(), flags=re.I).lower()
    told = {m.name for m in mentions if m.sentence < index}
    found = [p.name for p in people.values() if p.role and p.name in told
             and p.role.lower() == words]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _inherit(clause: _Clause, sentences: list[Sentence], mentions: list[Mention],
             people: dict[str, Person] | None = None) -> None:  # fmt: skip
    """«Cet acte officiel … a eu lieu à l'occasion d'une rencontre»: a sentence opening on
    a demonstrative continues the one before, its date and the people named there."""
    sentence = clause.sentence
    if clause.start or sentence.index == 0:
        return
    if _PRONOUN.match(sentence.text):
        named = _antecedent(sentences, mentions, sentence.index, 0, people)
        clause.people = list(dict.fromkeys(named + clause.people))
        previous = sentences[sentence.index - 1]
        if not clause.dates and _SAME_OCCASION.search(sentence.text) and previous.dates:
            clause.dates = previous.dates[:1]  # «Il a ensuite été reçu par …»
        return
    if clause.dates:
        return
    if _PART_OF_DAY.match(sentence.text):  # «Dans la matinée, Mme X avait été accueillie
        for earlier in reversed(sentences[max(0, sentence.index - 3) : sentence.index]):
            days = [d for d in earlier.dates if d.span.end is None]  # by …»: the day
            if days and not earlier.heading:  # told just before
                clause.dates = days[-1:]
                return
        return
    if not _GOES_ON.match(sentence.text):
        return
    previous = sentences[sentence.index - 1]
    if not previous.dates:
        return
    clause.dates = previous.dates[:1]
    before = [m.name for m in mentions if m.sentence == previous.index]
    clause.people = list(dict.fromkeys(before + clause.people))
    clause.place_from = previous


#: a sentence that opens on a part of the day told before: «Dans la matinée, …»
_PART_OF_DAY = re.compile(
    r"^(?:(?:Plus tôt |Plus tard )?dans (?:la matinée|l'après-midi|la soirée|la journée)"
    r"|En (?:début|fin) de (?:matinée|journée|soirée|après-midi)|En soirée|Le matin même)\b",
    re.IGNORECASE,
)


#: a sentence that goes on with the occasion told just before: «Cette rencontre …», «La
#: cérémonie de signature a été suivie d'entretiens …», «La signature a été précédée de …»
_GOES_ON = re.compile(
    r"^(?:Cet|Cette|Ce|Ces)\s|^(?:La|Le|L'|Les)\s*(?:cérémonie|signature|rencontre|réunion"
    r"|séance|audience|entrevue|visite|entretiens?|travaux|paraphe)\b"
)
_SEVERAL_PARTNERS = re.compile(
    r"\b(?:ainsi qu'avec|puis avec|et avec|de même qu'avec|puis|avant de rencontrer)\b"
)
#: «a successivement rencontré X, Y et Z», «a reçu tour à tour …»: one meeting each
_EACH = re.compile(
    r"\b(?:successivement|tour à tour|séparément|l'un après l'autre"
    r"|(?:entretiens|rencontres|réunions|tête-à-tête) bilatéra(?:ux|les)"
    r"|(?:ses|leurs)\s+(?:entretiens|rencontres|réunions|entrevues)\s+avec)\b",
    re.IGNORECASE,
)


def _one_by_one(clause: _Clause, mentions: list[Mention]) -> list[_Clause]:
    """«X s'est entretenu avec Y, ainsi qu'avec Z», «X a rencontré Y, puis Z»: two
    bilateral meetings, X-Y and X-Z; the hosts are named before the meeting predicate."""
    text = clause.sentence.text[clause.start : clause.end]
    first_partner = text.find("avec")
    if clause.predicate_end > clause.start:
        first_partner = clause.predicate_end - clause.start
    breaks = [m.start() for m in _SEVERAL_PARTNERS.finditer(text) if m.start() > first_partner]
    if _EACH.search(text):
        names = [m for m in mentions if m.sentence == clause.sentence.index
                 and clause.start + first_partner <= m.start < clause.end]  # fmt: skip
        breaks = sorted({*breaks, *(m.start - clause.start for m in names[1:])})
        breaks = [b - 1 for b in breaks]
    if not breaks and first_partner >= 0:
        # «a reçu au cours de la semaine : lundi 9 juin, X ; mercredi 11 juin, Y ; …»: as
        # many days as people after the predicate, each day before its person
        names = [m for m in mentions if m.sentence == clause.sentence.index
                 and clause.start + first_partner <= m.start < clause.end]  # fmt: skip
        guests = list(dict.fromkeys(m.name for m in names))
        days = [d for d in clause.dates if d.start - clause.start >= first_partner]
        if len(days) >= 2 and len(days) == len(guests):
            firsts = [next(m for m in names if m.name == g) for g in guests]
            if all(d.start < m.start for d, m in zip(days, firsts, strict=True)):
                breaks = [days[n].start - clause.start - 1 for n in range(1, len(days))]
    if first_partner < 0 or not breaks or len(clause.people) < 3:
        return [clause]
    # «reçu successivement : mardi, par X ; mercredi, par Y ; jeudi, par Z»: as many days
    # as partners, one each, in order
    own_days = [d for d in clause.dates if d.start - clause.start >= first_partner]
    names = [m for m in mentions if m.sentence == clause.sentence.index
             and clause.start <= m.start < clause.end]  # fmt: skip
    hosts = [m.name for m in names if m.start - clause.start < first_partner]
    after = {m.name for m in names if m.start - clause.start >= first_partner}
    # «… au cours de laquelle il a été reçu successivement : …»: the host told by a
    # pronoun (_refer_back) is named in no place of the clause
    hosts = hosts or [name for name in clause.people if name not in after]
    if not hosts:
        return [clause]
    bounds = [first_partner, *breaks, len(text)]
    parts = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        guests = [m.name for m in names if left <= m.start - clause.start < right]
        if guests:
            part = _Clause(clause.sentence, clause.start, clause.end, clause.back_reference)
            part.people = list(dict.fromkeys(hosts + guests))
            part.dates = clause.dates
            part.pairwise = True
            part.part_start = clause.start + left
            part.part_end = clause.start + right
            parts.append(part)
    if len(parts) > 1 and len(own_days) == len(parts):
        for part, day in zip(parts, own_days, strict=True):
            part.dates = [day]
    return parts or [clause]


#: «Les deux hommes se sont revus …», «les deux délégations se sont réunies»: a plural
#: subject counted in words, referring to people already named
_PLURAL_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:Après|Puis|Ensuite|Enfin)\b[^,]*,\s*)(?:les|ces)\s+(?P<n>deux|trois|quatre|cinq)"
    r"\s+(?P<what>[\w-]+)(?:\s+(?:se|s'|sont|ont|étaient|avaient|se sont|y|\w+ment|de nouveau"
    r"|à nouveau|ensuite|également|aussi|encore))*"
    # a meeting noun after its support verb: «Les deux hommes ont tenu mardi une séance»
    r"(?:\s+(?:eu|tenu|organisé|mené|effectué|poursuivi|entamé)"
    r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ensuite|également))?"
    r"\s+(?:une?|des|leur|leurs|la|le|les)(?:\s+\w+)?)?\s*$",
    re.IGNORECASE,
)
_RELATIVE_SUBJECT = re.compile(
    r"\s*(?:de\s+travail\s+)?(?:qu'|que\s+|où\s+|dont\s+|entre\s+)(?:les|ces)\s+"
    r"(?P<n>deux|trois|quatre|cinq)\s+(?P<what>[\w-]+)",
    re.IGNORECASE,
)
#: a clause that places itself in time without a day: «en janvier», «l'an dernier»
_OWN_TIME = re.compile(
    r"\b(?:en|début|fin|mi-)\s*(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre)\b|\b(?:auparavant|précédemment|une première fois|l'an dernier"
    r"|l'année dernière|l'année précédente)\b",
    re.IGNORECASE,
)
#: «Il évoque aussi ses entretiens avec …»: a sentence whose subject is «il» or «elle»
_PRONOUN_OPENING = re.compile(
    r"^(?:Il|Elle)\s+(?!s'agit|faut|convient|y\s|est\s+(?:prévu|question))"
)
_SINGULAR_PRONOUN = re.compile(
    r"(?:^|,\s*|\b(?:où|laquelle|lequel|lesquelles|lesquels|dont|que|qu')\s+)(?:il|elle)\s*$",
    re.IGNORECASE,
)
_PLURAL_PRONOUN = re.compile(
    r"(?:^|[,;]\s*|\boù\s+|\bet\s+)(?:ils|elles)(?:\s+(?:se|s'|y|\w+ment|ensuite|également"
    r"|aussi|ont|sont|avaient|étaient|ont été|avaient été))*"
    # a meeting noun after its support verb: «Ils avaient tenu une première réunion»
    r"(?:\s+(?:eu|tenu|organisé|mené|effectué)\s+(?:une?|des|leur|leurs|la|le|les)(?:\s+\w+)?)?"
    r"\s*$",
    re.IGNORECASE,
)
#: plural subjects that are bodies or spans of time, not the people named before
_NOT_PEOPLE = frozenset({
    "pays", "parties", "institutions", "services", "états", "gouvernements", "polices",
    "organisations", "agences", "forces", "corps", "offices", "jours", "ans", "mois",
    "semaines", "années",
})  # fmt: skip
#: a subject told by its role alone, followed by its verb: «Le secrétaire général avait
#: été reçu …» (not «le directeur général de la Sûreté nationale, M. X»)
_ROLE_SUBJECT = (
    r"(?:^|,\s*)(?:le|la|l')\s*{role}\s+(?=(?:a|avait|est|était|s'est|s'était|se|s'|n'a|y)\b)"
)


_THE_DELEGATION = re.compile(r"(?:^|,\s*)(?:la|cette) délégation\s+(?:\w+\s+)?$", re.I)
_LED_BY = re.compile(r"\b(?:conduite|dirigée|menée|présidée)\s+par\b[^.;]*$", re.IGNORECASE)


def _refer_back(clause: _Clause, drafts: list[_Draft], sentences: list[Sentence],
                mentions: list[Mention], people: dict[str, Person]) -> None:  # fmt: skip
    """Participants told by reference: «les deux hommes», «le secrétaire général»."""
    sentence = clause.sentence
    subject = sentence.text[clause.start : clause.predicate_start]
    plural = _PLURAL_SUBJECT.search(subject)
    relative = _RELATIVE_SUBJECT.match(sentence.text, clause.predicate_end)
    if relative and not plural:  # «l'entrevue que les deux hommes avaient eue le …»
        plural = relative
    pronoun = _PLURAL_PRONOUN.search(subject)
    if pronoun and not plural:
        count = 2  # «où ils ont été accueillis par …»: the two named just before
    elif plural and plural.group("what").lower() not in _NOT_PEOPLE:
        count = SMALL_COUNTS[plural.group("n").lower()]
    else:
        count = 0
    if count:
        recent = [d for d in drafts if sentence.index - d.last_sentence <= 2]
        if recent and len(recent[-1].people) >= count:
            named = recent[-1].people[:count]
        else:
            earlier = [
                m.name
                for m in mentions
                if sentence.index - 2 <= m.sentence < sentence.index
                or (m.sentence == sentence.index and m.start < clause.predicate_start)
            ]
            named = list(dict.fromkeys(earlier))[-count:]
        if len(named) == count:
            clause.people = list(dict.fromkeys(named + clause.people))
            own_time = _OWN_TIME.search(sentence.text[clause.start : clause.end])
            if not clause.dates and not own_time:  # «Après la cérémonie, les deux …»
                for earlier_sentence in reversed(sentences[max(0, sentence.index - 2) :
                                                           sentence.index]):  # fmt: skip
                    # not the stay, nor «jusqu'à jeudi», «depuis dimanche»
                    days = _within_stay([d for d in earlier_sentence.dates if not _SINCE.search(
                        earlier_sentence.text[: d.start])])  # fmt: skip
                    if days and not earlier_sentence.heading:
                        clause.dates = days[-1:]
                        break
    if (
        (
            _SINGULAR_PRONOUN.search(
                sentence.text[max(0, clause.predicate_start - 40) : clause.predicate_start]
            )
            or (clause.start == 0 and _PRONOUN_OPENING.match(sentence.text))
        )
        and not _PRONOUN.match(sentence.text)
        and not any(
            m.sentence == sentence.index and clause.start <= m.start < clause.predicate_start
            for m in mentions
        )
    ):  # «Jeudi dernier, il avait reçu X», «Le lendemain, il a échangé avec X»
        earlier = _antecedent(sentences, mentions, sentence.index, clause.predicate_start,
                              people)
        if earlier and earlier[0] not in clause.people:
            clause.people.insert(0, earlier[0])
    if _THE_DELEGATION.search(subject) and not any(
        m.sentence == sentence.index and clause.start <= m.start < clause.predicate_start
        for m in mentions
    ):  # «Mercredi, la délégation a rencontré X»: the one who leads the delegation
        leaders = [
            m.name for m in mentions if sentence.index - 2 <= m.sentence < sentence.index
            and _LED_BY.search(sentences[m.sentence].text[max(0, m.start - 60) : m.start])
        ]  # fmt: skip
        if leaders and leaders[-1] not in clause.people:
            clause.people.insert(0, leaders[-1])
    text = sentence.text[clause.start : clause.end]
    for person in people.values():
        if not person.role or person.name in clause.people:
            continue
        told = [m for m in mentions if m.name == person.name and m.sentence < sentence.index]
        if told and re.search(_ROLE_SUBJECT.format(role=re.escape(person.role)), text, re.I):
            clause.people.insert(0, person.name)


_VISIT = re.compile(r"\b(?:visite|séjour|tournée|mission|déplacement)s?\b", re.IGNORECASE)


def _stay(draft: _Draft, drafts: list[_Draft]) -> bool:
    """«a effectué du 14 au 16 septembre une visite de travail en Turquie, à l'invitation de
    son homologue, M. Y», then the meetings of those days one by one: the visit over a
    span of days is the frame that holds them, not a meeting of its own."""
    spans = draft.meeting.dates
    if len(spans) != 1 or spans[0].kind != "range" or spans[0].end is None:
        return False
    if not _VISIT.search(draft.meeting.sentence):
        return False  # a meeting of several days (a joint commission) stays one
    first, last = spans[0].start.as_date(), spans[0].end.as_date()
    if first is None or last is None:
        return False
    inside = [
        d for d in drafts if d is not draft and set(d.people) & set(draft.people)
        and any((day := s.start.as_date()) and first <= day <= last for s in d.meeting.dates)
    ]  # fmt: skip
    covered = {name for d in inside for name in d.people}
    return bool(inside) and set(draft.people) <= covered


def _is_country(place: str, g: Gazetteer) -> bool:
    hits = g.find_countries(place)
    return bool(hits) and hits[0].start == 0 and hits[0].end == len(place)


#: a sentence opening on the occasion told before: «En marge de la cérémonie, …»
_AT_THE_OCCASION = re.compile(
    r"^(?:En marge d[eu]s?|À l'issue d[eu]s?|Au terme d[eu]s?|Au cours d[eu]s?|Lors d[eu]s?"
    r"|À l'occasion d[eu]s?|Au sortir d[eu]s?|Après|À cette occasion|Le même jour|Dans la "
    r"foulée)\s*(?:l'|la |le |les |cette |ce |cet |ces )?(?P<what>[\w-]*)",
    re.IGNORECASE,
)


_SAME_DAY = re.compile(r"\ble même jour\b|\bdans la foulée\b", re.IGNORECASE)
_DAYS_LONG = re.compile(
    r"\b(?:deux|trois|quatre|cinq|six|sept|\d+)\s+jours\b|\bplusieurs jours\b", re.I
)


def _with_partner(clause: _Clause, mentions: list[Mention]) -> bool:
    """«…, puis une réunion avec le ministre letton, M. Z»: a meeting predicate whose
    people are all named after «avec», none before it (its host is the one told)."""
    sentence = clause.sentence
    names = [m for m in mentions if m.sentence == sentence.index
             and clause.start <= m.start < clause.end]  # fmt: skip
    if not names or any(m.start < clause.predicate_start for m in names):
        return False
    return "avec" in sentence.text[clause.predicate_end : names[0].start].split()


def _occasion_day(sentences: list[Sentence], sentence: Sentence,
                  article_date: date | None) -> list[DateMatch]:  # fmt: skip
    """«… ont procédé lundi à l'échange des instruments … En marge de la cérémonie, X
    s'est entretenu avec Y»: a meeting told without a day, in a sentence that opens on
    the occasion told just before, took place on that occasion's day (the last day told
    in the three sentences before that is not after the article's)."""
    opening = _AT_THE_OCCASION.match(sentence.text)
    if (not opening and not _SAME_DAY.search(sentence.text)) or _OWN_TIME.search(sentence.text):
        return []
    if opening and opening.group("what").lower() in {"son", "sa", "ses", "leur", "leurs"}:
        return []  # «Lors de sa visite en 2023»: another occasion
    # «Le même jour» refers to the day the article told, which may be a paragraph up
    reach = 6 if _SAME_DAY.search(sentence.text) else 3
    for earlier in reversed(sentences[max(0, sentence.index - reach) : sentence.index]):
        if earlier.heading:
            continue
        if (
            any(d.span.kind == "range" for d in earlier.dates)
            or _DAYS_LONG.search(earlier.text)
            or re.search(r"\bjusqu'(?:à|au)\b", earlier.text)
        ):
            return []  # «En marge du sommet» of three days: on which of them is not told
        past = [d for d in earlier.dates if d.span.kind != "range"
                and not _signed_on(earlier, d)  # «la convention signée le 14 mai 2024»
                and (article_date is None
                     or (d.span.start.as_date() or article_date) <= article_date)]  # fmt: skip
        if past:
            return past[-1:]
    return []


def find_meetings(
    sentences: list[Sentence],
    mentions: list[Mention],
    people: list[Person],
    g: Gazetteer,
    dateline_place: str | None = None,
    article_date: date | None = None,
) -> list[Meeting]:
    """Meetings told in the text; ``dateline_place`` («Londres, 30 janvier 2026 –») is
    the place of one that neither its sentences nor the headline place."""
    by_name = {p.name: p for p in people}
    drafts: list[_Draft] = []
    for sentence in sentences:
        if sentence.heading:
            continue
        clauses = _clauses(sentence, mentions)
        if not clauses:
            _continue(drafts, sentence, mentions, by_name, g)
        told: _Draft | None = None  # the meeting the sentence's previous clause told
        for clause in clauses:
            _inherit(clause, sentences, mentions, by_name)
            _refer_back(clause, drafts, sentences, mentions, by_name)
            if not clause.dates and not clause.start:
                clause.dates = _occasion_day(sentences, sentence, article_date)
            parts = _one_by_one(clause, mentions)
            for part in parts if len(parts) > 1 else [clause]:
                if (
                    told is not None
                    and not part.dates
                    and not part.pairwise
                    and not set(part.people) & set(told.people)
                    and len(told.people) > 1
                    and _with_partner(part, mentions)
                ):
                    part.people = [told.people[0], *part.people]
                if (
                    told is not None
                    and not part.dates
                    and not part.pairwise
                    and (len(told.people) < 2 or set(part.people) & set(told.people))
                ):
                    # «Lundi, X s'est rendu au siège …, où il a été accueilli par Y pour
                    # une séance de travail»: a clause without a day of its own goes on
                    # with the meeting its sentence just told, or, when it only shares
                    # its host («… puis une réunion avec Z»), is another on that day
                    if not _same_host_other_guests(told, set(part.people)):
                        _merge(told, part, by_name, g)
                        continue
                    part.dates = [d for d in clause.sentence.dates
                                  if d.span in told.meeting.dates]  # fmt: skip
                    part.pairwise = True
                    told.kind_fixed, told.meeting.kind = True, "bilateral"  # one each
                    told = _new(part, by_name, g)
                    drafts.append(told)
                    continue
                target = _target(drafts, part)
                if target is not None:
                    _merge(target, part, by_name, g)
                    told = target
                elif part.dates or len(part.people) > 1:
                    told = _new(part, by_name, g)
                    drafts.append(told)
    drafts = [d for d in drafts if d.meeting.participants]
    drafts = [d for d in drafts if not _stay(d, drafts)]
    headline = next((s for s in sentences if s.first_line), None)
    for draft in drafts:  # a place the body does not give is often in the headline
        if draft.meeting.place is None and headline is not None:
            draft.meeting.place = city_in(headline, g)
        place = draft.meeting.place
        if dateline_place and (place is None or _is_country(place, g)):
            draft.meeting.place = dateline_place  # «Madrid, 4 décembre (MAP) -» beats «en Espagne»
    for draft in drafts:
        meeting = draft.meeting
        meeting.countries = sorted(
            {p.country for p in meeting.participants if p.country} | draft.own
        )
        if not draft.kind_fixed and len(draft.seen | set(meeting.countries)) > 2:
            meeting.kind = "multilateral"
        if meeting.count is None and len(meeting.dates) > 1:
            meeting.confidence = min(meeting.confidence, 0.8)
    meetings: list[Meeting] = []
    for draft in drafts:
        if _ATTENDANCE.search(draft.meeting.sentence) and not any(
            p.name and p.name.split()[-1] in draft.meeting.sentence
            for p in draft.meeting.participants
        ):  # «la 93e session …, qui a réuni quelque 1 200 participants»: a gathering's
            continue  # attendance, with none of the people its sentence would name
        meetings += _each_occasion(draft.meeting, sentences, g)
    return meetings


#: «qui a réuni 140 participants», «a réuni quarante-deux officiers»: a head count
_ATTENDANCE = re.compile(
    r"\b(?:a|ont|avait|avaient) réuni\s+(?:quelque\s+|près de\s+|plus de\s+|environ\s+)?"
    r"(?:\d[\d\s\u202f]*|(?:[a-zé]+-)*(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze"
    r"|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|mille)s?)\s+[a-zé]",
    re.IGNORECASE,
)


#: «à deux reprises, en mars à Tripoli et en juillet à Djerba»: occasions told one by one
_TIMES = re.compile(r"\bà (?P<n>deux|trois|quatre|2|3|4) reprises\b", re.IGNORECASE)
_OCCASION = re.compile(
    r"(?:^|,|\bet\b)\s*(?:(?:en|au mois d[e'])\s*\w+|le \d+\w*(?: \w+)?|\w+ dernier)"
    r"\s+à\s+(?P<city>[A-ZÀ-Ý][\w'-]+(?:[ -][A-ZÀ-Ý][\w'-]+)?)"
)


def _each_occasion(meeting: Meeting, sentences: list[Sentence], g: Gazetteer) -> list[Meeting]:
    """A meeting told to have taken place «à deux reprises» followed by as many places
    («en mars à Tripoli et en juillet à Djerba»): one meeting at each place."""
    sentence = next((s for s in sentences if s.text == meeting.sentence), None)
    times = _TIMES.search(meeting.sentence) if sentence is not None else None
    if times is None or meeting.dates:
        return [meeting]
    places = [m["city"] for m in _OCCASION.finditer(meeting.sentence, times.end())]
    if len(places) != SMALL_COUNTS[times["n"].lower()]:
        return [meeting]
    copies = [meeting] + [
        Meeting(**{**meeting.__dict__, "participants": list(meeting.participants)})
        for _ in places[1:]
    ]
    for copy, place in zip(copies, places, strict=True):
        copy.place = place
    return copies
