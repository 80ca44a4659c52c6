"""Retrieval benchmark: ingest throughput, unchanged re-ingest, search latency and evidence@k,
for the assistant's hybrid retrieval and the naive dense baseline, in one process.

    uv run python benchmarks/retrieval.py [--corpus seeds] [--queries tests/data/dev_queries.yaml] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import NaiveDenseBaseline  # noqa: E402

from assistant.app import ingest, read_corpus, retriever  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.embeddings import MiniLMEmbedder  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def evidence(queries, search, k: int) -> tuple[int, int, list[str]]:
    hits, misses = 0, []
    answerable = [q for q in queries if q.get("sources")]
    for q in answerable:
        text = " ".join(p.text for p in search(q["question"], k)).lower()
        if all(any(s.lower() in text for s in group) for group in q.get("expect", [])):
            hits += 1
        else:
            misses.append(q["id"])
    return hits, len(answerable), misses


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
        settings = Settings(corpus_dir=Path(args.corpus), store_dir=Path(tmp) / "store")
        full, _ = ingest(settings)
        again, _ = ingest(settings)
        r = retriever(settings)
        r.search("warm-up", k=args.k)
        hybrid_search = lambda q, k: r.search(q, k=k)  # noqa: E731

        embedder = MiniLMEmbedder()
        texts = [c.embed_text for cs in read_corpus(settings).chunks.values() for c in cs]
        embedder.embed(texts[:2])
        t = time.perf_counter()
        embedder.embed(texts)
        embed_rate = len(texts) / (time.perf_counter() - t)
        t = time.perf_counter()
        base = NaiveDenseBaseline(read_corpus(settings).load.articles, embedder, Path(tmp) / "baseline")
        base_ingest = time.perf_counter() - t
        base.search("warm-up")

        rows = []
        for name, search, chunks, ingest_s in (("hybrid (assistant)", hybrid_search, full.chunks, full.seconds),
                                                ("naive dense baseline", base.search, base.chunks, base_ingest)):
            lat = latencies(queries, search, args.k, args.repeat)
            hits, total, misses = evidence(queries, search, args.k)
            rows.append((name, chunks, chunks / ingest_s, percentile(lat, 0.5), percentile(lat, 0.95),
                         f"{hits}/{total}", ",".join(misses) or "-"))

    print(f"corpus: {args.corpus} ({full.articles} articles); queries: {args.queries} ({len(queries)}); "
          f"k={args.k}; {args.repeat} rounds")
    print(f"full ingest: {full.embedded} chunks embedded in {full.seconds:.2f}s "
          f"({full.embedded / full.seconds:.1f} chunks/s, incl. chunking, Chroma writes and BM25)")
    print(f"embedding alone (model loaded): {embed_rate:.1f} chunks/s")
    print(f"second ingest, nothing changed: {again.seconds * 1000:.0f} ms, {again.embedded} chunks embedded")
    print()
    print("| retrieval | chunks | chunks/s ingest | search p50 ms | search p95 ms | evidence@k | misses |")
    print("|---|---|---|---|---|---|---|")
    for name, chunks, rate, p50, p95, ev, misses in rows:
        print(f"| {name} | {chunks} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {ev} | {misses} |")


if __name__ == "__main__":
    main()
