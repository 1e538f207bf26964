"""Import benchmark: Liaison's `liaison import` (validation, references, audit
included) against a bare baseline measured in the same run: the same lines parsed with
the standard ``json`` module and inserted with ``sqlite3`` ``executemany`` (or psycopg's
``executemany`` on PostgreSQL) into the same tables.

    .venv/bin/python bench/import/run.py --records 1000000 --records 100000 [--pg] [--repeat 3]

Each measurement runs in its own process, so its peak resident memory is its own. With
``--repeat K`` each side runs K times, alternating, and the fastest run of each counts
(the machine may be shared: the best run is the one least disturbed). The load average
is printed as the run begins and ends.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/liaison_bench"
NATS = ["MA", "DZ", "TN", "FR", "ES", "BE", "NL", "SN", "ML", "EG"]
FIRST = ["Mohamed", "Youssef", "Karim", "Nadia", "Fatima", "Jean", "Pierre", "Ana", "Luis", "Omar"]
LAST = ["El Amrani", "Benali", "Tazi", "Martin", "Garcia", "Diallo", "Traoré", "Haddad", "Dupont"]


def generate(path: Path, n: int, seed: int = 1) -> None:
    """n records: a third persons, a third notices on those persons, a third cases."""
    rng = random.Random(seed)
    persons = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            k = i % 3
            if k == 0 or persons == 0:
                persons += 1
                rec = {"kind": "person", "ref": f"P{persons:08d}",
                       "names": [{"full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}],
                       "birth_date": f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       "sex": "M", "nationalities": [rng.choice(NATS)]}
            elif k == 1:
                rec = {"kind": "notice", "ref": f"N{i:08d}", "type": "red", "status": "published",
                       "issuing_country": rng.choice(NATS), "person": f"P{rng.randint(1, persons):08d}",
                       "charges": "trafic de stupéfiants", "warrant_reference": f"W-{i}",
                       "penalty_months": 60, "issued_on": f"{rng.randint(2015, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}
            else:
                rec = {"kind": "case", "ref": f"C{i:08d}", "direction": "incoming",
                       "partner_country": rng.choice(NATS), "category": "drugs",
                       "subject": "Demande d'information", "opened_on": f"{rng.randint(2015, 2025)}-0{rng.randint(1, 9)}-0{rng.randint(1, 9)}"}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _fresh(url: str) -> None:
    """An empty, migrated database with the countries loaded."""
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        name = url.rsplit("/", 1)[1]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", f"DROP DATABASE IF EXISTS {name}",
                        "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    env = {**os.environ, "LIAISON_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "liaison.cli", "init"], check=True, env=env, capture_output=True)


def measure_liaison(path: str, url: str) -> dict[str, float]:
    os.environ["LIAISON_DATABASE_URL"] = url
    sys.argv = ["liaison", "import", path]
    from liaison.cli import main

    start = time.perf_counter()
    try:
        main()
    except SystemExit as exc:
        if exc.code:
            raise
    return {"seconds": time.perf_counter() - start}


COLUMNS = {
    "person": ["ref", "birth_date", "birth_place", "sex", "nationalities", "source", "classification",
               "restrictions", "version", "created_at", "updated_at"],
    "notice": ["ref", "kind", "scope", "status", "issuing_country_code", "person_ref", "charges",
               "warrant_reference", "penalty_months", "issued_on", "issuing_authority", "classification",
               "restrictions", "version", "created_at", "updated_at"],
    "case_file": ["ref", "direction", "partner_country_code", "category", "subject", "opened_on",
                  "priority", "status", "assigned_to", "classification", "restrictions", "version",
                  "created_at", "updated_at"],
}


def _rows(rec: dict, now: str) -> tuple[str, tuple, list[tuple]]:
    common = ("restricted", "[]", 1, now, now)
    kind = rec["kind"]
    if kind == "person":
        names = [(rec["ref"], i, n["full_name"], "latin", "primary") for i, n in enumerate(rec["names"])]
        return "person", (rec["ref"], rec.get("birth_date"), "", rec.get("sex", "U"),
                          json.dumps(rec.get("nationalities", [])), "bureau", *common), names
    if kind == "notice":
        return "notice", (rec["ref"], rec["type"], "international", rec["status"], rec["issuing_country"],
                          rec["person"], rec["charges"], rec["warrant_reference"], rec["penalty_months"],
                          rec["issued_on"], "", *common), []
    return "case_file", (rec["ref"], rec["direction"], rec["partner_country"], rec["category"],
                         rec["subject"], rec["opened_on"], "normal", "received", "", *common), []


def measure_baseline(path: str, url: str) -> dict[str, float]:
    """json.loads + executemany into the same tables, one transaction, batches of 2000."""
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    if url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        ph = "?"
    else:
        import psycopg

        conn = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)
        ph = "%s"
    sql = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join([ph] * len(c))})" for t, c in COLUMNS.items()}
    names_sql = (f"INSERT INTO person_name (person_ref, position, full_name, script, kind) "
                 f"VALUES ({', '.join([ph] * 5)})")
    start = time.perf_counter()
    cur = conn.cursor()
    cur.execute("BEGIN")
    batches: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
    names: list[tuple] = []

    def flush() -> None:
        for t in ("person", "notice", "case_file"):
            if batches[t]:
                cur.executemany(sql[t], batches[t])
                batches[t].clear()
            if t == "person" and names:
                cur.executemany(names_sql, names)
                names.clear()

    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            table, row, kids = _rows(json.loads(line), now)
            batches[table].append(row)
            names.extend(kids)
            if i % 2000 == 0:
                flush()
    flush()
    cur.execute("COMMIT")
    conn.close()
    return {"seconds": time.perf_counter() - start}


def child(mode: str, path: str, url: str) -> None:
    result = (measure_liaison if mode == "liaison" else measure_baseline)(path, url)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Liaison's import prepares lines in a forked worker process: its own peak
    result["worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(result), flush=True)


def _times(runs: list[dict[str, float]]) -> str:
    return ", ".join(f"{r['seconds']:.2f}" for r in runs)


def run_one(mode: str, path: Path, url: str) -> dict[str, float]:
    _fresh(url)
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(path), url],
                          capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"{mode} failed: {proc.stderr[-2000:]}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, action="append", help="records to import (repeatable)")
    ap.add_argument("--pg", action="store_true", help="also measure on PostgreSQL")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    args = ap.parse_args()
    print("load average at start: " + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)
    sizes = args.records or [100_000]
    work = Path(tempfile.mkdtemp(prefix="liaison-bench-import-"))
    rows = []
    for n in sizes:
        path = work / f"records-{n}.jsonl"
        generate(path, n)
        targets = [("SQLite", f"sqlite:///{work}/bench.db")] + ([("PostgreSQL", PG)] if args.pg else [])
        for label, url in targets:
            bases, lias = [], []
            for _ in range(args.repeat):
                bases.append(run_one("baseline", path, url))
                lias.append(run_one("liaison", path, url))
            base = min(bases, key=lambda r: r["seconds"])
            lia = min(lias, key=lambda r: r["seconds"])
            lia["peak_rss_mb"] = max(r["peak_rss_mb"] for r in lias)
            lia["worker_rss_mb"] = max(r["worker_rss_mb"] for r in lias)
            rows.append((n, label, n / base["seconds"], n / lia["seconds"],
                         base["seconds"] / lia["seconds"], lia["peak_rss_mb"], lia["worker_rss_mb"],
                         base["peak_rss_mb"]))
            print(f"{n:>9,} {label:<10} baseline {n / base['seconds']:>8,.0f} rows/s  "
                  f"liaison {n / lia['seconds']:>8,.0f} rows/s  ratio {base['seconds'] / lia['seconds']:.2f}  "
                  f"(runs: baseline {_times(bases)} s; liaison {_times(lias)} s)  "
                  f"liaison peak RSS {lia['peak_rss_mb']:.0f} MB, worker {lia['worker_rss_mb']:.0f} MB",
                  flush=True)
    print("load average at end: " + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)
    print("\n| records | database | baseline rows/s | Liaison rows/s | Liaison / baseline "
          "| Liaison peak RSS (MB): importer, worker | baseline peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for n, label, b, li, r, rss, wrss, brss in rows:
        print(f"| {n:,} | {label} | {b:,.0f} | {li:,.0f} | {r:.0%} | {rss:.0f}, {wrss:.0f} | {brss:.0f} |")


if __name__ == "__main__":
    main()
