"""Small charts drawn as inline SVG on the server (no script, no CDN): monthly volumes,
share by category, and the partners' world map (the reports' base map, lightened).

The bars are drawn here rather than with the report's Altair helpers: a Vega render
costs tens of milliseconds per chart, too much for a page that must answer in well
under 300 ms; the world map is the report's own drawing (``reports.charts.world_map``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup, escape

INCOMING = "#0b4f8a"
OUTGOING = "#c47a00"
BAR = "#0b4f8a"
HOME = "#9b2226"
#: partner shades, from few files to many
SHADES = ("#b9d3ea", "#7eaed6", "#3f7fb8", "#0b4f8a")


def month_bars(rows: Sequence[tuple[str, int, int]], title: str, labels: tuple[str, str],
               month_names: Sequence[str], width: int = 1200) -> Markup:
    """Incoming and outgoing files per month, stacked; one bar per month."""
    height, left, bottom, top = (260 if width > 800 else 220), 44, 30, 28
    if not rows:
        return Markup("")
    peak = max(i + o for _m, i, o in rows) or 1
    step = (width - left - 8) / len(rows)
    bar = max(2.0, step * 0.72)
    scale = (height - bottom - top) / peak
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="vol-title"><title id="vol-title">{escape(title)}</title>']
    for frac in (0.0, 0.5, 1.0):
        y = height - bottom - frac * peak * scale
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">'
                     f'{round(frac * peak)}</text>')
    for n, (month, inc, out) in enumerate(rows):
        x = left + n * step + (step - bar) / 2
        h_in, h_out = inc * scale, out * scale
        y_in = height - bottom - h_in
        tip = escape(f"{month}: {labels[0]} {inc}, {labels[1]} {out}")
        parts.append(f'<g><title>{tip}</title>'
                     f'<rect x="{x:.1f}" y="{y_in:.1f}" width="{bar:.1f}" height="{h_in:.1f}" '
                     f'fill="{INCOMING}"/>'
                     f'<rect x="{x:.1f}" y="{y_in - h_out:.1f}" width="{bar:.1f}" '
                     f'height="{h_out:.1f}" fill="{OUTGOING}"/></g>')
        year, mon = month.split("-")
        if mon in ("01", "07") or n == 0:
            label = f"{month_names[int(mon) - 1]} {year}"
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" class="axis">'
                         f'{escape(label)}</text>')
    parts.append(f'<g class="legend" transform="translate({left},12)">'
                 f'<rect width="10" height="10" y="-9" fill="{INCOMING}"/>'
                 f'<text x="14">{escape(labels[0])}</text>'
                 f'<rect x="120" width="10" height="10" y="-9" fill="{OUTGOING}"/>'
                 f'<text x="134">{escape(labels[1])}</text></g></svg>')
    return Markup("".join(parts))


def share_bars(rows: Sequence[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars with percentages: the share of each category."""
    if not rows:
        return Markup("")
    total = sum(n for _label, n in rows) or 1
    row_h, label_w, width = 22, 230, 560
    height = row_h * len(rows) + 8
    peak = max(n for _l, n in rows) or 1
    span = width - label_w - 56
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="share-title"><title id="share-title">{escape(title)}</title>']
    for n, (label, count) in enumerate(rows):
        y = 4 + n * row_h
        w = span * count / peak
        share = 100 * count / total
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" class="axis" text-anchor="end">'
                     f'{escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                     f'fill="{BAR}"><title>{escape(label)}: {count}</title></rect>'
                     f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" class="axis">'
                     f'{share:.1f} %</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


@lru_cache(maxsize=1)
def _base_map() -> str:
    """The report's world map without its metadata, coordinates to 0.1 unit (the map
    is drawn about 4 times smaller than its units, so nothing visible is lost)."""
    from liaison.reports.charts import world_map

    svg = world_map([], "")
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"(\d+\.\d)\d+", r"\1", svg)
    svg = re.sub(r'\swidth="\d+" height="\d+"', ' class="worldmap"', svg, count=1)
    return re.sub(r">\s+<", "><", svg)


def world_map(volumes: Sequence[tuple[str, int]], home: str, title: str) -> Markup:
    """The partner countries shaded by the files exchanged, the home country in red."""
    peak = max((n for _c, n in volumes), default=1) or 1
    rules = []
    for code, n in volumes:
        if not code.isalpha() or len(code) != 2:
            continue
        shade = SHADES[min(len(SHADES) - 1, int(len(SHADES) * n / (peak + 1)))]
        rules.append(f".{code.lower()}{{fill:{shade}}}")
    if home.isalpha():
        rules.append(f".{home.lower()}{{fill:{HOME}}}")
    base = _base_map()
    head, _sep, rest = base.partition("<title>World Map</title>")
    style = f"<title>{escape(title)}</title><style>{''.join(rules)}</style>"
    return Markup(head.replace("<svg ", '<svg role="img" ', 1) + style + rest)
