"""What the press extractor proposes: plain dataclasses, serialised by ``to_json``.

Every item carries the sentence it was read from and a confidence in [0, 1], so a
reviewer can see why it was proposed. Dates are :class:`DateSpan` values that keep both
ends of a range and say when their year is unknown or was inferred.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

KINDS = ("events", "meetings", "agreements", "people", "countries", "figures", "distinctions")


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose year, month or day may be unknown."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def as_date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """The inverse of :meth:`iso`: «2025-06-24», «2025-06», «2025», «--12-14»."""
        if text.startswith("--"):
            parts = [int(p) for p in text[2:].split("-")]
            return cls(None, parts[0], parts[1] if len(parts) > 1 else None)
        parts = [int(p) for p in text.split("-")]
        return cls(parts[0], *(parts[1:] + [None, None])[:2])

    def iso(self) -> str:
        """ISO 8601 text; a missing year is written ``--MM-DD`` (ISO 8601:2000)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}" if self.day else f"--{self.month:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class DateSpan:
    """One date or a range, as written in the text.

    ``kind`` is ``single``, ``range`` («du 24 au 27 novembre») or ``pair`` («les 6 et 7
    décembre», two days). ``year_source`` says where the year came from: ``text``
    (written), ``inferred`` (from the article's date and the weekday or month), or
    ``unknown`` (partial date).
    """

    start: PartialDate
    end: PartialDate | None = None
    text: str = ""
    year_source: str = "text"
    kind: str = "single"  # single | range (du … au …) | pair (les 6 et 7 …)

    @property
    def partial(self) -> bool:
        return self.start.year is None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateSpan:
        return cls(
            start=PartialDate.from_iso(data["start"]),
            end=PartialDate.from_iso(data["end"]) if data.get("end") else None,
            text=data.get("text", ""),
            year_source=data.get("year_source", "text"),
            kind=data.get("kind", "single"),
        )

    def to_dict(self) -> dict[str, Any]:
        note = {
            "text": None,
            "inferred": "year inferred from the article date",
            "unknown": "year unknown: no article date to resolve it against",
        }[self.year_source]
        return {
            "start": self.start.iso(),
            "end": self.end.iso() if self.end else None,
            "text": self.text,
            "kind": self.kind,
            "partial": self.partial,
            "year_source": self.year_source,
            "note": note,
        }


@dataclass
class Participant:
    name: str | None
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


@dataclass
class Event:
    name: str
    kind: str
    place: str | None
    country: str | None
    dates: DateSpan | None
    sentence: str
    confidence: float


@dataclass
class Meeting:
    kind: str  # bilateral | multilateral
    dates: list[DateSpan]
    place: str | None
    count: int | None
    participants: list[Participant]
    countries: list[str]
    sentence: str
    confidence: float


@dataclass
class Agreement:
    kind: str
    title: str
    parties: list[str]
    countries: list[str]
    signatories: list[str]
    date: DateSpan | None
    place: str | None
    subject: str | None
    sentence: str
    confidence: float


@dataclass
class Person:
    name: str
    role: str | None
    organisation: str | None
    country: str | None
    sentence: str
    confidence: float


@dataclass
class Country:
    code: str
    name: str
    mentions: list[str]
    via: str  # name | adjective | compound | agency
    sentence: str
    confidence: float


@dataclass
class Change:
    direction: str  # increase | decrease | comparison
    value: float | None
    unit: str | None
    reference_year: int | None
    reference_value: float | None = None


@dataclass
class Figure:
    value: float
    unit: str
    counts: str
    year: int | None
    change: Change | None
    sentence: str
    confidence: float


@dataclass
class Distinction:
    name: str
    recipient: str | None
    awarded_by: str | None
    country: str | None
    date: DateSpan | None
    sentence: str
    confidence: float


@dataclass
class Extraction:
    """Everything proposed for one document."""

    events: list[Event] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    distinctions: list[Distinction] = field(default_factory=list)
    article_date: date | None = None
    ignored_lines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {kind: [_plain(item) for item in getattr(self, kind)] for kind in KINDS}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, list[dict[str, Any]]]) -> Extraction:
        """An extraction from its ``to_dict`` form — e.g. what a review page sends back
        after the analyst corrected some items and removed the rejected ones."""
        return cls(
            events=[_build(Event, item) for item in data.get("events", [])],
            meetings=[_build(Meeting, item) for item in data.get("meetings", [])],
            agreements=[_build(Agreement, item) for item in data.get("agreements", [])],
            people=[_build(Person, item) for item in data.get("people", [])],
            countries=[_build(Country, item) for item in data.get("countries", [])],
            figures=[_build(Figure, item) for item in data.get("figures", [])],
            distinctions=[_build(Distinction, item) for item in data.get("distinctions", [])],
        )


def _build(cls: Any, data: dict[str, Any]) -> Any:
    """A result item from its dict form; unknown keys are refused (a clear KeyError)."""
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise KeyError(f"{cls.__name__}: unknown field(s) {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name in ("dates", "date") and isinstance(value, list):
            values[name] = [DateSpan.from_dict(v) for v in value]
        elif name in ("dates", "date") and isinstance(value, dict):
            values[name] = DateSpan.from_dict(value)
        elif name == "participants":
            values[name] = [Participant(**v) for v in value]
        elif name == "change" and value is not None:
            values[name] = Change(**value)
        else:
            values[name] = value
    return cls(**values)


def _plain(item: Any) -> dict[str, Any]:
    """``asdict`` with date spans written as their ``to_dict`` form."""
    data = asdict(item)
    for name, value in vars(item).items():
        if isinstance(value, DateSpan):
            data[name] = value.to_dict()
        elif isinstance(value, list) and value and isinstance(value[0], DateSpan):
            data[name] = [span.to_dict() for span in value]
    return data
