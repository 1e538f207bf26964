"""Screening benchmark: Liaison against the kit's anchors, same data, same run.

    ANCHORS_VENV=/work/anchors-venv KIT=/work/shared/bench/screening \\
        .venv/bin/python bench/screening/run.py [--sets 10k,100k] [--seeds 1,2] \\
        [--data /work/bench-data/run] [--reuse-anchors [--rerun-anchors splink]]
        [--readme bench/README.md]

For each (set, seed): generates the data with the kit's gen.py (skipped when the
files exist), runs the anchors with the kit's run_anchors.py in ANCHORS_VENV (or
reuses their metrics with --reuse-anchors), runs ``liaison screen`` as a whole
process at its default threshold (timed, peak RSS from the kernel), runs it again
with blocking only (candidates.py, not timed) for candidate recall, scores everything with the
kit's score.py and writes the results table between the screening markers of
bench/README.md.  Nothing here reads the kit's lexicon; Liaison's process reads only
watchlist.csv and queries.csv.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from liaison.screening.scorer import DEFAULT_THRESHOLD

SETS = {"10k": (10_000, 10_000), "100k": (100_000, 20_000)}
ANCHOR_NAMES = {"brute": "rapidfuzz brute force", "splink": "Splink 5 (DuckDB)",
                "nk": "nomenklatura logic-v1"}
BEGIN, END = "<!-- screening-results:begin -->", "<!-- screening-results:end -->"


@dataclass
class Row:
    label: str
    name: str
    recall: float
    precision: float
    f1: float
    best: str
    cand: float
    index_s: float
    match_s: float
    wall_s: float
    qps: float
    rss_mb: float


def kit() -> Path:
    return Path(os.environ.get("KIT", "/work/shared/bench/screening"))


def anchors_python() -> str:
    venv = os.environ.get("ANCHORS_VENV")
    if not venv:
        sys.exit("set ANCHORS_VENV to the virtual environment holding the anchors "
                 "(see bench/README.md)")
    return str(Path(venv) / "bin" / "python")


def run_child(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; wall seconds, peak memory (MB) of that child and every process it
    forks (the kernel's peak RSS of the largest one, or the proportional set size of
    the whole tree sampled every 50 ms, whichever is larger: pages the forked workers
    share are counted once), and its stderr."""
    import threading

    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
            while not done.is_set():
                tree = [root, *root.children(recursive=True)]
                total = 0
                for p in tree:
                    try:
                        total += p.memory_full_info().pss
                    except (psutil.Error, AttributeError):
                        try:
                            total += p.memory_info().rss
                        except psutil.Error:
                            pass
                peak[0] = max(peak[0], total)
                done.wait(0.05)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, max(usage.ru_maxrss / 1024, peak[0] / 2**20), err


def score(truth: Path, hits: Path, threshold: float) -> dict[str, float | str]:
    out = subprocess.run([sys.executable, str(kit() / "score.py"), str(truth), str(hits),
                          "--threshold", str(threshold)], capture_output=True, text=True,
                         check=True).stdout
    at = re.search(r"recall=([\d.]+) precision=([\d.]+) F1=([\d.]+)", out)
    best = re.search(r"best F1 threshold ([\d.]+): recall=([\d.]+) precision=([\d.]+) "
                     r"F1=([\d.]+)", out)
    cand = re.search(r"candidate recall \(any score\): ([\d.]+)", out)
    assert at and best and cand, out
    return {"recall": float(at[1]), "precision": float(at[2]), "f1": float(at[3]),
            "best": f"{best[4]} @ {best[1]}", "cand": float(cand[1])}


def generate(data: Path, seed: int, size: str) -> None:
    if (data / "queries.csv").exists():
        return
    w, q = SETS[size]
    data.mkdir(parents=True, exist_ok=True)
    subprocess.run([anchors_python(), str(kit() / "gen.py"), "--seed", str(seed),
                    "--watchlist", str(w), "--queries", str(q), "--out", str(data)],
                   check=True)


