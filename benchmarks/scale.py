"""The index at scale: N generated news articles (benchmarks/newsgen.py, seeded), measured end to end.

    uv run python benchmarks/scale.py --articles 1000 [--embedding e5|minilm] [--seed 0] [--json]

Measures, in one run: the raw embedding model's own speed on the corpus's chunks (the baseline), a full
ingest (seconds, chunks/s), a second ingest with nothing changed (seconds, chunks embedded), and, in a
fresh serving process (`Assistant` over the index, as `assistant serve` holds it): search and offline
answer latency p50/p95 over questions taken from the articles, and that process's peak RSS. Then the
store's size on disk. `--keep DIR` writes the corpus and store there and keeps them (DIR must not hold a
store yet, or the "full" ingest would not be one).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODEL_SAMPLE = 256  # chunks embedded for the model's own speed
QUERIES = 200  # search and answer questions, drawn from the articles


def settings(corpus: Path, store: Path, embedding: str):
    from assistant.config import Settings

    return Settings(corpus_dir=corpus, store_dir=store, embedding=embedding, llm="offline", chroma_url=None)


def model_speed(assistant, corpus) -> tuple[float, float]:
    """Chunks and sentences per second of the embedding model alone, on samples of this corpus's own."""
    from assistant.index.embeddings import make_embedder
    from assistant.text.sentences import answerable_sentences

    rng = random.Random(1)
    chunks = [c for cs in corpus.chunks.values() for c in cs]
    sample = rng.sample([c.embed_text for c in chunks], min(MODEL_SAMPLE, len(chunks)))
    sentences = list(
        {s for c in rng.sample(chunks, min(MODEL_SAMPLE, len(chunks))) for s in answerable_sentences(c.text)}
    )
    embedder = make_embedder(assistant.settings)
    embedder.embed(sample[:8])  # loaded and warm
    rates = []
    for texts in (sample, sentences):
        started = time.perf_counter()
        embedder.embed(texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    return rates[0], rates[1]


def questions(corpus, n: int, seed: int) -> list[str]:
    """Questions as a student might type them: the opening words of a sentence somewhere in an article."""
    rng = random.Random(seed)
    out = []
    for article in rng.sample(corpus.articles, min(n, len(corpus.articles))):
        sentences = [s for s in article.text.split(". ") if len(s.split()) >= 8]
        words = rng.choice(sentences).split() if sentences else article.title.split()
        out.append(" ".join(words[: rng.randint(6, 12)]) + "?")
    return out


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    return statistics.median(ordered) * 1000, ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000


def probe(corpus: Path, store: Path, embedding: str, queries: list[str]) -> dict:
    """In a fresh process: search and answer latency over the index, and this process's peak RSS."""
    from assistant.core import Assistant

    assistant = Assistant(settings(corpus, store, embedding))
    assistant.search(queries[0])
    assistant.ask(queries[0])  # models loaded, BM25 read: a server that has been up a while
    searched, answered = [], []
    for q in queries:
        started = time.perf_counter()
        assistant.search(q)
        searched.append(time.perf_counter() - started)
    for q in queries:
        started = time.perf_counter()
        assistant.ask(q)
        answered.append(time.perf_counter() - started)
    (s50, s95), (a50, a95) = percentiles(searched), percentiles(answered)
    rss_mb = peak_rss_mb()
    return {"search_p50_ms": s50, "search_p95_ms": s95, "answer_p50_ms": a50, "answer_p95_ms": a95, "rss_mb": rss_mb}


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started. (Not getrusage's ru_maxrss: after fork and
    exec it keeps the parent's figure, here the ingest's.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: the best there is


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timed_ingest(assistant):
    """An ingest's report and its wall time, reading the files included (the report's seconds are the sync's)."""
    started = time.perf_counter()
    report, _ = assistant.ingest()
    return report, time.perf_counter() - started


def measure(n: int, seed: int, embedding: str, work: Path) -> dict:
    from newsgen import write_corpus

    from assistant.core import Assistant

    corpus_dir, store = work / "corpus", work / "store"
    write_corpus(corpus_dir, n, seed)
    assistant = Assistant(settings(corpus_dir, store, embedding))
    corpus = assistant.read_corpus(cached=False)  # the full ingest below reads the files itself
    figures: dict = {"articles": len(corpus.articles), "chunks": sum(len(c) for c in corpus.chunks.values())}
    figures["model_chunks_per_s"], figures["model_sentences_per_s"] = model_speed(assistant, corpus)
    full, full_s = timed_ingest(assistant)
    again, again_s = timed_ingest(Assistant(settings(corpus_dir, store, embedding)))  # as a new process would
    figures |= {
        "ingest_s": full_s,
        "chunks_per_s": full.embedded / full_s if full.embedded else None,
        "embedded": full.embedded,
        "sentences_embedded": full.sentences,
        # the model's own time for what the ingest embedded (passages, then their sentences), and the rest
        "model_s": full.embedded / figures["model_chunks_per_s"] + full.sentences / figures["model_sentences_per_s"],
        "reingest_s": again_s,
        "reingest_embedded": again.embedded + again.sentences,
    }
    queries = questions(corpus, QUERIES, seed)
    (work / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, __file__, "--probe", str(work), "--embedding", embedding],
        check=True,
        capture_output=True,
        text=True,
    )
    figures |= json.loads(out.stdout.strip().splitlines()[-1])
    figures["other_ingest_s"] = figures["ingest_s"] - figures["model_s"]
    figures["store_mb"] = folder_mb(store)
    figures["embedding"] = embedding
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--embedding", choices=["e5", "minilm"], default="e5")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the corpus and store in this folder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--probe", type=Path, help=argparse.SUPPRESS)  # the serving process's own run
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if args.probe:
        queries = json.loads((args.probe / "queries.json").read_text(encoding="utf-8"))
        print(json.dumps(probe(args.probe / "corpus", args.probe / "store", args.embedding, queries)))
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="scale-"))
    if (work / "store").exists():
        sys.exit(f"{work / 'store'} exists: give --keep an empty folder")
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = measure(args.articles, args.seed, args.embedding, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key:>20}: {value:.1f}" if isinstance(value, float) else f"{key:>20}: {value}")
    ratio = figures["chunks_per_s"] / figures["model_chunks_per_s"] if figures["chunks_per_s"] else float("nan")
    print(f"{'ingest / model':>20}: {ratio:.2f}")


if __name__ == "__main__":
    main()
