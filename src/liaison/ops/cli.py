"""`liaison backup`, `liaison restore`, `liaison upgrade`: the operator's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from sqlalchemy import Engine

from liaison.db import get_engine
from liaison.errors import LiaisonError
from liaison.ops.backup import backup, restore
from liaison.ops.checks import check
from liaison.ops.upgrade import upgrade_with_backup

out = Console(highlight=False)


class DatabaseDamaged(LiaisonError):
    title = "Database check failed"
    exit_code = 8


def backup_command(
    file: Annotated[Path, typer.Argument(help="file to write (SQLite copy or pg_dump archive)")],
) -> None:
    """Write a consistent backup of the database while it runs."""
    report = backup(get_engine(), file)
    out.print(f"Backup written: {report.path} ({report.size:,} bytes, {report.kind}).")


def restore_command(
    file: Annotated[Path, typer.Argument(help="a file written by liaison backup")],
    check_after: Annotated[bool, typer.Option(
        "--check/--no-check", help="verify integrity and the audit chain after")] = True,
) -> None:
    """Replace the database's content by a backup (stop the app processes first)."""
    engine = get_engine()
    restore(engine, file)
    if check_after:
        _report_health(engine)
    out.print(f"Restored from {file}.")


def check_command() -> None:
    """Check the database: storage integrity, foreign keys, the audit chain."""
    _report_health(get_engine(), orphans=True)


def _report_health(engine: Engine, orphans: bool | None = None) -> None:
    health = check(engine, orphans=orphans)
    if not health.ok:
        raise DatabaseDamaged("; ".join(health.problems[:5]))
    out.print(f"Database consistent; audit chain verified ({health.audit_entries:,} entries).")


def upgrade_command(
    backup_file: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--backup", help="where to write the backup taken first")] = None,
) -> None:
    """Back the database up, then apply the pending schema migrations."""
    report = upgrade_with_backup(get_engine(), backup_file)
    if not report.changed:
        out.print(f"Schema already up to date ({report.after}); nothing done.")
        return
    if report.backup is not None:
        out.print(f"Backup written first: {report.backup.path} ({report.backup.size:,} bytes).")
    out.print(f"Schema upgraded: {report.before or 'empty'} -> {report.after}.")


def register(app: typer.Typer) -> None:
    """Mount the operator's commands on the root ``liaison`` command."""
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
    app.command("check")(check_command)
    app.command("upgrade")(upgrade_command)
