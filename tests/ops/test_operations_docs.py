"""docs/operations.md documents every setting, with its default, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from liaison.config import SETTINGS

DOC = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
ROW = re.compile(r"^\| `(LIAISON_[A-Z_]+)` \| (.*?) \| (.+) \|$", re.MULTILINE)


def _table() -> dict[str, str]:
    return {name: default for name, default, _meaning in ROW.findall(DOC.read_text("utf-8"))}


def test_every_setting_is_in_the_operations_guide() -> None:
    missing = sorted(set(SETTINGS) - set(_table()))
    assert missing == [], f"document these settings in docs/operations.md: {missing}"


def test_the_guide_names_no_setting_that_does_not_exist() -> None:
    assert sorted(set(_table()) - set(SETTINGS)) == []


def test_each_documented_default_is_the_real_one() -> None:
    for name, shown in _table().items():
        default = SETTINGS[name][0]
        if default:
            assert f"`{default}`" in shown, f"{name}: the guide says {shown}, the code {default}"
        else:
            assert "empty" in shown, f"{name}: its default is empty"
