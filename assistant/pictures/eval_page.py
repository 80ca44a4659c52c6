"""The evaluation report as one self-contained HTML page: the metrics as charts and a table, every question
with its outcome (filterable to failures), and for two runs the deltas and the questions that changed.

The page carries plotly.js inline, so it opens from a file with no network. Everything from the report is
escaped by the template (Jinja2 autoescape); the charts' data goes through Plotly's own JSON encoding.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from ..evaluation.metrics import LOWER_IS_BETTER
from ..evaluation.report import METRIC_ROWS, changed, fmt, outcome, passed

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATES.filters["fmt"] = fmt


def _metrics(summary: dict) -> list[dict]:
    k = summary.get("k", 4)
    return [
        {"key": key.format(k=k), "label": label.format(k=k), "value": summary.get(key.format(k=k))}
        for key, label in METRIC_ROWS
    ]


def _is_rate(key: str) -> bool:
    return not key.endswith("_ms")


def _charts(runs: list[tuple[str, dict]]) -> list[str]:
    """Two charts: the rates (0–1) and the latencies (ms), one bar group per run."""
    out = []
    for rates, title in ((True, "Scores (0–1)"), (False, "Latency (ms)")):
        fig = go.Figure()
        for name, summary in runs:
            shown = [m for m in _metrics(summary) if _is_rate(m["key"]) == rates and m["value"] is not None]
            fig.add_trace(
                go.Bar(
                    x=[m["label"] for m in shown],
                    y=[m["value"] for m in shown],
                    name=name,
                    text=[f"{m['value']:.3f}" if rates else f"{m['value']:.0f}" for m in shown],
                    textposition="outside",
                )
            )
        fig.update_layout(
            title=title, barmode="group", height=360, margin={"l": 40, "r": 10, "t": 50, "b": 80},
            yaxis={"range": [0, 1.1]} if rates else {"rangemode": "tozero"}, showlegend=len(runs) > 1,
        )  # fmt: skip
        out.append(pio.to_html(fig, full_html=False, include_plotlyjs=False, config={"displaylogo": False}))
    return out


def _question(entry: dict) -> dict:
    facts = [" or ".join(f) if isinstance(f, list) else str(f) for f in entry.get("expect") or []]
    expected = "; ".join(facts) if entry.get("sources") else "a refusal (the corpus does not say)"
    return {
        "id": entry["id"],
        "question": entry.get("question", ""),
        "expected": expected,
        "sources": ", ".join(entry.get("sources") or []),
        "answer": entry.get("answer", ""),
        "citations": [f"{c.get('article')}: “{c.get('quote', '')}”" for c in entry.get("citations") or []],
        "passed": passed(entry),
        "why": outcome(entry),
    }


def report_page(report: dict) -> str:
    """One run's report as a page."""
    summary = report["summary"]
    return _TEMPLATES.get_template("eval_report.html.j2").render(
        plotly_js=get_plotlyjs(),
        summary=summary,
        metrics=_metrics(summary),
        charts=_charts([("this run", summary)]),
        questions=[_question(e) for e in report["queries"]],
    )


def compare_page(a: dict, b: dict) -> str:
    """Two runs: every metric with its change (B − A, and whether it is better), and the changed questions."""
    sa, sb = a["summary"], b["summary"]
    rows = []
    for ma, mb in zip(_metrics(sa), _metrics(sb), strict=True):
        va, vb = ma["value"], mb["value"]
        delta = None if va is None or vb is None else vb - va
        better = None if not delta else (delta < 0 if mb["key"] in LOWER_IS_BETTER else delta > 0)
        rows.append({"label": mb["label"], "a": va, "b": vb, "delta": delta, "better": better})
    before = {e["id"]: e for e in a["queries"]}
    moved = [
        {"id": e["id"], "question": e.get("question", ""), "a": outcome(before[e["id"]]) if e["id"] in before else "–",
         "b": outcome(e), "now_passes": passed(e)}
        for e in b["queries"]
        if e["id"] not in before or changed(before[e["id"]], e)
    ]  # fmt: skip
    return _TEMPLATES.get_template("eval_compare.html.j2").render(
        plotly_js=get_plotlyjs(), a=sa, b=sb, rows=rows, changed=moved, charts=_charts([("A", sa), ("B", sb)])
    )


def write_page(text: str, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
