"""Quick local run: build + screen one generated data set, print timings (dev aid)."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from liaison.screening.batch import read_queries, read_watchlist, screen_queries, write_hits
from liaison.screening.index import ScreeningIndex


def main() -> None:
    data = Path(sys.argv[1])
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else data / "hits_liaison.csv"
    t0 = time.perf_counter()
    index = ScreeningIndex.build(read_watchlist(data / "watchlist.csv"))
    t1 = time.perf_counter()
    qs = list(read_queries(data / "queries.csv"))
    n = write_hits(out, screen_queries(index, qs, threshold))
    t2 = time.perf_counter()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    rss = ru.ru_maxrss / 1024
    print(f"cpu user {ru.ru_utime:.1f}s")
    print(f"index {t1 - t0:.1f}s match {t2 - t1:.1f}s q/s {len(qs) / (t2 - t1):.0f} "
          f"rows {n} rss {rss:.0f}MB")


if __name__ == "__main__":
    main()
