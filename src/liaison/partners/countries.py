"""Reference data for countries, from maintained packages: ISO codes and names from
pycountry (French names through its gettext catalogue), the continent from Babel's
time-zone data (the continent part of each country's zones)."""

from __future__ import annotations

import gettext
from collections import Counter
from functools import lru_cache

import pycountry
from babel.core import get_global

#: Members of the League of Arab States (the "Arab level" of notices and cancellations).
ARAB_LEAGUE = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)

_CONTINENTS = {
    "Africa": "africa",
    "America": "americas",
    "Asia": "asia",
    "Europe": "europe",
    "Australia": "oceania",
    "Pacific": "oceania",
    "Indian": "africa",
    "Atlantic": "europe",
    "Antarctica": "antarctica",
}


@lru_cache(maxsize=1)
def _french() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def french_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return _french().gettext(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=1)
def _zones() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = get_global("territory_zones")
    return zones


def continent(code: str) -> str:
    """The continent a country lies in, from the prefixes of its time zones."""
    zones = _zones().get(code, [])
    votes = Counter(_CONTINENTS.get(z.split("/")[0], "") for z in zones)
    votes.pop("", None)
    return votes.most_common(1)[0][0] if votes else "other"


def region(code: str) -> str:
    """The region used by reports: ``arab`` for League members, else the continent."""
    return "arab" if code in ARAB_LEAGUE else continent(code)


def all_countries() -> list[dict[str, str]]:
    rows = []
    for c in pycountry.countries:
        rows.append(
            {
                "code": c.alpha_2,
                "alpha3": c.alpha_3,
                "name_en": getattr(c, "common_name", None) or c.name,
                "name_fr": french_name(c.alpha_2),
                "region": region(c.alpha_2),
            }
        )
    return rows


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_country(code: str) -> bool:
    return code.upper() in _codes()
