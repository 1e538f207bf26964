"""Synthetic persons for the demo, from Faker's locales: French, Spanish, Dutch,
Italian, German, English, Portuguese, Turkish, and Arabic script (whose persons carry
their name in Arabic script as it would appear on an Arabic-language document)."""

from __future__ import annotations

import random
from typing import Any

from faker import Faker

#: origin -> (Faker locale, nationality)
LOCALES: dict[str, tuple[str, str]] = {
    "FR": ("fr_FR", "FR"), "ES": ("es_ES", "ES"), "BE": ("fr_BE", "BE"), "NL": ("nl_NL", "NL"),
    "IT": ("it_IT", "IT"), "DE": ("de_DE", "DE"), "PT": ("pt_PT", "PT"), "GB": ("en_GB", "GB"),
    "US": ("en_US", "US"), "CA": ("en_CA", "CA"), "TR": ("tr_TR", "TR"), "CH": ("de_CH", "CH"),
    "SE": ("sv_SE", "SE"), "NO": ("no_NO", "NO"),
}
ARABIC_SCRIPT = ("ar_AA", "ar_SA")
ARAB_NATIONALITIES = ["MA", "DZ", "TN", "EG", "SA", "MR", "LY", "JO", "SY", "IQ"]


class PersonFactory:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed + 1)
        self.fakers: dict[str, Faker] = {}
        self.seed = seed

    def _faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            fake = Faker(locale)
            fake.seed_instance(self.seed + len(self.fakers))
            self.fakers[locale] = fake
        return self.fakers[locale]

    def _birth(self) -> str:
        year = self.rng.randint(1955, 2004)
        kind = self.rng.random()
        if kind < 0.08:
            return str(year)
        if kind < 0.12:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def person(self, ref: str, origin: str | None = None) -> dict[str, Any]:
        """A person record. ``origin`` is a country code, ``"arab"``, or None (any)."""
        male = self.rng.random() < 0.82
        if origin in LOCALES:
            locale, nationality = LOCALES[origin]
        elif origin == "arab" or origin in ARAB_NATIONALITIES or origin is None and self.rng.random() < 0.45:
            locale, nationality = self.rng.choice(ARABIC_SCRIPT), (
                origin if origin in ARAB_NATIONALITIES else self.rng.choice(ARAB_NATIONALITIES))
        else:
            locale, nationality = LOCALES[self.rng.choice(list(LOCALES))]
        fake = self._faker(locale)
        first = fake.first_name_male() if male else fake.first_name_female()
        full = f"{first} {fake.last_name()}"
        script = "arabic" if locale in ARABIC_SCRIPT else "latin"
        return {
            "kind": "person", "ref": ref,
            "names": [{"full_name": full, "script": script, "type": "primary"}],
            "birth_date": self._birth(), "sex": "M" if male else "F",
            "nationalities": [nationality], "classification": "confidential",
        }
