"""Batch screening of CSV files (the ``liaison screen`` command's engine).

Formats (those of the benchmark kit):

* watchlist: ``id, full_name, alt_names`` (``|``-separated), ``birth_date``
  (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), ``nationality`` (alpha-2), ``gender``;
* queries: ``qid, full_name, birth_date, nationality``;
* hits (written): ``qid, watchlist_id, score, explanation`` — every pair scoring at
  or above the threshold (every candidate with threshold 0).
"""

from __future__ import annotations

import csv
import gc
import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from liaison.errors import ValidationError
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import Query, WatchlistEntry

WATCHLIST_COLUMNS = ("id", "full_name")
QUERY_COLUMNS = ("qid", "full_name")
HIT_COLUMNS = ("qid", "watchlist_id", "score", "explanation")


@dataclass(frozen=True)
class Hit:
    qid: str
    watchlist_id: str
    score: float
    explanation: str


@dataclass
class BatchStats:
    watchlist: int = 0
    queries: int = 0
    hits: int = 0
    index_seconds: float = 0.0
    match_seconds: float = 0.0


def _reader(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fp:
        reader = csv.DictReader(fp)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ValidationError.for_field(
                str(path), f"missing column(s) {', '.join(missing)}")
        yield from enumerate(reader, start=2)


def read_watchlist(path: Path) -> Iterator[WatchlistEntry]:
    """Watchlist CSV rows as entries (source ``csv:<file name>``)."""
    source = f"csv:{path.name}"
    for line, row in _reader(path, WATCHLIST_COLUMNS):
        if not (row.get("id") or "").strip() or not (row.get("full_name") or "").strip():
            raise ValidationError(f"{path}: line {line}: id and full_name are required")
        alts = [a for a in (row.get("alt_names") or "").split("|") if a.strip()]
        yield WatchlistEntry(
            id=row["id"].strip(), names=(row["full_name"], *alts),
            birth_date=(row.get("birth_date") or "").strip() or None,
            nationality=(row.get("nationality") or "").strip() or None,
            gender=(row.get("gender") or "").strip() or None, source=source)


def read_queries(path: Path) -> Iterator[Query]:
    for _line, row in _reader(path, QUERY_COLUMNS):
        yield Query(name=row.get("full_name") or "",
                    birth_date=(row.get("birth_date") or "").strip() or None,
                    nationality=(row.get("nationality") or "").strip() or None,
                    id=row["qid"])


def screen_queries(index: ScreeningIndex, queries: Iterable[Query],
                   threshold: float) -> Iterator[Hit]:
    """Every (query, listed person) pair at or above ``threshold``, best first per query."""
    for q in queries:
        matches = index.score_query(q, threshold)
        matches.sort(key=lambda m: (-m.score, m.entry.id))
        for m in matches:
            yield Hit(q.id, m.entry.id, m.score, m.explanation.text)


def write_hits(path: Path, hits: Iterable[Hit]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fp:
        w = csv.writer(fp)
        w.writerow(HIT_COLUMNS)
        for h in hits:
            w.writerow((h.qid, h.watchlist_id, f"{h.score:.4f}", h.explanation))
            n += 1
    return n


#: the index a forked worker screens with (set in the parent just before the fork,
#: so the workers share its memory pages instead of rebuilding it)
_WORKER_INDEX: ScreeningIndex | None = None
CHUNK = 250
#: below this many queries one process is quicker than starting workers
PARALLEL_FROM = 2000


def _screen_chunk(args: tuple[list[Query], float]) -> list[Hit]:
    assert _WORKER_INDEX is not None
    return list(screen_queries(_WORKER_INDEX, args[0], args[1]))


def default_workers(queries: int) -> int:
    """One worker per core for a large query file (where ``fork`` exists), else one."""
    if queries < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def screen_parallel(index: ScreeningIndex, queries: list[Query], threshold: float,
                    workers: int) -> Iterator[Hit]:
    """The hits of :func:`screen_queries`, in the same order, computed by ``workers``
    forked processes sharing the built index (copy-on-write)."""
    global _WORKER_INDEX
    if workers <= 1:
        yield from screen_queries(index, queries, threshold)
        return
    _WORKER_INDEX = index
    chunks = [(queries[i:i + CHUNK], threshold) for i in range(0, len(queries), CHUNK)]
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for hits in pool.imap(_screen_chunk, chunks):
                yield from hits
    finally:
        _WORKER_INDEX = None


@contextmanager
def index_lifetime() -> Iterator[None]:
    """Around reading a watchlist and building its index: the cyclic collector is off
    (the build makes millions of objects and no cycle, and each collection would walk
    them all again: a fifth of the build's time), then what was built is set aside
    (``gc.freeze``) for the rest of the run — the index lives as long as the process,
    and the collector no longer touches the pages forked workers share."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def screen_files(queries: Path, watchlist: Iterable[WatchlistEntry], out: Path,
                 threshold: float, workers: int | None = None) -> BatchStats:
    """Build the index from ``watchlist``, screen the query file, write ``out``
    (``workers``: processes screening the queries; default one per core for a large
    file)."""
    t0 = time.perf_counter()
    with index_lifetime():
        index = ScreeningIndex.build(watchlist)
    t1 = time.perf_counter()
    stats = BatchStats(watchlist=len(index), index_seconds=t1 - t0)
    qs = list(read_queries(queries))
    stats.queries = len(qs)
    n = default_workers(len(qs)) if workers is None else workers
    stats.hits = write_hits(out, screen_parallel(index, qs, threshold, n))
    stats.match_seconds = time.perf_counter() - t1
    return stats
