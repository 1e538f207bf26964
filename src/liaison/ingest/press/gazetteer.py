"""Names the extractor knows: countries (French names and nationality adjectives),
agencies with their acronyms, and known officials.

The built-in default needs no database: country names come from Babel's French
territory names and pycountry's French gettext catalogue, the adjectives and agencies
from ``liaison/ingest/data/``. :func:`build_gazetteer` takes the records Liaison holds
(Country, Agency and person records mapped to the entries below) and merges them in.
"""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry
from babel import Locale


@dataclass(frozen=True)
class CountryEntry:
    code: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # masculine and feminine singular forms


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class OfficialEntry:
    name: str
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: str  # ISO code for a country, canonical name for an agency or official
    via: str
    surface: str


#: country names that are also first names or cities: kept only without a capitalised
#: word after them («Maurice Dupont» is a person)
AMBIGUOUS_NAMES = {"Maurice", "Dominique", "Salvador", "Grenade", "Jersey", "Guernesey"}
#: territory names never read as a country in press texts
_SKIP_NAMES = {"La Réunion", "Réunion", "Réunion, Île de la", "Man", "Union européenne"}
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "MA": ("Royaume du Maroc",), "FR": ("République française",),
    "ES": ("Royaume d'Espagne",), "GB": ("Grande-Bretagne", "Angleterre"),
    "US": ("Etats-Unis", "États-Unis d'Amérique", "USA"), "RU": ("Fédération de Russie",),
    "DE": ("République fédérale d'Allemagne",), "AE": ("Émirats", "EAU"),
    "SA": ("Royaume d'Arabie saoudite",), "BE": ("Royaume de Belgique",),
    "NL": ("Hollande",), "CI": ("Côte d'Ivoire",), "CD": ("RDC",), "KR": ("Corée du Sud",),
    "KP": ("Corée du Nord",), "CZ": ("République tchèque",), "VA": ("Vatican",),
    "PS": ("Palestine",), "MM": ("Myanmar",), "VN": ("Vietnam",), "SZ": ("Swaziland",),
    "JO": ("Royaume hachémite de Jordanie",), "TL": ("Timor-Leste",), "CV": ("Cabo Verde",),
    # «le Congo» alone is Brazzaville's (Kinshasa's is «la RDC» or «la République
    # démocratique du Congo», matched first as the longer name)
    "CG": ("Congo", "Congo-Brazzaville", "République du Congo"),
    "LU": ("Grand-Duché de Luxembourg",),
}  # fmt: skip
#: adjectives the nationality list lacks: «la Police grand-ducale» is Luxembourg's
EXTRA_ADJECTIVES: dict[str, tuple[str, ...]] = {"LU": ("grand-ducal", "grand-ducale")}


@dataclass
class Gazetteer:
    countries: dict[str, CountryEntry]
    agencies: list[AgencyEntry]
    officials: list[OfficialEntry]
    prefixes: dict[str, str] = field(default_factory=dict)
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    _lookup: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        names = {n.lower(): c.code for c in self.countries.values() for n in c.names}
        adjectives = {
            form.lower(): c.code
            for c in self.countries.values()
            for adjective in c.adjectives
            for form in _plurals(adjective)
        }
        agencies = {n.lower(): a.name for a in self.agencies for n in (a.name, *a.aliases)}
        acronyms = {n: a.name for a in self.agencies for n in a.acronyms}
        officials = {o.name: o.name for o in self.officials}
        self._lookup = {"name": names, "adjective": adjectives, "agency": agencies,
                        "acronym": acronyms, "official": officials}  # fmt: skip
        self._compiled = {
            "name": _alternation(names, re.IGNORECASE, hyphen=True),
            "adjective": _alternation(adjectives, re.IGNORECASE),
            "compound": re.compile(
                rf"(?<![\w-])((?:{_alt(self.prefixes)})-)+({_alt(adjectives)})(?![\w-])",
                re.IGNORECASE,
            ),
            "agency": _alternation(agencies, re.IGNORECASE),
            "acronym": _alternation(acronyms, 0),
            "official": _alternation(officials, 0),
        }

    def country_name(self, code: str) -> str:
        entry = self.countries.get(code)
        return entry.names[0] if entry and entry.names else code

    def agency(self, name: str) -> AgencyEntry | None:
        return next((a for a in self.agencies if a.name == name), None)

    def official(self, name: str) -> OfficialEntry | None:
        return next((o for o in self.officials if o.name == name), None)

    def find_countries(self, text: str) -> list[Hit]:
        """Countries named, given by adjective, or in compounds («maroco-français»)."""
        hits: list[Hit] = []
        for match in self._compiled["compound"].finditer(text):
            for part in re.split(r"-", match.group(0))[:-1]:
                code = self.prefixes.get(part.lower())
                if code:
                    hits.append(Hit(match.start(), match.end(), code, "compound", part))
            code = self._lookup["adjective"][match.group(2).lower()]
            hits.append(Hit(match.start(2), match.end(), code, "compound", match.group(2)))
        for kind in ("name", "adjective"):
            for match in self._compiled[kind].finditer(text):
                if _overlaps(match.start(), match.end(), hits) or not _plausible(text, match, kind):
                    continue
                if kind == "name" and not self._joined_names_ok(text, match):
                    continue
                code = self._lookup[kind][match.group(0).lower()]
                hits.append(Hit(match.start(), match.end(), code, kind, match.group(0)))
        return sorted(hits, key=lambda hit: hit.start)

    def _joined_names_ok(self, text: str, match: re.Match[str]) -> bool:
        """«Maroc-Espagne» joins two countries; «Jean-Maurice» is a first name."""
        names = self._lookup["name"]
        if match.start() > 0 and text[match.start() - 1] == "-":
            word = re.search(r"[\w']+$", text[: match.start() - 1])
            if not word or word.group(0).lower() not in names:
                return False
        if text[match.end() : match.end() + 1] == "-":
            word = re.match(r"[\w']+", text[match.end() + 1 :])
            if not word or word.group(0).lower() not in names:
                return False
        return True

    def find_agencies(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for kind in ("agency", "acronym"):
            for match in self._compiled[kind].finditer(text):
                if _overlaps(match.start(), match.end(), hits):
                    continue
                key = match.group(0) if kind == "acronym" else match.group(0).lower()
                name = self._lookup[kind][key]
                hits.append(Hit(match.start(), match.end(), name, kind, match.group(0)))
        return sorted(hits, key=lambda hit: hit.start)

    def find_officials(self, text: str) -> list[Hit]:
        return [
            Hit(m.start(), m.end(), m.group(0), "official", m.group(0))
            for m in self._compiled["official"].finditer(text)
        ]


def _alt(words: Iterable[str]) -> str:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered) or "(?!)"


