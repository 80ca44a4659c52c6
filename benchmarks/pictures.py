"""How long the pictures take: the partnership network at 30 and 300 organisations (generated partnerships in
clusters around hubs, a few links across), from rows to figure on the server and from figure to drawn chart in
a real headless Chromium; and the size of the evaluation page.

Baseline, in the same run: the same nodes and links drawn at random positions (no layout, no grouping), so
the layout's own cost shows apart from Plotly's.

Run: uv run python benchmarks/pictures.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plotly.offline import get_plotlyjs

from assistant.pictures import eval_page, network

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def generated(organisations: int, seed: int = 3) -> list[dict]:
    """Partnership rows among `organisations` bodies: clusters of 3 to 12 around a hub, 1 in 30 across."""
    rnd = random.Random(seed)
    names = [f"Organisation {i:03d} of the Republic" for i in range(organisations)]
    kinds = network.KIND_NAMES
    rows: list[dict] = []
    i = 0
    while i < organisations:
        size = min(rnd.randint(3, 12), organisations - i)
        size += organisations - i - size == 1
        hub, *members = names[i : i + size]
        for m in members:
            rows.append(_row([hub, m], rnd.choice(kinds), rnd))
        i += size
    rows += [_row(rnd.sample(names, 2), "joint project", rnd) for _ in range(organisations // 30)]
    return rows


def _row(parties: list[str], kind: str, rnd: random.Random) -> dict:
    quote = f"The {kind} between {parties[0]} and {parties[1]} was signed to work together on research."
    date = f"20{rnd.randint(19, 26)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return {"parties": parties, "kind": kind, "date": date, "quote": quote, "title": "Generated article",
            "article": f"gen_{rnd.randint(0, 10**6)}", "start": 0, "end": len(quote), "purpose": ""}  # fmt: skip


def unlaid(rows: list[dict]):
    """The baseline: the same figure with the layout replaced by random positions."""
    real = network.layout
    rnd = random.Random(1)
    network.layout = lambda g: {n: (rnd.random() * 20, rnd.random() * 10) for n in g.nodes}  # type: ignore[assignment]
    try:
        return network.figure(rows)
    finally:
        network.layout = real


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def browser_ms(figures: dict[str, object], repeat: int) -> dict[str, float]:
    """Median milliseconds for Plotly.newPlot of each figure in Chromium (plotly.js already loaded)."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    page_file = folder / "draw.html"
    page_file.write_text(f"<html><head><script>{get_plotlyjs()}</script></head><body><div id=g></div></body></html>")
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.as_uri())
        for name, fig in figures.items():
            spec = json.loads(fig.to_json())  # type: ignore[attr-defined]
            runs = page.evaluate(
                """([spec, repeat]) => { const times = [];
                   for (let i = 0; i < repeat; i++) { const div = document.getElementById('g'); Plotly.purge(div);
                     const t = performance.now(); Plotly.newPlot(div, spec.data, spec.layout);
                     times.push(performance.now() - t); }
                   return times; }""",
                [spec, repeat],
            )
            out[name] = statistics.median(runs)
        browser.close()
    shutil.rmtree(folder, ignore_errors=True)
    return out


def report_size() -> float:
    """MB of the evaluation page for a report of 100 questions (the page carries plotly.js)."""
    queries = [
        {"id": f"q{i}", "question": f"Question {i}?", "answer": "An answer. " * 20, "citations": [], "refused": False,
         "sources": ["a"], "expect": [["x"]], "checks": {"facts": i % 4 != 0, "citations_ok": True,
                                                        "refusal_ok": True, "article_rank": 1, "evidence": True}}
        for i in range(100)
    ]  # fmt: skip
    summary = {"queries": 100, "answerable": 100, "k": 4, "hit_at_1": 0.8, "mrr": 0.85, "answer_p50_ms": 40.0}
    return len(eval_page.report_page({"summary": summary, "queries": queries}).encode()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="30,300")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    result: dict = {"networks": {}}
    for size in (int(s) for s in args.sizes.split(",")):
        rows = generated(size)
        build_ms, fig = timed(lambda rows=rows: network.figure(rows), args.repeat)
        base_ms, base = timed(lambda rows=rows: unlaid(rows), args.repeat)
        figures[f"{size}"], figures[f"{size} baseline"] = fig, base
        result["networks"][size] = {
            "links": len(rows), "figure_ms": round(build_ms, 1), "baseline_figure_ms": round(base_ms, 1),
            "figure_kb": round(len(fig.to_json()) / 1e3, 1),  # type: ignore[attr-defined]
        }  # fmt: skip
    drawn = browser_ms(figures, args.repeat)
    for size, figs in result["networks"].items():
        figs["browser_ms"], figs["baseline_browser_ms"] = (
            round(drawn[f"{size}"], 1),
            round(drawn[f"{size} baseline"], 1),
        )
    result["report_mb"] = round(report_size(), 2)
    if args.json:
        print(json.dumps(result))
        return
    print("organisations  links  figure ms (baseline)  drawn in Chromium ms (baseline)  figure kB")
    for size, f in result["networks"].items():
        print(f"{size:>13}  {f['links']:>5}  {f['figure_ms']:>9} ({f['baseline_figure_ms']})"
              f"  {f['browser_ms']:>22} ({f['baseline_browser_ms']})  {f['figure_kb']:>9}")  # fmt: skip
    print(f"evaluation page of 100 questions: {result['report_mb']} MB (plotly.js inline, opens offline)")


if __name__ == "__main__":
    main()
