"""K simulated students against the OpenAI-compatible API, for S seconds, on loopback.

    uv run python benchmarks/load.py --users 50 --seconds 60 [--think 3,10] [--url URL] [--json]

Without --url it indexes the seeds into a temp store and starts `assistant serve` (offline model) in its
own process. Each student asks a question from the dev set, reads the answer for a while (`--think`
seconds, uniform; 0 for students who never pause, which measures the server's ceiling), then asks again:
half of the questions as a follow-up in the same conversation, half streamed, one in ten a plain search.
Students start spread over the first think time. A request counts as an error when it fails, times out
(30 s), answers with a status other than 200, or its body lacks the answer (or, streamed, the final
chunk with the citations). Prints requests/s, p50/p95/max latency (streamed: until the last byte) per
kind and overall, and the errors by kind.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

import httpx
import yaml
from serving import served_seeds

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30.0


def dev_questions() -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "data" / "dev_queries.yaml").read_text(encoding="utf-8"))
    return [q["question"] for q in data["queries"]]


class Tally:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {"chat": [], "stream": [], "search": []}
        self.errors: Counter[str] = Counter()


async def chat(client: httpx.AsyncClient, messages: list[dict]) -> str:
    r = await client.post("/v1/chat/completions", json={"model": "news-assistant", "messages": messages})
    r.raise_for_status()
    body = r.json()
    assert "citations" in body, "no citations field"
    return body["choices"][0]["message"]["content"]


async def stream(client: httpx.AsyncClient, messages: list[dict]) -> str:
    payload = {"model": "news-assistant", "messages": messages, "stream": True}
    text, final = "", None
    async with client.stream("POST", "/v1/chat/completions", json=payload) as r:
        r.raise_for_status()
        async for line in r.aiter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            event = json.loads(line[6:])
            assert "error" not in event, event.get("error")
            text += event["choices"][0]["delta"].get("content") or ""
            final = event if "citations" in event else final
    assert final is not None and text, "no final chunk with citations"
    return text


async def search(client: httpx.AsyncClient, query: str) -> str:
    r = await client.post("/v1/search", json={"query": query})
    r.raise_for_status()
    assert isinstance(r.json()["data"], list), "no passages"
    return ""


async def student(client, questions, rng: random.Random, think: tuple[float, float], until: float, tally: Tally):
    await asyncio.sleep(rng.uniform(0, think[1]))
    conversation: list[dict] = []
    while time.monotonic() < until:
        question = rng.choice(questions)
        if rng.random() < 0.5:
            conversation = []  # a new conversation; otherwise a follow-up in this one
        messages = [*conversation, {"role": "user", "content": question}]
        draw = rng.random()
        kind = "search" if draw < 0.1 else "stream" if draw < 0.55 else "chat"
        started = time.perf_counter()
        try:
            call = (
                search(client, question)
                if kind == "search"
                else (stream if kind == "stream" else chat)(client, messages)
            )
            answer = await asyncio.wait_for(call, TIMEOUT)
            tally.times[kind].append(time.perf_counter() - started)
            if kind != "search":
                conversation = [*messages, {"role": "assistant", "content": answer}][-6:]
        except Exception as e:  # every failure is counted, by kind
            tally.errors[f"{kind}: {e.__class__.__name__}"] += 1
        await asyncio.sleep(rng.uniform(*think))


async def run(url: str, users: int, seconds: float, think: tuple[float, float], seed: int) -> tuple[Tally, float]:
    questions = dev_questions()
    tally = Tally()
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT, limits=limits) as client:
        await chat(client, [{"role": "user", "content": questions[0]}])  # warm up
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(student(client, questions, random.Random(seed + i), think, until, tally) for i in range(users))
        )
        return tally, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(q * len(ordered)) - 1)] if ordered else float("nan")


def summary(tally: Tally, wall: float, users: int, seconds: float, think) -> dict:
    every = [t for times in tally.times.values() for t in times]
    kinds = {
        kind: {"requests": len(t), "p50_ms": percentile(t, 0.5) * 1000, "p95_ms": percentile(t, 0.95) * 1000}
        for kind, t in tally.times.items()
    }
    return {
        "users": users,
        "seconds": seconds,
        "think_s": list(think),
        "requests": len(every),
        "requests_per_s": len(every) / wall,
        "p50_ms": statistics.median(every) * 1000 if every else None,
        "p95_ms": percentile(every, 0.95) * 1000,
        "max_ms": max(every) * 1000 if every else None,
        "errors": sum(tally.errors.values()),
        "errors_by_kind": dict(tally.errors),
        "kinds": kinds,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", default="3,10", help="MIN,MAX seconds a student pauses between questions")
    ap.add_argument("--url", help="a running server (default: start one over the seeds)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    low, high = (float(x) for x in args.think.split(","))
    with nullcontext(args.url) if args.url else served_seeds() as url:
        tally, wall = asyncio.run(run(url, args.users, args.seconds, (low, high), args.seed))
    figures = summary(tally, wall, args.users, args.seconds, (low, high))
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"{args.users} students, {args.seconds:g} s, think {low:g}-{high:g} s: {figures['requests']} requests, "
        f"{figures['requests_per_s']:.1f}/s, errors {figures['errors']}"
    )
    print("| kind | requests | p50 ms | p95 ms |\n|---|---|---|---|")
    for kind, k in figures["kinds"].items():
        print(f"| {kind} | {k['requests']} | {k['p50_ms']:.0f} | {k['p95_ms']:.0f} |")
    print(f"| all | {figures['requests']} | {figures['p50_ms']:.0f} | {figures['p95_ms']:.0f} |")
    print(f"max {figures['max_ms']:.0f} ms; errors by kind: {figures['errors_by_kind'] or 'none'}")


if __name__ == "__main__":
    main()
