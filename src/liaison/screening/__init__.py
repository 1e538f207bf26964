"""Person screening: is this person wanted, whatever the spelling or the script?

Public API (see docs/screening.md)::

    from liaison.screening import ScreeningIndex, WatchlistEntry, Query, DEFAULT_THRESHOLD
    index = ScreeningIndex.build(entries)          # blocking index, no database
    index.add(entry); index.remove(entry_id)       # kept current as notices change
    index.search(Query(name, birth_date, nationality), limit=10)  # -> list[Match]
"""

from liaison.screening.index import ScreeningIndex, score_pair
from liaison.screening.model import (
    ALGORITHM_VERSION,
    Explanation,
    Match,
    PartMatch,
    Query,
    WatchlistEntry,
)
from liaison.screening.mrz import MRZ, parse_td3
from liaison.screening.scorer import DEFAULT_THRESHOLD

__all__ = [
    "ALGORITHM_VERSION",
    "DEFAULT_THRESHOLD",
    "MRZ",
    "Explanation",
    "Match",
    "PartMatch",
    "Query",
    "ScreeningIndex",
    "WatchlistEntry",
    "parse_td3",
    "score_pair",
]
