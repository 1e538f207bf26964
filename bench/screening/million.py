"""1,000,000-person watchlist: index build time, peak RSS, desk-search latency.

    ANCHORS_VENV=/work/anchors-venv .venv/bin/python bench/screening/million.py \\
        [--data /work/bench-data/run/w1m] [--queries 2000]

Generates the watchlist with the kit's gen.py (skipped when present), builds the
index in this process (timed; peak RSS from the kernel, the process holding the
index and nothing else), then runs desk searches one at a time (``index.search``,
default threshold, limit 10) and reports the p50/p99 latency of each search.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from liaison.screening import ScreeningIndex
from liaison.screening.batch import read_queries, read_watchlist


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/bench-data/run/w1m"))
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=2000)
    args = ap.parse_args()
    if not (args.data / "watchlist.csv").exists():
        kit = Path(os.environ.get("KIT", "/work/shared/bench/screening"))
        py = Path(os.environ["ANCHORS_VENV"]) / "bin" / "python"
        subprocess.run([str(py), str(kit / "gen.py"), "--seed", "1", "--watchlist",
                        str(args.size), "--queries", str(args.queries), "--out",
                        str(args.data)], check=True)
    t0 = time.perf_counter()
    index = ScreeningIndex.build(read_watchlist(args.data / "watchlist.csv"))
    gc.freeze()  # as the desk service does after a build
    build = time.perf_counter() - t0
    rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queries = list(read_queries(args.data / "queries.csv"))[: args.queries]
    lat = []
    hits = 0
    for q in queries:
        t = time.perf_counter()
        hits += len(index.search(q))
        lat.append((time.perf_counter() - t) * 1000)
    slowest = sorted(range(len(lat)), key=lat.__getitem__)[-5:]
    print("slowest searches (position, ms, name, birth date): " + "; ".join(
        f"{i}, {lat[i]:.1f}, {queries[i].name}, {queries[i].birth_date}" for i in slowest),
        file=sys.stderr)
    lat.sort()
    p50 = statistics.median(lat)
    p99 = lat[int(0.99 * (len(lat) - 1))]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {len(index):,} | {build:.1f} | {rss_build:,.0f} | {rss:,.0f} | {len(queries):,} "
          f"| {p50:.2f} | {p99:.2f} | {max(lat):.1f} | {hits:,} |")


if __name__ == "__main__":
    main()
