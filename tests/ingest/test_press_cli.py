"""``liaison ingest``: JSON and table output, one clear error per unreadable file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from liaison.errors import LiaisonError, NotFound, ValidationError
from liaison.ingest.press_cli import ingest_command, read_text

TEXT = """Accueil | Actualités | Contact

La Guardia Civil et la DGSN ont signé le lundi 3 mars 2025 à Madrid un protocole de \
coopération. M. Pablo Ibáñez, directeur de la coopération de la Guardia Civil, a reçu \
M. Said Amrani le même jour.
"""


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("ingest")(ingest_command)

    @app.callback()
    def root() -> None:
        """Root, so that ``ingest`` stays a subcommand."""

    return app


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "communique.txt"
    path.write_text(TEXT, "utf-8")
    return path


def test_json_output(app: typer.Typer, release: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "--format", "json", str(release)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "events", "meetings", "agreements", "people", "countries", "figures", "distinctions",
    ]  # fmt: skip
    assert data["agreements"][0]["kind"] == "protocol"
    assert {c["code"] for c in data["countries"]} == set()  # no country named in this text


def test_json_for_several_files_is_keyed_by_file(
    app: typer.Typer, release: Path, tmp_path: Path
) -> None:
    other = tmp_path / "autre.txt"
    other.write_text("Rien à signaler.", "utf-8")
    result = CliRunner().invoke(app, ["ingest", "--format", "json", str(release), str(other)])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)) == [str(release), str(other)]


def test_table_output(app: typer.Typer, release: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(release)], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "agreements" in result.stdout and "protocol" in result.stdout
    assert "Pablo Ibáñez" in result.stdout


def test_article_date_option(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "sans-annee.txt"
    path.write_text("M. Jean Dupuis a rencontré M. Ali Benali le jeudi 14 décembre.", "utf-8")
    args = ["ingest", "--format", "json", "--article-date", "2024-11-22", str(path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (meeting,) = json.loads(result.stdout)["meetings"]
    assert meeting["dates"][0]["start"] == "2023-12-14"


def test_unknown_format_is_refused(app: typer.Typer, release: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "--format", "xml", str(release)])
    assert isinstance(result.exception, ValidationError)
    assert "--format" in str(result.exception)


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (None, NotFound, "no such file"),
        (b"\xff\xfeR\x00a\x00b\x00a\x00t\x00", None, ""),  # UTF-16 with BOM is read
        (b"Caf\xe9 \xe0 Rabat", ValidationError, "not UTF-8 text"),
    ],
)
def test_unreadable_files_give_one_line_naming_the_file(
    tmp_path: Path, content: bytes | None, error: type[LiaisonError] | None, words: str
) -> None:
    path = tmp_path / "entree.txt"
    if content is not None:
        path.write_bytes(content)
    if error is None:
        assert read_text(path) == "Rabat"
        return
    with pytest.raises(error) as caught:
        read_text(path)
    message = caught.value.message
    assert str(path) in message and words in message and "\n" not in message


def test_every_option_and_key_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "press.md").read_text("utf-8")
    for option in ("--format json", "--accept", "--article-date"):
        assert option in docs
    for key in ("`events`", "`meetings`", "`agreements`", "`people`", "`countries`",
                "`figures`", "`distinctions`"):  # fmt: skip
        assert key in docs
