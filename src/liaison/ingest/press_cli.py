"""``liaison ingest FILE...``: read French press releases and show (or accept) what
they propose. The root CLI mounts :func:`ingest_command`; errors are
:class:`~liaison.errors.LiaisonError` values, printed by the root as one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from liaison.errors import NotFound, ValidationError
from liaison.ingest.press.result import KINDS, Extraction

FORMATS = ("table", "json")


def read_text(path: Path) -> str:
    """The text of ``path`` (UTF-8, with or without BOM, or UTF-16 with BOM)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ValidationError(f"{path}: is a directory, not a text file") from None
    except OSError as error:
        raise ValidationError(f"{path}: cannot be read ({error.strerror})") from None
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"{path}: not UTF-8 text (byte {error.start}); convert it to UTF-8"
        ) from None


def _summary(kind: str, item: dict[str, Any]) -> str:
    """One readable line for one proposal in the table."""

    def dates(value: Any) -> str:
        spans = value if isinstance(value, list) else [value] if value else []
        return ", ".join(s["start"] + (f"→{s['end']}" if s["end"] else "") for s in spans)

    if kind == "events":
        where = item["place"] or item["country"] or "?"
        return f"{item['name']} · {where} · {dates(item['dates'])}"
    if kind == "meetings":
        names = ", ".join(p["name"] or "?" for p in item["participants"])
        count = f" ×{item['count']}" if item["count"] else ""
        return f"{item['kind']}{count} · {dates(item['dates'])} · {item['place'] or '?'} · {names}"
    if kind == "agreements":
        parties = " / ".join(item["parties"])
        return f"{item['kind']} «{item['title']}» · {parties} · {dates(item['date'])}"
    if kind == "people":
        return " · ".join(x for x in (item["name"], item["role"], item["organisation"]) if x)
    if kind == "countries":
        return f"{item['code']} {item['name']} ({', '.join(item['mentions'])})"
    if kind == "figures":
        change = item["change"]
        extra = ""
        if change:
            delta = f"{change['value']}{change['unit'] or ''}" if change["value"] else ""
            ref = change["reference_value"] or ""
            extra = f" · {change['direction']} {delta}{ref} vs {change['reference_year'] or '?'}"
        return f"{item['value']} {item['counts'] or item['unit']} · {item['year'] or '?'}{extra}"
    return f"{item['name']} → {item['recipient'] or '?'} (by {item['awarded_by'] or '?'})"


def render_table(console: Console, name: str, extraction: Extraction) -> None:
    table = Table(title=name, show_lines=False)
    table.add_column("kind")
    table.add_column("proposal")
    table.add_column("conf.", justify="right")
    data = extraction.to_dict()
    for kind in KINDS:
        for item in data[kind]:
            table.add_row(kind, _summary(kind, item), f"{item['confidence']:.2f}")
    console.print(table)


def ingest_command(
    files: Annotated[list[Path], typer.Argument(help="press releases, UTF-8 text files")],
    format: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    accept: Annotated[
        bool, typer.Option("--accept", help="write the proposals as records (audited)")
    ] = False,
    article_date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--article-date",
            formats=["%Y-%m-%d"],
            help="publication date, to resolve dates written without a year "
            "(default: the page's dateline, if any)",
        ),
    ] = None,
) -> None:
    """Read French press releases: events, meetings, agreements, people, countries,
    figures and distinctions, each with its sentence and a confidence."""
    if format not in FORMATS:
        raise ValidationError(f"--format: must be one of {', '.join(FORMATS)}")
    when = article_date.date() if article_date else None
    texts = {str(path): read_text(path) for path in files}  # every file checked first
    from liaison.ingest.press.pipeline import extract  # spaCy loads here, not at CLI start

    console = Console(highlight=False)
    if not accept:
        results = {name: extract(text, article_date=when) for name, text in texts.items()}
        _show(results, format, console)
        return
    from liaison.db import transaction
    from liaison.ingest.press_service import accept_extraction, registry_gazetteer
    from liaison.security.actor import cli_actor

    with transaction() as session:  # read with what the registry knows, then write
        gazetteer = registry_gazetteer(session)
        results = {name: extract(text, when, gazetteer) for name, text in texts.items()}
        _show(results, format, console)
        for name, result in results.items():
            written = accept_extraction(session, cli_actor(), result, Path(name).name)
            summary = ", ".join(f"{n} {k}" for k, n in written.items())
            (err if format == "json" else console).print(f"{name}: {summary}")


err = Console(stderr=True, highlight=False)


def _show(results: dict[str, Extraction], format: str, console: Console) -> None:
    if format == "json":
        data: Any = {name: r.to_dict() for name, r in results.items()}
        if len(results) == 1:
            data = next(iter(data.values()))
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for name, result in results.items():
            render_table(console, name, result)
