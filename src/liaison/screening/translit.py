"""Transliteration of Arabic and Cyrillic script to Latin.

Arabic script writes no short vowels, so an Arabic word cannot be turned into *the*
Latin spelling of a name.  What it gives reliably is a consonant skeleton: محمد is
m-h-m-d, whichever of Mohamed, Muhammad or Mhamed the passport office chose.  The
letter values follow the Arabic table of ICAO Doc 9303 part 3 (the one used on
machine-readable passports), without its reversibility markers (the leading X of
XKH, XDH, ...).  The long vowels ا و ي and the ع/ء glottal letters are kept apart
(``arabic_to_latin`` renders them as vowels) because Latin spellings write them as
vowels or drop them.

Cyrillic has two common romanisations that differ in a handful of letters:
BGN/PCGN (Юрий → Yuriy, Евгений → Yevgeniy) and ICAO 9303 (IURII, EVGENII).  Both
are given; name folding then makes them meet.
"""

from __future__ import annotations

import re
import unicodedata

# ICAO 9303 Arabic letter values (practical form, no X markers).
ARABIC_ICAO: dict[str, str] = {
    "ء": "", "آ": "a", "أ": "a", "ؤ": "u", "إ": "i", "ئ": "i", "ا": "a",
    "ب": "b", "ة": "a", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "e", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ى": "a",
    "ي": "y", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}

# Consonant class of each Arabic letter in the skeleton alphabet shared with Latin
# (see phonetic.skeleton): long vowels, glides and glottals are dropped.
ARABIC_SKELETON: dict[str, str] = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "چ": "c",
    "گ": "j", "ح": "h", "ه": "h", "خ": "x", "د": "d", "ذ": "d", "ض": "d",
    "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s", "ش": "c", "غ": "g",
    "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m",
    "ن": "n",
}

ARABIC_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}

CYRILLIC_BGN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g",
}

CYRILLIC_ICAO: dict[str, str] = {
    **CYRILLIC_BGN,
    "ё": "e", "й": "i", "х": "kh", "ъ": "ie", "ю": "iu", "я": "ia", "є": "ie",
    "ї": "i", "ґ": "g",
}

_BGN_IOTATED = {"е": "ye", "ё": "yë"}
_VOWELS_CYR = set("аеёиоуыэюяьъйєії")


_OTHER_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u0400-\u04ff]")


def script_of(text: str) -> str:
    """'arabic', 'cyrillic' or 'latin' (the first non-Latin letter decides)."""
    m = _OTHER_SCRIPT.search(text)
    if m is None:
        return "latin"
    return "cyrillic" if "\u0400" <= m.group() <= "\u04ff" else "arabic"


def strip_arabic_marks(word: str) -> str:
    """Remove short-vowel marks and tatweel; unify alef and final ya/ta marbuta."""
    out = []
    for ch in word:
        if ch in ARABIC_DIACRITICS:
            continue
        if ch in "أإآٱ":
            ch = "ا"
        out.append(ch)
    return "".join(out)


def arabic_to_latin(word: str) -> str:
    """Letter-by-letter ICAO rendering of an Arabic word (no short vowels)."""
    return "".join(ARABIC_ICAO.get(ch, "") for ch in strip_arabic_marks(word))


def arabic_skeleton(word: str) -> str:
    """Consonant skeleton of an Arabic word, doubled classes collapsed."""
    out: list[str] = []
    letters = strip_arabic_marks(word)
    if letters.endswith("ه"):
        letters = letters[:-1]
    for ch in letters:
        cls = ARABIC_SKELETON.get(ch)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def cyrillic_to_latin(text: str, scheme: str = "bgn") -> str:
    """Romanise Cyrillic text with BGN/PCGN ('bgn') or ICAO 9303 ('icao') values."""
    table = CYRILLIC_BGN if scheme == "bgn" else CYRILLIC_ICAO
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in table:
            value = table[low]
            if scheme == "bgn" and low in _BGN_IOTATED and (not prev or prev in _VOWELS_CYR):
                value = _BGN_IOTATED[low]
            out.append(value.capitalize() if ch != low and value else value)
        else:
            out.append(ch)
        prev = low if low.isalpha() else ""
    return "".join(out)


def to_latin(text: str) -> str:
    """Best-effort Latin rendering of any supported script (Arabic kept for skeletons)."""
    if script_of(text) == "cyrillic":
        return cyrillic_to_latin(text, "bgn")
    return text


def strip_accents(text: str) -> str:
    """Remove combining marks after compatibility decomposition; a few letters by hand."""
    text = text.translate(_SPECIAL)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_SPECIAL = str.maketrans({
    "ß": "ss", "ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "þ": "th", "ð": "d", "ʼ": "", "ʻ": "",
    "’": "", "‘": "", "`": "", "´": "",
})
