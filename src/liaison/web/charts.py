"""The dashboard's charts: monthly volumes, share by category and the partners' world
map, drawn by Liaison's one chart module (:mod:`liaison.reports.charts`, which draws
the annual report's too); here only what the dashboard adds: shares counted from the
files, and partner countries shaded by the number of files exchanged."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from liaison.reports.charts import HOME, Bar, month_bars
from liaison.reports.charts import share_bars as _share_bars
from liaison.reports.charts import world_map as _world_map

__all__ = ["month_bars", "share_bars", "world_map"]

BAR = "#0b4f8a"
#: partner shades, from few files to many
SHADES = ("#b9d3ea", "#7eaed6", "#3f7fb8", "#0b4f8a")


def share_bars(rows: Sequence[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars with percentages: the share of each (label, count)."""
    total = sum(n for _label, n in rows) or 1
    bars = [Bar(label, 100 * n / total, f"{100 * n / total:.1f} %") for label, n in rows]
    return _share_bars(bars, "share", title, width=480, colour=BAR)  # a card's width


def world_map(volumes: Sequence[tuple[str, int]], home: str, title: str) -> Markup:
    """The partner countries shaded by the files exchanged, the home country in red."""
    peak = max((n for _c, n in volumes), default=1) or 1
    fills = {code: SHADES[min(len(SHADES) - 1, int(len(SHADES) * n / (peak + 1)))]
             for code, n in volumes}
    fills[home] = HOME
    desc = ", ".join(f"{code}: {n}" for code, n in volumes if code != home)
    return _world_map(fills, "partner-map", title, desc)
