"""Schema upgrades that never run without a backup taken just before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from liaison.db import alembic_config, current_revision, has_schema, upgrade
from liaison.ops.backup import BackupReport, backup


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None
    after: str | None
    backup: BackupReport | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def default_backup_path(engine: Engine, directory: Path, revision: str | None) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = "sqlite" if engine.dialect.name == "sqlite" else "dump"
    return directory / f"liaison-before-upgrade-{revision or 'empty'}-{stamp}.{suffix}"


def upgrade_with_backup(engine: Engine, backup_to: Path | None = None,
                        directory: Path | None = None) -> UpgradeReport:
    """Back the database up, then apply the pending migrations. Nothing pending:
    nothing done. A database without a schema has nothing to back up."""
    before = current_revision(engine) if has_schema(engine) else None
    head = head_revision(engine)
    if before == head:
        return UpgradeReport(before, before, None)
    report = None
    if before is not None:
        target = backup_to or default_backup_path(engine, directory or Path.cwd(), before)
        report = backup(engine, target)
    upgrade(engine)
    return UpgradeReport(before, current_revision(engine), report)
