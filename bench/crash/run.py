"""The long crash run: SIGKILL ``liaison import`` (default 200 times) and ``liaison
serve`` receiving API writes (default 20 times), on SQLite and on PostgreSQL, then
print the counts as a Markdown table (recorded in bench/README.md, ## Reliability).

    .venv/bin/python bench/crash/run.py [--kills 200] [--server-kills 20] [--db sqlite,postgresql]

Uses a scratch SQLite file and a scratch PostgreSQL database ``liaison_crash`` (dropped
and re-created). Same harness as tests/ops/test_crash.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402
from tests.ops import crashkit  # noqa: E402

from liaison import db  # noqa: E402
from liaison.partners.service import ensure_countries  # noqa: E402
from liaison.security.accounts import add_user  # noqa: E402
from liaison.security.actor import cli_actor  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/liaison_crash"
PASSWORD = "correct-horse-battery"


def fresh(kind: str, workdir: Path) -> tuple[Engine, str]:
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'crash.db'}"
    else:
        admin = db.make_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS liaison_crash WITH (FORCE)"))
            conn.execute(text("CREATE DATABASE liaison_crash"))
        admin.dispose()
        url = PG_URL
    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.transaction(engine) as s:
        ensure_countries(s)
        add_user(s, cli_actor(), "desk", ["officer"], "NCB", PASSWORD)
    return engine, url


def run(kind: str, kills: int, server_kills: int, workdir: Path) -> dict[str, object]:
    engine, url = fresh(kind, workdir)
    started = time.perf_counter()
    persons = 400 if kind == "sqlite" else 1400  # PostgreSQL: two batches, see test_crash
    report = crashkit.import_kills(engine, url, workdir, kills, persons=persons, seed=2026,
                                   verify_every=10)
    imports_s = time.perf_counter() - started
    started = time.perf_counter()
    served = crashkit.server_kills(engine, url, server_kills, "desk", PASSWORD, seed=2026)
    server_s = time.perf_counter() - started
    crashkit.check_whole(engine, served, "final")
    report.merge(served)
    engine.dispose()
    return {"database": kind, **report.__dict__, "import_seconds": round(imports_s),
            "server_seconds": round(server_s), "server_kills": server_kills}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--server-kills", type=int, default=20)
    parser.add_argument("--db", default="sqlite,postgresql")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.db.split(","):
            results.append(run(kind, args.kills, args.server_kills, Path(tmp)))
            print(json.dumps(results[-1]), flush=True)
    print("\n| database | import kills | of them inside a write transaction | rolled back "
          "| killed after commit | imports acknowledged | server kills "
          "| API writes acknowledged | lost | broken |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['database']} | {r['kills'] - r['server_kills']} "
              f"| {r['kills_in_write_transaction']} | {r['killed_rolled_back']} "
              f"| {r['killed_after_commit']} | {r['acknowledged']} | {r['server_kills']} "
              f"| {r['api_writes_acknowledged']} | {len(r['lost'])} | {len(r['broken'])} |")
    sys.exit(1 if any(r["lost"] or r["broken"] for r in results) else 0)


if __name__ == "__main__":
    main()
