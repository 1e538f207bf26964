"""``liaison report YEAR``: the annual report as JSON, HTML, PDF or Markdown."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from liaison.errors import ValidationError
from liaison.reports.service import annual_report, period_of
from liaison.security.actor import cli_actor


def _date(value: str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.for_field(field, f"{value!r} is not a date (YYYY-MM-DD)") from None


def report(
    year: Annotated[Optional[int], typer.Argument(help="calendar year of the report")] = None,  # noqa: UP045
    format: Annotated[str, typer.Option("--format", "-f", help="json | html | pdf | md")] = "json",
    lang: Annotated[str, typer.Option("--lang", help="fr | en (html, pdf, md)")] = "fr",
    start: Annotated[Optional[str], typer.Option("--from", help="first day of a date range (YYYY-MM-DD)")] = None,  # noqa: UP045, E501
    end: Annotated[Optional[str], typer.Option("--to", help="last day of a date range (YYYY-MM-DD)")] = None,  # noqa: UP045, E501
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file to write (default: stdout)")] = None,  # noqa: UP045, E501
) -> None:
    """The annual report (bilan), counted from the records: YEAR, or --from/--to."""
    from liaison.cli import ensure_schema
    from liaison.reports.render import FORMATS, render  # the renderer (WeasyPrint) loads here only

    if format not in FORMATS:
        choices = ", ".join(FORMATS)
        raise ValidationError.for_field("--format", f"{format!r} is not one of {choices}")
    period = period_of(year, _date(start, "--from"), _date(end, "--to"))
    ensure_schema()
    body = render(annual_report(cli_actor(), period), format, lang)
    if output is not None:
        output.write_bytes(body)
        return
    if format == "pdf" and sys.stdout.isatty():
        raise ValidationError.for_field("-o", "a PDF goes to a file: give -o FILE")
    sys.stdout.buffer.write(body)
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Mount ``liaison report`` on the root command."""
    app.command("report")(report)
