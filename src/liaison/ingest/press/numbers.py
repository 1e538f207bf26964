"""Numbers as French press texts write them: «6 473», «2,5 millions», «quarante-trois»."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num  # type: ignore[import-untyped]

_WORDS = (
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt vingts trente quarante cinquante soixante cent cents mille"
).split()
_WORD = "(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
NUMBER_WORDS = re.compile(
    rf"(?<![\w-]){_WORD}(?:(?:-|\s+|\s+et\s+|-et-){_WORD})*(?![\w-])", re.IGNORECASE
)
#: «6 473», «2 006», «12,5», «1.200.000»; thin and no-break spaces count as separators
DIGITS = re.compile(
    r"(?<![\w.,/])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3})+(?!\d)|\d+)"
    r"(?:,\d+)?(?![\w/]|[.,]\d)"
)
#: the small counts the readers' patterns name («deux accords», «à trois reprises»,
#: «après quatre jours»), in words or a digit
SMALL_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_MULTIPLIER = re.compile(r"^\s+(millions?|milliards?)\b", re.IGNORECASE)
_MULTIPLIERS = {"million": 1_000_000, "milliard": 1_000_000_000}


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    text: str
    in_words: bool


def parse_digits(text: str) -> float:
    """«6 473» → 6473, «12,5» → 12.5, «1.200» → 1200."""
    cleaned = re.sub(r"[ \u00a0\u202f]", "", text)
    whole, _, decimals = cleaned.partition(",")
    whole = whole.replace(".", "")
    return float(f"{whole}.{decimals}") if decimals else float(whole)


def _with_multiplier(text: str, end: int, value: float) -> tuple[float, int]:
    match = _MULTIPLIER.match(text[end:])
    if not match:
        return value, end
    factor = _MULTIPLIERS[match.group(1).lower().rstrip("s")]
    return value * factor, end + match.end()


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text``, in digits or in words (not «un»/«une» alone)."""
    found: list[NumberMatch] = []
    for match in DIGITS.finditer(text):
        value, end = _with_multiplier(text, match.end(), parse_digits(match.group(0)))
        found.append(NumberMatch(match.start(), end, value, text[match.start() : end], False))
    for match in NUMBER_WORDS.finditer(text):
        words = match.group(0)
        if words.lower() in {"un", "une", "zéro"}:
            continue
        try:
            value = float(text2num(words.lower(), "fr"))
        except ValueError:
            continue
        value, end = _with_multiplier(text, match.end(), value)
        found.append(NumberMatch(match.start(), end, value, text[match.start() : end], True))
    return sorted(found, key=lambda item: item.start)


def as_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
