"""Kill Liaison mid-write, many times, and check nothing acknowledged was lost.

Used by ``tests/ops/test_crash.py`` (a short run in ``make test``) and by
``bench/crash/run.py`` (the long run). Every kill is a real SIGKILL of a real process:
``liaison import FILE`` or ``liaison serve`` receiving API writes.

The promise checked after each kill, once the next process has opened the database:

* the database is whole: SQLite ``integrity_check`` and ``foreign_key_check``; on
  PostgreSQL a query per foreign key finds no orphan; the audit chain verifies;
* an import that exited 0 is entirely there; a killed import is entirely there or
  entirely absent (one transaction), and the record every import updates agrees;
* every API write answered 2xx before the kill is there after it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import Engine, func, select, text

from liaison.cases.model import Case, CasePerson
from liaison.db import transaction
from liaison.ops.checks import check
from liaison.persons.model import Person

SHARED_CASE = "CRASH-SHARED"
LIAISON = [sys.executable, "-c", "from liaison.cli import main; main()"]


@dataclass
class CrashReport:
    runs: int = 0
    kills: int = 0
    acknowledged: int = 0
    killed_after_commit: int = 0
    killed_rolled_back: int = 0
    #: kills that hit the process while it held an open write transaction
    kills_in_write_transaction: int = 0
    api_writes_acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    def merge(self, other: CrashReport) -> None:
        for name in ("runs", "kills", "acknowledged", "killed_after_commit",
                     "killed_rolled_back", "kills_in_write_transaction",
                     "api_writes_acknowledged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lost += other.lost
        self.broken += other.broken


APP_NAME = f"liaison-crash-{os.getpid()}"


def env_for(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["LIAISON_DATABASE_URL"] = url
    env["PGAPPNAME"] = APP_NAME  # to find the victim's session in pg_stat_activity
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


def writing(engine: Engine) -> bool:
    """Is a process we started inside a write transaction right now? SQLite: someone
    holds the write lock; PostgreSQL: its session has a transaction id (it wrote)."""
    if engine.dialect.name == "sqlite":
        probe = sqlite3.connect(str(engine.url.database), timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :a "
                              "AND backend_xid IS NOT NULL"), {"a": APP_NAME}).scalar_one()
    return bool(n)


# -- imports ----------------------------------------------------------------------------


def import_lines(tag: str, persons: int) -> list[str]:
    """``persons`` persons, half as many cases linking two of them each, and an update
    of the case every import rewrites (its subject names the last import)."""
    lines = []
    for i in range(persons):
        lines.append(json.dumps({
            "kind": "person", "ref": f"{tag}-P{i:05d}", "classification": "confidential",
            "names": [{"full_name": f"Karim Crash{tag} {i}"}], "birth_date": "1980-05",
            "nationalities": ["MA"], "documents": [{"number": f"{tag}N{i}", "country": "MA"}]}))
    for i in range(persons // 2):
        lines.append(json.dumps({
            "kind": "case", "ref": f"{tag}-C{i:05d}", "direction": "incoming",
            "subject": f"file {i} of {tag}", "opened_on": "2025-01-02",
            "persons": [{"person": f"{tag}-P{2 * i:05d}"}, {"person": f"{tag}-P{2 * i + 1:05d}"}]}))
    lines.append(json.dumps({
        "kind": "case", "ref": SHARED_CASE, "direction": "outgoing", "subject": tag,
        "opened_on": "2025-01-01", "persons": [{"person": f"{tag}-P00000"}]}))
    return lines


def tag_counts(engine: Engine, tag: str) -> tuple[int, int, int]:
    """(persons, cases, case-person links) of one import."""
    with transaction(engine) as s:
        persons = s.scalar(select(func.count()).select_from(Person)
                           .where(Person.ref.like(f"{tag}-%")))
        cases = s.scalar(select(func.count()).select_from(Case).where(Case.ref.like(f"{tag}-%")))
        links = s.scalar(select(func.count()).select_from(CasePerson)
                         .where(CasePerson.case_ref.like(f"{tag}-%")))
    return int(persons or 0), int(cases or 0), int(links or 0)


def shared_subject(engine: Engine) -> str | None:
    with transaction(engine) as s:
        return s.scalar(select(Case.subject).where(Case.ref == SHARED_CASE))


class ForkServer:
    """Starts ``liaison`` commands as children of a process that imported Liaison once
    (see forkserver.py): a real process each time, SIGKILLed for real."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.ops.forkserver"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     cwd=Path(__file__).parents[2], env=env_for(""))

    def _read(self) -> dict[str, int]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError("the fork server died")
        return dict(json.loads(line))

    def run(self, url: str, argv: list[str], plan: Plan | None) -> tuple[int, float]:
        assert self.proc.stdin is not None
        started = time.perf_counter()
        self.proc.stdin.write((json.dumps({"argv": argv, "env": env_for(url)}) + "\n").encode())
        self.proc.stdin.flush()
        pid = self._read()["pid"]
        done: dict[str, int] = {}
        reader = threading.Thread(target=lambda: done.update(self._read()), daemon=True)
        reader.start()

        def still_running(seconds: float) -> bool:
            reader.join(seconds)
            return reader.is_alive()

        if plan is None:
            reader.join()
        elif plan(still_running):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            reader.join()
        return done["code"], time.perf_counter() - started

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


