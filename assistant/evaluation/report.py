"""Evaluation reports for people: the Markdown table, comparison of two runs, thresholds, files."""

from __future__ import annotations

import json
from pathlib import Path

from .metrics import LOWER_IS_BETTER

METRIC_ROWS = [
    ("hit_at_1", "hit@1"),
    ("hit_at_{k}", "hit@{k}"),
    ("mrr", "MRR"),
    ("evidence_at_{k}", "evidence@{k}"),
    ("fact_recall", "fact recall"),
    ("citation_precision", "citation precision"),
    ("refusal_accuracy", "refusal accuracy"),
    ("false_refusals", "false refusals"),
    ("retrieval_p50_ms", "retrieval p50 ms"),
    ("retrieval_p95_ms", "retrieval p95 ms"),
    ("answer_p50_ms", "answer p50 ms"),
    ("answer_p95_ms", "answer p95 ms"),
]


def fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) <= 1 else f"{v:.1f}"
    return str(v)


def markdown(report: dict) -> str:
    """The summary as a Markdown table, for the terminal and for pasting into a report."""
    s = report["summary"]
    k = s["k"]
    lines = [
        f"Evaluation of {s.get('queries')} queries ({s.get('answerable')} answerable) · model {s.get('model')} · "
        f"embedding {s.get('embedding')} · corpus {s.get('corpus_articles')} articles / "
        f"{s.get('corpus_chunks')} chunks · k={k} · commit {s.get('git_commit') or '–'}",
        "",
        "| metric | value |",
        "|---|---|",
    ]
    for key, label in METRIC_ROWS:
        lines.append(f"| {label.format(k=k)} | {fmt(s.get(key.format(k=k)))} |")
    if s.get("interrupted"):
        lines.append(f"\nInterrupted: {s['queries']} of {s['total_queries']} queries done.")
    failed = [e for e in report["queries"] if not passed(e)]
    if failed:
        lines += ["", "| query | problem |", "|---|---|"]
        lines += [f"| {e['id']} | {_problem(e)} |" for e in failed]
    return "\n".join(lines)


def passed(entry: dict) -> bool:
    c = entry["checks"]
    if not entry["sources"]:
        return c["refusal_ok"]
    return bool(c["facts"] and c["citations_ok"])


def _problem(entry: dict) -> str:
    c = entry["checks"]
    if not entry["sources"]:
        return "answered an unanswerable question"
    if entry["refused"]:
        return "refused an answerable question"
    if not c["facts"]:
        return "answer misses an expected fact" + ("" if c["evidence"] else " (not in the top-k passages either)")
    return "cites a passage from an unexpected article"


def outcome(entry: dict) -> str:
    return ("pass" if passed(entry) else _problem(entry)) + f", rank {entry['checks']['article_rank']}"


def changed(old: dict, new: dict) -> bool:
    """Whether a query's outcome changed between two runs: it passes or fails now, or its article moved."""
    return passed(old) != passed(new) or old["checks"]["article_rank"] != new["checks"]["article_rank"]


def check_thresholds(summary: dict, minimums: dict[str, float], maximums: dict[str, float]) -> list[str]:
    """The thresholds the summary breaks, as readable lines."""
    broken = []
    for name, limit in minimums.items():
        value = summary.get(name)
        if value is None or value < limit:
            broken.append(f"{name} = {fmt(value)} is below {limit:g}")
    for name, limit in maximums.items():
        value = summary.get(name)
        if value is None or value > limit:
            broken.append(f"{name} = {fmt(value)} is above {limit:g}")
    return broken


def known_metrics(k: int) -> set[str]:
    return {key.format(k=k) for key, _ in METRIC_ROWS}


def compare(a: dict, b: dict) -> str:
    """Per-metric differences (B − A) and the queries whose outcome changed, as Markdown."""
    sa, sb = a["summary"], b["summary"]
    k = sb.get("k", sa.get("k", 4))
    lines = [
        f"A: commit {sa.get('git_commit') or '–'}, model {sa.get('model')} · "
        f"B: commit {sb.get('git_commit') or '–'}, model {sb.get('model')}",
        "",
        "| metric | A | B | B − A |",
        "|---|---|---|---|",
    ]
    for key, label in METRIC_ROWS:
        va, vb = sa.get(key.format(k=sa.get("k", k))), sb.get(key.format(k=k))
        diff = "–" if va is None or vb is None else f"{vb - va:+.3f}".rstrip("0").rstrip(".")
        better = ""
        if va is not None and vb is not None and va != vb:
            improved = (vb < va) if key in LOWER_IS_BETTER else (vb > va)
            better = " ▲" if improved else " ▼"
        lines.append(f"| {label.format(k=k)} | {fmt(va)} | {fmt(vb)} | {diff}{better} |")
    qa = {e["id"]: e for e in a["queries"]}
    moved = []
    for e in b["queries"]:
        old = qa.get(e["id"])
        if old is None:
            moved.append(f"| {e['id']} | – | {'pass' if passed(e) else _problem(e)} |")
        elif changed(old, e):
            moved.append(f"| {e['id']} | {outcome(old)} | {outcome(e)} |")
    lines += ["", "Queries whose outcome changed:" if moved else "No query changed outcome."]
    if moved:
        lines += ["| query | A | B |", "|---|---|---|", *moved]
    return "\n".join(lines)


def write_report(report: dict, path: Path, fmt: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = markdown(report) + "\n" if fmt == "md" else json.dumps(report, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
