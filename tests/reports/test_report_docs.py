"""docs/report.md keeps up with the code: every key of the JSON and every option."""

from __future__ import annotations

from pathlib import Path
from typing import get_type_hints

from sqlalchemy import Engine

from liaison.reports.cli import report as report_command
from liaison.reports.stats import report

DOCS = (Path(__file__).parents[2] / "docs" / "report.md").read_text(encoding="utf-8")


def test_every_key_of_the_json_is_documented(db_engine: Engine) -> None:
    if db_engine.dialect.name != "sqlite":
        return  # the keys do not depend on the database
    got = report(2023, db_engine, home_country="MA")
    missing = [section for section in got if f"`{section}" not in DOCS and section not in DOCS]
    for section, value in got.items():
        if isinstance(value, dict):
            missing += [f"{section}.{key}" for key in value if f"{section}.{key}" not in DOCS]
    assert missing == []


def test_every_option_is_documented() -> None:
    hints = get_type_hints(report_command, include_extras=True)
    names = [
        decl
        for hint in hints.values()
        for info in getattr(hint, "__metadata__", ())
        # in Annotated, typer takes the first declaration in the place of the default
        for decl in [getattr(info, "default", None), *(getattr(info, "param_decls", None) or ())]
        if isinstance(decl, str) and decl.startswith("-")
    ]
    assert "--format" in names and "--from" in names
    for name in names:
        assert f"`{name}`" in DOCS, name
