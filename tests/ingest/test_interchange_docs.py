"""docs/interchange.md documents every field of every kind, and its examples are valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from liaison.ingest.schema import KIND_ORDER, SCHEMAS, RecordBase, parse_line

DOC = Path(__file__).parents[2] / "docs" / "interchange.md"
COMMON = set(RecordBase.model_fields) | {"kind"}


def _section(kind: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^## {kind}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"no section for {kind}"
    return match.group(1)


@pytest.mark.parametrize("kind", KIND_ORDER)
def test_every_field_is_documented(kind: str) -> None:
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", _section(kind), re.M))
    assert documented == set(SCHEMAS[kind].model_fields) - COMMON


@pytest.mark.parametrize("kind", KIND_ORDER)
def test_the_example_is_valid(kind: str) -> None:
    example = re.search(r"```json\n(.*?)\n```", _section(kind), re.S)
    assert example
    record = parse_line(example.group(1))
    assert record.kind == kind  # type: ignore[attr-defined]
    assert json.loads(example.group(1))["kind"] == kind


def test_common_fields_are_documented() -> None:
    common = re.search(r"## Fields every record has\n(.*?)(?=^## )", DOC.read_text(encoding="utf-8"), re.S | re.M)
    assert common
    assert set(re.findall(r"^\| `([a-z_]+)` \|", common.group(1), re.M)) == COMMON
