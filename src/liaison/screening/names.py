"""The project's name dictionary (``data/names.tsv``).

Each line is one name with its spellings (French- and English-style romanisations,
West-African forms) and, for Arabic names, its Arabic script.  Two spellings of one
line are the same name even when no folding rule derives one from the other
(Traoré/Tarawally, Boubacar/Abubakar, Djamel/Gamal); two names of *different* lines
are different names even when they look alike (Said/Saad, Mohamed/Mahmoud).  A
spelling may sit on several lines (Usman: Othmane and Ousmane); it then agrees with
each of them.  See docs/screening.md for how the file was built and its sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from liaison.screening.normalize import Part, parse
from liaison.screening.phonetic import fold

EMPTY: frozenset[int] = frozenset()


@dataclass
class NameDictionary:
    """Spelling key → name ids, and each name's rough frequency (1..5)."""

    by_key: dict[str, frozenset[int]] = field(default_factory=dict)
    freq: list[int] = field(default_factory=list)
    canonical: list[str] = field(default_factory=list)
    arabic_world: frozenset[int] = EMPTY
    given: frozenset[int] = EMPTY
    family: frozenset[int] = EMPTY
    #: West and Central African family names (kind ``b``)
    african_family: frozenset[int] = EMPTY

    def ids(self, key: str) -> frozenset[int]:
        return self.by_key.get(key, EMPTY)

    def _add(self, key: str, ident: int) -> None:
        self.by_key[key] = self.by_key.get(key, EMPTY) | {ident}

    def add_name(self, freq: int, arabic: str, spellings: list[str]) -> int:
        ident = len(self.freq)
        self.freq.append(freq)
        self.canonical.append(spellings[0] if spellings else arabic)
        for spelling in spellings:
            for key in spelling_keys(spelling):
                self._add(key, ident)
        if arabic and arabic != "-":
            for key in spelling_keys(arabic):
                self._add(key, ident)
        return ident


def part_key(part: Part) -> str:
    """The dictionary key of one parsed part: connector + folded word."""
    word = part.word if part.arabic else fold(part.word)
    return f"{part.conn}:{word}" if part.conn else word


def alt_key(alt: str) -> str:
    """Key of an alternative reading ('ben:ali' or 'amrani')."""
    if ":" in alt:
        conn, word = alt.split(":", 1)
        return f"{conn}:{fold(word)}"
    return fold(alt)


def spelling_keys(spelling: str) -> list[str]:
    """Keys of a dictionary spelling: its single part, or its parts joined."""
    parts = parse(spelling)
    if not parts:
        return []
    if len(parts) == 1:
        # only the spelling itself: its other readings (Alamine → amine) would tie
        # the name to look-alikes
        return [part_key(parts[0])]
    joined = "".join(p.word for p in parts)
    return [joined if parts[0].arabic else fold(joined)]


def parse_dictionary(text: str) -> NameDictionary:
    d = NameDictionary()
    arabic_ids: set[int] = set()
    given: set[int] = set()
    family: set[int] = set()
    african_family: set[int] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ValueError(f"names.tsv: bad line {line!r}")
        kind, freq, arabic, spellings = cols
        ident = d.add_name(int(freq), arabic.strip(), [s for s in spellings.split("|") if s])
        if kind in ("m", "f", "s"):
            arabic_ids.add(ident)
        if kind == "b":
            african_family.add(ident)
        else:
            (family if kind == "s" else given).add(ident)
    d.arabic_world = frozenset(arabic_ids)
    d.african_family = frozenset(african_family)
    d.given, d.family = frozenset(given), frozenset(family)
    return d


@lru_cache(maxsize=1)
def default_dictionary() -> NameDictionary:
    """The dictionary shipped with Liaison (loaded once per process)."""
    text = resources.files("liaison.screening").joinpath("data/names.tsv").read_text("utf-8")
    return parse_dictionary(text)
