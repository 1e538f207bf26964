"""Run the ``liaison`` command in the test's own process (its real entry point, on the
database the test configured), and collect its exit code and output."""

from __future__ import annotations

import io
import sys

import pytest

from liaison import cli, config


def run_liaison(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                *args: str, actor: str | None = None, stdin: str = "") -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``liaison ARGS``; ``actor`` sets LIAISON_ACTOR."""
    if actor is not None:
        monkeypatch.setenv("LIAISON_ACTOR", actor)
    config.get_settings.cache_clear()
    monkeypatch.setattr(sys, "argv", ["liaison", *args])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = 0
    try:
        cli.main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
