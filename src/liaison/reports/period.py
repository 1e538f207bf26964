"""The period a report covers: a calendar year or any range of days, and the periods it
is compared with (the same dates one, two… years earlier)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from liaison.errors import FieldProblem, ValidationError

#: the years a report may cover (its trend goes back four years more)
FIRST_YEAR, LAST_YEAR = 1900, 9998


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        for field, day in (("from", self.start), ("to", self.end)):
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise ValidationError.for_field(
                    field, f"{day.isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}"
                )
        if self.end < self.start:
            raise ValidationError(
                "the period ends before it starts",
                [FieldProblem("to", f"{self.end} is before {self.start}")],
            )

    @classmethod
    def year(cls, year: int) -> Period:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError("no such year", [FieldProblem("year", f"{year} is out of range")])
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def calendar_year(self) -> int | None:
        """The year, when the period is exactly one calendar year."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            return self.start.year if self.start.year == self.end.year else None
        return None

    def shifted(self, years: int) -> Period:
        """The same dates ``years`` years earlier."""
        return Period(_years_back(self.start, years), _years_back(self.end, years))

    @property
    def previous(self) -> Period:
        return self.shifted(1)

    def trend(self, count: int = 5) -> list[Period]:
        """``count`` periods ending with this one, oldest first."""
        return [self.shifted(n) for n in range(count - 1, -1, -1)]

    @property
    def label(self) -> str:
        year = self.calendar_year
        return str(year) if year is not None else f"{self.start.isoformat()}/{self.end.isoformat()}"
