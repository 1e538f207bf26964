"""Keys that make different romanisations of one name meet.

Three levels, from strict to loose, all computed on a lower-case, accent-free Latin
word:

``fold``      French/English/BGN/ICAO romanisation equivalences that almost never
              join two different names: ou/oo/w → u, y → i, dj → j, tch/sch/ch → sh,
              kh → x, ph → f, French rh → gh, q/ck/hard c → k, soft c → s, ie/ye → e
              (not word-final: Stéphanie ≠ Stéphane),
              umlaut digraphs (ue → u), doubled letters collapsed, a final mute -e
              dropped.  Youssef, Youcef and Yousef all fold to ``iusef``.
``loose``     ``fold`` with e/a and o/u merged: Mohamed and Muhammad meet, Said and
              Saad do not.
``skeleton``  consonant classes only (b/p, f/v, k/q/c, j/g/dj, sh/ch, t/th, d/dh,
              vowels, w, y and a vowel-final h dropped): the only thing an Arabic
              spelling and a Latin one are sure to share.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGRAPHS: list[tuple[str, str]] = [
    ("tch", "sh"), ("tsch", "sh"), ("sch", "sh"), ("ch", "sh"), ("dj", "j"),
    ("dzh", "j"), ("kh", "x"), ("ph", "f"), ("ck", "k"),
    ("ou", "u"), ("oo", "u"), ("ue", "u"), ("ae", "a"), ("oe", "o"), ("ee", "i"),
    ("q", "k"), ("w", "u"), ("y", "i"),
]
# ie/ye → e (BGN Yevgeniy = ICAO Evgenii), but not at the end of a word, where -ie is a
# French or English ending of its own (Stéphanie ≠ Stéphane, Marie, Julie)
_IE = re.compile(r"ie(?!$)")
_SOFT_C = re.compile(r"c(?=[eiy])")
_FRENCH_RH = re.compile(r"(?:(?<=^)|(?<=[aeiou]))rh(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = set("aeiou")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Romanisation-tolerant form of one lower-case, accent-free word."""
    if word.startswith("zh"):  # pinyin (zhou ≠ zhu) or Cyrillic ж, spelt alike in BGN and ICAO
        return _DOUBLE.sub(r"\1", word)
    w = _FRENCH_RH.sub("gh", _SOFT_C.sub("s", word))
    for old, new in _DIGRAPHS:
        if old in w:
            w = w.replace(old, new)
    w = _IE.sub("e", w).replace("c", "k")
    w = _DOUBLE.sub(r"\1", w)
    if len(w) > 3 and w.endswith("e") and w[-2] not in _VOWELS:
        w = w[:-1]
    return w


@lru_cache(maxsize=200_000)
def loose(folded: str) -> str:
    """Merge the vowel qualities romanisations disagree on (e/a, o/u)."""
    if folded.startswith("zh"):
        return folded
    w = folded.replace("e", "a").replace("o", "u")
    return _DOUBLE.sub(r"\1", w)


_SKELETON_CLASS = {
    "b": "b", "p": "b", "f": "f", "v": "f", "k": "k", "g": "j", "j": "j", "q": "g",
    "x": "x", "t": "t", "d": "d", "s": "s", "z": "z", "r": "r", "l": "l",
    "m": "m", "n": "n", "h": "h",
}


@lru_cache(maxsize=200_000)
def skeleton(folded: str) -> str:
    """Consonant-class skeleton of a folded Latin word ('sh' → 'c', 'th' → 't')."""
    w = folded.replace("sh", "c").replace("th", "t").replace("dh", "d").replace("gh", "q")
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        if ch == "c":
            cls = "c"
        elif ch == "h" and i == n - 1:
            continue
        else:
            cls = _SKELETON_CLASS.get(ch, "")
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def deletions(skel: str) -> set[str]:
    """The skeleton with one consonant removed (typo-tolerant blocking keys)."""
    if len(skel) < 3:
        return set()
    out = set()
    for i in range(len(skel)):
        d = skel[:i] + skel[i + 1:]
        out.add(_DOUBLE.sub(r"\1", d))
    return out
