"""Partial birth dates and the compatibility rule used to separate namesakes.

A birth date may be full (``1980-04-18``), year and month (``1980-04``), year only
(``1980``) or unknown.  Two dates are compared in this order:

* unknown on either side                       → ``unknown`` (no evidence)
* years more than one apart                    → ``different`` (another person)
* a side with the year only (or year-month)    → ``year`` when equal, ``year±1``
* same month and day, year equal               → ``exact``
* same month and day, year ±1                  → ``year±1 (same day)`` (a slip)
* same year, day and month swapped             → ``swapped`` (US/European order)
* anything else                                → ``different``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaison.errors import ValidationError

_DATE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> bool:
        return self.month is not None and self.day is not None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_date(value: str | None, field: str = "birth_date") -> PartialDate | None:
    """'YYYY', 'YYYY-MM', 'YYYY-MM-DD' (or with '/'); empty → None; else ValidationError."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        raise ValidationError.for_field(field, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValidationError.for_field(field, f"{value!r}: month {month} out of range")
    if day is not None and not 1 <= day <= 31:
        raise ValidationError.for_field(field, f"{value!r}: day {day} out of range")
    return PartialDate(year, month, day)


def compare_dates(q: PartialDate | None, w: PartialDate | None) -> str:
    """One of: unknown, exact, year, year±1, year±1 (same day), swapped, different."""
    if q is None or w is None:
        return "unknown"
    dy = abs(q.year - w.year)
    if dy > 1:
        return "different"
    if not q.full or not w.full:
        if q.month is not None and w.month is not None and dy == 0 and q.month != w.month:
            return "different"
        return "year" if dy == 0 else "year±1"
    if q.month == w.month and q.day == w.day:
        return "exact" if dy == 0 else "year±1 (same day)"
    if dy == 0 and q.month == w.day and q.day == w.month:
        return "swapped"
    return "different"
