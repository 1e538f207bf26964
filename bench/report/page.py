"""What the annual report's page and PDF cost to draw, in a fresh process (not a test).

On the demo database (the one ``bench/web/run.py`` builds), for one year: the figures
(``annual_report``), the page's first drawing in the process (whatever the renderer
prepares once is paid here), then ``--repeat`` drawings of the page in French and in
English with nothing kept between them (the web page's store of drawn pages is not
used), and the PDF. Each line gives the median and the worst.

    .venv/bin/python bench/report/page.py                     # /tmp/webbench.db, 2025
    .venv/bin/python bench/report/page.py --db /tmp/other.db --year 2023 --repeat 9

To compare with another commit, run it there with the same database, e.g.
``git archive OLD src bench | tar -x -C /tmp/old`` then
``PYTHONPATH=/tmp/old/src .venv/bin/python /tmp/old/bench/report/page.py`` (the
script only calls ``annual_report``, ``to_html`` and ``to_pdf``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _times(work: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        work()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("/tmp/webbench.db"))
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: bench/web/run.py builds it (liaison demo)")
    os.environ["LIAISON_DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("LIAISON_LOG_LEVEL", "WARNING")
    t = time.perf_counter()
    from liaison.reports.render import to_html, to_pdf
    from liaison.reports.service import annual_report, period_of
    from liaison.security.actor import cli_actor

    imported = (time.perf_counter() - t) * 1000
    actor = cli_actor()
    figures = _times(lambda: annual_report(actor, period_of(args.year)), args.repeat)
    report = annual_report(actor, period_of(args.year))
    first = _times(lambda: to_html(report, "fr", links=True), 1)[0]
    rows = [("figures (annual_report)", figures)]
    for lang in ("fr", "en"):
        rows.append((f"page drawn again ({lang})",
                     _times(lambda lang=lang: to_html(report, lang, links=True), args.repeat)))
    rows.append(("PDF (fr)", _times(lambda: to_pdf(report, "fr"), max(1, args.repeat // 2))))
    size = len(to_html(report, "fr", links=True).encode())
    print(f"report {args.year} on {args.db}: renderer imported in {imported:.0f} ms; "
          f"first page of the process drawn in {first:.0f} ms; page {size / 1000:.0f} kB\n")
    print("| work | median (ms) | worst (ms) |")
    print("|---|---:|---:|")
    for name, times in rows:
        print(f"| {name} | {statistics.median(times):.1f} | {max(times):.1f} |")


if __name__ == "__main__":
    main()