def liaison_row(data: Path, label: str) -> Row:
    cli = [sys.executable, "-m", "liaison.screening.cli", str(data / "queries.csv"),
           "--watchlist", str(data / "watchlist.csv")]
    wall, rss, err = run_child([*cli, "-o", str(data / "hits_liaison.csv")])
    times = re.search(r"index ([\d.]+)s, match ([\d.]+)s", err)
    assert times, err
    m = score(data / "truth.csv", data / "hits_liaison.csv", DEFAULT_THRESHOLD)
    cand_file = data / "candidates_liaison.csv"
    run_child([sys.executable, str(Path(__file__).with_name("candidates.py")), str(data),
               str(cand_file)])
    m["cand"] = score(data / "truth.csv", cand_file, 0.0)["cand"]
    queries = sum(1 for _ in (data / "queries.csv").open(encoding="utf-8")) - 1
    match_s = float(times[2])
    return Row(label, f"**Liaison** (thr {DEFAULT_THRESHOLD})", float(m["recall"]),
               float(m["precision"]), float(m["f1"]), str(m["best"]), float(m["cand"]),
               float(times[1]), match_s, wall, queries / match_s, rss)


def anchor_rows(data: Path, label: str, reuse: bool, rerun: str = "") -> list[Row]:
    if rerun:  # these anchors again now, beside Liaison; the others from an earlier pass
        subprocess.run([anchors_python(), str(kit() / "run_anchors.py"), "--data", str(data),
                        "--anchors", rerun, "--label", label], check=True)
    elif not (reuse and all((data / f"metrics_{a}.json").exists() for a in ANCHOR_NAMES)):
        subprocess.run([anchors_python(), str(kit() / "run_anchors.py"), "--data", str(data),
                        "--anchors", ",".join(ANCHOR_NAMES), "--label", label], check=True)
    rows = []
    for a, name in ANCHOR_NAMES.items():
        met = json.loads((data / f"metrics_{a}.json").read_text())
        m = score(data / "truth.csv", data / f"hits_{a}.csv", {"brute": 0.85, "splink": 0.5,
                                                                 "nk": 0.7}[a])
        index_s = met.get("t_index", 0.0) + met.get("t_train", 0.0)
        match_s = met.get("t_match", 0.0) + met.get("t_query_prep", 0.0)
        rows.append(Row(label, f"{name} (fixed thr)", float(m["recall"]),
                        float(m["precision"]), float(m["f1"]), str(m["best"]),
                        float(m["cand"]), index_s, match_s, met.get("wall_total", 0.0),
                        met.get("queries_done", 0) / match_s if match_s else 0.0,
                        met.get("peak_rss_mb", 0.0)))
    return rows


def table(rows: list[Row]) -> str:
    head = ("| data | engine | recall | precision | F1 | best F1 @ recall (optimistic) | "
            "cand. recall | index s | match s | whole run s | q/s (match) | peak RSS MB |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    return head + "".join(
        f"| {r.label} | {r.name} | {r.recall:.4f} | {r.precision:.4f} | {r.f1:.4f} | {r.best} "
        f"| {r.cand:.4f} | {r.index_s:.1f} | {r.match_s:.1f} | {r.wall_s:.1f} | {r.qps:,.0f} "
        f"| {r.rss_mb:,.0f} |\n" for r in rows)


def write_readme(readme: Path, text: str) -> None:
    body = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"{BEGIN}\n{text}{END}"
    if BEGIN in body and END in body:
        body = body[:body.index(BEGIN)] + block + body[body.index(END) + len(END):]
    else:
        body += f"\n{block}\n"
    readme.write_text(body, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="10k,100k")
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--data", type=Path, default=Path("/work/bench-data/run"))
    ap.add_argument("--reuse-anchors", action="store_true")
    ap.add_argument("--rerun-anchors", default="",
                    help="with --reuse-anchors: run these anchors again (e.g. splink)")
    ap.add_argument("--readme", type=Path, default=None)
    args = ap.parse_args()
    rows: list[Row] = []
    for size in args.sets.split(","):
        for seed in (int(s) for s in args.seeds.split(",")):
            label = f"({size}, seed {seed})"
            data = args.data / f"s{seed}_{size}"
            generate(data, seed, size)
            rows.extend(anchor_rows(data, label, args.reuse_anchors, args.rerun_anchors))
            rows.append(liaison_row(data, label))
            print(table(rows), flush=True)
    text = table(rows)
    (args.data / "results.md").write_text(text, encoding="utf-8")
    if args.readme:
        write_readme(args.readme, text)
    print(text)


if __name__ == "__main__":
    main()
