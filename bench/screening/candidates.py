"""Blocking recall: every candidate the index returns for each query (no scoring, no
birth-date pruning), written as a scorer file (score 0) so the kit's score.py reports
its 'candidate recall'.  Cheaper than ``liaison screen --threshold 0`` on big sets.

    .venv/bin/python bench/screening/candidates.py DATA_DIR OUT.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from liaison.screening.batch import read_queries, read_watchlist
from liaison.screening.dates import parse_date
from liaison.screening.index import ScreeningIndex
from liaison.screening.tokens import tokenize


def main() -> None:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    index = ScreeningIndex.build(read_watchlist(data / "watchlist.csv"))
    with out.open("w", newline="", encoding="utf-8") as fp:
        w = csv.writer(fp)
        w.writerow(["qid", "watchlist_id", "score"])
        for q in read_queries(data / "queries.csv"):
            for n in index.candidates(tokenize(q.name), parse_date(q.birth_date)):
                rec = index.records[n]
                if rec is not None:
                    w.writerow([q.id, rec.entry.id, 0])


if __name__ == "__main__":
    main()
