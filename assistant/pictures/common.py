"""What every picture shares: safe labels, periods of time, colours, and writing a figure to a file.

Plotly reads labels and tooltips as a small subset of HTML, so every name taken from an article is
escaped before it reaches a figure: `<script>` in a title shows as those characters, never as markup.
Quotes stay as they are: outside a tag they are text, and Plotly would show `&quot;` literally.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Iterable
from pathlib import Path

import plotly.graph_objects as go

from ..errors import InvalidInputError

UNDATED = "undated"
MAX_MONTHS = 36  # a longer span is shown by year
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
FORMATS = (".html", ".png", ".svg")


def safe(text: str | None, width: int = 0, limit: int = 0) -> str:
    """Text for a label or tooltip: cut to `limit` characters, escaped, wrapped at `width` with <br>."""
    text = " ".join((text or "").split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(text, width) if width else [text]
    return "<br>".join(html.escape(line, quote=False) for line in lines)  # Plotly shows &quot; as written


def colours(names: Iterable[str]) -> dict[str, str]:
    """A colour for each name, in the order given (so a kind keeps its colour across pictures)."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def period_unit(dates: Iterable[str | None]) -> str:
    """'month' when the dates span at most MAX_MONTHS months, else 'year'."""
    months = sorted({d[:7] for d in dates if d})
    if not months:
        return "month"
    return "month" if _months_between(months[0], months[-1]) < MAX_MONTHS else "year"


def period_of(date: str | None, unit: str) -> str:
    if not date:
        return UNDATED
    return date[:7] if unit == "month" else date[:4]


def periods(dates: Iterable[str | None], unit: str) -> list[str]:
    """Every period from the first date to the last (empty ones too, so gaps show), then UNDATED if any."""
    dates = list(dates)
    keys = sorted({period_of(d, unit) for d in dates if d})
    out: list[str] = []
    if keys:
        if unit == "year":
            out = [str(y) for y in range(int(keys[0]), int(keys[-1]) + 1)]
        else:
            year, month = int(keys[0][:4]), int(keys[0][5:7])
            while f"{year:04d}-{month:02d}" <= keys[-1]:
                out.append(f"{year:04d}-{month:02d}")
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if any(not d for d in dates):
        out.append(UNDATED)
    return out


def period_range(key: str) -> tuple[str, str]:
    """The first and last day of a period key ('2026-02' or '2026'), for the table's date filter."""
    try:
        if len(key) == 4:
            return f"{int(key):04d}-01-01", f"{int(key):04d}-12-31"
        first = dt.date(int(key[:4]), int(key[5:7]), 1)
    except ValueError:
        raise InvalidInputError(f"{key!r} is not a period", "pick a month (YYYY-MM) or a year (YYYY)") from None
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first.isoformat(), (following - dt.timedelta(days=1)).isoformat()


def _months_between(a: str, b: str) -> int:
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])


def stacked_bars(counts: dict[str, dict[str, int]], keys: list[str], series: list[str], title: str) -> go.Figure:
    """Bars per period stacked by series; counts[series][period]. Each bar's customdata is ['period', its period]."""
    palette = colours(series)
    fig = go.Figure()
    for name in series:
        values = [counts.get(name, {}).get(k, 0) for k in keys]
        if not any(values):
            continue
        fig.add_trace(
            go.Bar(
                width=0.5 if len(keys) < 4 else None,  # one or two bars stay bars, not a wall
                x=keys,
                y=values,
                name=safe(name),
                marker_color=palette[name],
                customdata=[["period", k] for k in keys],
                hovertemplate=f"%{{x}} · {safe(name)}: %{{y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        title=title,
        xaxis={"type": "category", "title": None},
        yaxis={"title": None, "rangemode": "tozero", "dtick": 1 if _tallest(counts, keys) <= 10 else None},
        legend={"orientation": "h", "y": -0.2},
        showlegend=True,  # a single series still says what it counts
        margin={"l": 40, "r": 10, "t": 50, "b": 40},
        height=320,
        clickmode="event",
    )
    return fig


def _tallest(counts: dict[str, dict[str, int]], keys: list[str]) -> int:
    return max((sum(c.get(k, 0) for c in counts.values()) for k in keys), default=0)


def checked(path: Path) -> Path:
    """The path, when its extension names a format a picture can be written in."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InvalidInputError(
            f"cannot draw a picture as {path.suffix or 'a file with no extension'}",
            f"name the file .html, .png or .svg ({path.name})",
        )
    return path


def write(fig: go.Figure, path: Path) -> Path:
    """The figure as a file; the format from its extension. HTML carries plotly.js (opens offline);
    PNG and SVG are drawn by kaleido in a local Chromium."""
    path = checked(path)
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".html":
        fig.write_html(path, include_plotlyjs=True, full_html=True)
        return path
    _write_image(fig, path)
    return path


def _write_image(fig: go.Figure, path: Path) -> None:
    try:
        fig.write_image(path, width=1200, height=fig.layout.height or 700, scale=1)
    except RuntimeError as e:  # plotly's message when kaleido finds no browser to draw with
        if "chrome" not in str(e).casefold():
            raise
        raise InvalidInputError(
            "PNG and SVG are drawn by Chrome or Chromium, and neither is installed",
            "install one (apt-get install chromium), set BROWSER_PATH to it, or write the picture as .html",
        ) from None
