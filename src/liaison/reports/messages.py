"""The annual report's words, per language (French first), and number formatting.

A per-language message table: each entry is a text with ``{named}`` placeholders, or a
pair (singular, plural) chosen by :func:`Words.plural`. The web catalogue can take these
tables over as they are. Numbers, percentages and dates are formatted by Babel, so the
French text reads «6 473 dossiers, en hausse de 12 %».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from liaison.errors import ValidationError
from liaison.partners.countries import french_name

LANGUAGES = ("fr", "en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}

Message = str | tuple[str, str]

FR: dict[str, Message] = {
    "title_year": "Bilan annuel {year}",
    "title_range": "Bilan du {start} au {end}",
    "subtitle": "Bureau central national INTERPOL et coopération policière internationale — {home}",
    "when_year": "En {year}",
    "when_range": "Du {start} au {end}",
    "previous_year": "{year}",
    "previous_range": "la même période de l'année précédente",
    "generated": "Chiffres calculés à partir des enregistrements le {day}.",
    "summary": "Synthèse",
    "s_cases": "{when}, le Bureau a traité {total} {cases_word} de coopération, {change}.",
    "cases_word": ("dossier", "dossiers"),
    "up": "en hausse de {pct} par rapport à {previous} ({prev_total} {cases_word})",
    "down": "en baisse de {pct} par rapport à {previous} ({prev_total} {cases_word})",
    "and": "et",
    "flat": "un volume identique à celui de {previous}",
    "no_previous": "sans point de comparaison pour {previous}",
    "s_categories": "Par catégorie, la part la plus importante revient {first} ({first_pct})",
    "s_categories_more": ", devant {rest}",
    "s_letters": (
        "Au titre de l'entraide judiciaire, {received} {letters_word} et {executed} "
        "{executed_word} au cours de la période."
    ),
    "letters_word": (
        "commission rogatoire internationale a été reçue",
        "commissions rogatoires internationales ont été reçues",
    ),
    "executed_word": ("exécutée", "exécutées"),
    "s_warrants": (
        "Le Bureau a diffusé {issued} {warrants_word} ; {arrests} {arrests_word} "
        "en exécution de ces mandats."
    ),
    "warrants_word": ("mandat d'arrêt international", "mandats d'arrêt internationaux"),
    "arrests_word": ("arrestation est intervenue", "arrestations sont intervenues"),
    "s_notes": (
        "Sur le plan national, {search} {search_word} à la demande de services partenaires, "
        "ainsi que {wanted} {wanted_word} au niveau régional. {c_int} {c_int_word} au niveau "
        "international et {c_reg} au niveau régional."
    ),
    "search_word": ("note de recherche a été diffusée", "notes de recherche ont été diffusées"),
    "wanted_word": ("avis de recherche", "avis de recherche"),
    "c_int_word": ("note d'annulation a été transmise", "notes d'annulation ont été transmises"),
    "s_extraditions": (
        "En matière d'extradition, {to_home} {persons_word} par des États étrangers "
        "(contre {prev_to_home} en {previous}), et {by_home} {by_home_word}."
    ),
    "persons_word": (
        "personne recherchée par la justice nationale a été remise",
        "personnes recherchées par la justice nationale ont été remises",
    ),
    "by_home_word": (
        "personne a été remise par nos autorités à un État requérant",
        "personnes ont été remises par nos autorités aux États requérants",
    ),
    "s_diplomacy": (
        "Enfin, la coopération avec {partners} {partners_word} a été marquée par {meetings} "
        "{meetings_word} (dont {bilateral} {bilateral_word}) et la signature de {agreements} "
        "{agreements_word}."
    ),
    "s_diplomacy_no_agreement": (
        "Enfin, la coopération avec {partners} {partners_word} a été marquée par {meetings} "
        "{meetings_word} (dont {bilateral} {bilateral_word}) ; aucun accord n'a été signé."
    ),
    "meetings_word": ("réunion", "réunions"),
    "bilateral_word": ("bilatérale", "bilatérales"),
    "agreements_word": ("accord", "accords"),
    "partners_word": ("pays partenaire", "pays partenaires"),
    "key_figures": "Chiffres clés",
    "indicator": "Indicateur",
    "value": "Valeur",
    "cases_total": "Dossiers de coopération",
    "cases_previous": "Dossiers de l'année précédente",
    "change": "Évolution",
    "letters_received": "Commissions rogatoires reçues",
    "letters_executed": "Commissions rogatoires exécutées",
    "warrants_issued": "Mandats d'arrêt internationaux émis",
    "warrants_arrests": "Arrestations sur ces mandats",
    "search_notes_national": "Notes de recherche nationales",
    "wanted_notices_regional": "Avis de recherche régionaux",
    "cancellations_international": "Notes d'annulation internationales",
    "cancellations_regional": "Notes d'annulation régionales",
    "surrendered_to_home": "Personnes remises par des États étrangers",
    "previous_surrendered_to_home": "… l'année précédente",
    "surrendered_by_home": "Personnes remises à des États requérants",
    "meetings": "Réunions",
    "bilateral_meetings": "dont bilatérales",
    "agreements_signed": "Accords signés",
    "partner_countries": "Pays partenaires",
    "by_category": "Répartition des dossiers par catégorie",
    "category": "Catégorie",
    "count": "Nombre",
    "share": "Part",
    "trend": "Évolution sur cinq ans",
    "period": "Période",
    "cases": "Dossiers",
    "by_region": "Dossiers par région des pays partenaires",
    "region": "Région",
    "countries": "Pays",
    "top_countries": "Principaux pays partenaires",
    "country": "Pays",
    "map": "Pays partenaires de la période",
    "map_note": "En couleur : les pays avec lesquels le Bureau a échangé des dossiers, tenu des "
    "réunions ou signé des accords.",
    "map_desc": "{home} en rouge, et en bleu ses {n} pays partenaires : {names}.",
    "none": "Aucun enregistrement pour la période.",
    "home": "Accueil",
}

EN: dict[str, Message] = {
    "title_year": "Annual report {year}",
    "title_range": "Report from {start} to {end}",
    "subtitle": "INTERPOL National Central Bureau and international police cooperation — {home}",
    "when_year": "In {year}",
    "when_range": "From {start} to {end}",
    "previous_year": "{year}",
    "previous_range": "the same period a year earlier",
    "generated": "Figures computed from the records on {day}.",
    "summary": "Summary",
    "s_cases": "{when}, the Bureau handled {total} cooperation {cases_word}, {change}.",
    "cases_word": ("file", "files"),
    "up": "up {pct} on {previous} ({prev_total} {cases_word})",
    "down": "down {pct} on {previous} ({prev_total} {cases_word})",
    "and": "and",
    "flat": "the same volume as in {previous}",
    "no_previous": "with nothing to compare with in {previous}",
    "s_categories": "By category, {first} made up the largest share ({first_pct})",
    "s_categories_more": ", ahead of {rest}",
    "s_letters": (
        "Under mutual legal assistance, {received} {letters_word} and {executed} "
        "{executed_word} during the period."
    ),
    "letters_word": (
        "international rogatory letter was received",
        "international rogatory letters were received",
    ),
    "executed_word": ("executed", "executed"),
    "s_warrants": (
        "The Bureau broadcast {issued} {warrants_word}; {arrests} {arrests_word} "
        "on these warrants."
    ),
    "warrants_word": ("international arrest warrant", "international arrest warrants"),
    "arrests_word": ("arrest was made", "arrests were made"),
    "s_notes": (
        "At national level, {search} {search_word} at partners' request, together with "
        "{wanted} regional {wanted_word}. {c_int} {c_int_word} at international level and "
        "{c_reg} at regional level."
    ),
    "search_word": ("search note was broadcast", "search notes were broadcast"),
    "wanted_word": ("wanted notice", "wanted notices"),
    "c_int_word": ("cancellation note was sent", "cancellation notes were sent"),
    "s_extraditions": (
        "In extradition matters, {to_home} {persons_word} by foreign states (against "
        "{prev_to_home} in {previous}), and {by_home} {by_home_word}."
    ),
    "persons_word": (
        "person wanted by the national courts was surrendered",
        "persons wanted by the national courts were surrendered",
    ),
    "by_home_word": (
        "person was surrendered by our authorities to a requesting state",
        "persons were surrendered by our authorities to requesting states",
    ),
    "s_diplomacy": (
        "Finally, cooperation with {partners} {partners_word} was marked by {meetings} "
        "{meetings_word} (of which {bilateral} {bilateral_word}) and the signing of "
        "{agreements} {agreements_word}."
    ),
    "s_diplomacy_no_agreement": (
        "Finally, cooperation with {partners} {partners_word} was marked by {meetings} "
        "{meetings_word} (of which {bilateral} {bilateral_word}); no agreement was signed."
    ),
    "meetings_word": ("meeting", "meetings"),
    "bilateral_word": ("bilateral", "bilateral"),
    "agreements_word": ("agreement", "agreements"),
    "partners_word": ("partner country", "partner countries"),
    "key_figures": "Key figures",
    "indicator": "Indicator",
    "value": "Value",
    "cases_total": "Cooperation files",
    "cases_previous": "Files in the previous year",
    "change": "Change",
    "letters_received": "Rogatory letters received",
    "letters_executed": "Rogatory letters executed",
    "warrants_issued": "International arrest warrants issued",
    "warrants_arrests": "Arrests on these warrants",
    "search_notes_national": "National search notes",
    "wanted_notices_regional": "Regional wanted notices",
    "cancellations_international": "International cancellation notes",
    "cancellations_regional": "Regional cancellation notes",
    "surrendered_to_home": "Persons surrendered by foreign states",
    "previous_surrendered_to_home": "… in the previous year",
    "surrendered_by_home": "Persons surrendered to requesting states",
    "meetings": "Meetings",
    "bilateral_meetings": "of which bilateral",
    "agreements_signed": "Agreements signed",
    "partner_countries": "Partner countries",
    "by_category": "Files by category",
    "category": "Category",
    "count": "Number",
    "share": "Share",
    "trend": "Five-year trend",
    "period": "Period",
    "cases": "Files",
    "by_region": "Files by region of the partner country",
    "region": "Region",
    "countries": "Countries",
    "top_countries": "Main partner countries",
    "country": "Country",
    "map": "Partner countries of the period",
    "map_note": "In colour: the countries the Bureau exchanged files with, met or signed "
    "agreements with.",
    "map_desc": "{home} in red, and in blue its {n} partner countries: {names}.",
    "none": "No records for the period.",
    "home": "Home",
}

CATEGORIES: dict[str, dict[str, str]] = {
    "fr": {
        "drugs": "trafic de drogue",
        "illegal_immigration": "immigration illégale",
        "transfer_of_detainees": "transfèrement de détenus",
        "mutual_data_exploitation": "exploitation mutuelle de données",
        "information_request": "demandes d'information",
        "terrorism": "terrorisme",
        "cybercrime": "cybercriminalité",
        "money_laundering": "blanchiment de capitaux",
        "human_trafficking": "traite des êtres humains",
        "organised_crime": "criminalité organisée",
        "other": "autres affaires",
        "uncategorised": "non catégorisés",
    },
    "en": {
        "drugs": "drug trafficking",
        "illegal_immigration": "illegal immigration",
        "transfer_of_detainees": "transfer of detainees",
        "mutual_data_exploitation": "mutual data exploitation",
        "information_request": "information requests",
        "terrorism": "terrorism",
        "cybercrime": "cybercrime",
        "money_laundering": "money laundering",
        "human_trafficking": "human trafficking",
        "organised_crime": "organised crime",
        "other": "other matters",
        "uncategorised": "uncategorised",
    },
}

#: French forms of a category inside a sentence: (after «revient», after «devant»)
CATEGORY_PHRASES_FR: dict[str, tuple[str, str]] = {
    "drugs": ("au trafic de drogue", "le trafic de drogue"),
    "illegal_immigration": ("à l'immigration illégale", "l'immigration illégale"),
    "transfer_of_detainees": ("au transfèrement de détenus", "le transfèrement de détenus"),
    "mutual_data_exploitation": (
        "à l'exploitation mutuelle de données",
        "l'exploitation mutuelle de données",
    ),
    "information_request": ("aux demandes d'information", "les demandes d'information"),
    "terrorism": ("au terrorisme", "le terrorisme"),
    "cybercrime": ("à la cybercriminalité", "la cybercriminalité"),
    "money_laundering": ("au blanchiment de capitaux", "le blanchiment de capitaux"),
    "human_trafficking": ("à la traite des êtres humains", "la traite des êtres humains"),
    "organised_crime": ("à la criminalité organisée", "la criminalité organisée"),
    "other": ("aux autres affaires", "les autres affaires"),
}

REGIONS: dict[str, dict[str, str]] = {
    "fr": {
        "arab": "Pays arabes",
        "europe": "Europe",
        "africa": "Afrique",
        "americas": "Amériques",
        "asia": "Asie",
        "oceania": "Océanie",
        "antarctica": "Antarctique",
        "other": "Autres",
    },
    "en": {
        "arab": "Arab countries",
        "europe": "Europe",
        "africa": "Africa",
        "americas": "Americas",
        "asia": "Asia",
        "oceania": "Oceania",
        "antarctica": "Antarctica",
        "other": "Other",
    },
}

TABLES: dict[str, dict[str, Message]] = {"fr": FR, "en": EN}


@dataclass(frozen=True)
class Words:
    """The report's words and number formats in one language."""

    lang: str

    @classmethod
    def of(cls, lang: str) -> Words:
        if lang not in LANGUAGES:
            choices = ", ".join(LANGUAGES)
            raise ValidationError.for_field("lang", f"{lang!r} is not one of {choices}")
        return cls(lang)

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    def __call__(self, key: str, **values: Any) -> str:
        message = TABLES[self.lang][key]
        text = message if isinstance(message, str) else message[1]
        return text.format(**values) if values else text

    def plural(self, key: str, n: int) -> str:
        message = TABLES[self.lang][key]
        if isinstance(message, str):
            return message
        singular = n <= 1 if self.lang == "fr" else n == 1  # French: 0 and 1 are singular
        return message[0] if singular else message[1]

    def number(self, n: int | float) -> str:
        return format_decimal(n, format="#,##0.#", locale=self.locale)

    def percent(self, value: float | None) -> str:
        """A percentage given in percent (12.0 -> «12 %» / "12%")."""
        if value is None:
            return "—"
        sign = "\u202f%" if self.lang == "fr" else "%"
        return f"{self.number(value)}{sign}"

    def date(self, day: dt.date) -> str:
        text = format_date(day, format="long", locale=self.locale)
        if self.lang == "fr" and day.day == 1:  # «1er juin»
            text = "1er" + text[1:]
        return text

    def category(self, name: str) -> str:
        return CATEGORIES[self.lang].get(name, name.replace("_", " "))

    def category_in_sentence(self, name: str, leading: bool) -> str:
        """A category inside a sentence: in French with its article, contracted after
        «revient» when ``leading`` («aux demandes d'information»)."""
        if self.lang == "fr" and name in CATEGORY_PHRASES_FR:
            return CATEGORY_PHRASES_FR[name][0 if leading else 1]
        return self.category(name)

    def region(self, name: str) -> str:
        return REGIONS[self.lang].get(name, name)

    def country(self, code: str) -> str:
        if self.lang == "fr":
            return french_name(code)
        import pycountry

        found = pycountry.countries.get(alpha_2=code)
        return (getattr(found, "common_name", None) or found.name) if found else code
