"""``liaison retention due`` as an operator runs it: the records whose review is due are
listed, those past their retention limit are flagged, and nothing is deleted (the
command does not change a row of any kind it lists)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Engine, func, select

from liaison import retention
from liaison.cases import service as cases
from liaison.db import transaction
from liaison.letters import service as letters
from tests.cli_runner import run_liaison

from ..notices.factories import OFFICER, make_person, published_notice

TODAY = dt.date(2026, 3, 1)


def _liaison(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             *args: str) -> tuple[int, str]:
    code, out, _err = run_liaison(monkeypatch, capsys, *args)
    return code, out


def _counts(engine: Engine) -> dict[str, int]:
    with transaction(engine) as s:
        return {k: s.scalar(select(func.count()).select_from(model)) or 0
                for k, (model, _col) in retention.KINDS.items()}


def test_due_lists_flags_past_retention_and_deletes_nothing(
        configured: Engine, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    with transaction(configured) as s:
        # opened 2019-01-10: review 2023-07-10, retention ends 2024-01-10 -> past retention
        cases.open_case(s, OFFICER, ref="C-OLD", subject="old", opened_on=dt.date(2019, 1, 10))
        # received 2021-02-01: review 2025-08-01, ends 2026-02-01 -> past retention too
        letters.receive_letter(s, OFFICER, ref="CRI-OLD", received_on=dt.date(2021, 2, 1))
        # opened 2021-06-15: review 2025-12-15 (due), ends 2026-06-15 -> still kept
        cases.open_case(s, OFFICER, ref="C-DUE", subject="due", opened_on=dt.date(2021, 6, 15))
        # opened 2021-09-20: review 2026-03-20, due within 30 days only
        cases.open_case(s, OFFICER, ref="C-SOON", subject="soon",
                        opened_on=dt.date(2021, 9, 20))
        cases.open_case(s, OFFICER, ref="C-NEW", subject="new", opened_on=dt.date(2025, 1, 1))
        make_person(s, "P-1")
        published_notice(s, "RN-1", "P-1")  # issued in 2025: not due
    before = _counts(configured)

    code, out = _liaison(monkeypatch, capsys, "retention", "due", "--today", str(TODAY),
                         "--json")
    assert code == 0
    listed = {(i["kind"], i["ref"]): i["past_retention"] for i in json.loads(out)}
    assert listed == {("case", "C-OLD"): True, ("rogatory_letter", "CRI-OLD"): True,
                      ("case", "C-DUE"): False}

    code, out = _liaison(monkeypatch, capsys, "retention", "due", "--today", str(TODAY),
                         "--within", "30")
    assert code == 0
    lines = {line.split("\t")[1]: line for line in out.splitlines() if "\t" in line}
    assert set(lines) == {"C-OLD", "CRI-OLD", "C-DUE", "C-SOON"}
    assert "PAST RETENTION" in lines["C-OLD"] and "PAST RETENTION" in lines["CRI-OLD"]
    assert "review due" in lines["C-DUE"] and "review due" in lines["C-SOON"]
    assert "4 record(s) to review, 2 past retention (nothing deleted)" in out

    assert _counts(configured) == before  # flagged, never deleted
