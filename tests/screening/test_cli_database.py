"""``liaison screen`` without ``--watchlist``: the root command screens against the
persons under an active warrant, notice or search note in the database (SQLite and
PostgreSQL), audits the run, and a cancelled warrant takes its person off the next run."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from liaison.cli import app
from liaison.db import transaction
from liaison.notices import service as notices
from liaison.security.audit import AuditEntry
from tests.notices.factories import SUPERVISOR, TODAY, make_person, published_notice


def _queries(path: Path) -> Path:
    rows = [
        ("Q1", "Mohamed ben Ahmed El Amrani", "1985-03-14", "MA"),  # the wanted man
        ("Q2", "محمد بن أحمد العمراني", "1985", ""),  # the same, in Arabic script
        ("Q3", "Youssef Chraibi", "1979-01-02", "MA"),  # a person with no notice
        ("Q4", "Mohamed El Amrani", "1962-07-30", "MA"),  # a namesake, another birth date
    ]
    with path.open("w", newline="", encoding="utf-8") as fp:
        w = csv.writer(fp)
        w.writerow(["qid", "full_name", "birth_date", "nationality"])
        w.writerows(rows)
    return path


def _screen(tmp_path: Path) -> list[tuple[str, str]]:
    out = tmp_path / "hits.csv"
    result = CliRunner().invoke(app, ["screen", str(_queries(tmp_path / "q.csv")), "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp))
    assert all(r["explanation"] for r in rows)
    return sorted((r["qid"], r["watchlist_id"]) for r in rows)


def test_screen_reads_the_database_watchlist_and_forgets_a_cancelled_warrant(
        configured: Engine, tmp_path: Path) -> None:
    with transaction(configured) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani",
                    arabic="محمد بن أحمد العمراني")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        make_person(s, "P-2", name="Youssef Chraibi", birth_date="1979-01-02")  # no notice
    assert _screen(tmp_path) == [("Q1", "P-1"), ("Q2", "P-1")]
    with transaction(configured) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "search")
                          .order_by(AuditEntry.seq.desc())).first()
        assert entry is not None and entry.entity_kind == "person"
        detail = json.loads(entry.detail)
        assert detail["persons"] == ["P-1"] and detail["queries"] == 4
        assert detail["queries_file"] == "q.csv"

    with transaction(configured) as s:
        notices.cancel_warrant(s, SUPERVISOR, "W-1", "withdrawn_by_judge", on=TODAY)
    assert _screen(tmp_path) == []


def test_screen_on_an_empty_database_writes_a_header_only(configured: Engine,
                                                          tmp_path: Path) -> None:
    assert _screen(tmp_path) == []
    assert (tmp_path / "hits.csv").read_text(encoding="utf-8").startswith("qid,watchlist_id")


def test_screen_refuses_an_unreadable_queries_file(configured: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "q.csv"
    bad.write_text("id,name\n1,Ali\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(bad), "-o", str(tmp_path / "h.csv")])
    assert result.exit_code != 0 and "qid" in str(result.exception)
    assert not (tmp_path / "h.csv").exists()
