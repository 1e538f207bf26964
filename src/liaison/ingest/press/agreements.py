"""Agreements: memoranda of understanding, action plans, protocols, conventions…

An agreement is proposed where a text says one was signed, initialled, concluded or
adopted; later mentions of the same kind («ce Plan d'action constitue une feuille de
route … destinée à …») add its subject, parties and date instead of a second record.
"""

from __future__ import annotations

import re
from datetime import date

from liaison.ingest.press.gazetteer import Gazetteer
from liaison.ingest.press.numbers import SMALL_COUNTS
from liaison.ingest.press.people import Mention
from liaison.ingest.press.places import city_in
from liaison.ingest.press.result import Agreement, DateSpan, Meeting, Person
from liaison.ingest.press.sentences import Sentence
from liaison.ingest.press.syntax import Predicate

#: (pattern, kind), most specific first
_KINDS: list[tuple[str, str]] = [
    (r"m[ée]morandums? d'(?:entente|accord)|memorandum of understanding|\bMoU\b"
     r"|protocoles? d'(?:accord|entente)", "memorandum_of_understanding"),
    (r"plans? d'actions?(?:\s+(?:stratégique|conjoint|commun|opérationnel|bilatéral)s?)*",
     "action_plan"),
    (r"protocoles? (?:de coopération|additionnels?|opérationnels?)|protocoles?\b", "protocol"),
    (r"conventions? (?:de coopération|d'entraide judiciaire|d'entraide|d'extradition"
     r"|bilatérales?)|conventions?\b", "convention"),
    (r"accords? (?:de coopération|bilatéra(?:l|ux)|de partenariat|d'extradition"
     r"|techniques?|cadres?)|accord-cadre", "agreement"),
    (r"déclarations? (?:conjointes?|communes?|d'intention)", "declaration"),
    (r"lettres? d'intention", "declaration"),
    (r"arrangements? (?:administratifs?|techniques?|de travail|de coopération)", "agreement"),
    (r"(?:accords? de |conventions? de )?jumelages?", "agreement"),
    (r"mémorandums?", "memorandum_of_understanding"),
]  # fmt: skip
_MENTION = re.compile(
    "|".join(f"(?P<k{n}>{pattern})" for n, (pattern, _) in enumerate(_KINDS)), re.IGNORECASE
)
_SUBJECT = re.compile(
    r"\b(?:portant sur|relatif à|relative à|relatifs à|en matière de|dans le domaine de"
    r"|dans les domaines de|visant à|destinée? à|concernant|pour renforcer|afin de)\s+"
    r"(?P<subject>[^,;.()]+)",
    re.IGNORECASE,
)
_COMPLEMENT_OF = re.compile(
    r"^\s*(?:à|de|d')\s*(?:la|l'|leur|leurs|son|sa|ses|notre|cette|cet|ce)?\s*$"
    r"|^\s*(?:au|aux|du|des)\s*$",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(r"\b(?:ce|cet|cette|ces|le même|la même|ledit|ladite)\s*$", re.I)


def _kind(match: re.Match[str]) -> str:
    for name, value in match.groupdict().items():
        if value:
            return _KINDS[int(name[1:])][1]
    return "agreement"


def _parties(sentence: Sentence, signatories: list[str], people: dict[str, Person]) -> list[str]:
    parties = [hit.key for hit in sentence.agencies]
    for name in signatories:
        person = people.get(name)
        if person and person.organisation:
            parties.append(person.organisation)
    if not parties:
        parties = [hit.key for hit in sentence.countries if hit.via == "name"]
    return list(dict.fromkeys(parties))


def _countries(sentence: Sentence, signatories: list[str], people: dict[str, Person],
               g: Gazetteer) -> list[str]:  # fmt: skip
    codes = {hit.key for hit in sentence.countries}
    for hit in sentence.agencies:
        agency = g.agency(hit.key)
        if agency and agency.country:
            codes.add(agency.country)
    for name in signatories:
        country = people[name].country if name in people else None
        if country:
            codes.add(country)
    return sorted(codes)


def _subject(sentence: Sentence, start: int) -> str | None:
    match = _SUBJECT.search(sentence.text, start) or _SUBJECT.search(sentence.text)
    return match.group("subject").strip() if match else None


_SIGNED_IN_YEAR = re.compile(r"\s+(?:en|dès)\s+(?:\w+\s+)?(?:19|20)\d\d\b")


def _date_of(sentence: Sentence, start: int, end: int) -> DateSpan | None:
    """The sentence's first date, unless a date follows the agreement's name with a
    signing word between («la convention d'entraide signée le 12 mars 2024»)."""
    renewed = any(not p.noun and p.end <= start for p in sentence.signing_words)
    for signing in sentence.signing_words:
        if (
            not renewed
            and 0 <= signing.start - end <= 15
            and _SIGNED_IN_YEAR.match(sentence.text, signing.end)
        ):  # «le mémorandum signé en 2019», told on another day: signed in an earlier year
            return None  # (but «ont renouvelé jeudi l'accord signé en 2019» is of jeudi)
    for match in sentence.dates:
        if match.start < end:
            continue
        between = [p for p in sentence.signing_words if end <= p.start and p.end <= match.start]
        if between and match.start - end < 60:
            return match.span
    if not sentence.dates:
        return None
    # «ont été sanctionnés mercredi par l'adoption d'une déclaration», «paraphé lundi»:
    # the day written next to the signing word, before the sentence's first
    near = [
        (min(abs(d.start - p.end), abs(p.start - d.end)), d)
        for p in sentence.signing_words for d in sentence.dates
        if -30 <= d.start - p.end <= 25 or 0 <= p.start - d.end <= 25
    ]  # fmt: skip
    if near:
        return _day_of_span(min(near, key=lambda pair: pair[0])[1].span, sentence.text)
    return _day_of_span(sentence.dates[0].span, sentence.text)


def _day_of_span(span: DateSpan, text: str) -> DateSpan:
    """An agreement is signed on one day: of a span of days («réunis du 28 au 30 avril»),
    the last when it was signed at the end of the meeting («au dernier jour de leurs
    travaux», «au terme de»), else the span as it is (its first day)."""
    if span.end is None or span.kind == "pair" or not _AT_THE_END.search(text):
        return span
    return DateSpan(span.end, None, span.text, span.year_source, "single")


def _agreement(sentence: Sentence, match: re.Match[str] | Predicate, mentions: list[Mention],
               people: dict[str, Person], g: Gazetteer) -> Agreement:  # fmt: skip
    signatories = list(dict.fromkeys(m.name for m in mentions if m.sentence == sentence.index))
    if isinstance(match, Predicate):  # a noun the parse says was signed
        kind, title, end = match.lemma, sentence.text[match.start : match.end], match.end
        start = match.start
    else:
        kind, title, end = _kind(match), match.group(0), match.end()
        start = match.start()
    return Agreement(
        kind=kind,
        title=title,
        parties=_parties(sentence, signatories, people),
        countries=_countries(sentence, signatories, people, g),
        signatories=signatories,
        date=_date_of(sentence, start, end),
        place=city_in(sentence, g),
        subject=_subject(sentence, end),
        sentence=sentence.text,
        confidence=0.9 if sentence.dates or signatories else 0.75,
    )


def _absorb(kept: Agreement, new: Agreement, anaphora: bool) -> bool:
    """Fold ``new`` into ``kept`` when they are the same agreement."""
    if kept.kind != new.kind:
        return False
    if kept.date and new.date and kept.date.start != new.date.start:
        return False
    if not anaphora and kept.parties and new.parties and not set(kept.parties) & set(new.parties):
        return False
    kept.parties = list(dict.fromkeys(kept.parties + new.parties))
    kept.countries = sorted(set(kept.countries) | set(new.countries))
    kept.signatories = list(dict.fromkeys(kept.signatories + new.signatories))
    kept.date = kept.date or new.date
    if not anaphora:
        kept.confidence = max(kept.confidence, new.confidence)
    kept.place = kept.place or new.place
    kept.subject = kept.subject or new.subject
    if len(new.title) > len(kept.title):
        kept.title = new.title
    if kept.date is None or (new.date and not anaphora):
        kept.sentence = new.sentence if new.date else kept.sentence
    return True


_PLURAL_PARTIES = re.compile(
    r"\b(?:les|des)\s+(?:deux|trois|quatre|cinq|six|sept|huit|\d+)\s+(?:pays|parties|États"
    r"|délégations|gouvernements|ministres|responsables|chefs|directeurs|institutions"
    r"|services)\b",
    re.IGNORECASE,
)


_THEY = re.compile(r"^(?:Ils|Elles)\s+ont\b")


def _countries_before(sentences: list[Sentence], sentence: Sentence, g: Gazetteer) -> list[str]:
    """«Les trois pays ont adopté …»: the countries named (or whose agencies are named)
    in the two sentences before."""
    earlier = [s for s in sentences[max(0, sentence.index - 2) : sentence.index] if not s.heading]
    codes = {hit.key for s in earlier for hit in s.countries}
    for hit in (hit for s in earlier for hit in s.agencies):
        agency = g.agency(hit.key)
        if agency and agency.country:
            codes.add(agency.country)
    return sorted(codes)


_AT_THE_END = re.compile(
    r"\b(?:au terme|à l'issue|en clôture|à la clôture|à la fin|en conclusion"
    r"|à (?:son|leur) terme|à (?:son|leur) issue|en fin de (?:réunion|travaux|session)"
    r"|au (?:dernier|troisième|deuxième|second) jour|(?:lors de |à )la (?:dernière|séance de"
    r" clôture|journée de clôture))\b",
    re.I,
)


def _last_occasion(sentence: Sentence) -> DateSpan:
    """The last date of a sentence that tells an occasion: «a reçu en audience mardi X,
    en visite du 10 au 14 mars» gives the day of the audience, not the stay that holds
    it."""
    days = [d.span.start.as_date() for d in sentence.dates if d.span.kind == "single"]
    held = [d for d in sentence.dates if not _holds(d.span, days)]
    return (held or sentence.dates)[-1].span


def _holds(span: DateSpan, days: list[date | None]) -> bool:
    """A span of days (a stay) that holds one of ``days``."""
    first = span.start.as_date()
    last = span.end.as_date() if span.end else None
    if span.kind != "range" or first is None or last is None:
        return False
    return any(day is not None and first <= day <= last for day in days)


_CLOSING = re.compile(
    r"\b(?:achevée?s?|clôturée?s?|clos|closes?|terminée?s?|pris fin|prend fin|clôt|clôture)"
    r"\b[^.;]{0,25}$",
    re.IGNORECASE,
)


def _closing_day(sentences: list[Sentence], index: int) -> DateSpan | None:
    """«La 6e Assemblée générale s'est achevée hier …» then «Au dernier jour des travaux,
    un mémorandum a été signé»: the day the gathering closed, told in the sentences
    before (a closing verb just before a date; not the last day of a span, which may
    be a stay that holds the occasion)."""
    earlier = [s for s in sentences[:index] if not s.heading]  # the lead may be far up
    for other in reversed(earlier):
        for match in other.dates:
            if _CLOSING.search(other.text[max(0, match.start - 40) : match.start]):
                return DateSpan(match.span.start, None, match.span.text, match.span.year_source)
    return None


def _occasion_meeting(
    agreement_sentence: Sentence, sentences: list[Sentence], meetings: list[Meeting]
) -> Meeting | None:
    """The meeting an undated signing took place at: the one with the party the sentence
    names («Avec la délégation gambienne, un arrangement a été signé»), else the last one
    told in the three sentences before («À cette occasion, …»)."""
    index = agreement_sentence.index
    where = {s.text: s.index for s in sentences}
    told = [(where.get(m.sentence, -1), m) for m in meetings if m.dates]
    told = [(i, m) for i, m in told if 0 <= i < index]
    named = {hit.key for hit in agreement_sentence.countries}
    if named:
        with_party = [m for _, m in told if named & set(m.countries)]
        if len(with_party) == 1:
            return with_party[0]
    near = [(i, m) for i, m in told if index - i <= 3]
    if not near:
        return None
    last = max(i for i, _ in near)  # the latest meeting of the sentence told last
    return max((m for i, m in near if i == last), key=lambda m: m.dates[-1].start.iso())


_SIGNED_WORDS = r"(?:signée?s?|conclue?s?|paraphée?s?|adoptée?s?|ratifiée?s?|scellée?s?)"
_EARLIER_SIGNING = re.compile(
    rf"\bavai(?:t|ent)\s+(?:été\s+)?(?:\w+\s+)?{_SIGNED_WORDS}"
    rf"|{_SIGNED_WORDS}\s+(?:en|au mois de|début|fin|mi-)\s*(?:janvier|février|mars|avril|mai"
    r"|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)


def _of_another(text: str, own: int, signing: int) -> bool:
    """A signing word told of another agreement named between this one (at ``own``) and
    the word: «ont signé un plan d'action qui prolonge la déclaration signée en 2023»."""
    if own < 0 or signing <= own:
        return False
    return any(m.start() > own for m in _MENTION.finditer(text[:signing]))


def _date_from_context(
    agreement: Agreement,
    sentences: list[Sentence],
    index: int,
    g: Gazetteer,
    meetings: list[Meeting] | None = None,
    found: list[Agreement] | None = None,
    told_in: dict[int, int] | None = None,
) -> None:
    """An agreement its own sentence does not date was signed at the occasion the
    sentences just before tell: the day a gathering closed when it was signed «au terme»
    or «au dernier jour» of it, else the day of the meeting it was signed at, else their
    last date; and its place."""
    sentence = sentences[index]
    own = sentence.text.lower().find(agreement.title.lower()) if agreement.title else -1
    for signing in sentence.signing_words:  # «l'arrangement conclu en 2023», not «un plan
        after = sentence.text[signing.end : signing.end + 30]  # pour la formation en 2026»
        if _of_another(sentence.text, own, signing.start):
            continue  # «un plan, qui prolonge la déclaration signée en mars 2023»
        if re.match(r"[^,;.]*?\b(?:en|depuis|dès|avant)\s+(?:\w+\s+)?(?:19|20)\d\d\b", after):
            return
    if _EARLIER_SIGNING.search(sentence.text):
        return  # «Ils avaient signé en mars un protocole»: another, earlier occasion
    if _AT_THE_END.search(sentence.text):  # «À l'issue des travaux, …»: the day the
        closing = _closing_day(sentences, index)  # gathering closed, even when a signing
        if closing is not None:  # of its day before was told just before
            agreement.date = closing
            return
    told_before = [a for a in (found or []) if a.date is not None and a is not agreement
                   and (told_in or {}).get(id(a)) == index - 1]  # fmt: skip
    if told_before:  # «Les États membres ont également adopté un plan d'action»: at the
        agreement.date = told_before[-1].date  # occasion of the one told just before
        agreement.place = agreement.place or told_before[-1].place
        return
    occasion = _occasion_meeting(sentence, sentences, meetings or [])
    if occasion is not None:
        agreement.date = DateSpan(
            occasion.dates[-1].start, None, occasion.dates[-1].text, occasion.dates[-1].year_source
        )
        agreement.place = agreement.place or occasion.place
        return
    for earlier in reversed(sentences[max(0, index - 3) : index]):
        if earlier.heading or not earlier.dates:
            continue
        # «a reçu en audience mardi X, en visite du 10 au 14 mars. Au sortir de
        # l'audience, …»: the day of the occasion, not the stay that holds it
        span = _last_occasion(earlier)
        if span.end is not None:
            day = span.end if _AT_THE_END.search(sentence.text) else span.start
            span = DateSpan(day, None, span.text, span.year_source, "single")
        agreement.date = span
        agreement.place = agreement.place or city_in(earlier, g)
        return


def _signed_as_told_before(
    sentences: list[Sentence],
    sentence: Sentence,
    mentions: list[Mention],
    people: dict[str, Person],
    g: Gazetteer,
    found: list[Agreement],
    told_in: dict[int, int],
) -> None:
    """«… se sont dotées d'un mémorandum d'entente. Le texte a été signé par X et Y»:
    the agreement named in the two sentences before was signed, by the people named
    here."""
    for earlier in reversed(sentences[max(0, sentence.index - 2) : sentence.index]):
        match = None if earlier.heading else _MENTION.search(earlier.text)
        if match is None:
            continue
        new = _agreement(earlier, match, mentions, people, g)
        here = [m.name for m in mentions if m.sentence == sentence.index]
        new.signatories = list(dict.fromkeys(new.signatories + here))
        new.date = new.date or (sentence.dates[0].span if sentence.dates else None)
        if not any(_absorb(kept, new, False) for kept in reversed(found)):
            found.append(new)
            told_in[id(new)] = earlier.index
        return


_ANOTHER = re.compile(
    r"\b(?:une?|le|la)\s+(?:second|seconde|deuxième|troisième|autre|nouvel|nouvelle|nouveau)\s*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"(?<![\w-])(?P<n>deux|trois|quatre|cinq|[2-5])\s*$", re.IGNORECASE)


_WITH = re.compile(r"(?:^|,\s*|\bet\s+|\bpuis\s+|\bnotamment\s+|\bdont\s+un\s+)avec\b")


def _per_partner(sentence: Sentence, agreement: Agreement, end: int,
                 g: Gazetteer) -> list[Agreement]:  # fmt: skip
    """«a signé six mémorandums, notamment avec X le 22 avril à Lisbonne et avec Y le
    9 octobre à Rabat»: one agreement for each partner told with its own day, the first
    being ``agreement`` itself; its countries are shared out between them."""
    text = sentence.text
    starts = [m.end() for m in _WITH.finditer(text, end)]
    if len(starts) < 2:
        return []
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    dated = [[d for d in sentence.dates if a <= d.start < b] for a, b in bounds]
    if any(len(days) != 1 or days[0].span.end is not None for days in dated):
        return []
    own = [{h.key for h in g.find_countries(text[a:b])}
           | {x.country for h in g.find_agencies(text[a:b])
              if (x := g.agency(h.key)) and x.country}
           for a, b in bounds]  # fmt: skip
    everyone = set().union(*own)
    copies = [agreement] + [
        Agreement(**{**agreement.__dict__}) for _ in bounds[1:]
    ]
    for copy, (a, _), days, theirs in zip(copies, bounds, dated, own, strict=True):
        copy.date = days[0].span
        copy.place = city_in(sentence, g, a) or agreement.place
        copy.countries = [c for c in agreement.countries if c not in everyone - theirs]
        copy.parties = list(agreement.parties)
        copy.signatories = list(agreement.signatories)
    return copies[1:]


def _refers_back(sentence: Sentence, noun: Predicate) -> bool:
    """A bare agreement noun under the definite article, with nothing after it to name
    it («L'accord a été signé par …», «Le protocole prévoit …»): the one told before."""
    title = sentence.text[noun.start : noun.end]
    before = sentence.text[max(0, noun.start - 4) : noun.start].lower()
    return len(title.split()) == 1 and bool(re.search(r"(?:^|\s)(?:l'|le |la )$", before))


def find_agreements(
    sentences: list[Sentence],
    mentions: list[Mention],
    people: list[Person],
    g: Gazetteer,
    dateline_place: str | None = None,
    meetings: list[Meeting] | None = None,
) -> list[Agreement]:
    """Agreements said to be signed; ``dateline_place`` («Doha – …») is the place of one
    whose sentence gives none."""
    by_name = {p.name: p for p in people}
    found: list[Agreement] = []
    told_in: dict[int, int] = {}  # id of an agreement -> index of the sentence telling it
    for sentence in sentences:
        signed = bool(sentence.signing_words)  # a signing predicate of the parse
        previous_end = -1
        named = list(_MENTION.finditer(sentence.text))
        bare: list[re.Match[str] | Predicate] = [
            noun for noun in sentence.signed_nouns
            if not any(m.start() <= noun.start < m.end() or noun.start <= m.start() < noun.end
                       for m in named)
        ]  # fmt: skip
        if sentence.heading:  # a headline sums up («deux accords signés»), the body tells
            bare = []
        for match in [*named, *bare]:
            if isinstance(match, Predicate) and match.lemma == "refers_back":
                _signed_as_told_before(sentences, sentence, mentions, by_name, g, found, told_in)
                continue
            if isinstance(match, Predicate) and found and _refers_back(sentence, match):
                # «L'accord a été signé par X et Y»: the agreement just told, by its noun
                kept = next((a for a in reversed(found) if a.kind == match.lemma), found[-1])
                here = [m.name for m in mentions if m.sentence == sentence.index]
                kept.signatories = list(dict.fromkeys(kept.signatories + here))
                continue
            if isinstance(match, Predicate):
                if match.count > 1 and len([m for m in named if m.start() >= match.end]) >= (
                    match.count
                ):
                    continue  # every one counted is named after the count
                new = _agreement(sentence, match, mentions, by_name, g)
                second = _ANOTHER.search(sentence.text[: match.start])  # «Un second accord»
                if second or not any(_absorb(kept, new, False) for kept in reversed(found)):
                    found.append(new)
                    told_in[id(new)] = sentence.index
                # «trois accords : un accord de réadmission, une convention …»: the ones
                # named after the count are told on their own
                named_after = [m for m in named if m.start() >= match.end]
                for _ in range(match.count - 1 - len(named_after)):  # «l'un …, l'autre …»
                    unnamed = _agreement(sentence, match, mentions, by_name, g)
                    found.append(unnamed)
                    told_in[id(unnamed)] = sentence.index
                continue
            if any(n.start <= match.start() < n.end or match.start() <= n.start < match.end()
                   for n in sentence.unsigned_nouns):  # fmt: skip
                continue  # «… et se sont engagées à signer un accord de coopération»
            if re.search(r"\b(?:avant-)?projets?\s+(?:de\s+|d')$", sentence.text[: match.start()]):
                continue  # «le projet d'accord de coopération»: a draft, not an agreement
            between = sentence.text[previous_end : match.start()] if previous_end >= 0 else "x"
            previous_end = match.end()
            if _COMPLEMENT_OF.match(between):
                continue  # «un protocole additionnel à la convention d'extradition»
            anaphora = bool(_ANAPHORA.search(sentence.text[: match.start()]))
            if not signed and not (anaphora and found):
                continue
            new = _agreement(sentence, match, mentions, by_name, g)
            plural = _PLURAL_PARTIES.search(sentence.text) or _THEY.match(sentence.text)
            if not new.countries and not new.parties and plural:
                new.countries = _countries_before(sentences, sentence, g)
            if anaphora:
                new.date, new.signatories = None, []
            before = sentence.text[: match.start()]
            # «Un second accord, relatif à l'extradition, a été paraphé»: another one
            another = bool(_ANOTHER.search(before))
            same: Agreement | None = (
                None
                if another
                else next((k for k in reversed(found) if _absorb(k, new, anaphora)), None)
            )
            if same is not None and sentences[told_in[id(same)]].heading:
                told_in[id(same)] = sentence.index  # told in the headline, then the body
            if same is None and signed:
                found.append(new)
                told_in[id(new)] = sentence.index
                partners = _per_partner(sentence, new, match.end(), g)
                for partner in partners:  # «…, notamment avec X le 22 avril à Lisbonne et
                    found.append(partner)  # avec Y le 9 octobre à Rabat»
                    told_in[id(partner)] = sentence.index
                if partners:
                    continue  # the ones told, not as many as counted
                # «ont signé jeudi trois conventions relatives à …»: as many as counted
                counted = _COUNTED.search(before)
                summary = re.search(r"\bdont\b", sentence.text[match.end() :])  # «…, dont un …»
                plural = re.match(r"\w+s\b", match.group(0))
                if counted and plural and not summary and not sentence.heading:
                    for _ in range(SMALL_COUNTS[counted.group("n").lower()] - 1):
                        copy = _agreement(sentence, match, mentions, by_name, g)
                        found.append(copy)
                        told_in[id(copy)] = sentence.index
    for agreement in found:
        if agreement.date is None:  # «À cette occasion, …», «Au terme des travaux, …»
            _date_from_context(
                agreement, sentences, told_in[id(agreement)], g, meetings, found, told_in
            )
        if agreement.date is not None and not agreement.date.partial:
            agreement.place = agreement.place or dateline_place
    return found
