"""Fit the offline model's Calibration (answer/models/offline.py) on question sets that are NOT used to
report quality: a grid over where sentence meaning starts and stops counting, its weight against word
overlap, and the evidence below which the model refuses. Prints the best settings, best first.

    uv run python benchmarks/calibrate.py [--queries eval/calibration_queries.yaml ...]

Objective: answerable questions answered with every expected fact, plus unanswerable ones refused
(weighted 1.5: a wrong answer costs more than a refusal).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval import merged_corpus

from assistant.answer.citations import check
from assistant.answer.models import REFUSAL_TOKEN
from assistant.answer.models.offline import Calibration, compose_answer, parse_prompt
from assistant.config import Settings
from assistant.core import Assistant
from assistant.evaluation.metrics import facts_found

GRID = {
    "sim_floor": [0.74],
    "sim_full": [0.90],
    "meaning_weight": [0.5],
    "min_relevance": [0.5, 0.55, 0.6],
    "cross_shift": [-0.04, -0.02, 0.0, 0.02],
    "cyrillic_shift": [0.0, 0.02, 0.04],
    "answer_weight": [0.4, 0.5],
    "article_weight": [0.15, 0.25],
}


def prepared(assistant: Assistant, queries: list[dict]) -> list[tuple]:
    """Per question: (query, run, prompt question, prompt passages, cached meaning)."""
    chain = assistant.chain
    out = []
    for q in queries:
        run = chain._start(q["question"], q.get("history") or [], None)
        run.standalone = chain._condense(run)
        run.passages = chain._retrieve(run)
        question, passages = parse_prompt(str(chain._messages(run)[-1].content))
        cache: dict[tuple, list] = {}

        def meaning(text, sentences, _cache=cache, _m=chain.meaning):
            key = (text, tuple(sentences))
            if key not in _cache:
                _cache[key] = _m(text, sentences)
            return _cache[key]

        out.append((q, run, question, passages, meaning))
    return out


def judge(items, cal: Calibration, max_sentences: int) -> tuple[int, int, int, int, list[str]]:
    correct = refused_ok = answerable = unanswerable = 0
    misses = []
    for q, run, question, passages, meaning in items:
        raw = compose_answer(question, passages, max_sentences, meaning, cal)
        answered = REFUSAL_TOKEN not in raw and raw.strip()
        checked = check(raw, run.passages, run.question) if answered else None
        answered = bool(checked and checked.citations)
        if q["sources"]:
            answerable += 1
            ok = answered and facts_found(checked.text, q["expect"])
            correct += bool(ok)
        else:
            unanswerable += 1
            ok = not answered
            refused_ok += bool(ok)
        if not ok:
            misses.append(q["id"])
    return correct, answerable, refused_ok, unanswerable, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--queries", action="append")
    ap.add_argument("--corpus", action="append", help="article folder (repeatable; default: seeds)")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    files = args.queries or ["eval/calibration_queries.yaml"]
    queries = [q for f in files for q in yaml.safe_load(Path(f).read_text())["queries"]]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = merged_corpus(args.corpus or ["seeds"], Path(tmp) / "corpus")
        assistant = Assistant(Settings(corpus_dir=corpus, store_dir=Path(tmp) / "store"))
        assistant.ingest()
        items = prepared(assistant, queries)
        rows = []
        for values in itertools.product(*GRID.values()):
            cal = Calibration(**dict(zip(GRID, values, strict=True)))
            if cal.sim_full <= cal.sim_floor:
                continue
            c, a, r, u, misses = judge(items, cal, assistant.settings.max_sentences)
            rows.append((c + 1.5 * r, c, a, r, u, cal, misses))
        rows.sort(key=lambda row: -row[0])
        print(f"{len(queries)} questions from {', '.join(files)}; current: {Calibration()}")
        c, a, r, u, misses = judge(items, Calibration(), assistant.settings.max_sentences)
        print(f"current: answered right {c}/{a}, unanswerable refused {r}/{u}; misses {' '.join(misses)}\n")
        for score, c, a, r, u, cal, misses in rows[: args.top]:
            print(f"{score:6.1f}  answered right {c}/{a}  refused {r}/{u}  {cal}  misses {' '.join(misses)}")


if __name__ == "__main__":
    main()
