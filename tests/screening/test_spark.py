"""Both engines give the same hits on the same input (Spark in local mode)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liaison.screening.batch import read_queries, read_watchlist, screen_queries
from liaison.screening.index import ScreeningIndex
from liaison.screening.spark import screen_spark

pytestmark = pytest.mark.spark


def test_spark_equals_local(small_set: Path, spark: Any) -> None:
    entries = list(read_watchlist(small_set / "watchlist.csv"))
    queries = list(read_queries(small_set / "queries.csv"))
    local = list(screen_queries(ScreeningIndex.build(entries), queries, 0.5))
    distributed = screen_spark(queries, entries, 0.5, partitions=3)
    assert len(local) > 50
    assert [(h.qid, h.watchlist_id, h.score, h.explanation) for h in local] == \
        [(h.qid, h.watchlist_id, h.score, h.explanation) for h in distributed]
