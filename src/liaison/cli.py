"""The ``liaison`` command.

Every command works on the database ``LIAISON_DATABASE_URL`` names, runs in one
transaction, and reports an error as one line on stderr with a non-zero exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, Optional

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TransferSpeedColumn
from sqlalchemy.exc import DBAPIError, OperationalError

from liaison.db import get_engine, transaction, upgrade
from liaison.errors import LiaisonError, ValidationError
from liaison.security.actor import cli_actor

if TYPE_CHECKING:
    from liaison.ingest.interchange import ImportReport

app = typer.Typer(
    help="Liaison: the desk of an international police cooperation office.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def ensure_schema() -> None:
    """Create or upgrade the schema and load the reference data (idempotent)."""
    from liaison.partners.service import ensure_countries

    engine = get_engine()
    upgrade(engine)
    with transaction(engine) as session:
        ensure_countries(session)


@app.command()
def init() -> None:
    """Create (or upgrade) the database schema and load the countries."""
    ensure_schema()
    out.print("Database ready.")


@app.command()
def demo(
    seed: Annotated[int, typer.Option(help="random seed of the synthetic records")] = 2023,
    force: Annotated[bool, typer.Option(help="rebuild even if the database has records")] = False,
) -> None:
    """Build the demo database: partners, meetings, cases, notices… for 2022-2025."""
    from liaison.demo import build_demo

    ensure_schema()
    with transaction() as session:
        counts = build_demo(session, cli_actor(), seed=seed, force=force, accounts=True)
    if counts is None:
        out.print("The database already holds records; nothing done (use --force to add the demo).")
        return
    out.print("Demo built: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    from liaison.demo.accounts import ACCOUNTS, PASSWORD

    names = ", ".join(a.username for a in ACCOUNTS)
    out.print(f"Demo accounts ({names}), password {PASSWORD!r}; the supervisor's and the "
              "admin's one-time code is shown on the login page of a demo server (LIAISON_DEMO=1).",
              markup=False)


def _import_interchange(file: str, skip_invalid: bool) -> ImportReport:
    from liaison.ingest.interchange import import_records

    path = None if file == "-" else Path(file)
    if path is not None and not path.is_file():
        raise ValidationError.for_field("FILE", f"no such file: {file}")
    stream: BinaryIO = sys.stdin.buffer if path is None else path.open("rb")
    size = path.stat().st_size if path is not None else None
    show = err.is_terminal and size is not None
    with stream, Progress(TextColumn("importing"), BarColumn(), TransferSpeedColumn(),
                          console=err, disable=not show) as progress:
        task = progress.add_task("import", total=size)
        with transaction() as session:
            return import_records(session, cli_actor(), _lines(stream, progress, task),
                                  skip_invalid=skip_invalid, source=file)


def _lines(stream: BinaryIO, progress: Progress | None,
           task: TaskID | None) -> Iterator[tuple[int, bytes]]:
    read = 0
    for number, raw in enumerate(stream, start=1):
        read += len(raw)
        if number % 1000 == 0 and progress is not None and task is not None:
            progress.advance(task, read)  # the bar moves by thousands of lines: cheaper
            read = 0
        yield number, raw
    if progress is not None and task is not None:
        progress.advance(task, read)


@app.command("import")
def import_(
    file: Annotated[str, typer.Argument(help="JSON Lines file, or - for standard input")],
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="import the valid lines and report the others")] = False,
    format: Annotated[str, typer.Option("--format", help="interchange | interpol-notices | ftm")] = "interchange",
) -> None:
    """Import records (idempotent by reference; all or nothing unless --skip-invalid)."""
    ensure_schema()
    if format != "interchange":
        from liaison.ingest.sources import import_published_list

        with transaction() as session:
            report = import_published_list(session, cli_actor(), Path(file), format)
    else:
        report = _import_interchange(file, skip_invalid)
    out.print(
        f"{report.read:,} lines read: {report.created:,} created, {report.updated:,} updated, "
        f"{report.unchanged:,} unchanged, {report.invalid_lines:,} invalid."
    )
    for problem in report.problems:
        err.print(f"skipped {problem}")


@app.command()
def export(
    kind: Annotated[Optional[list[str]], typer.Option("--kind", help="only this kind (repeatable)")] = None,  # noqa: UP045
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file to write (default: stdout)")] = None,  # noqa: UP045
) -> None:
    """Export records in the interchange format (JSON Lines)."""
    from liaison.ingest.interchange import export_records
    from liaison.ingest.schema import KIND_ORDER

    for k in kind or []:
        if k not in KIND_ORDER:
            raise ValidationError.for_field("--kind", f"unknown kind '{k}'; one of {', '.join(KIND_ORDER)}")
    ensure_schema()
    target = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with transaction() as session:
            for line in export_records(session, cli_actor(), kind):
                target.write(line + "\n")
    finally:
        if output:
            target.close()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes")] = 1,
) -> None:
    """Serve the web application and the API."""
    import uvicorn

    ensure_schema()
    out.print(f"Liaison on http://{host}:{port}/")
    uvicorn.run("liaison.api.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning")


# -- commands of the domain packages (one line each) ---------------------------------
def _register() -> None:
    """Mount the sub-commands of each domain package."""
    # registration block: one line per domain, e.g.
    # from liaison.notices.cli import app as notices_app; app.add_typer(notices_app, name="notice")
    from liaison.security.cli import register as security_cli; security_cli(app)  # noqa: E702
    from liaison.ops.cli import register as ops_cli; ops_cli(app)  # noqa: E702
    from liaison.cases.cli import app as case_app; app.add_typer(case_app, name="case")  # noqa: E702, E501, I001
    from liaison.notices.cli import app as notice_app; app.add_typer(notice_app, name="notice")  # noqa: E702, E501, I001
    from liaison.letters.cli import app as letter_app; app.add_typer(letter_app, name="letter")  # noqa: E702, E501, I001
    from liaison.extradition.cli import app as ext_app; app.add_typer(ext_app, name="extradition")  # noqa: E702, E501, I001
    from liaison.retention_cli import app as retention_app; app.add_typer(retention_app, name="retention")  # noqa: E702, E501, I001
    from liaison.reports.cli import register as report_cli; report_cli(app)  # noqa: E702
    from liaison.ingest.press_cli import ingest_command; app.command("ingest")(ingest_command)  # noqa: E702, I001
    from liaison.screening.cli import register as screen_cli; screen_cli(app)  # noqa: E702


_register()


def _fail(message: str, code: int) -> None:
    err.print(f"error: {message}", markup=False)
    sys.exit(code)


def main() -> None:
    try:
        app(standalone_mode=False)
    except ValidationError as exc:
        err.print(f"error: {exc.message}", markup=False)
        for problem in exc.problems:
            err.print(f"  {problem}", markup=False)
        sys.exit(exc.exit_code)
    except LiaisonError as exc:
        _fail(exc.message, exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail("aborted", 130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except typer.Exit as exc:  # typer >= 0.2x carries its own click: its exceptions too
        sys.exit(getattr(exc, "exit_code", 0))
    except typer.Abort:
        _fail("aborted", 130)
    except typer.TyperException as exc:  # a usage error: bad option, missing file…
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            _fail(str(exc), 2)
        sys.exit(getattr(exc, "exit_code", 2))
    except OperationalError as exc:
        _fail(f"database unavailable: {exc.orig}", 6)
    except DBAPIError as exc:
        _fail(f"database error: {exc.orig}", 7)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
