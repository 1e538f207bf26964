"""Reading French press releases: proposals of events, meetings, agreements, people,
countries, figures and distinctions, each with its source sentence and a confidence.

    from liaison.ingest.press import extract
    result = extract(text, article_date=date(2024, 11, 22))
    print(result.to_json())

See ``docs/press.md``.
"""

from liaison.ingest.press.gazetteer import (
    AgencyEntry,
    CountryEntry,
    Gazetteer,
    OfficialEntry,
    build_gazetteer,
    default_gazetteer,
)
from liaison.ingest.press.result import KINDS, Extraction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from liaison.ingest.press.pipeline import extract


def __getattr__(name: str) -> object:
    """``extract`` imports spaCy: only when asked for, so that importing a light part of
    this package (the result types, for the CLI) stays fast."""
    if name == "extract":
        from liaison.ingest.press.pipeline import extract

        return extract
    raise AttributeError(name)


__all__ = [
    "KINDS",
    "AgencyEntry",
    "CountryEntry",
    "Extraction",
    "Gazetteer",
    "OfficialEntry",
    "build_gazetteer",
    "default_gazetteer",
    "extract",
]
