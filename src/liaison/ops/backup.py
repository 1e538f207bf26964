"""Consistent online backups and their restore.

SQLite: the file is copied with SQLite's online backup API in one step, so the copy is
one consistent snapshot even while writers run (WAL: readers never block them); the
copy is checked (``PRAGMA integrity_check``) before it takes the backup's name.

PostgreSQL: ``pg_dump --format=custom`` of the database (of its schema when the URL
sets a ``search_path``), which reads one snapshot; ``pg_restore`` reads the file too.
A restore replaces the schema in one transaction: it ends whole or not at all.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from liaison.errors import LiaisonError, ValidationError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupFailed(LiaisonError):
    title = "Backup or restore failed"
    exit_code = 9


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    kind: str  # "sqlite" | "pg_dump"


def _tmp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


# -- SQLite ---------------------------------------------------------------------------


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise ValidationError.for_field("LIAISON_DATABASE_URL",
                                        "an in-memory database has no file to back up")
    return Path(url.database)


def _integrity(conn: sqlite3.Connection) -> list[str]:
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    return problems


def sqlite_backup(source: Path, target: Path) -> None:
    """Copy the live database ``source`` into ``target`` as one consistent snapshot."""
    part = _tmp_beside(target)
    part.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(part)
        try:
            # pages=-1: the whole database in one step, under one read snapshot
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            problems = _integrity(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if problems:
        part.unlink(missing_ok=True)
        raise BackupFailed(f"the copy failed its integrity check: {problems[0]}")
    os.replace(part, target)


def sqlite_restore(backup: Path, target: Path) -> None:
    """Replace the content of the database ``target`` by ``backup``'s, atomically (the
    backup API writes the whole destination under its write lock)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        problems = _integrity(src)
        if problems:
            raise BackupFailed(f"{backup} failed its integrity check: {problems[0]}")
        dst = sqlite3.connect(target, timeout=30)
        try:
            dst.execute("PRAGMA journal_mode=WAL")
            src.backup(dst, pages=-1)
        finally:
            dst.close()
    finally:
        src.close()


# -- PostgreSQL -----------------------------------------------------------------------


def pg_schema(url: URL) -> str:
    """The schema the URL's ``options=-csearch_path=…`` selects (default ``public``)."""
    options = unquote(str(url.query.get("options", "")))
    for part in options.split():
        if part.startswith("-csearch_path="):
            return part.split("=", 1)[1].split(",")[0].strip('"')
    return "public"


def _pg_env_args(url: URL) -> tuple[dict[str, str], list[str]]:
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = ["--host", url.host or "127.0.0.1", "--port", str(url.port or 5432)]
    if url.username:
        args += ["--username", url.username]
    return env, args


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupFailed(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _run(cmd: list[str], env: dict[str, str], stdin: bytes | None = None) -> bytes:
    done = subprocess.run(cmd, env=env, input=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = message[-1] if message else f"exit code {done.returncode}"
        raise BackupFailed(f"{Path(cmd[0]).name} failed: {last}")
    return done.stdout


def pg_backup(url: URL, target: Path) -> None:
    env, args = _pg_env_args(url)
    part = _tmp_beside(target)
    cmd = [_tool("pg_dump"), *args, "--format=custom", "--no-owner",
           "--schema", pg_schema(url), "--file", str(part), url.database or "postgres"]
    try:
        _run(cmd, env)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)


def pg_restore(url: URL, backup: Path) -> None:
    """Drop the schema and load the dump into it, in ONE transaction (psql -1)."""
    env, args = _pg_env_args(url)
    schema = pg_schema(url)
    script = _run([_tool("pg_restore"), "--no-owner", "--file", "-", str(backup)], env)
    quoted = '"' + schema.replace('"', '""') + '"'
    prologue = f"DROP SCHEMA IF EXISTS {quoted} CASCADE;\n"
    creates = (f"CREATE SCHEMA {schema};".encode(), f"CREATE SCHEMA {quoted};".encode())
    if not any(c in script for c in creates):
        prologue += f"CREATE SCHEMA {quoted};\n"
    _run([_tool("psql"), *args, "--quiet", "--no-psqlrc", "--single-transaction",
          "-v", "ON_ERROR_STOP=1", "--dbname", url.database or "postgres", "--file", "-"],
         env, stdin=prologue.encode() + script)


# -- the two operations ---------------------------------------------------------------


def backup_kind(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "pg_dump"
    raise ValidationError.for_field("FILE",
                                    f"{path} is neither a SQLite backup nor a pg_dump archive")


def backup(engine: Engine, target: Path) -> BackupReport:
    """Write a consistent backup of ``engine``'s database to ``target`` (replaced
    atomically: a failed backup leaves no half-written file under that name)."""
    target = target.resolve()
    if target.is_dir():
        raise ValidationError.for_field("FILE", f"{target} is a directory")
    if not target.parent.is_dir():
        raise ValidationError.for_field("FILE", f"no such directory: {target.parent}")
    if engine.dialect.name == "sqlite":
        source = _sqlite_path(engine.url).resolve()
        if source == target:
            raise ValidationError.for_field("FILE", "the backup cannot be the database itself")
        sqlite_backup(source, target)
        kind = "sqlite"
    elif engine.dialect.name == "postgresql":
        pg_backup(engine.url, target)
        kind = "pg_dump"
    else:
        raise BackupFailed(f"no backup method for {engine.dialect.name}")
    return BackupReport(target, target.stat().st_size, kind)


def restore(engine: Engine, source: Path) -> None:
    """Replace the database's content by the backup ``source``, whole or not at all."""
    if not source.is_file():
        raise ValidationError.for_field("FILE", f"no such file: {source}")
    kind = backup_kind(source)
    if engine.dialect.name == "sqlite" and kind == "sqlite":
        engine.dispose()
        sqlite_restore(source, _sqlite_path(engine.url))
    elif engine.dialect.name == "postgresql" and kind == "pg_dump":
        engine.dispose()
        pg_restore(engine.url, source)
    else:
        raise ValidationError.for_field(
            "FILE", f"a {kind} backup cannot be restored into a {engine.dialect.name} database")
    engine.dispose()
