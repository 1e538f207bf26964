"""The human report: the written summary, the tables and the charts, as HTML,
Markdown, or PDF made by WeasyPrint from the very same HTML."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from liaison.reports import charts as draw
from liaison.reports.messages import Words
from liaison.reports.stats import UNCATEGORISED

FORMATS = ("json", "html", "pdf", "md")


def _period_words(report: dict[str, Any], words: Words) -> tuple[str, str, str]:
    """The report's title, how a sentence opens on its period, and the name of the
    period it is compared with."""
    year = report["year"]
    if year is not None:
        return (
            words("title_year", year=year),
            words("when_year", year=year),
            words("previous_year", year=year - 1),
        )
    dates = {
        "start": words.date(dt.date.fromisoformat(report["period"]["start"])),
        "end": words.date(dt.date.fromisoformat(report["period"]["end"])),
    }
    return words("title_range", **dates), words("when_range", **dates), words("previous_range")


def _change(cases: dict[str, Any], previous: str, words: Words) -> str:
    change = cases["change_pct"]
    if change is None:
        return words("no_previous", previous=previous)
    if change == 0:
        return words("flat", previous=previous)
    key = "up" if change > 0 else "down"
    return words(
        key, pct=words.percent(abs(change)), previous=previous,
        prev_total=words.number(cases["previous_total"]),
        cases_word=words.plural("cases_word", cases["previous_total"]),
    )


def _categories_sentence(cases: dict[str, Any], words: Words) -> str:
    shares = [
        (name, v["share_pct"]) for name, v in cases["by_category"].items() if name != UNCATEGORISED
    ]
    if not shares:
        return ""
    first, first_pct = shares[0]
    sentence = words(
        "s_categories",
        first=words.category_in_sentence(first, leading=True),
        first_pct=words.percent(first_pct),
    )
    rest = [
        f"{words.category_in_sentence(n, leading=False)} ({words.percent(p)})"
        for n, p in shares[1:4]
    ]
    if rest:
        listed = ", ".join(rest[:-1]) + f" {words('and')} " + rest[-1] if len(rest) > 1 else rest[0]
        sentence += words("s_categories_more", rest=listed)
    return sentence[0].upper() + sentence[1:] + "."


def summary(report: dict[str, Any], words: Words) -> list[str]:
    """The written summary: one paragraph per part of the office's work."""
    _, when, previous = _period_words(report, words)
    n, p = words.number, words.plural
    cases, letters, warrants = report["cases"], report["rogatory_letters"], report["warrants"]
    notes, ex, dip = report["notes"], report["extraditions"], report["diplomacy"]
    paragraphs = [
        words("s_cases", when=when, total=n(cases["total"]),
              cases_word=p("cases_word", cases["total"]), change=_change(cases, previous, words))
        + (" " + _categories_sentence(cases, words) if cases["by_category"] else ""),
        words("s_letters", received=n(letters["received"]), executed=n(letters["executed"]),
              letters_word=p("letters_word", letters["received"]),
              executed_word=p("executed_word", letters["executed"])),
        words("s_warrants", issued=n(warrants["issued"]), arrests=n(warrants["arrests"]),
              warrants_word=p("warrants_word", warrants["issued"]),
              arrests_word=p("arrests_word", warrants["arrests"])),
        words("s_notes", search=n(notes["search_notes_national"]),
              search_word=p("search_word", notes["search_notes_national"]),
              wanted=n(notes["wanted_notices_regional"]),
              wanted_word=p("wanted_word", notes["wanted_notices_regional"]),
              c_int=n(notes["cancellations_international"]),
              c_int_word=p("c_int_word", notes["cancellations_international"]),
              c_reg=n(notes["cancellations_regional"])),
        words("s_extraditions", to_home=n(ex["surrendered_to_home"]),
              persons_word=p("persons_word", ex["surrendered_to_home"]),
              prev_to_home=n(ex["previous_surrendered_to_home"]), previous=previous,
              by_home=n(ex["surrendered_by_home"]),
              by_home_word=p("by_home_word", ex["surrendered_by_home"])),
        words("s_diplomacy" if dip["agreements_signed"] else "s_diplomacy_no_agreement",
              meetings=n(dip["meetings"]),
              meetings_word=p("meetings_word", dip["meetings"]),
              bilateral=n(dip["bilateral_meetings"]),
              bilateral_word=p("bilateral_word", dip["bilateral_meetings"]),
              agreements=n(dip["agreements_signed"]),
              agreements_word=p("agreements_word", dip["agreements_signed"]),
              partners=n(dip["partner_countries"]),
              partners_word=p("partners_word", dip["partner_countries"])),
    ]
    return [para[0].upper() + para[1:] for para in paragraphs]


