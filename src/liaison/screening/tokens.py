"""Name tokens: a parsed part with every key the scorer and the index need.

Tokens are interned: the same part always gives the same ``Token`` object, with a
small integer ``uid`` the scorer uses to cache token-pair similarities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from liaison.screening.names import default_dictionary
from liaison.screening.normalize import Part, parse
from liaison.screening.phonetic import deletions, fold, loose, skeleton
from liaison.screening.translit import arabic_skeleton, arabic_to_latin


@dataclass(frozen=True, slots=True)
class Form:
    """One reading of a token: connector, folded word, loose form, consonant skeleton."""

    conn: str
    fold: str
    loose: str
    skel: str
    arabic: bool
    ids: frozenset[int] = frozenset()
    word: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    uid: int
    text: str
    forms: tuple[Form, ...]
    ids: frozenset[int]
    keys: tuple[str, ...]
    arabic: bool

    @property
    def main(self) -> Form:
        return self.forms[0]


_COUNTER = [0]


def _form(conn: str, word: str, arabic: bool) -> Form:
    d = default_dictionary()
    if arabic:
        ids = d.ids(word) | (d.ids(f"{conn}:{word}") if conn else frozenset())
        return Form(conn, word, arabic_to_latin(word), arabic_skeleton(word), True, ids)
    f = fold(word)
    ids = d.ids(f) | (d.ids(f"{conn}:{f}") if conn else frozenset())
    return Form(conn, f, loose(f), skeleton(f), False, ids, word)


@lru_cache(maxsize=500_000)
def make_token(part: Part) -> Token:
    forms = [_form(part.conn, part.word, part.arabic)]
    for alt in part.alts:
        conn, word = alt.split(":", 1) if ":" in alt else ("", alt)
        forms.append(_form(conn, word, False))
    ids = frozenset().union(*(f.ids for f in forms))
    keys: set[str] = set()
    for f in forms:
        if len(f.skel) >= 2:
            keys.add(f.skel)
            keys.update("~" + d for d in deletions(f.skel) | {f.skel})
        elif f.skel:
            keys.add("k" + f.skel)
        else:
            keys.add("f" + f.loose)
    keys.update(f"i{i}" for i in ids)
    _COUNTER[0] += 1
    return Token(_COUNTER[0], part.text, tuple(forms), ids, tuple(sorted(keys)), part.arabic)


@lru_cache(maxsize=500_000)
def tokenize(name: str) -> tuple[Token, ...]:
    """The tokens of one written name (cached: watchlists repeat names a lot)."""
    return tuple(make_token(p) for p in parse(name))
