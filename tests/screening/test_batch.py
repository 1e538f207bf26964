"""Batch screening from CSV files and the ``liaison screen`` command."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from liaison.errors import Unavailable, ValidationError
from liaison.screening import cli as screen_cli
from liaison.screening.batch import read_watchlist, screen_files


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("screen")(screen_cli.screen_command)
    app.command("noop")(lambda: None)
    return app


def test_screen_files(small_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    stats = screen_files(small_set / "queries.csv", read_watchlist(small_set / "watchlist.csv"),
                         out, 0.85)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert stats.queries == 200 and stats.watchlist == 300 and stats.hits == len(rows)
    assert list(rows[0]) == ["qid", "watchlist_id", "score", "explanation"]
    assert all(float(r["score"]) >= 0.85 for r in rows)
    assert len({r["qid"] for r in rows}) >= 70  # most of the 100 perturbed copies


def test_cli_writes_hits(small_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    result = CliRunner().invoke(_app(), ["screen", str(small_set / "queries.csv"), "--watchlist",
                                         str(small_set / "watchlist.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("qid,watchlist_id,score,explanation")


def test_cli_rejects_bad_threshold(small_set: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["screen", str(small_set / "queries.csv"), "--threshold",
                                         "2", "-o", str(tmp_path / "h.csv")])
    assert result.exit_code != 0 and "threshold" in result.output


def test_database_path_needs_a_loader(small_set: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_cli, "_loader", None)
    with pytest.raises(Unavailable, match="--watchlist"):
        screen_cli._run_on_database(small_set / "queries.csv", tmp_path / "h.csv", 0.85,
                                    "local", None)
    assert not (tmp_path / "h.csv").exists()


def test_missing_column_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "w.csv"
    bad.write_text("id,name\nW1,Ali\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="full_name"):
        list(read_watchlist(bad))


def test_forked_workers_write_the_same_hits(small_set: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from liaison.screening import batch

    monkeypatch.setattr(batch, "CHUNK", 40)  # five chunks over two workers
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    entries = list(read_watchlist(small_set / "watchlist.csv"))
    screen_files(small_set / "queries.csv", entries, one, 0.5, workers=1)
    stats = screen_files(small_set / "queries.csv", entries, two, 0.5, workers=2)
    assert stats.hits > 50
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize(("args", "named"), [
    (["missing.csv"], "queries"),
    (["{queries}", "--threshold", "3"], "--threshold"),
])
def test_root_command_names_the_bad_argument_without_a_traceback(
        small_set: Path, tmp_path: Path, args: list[str], named: str) -> None:
    import subprocess
    import sys

    args = [a.replace("{queries}", str(small_set / "queries.csv")) for a in args]
    run = subprocess.run([sys.executable, "-m", "liaison.cli", "screen", *args, "-o",
                          str(tmp_path / "h.csv")], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and named in run.stderr
    assert not (tmp_path / "h.csv").exists()
