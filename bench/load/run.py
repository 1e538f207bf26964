"""Load test of the desk's mix on 127.0.0.1, bounded in users and time: Locust (its own
process, headless) against ``liaison serve --workers N`` on the demo database, with a
baseline run of /healthz against the same server in the same run.

    .venv/bin/python bench/load/run.py --db sqlite --workers 1 --users 20 --seconds 60
    .venv/bin/python bench/load/run.py --db postgresql --workers 4 --users 20 --seconds 60

Prints one JSON object and a Markdown row per run (recorded in bench/README.md).
The demo database is built once (bench-load.db / PostgreSQL database liaison_load) and
reused with --reuse.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_ADMIN = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-d", "postgres", "-c"]
USER, PASSWORD = "loadtest", "load-test-password-1"


def database_url(kind: str, workdir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench-load.db'}"
    return "postgresql+psycopg://postgres@127.0.0.1:5432/liaison_load"


def liaison(url: str, *args: str, stdin: str | None = None) -> None:
    env = {**os.environ, "LIAISON_DATABASE_URL": url}
    subprocess.run([str(BIN / "liaison"), *args], env=env, input=stdin, text=True, check=True,
                   stdout=subprocess.DEVNULL)


def prepare(kind: str, url: str, reuse: bool, workdir: Path) -> float:
    """Build the demo database and the load-test account; seconds taken."""
    started = time.perf_counter()
    if reuse and (kind == "postgresql" or (workdir / "bench-load.db").exists()):
        return 0.0
    if kind == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{workdir / 'bench-load.db'}{suffix}").unlink(missing_ok=True)
    else:
        subprocess.run([*PG_ADMIN, "DROP DATABASE IF EXISTS liaison_load WITH (FORCE)"], check=True)
        subprocess.run([*PG_ADMIN, "CREATE DATABASE liaison_load"], check=True)
    liaison(url, "demo")
    liaison(url, "user", "add", USER, "--role", "officer", "--agency", "NCB",
            "--password-stdin", stdin=PASSWORD + "\n")
    return time.perf_counter() - started


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LIAISON_DATABASE_URL": url, "LIAISON_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([str(BIN / "liaison"), "serve", "--port", str(port),
                             "--workers", str(workers)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"liaison serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("the server did not become ready")


def locust(port: int, user_class: str, users: int, seconds: int, out: Path) -> dict[str, object]:
    status_file = out.with_suffix(".status.json")
    token = httpx.post(f"http://127.0.0.1:{port}/api/v1/auth/token", timeout=60,
                       data={"username": USER, "password": PASSWORD}).json()["access_token"]
    env = {**os.environ, "LOAD_TOKEN": token, "LOAD_STATUS_FILE": str(status_file)}
    subprocess.run([str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
                    "--headless", "-u", str(users), "-r", str(max(1, users // 2)),
                    "-t", f"{seconds}s", "--stop-timeout", "10", "--host",
                    f"http://127.0.0.1:{port}", "--csv", str(out), "--only-summary",
                    "--loglevel", "WARNING", "--exit-code-on-error", "0", user_class],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = {r["Name"]: r for r in csv.DictReader(open(f"{out}_stats.csv", encoding="utf-8"))}
    total = rows["Aggregated"]
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]), "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "statuses": json.loads(status_file.read_text()) if status_file.exists() else {},
        "per_route": {name: {"requests": int(r["Request Count"]), "p95_ms": float(r["95%"])}
                      for name, r in rows.items() if name != "Aggregated"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--baseline-seconds", type=int, default=20)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--reuse", action="store_true", help="reuse the demo database built before")
    args = parser.parse_args()
    url = database_url(args.db, args.workdir)
    built = prepare(args.db, url, args.reuse, args.workdir)
    if not args.port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            args.port = s.getsockname()[1]
    server = serve(url, args.port, args.workers)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            base = locust(args.port, "HealthProbe", args.users, args.baseline_seconds,
                          Path(tmp) / "baseline")
            load_before = os.getloadavg()
            desk = locust(args.port, "DeskOfficer", args.users, args.seconds, Path(tmp) / "desk")
            load_after = os.getloadavg()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    result = {"db": args.db, "workers": args.workers, "users": args.users,
              "seconds": args.seconds, "demo_build_s": round(built, 1), "desk": desk,
              "baseline_healthz": base,
              # the machine's 1-minute load average as the desk run began and ended
              "loadavg_1min": [round(load_before[0], 1), round(load_after[0], 1)]}
    print(json.dumps(result))
    five = sum(v for k, v in desk["statuses"].items() if k == "5xx")
    print(f"| {args.db} | {args.workers} | {args.users} | {args.seconds} s | {desk['requests']:,} "
          f"| {desk['rps']} | {desk['p50_ms']:.0f} | {desk['p95_ms']:.0f} | {desk['p99_ms']:.0f} "
          f"| {desk['statuses'].get('409', 0)} | {desk['statuses'].get('4xx', 0)} | {five} "
          f"| {base['rps']} | {load_before[0]:.1f}–{load_after[0]:.1f} |")
    sys.exit(1 if five else 0)


if __name__ == "__main__":
    main()
