"""Fixtures for the interchange tests: a small demo file and a way to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from liaison.demo import DemoBuilder
from liaison.ingest.interchange import dumps


@pytest.fixture(scope="session")
def small_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2,300 records of every kind, references in order."""
    path = tmp_path_factory.mktemp("demo") / "demo.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for record in DemoBuilder(7, scale=0.02).records():
            f.write(dumps(record) + "\n")
    return path


def run_cli(url: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``liaison ARGS`` as a real process on the database ``url``."""
    env = {**os.environ, "LIAISON_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "liaison.cli", *args], input=stdin, capture_output=True,
        env=env, timeout=300, check=False,
    )
