"""Cold-start latency of `uv run assistant ask` (a new process each time), against an existing index.

    uv run python benchmarks/cold_start.py [--runs 7] [QUESTION]

Prints every run's wall time and the median; also the in-process import times of the heavy parts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("question", nargs="?", default="Who is the director of METU College?")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    subprocess.run(["uv", "run", "assistant", "ingest"], check=True, capture_output=True)
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run(["uv", "run", "assistant", "ask", args.question], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    print("runs (s):", " ".join(f"{x:.2f}" for x in times))
    print(f"median {statistics.median(times):.2f} s, best {min(times):.2f} s, worst {max(times):.2f} s")
    code = (
        "import time;t=time.perf_counter();import chromadb;a=time.perf_counter();"
        "import langchain_core.language_models.chat_models, langchain_core.runnables;b=time.perf_counter();"
        "print(f'import chromadb {a-t:.2f} s, langchain_core {b-a:.2f} s')"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


if __name__ == "__main__":
    main()
