"""Counts over time as stacked bars: partnerships by kind, articles by language, ratings up and down.

Each figure has one bar per month (or per year, past three years of span), empty periods included so
gaps show, and an 'undated' bar apart, so the bars always add up to everything counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import plotly.graph_objects as go

from ..staff.extract import KINDS
from ..text.script import LANGUAGES
from .common import period_of, period_unit, periods, stacked_bars


def _counts(items: Iterable[tuple[str | None, str]], unit: str) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for date, series in items:
        counts[series][period_of(date, unit)] += 1
    return counts


def _bars(items: list[tuple[str | None, str]], series: list[str], what: str, unit: str | None = None) -> go.Figure:
    unit = unit or period_unit(d for d, _ in items)
    keys = periods([d for d, _ in items], unit)
    extra = sorted({s for _, s in items} - set(series))
    fig = stacked_bars(_counts(items, unit), keys, series + extra, f"{len(items)} {what} by {unit}")
    if not items:
        fig.update_layout(title=f"No {what} yet")
    return fig


def partnerships(rows: list[dict], unit: str | None = None) -> go.Figure:
    """The table's rows per period, stacked by kind; clicking a bar gives its period (customdata)."""
    return _bars([(r.get("date"), r["kind"]) for r in rows], [k for k, _ in KINDS], "partnerships", unit)


def articles(dated: Iterable[tuple[str | None, str]]) -> go.Figure:
    """The corpus per period, stacked by language; from (date, language code) of each article."""
    items = [(date, LANGUAGES.get(language, language)) for date, language in dated]
    return _bars(items, list(LANGUAGES.values()), "articles")


def ratings(entries: list[dict]) -> go.Figure:
    """Students' ratings per period (of the day they were given), up and down."""
    items = [((e.get("time") or "")[:10] or None, "rated up" if e["rating"] == "up" else "rated down") for e in entries]
    return _bars(items, ["rated up", "rated down"], "ratings")
