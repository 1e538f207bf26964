"""The first run of every later annotated set, re-run and micro-averaged.

    .venv/bin/python bench/press/first_runs.py           # every first run
    .venv/bin/python bench/press/first_runs.py blind8 blind9 blind10

Each set was committed, annotation first, before the reader ever ran on it; its first
run is the run of the code *of that commit* on it. This script takes each set's commit
(``git archive`` of ``src`` and ``bench/press`` into a temporary directory), runs that
commit's ``evaluate.py --set NAME`` with that commit's code, reads the per-kind table
(gold, found, recall) and sums true positives, false positives and misses over the
sets chosen. Needs the git history of this checkout and the venv's spaCy model.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: set -> the commit that added it, before any change made because of it
FIRST_RUN_COMMITS = {
    "heldout": "4cef009",
    "blind": "3118d64",
    "blind2": "cc9a55a",
    "blind3": "bf2c365",
    "blind4": "398bf86",
    "blind5": "10405e8",
    "blind6": "fabdeff",
    "blind7": "8aa1aff",
    "blind8": "a626c2f",
    "blind9": "10064e3",
    "blind10": "19eabfc",
    "blind11": "a2c3f6a",
    "blind12": "dbbe72f",
    "blind13": "6c20a72",
    "blind14": "40f09be",
    # from blind15 on, the blind writer commits the set alone; the first run is that of
    # the first commit whose evaluate.py knows the set (the reader's code unchanged)
    "blind15": "5ec3663",
    "blind16": "5ec3663",
    # after this session's generalisation (commits 373ffa5 … 350a101)
    "blind17": "350a101",
    "blind18": "350a101",
    "blind19": "350a101",
    "blind20": "350a101",
    "blind21": "350a101",
    # after the fixes made because of blind15–21 and further sample sentences
    "blind22": "a7c0478",
    "blind23": "a7c0478",
    "blind24": "3a8f5a0",
    # the reader frozen at the end of session 3, after the fixes made because of
    # blind22–24; run once by the lead
    "blind25": "19a7c63",
    "blind26": "19a7c63",
}
KINDS = ["countries", "people", "events", "figures", "meetings", "agreements", "distinctions"]
TARGETS = {"countries": 0.95, "agreements": 0.95, "figures": 0.95, "people": 0.9,
           "events": 0.9, "meetings": 0.9}  # fmt: skip
_ROW = re.compile(
    r"^\| (?P<kind>\w+) \| (?P<gold>\d+) \| (?P<found>\d+) \| [\d.]+ \| (?P<r>[\d.]+) \|"
)


def first_run(name: str) -> dict[str, tuple[int, int, int]]:
    """{kind: (gold, found, true positives)} of the set's first run."""
    commit = FIRST_RUN_COMMITS[name]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", commit, "src", "bench/press"],
            cwd=ROOT, check=True, capture_output=True,
        ).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        output = subprocess.run(
            [sys.executable, "bench/press/evaluate.py", "--set", name],
            cwd=tmp, env={"PYTHONPATH": f"{tmp}/src", "PATH": "/usr/bin:/bin"},
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    rows = {}
    for line in output.splitlines():
        match = _ROW.match(line)
        if match and match["kind"] in KINDS:
            gold, found = int(match["gold"]), int(match["found"])
            rows[match["kind"]] = (gold, found, round(float(match["r"]) * gold))
    return rows


def main(names: list[str]) -> int:
    names = names or list(FIRST_RUN_COMMITS)
    runs = {name: first_run(name) for name in names}
    print(f"first runs of {', '.join(names)} (micro-averaged)\n")
    print("| kind | gold | found | P | R | F1 | target |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        gold = sum(run[kind][0] for run in runs.values())
        found = sum(run[kind][1] for run in runs.values())
        hits = sum(run[kind][2] for run in runs.values())
        precision = hits / found if found else 1.0
        recall = hits / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        target = TARGETS.get(kind)
        print(f"| {kind} | {gold} | {found} | {precision:.2f} | {recall:.2f} | {f1:.3f} | "
              f"{target if target else '—'} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
