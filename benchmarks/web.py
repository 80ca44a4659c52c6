"""The web chat under several students at once: `assistant serve` in its own process, questions through
Gradio's client (the same queue a browser uses), one at a time (the baseline) and then N at once.

    uv run python benchmarks/web.py [--sessions 10]

Indexes the seeds into a temp store first. Prints wall time and per-answer p50/p95 for both rows.
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from serving import served_seeds

QUESTIONS = [
    "Who opened the ESG session at METU?",
    "What agreement was signed at METU?",
    "How many applications with business plans were submitted to the Belesteri project?",
    "Who is the director of METU College?",
    "When was the seminar on sustainable development in Almaty?",
]


def ask(url: str, question: str) -> float:
    from gradio_client import Client

    client = Client(url, verbose=False)
    started = time.perf_counter()
    client.submit(question, [], 6, "offline", api_name="/chat").result(timeout=300)
    return time.perf_counter() - started


def row(name: str, wall: float, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"| {name} | {len(times)} | {wall:.2f} | {len(times) / wall:.1f} | {statistics.median(times) * 1000:.0f} "
        f"| {p95 * 1000:.0f} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=10)
    args = ap.parse_args()
    with served_seeds() as url:
        ask(url, "warm up")
        questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(args.sessions)]
        started = time.perf_counter()
        serial = [ask(url, q) for q in questions]
        serial_wall = time.perf_counter() - started
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.sessions) as pool:
            parallel = list(pool.map(lambda q: ask(url, q), questions))
        parallel_wall = time.perf_counter() - started
    print("| sessions | answers | wall s | answers/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    print(row("one at a time (baseline)", serial_wall, serial))
    print(row(f"{args.sessions} at once", parallel_wall, parallel))


if __name__ == "__main__":
    main()
