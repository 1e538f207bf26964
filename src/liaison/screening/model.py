"""The public data types of the screening engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ALGORITHM = "liaison-screen"
ALGORITHM_VERSION = "liaison-screen/1.12"


@dataclass(frozen=True)
class WatchlistEntry:
    """A listed person.  ``names`` holds the main name first, then aliases and other
    scripts; ``birth_date`` is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (or None);
    ``nationality`` an ISO 3166 alpha-2 code or several separated by '|'; ``source``
    says where the record comes from (``bureau``, ``interpol``, ``ftm:<dataset>``…)."""

    id: str
    names: tuple[str, ...]
    birth_date: str | None = None
    nationality: str | None = None
    gender: str | None = None
    source: str = "bureau"

    def __post_init__(self) -> None:
        if isinstance(self.names, list):
            object.__setattr__(self, "names", tuple(self.names))


@dataclass(frozen=True)
class Query:
    """A person to screen: one written name (any script), optional birth date and
    nationality (alpha-2)."""

    name: str
    birth_date: str | None = None
    nationality: str | None = None
    id: str = ""


@dataclass(frozen=True)
class PartMatch:
    """How one query name part met one listed name part."""

    query: str
    listed: str
    how: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "listed": self.listed, "how": self.how,
                "score": round(self.score, 3)}


@dataclass(frozen=True)
class Explanation:
    """Why a candidate scored what it did, as data and as one short sentence."""

    matched_name: str
    parts: tuple[PartMatch, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]
    name_score: float
    name_notes: tuple[str, ...]
    birth_date: str
    birth_date_effect: float
    nationality: str
    nationality_effect: float
    algorithm: str = ALGORITHM_VERSION
    #: where the listed record comes from: ``bureau`` (the bureau's own notices), a
    #: published list (``interpol_public``, ``ftm``…) or the watchlist file read
    source: str = "bureau"

    @property
    def published_list(self) -> bool:
        """The candidate comes from a published list, not from the bureau's own records."""
        return self.source not in ("bureau", "") and not self.source.startswith("csv:")

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched_name": self.matched_name,
            "parts": [p.to_dict() for p in self.parts],
            "unmatched_query": list(self.unmatched_query),
            "unmatched_listed": list(self.unmatched_listed),
            "name_score": round(self.name_score, 3),
            "name_notes": list(self.name_notes),
            "birth_date": self.birth_date,
            "birth_date_effect": round(self.birth_date_effect, 3),
            "nationality": self.nationality,
            "nationality_effect": round(self.nationality_effect, 3),
            "algorithm": self.algorithm,
            "source": self.source,
        }

    @property
    def text(self) -> str:
        bits = [f"listed by {self.source} (published list)"] if self.published_list else []
        bits += [f"{p.query}={p.listed} ({p.how})" for p in self.parts]
        if self.unmatched_query:
            bits.append("query only: " + " ".join(self.unmatched_query))
        if self.unmatched_listed:
            bits.append("listed only: " + " ".join(self.unmatched_listed))
        bits.extend(self.name_notes)
        bits.append(f"birth date {self.birth_date} ({self.birth_date_effect:+.2f})")
        bits.append(f"nationality {self.nationality} ({self.nationality_effect:+.2f})")
        return "; ".join(bits)


@dataclass(frozen=True)
class Match:
    """A candidate for a query: the listed entry, a score in 0..1 and why."""

    entry: WatchlistEntry
    score: float
    explanation: Explanation
    algorithm: str = field(default=ALGORITHM_VERSION)

    @property
    def entry_id(self) -> str:
        return self.entry.id