def charts(report: dict[str, Any], words: Words) -> dict[str, Markup]:
    """The report's charts as inline SVG (empty ones left out): share by category, the
    five-year trend, partners by region, and the world map of partner countries."""
    cases = report["cases"]
    out = {"trend": draw.columns(
        [draw.Bar(t["label"], t["total"], words.number(t["total"])) for t in cases["trend"]],
        "chart-trend", words("trend"), words("cases"), words.number)}
    shares = [
        draw.Bar(words.category(name).capitalize(), v["share_pct"], words.percent(v["share_pct"]))
        for name, v in cases["by_category"].items()
    ]
    regions = [
        draw.Bar(words.region(name), v["share_pct"], words.percent(v["share_pct"]))
        for name, v in report["partners"]["by_region"].items()
    ]
    if shares:
        out["categories"] = draw.share_bars(shares, "chart-categories", words("by_category"),
                                            words("share") + " (%)", words.number)
    if regions:
        out["regions"] = draw.share_bars(regions, "chart-regions", words("by_region"),
                                         words("share") + " (%)", words.number)
    codes = report["diplomacy"]["partner_country_codes"]
    if codes:
        home = report["home_country"]
        fills = {code: draw.BLUE for code in codes}
        fills[home] = draw.HOME
        names = sorted(words.country(c) for c in codes if c != home)
        desc = words("map_desc", home=words.country(home), n=words.number(len(names)),
                     names=", ".join(names))
        out["map"] = draw.world_map(fills, "chart-map", words("map"), desc)
    return out


def key_figures(report: dict[str, Any], words: Words) -> list[tuple[str, str]]:
    """(indicator, value) rows of the key figures table."""
    n = words.number
    cases = report["cases"]
    rows = [
        (words("cases_total"), n(cases["total"])),
        (words("cases_previous"), n(cases["previous_total"])),
        (words("change"), words.percent(cases["change_pct"])),
    ]
    rows += [(words(f"letters_{k}"), n(v)) for k, v in report["rogatory_letters"].items()]
    rows += [(words(f"warrants_{k}"), n(v)) for k, v in report["warrants"].items()]
    for section in ("notes", "extraditions"):
        rows += [(words(k), n(v)) for k, v in report[section].items()]
    rows += [
        (words(k), n(report["diplomacy"][k]))
        for k in ("meetings", "bilateral_meetings", "agreements_signed", "partner_countries")
    ]
    return rows


def context(report: dict[str, Any], words: Words, with_charts: bool = True) -> dict[str, Any]:
    """Everything the templates show, already in words and formatted numbers."""
    title, _, _ = _period_words(report, words)
    n, pc = words.number, words.percent
    cases = report["cases"]
    return {
        "lang": words.lang,
        "t": words,
        "title": title,
        "subtitle": words("subtitle", home=words.country(report["home_country"])),
        "generated": words("generated", day=words.date(dt.date.today())),
        "summary": summary(report, words),
        "key_figures": key_figures(report, words),
        "categories": [
            (words.category(k).capitalize(), n(v["count"]), pc(v["share_pct"]))
            for k, v in cases["by_category"].items()
        ],
        "trend": [(t["label"], n(t["total"])) for t in cases["trend"]],
        "regions": [
            (words.region(k), n(v["cases"]), n(v["countries"]), pc(v["share_pct"]))
            for k, v in report["partners"]["by_region"].items()
        ],
        "top_countries": [
            (words.country(c["code"]), n(c["cases"]), pc(c["share_pct"]))
            for c in report["partners"]["top_countries"]
        ],
        "charts": charts(report, words) if with_charts else {},
    }


@lru_cache(maxsize=2)
def _env(autoescape: bool = True) -> Environment:
    """The templates' environment, made once (its templates are compiled once)."""
    return Environment(
        loader=PackageLoader("liaison.reports", "templates"),
        autoescape=select_autoescape(["html", "j2"]) if autoescape else False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def to_html(report: dict[str, Any], lang: str = "fr", links: bool = False) -> str:
    """The report as one self-contained page; ``links``: with the web page's bar (PDF,
    other language), which print never shows."""
    ctx = context(report, Words.of(lang))
    return _env().get_template("report.html.j2").render(**ctx, links=links, year=report["year"])


def to_markdown(report: dict[str, Any], lang: str = "fr") -> str:
    env = _env(autoescape=False)
    ctx = context(report, Words.of(lang), with_charts=False)
    return env.get_template("report.md.j2").render(**ctx)


def to_pdf(report: dict[str, Any], lang: str = "fr") -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    # everything the page shows is inline (data: URIs): allow nothing else
    offline = URLFetcher(allowed_protocols={"data"})
    pdf = HTML(string=to_html(report, lang), base_url=None, url_fetcher=offline).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render(report: dict[str, Any], fmt: str, lang: str = "fr") -> bytes:
    """The report in ``fmt`` (json, html, pdf or md), as bytes ready to write."""
    if fmt == "json":
        return to_json(report).encode()
    if fmt == "html":
        return to_html(report, lang).encode()
    if fmt == "md":
        return to_markdown(report, lang).encode()
    if fmt == "pdf":
        return to_pdf(report, lang)
    from liaison.errors import ValidationError

    raise ValidationError.for_field("format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
