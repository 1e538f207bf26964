"""French dates in running text: single days, ranges and pairs, with year inference.

«du 24 au 27 novembre 2025» and «les 6 et 7 décembre» keep both ends. A date written
without a year takes the latest year, not after the article's date, in which that day
fell on the weekday the text gives («jeudi 14 décembre»); with no article date it stays
partial and says so (``year_source="unknown"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from liaison.ingest.press.result import DateSpan, PartialDate

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # abbreviations of wire copy and page stamps («9 déc 2025», «3 janv. 2026»)
    "janv": 1, "févr": 2, "fév": 2, "fevr": 2, "avr": 4, "juil": 7, "oct": 10, "nov": 11,
    "déc": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}  # fmt: skip

_M = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_W = "(?:" + "|".join(WEEKDAYS) + ")"
_D = r"(?:1er|[12]\d|3[01]|0?[1-9])"
_Y = r"(?:19|20)\d\d"


def _day(name: str) -> str:
    return rf"(?:(?P<{name}w>{_W})\s+)?(?P<{name}d>{_D})"


_RANGE = re.compile(
    rf"\bdu\s+{_day('a')}(?:\s+(?P<am>{_M}))?(?:\s+(?P<ay>{_Y}))?"
    rf"\s+au\s+{_day('b')}\s+(?P<bm>{_M})(?:\s+(?P<by>{_Y}))?\b",
    re.IGNORECASE,
)
_PAIR = re.compile(
    rf"\b(?:les|des|aux)\s+{_day('a')}(?:\s+(?P<am>{_M}))?(?:\s+(?P<ay>{_Y}))?"
    rf"\s+et\s+(?:le\s+)?{_day('b')}\s+(?P<bm>{_M})(?:\s+(?P<by>{_Y}))?\b",
    re.IGNORECASE,
)
#: «dimanche 8 et lundi 9 février»: two named days, with no article before them
_PAIR_OF_WEEKDAYS = re.compile(
    rf"\b(?P<aw>{_W})\s+(?P<ad>{_D})(?:\s+(?P<am>{_M}))?\s+et\s+(?:le\s+)?"
    rf"(?P<bw>{_W})\s+(?P<bd>{_D})\s+(?P<bm>{_M})(?:\s+(?P<by>{_Y}))?\b",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    rf"(?<![\w/]){_day('a')}\s+(?P<am>{_M})\b\.?(?:\s+(?P<ay>{_Y}))?\b", re.IGNORECASE
)
_NUMERIC = re.compile(
    r"\b(?P<ad>[0-3]?\d)(?P<sep>[/.-])(?P<am>[01]?\d)(?P=sep)(?P<ay>(?:19|20)\d\d)\b"
)
_MONTH_YEAR = re.compile(rf"\b(?P<am>{_M})\s+(?P<ay>{_Y})\b", re.IGNORECASE)
#: page headers such as «vendredi, novembre 22, 2024» or «Publié le 03/02/2025»
_HEADER_US = re.compile(
    rf"^\s*(?:{_W},?\s+)?(?P<am>{_M})\s+(?P<ad>{_D}),?\s+(?P<ay>{_Y})\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    span: DateSpan


@dataclass(frozen=True)
class _Day:
    day: int
    month: int | None
    year: int | None
    weekday: int | None


def _int_day(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def _read_day(match: re.Match[str], name: str) -> _Day:
    groups = match.groupdict()
    weekday = groups.get(f"{name}w")
    month = groups.get(f"{name}m")
    year = groups.get(f"{name}y")
    return _Day(
        day=_int_day(groups[f"{name}d"]),
        month=(MONTHS[month.lower()] if month and not month.isdigit() else
               int(month) if month else None),
        year=int(year) if year else None,
        weekday=WEEKDAYS[weekday.lower()] if weekday else None,
    )  # fmt: skip


_SOON = timedelta(days=14)


def resolve_year(
    month: int, day: int, weekday: int | None, article_date: date | None
) -> int | None:
    """The latest year, not after ``article_date``, giving that day (and weekday); but a
    day of the next two weeks is this year's, an announcement («se tient du 24 au 27
    novembre» in an article of 20 November), not a day eleven months ago."""
    if article_date is None:
        return None
    for year in range(article_date.year + 1, article_date.year - 29, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate > article_date + _SOON:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return year
    return None


def _span(first: _Day, second: _Day | None, text: str, kind: str, ref: date | None) -> DateSpan:
    last = second or first
    month_b = last.month
    year_b = last.year
    month_a = first.month or month_b
    year_a = first.year
    source = "text"
    if year_b is None and month_b is not None and second is not None and first.year is None:
        # a span is placed by its first day: «en visite du 25 au 28 novembre» in an
        # article of 27 November is this year's visit, still going on
        year_a = resolve_year(month_a, first.day, first.weekday, ref) if month_a else None
        if year_a is not None and month_a is not None:
            year_b = year_a + 1 if month_b < month_a else year_a
        source = "inferred" if year_b is not None else "unknown"
    elif year_b is None and month_b is not None:
        year_b = resolve_year(month_b, last.day, last.weekday, ref)
        source = "inferred" if year_b is not None else "unknown"
    if year_a is None and year_b is not None and month_a is not None and month_b is not None:
        year_a = year_b - 1 if month_a > month_b else year_b
    start = PartialDate(year_a, month_a, first.day)
    end = PartialDate(year_b, month_b, last.day) if second else None
    return DateSpan(start=start, end=end, text=text, year_source=source, kind=kind)


def find_dates(
    text: str, article_date: date | None = None, anchor: date | None = None
) -> list[DateMatch]:
    """Every day-level date in ``text``, ranges and pairs first, without overlaps;
    ``anchor`` is the day told before this text, for a «le lendemain» or «la veille»
    that no date of ``text`` itself precedes."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in ((_RANGE, "range"), (_PAIR, "pair"), (_PAIR_OF_WEEKDAYS, "pair"),
                          (_SINGLE, "single"),
                          (_NUMERIC, "single")):  # fmt: skip
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            second = _read_day(match, "b") if kind != "single" else None
            span = _span(_read_day(match, "a"), second, match.group(0), kind, article_date)
            if _COMING.match(text, match.end()):
                span = _coming(span, article_date)
            found.append(DateMatch(match.start(), match.end(), span))
            taken.append((match.start(), match.end()))
    found += [m for m in relative_weekdays(text, article_date)
              if not any(m.start < end and start < m.end for start, end in taken)]  # fmt: skip
    found.sort(key=lambda item: item.start)
    return _next_and_previous_days(text, found, anchor)