#: When to kill: called with ``still_running(seconds)`` (waits up to that long, says
#: whether the process still runs); returns True to SIGKILL it now.
Plan = Callable[[Callable[[float], bool]], bool]


def run_import(url: str, path: Path, plan: Plan | None,
               forks: ForkServer | None = None) -> tuple[int, float]:
    """Run ``liaison import path``, SIGKILLed when ``plan`` says so. Returns (exit code,
    seconds)."""
    if forks is not None:
        code, took = forks.run(url, ["import", str(path)], plan)
        if code not in (0, -signal.SIGKILL):
            raise AssertionError(f"liaison import failed on its own ({code})")
        return code, took
    started = time.perf_counter()
    proc = subprocess.Popen([*LIAISON, "import", str(path)], env=env_for(url),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def still_running(seconds: float) -> bool:
        try:
            proc.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            return True

    if plan is None:
        proc.wait()
    elif plan(still_running):
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if proc.returncode not in (0, -signal.SIGKILL):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise AssertionError(f"liaison import failed on its own ({proc.returncode}): {err[-400:]}")
    if proc.stderr:
        proc.stderr.close()
    return proc.returncode, time.perf_counter() - started


def check_whole(engine: Engine, report: CrashReport, when: str) -> None:
    health = check(engine, orphans=True)
    report.broken += [f"{when}: {p}" for p in health.problems]


def import_kills(engine: Engine, url: str, workdir: Path, kills: int, *, persons: int = 1500,
                 seed: int = 10, fork: bool = True, verify_every: int = 1) -> CrashReport:
    """Import files one after the other, SIGKILLing most imports at a random moment.
    ``fork``: start each import from the fork server (else exec ``liaison`` anew)."""
    forks = ForkServer() if fork else None
    try:
        return _import_kills(engine, url, workdir, kills, persons, seed, forks, verify_every)
    finally:
        if forks is not None:
            forks.close()


def _median(values: list[float], default: float) -> float:
    recent = sorted(values[-7:])
    return recent[len(recent) // 2] if recent else default


def _anywhere(engine: Engine, rng: random.Random, durations: list[float],
              probe: dict[str, bool]) -> Plan:
    """Kill at a random moment of the run's life (start-up, schema check, validation,
    writes, commit); its length is the median of recent complete runs."""
    def plan(still_running: Callable[[float], bool]) -> bool:
        if not still_running(rng.uniform(0.05, 1.05) * _median(durations, 2.0)):
            return False
        probe["writing"] = writing(engine)
        return True
    return plan


def _in_write(engine: Engine, rng: random.Random, write_times: list[float],
              probe: dict[str, bool]) -> Plan:
    """Wait until the process is inside its write transaction, then kill at a random
    moment of it (its length: the median of those seen to complete)."""
    def plan(still_running: Callable[[float], bool]) -> bool:
        deadline = time.monotonic() + 60
        while not writing(engine):
            if not still_running(0.005) or time.monotonic() > deadline:
                return False
        began = time.monotonic()
        if not still_running(rng.uniform(0, 1.1) * _median(write_times, 0.5)):
            write_times.append(time.monotonic() - began)
            return False
        probe["writing"] = writing(engine)
        return True
    return plan


def _import_kills(engine: Engine, url: str, workdir: Path, kills: int, persons: int,
                  seed: int, forks: ForkServer | None, verify_every: int) -> CrashReport:
    rng = random.Random(seed)
    report = CrashReport()
    acknowledged: list[str] = []
    expected = (persons, persons // 2, 2 * (persons // 2))
    # the first import runs to its end: it is acknowledged, and it times a whole run
    first = workdir / "import-0.jsonl"
    first.write_text("\n".join(import_lines("T0", persons)) + "\n")
    code, _ = run_import(url, first, None, forks)  # the first run warms the caches
    assert code == 0
    acknowledged.append("T0")
    report.runs, report.acknowledged = 1, 1
    durations: list[float] = []
    write_times: list[float] = []
    n = 0
    while report.kills < kills:
        n += 1
        tag = f"T{n}"
        path = workdir / f"import-{n}.jsonl"
        path.write_text("\n".join(import_lines(tag, persons)) + "\n")
        before = shared_subject(engine)
        probe: dict[str, bool] = {}
        plan = (_anywhere(engine, rng, durations, probe) if n % 2
                else _in_write(engine, rng, write_times, probe))
        code, took = run_import(url, path, plan, forks)
        report.runs += 1
        if code == 0 and n % 2:
            durations.append(took)
        counts = tag_counts(engine, tag)  # the next process to open the database
        subject = shared_subject(engine)
        if code == 0:
            report.acknowledged += 1
            acknowledged.append(tag)
            if counts != expected or subject != tag:
                report.lost.append(f"{tag} exited 0 but holds {counts}, shared case says {subject}")
        else:
            report.kills += 1
            report.kills_in_write_transaction += probe.get("writing", False)
            if counts == expected and subject == tag:
                report.killed_after_commit += 1
                acknowledged.append(tag)
            elif counts == (0, 0, 0) and subject == before:
                report.killed_rolled_back += 1
            else:
                report.broken.append(f"{tag} killed half-written: {counts}, shared case {subject}")
        if report.runs % verify_every == 0 or report.kills == kills:
            check_whole(engine, report, tag)
        path.unlink()
        if report.kills % 5 == 0 or code == 0:
            for old in acknowledged:
                if tag_counts(engine, old) != expected:
                    report.lost.append(f"{old} was complete and is not any more")
    return report


# -- the server ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int = 1,
                 timeout: float = 60) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([*LIAISON, "serve", "--port", str(port), "--workers", str(workers)],
                            env=env_for(url), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"liaison serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    kill_server(proc)
    raise AssertionError("liaison serve did not become ready")


def kill_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the server and its worker processes (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def token(base: str, user: str, password: str) -> str:
    r = httpx.post(f"{base}/api/v1/auth/token", data={"username": user, "password": password})
    r.raise_for_status()
    return str(r.json()["access_token"])


class Writer(threading.Thread):
    """Creates persons and updates one case through the API until the server dies,
    keeping what the server acknowledged."""

    def __init__(self, base: str, bearer: str, tag: str) -> None:
        super().__init__(daemon=True)
        self.client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {bearer}"},
                                   timeout=10)
        self.tag = tag
        self.created: list[str] = []
        self.case_version = 0
        self.unexpected: list[str] = []

    def run(self) -> None:
        i = 0
        try:
            while True:
                ref = f"{self.tag}-A{i:05d}"
                r = self.client.post("/api/v1/persons", json={
                    "ref": ref, "names": [{"full_name": f"Nadia Api {self.tag} {i}"}]})
                self._expect(r, 201)
                if r.status_code == 201:
                    self.created.append(ref)
                got = self.client.get(f"/api/v1/cases/{SHARED_CASE}")
                if got.status_code == 200:
                    body = got.json()
                    body["subject"] = f"{self.tag} {i}"
                    put = self.client.put(f"/api/v1/cases/{SHARED_CASE}", json=body)
                    self._expect(put, 200)
                    if put.status_code == 200:
                        self.case_version = int(put.json()["version"])
                i += 1
        except httpx.HTTPError:
            return  # the server died: what it answered before is what counts
        finally:
            self.client.close()

    def _expect(self, r: httpx.Response, status: int) -> None:
        if r.status_code != status:
            self.unexpected.append(f"{r.request.method} {r.request.url.path}: {r.status_code}")


def server_kills(engine: Engine, url: str, kills: int, user: str, password: str,
                 *, seed: int = 20, workers: int = 1) -> CrashReport:
    """Start the server, write through the API, SIGKILL it at a random moment; again."""
    rng = random.Random(seed)
    report = CrashReport()
    acknowledged: list[str] = []
    version_seen = 0
    for n in range(kills):
        port = free_port()
        server = start_server(url, port, workers)
        base = f"http://127.0.0.1:{port}"
        writer = Writer(base, token(base, user, password), f"S{seed}x{n}")
        writer.start()
        time.sleep(rng.uniform(0.2, 1.5))
        kill_server(server)
        writer.join(timeout=30)
        report.runs += 1
        report.kills += 1
        report.broken += writer.unexpected
        acknowledged += writer.created
        version_seen = max(version_seen, writer.case_version)
        report.api_writes_acknowledged += len(writer.created)
        missing = missing_persons(engine, acknowledged)
        report.lost += [f"person {ref} was acknowledged (201) and is missing" for ref in missing]
        with transaction(engine) as s:
            version = s.scalar(select(Case.version).where(Case.ref == SHARED_CASE)) or 0
        if version < version_seen:
            report.lost.append(f"case version {version_seen} acknowledged, found {version}")
        check_whole(engine, report, f"server kill {n}")
    return report


def missing_persons(engine: Engine, refs: list[str]) -> list[str]:
    found: set[str] = set()
    with transaction(engine) as s:
        for i in range(0, len(refs), 500):
            found.update(s.scalars(select(Person.ref).where(Person.ref.in_(refs[i:i + 500]))))
    return [r for r in refs if r not in found]
