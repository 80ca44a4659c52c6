"""Evaluation metrics over report entries: plain functions, each unit-tested on hand-made entries.

An entry is one query of the report: the query (`sources`, `expect`) and the raw results
(`passages`, `answer`, `refused`, `citations`, latencies), as `evaluation.run` writes them.
"""

from __future__ import annotations


def _answerable(entries: list[dict]) -> list[dict]:
    return [e for e in entries if e["sources"]]


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def article_rank(entry: dict) -> int | None:
    """1-based rank of the first passage from an expected article, or None."""
    for i, p in enumerate(entry["passages"], start=1):
        if p["article"] in entry["sources"]:
            return i
    return None


def facts_found(text: str, expect: list[list[str]]) -> bool:
    """All groups match; a group matches when any of its strings occurs (case-insensitive)."""
    low = text.lower()
    return all(any(s.lower() in low for s in group) for group in expect)


def hit_at(entries: list[dict], n: int) -> float | None:
    """Share of answerable queries with an expected article among the top n passages."""
    rows = _answerable(entries)
    return _ratio(sum(1 for e in rows if (r := article_rank(e)) is not None and r <= n), len(rows))


def mrr(entries: list[dict]) -> float | None:
    """Mean reciprocal rank of the first expected article (0 when absent)."""
    rows = _answerable(entries)
    return _ratio(sum(1 / r for e in rows if (r := article_rank(e))), len(rows))


def evidence_at_k(entries: list[dict], k: int) -> float | None:
    """Share of answerable queries whose top-k passages hold every expected fact."""
    rows = _answerable(entries)
    return _ratio(
        sum(facts_found(" ".join(p["text"] for p in e["passages"][:k]), e["expect"]) for e in rows), len(rows)
    )


def answer_correct(entry: dict) -> bool:
    return bool(entry["sources"]) and not entry["refused"] and facts_found(entry["answer"], entry["expect"])


def fact_recall(entries: list[dict]) -> float | None:
    """Share of answerable queries answered (not refused) with every expected fact."""
    rows = _answerable(entries)
    return _ratio(sum(answer_correct(e) for e in rows), len(rows))


def citation_precision(entries: list[dict]) -> float | None:
    """Share of citations (over answerable queries) that point to an expected article."""
    cites = [(c, e) for e in _answerable(entries) for c in e["citations"]]
    return _ratio(sum(c["article"] in e["sources"] for c, e in cites), len(cites))


def refusal_accuracy(entries: list[dict]) -> float | None:
    """Share of unanswerable queries that were refused."""
    rows = [e for e in entries if not e["sources"]]
    return _ratio(sum(bool(e["refused"]) for e in rows), len(rows))


def false_refusals(entries: list[dict]) -> int:
    """How many answerable queries were refused."""
    return sum(bool(e["refused"]) for e in _answerable(entries))


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..1) of the values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 1))  # ceil(n * q), at least 1
    return round(ordered[int(rank) - 1], 1)


# Metrics where a smaller value is better (thresholds on them are maxima).
LOWER_IS_BETTER = {"false_refusals", "retrieval_p50_ms", "retrieval_p95_ms", "answer_p50_ms", "answer_p95_ms"}


def summarize(entries: list[dict], k: int) -> dict:
    """The summary metrics of a report."""
    retrieval = [e["retrieval_ms"] for e in entries if e.get("retrieval_ms") is not None]
    total = [e["latency_ms"] for e in entries if e.get("latency_ms") is not None]
    return {
        "queries": len(entries),
        "answerable": len(_answerable(entries)),
        "hit_at_1": hit_at(entries, 1),
        f"hit_at_{k}": hit_at(entries, k),
        "mrr": mrr(entries),
        f"evidence_at_{k}": evidence_at_k(entries, k),
        "fact_recall": fact_recall(entries),
        "citation_precision": citation_precision(entries),
        "refusal_accuracy": refusal_accuracy(entries),
        "false_refusals": false_refusals(entries),
        "retrieval_p50_ms": percentile(retrieval, 0.5),
        "retrieval_p95_ms": percentile(retrieval, 0.95),
        "answer_p50_ms": percentile(total, 0.5),
        "answer_p95_ms": percentile(total, 0.95),
    }
