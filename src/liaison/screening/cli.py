"""``liaison screen``: batch screening of a query CSV against a watchlist.

``screen_command`` is the Typer command the root CLI mounts.  Without
``--watchlist`` the watchlist comes from the database through the loader
registered with ``set_watchlist_loader`` (persons under an active warrant, notice
or search note); until one is registered, that path raises a clear error.

Run on its own: ``python -m liaison.screening.cli QUERIES.csv --watchlist W.csv -o H.csv``.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from liaison.errors import LiaisonError, Unavailable, ValidationError
from liaison.screening.batch import BatchStats, read_watchlist, screen_files
from liaison.screening.model import WatchlistEntry
from liaison.screening.scorer import DEFAULT_THRESHOLD

WatchlistLoader = Callable[[Any], Iterable[WatchlistEntry]]
_loader: WatchlistLoader | None = None


def set_watchlist_loader(loader: WatchlistLoader | None) -> None:
    """Register ``load_watchlist(session) -> Iterable[WatchlistEntry]`` (the database path)."""
    global _loader
    _loader = loader


def _database_loader(session: Any) -> Iterable[WatchlistEntry]:
    # imported on use: the notice and person models are not needed with --watchlist
    from liaison.screening.watchlist import load_watchlist

    return load_watchlist(session)


def register(app: typer.Typer) -> None:
    """Mount ``liaison screen`` on the root command, reading the database's watchlist
    (persons under an active warrant, notice or search note) when no file is given."""
    set_watchlist_loader(_database_loader)
    app.command("screen")(screen_command)


def _check_threshold(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise typer.BadParameter("the threshold is a score between 0 and 1")
    return value


def screen_command(
    queries: Annotated[Path, typer.Argument(help="queries CSV: qid, full_name, birth_date, "
                                                 "nationality", exists=True, dir_okay=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="hits CSV to write: qid, "
                                         "watchlist_id, score, explanation")],
    watchlist: Annotated[Path | None, typer.Option(
        help="watchlist CSV: id, full_name, alt_names (|-separated), birth_date, "
             "nationality, gender; default: the database's active notices",
        exists=True, dir_okay=False)] = None,
    threshold: Annotated[float, typer.Option(
        help="lowest score written (0 writes every candidate)",
        callback=_check_threshold)] = DEFAULT_THRESHOLD,
    engine: Annotated[str, typer.Option(help="local (one process) or spark")] = "local",
    master: Annotated[str | None, typer.Option(
        help="Spark master URL (spark engine only; default local[*])")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="processes screening the queries (local engine; default: one per "
                    "core from 2,000 queries)")] = None,
) -> None:
    """Screen a list of persons against the watchlist and write the hits."""
    if engine not in ("local", "spark"):
        raise typer.BadParameter("--engine is local or spark")
    started = time.perf_counter()
    if watchlist is not None:
        stats = _run(queries, read_watchlist(watchlist), output, threshold, engine, master,
                     workers)
    else:
        stats = _run_on_database(queries, output, threshold, engine, master, workers)
    took = time.perf_counter() - started
    typer.echo(f"{stats.queries} queries screened against {stats.watchlist} listed persons: "
               f"{stats.hits} hits at threshold {threshold} written to {output} "
               f"(index {stats.index_seconds:.1f}s, match {stats.match_seconds:.1f}s, "
               f"total {took:.1f}s)", err=True)


def _run(queries: Path, entries: Iterable[WatchlistEntry], output: Path, threshold: float,
         engine: str, master: str | None, workers: int | None = None) -> BatchStats:
    if engine == "spark":
        from liaison.screening.spark import screen_files_spark

        return screen_files_spark(queries, list(entries), output, threshold, master)
    # read while the index is built (the file is streamed, not held twice)
    return screen_files(queries, entries, output, threshold, workers)


def _hit_ids(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fp:
        return sorted({row["watchlist_id"] for row in csv.DictReader(fp)})


def _run_on_database(queries: Path, output: Path, threshold: float, engine: str,
                     master: str | None, workers: int | None = None) -> BatchStats:
    """Screen against the database's watchlist in one transaction that also records, in
    the audit trail, who screened which file and which listed persons came back. The
    hits file appears only once that transaction has committed."""
    if _loader is None:
        raise Unavailable(
            "screening against the database is not available: no watchlist loader is "
            "registered (liaison.screening.cli.set_watchlist_loader); use --watchlist FILE")
    from liaison.db import get_engine, transaction
    from liaison.security import audit
    from liaison.security.actor import cli_actor

    actor = cli_actor()
    partial = output.with_name(f".{output.name}.partial")
    try:
        with transaction(get_engine()) as session:
            entries = list(_loader(session))
            stats = _run(queries, entries, partial, threshold, engine, master, workers)
            audit.record(session, audit.Event(
                actor.username, audit.AuditAction.search, "person", "", purpose="screening",
                origin=actor.origin,
                detail={"queries_file": queries.name, "queries": stats.queries,
                        "listed": stats.watchlist, "threshold": threshold,
                        "hits": stats.hits, "persons": _hit_ids(partial)}))
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return stats


def main() -> None:
    """Standalone entry point (the root ``liaison`` CLI mounts ``screen_command``)."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(app)
    args = sys.argv[1:]
    try:
        app(args[1:] if args[:1] == ["screen"] else args)
    except LiaisonError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise SystemExit(exc.exit_code) from None


__all__ = ["ValidationError", "register", "screen_command",
           "set_watchlist_loader"]

if __name__ == "__main__":
    main()
