"""`liaison user …` and `liaison audit …` as an operator runs them."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from tests.cli_runner import run_liaison


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
        stdin: str = "") -> tuple[int, str, str]:
    return run_liaison(monkeypatch, capsys, *args, stdin=stdin)


def test_user_add_disable_and_audit(configured: Engine, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, "user", "add", "sara", "--role", "supervisor",
                       "--agency", "NCB", "--password-stdin", stdin="correct-horse-battery\n")
    assert code == 0 and "otpauth://totp/Liaison:sara" in out
    code, out, _ = run(monkeypatch, capsys, "user", "add", "omar", "--role", "officer",
                       "--agency", "NCB", "--password-stdin", stdin="correct-horse-battery\n")
    assert code == 0 and "otpauth" not in out
    code, _, err = run(monkeypatch, capsys, "user", "add", "omar", "--role", "officer",
                       "--agency", "NCB", "--password-stdin", stdin="correct-horse-battery\n")
    assert code != 0 and "exists" in err
    code, out, _ = run(monkeypatch, capsys, "user", "disable", "omar")
    assert code == 0 and "disabled" in out
    code, out, _ = run(monkeypatch, capsys, "audit", "show", "--ref", "omar")
    assert code == 0 and "create" in out and "update" in out
    code, out, _ = run(monkeypatch, capsys, "audit", "verify")
    assert code == 0 and "intact: 3 entries" in out


def test_audit_verify_names_the_edited_entry(configured: Engine, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a1", "a2", "a3"):
        run(monkeypatch, capsys, "user", "add", name, "--role", "analyst", "--agency", "NCB",
            "--password-stdin", stdin="correct-horse-battery\n")
    with configured.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET purpose = 'nothing to see' WHERE seq = 2"))
    code, _, err = run(monkeypatch, capsys, "audit", "verify")
    assert code != 0
    assert "entry 2" in err.replace("\n", " ")
