"""Sentences of a cleaned article, each with what was found in it.

A line (paragraph, headline or section title) is never joined to the next; inside a
line, a sentence ends at «.», «!» or «?» followed by a capital, except after titles and
initials («M.», «Mme», «J.»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from liaison.ingest.press.dates import DateMatch, find_dates
from liaison.ingest.press.gazetteer import Gazetteer, Hit
from liaison.ingest.press.nlp import Entity, entities
from liaison.ingest.press.syntax import (
    Predicate,
    meeting_predicates,
    parse,
    signed_things,
    signing_predicates,
    subject_spans,
    unsigned_things,
)

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZÀ-Ý0-9])")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|St|Gén|Col|Cdt|art|cf|etc|No|n°|p)|\b[A-Z]|\.\.)\.$"
)


@dataclass
class Sentence:
    index: int
    text: str
    heading: bool  # a line with no final punctuation: a headline or section title
    first_line: bool  # the article's headline
    entities: list[Entity] = field(default_factory=list)
    countries: list[Hit] = field(default_factory=list)
    agencies: list[Hit] = field(default_factory=list)
    dates: list[DateMatch] = field(default_factory=list)
    #: meeting and signing predicates read from the dependency parse (syntax.py)
    meeting_words: list[Predicate] = field(default_factory=list)
    signing_words: list[Predicate] = field(default_factory=list)
    #: agreement nouns governed by a signing verb (``lemma`` holds the kind)
    signed_nouns: list[Predicate] = field(default_factory=list)
    #: agreement nouns of a signing that did not take place (negated, intended, planned)
    unsigned_nouns: list[Predicate] = field(default_factory=list)
    #: character spans of the subjects of its verbs, the main clause's first
    subjects: list[tuple[int, int]] = field(default_factory=list)

    def persons_ner(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "PER"]

    def places(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "LOC"]


def split_line(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _NO_BREAK_BEFORE.search(line[start : match.start()]):
            continue
        pieces.append(line[start : match.start()].strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


_BULLET = re.compile(r"^\s*[-–—•*·]\s+")


def join_lists(paragraphs: list[str]) -> list[str]:
    """«trois textes ont été signés :» then one line per item («- un mémorandum … ;»): the
    items belong to the sentence that announces them, so they are read as one
    enumeration («… ont été signés : un mémorandum … ; un protocole … ; un plan …»)."""
    lines: list[str] = []
    for line in paragraphs:
        if lines and _BULLET.match(line) and lines[-1].rstrip().endswith((":", ";", ",")):
            lines[-1] = f"{lines[-1].rstrip()} {_BULLET.sub('', line).strip()}"
        else:
            lines.append(line)
    return lines


def build_sentences(
    paragraphs: list[str], gazetteer: Gazetteer, article_date: date | None
) -> list[Sentence]:
    """Split, then annotate every sentence with entities, countries, agencies, dates."""
    sentences: list[Sentence] = []
    for number, line in enumerate(join_lists(paragraphs)):
        heading = len(line) < 160 and not line.rstrip().endswith(
            (".", "!", "?", "…", ":", ";", "»", ")")
        )
        for piece in split_line(line):
            sentences.append(Sentence(len(sentences), piece, heading, number == 0))
    found = entities([s.text for s in sentences])
    docs = parse([s.text for s in sentences])
    for sentence, ents, doc in zip(sentences, found, docs, strict=True):
        sentence.meeting_words = meeting_predicates(doc)
        sentence.signing_words = signing_predicates(doc)
        sentence.signed_nouns = signed_things(doc)
        sentence.unsigned_nouns = unsigned_things(doc)
        sentence.subjects = subject_spans(doc)
        sentence.entities = ents
        sentence.countries = gazetteer.find_countries(sentence.text)
        sentence.agencies = gazetteer.find_agencies(sentence.text)
        sentence.dates = find_dates(
            sentence.text, article_date, _anchor(sentences, sentence, article_date)
        )
    return sentences


def _anchor(sentences: list[Sentence], sentence: Sentence, article: date | None) -> date | None:
    """The day a «le lendemain» opening ``sentence`` counts from: the last single day,
    not after the article, told in the body before it («mercredi … La veille, …»)."""
    for earlier in reversed(sentences[: sentence.index]):
        if earlier.heading:
            continue
        days = [d.span.start.as_date() for d in earlier.dates if d.span.kind == "single"]
        days = [d for d in days if d is not None and (article is None or d <= article)]
        if days:
            return days[-1]
    return None