_COMING = re.compile(r"\s+prochaine?s?\b", re.IGNORECASE)


def _coming(span: DateSpan, article_date: date | None) -> DateSpan:
    """«le 17 mars prochain»: the first such day on or after the article's date."""
    start = span.start
    if span.year_source != "inferred" or article_date is None or start.month is None:
        return span
    year = article_date.year
    if (start.month, start.day or 1) < (article_date.month, article_date.day):
        year += 1
    return replace(span, start=replace(start, year=year), end=None)


_NEXT_DAY = re.compile(r"\b(?:le lendemain|la veille)\b", re.IGNORECASE)


def _next_and_previous_days(
    text: str, found: list[DateMatch], anchor: date | None = None
) -> list[DateMatch]:
    """«Arrivé le 7 septembre, il a été reçu le lendemain»: the day after the date before
    (in the same sentence, else ``anchor``, the day the sentences before told)."""
    for match in _NEXT_DAY.finditer(text):
        before = [d for d in found if d.end <= match.start() and d.span.start.complete]
        day = before[-1].span.start.as_date() if before else anchor
        source = before[-1].span.year_source if before else "inferred"
        if day is None:
            continue
        shift = 1 if match.group(0).lower().endswith("lendemain") else -1
        day = date.fromordinal(day.toordinal() + shift)
        span = DateSpan(PartialDate(day.year, day.month, day.day), text=match.group(0),
                        year_source=source)  # fmt: skip
        found.append(DateMatch(match.start(), match.end(), span))
    return sorted(found, key=lambda item: item.start)