def _alternation(words: dict[str, str], flags: int, hyphen: bool = False) -> re.Pattern[str]:
    """Whole words; with ``hyphen``, a hyphen may touch the match («Maroc-Espagne»)."""
    edge = r"\w" if hyphen else r"\w-"
    return re.compile(rf"(?<![{edge}])(?:{_alt(words)})(?![{edge}])", flags)


def _overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(start < hit.end and hit.start < end for hit in hits)


def _plurals(adjective: str) -> tuple[str, ...]:
    plural = adjective if adjective[-1] in "sx" else adjective + "s"
    return (adjective, plural)


_GEOGRAPHY = re.compile(
    r"\b(?:détroit|golfe|mer|canal|océan|baie|cap|mont|lac|fleuve|désert)\s+(?:de|du|d')\s*$",
    re.IGNORECASE,
)
_LANGUAGE_CONTEXT = re.compile(r"(?:\ben|\blangues?|\bversion)\s+$", re.IGNORECASE)


def _plausible(text: str, match: re.Match[str], kind: str) -> bool:
    surface = match.group(0)
    before, after = text[: match.start()], text[match.end() :]
    if kind == "name":
        if not surface[0].isupper():
            return False
        if surface in AMBIGUOUS_NAMES and re.match(r"\s+[A-ZÀ-Ý]", after):
            return False
        if _GEOGRAPHY.search(before):  # «le détroit de Gibraltar», «le golfe de Guinée»
            return False
        return not re.search(r"\b(?:M\.|Mme|Dr)\s+$", before)
    if _LANGUAGE_CONTEXT.search(before):  # «traduit en espagnol», «langue française»
        return False
    return not (surface.lower().startswith("indien") and before.lower().endswith("océan "))


def _country_entries() -> dict[str, CountryEntry]:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    territories = Locale("fr").territories
    adjectives: dict[str, list[str]] = {}
    for line in _data_lines("fr_nationality_adjectives.tsv"):
        code, masculine, feminine = line.split("\t")
        adjectives.setdefault(code, []).extend([masculine, feminine])
    for code, extra in EXTRA_ADJECTIVES.items():
        adjectives.setdefault(code, []).extend(extra)
    entries: dict[str, CountryEntry] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = [territories.get(code, ""), french.gettext(country.name)]
        names += EXTRA_COUNTRY_NAMES.get(code, ())
        kept = [n for n in dict.fromkeys(names) if n and "," not in n and n not in _SKIP_NAMES]
        kept += [n.split(" (")[0] for n in kept if " (" in n]
        entries[code] = CountryEntry(code, tuple(kept), tuple(adjectives.get(code, ())))
    return entries


def _data_lines(name: str) -> list[str]:
    text = resources.files("liaison.ingest").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _default_agencies() -> tuple[list[AgencyEntry], list[OfficialEntry]]:
    text = resources.files("liaison.ingest").joinpath("data", "agencies.json").read_text("utf-8")
    data = json.loads(text)
    agencies = [
        AgencyEntry(a["name"], tuple(a["acronyms"]), tuple(a["aliases"]), a["country"])
        for a in data["agencies"]
    ]
    officials = [OfficialEntry(**o) for o in data["officials"]]
    return agencies, officials


def build_gazetteer(
    countries: Iterable[CountryEntry] = (),
    agencies: Iterable[AgencyEntry] = (),
    officials: Iterable[OfficialEntry] = (),
    *,
    include_defaults: bool = True,
) -> Gazetteer:
    """A gazetteer from Liaison's own records, merged over the built-in defaults.

    A country entry adds names and adjectives to the default entry of its code; agency
    and official entries are added to (or, with ``include_defaults=False``, replace)
    the built-in lists.
    """
    merged = _country_entries() if include_defaults else {}
    for entry in countries:
        old = merged.get(entry.code, CountryEntry(entry.code))
        merged[entry.code] = CountryEntry(
            entry.code,
            tuple(dict.fromkeys(old.names + entry.names)),
            tuple(dict.fromkeys(old.adjectives + entry.adjectives)),
        )
    base_agencies, base_officials = _default_agencies() if include_defaults else ([], [])
    prefixes = {}
    for line in _data_lines("fr_country_prefixes.tsv"):
        code, prefix = line.split("\t")
        prefixes[prefix] = code
    return Gazetteer(
        countries=merged,
        agencies=[*agencies, *base_agencies],
        officials=[*officials, *base_officials],
        prefixes=prefixes,
    )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer (no database needed), built once per process."""
    return build_gazetteer()
