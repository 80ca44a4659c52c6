"""The partnership network: organisations as nodes sized by their number of partnerships, each link of the
table as an edge coloured by its kind, with a clickable point at its middle that carries its quote.

The layout keeps clusters apart: each connected group of organisations (a large one split into its
communities) is laid out on its own (a spring layout, seeded, so the picture is the same each time) and the
groups are packed side by side, largest first. Only the largest organisations carry a label; every node
and link has a tooltip.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
import plotly.graph_objects as go

from ..staff.extract import KINDS
from .common import colours, safe

LABELLED = 25  # labels for at most this many organisations, the largest; the rest on hover
KIND_NAMES = [kind for kind, _ in KINDS]
CLUSTER = 16  # a connected group larger than this is laid out community by community
ASPECT = 2.0  # the plot's width over its height
Position = tuple[float, float]
_ACRONYM = re.compile(r"\(([^()]{2,12})\)\s*$")


def graph(rows: list[dict]) -> nx.MultiGraph:
    """One node per party (with its number of partnerships), one edge per pair of parties of each row."""
    g = nx.MultiGraph()
    counts = Counter(p for r in rows for p in dict.fromkeys(r["parties"]))
    for name, count in counts.items():
        g.add_node(name, count=count)
    for i, r in enumerate(rows):
        for a, b in combinations(dict.fromkeys(r["parties"]), 2):
            g.add_edge(a, b, row=i)
    return g


def layout(g: nx.Graph) -> dict[str, Position]:
    """Positions that keep connected groups apart: each laid out alone, then packed in shelves, the shelf
    width chosen so the whole is about as wide as the plot (ASPECT)."""
    simple = nx.Graph(g)
    groups = [part for c in _by_size(nx.connected_components(simple)) for part in _clusters(simple.subgraph(c))]
    placed = [_spread(simple.subgraph(nodes)) for nodes in groups]
    sizes = [2 * _radius(len(p)) for p in placed]
    widths = sorted({sum(sizes[:i]) for i in range(1, len(sizes) + 1)})
    return min((_pack(placed, sizes, w) for w in widths), key=lambda packed: abs(math.log(packed[1] / ASPECT)))[0]


def _by_size(groups) -> list[list[str]]:
    return sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c[0]))


def _clusters(g: nx.Graph) -> list[list[str]]:
    """A large connected group split into its communities (Louvain, seeded), each laid out on its own; the
    links between them are drawn across. A spring layout of hundreds of nodes at once is a hairball."""
    if g.number_of_nodes() <= CLUSTER:
        return [sorted(g.nodes)]
    return _by_size(nx.community.louvain_communities(g, seed=7))


def _pack(placed: list[dict[str, Position]], sizes: list[float], width: float) -> tuple[dict[str, Position], float]:
    """Groups in shelves no wider than `width`; the positions and the packing's width over its height."""
    out: dict[str, Position] = {}
    x = y = shelf = widest = 0.0
    for positions, size in zip(placed, sizes, strict=True):
        if x and x + size > width + 1e-9:
            x, y, shelf = 0.0, y - shelf, 0.0
        for name, (px, py) in positions.items():
            out[name] = (x + size / 2 + px, y - size / 2 + py)
        x, shelf = x + size, max(shelf, size)
        widest = max(widest, x)
    return out, widest / (shelf - y)


def _radius(n: int) -> float:
    return 1.0 + 0.8 * math.sqrt(n)


def _spread(g: nx.Graph) -> dict[str, Position]:
    """One group's positions, centred on 0 within its radius."""
    n = g.number_of_nodes()
    if n == 1:
        return {next(iter(g.nodes)): (0.0, 0.0)}
    raw = nx.spring_layout(g, seed=7, k=3 / math.sqrt(n), iterations=200) if n > 2 else nx.circular_layout(g)
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    reach = max([math.hypot(p[0] - cx, p[1] - cy) for p in raw.values()] + [1e-9])
    scale = (_radius(n) - 0.8) / reach
    return {name: ((p[0] - cx) * scale, (p[1] - cy) * scale) for name, p in raw.items()}


