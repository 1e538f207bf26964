"""Every message of the pages has its French and Arabic translation (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from liaison.i18n import translations

WEB = Path(__file__).resolve().parents[2] / "src" / "liaison" / "web"
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def _messages() -> set[str]:
    found = extract_from_dir(str(WEB), METHODS, options_map=OPTIONS,
                             keywords={"_": None, "gettext": None, "N_": None,
                                       "translate": (2,)})
    return {m[2] for m in found if isinstance(m[2], str) and m[2]}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_message_is_translated(lang: str) -> None:
    messages = _messages()
    assert len(messages) > 300
    catalogue = translations(lang)
    missing = sorted(m for m in messages if catalogue.gettext(m) == m and m[:1].isalpha()
                     and m not in {"Notice", "Notices", "Extradition", "Extraditions", "Date",
                                   "Note", "Version", "Source", "Score", "Documents", "Notes",
                                   "Classification", "Pages", "score", "diffusion",
                                   "convention", "secret", "public", "extraditions"})
    assert missing == []
