"""The compliance review of a notice request, as code. Pure: no I/O.

Three families of rules, each failure saying which rule, which field and why, as data a
page can show:

* **minimum data** for the notice's kind (a red notice: identity particulars
  sufficient to identify — a name plus a birth date, a nationality or an identity
  document —, the offence, the reference of a valid arrest warrant or judicial
  decision, and the penalty threshold: at least 24 months for a prosecution, at least 6
  months left to serve for a sentence);
* **data quality**: a name in at least one script, birth date well formed and not in
  the future, dates in a coherent order;
* **neutrality** (INTERPOL Constitution, art. 3): a request whose charges read as
  political, military, religious or racial, or that an officer flagged, is blocked
  until a supervisor decides, and the decision's reason is recorded.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from liaison.notices.model import NoticeKind

#: prosecution: the offence is punishable by at least this many months
PROSECUTION_MIN_MONTHS = 24
#: sentence: at least this many months remain to be served
SENTENCE_MIN_MONTHS = 6


@dataclass(frozen=True)
class PersonFacts:
    names: tuple[str, ...] = ()
    birth_date: str | None = None
    nationalities: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeFacts:
    kind: str
    charges: str = ""
    warrant_reference: str = ""
    warrant_date: dt.date | None = None
    penalty_basis: str = ""  # "prosecution" or "sentence"
    penalty_months: int | None = None
    issued_on: dt.date | None = None
    arrest_on: dt.date | None = None
    cancelled_on: dt.date | None = None
    derived_from_ref: str | None = None
    cancels_ref: str | None = None
    cancellation_reason: str | None = None
    neutrality_flag: bool = False
    #: "cleared" or "refused" once a supervisor decided; "" while pending
    neutrality_decision: str = ""
    person: PersonFacts | None = None


@dataclass(frozen=True)
class RuleFailure:
    rule: str
    field: str
    reason: str


@dataclass
class ComplianceReport:
    failures: list[RuleFailure] = field(default_factory=list)
    #: the neutrality keywords found in the request (even once cleared)
    neutrality_terms: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "failures": [asdict(f) for f in self.failures],
            "neutrality_terms": self.neutrality_terms,
        }


K = NoticeKind
IDENTITY, NAMES, OFFENCE, FACTS, WARRANT, PENALTY, SOURCE, CANCELS = (
    "identity", "names", "offence", "facts", "warrant", "penalty", "source", "cancels"
)

#: the minimum data each kind of notice needs
MINIMUM_DATA: dict[str, frozenset[str]] = {
    K.red: frozenset({IDENTITY, OFFENCE, WARRANT, PENALTY}),
    K.arrest_warrant: frozenset({IDENTITY, OFFENCE, WARRANT}),
    K.diffusion: frozenset({IDENTITY, OFFENCE, WARRANT}),
    K.wanted_notice: frozenset({IDENTITY, OFFENCE, WARRANT}),
    K.search_note: frozenset({IDENTITY, OFFENCE, SOURCE}),
    K.yellow: frozenset({NAMES}),
    K.blue: frozenset({NAMES}),
    K.green: frozenset({NAMES, FACTS}),
    K.orange: frozenset({FACTS}),
    K.purple: frozenset({FACTS}),
    K.black: frozenset({FACTS}),
    K.silver: frozenset({FACTS}),
    K.un_special: frozenset({NAMES}),
    K.cancellation: frozenset({CANCELS}),
}

#: words that give a request a political, military, religious or racial character
NEUTRALITY_TERMS: dict[str, tuple[str, ...]] = {
    "political": (
        "political", "politique", "opposition", "dissident", "protest", "manifestation",
        "demonstration", "insult to the head of state", "offense au chef de l'etat",
        "lese-majeste", "lese majeste", "separatis", "regime", "journalist", "journaliste",
        "election", "coup d'etat",
    ),
    "military": (
        "desertion", "military", "militaire", "mutiny", "mutinerie", "insubordination",
        "conscription", "draft evasion", "insoumission",
    ),
    "religious": (
        "blasphem", "apostas", "apostat", "heresy", "heresie", "proselyt", "religious",
        "religieu",
    ),
    "racial": ("racial", "ethnic", "ethnique", "tribal", "race"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def neutrality_terms(charges: str) -> list[str]:
    """The neutrality categories and words found in ``charges`` ("political: opposition")."""
    folded = _fold(charges)
    found = []
    for category, words in NEUTRALITY_TERMS.items():
        for word in words:
            if re.search(r"(?<![a-z])" + re.escape(word), folded):
                found.append(f"{category}: {word}")
    return found


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: str) -> dt.date | None:
    """The earliest day a partial date ("1980", "1980-05", "1980-05-17") can mean."""
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _minimum_data(n: NoticeFacts) -> list[RuleFailure]:
    need = MINIMUM_DATA.get(n.kind, frozenset())
    p = n.person or PersonFacts()
    names = [x for x in p.names if x.strip()]
    out: list[RuleFailure] = []
    if (IDENTITY in need or NAMES in need) and n.person is None:
        out.append(RuleFailure("identity", "person", "no person is attached to the request"))
    elif IDENTITY in need and not (names and (p.birth_date or p.nationalities or p.documents)):
        out.append(RuleFailure(
            "identity", "person",
            "identity particulars are not sufficient to identify: a name and a birth date, "
            "a nationality or an identity document are needed",
        ))
    if OFFENCE in need and not n.charges.strip():
        out.append(RuleFailure("offence", "charges", "the offence (charges) is missing"))
    if FACTS in need and not n.charges.strip():
        out.append(RuleFailure("facts", "charges", "the facts are not described"))
    if WARRANT in need and not n.warrant_reference.strip():
        out.append(RuleFailure(
            "warrant", "warrant_reference",
            "the reference of a valid arrest warrant or judicial decision is missing",
        ))
    if SOURCE in need and not (n.warrant_reference.strip() or n.derived_from_ref):
        out.append(RuleFailure(
            "source", "derived_from_ref",
            "a search note rests on a warrant: give its reference or the record it derives from",
        ))
    if CANCELS in need:
        if not n.cancels_ref:
            out.append(RuleFailure("cancels", "cancels_ref", "the cancelled record is not named"))
        if not n.cancellation_reason:
            out.append(RuleFailure("cancels", "cancellation_reason", "the reason is missing"))
    if PENALTY in need:
        out.extend(_penalty(n))
    return out


def _penalty(n: NoticeFacts) -> list[RuleFailure]:
    if n.penalty_basis not in ("prosecution", "sentence"):
        return [RuleFailure(
            "penalty", "penalty_basis",
            "say whether the request is for prosecution or to serve a sentence",
        )]
    if n.penalty_months is None:
        return [RuleFailure("penalty", "penalty_months", "the penalty is not given")]
    if n.penalty_basis == "prosecution" and n.penalty_months < PROSECUTION_MIN_MONTHS:
        return [RuleFailure(
            "penalty", "penalty_months",
            f"for a prosecution the offence must be punishable by at least "
            f"{PROSECUTION_MIN_MONTHS} months of prison (given: {n.penalty_months})",
        )]
    if n.penalty_basis == "sentence" and n.penalty_months < SENTENCE_MIN_MONTHS:
        return [RuleFailure(
            "penalty", "penalty_months",
            f"for a sentence at least {SENTENCE_MIN_MONTHS} months must remain to be "
            f"served (given: {n.penalty_months})",
        )]
    return []


def _data_quality(n: NoticeFacts, today: dt.date) -> list[RuleFailure]:
    out: list[RuleFailure] = []
    born: dt.date | None = None
    if n.person is not None:
        if not any(x.strip() for x in n.person.names):
            out.append(RuleFailure("names", "person.names", "no name in any script"))
        if n.person.birth_date:
            born = parse_partial_date(n.person.birth_date)
            if born is None:
                out.append(RuleFailure(
                    "birth_date", "person.birth_date",
                    f"'{n.person.birth_date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                ))
            elif born > today:
                out.append(RuleFailure(
                    "birth_date", "person.birth_date",
                    f"the birth date {n.person.birth_date} is in the future",
                ))
                born = None  # said once: no further "before the birth date" failures
    for name, value in (("warrant_date", n.warrant_date), ("issued_on", n.issued_on)):
        if value is not None and value > today:
            out.append(RuleFailure("dates", name, f"{value} is in the future"))
        if value is not None and born is not None and value < born:
            out.append(RuleFailure("dates", name, f"{value} is before the birth date"))
    pairs = (("warrant_date", n.warrant_date, "issued_on", n.issued_on),
             ("issued_on", n.issued_on, "arrest_on", n.arrest_on),
             ("issued_on", n.issued_on, "cancelled_on", n.cancelled_on))
    for first, a, second, b in pairs:
        if a is not None and b is not None and b < a:
            out.append(RuleFailure("dates", second, f"{second} ({b}) is before {first} ({a})"))
    return out


def _neutrality(n: NoticeFacts, terms: list[str]) -> list[RuleFailure]:
    if not (terms or n.neutrality_flag) or n.neutrality_decision == "cleared":
        return []
    if n.neutrality_decision == "refused":
        return [RuleFailure(
            "neutrality", "charges",
            "a supervisor refused the request as contrary to the neutrality rule",
        )]
    why = "; ".join(terms) if terms else "flagged by an officer"
    return [RuleFailure(
        "neutrality", "charges",
        f"possible political, military, religious or racial character ({why}): "
        "blocked until a supervisor decides",
    )]


def review(notice: NoticeFacts, today: dt.date) -> ComplianceReport:
    """Every rule the request fails, each with its reason."""
    terms = neutrality_terms(notice.charges)
    failures = _minimum_data(notice) + _data_quality(notice, today) + _neutrality(notice, terms)
    return ComplianceReport(failures, terms)