def figure(rows: list[dict], labelled: int = LABELLED) -> go.Figure:
    """The network of these table rows (as staff/table.py gives them)."""
    g = graph(rows)
    fig = go.Figure()
    if not rows:
        return _empty(fig)
    pos = layout(g)
    palette = colours(KIND_NAMES + sorted({r["kind"] for r in rows} - set(KIND_NAMES)))
    by_kind: dict[str, list[tuple[str, str, int, float]]] = defaultdict(list)
    seen: Counter = Counter()
    for a, b, data in g.edges(data=True):
        pair = tuple(sorted((a, b)))
        share = 0.5 + 0.12 * (seen[pair] - (g.number_of_edges(a, b) - 1) / 2)  # parallel links spread out
        seen[pair] += 1
        by_kind[rows[data["row"]]["kind"]].append((a, b, data["row"], share))
    for kind in palette:
        if kind in by_kind:
            fig.add_traces(_edges(kind, by_kind[kind], pos, rows, palette[kind]))
    fig.add_trace(_nodes(g, pos, labelled))
    fig.update_layout(
        title=f"{g.number_of_nodes()} organisations, {len(rows)} partnerships",
        showlegend=True,
        legend={"orientation": "h", "y": -0.05},
        hovermode="closest",
        clickmode="event",
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=560,
        plot_bgcolor="white",
    )
    return fig


def _edges(kind: str, edges: list, pos: dict[str, Position], rows: list[dict], colour: str) -> list[go.Scatter]:
    """A kind's links: the lines (no tooltip) and a point at each line's middle (tooltip, click opens quote)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    mx, my, tips, data = [], [], [], []
    for a, b, row, share in edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
        mx.append(x0 + (x1 - x0) * share)
        my.append(y0 + (y1 - y0) * share)
        tips.append(_link_tip(rows[row]))
        data.append(["row", row])
    line = go.Scatter(
        x=xs, y=ys, mode="lines", line={"color": colour, "width": 1.4}, hoverinfo="skip",
        name=safe(kind), legendgroup=kind,
    )  # fmt: skip
    middles = go.Scatter(
        x=mx, y=my, mode="markers", marker={"color": colour, "size": 7, "symbol": "diamond", "opacity": 0.75},
        hovertext=tips, hoverinfo="text", customdata=data, name=safe(kind), legendgroup=kind, showlegend=False,
    )  # fmt: skip
    return [line, middles]


def _link_tip(row: dict) -> str:
    return (
        f"<b>{safe(row['kind'])}</b> · {safe(row.get('date') or 'undated')}<br>"
        f"{safe(' · '.join(row['parties']), width=70)}<br>"
        f"<i>“{safe(row['quote'], width=70, limit=280)}”</i><br>"
        f"{safe(row.get('title') or row['article'], width=70, limit=120)}<br>click to open the quote"
    )


def _nodes(g: nx.MultiGraph, pos: dict[str, Position], labelled: int) -> go.Scatter:
    names = sorted(g.nodes, key=lambda n: (-g.nodes[n]["count"], n))
    shown = set(names[:labelled])
    counts = [g.nodes[n]["count"] for n in names]
    return go.Scatter(
        x=[pos[n][0] for n in names],
        y=[pos[n][1] for n in names],
        mode="markers+text",
        text=[safe(label(n)) if n in shown else "" for n in names],
        textposition="top center",
        textfont={"size": 11},
        marker={
            "size": [8 + 6 * math.sqrt(c) for c in counts],
            "color": "#f2f2f2",
            "line": {"color": "#333", "width": 1.2},
        },
        hovertext=[
            f"<b>{safe(n, width=60)}</b><br>{c} partnership{'s' * (c != 1)}" for n, c in zip(names, counts, strict=True)
        ],
        hoverinfo="text",
        customdata=[["org", n] for n in names],
        name="organisations",
        showlegend=False,
    )


def label(name: str) -> str:
    """A node's short label: the acronym a name ends with in brackets ("… University (METU)"), else the name
    cut to 28 characters; the tooltip has the whole name."""
    found = _ACRONYM.search(name)
    if found:
        return found.group(1)
    return name if len(name) <= 28 else name[:27].rstrip() + "…"


def _empty(fig: go.Figure) -> go.Figure:
    fig.update_layout(
        title="No partnerships match the filters",
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=200,
        plot_bgcolor="white",
    )
    return fig
