"""Retrieval benchmark: ingest throughput, unchanged re-ingest, search latency, hit@1, hit@k, MRR and
evidence@k, for the assistant's hybrid retrieval and the naive dense baseline, in one process.

    uv run python benchmarks/retrieval.py [--corpus seeds] [--queries tests/data/dev_queries.yaml] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import NaiveDenseBaseline

from assistant.config import Settings
from assistant.core import Assistant
from assistant.evaluation.metrics import evidence_at_k, facts_found, hit_at, mrr, percentile
from assistant.index.embeddings import MiniLMEmbedder


def retrieval_entries(queries, search, k: int) -> list[dict]:
    """Report-shaped entries (see assistant.metrics) for the retrieval side only."""
    entries = []
    for q in queries:
        text = q["question"]
        if q.get("history"):  # neither side condenses: both get the earlier user turns
            text = " ".join(t["content"] for t in q["history"] if t["role"] == "user") + " " + text
        passages = [{"article": p.article, "text": p.text} for p in search(text, k)]
        entries.append(
            {"id": q["id"], "sources": q.get("sources", []), "expect": q.get("expect", []), "passages": passages}
        )
    return entries


def latencies(queries, search, k: int, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            search(q["question"], k)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="seeds")
    ap.add_argument("--queries", default="tests/data/dev_queries.yaml")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("-k", type=int, default=4)
    args = ap.parse_args()
    queries = yaml.safe_load(Path(args.queries).read_text())["queries"]

    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(corpus_dir=Path(args.corpus), store_dir=Path(tmp) / "store"))
        full, corpus = assistant.ingest()
        again, _ = assistant.ingest()
        assistant.search("warm-up", k=args.k)

        def hybrid_search(q: str, k: int):
            return assistant.search(q, k=k)

        embedder = MiniLMEmbedder()
        texts = [c.embed_text for cs in corpus.chunks.values() for c in cs]
        embedder.embed(texts[:2])
        t = time.perf_counter()
        embedder.embed(texts)
        embed_rate = len(texts) / (time.perf_counter() - t)
        t = time.perf_counter()
        base = NaiveDenseBaseline(corpus.articles, embedder, Path(tmp) / "baseline")
        base_ingest = time.perf_counter() - t
        base.search("warm-up")

        rows = []
        for name, search, chunks, ingest_s in (
            ("hybrid (assistant)", hybrid_search, full.chunks, full.seconds),
            ("naive dense baseline", base.search, base.chunks, base_ingest),
        ):
            lat = latencies(queries, search, args.k, args.repeat)
            entries = retrieval_entries(queries, search, args.k)
            misses = [
                e["id"]
                for e in entries
                if e["sources"] and not facts_found(" ".join(p["text"] for p in e["passages"]), e["expect"])
            ]
            rows.append(
                (
                    name,
                    chunks,
                    chunks / ingest_s,
                    percentile(lat, 0.5),
                    percentile(lat, 0.95),
                    hit_at(entries, 1),
                    hit_at(entries, args.k),
                    mrr(entries),
                    evidence_at_k(entries, args.k),
                    ",".join(misses) or "-",
                )
            )

    print(
        f"corpus: {args.corpus} ({full.articles} articles); queries: {args.queries} ({len(queries)}); "
        f"k={args.k}; {args.repeat} rounds"
    )
    print(
        f"full ingest: {full.embedded} chunks embedded in {full.seconds:.2f}s "
        f"({full.embedded / full.seconds:.1f} chunks/s, incl. chunking, Chroma writes and BM25)"
    )
    print(f"embedding alone (model loaded): {embed_rate:.1f} chunks/s")
    print(f"second ingest, nothing changed: {again.seconds * 1000:.0f} ms, {again.embedded} chunks embedded")
    print()
    k = args.k
    print(
        f"| retrieval | chunks | chunks/s ingest | search p50 ms | search p95 ms | hit@1 | hit@{k} | MRR "
        f"| evidence@{k} | evidence misses |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, chunks, rate, p50, p95, h1, hk, rr, ev, misses in rows:
        print(
            f"| {name} | {chunks} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {h1:.3f} | {hk:.3f} | {rr:.3f} "
            f"| {ev:.3f} | {misses} |"
        )


if __name__ == "__main__":
    main()
