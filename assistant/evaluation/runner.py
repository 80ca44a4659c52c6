"""Canned queries → scored report: every query goes through the Assistant, as `ask` does."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

from .metrics import answer_correct, article_rank, facts_found, summarize
from .queries import EvalQuery


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def evaluate_query(assistant, q: EvalQuery, k: int) -> dict:
    """One query through the assistant; raw results as `ask --json` gives them, plus checks."""
    started = time.perf_counter()
    answer = assistant.ask(q.question, q.history, k=k)
    latency = (time.perf_counter() - started) * 1000
    entry = {
        "id": q.id,
        **answer.to_dict(),
        "latency_ms": round(latency, 1),
        "retrieval_ms": round(answer.timings_ms.get("retrieve", 0.0), 1),
        "sources": q.sources,
        "expect": q.expect,
        "lang": q.lang,
        "multi": q.multi,
    }
    entry["checks"] = {
        "article_rank": article_rank(entry),
        "evidence": facts_found(" ".join(p["text"] for p in entry["passages"][:k]), q.expect) if q.sources else None,
        "facts": answer_correct(entry) if q.sources else None,
        "citations_ok": all(c["article"] in q.sources for c in entry["citations"]) if q.sources else None,
        "refusal_ok": bool(entry["refused"]) if not q.sources else not entry["refused"],
    }
    return entry


def run(assistant, queries: list[EvalQuery], k: int, meta: dict, progress: bool = False) -> dict:
    """The report for these queries; on Ctrl-C, the report of what was done so far."""
    from tqdm import tqdm

    entries: list[dict] = []
    interrupted = False
    try:
        for q in tqdm(queries, desc="Evaluating", unit="query", disable=not progress, leave=False):
            entries.append(evaluate_query(assistant, q, k))
    except KeyboardInterrupt:
        interrupted = True
    summary = {
        **summarize(entries, k),
        **meta,
        "k": k,
        "git_commit": _git_commit(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "interrupted": interrupted,
        "total_queries": len(queries),
    }
    return {"summary": summary, "queries": entries}
