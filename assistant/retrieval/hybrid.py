"""Query → ranked Passages: dense (Chroma) and BM25, their scores scaled to [0, 1] and averaged.

Score fusion rather than reciprocal rank fusion: a rank says nothing of how good a match is, so RRF
lifts whatever both sides list above a passage only one side can read (an English question about a
Russian article: BM25 sees only names and numbers there, and lists English passages for the
question's common words). Dense similarities are scaled min-max over the candidates; BM25 scores by
the best in the same script (see BM25Index.normalised). The sides weigh the same.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..index.news_index import NewsIndex
from ..records import Passage
from ..text.crosslingual import english_for_matching
from ..text.sentences import sentence_key
from .filters import Filters

SIDES = ("dense", "lexical")
QUERY_CACHE = 256


class Retriever:
    """Hybrid search over the index; returns our Passage type, never Chroma's."""

    def __init__(self, index: NewsIndex, embedder, k: int = 4, candidates: int = 30) -> None:
        self.index = index
        self.embedder = embedder
        self.k = k
        self.candidates = candidates
        # The question's vector, shared by the search and the answer step's sentence judgement.
        self.query_vector = lru_cache(maxsize=QUERY_CACHE)(self._query_vector)

    def _query_vector(self, query: str) -> np.ndarray:
        # An English-only embedding model reads Cyrillic poorly: it gets an English rendering instead.
        text = query if self.embedder.multilingual else english_for_matching(query)
        return self.embedder.embed_query([text])[0]

    def search(
        self,
        query: str,
        k: int | None = None,
        filters: Filters | None = None,
        max_per_article: int | None = None,
        sides: tuple[str, ...] = SIDES,
    ) -> list[Passage]:
        """The top-k passages for the query, best first; `max_per_article` spreads them over articles.

        `sides` chooses the rankings fused (benchmarks compare each side alone with the fusion).
        """
        k = k or self.k
        n = max(self.candidates, 3 * k)
        where = filters.where() if filters else None
        bm25 = self.index.refresh()  # follows ingests by other processes
        store = self.index.store
        qvec = self.query_vector(query)
        dense = store.dense(qvec, n, where)
        allowed = store.ids_where(where) if where else None
        lexical = bm25.search(query, n, allowed)  # the tokenizer carries Cyrillic words' English and Latin letters

        scaled = {"dense": _min_max({cid: sim for cid, _, _, sim in dense}), "lexical": bm25.normalised(lexical)}
        fused: dict[str, float] = {}
        for side in sides:
            for cid, score in scaled[side].items():
                fused[cid] = fused.get(cid, 0.0) + score / len(sides)
        ranked = sorted(fused, key=lambda c: -fused[c])
        top = ranked[:k] if not max_per_article else self._spread(ranked, k, max_per_article)

        rows = {cid: (doc, meta, sim) for cid, doc, meta, sim in dense}
        missing = [cid for cid in top if cid not in rows]
        for cid, (doc, meta, emb) in store.get(missing).items():
            rows[cid] = (doc, meta, float(np.dot(qvec, np.asarray(emb, dtype=np.float32))))
        bm25_scores = dict(lexical)
        passages = []
        for cid in top:
            doc, meta, sim = rows[cid]
            passages.append(
                Passage(
                    article=meta["article"],
                    chunk=int(meta["chunk"]),
                    chunk_id=cid,
                    text=doc,
                    title=meta.get("title", ""),
                    date=meta.get("date") or None,
                    start=int(meta["start"]),
                    end=int(meta["end"]),
                    score=fused[cid],
                    dense=round(sim, 6),
                    bm25=bm25_scores.get(cid),
                )
            )
        return passages

    def _spread(self, ranked: list[str], k: int, cap: int) -> list[str]:
        """The best k ids with at most `cap` from any one article (chunk ids start with the article id)."""
        taken: dict[str, int] = {}
        top: list[str] = []
        for cid in ranked:
            article = cid.rsplit(":", 1)[0]
            if taken.get(article, 0) < cap:
                top.append(cid)
                taken[article] = taken.get(article, 0) + 1
            if len(top) == k:
                break
        return top


def _min_max(scores: dict[str, float]) -> dict[str, float]:
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    return {cid: (s - lo) / (hi - lo) if hi > lo else 1.0 for cid, s in scores.items()}


class Meaning:
    """How close each sentence is in meaning to a question: cosines of the stored sentence vectors.

    The answer step's judge beside word overlap (see answer/models/offline.py). Sentences the index
    holds no vector for (an index built before sentence vectors, another splitter) come back as None.
    """

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever

    def __call__(self, question: str, sentences: list[str]) -> list[float | None]:
        keys = [sentence_key(s) for s in sentences]
        vectors = self.retriever.index.store.sentence_vectors(list(dict.fromkeys(keys)))
        if not vectors:
            return [None] * len(sentences)
        q = self.retriever.query_vector(question)
        return [float(vectors[k] @ q) if k in vectors else None for k in keys]