#: «ce mercredi», «mercredi dernier», «s'est réuni jeudi avec»: a weekday, no day number
_RELATIVE = re.compile(
    rf"\b(?:(?:(?P<this>ce|cet)\s+)?(?P<w1>{_W})(?!\s+(?:dernier|prochain|\d|1er))|(?P<w2>{_W})\s+"
    rf"(?:(?P<last>dernier)|(?P<next>prochain)))\b(?!\s*,?\s*\d)",
    re.IGNORECASE,
)


_DAY_WORD = re.compile(
    r"(?<![\w-])(?:avant-hier|hier|aujourd'hui|ce matin|cet après-midi|ce soir)(?![\w-])",
    re.IGNORECASE,
)


_THIS_MONTH = re.compile(rf"\b(?:le\s+)?(?P<d>{_D})\s+courant\b", re.IGNORECASE)
_UNTIL = re.compile(r"\bjusqu'(?:à|au)\s+$", re.IGNORECASE)


def relative_weekdays(text: str, article_date: date | None) -> list[DateMatch]:
    """«ce mercredi» (or «mercredi» alone) is the latest Wednesday not after the
    article's date, «mercredi dernier» the latest before it; without an article date
    there is nothing to say."""
    if article_date is None:
        return []
    found = []
    for match in _DAY_WORD.finditer(text):  # «hier», «avant-hier», «aujourd'hui»
        back = {"hier": 1, "avant-hier": 2}.get(match.group(0).lower(), 0)
        day = date.fromordinal(article_date.toordinal() - back)
        span = DateSpan(PartialDate(day.year, day.month, day.day), text=match.group(0),
                        year_source="inferred")  # fmt: skip
        found.append(DateMatch(match.start(), match.end(), span))
    for match in _THIS_MONTH.finditer(text):  # «le 16 courant»: this month's 16th
        try:
            day = article_date.replace(day=_int_day(match["d"]))
        except ValueError:
            continue
        span = DateSpan(PartialDate(day.year, day.month, day.day), text=match.group(0),
                        year_source="inferred")  # fmt: skip
        found.append(DateMatch(match.start(), match.end(), span))
    for match in _RELATIVE.finditer(text):
        weekday = WEEKDAYS[(match["w1"] or match["w2"]).lower()]
        back = (article_date.weekday() - weekday) % 7
        if match["last"] and back == 0:
            back = 7
        if (_UNTIL.search(text[: match.start()]) or match["next"]) and back:
            back -= 7  # «se poursuit jusqu'à jeudi», «lundi prochain»: the coming one
        elif match["next"]:
            back = -7
        day = date.fromordinal(article_date.toordinal() - back)
        span = DateSpan(PartialDate(day.year, day.month, day.day), text=match.group(0),
                        year_source="inferred")  # fmt: skip
        found.append(DateMatch(match.start(), match.end(), span))
    return found


def find_month_years(text: str) -> Iterator[DateMatch]:
    """«en novembre 2025»: month-level dates."""
    for match in _MONTH_YEAR.finditer(text):
        month, year = MONTHS[match["am"].lower()], int(match["ay"])
        span = DateSpan(PartialDate(year, month), text=match.group(0))
        yield DateMatch(match.start(), match.end(), span)


def header_date(line: str) -> date | None:
    """The date of a line that holds nothing but a full date (a page's dateline)."""
    match = _HEADER_US.match(line)
    if match:
        day = _read_day(match, "a")
    else:
        stripped = re.sub(
            r"^(?:publié|mis à jour|date de publication|date de mise à jour|date)\s*(?:le|:)\s*",
            "",
            line.strip(),
            flags=re.I,
        )
        matches = find_dates(stripped)
        if len(matches) != 1 or matches[0].end - matches[0].start < len(stripped) - 2:
            return None
        start = matches[0].span.start
        return start.as_date()
    if day.month is None or day.year is None:
        return None
    try:
        return date(day.year, day.month, day.day)
    except ValueError:
        return None
