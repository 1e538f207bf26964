"""The yearly volumes the demo reproduces. 2023 is the office's published review
(DEVELOPERS.md); the other years are consistent with it (2022: 6,473 / 1.12 files and
69 persons surrendered; 2024 and 2025 from the bureau's later public figures)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class YearVolumes:
    cases: int
    #: category -> share of the year's files, in percent (the rest spread over others)
    shares: dict[str, float] = field(default_factory=dict)
    letters_executed: int = 0
    warrants_issued: int = 0
    warrant_arrests: int = 0
    search_notes: int = 0
    regional_wanted: int = 0
    cancellations_international: int = 0
    cancellations_regional: int = 0
    surrendered_to_home: int = 0
    surrendered_by_home: int = 0


PUBLISHED_SHARES = {
    "drugs": 13.0,
    "illegal_immigration": 15.0,
    "transfer_of_detainees": 9.0,
    "mutual_data_exploitation": 6.0,
    "information_request": 26.0,
}
#: how the files outside the published categories divide (weights)
OTHER_CATEGORIES = {
    "terrorism": 4, "cybercrime": 6, "money_laundering": 5, "human_trafficking": 4,
    "organised_crime": 7, "other": 5,
}

VOLUMES: dict[int, YearVolumes] = {
    2022: YearVolumes(5780, {"drugs": 14.0, "illegal_immigration": 16.0,
                             "transfer_of_detainees": 8.0, "mutual_data_exploitation": 5.0,
                             "information_request": 25.0},
                      108, 112, 84, 3050, 231, 1890, 318, 69, 41),
    2023: YearVolumes(6473, PUBLISHED_SHARES, 119, 121, 92, 3280, 245, 2006, 342, 54, 48),
    2024: YearVolumes(6800, {"drugs": 13.0, "illegal_immigration": 17.0,
                             "transfer_of_detainees": 9.0, "mutual_data_exploitation": 7.0,
                             "information_request": 24.0},
                      127, 130, 95, 3420, 252, 2110, 355, 61, 52),
    2025: YearVolumes(8000, {"drugs": 12.0, "illegal_immigration": 18.0,
                             "transfer_of_detainees": 9.0, "mutual_data_exploitation": 7.0,
                             "information_request": 23.0},
                      134, 138, 97, 3610, 260, 2240, 361, 66, 55),
}


def category_counts(volumes: YearVolumes) -> dict[str, int]:
    """Whole counts per category whose shares round to the published percentages."""
    counts = {c: round(volumes.cases * s / 100) for c, s in volumes.shares.items()}
    rest = volumes.cases - sum(counts.values())
    weights = sum(OTHER_CATEGORIES.values())
    others = {c: rest * w // weights for c, w in OTHER_CATEGORIES.items()}
    others["other"] += rest - sum(others.values())
    return {**counts, **others}
