"""Alembic environment: runs on the engine Liaison hands over (see liaison.db.upgrade)."""

from __future__ import annotations

from alembic import context

import liaison.models  # noqa: F401  (registers every table on the metadata)
from liaison.db import Base, get_engine

config = context.config
engine = config.attributes.get("engine") or get_engine()

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
