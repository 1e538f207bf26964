"""Name normalisation: from a written name to its structural parts.

A name is cleaned (case, accents, punctuation, Cyrillic romanised) and cut into
parts.  Arabic-world structure is recognised in Latin and in Arabic script:

* articles El/Al/Es-/Et-/Ech-/Ed-/Er-/Ez-… and ال are dropped (El Amrani = Amrani);
  a joined article (Elamrani, Essaidi) is kept as one more form of the part;
* filiation and family connectors ben/bin/ibn/bent/bint (بن، ابن، بنت), Ould (ولد),
  Ait/Aït (آيت) and the kunya Abou/Abu (أبو) are attached to the name that follows
  (``Part.conn``), joined or not (Benali = Ben Ali = Bin Ali = Ibn Ali);
* compound given names on Abd (Abdelkader = Abd el Kader = Abdul Qadir = عبد القادر)
  and on -eddine/-uddin (Noureddine = Nour Eddine = Nuruddin) become one part;
* European particles (de, van, von, da…) are dropped; word order is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from liaison.screening.translit import script_of, strip_accents, strip_arabic_marks, to_latin

ARTICLES = frozenset({"el", "al", "ul", "es", "et", "ech", "ed", "er", "ez", "ash", "as",
                      "at", "ad", "ar", "az", "an", "en", "ec", "ej", "el'", "l"})
PARTICLES = frozenset({"de", "da", "do", "di", "du", "del", "della", "der", "den", "van",
                       "von", "dos", "das", "le", "la", "y", "bin.", "mc"})
CONNECTORS: dict[str, str] = {
    "ben": "ben", "bin": "ben", "ibn": "ben", "bent": "ben", "bint": "ben", "b": "ben",
    "ould": "ould", "uld": "ould", "wuld": "ould", "ait": "ait", "ath": "ait",
    "abou": "abu", "abu": "abu", "abo": "abu", "bou": "abu",
}


def _connector_typos() -> dict[str, str]:
    """A connector mistyped by one letter dropped, doubled or swapped with its
    neighbour (bn, ebn, iat, olud, aboou…): read as the connector when more than one
    name part follows or precedes it. Substitutions are left out (hen, bon, bit… are
    words of their own), and so is every result of two letters but ``bn``."""
    out: dict[str, str] = {}
    for word, conn in CONNECTORS.items():
        if len(word) < 3:
            continue
        typos = {word[:i] + word[i + 1:] for i in range(len(word))}
        typos |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
        typos |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
        for t in typos:
            if (len(t) >= 3 or t == "bn") and t not in CONNECTORS and t not in out:
                out[t] = conn
    for t in ("old", "been", "bet", "int", "ent", "bit", "aou", "ath", "tah", "bao", "oul",
              "oud", "lud", "wul", "aht", "ati", "obu", "buo", "aob", "aub", "inb", "udl"):
        out.pop(t, None)
    return out


CONNECTOR_TYPOS = _connector_typos()
_DIVINE_LOOSE: tuple[str, ...] = ()
ARABIC_CONNECTORS: dict[str, str] = {
    "بن": "ben", "ابن": "ben", "بنت": "ben", "ولد": "ould", "ايت": "ait", "ابو": "abu",
    "ابي": "abu", "ابا": "abu",
}
_ABD_SPLIT = re.compile(r"^abd(?:el|al|ul|oul|il)?$")
_ABD_JOINED = re.compile(r"^abd(?:oul|ul|el|al|il|ol|ou|u|e|a|i|o)?(.{3,})$")
_DIN_SUFFIX = re.compile(
    r"^(.{3,}?)(?:eddine|eddin|edine|uddin|uddine|iddin|addin|ddine|ddin|dine|din)$")
_JOINED_ARTICLE = re.compile(r"^(?:el|al)([a-z]{4,})$")
_ASSIMILATED = re.compile(r"^[ea](ch|sh|[tdrzsnl])\1([a-z]{2,})$")
_LEADING_ARTICLE = re.compile(r"^(?:el|al|ul|il|oul)([a-z]{3,})$")
_JOINED_CONN = re.compile(r"^(ben|bin|ibn|bent|bint|ould|ait|abou|abu|bou)-?([a-z]{3,})$")
_SPLIT = re.compile(r"[\s\-_,;/.()\"]+")
_CONN_ABD = re.compile(r"^(ben|bin|ibn|abou|abu|ould)abd(?:el|al|ul|oul)?$")
_DIN_WORDS = frozenset({"eddine", "eddin", "uddin", "din", "dine", "ddine", "edine"})


# The names of God that follow Abd in a compound given name (Abd al-Qadir, Abd Allah,
# Abd al-Nasser…), from the traditional list of the divine names, in a plain
# romanisation. "Abdul Talbot" is a given name and a family name, not a compound.
_DIVINE = ("allah", "lah", "ilah", "rahman", "rahim", "malik", "qudus", "quddus", "salam",
           "mumin", "muhaymin", "aziz", "jabbar", "mutakabbir", "khaliq", "bari", "musawwir",
           "ghaffar", "ghafar", "qahhar", "wahhab", "wahab", "razzaq", "razak", "fattah",
           "alim", "basit", "hafiz", "hafidh", "muizz", "sami", "basir", "hakam", "adl",
           "latif", "khabir", "halim", "azim", "ghafur", "shakur", "ali", "aali", "kabir",
           "mujib", "wasi", "hakim", "wadud", "majid", "shahid", "haqq", "haq", "wakil",
           "qawi", "matin", "wali", "hamid", "muhyi", "hayy", "hay", "qayyum", "wajid",
           "wahid", "ahad", "samad", "qadir", "kader", "muqtadir", "awwal", "zahir", "batin",
           "barr", "tawwab", "rauf", "raouf", "ghani", "mughni", "nur", "nour", "hadi",
           "badi", "baqi", "warith", "rashid", "sabur", "jalil", "karim", "krim", "raqib",
           "nasser", "nasir", "munim", "moneim", "muttalib", "nabi", "rasul", "husayn",
           "hussein", "masih", "mutalib", "hamid", "hafid")


@lru_cache(maxsize=50_000)
def divine_name(word: str) -> bool:
    """Whether a (clean, lower-case) word is one of the divine names above, allowing the
    romanisation differences and one mistyped letter."""
    from rapidfuzz.distance import OSA

    from liaison.screening.phonetic import fold, loose

    w = loose(fold(word))
    for name in _DIVINE_LOOSE:
        if w == name or (len(name) >= 4 and len(w) >= 4 and OSA.distance(w, name) <= 1):
            return True
    return False


def _divine_loose() -> tuple[str, ...]:
    from liaison.screening.phonetic import fold, loose

    return tuple(sorted({loose(fold(n)) for n in _DIVINE}))


@dataclass(frozen=True, slots=True)
class Part:
    """One name part: its word (clean, lower case), connector, script and other forms."""

    word: str
    conn: str = ""
    arabic: bool = False
    alts: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.conn} {self.word}" if self.conn else self.word


def clean(name: str) -> str:
    """Lower case, accents and apostrophes removed, Cyrillic romanised (BGN/PCGN)."""
    if name.isascii():
        # most names: no other script and nothing to decompose
        return strip_accents(name).lower().replace("'", "")
    latin = to_latin(name)
    if script_of(latin) == "arabic":
        return strip_arabic_marks(latin)
    text = strip_accents(latin).lower().replace("'", "")
    return text


def split_words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(clean(name)) if w]


def parse(name: str) -> list[Part]:
    """Structural parts of a full name, in written order."""
    words = split_words(name)
    if words and script_of(" ".join(words)) == "arabic":
        return _parse_arabic(words)
    return _parse_latin(words)


def _parse_latin(words: list[str]) -> list[Part]:
    parts: list[Part] = []
    conn = ""
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        last = i == n - 1
        if not last and (w in ARTICLES or w in PARTICLES):
            i += 1
            continue
        if len(w) == 1 and n >= 3:
            i += 1
            continue
        cab = _CONN_ABD.match(w)
        if cab and not last:
            conn = CONNECTORS[cab.group(1)]
            w = words[i] = "abd"
        if not last and w in CONNECTORS:
            conn = CONNECTORS[w]
            i += 1
            continue
        if not last and n >= 3 and w in CONNECTOR_TYPOS and not conn:
            conn = CONNECTOR_TYPOS[w]
            i += 1
            continue
        if not last and _ABD_SPLIT.match(w):
            nxt = _strip_article(words[i + 1]) if words[i + 1] not in ARTICLES else (
                words[i + 2] if i + 2 < n else "")
            skip = 2 if words[i + 1] not in ARTICLES else 3
            if nxt and (divine_name(nxt) or divine_name(words[i + skip - 1])):
                parts.append(Part("abd" + nxt, conn))
                conn = ""
                i += skip
                continue
        if w in _DIN_WORDS and parts and not conn:
            prev = parts.pop()
            parts.append(Part(prev.word + "din", prev.conn))
            i += 1
            continue
        parts.append(_latin_part(w, conn))
        conn = ""
        i += 1
    return parts


def _strip_article(word: str) -> str:
    """kader, elkader, errahmane → kader, kader, rahmane (after Abd)."""
    m = _ASSIMILATED.match(word)
    if m:
        return m.group(1) + m.group(2)
    a = _LEADING_ARTICLE.match(word)
    return a.group(1) if a else word


@lru_cache(maxsize=200_000)
def _latin_part(word: str, conn: str) -> Part:
    """A Latin word with its alternative readings (joined article, connector, compound)."""
    alts: list[str] = []
    main = word
    m = _ABD_JOINED.match(word)
    if m and len(word) > 5:
        main = "abd" + _strip_article(m.group(1))
    else:
        d = _DIN_SUFFIX.match(word)
        if d and not conn:
            main = d.group(1) + "din"
    if not conn:
        j = _JOINED_CONN.match(word)
        if j:
            root = _latin_part(j.group(2), "x").word
            alts.append(f"{CONNECTORS[j.group(1)]}:{root}")
        a = _JOINED_ARTICLE.match(word)
        if a and (a.group(1)[-1] in "iy" or len(a.group(1)) >= 6):
            alts.append(a.group(1))
        s = _ASSIMILATED.match(word)
        if s:
            alts.append(s.group(1) + s.group(2))
    return Part(main, conn, False, tuple(alts))


def _parse_arabic(words: list[str]) -> list[Part]:
    parts: list[Part] = []
    conn = ""
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        last = i == n - 1
        if not last and w in ARABIC_CONNECTORS:
            conn = ARABIC_CONNECTORS[w]
            i += 1
            continue
        if w == "عبد" and not last:
            parts.append(Part("عبد" + _strip_al(words[i + 1]), conn, True))
            conn = ""
            i += 2
            continue
        if w in ("الدين", "الدين") and parts:
            prev = parts.pop()
            parts.append(Part(prev.word + "دين", prev.conn, True))
            i += 1
            continue
        word = _strip_al(w)
        if word.startswith("عبدال"):
            word = "عبد" + word[5:]
        parts.append(Part(word, conn, True))
        conn = ""
        i += 1
    return parts


def _strip_al(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


_DIVINE_LOOSE = _divine_loose()
