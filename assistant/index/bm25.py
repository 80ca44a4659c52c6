"""The BM25 side of hybrid retrieval (bm25s): build, search, and atomic save/load beside the store.

BM25 sees every passage with its article's title and lead (first words of the article), so a
passage that names only "the project" still matches what its article is about (a cheap form of
"contextual chunk headers"). The embedder sees title + passage only: the lead would blur passages.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np

from ..records import embed_text
from ..text.script import mostly_cyrillic
from ..text.tokens import lexical_terms

# Bump when what BM25 indexes changes (the tokenizer, or bm25_text below): saved indexes of another
# version are rebuilt when opened.
VERSION = "7"  # 5: Cyrillic stems cut to 7 letters + glossary English; 6: -ise meets -ize; 7: question words
LEAD_WORDS = 40
WEAK_SCRIPT = 0.5


def fingerprint(ids) -> str:
    """Identifies a set of chunk ids (which encode content), so BM25 can tell it is in step."""
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


def bm25_text(title: str, lead: str, text: str) -> str:
    """What BM25 indexes for one passage: title, the article's lead (passages after the first), text."""
    return embed_text(title, f"{lead}\n{text}".strip())


def article_lead(first_passage: str) -> str:
    return " ".join(first_passage.split()[:LEAD_WORDS])


class BM25Index:
    """BM25 over passage texts, addressed by chunk id."""

    def __init__(self, ids: list[str], retriever, fingerprint: str, scripts: list[str], version: str = VERSION) -> None:
        self.ids = ids
        self.scripts = dict(zip(ids, scripts, strict=True))  # "cyrillic" or "latin", for `normalised`
        self.fingerprint = fingerprint
        self.version = version
        self._retriever = retriever
        self._position = {cid: i for i, cid in enumerate(ids)}

    @classmethod
    def build(cls, ids: list[str], texts: list[str], fingerprint: str) -> BM25Index:
        import bm25s

        retriever = bm25s.BM25()
        corpus = [lexical_terms(t) or ["\u2205"] for t in texts]  # an empty document still needs a token
        if ids:
            retriever.index(corpus, show_progress=False)
        scripts = ["cyrillic" if mostly_cyrillic(t) else "latin" for t in texts]
        return cls(list(ids), retriever, fingerprint, scripts)

    def save(self, folder: Path) -> None:
        """Write atomically: a half-written index is never read back."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder.with_name(folder.name + ".tmp")
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self._retriever.save(str(tmp), show_progress=False)
        meta = {
            "fingerprint": self.fingerprint,
            "version": self.version,
            "ids": self.ids,
            "scripts": [self.scripts[i] for i in self.ids],
        }
        (tmp / "ids.json").write_text(json.dumps(meta))
        old = folder.with_name(folder.name + ".old")
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> BM25Index | None:
        """The saved index, or None when there is none or it cannot be read."""
        import bm25s

        try:
            meta = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder), show_progress=False) if meta["ids"] else bm25s.BM25()
            scripts = meta.get("scripts") or ["latin"] * len(meta["ids"])  # older versions are rebuilt anyway
            return cls(meta["ids"], retriever, meta["fingerprint"], scripts, meta.get("version", "1"))
        except (OSError, ValueError, KeyError):
            return None

    def search(self, query: str, n: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Up to n (chunk id, BM25 score) pairs with a positive score, best first."""
        if not self.ids:
            return []
        vocab = self._retriever.vocab_dict
        token_ids = [vocab[t] for t in lexical_terms(query) if t in vocab]
        if not token_ids:
            return []
        scores = self._retriever.get_scores_from_ids(token_ids)
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._position[c] for c in allowed if c in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        n = min(n, len(self.ids))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def normalised(self, hits: list[tuple[str, float]]) -> dict[str, float]:
        """Scores in [0, 1]: each divided by the best among passages in the same script.

        BM25 scores are comparable only within one language's vocabulary: an English question meets a
        Russian passage through names and numbers alone, so the best such passage counts as a full match
        among its kind (unless its kind's best is under half the best of all), and the dense side decides
        between languages.
        """
        best: dict[str, float] = {}
        for cid, score in hits:
            best[self.scripts[cid]] = max(best.get(self.scripts[cid], 0.0), score)
        top = max(best.values(), default=1.0)
        # A script whose best match is far weaker than the best of all (a Kazakh sentence meets an English
        # passage through one shared name) gets proportionally less: full credit down to half the top.
        weight = {script: min(1.0, b / (WEAK_SCRIPT * top)) for script, b in best.items()}
        return {cid: score / best[self.scripts[cid]] * weight[self.scripts[cid]] for cid, score in hits}
