"""How well the offline model's refusal evidence tells an answer from a near miss, per question set.

    uv run python benchmarks/separability.py [SET_NAME_PART ...]

For each answerable question: the relevance (words and meaning, what the refusal threshold reads) and
the cosine of the best passage sentence that holds an expected fact. For each unanswerable question:
the relevance of the sentence the model would answer with, and the highest cosine of any sentence.
Printed: ROC AUC of each (1.0: some threshold separates them perfectly; 0.5: no better than chance),
and how many answer sentences fall below the threshold or below the best near miss.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answers import SETS
from retrieval import merged_corpus

from assistant.answer.models.offline import CALIBRATION, _Passage, score_sentences
from assistant.config import Settings
from assistant.core import Assistant
from assistant.evaluation.queries import load_queries


def auc(pos: list[float], neg: list[float]) -> float:
    pairs = [(p > n) + 0.5 * (p == n) for p in pos for n in neg]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def measure(assistant: Assistant, path: str) -> str:
    meaning = assistant.chain_for("offline").meaning
    pos: list[tuple[float, float]] = []
    neg: list[tuple[float, float]] = []
    for q in load_queries(Path(path)):
        answer = assistant.ask(q.question, q.history)
        passages = [_Passage(i, p.title, p.text) for i, p in enumerate(answer.passages, start=1)]
        _, scored = score_sentences(answer.standalone_question, passages, meaning)
        if not scored:
            continue
        if q.answerable:
            holding = [s for s in scored if any(any(alt.lower() in s.sentence.lower() for alt in g) for g in q.expect)]
            if holding:
                pos.append((max(s.relevance for s in holding), max(s.sim or 0.0 for s in holding)))
        else:
            neg.append((scored[0].relevance, max(s.sim or 0.0 for s in scored)))
    floor = CALIBRATION.min_relevance
    worst = max((n[0] for n in neg), default=1.0)
    return (
        f"{Path(path).stem:34} answers {len(pos):3}  near misses {len(neg):3}  "
        f"AUC relevance {auc([p[0] for p in pos], [n[0] for n in neg]):.3f}  "
        f"AUC cosine {auc([p[1] for p in pos], [n[1] for n in neg]):.3f}  "
        f"answers below {floor}: {sum(p[0] < floor for p in pos)}  near misses at or above: "
        f"{sum(n[0] >= floor for n in neg)}  answers below the best near miss ({worst:.2f}): "
        f"{sum(p[0] < worst for p in pos)}"
    )


def main() -> None:
    only = sys.argv[1:]
    for folders, paths in SETS.items():
        chosen = [p for p in paths if not only or any(o in p for o in only)]
        if not chosen:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            corpus = merged_corpus(list(folders), Path(tmp) / "corpus")
            assistant = Assistant(Settings(corpus_dir=corpus, store_dir=Path(tmp) / "store", llm="offline"))
            assistant.ingest()
            for path in chosen:
                print(measure(assistant, path), flush=True)


if __name__ == "__main__":
    main()
