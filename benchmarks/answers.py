"""Answer quality of the configured model on every question set, each over its own corpus, in one run.

    uv run python benchmarks/answers.py [SET_NAME_PART ...] [--fails] [--json FILE]

The same runner as `assistant eval` (assistant/evaluation/runner.py); each corpus is indexed into a
temporary store. The calibration sets are printed for the record: they are fitted on
(benchmarks/calibrate.py), never reported as quality.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval import merged_corpus

from assistant.config import Settings
from assistant.core import Assistant
from assistant.evaluation.queries import load_queries
from assistant.evaluation.runner import run

SETS = {  # corpus folders → the sets asked over them
    ("seeds",): [
        "tests/data/dev_queries.yaml",
        "eval/heldout_queries.yaml",
        "eval/blind_queries.yaml",
        "eval/calibration_queries.yaml",
    ],
    ("seeds", "tests/data/multilingual"): ["eval/multilingual_queries.yaml"],
    ("seeds", "tests/data/calibration_articles"): ["eval/calibration_multilingual_queries.yaml"],
    ("seeds", "tests/data/multilingual_blind"): ["eval/blind_multilingual_queries.yaml"],
    ("seeds", "eval/real/dev/articles"): ["eval/real/dev/queries.yaml"],  # real published news (issue 21)
}
# The held-back third of the real articles and its blind set: asked only with --holdout, once, at the end.
HOLDOUT = {("seeds", "eval/real/dev/articles", "eval/real/holdout/articles"): ["eval/real/holdout/queries.yaml"]}


def line(name: str, report: dict) -> str:
    s = report["summary"]
    unanswerable = [q for q in report["queries"] if not q["sources"]]
    return (
        f"{name:36s} fact recall {s['fact_recall']:.3f}  answerable refused {s['false_refusals']:2d}"
        f"/{s['answerable']}  unanswerable refused {sum(q['refused'] for q in unanswerable)}/{len(unanswerable)}  "
        f"citation precision {s['citation_precision']:.3f}  answer p50 {s['answer_p50_ms']} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("only", nargs="*", help="run only the sets whose file name contains one of these")
    ap.add_argument("--fails", action="store_true", help="list the ids of failed questions")
    ap.add_argument("--json", type=Path, help="write every report here")
    ap.add_argument("--holdout", action="store_true", help="ask the held-back real-news set instead (once, at the end)")
    args = ap.parse_args()
    reports = {}
    for folders, files in (HOLDOUT if args.holdout else SETS).items():
        files = [f for f in files if not args.only or any(o in f for o in args.only)]
        if not files:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            corpus = merged_corpus(list(folders), Path(tmp) / "corpus")
            assistant = Assistant(Settings(corpus_dir=corpus, store_dir=Path(tmp) / "store"))
            assistant.ingest()
            for f in files:
                report = run(assistant, load_queries(Path(f)), assistant.settings.answer_k, {})
                reports[f] = report
                print(line(Path(f).stem, report), flush=True)
                if args.fails:
                    failed = [
                        q["id"]
                        for q in report["queries"]
                        if any(v is False for k, v in q["checks"].items() if k != "evidence")
                    ]
                    print("   failed:", " ".join(failed) or "none", flush=True)
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
