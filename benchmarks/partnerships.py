"""The partnership table against a gold table, on real published news (issue 21).

    uv run python benchmarks/partnerships.py [--fails] [--holdout] [--json FILE]

The corpus (seeds + eval/real/dev/articles, or with --holdout the held-back articles too) is indexed into a
temporary store by the configured settings (ASSISTANT_LLM=openai … reads the articles with that LLM as
well), and the table scored by assistant/evaluation/partnerships.py: recall (gold partnerships a right row
shows) and precision (rows whose every party is a party of one gold partnership of their article).
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
from assistant.evaluation.partnerships import load_gold, score

DEV = (["seeds", "eval/real/dev/articles"], "eval/real/dev/partnerships.yaml")
HOLDOUT = (["seeds", "eval/real/dev/articles", "eval/real/holdout/articles"], "eval/real/holdout/partnerships.yaml")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fails", action="store_true", help="list missed partnerships and wrong rows")
    ap.add_argument("--holdout", action="store_true", help="score the held-back articles (once, at the end)")
    ap.add_argument("--json", type=Path, help="write the rows and the score here")
    args = ap.parse_args()
    folders, gold_file = HOLDOUT if args.holdout else DEV
    gold = load_gold(Path(gold_file))
    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(
            Settings(corpus_dir=merged_corpus(folders, Path(tmp) / "corpus"), store_dir=Path(tmp) / "s")
        )
        assistant.ingest()
        rows = assistant.partnerships().rows
        articles = {a.id for a in assistant.articles()}
    # the dev table covers every article indexed; the held-back one only the held-back articles
    judged = {p.stem for p in Path(folders[-1]).glob("*.txt")} if args.holdout else articles
    result = score(rows, gold, judged)
    s = result.summary()
    print(
        f"{Path(gold_file).parent.name} partnerships ({assistant.model_label}): recall {s['recall']:.3f} "
        f"({s['found']}/{s['gold']})  precision {s['precision']:.3f} ({s['right']}/{s['rows']})  "
        f"kind right {s['kind_right']}/{s['right']}  articles indexed {len(articles)}"
    )
    if args.fails:
        for g in result.missed:
            print("  missed:", g["article"], "|", " + ".join(p[0] for p in g["parties"]), "|", g["kind"])
        for r in result.wrong:
            print("  wrong: ", r["article"], "|", " + ".join(r["parties"]), "|", r["kind"], "|", r["quote"][:100])
    if args.json:
        args.json.write_text(
            json.dumps({"summary": s, "rows": rows, "missed": result.missed}, ensure_ascii=False, indent=1)
        )


if __name__ == "__main__":
    main()
