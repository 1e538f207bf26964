"""The Spark engine of ``liaison screen``: the same scoring code on Apache Spark.

The watchlist is broadcast; each Python worker builds the screening index once (per
broadcast) and screens its partitions of the query file with exactly the code the
local engine runs, so both engines write the same hits.  On one machine the master
is ``local[*]``; on a cluster, pass ``--master spark://host:7077`` (or ``yarn``) and
make Liaison importable on the workers (``pip install liaison`` in their Python).
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from liaison.screening.batch import BatchStats, Hit, read_queries, write_hits
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import Query, WatchlistEntry

_INDEXES: dict[int, ScreeningIndex] = {}
EntryRow = tuple[str, tuple[str, ...], str | None, str | None, str | None, str]


def get_spark(master: str | None = None) -> Any:
    """The active Spark session, or a new one (local[*] unless a master is given)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    return (SparkSession.builder.master(master or "local[*]").appName("liaison-screen")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g").getOrCreate())


def _entry_rows(entries: Sequence[WatchlistEntry]) -> list[EntryRow]:
    return [(e.id, tuple(e.names), e.birth_date, e.nationality, e.gender, e.source)
            for e in entries]


def _index_for(key: int, rows: Sequence[EntryRow]) -> ScreeningIndex:
    index = _INDEXES.get(key)
    if index is None:
        _INDEXES.clear()
        index = ScreeningIndex.build(WatchlistEntry(*r) for r in rows)
        _INDEXES[key] = index
    return index


def _screen_partition(key: int, broadcast: Any, threshold: float,
                      queries: Iterator[tuple[str, str, str | None, str | None]]
                      ) -> Iterator[tuple[str, str, float, str]]:
    index = _index_for(key, broadcast.value)
    for qid, name, dob, nat in queries:
        matches = index.score_query(Query(name, dob, nat, qid), threshold)
        matches.sort(key=lambda m: (-m.score, m.entry.id))
        for m in matches:
            yield (qid, m.entry.id, m.score, m.explanation.text)


def screen_spark(queries: Sequence[Query], entries: Sequence[WatchlistEntry],
                 threshold: float, master: str | None = None,
                 partitions: int | None = None) -> list[Hit]:
    """Screen ``queries`` on Spark; hits in query order, best first per query."""
    spark = get_spark(master)
    sc = spark.sparkContext
    broadcast = sc.broadcast(_entry_rows(entries))
    key = uuid.uuid4().int
    rows = [(q.id, q.name, q.birth_date, q.nationality) for q in queries]
    n = partitions or max(2, sc.defaultParallelism * 2)
    rdd = sc.parallelize(rows, n).mapPartitions(
        lambda it: _screen_partition(key, broadcast, threshold, it))
    order = {q.id: i for i, q in enumerate(queries)}
    hits = [Hit(qid, wid, score, expl) for qid, wid, score, expl in rdd.collect()]
    broadcast.unpersist()
    hits.sort(key=lambda h: (order[h.qid], -h.score, h.watchlist_id))
    return hits


def screen_files_spark(queries: Path, entries: Sequence[WatchlistEntry], out: Path,
                       threshold: float, master: str | None = None) -> BatchStats:
    qs = list(read_queries(queries))
    hits = screen_spark(qs, entries, threshold, master)
    return BatchStats(watchlist=len({e.id for e in entries}), queries=len(qs),
                      hits=write_hits(out, hits))
