"""One Assistant shared by many threads: are the answers those of a single thread, and how long does it take?

    uv run python benchmarks/threads.py [--threads 8] [--queries tests/data/dev_queries.yaml]

Indexes the seeds into a temp store, asks every query once serially (the baseline), then from N threads
at once (each thread asks all queries in its own order), and prints wall times and how many answers matched.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from assistant.config import Settings
from assistant.core import Assistant

ROOT = Path(__file__).resolve().parent.parent


def comparable(answer) -> dict:
    d = answer.to_dict()
    d.pop("timings_ms")
    return d


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--queries", type=Path, default=ROOT / "tests" / "data" / "dev_queries.yaml")
    args = ap.parse_args()
    queries = yaml.safe_load(args.queries.read_text())["queries"]
    with tempfile.TemporaryDirectory() as store:
        assistant = Assistant(Settings(corpus_dir=ROOT / "seeds", store_dir=Path(store)))
        assistant.ingest()
        assistant.ask("warm up")  # model loaded, caches filled: both rows below start warm
        t = time.perf_counter()
        serial = {q["id"]: comparable(assistant.ask(q["question"], q.get("history"))) for q in queries}
        serial_s = time.perf_counter() - t

        def worker(seed: int) -> dict:
            order = list(queries)
            random.Random(seed).shuffle(order)
            return {q["id"]: comparable(assistant.ask(q["question"], q.get("history"))) for q in order}

        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            results = list(pool.map(worker, range(args.threads)))
        threaded_s = time.perf_counter() - t
    same = sum(r[qid] == serial[qid] for r in results for qid in serial)
    total = args.threads * len(queries)
    print(
        f"serial:   1 thread  x {len(queries)} questions in {serial_s:.2f} s ({len(queries) / serial_s:.1f} answers/s)"
    )
    print(
        f"threaded: {args.threads} threads x {len(queries)} questions in {threaded_s:.2f} s "
        f"({total / threaded_s:.1f} answers/s)"
    )
    print(f"identical to the serial answers: {same} of {total}")


if __name__ == "__main__":
    main()
