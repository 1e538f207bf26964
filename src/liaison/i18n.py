"""The interface's languages: French by default, English, Arabic (right to left).

Messages are English msgids translated by gettext catalogues in ``locale/<lang>/
LC_MESSAGES/messages.po``, compiled in memory by Babel when first used.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"fr": "Français", "en": "English", "ar": "العربية"}
DEFAULT_LANGUAGE = "fr"
RTL = frozenset({"ar"})


@lru_cache(maxsize=8)
def translations(lang: str) -> Translations:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return Translations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf)


def pick_language(requested: str | None) -> str:
    return requested if requested in LANGUAGES else DEFAULT_LANGUAGE


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"
