"""Retrieval benchmark: ingest throughput, unchanged re-ingest, search latency, hit@1, hit@k, MRR and
evidence@k for the assistant's fused ranking, each of its sides alone (dense, BM25), and the naive dense
baseline, in one process.

    uv run python benchmarks/retrieval.py [--corpus seeds] [--corpus benchmarks/distractors ...]
        [--queries tests/data/dev_queries.yaml ...] [--embedding minilm|e5] [-k 4] [--repeat 20]

Several --corpus folders are read as one corpus (copied into a temporary folder); several --queries
files print one table each.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import NaiveDenseBaseline

from assistant.config import Settings
from assistant.core import Assistant
from assistant.corpus.loader import ARTICLE_SUFFIXES
from assistant.evaluation.metrics import evidence_at_k, facts_found, hit_at, mrr, percentile
from assistant.index.embeddings import MiniLMEmbedder


def retrieval_entries(queries, search, k: int) -> list[dict]:
    """Report-shaped entries (see assistant.metrics) for the retrieval side only."""
    entries = []
    for q in queries:
        text = q["question"]
        if q.get("history"):  # no side condenses: all get the earlier user turns
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


def merged_corpus(folders: list[str], into: Path) -> Path:
    """One folder holding the articles of every given folder."""
    into.mkdir(parents=True)
    for folder in folders:
        for path in Path(folder).iterdir():
            if path.suffix.lower() in ARTICLE_SUFFIXES and path.name.lower() != "readme.md":
                shutil.copy(path, into / path.name)
    return into


def table(queries, searches, k: int, repeat: int) -> list[str]:
    lines = [
        f"| retrieval | search p50 ms | search p95 ms | hit@1 | hit@{k} | MRR | evidence@{k} | evidence misses |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, search in searches:
        lat = latencies(queries, search, k, repeat)
        entries = retrieval_entries(queries, search, k)
        misses = [
            e["id"]
            for e in entries
            if e["sources"] and not facts_found(" ".join(p["text"] for p in e["passages"]), e["expect"])
        ]
        lines.append(
            f"| {name} | {percentile(lat, 0.5):.1f} | {percentile(lat, 0.95):.1f} | {hit_at(entries, 1):.3f} "
            f"| {hit_at(entries, k):.3f} | {mrr(entries):.3f} | {evidence_at_k(entries, k):.3f} "
            f"| {','.join(misses) or '-'} |"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", help="article folder (repeatable; default: seeds)")
    ap.add_argument("--queries", action="append", help="query file (repeatable; default: the dev set)")
    ap.add_argument("--embedding", choices=["e5", "minilm"], default="e5")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("-k", type=int, default=4)
    args = ap.parse_args()
    folders = args.corpus or ["seeds"]
    query_files = args.queries or ["tests/data/dev_queries.yaml"]

    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = merged_corpus(folders, Path(tmp) / "corpus")
        settings = Settings(corpus_dir=corpus_dir, store_dir=Path(tmp) / "store", embedding=args.embedding)
        assistant = Assistant(settings)
        full, corpus = assistant.ingest()
        again, _ = assistant.ingest()
        assistant.search("warm-up", k=args.k)

        texts = [c.embed_text for cs in corpus.chunks.values() for c in cs]
        assistant.embedder.embed(texts[:2])
        t = time.perf_counter()
        assistant.embedder.embed(texts)
        embed_rate = len(texts) / (time.perf_counter() - t)
        baseline = NaiveDenseBaseline(corpus.articles, MiniLMEmbedder(), Path(tmp) / "baseline")
        baseline.search("warm-up")

        searches = [
            ("fused (assistant)", lambda q, k: assistant.search(q, k=k)),
            ("dense side alone", lambda q, k: assistant.retriever.search(q, k, sides=("dense",))),
            ("BM25 side alone", lambda q, k: assistant.retriever.search(q, k, sides=("lexical",))),
            ("naive dense baseline (MiniLM, 1000 chars)", baseline.search),
        ]
        print(
            f"corpus: {' + '.join(folders)} ({full.articles} articles, {full.chunks} chunks); embedding: "
            f"{assistant.embedder.name}; k={args.k}; {args.repeat} rounds"
        )
        print(
            f"full ingest: {full.embedded} chunks embedded in {full.seconds:.2f}s "
            f"({full.embedded / full.seconds:.1f} chunks/s, incl. chunking, Chroma writes and BM25); "
            f"embedding alone: {embed_rate:.1f} chunks/s"
        )
        print(f"second ingest, nothing changed: {again.seconds * 1000:.0f} ms, {again.embedded} chunks embedded")
        for path in query_files:
            queries = yaml.safe_load(Path(path).read_text())["queries"]
            print(f"\n{path} ({len(queries)} queries)\n")
            print("\n".join(table(queries, searches, args.k, args.repeat)))


if __name__ == "__main__":
    main()
