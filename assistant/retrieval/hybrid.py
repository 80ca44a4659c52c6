"""Query → ranked Passages: dense (Chroma) and BM25 fused by reciprocal rank fusion."""

from __future__ import annotations

import numpy as np

from ..index.news_index import NewsIndex
from ..records import Passage
from ..text.crosslingual import english_for_matching
from .filters import Filters

RRF_K = 60  # the usual constant of reciprocal rank fusion


class Retriever:
    """Hybrid search over the index; returns our Passage type, never Chroma's."""

    def __init__(self, index: NewsIndex, embedder, k: int = 4, candidates: int = 30) -> None:
        self.index = index
        self.embedder = embedder
        self.k = k
        self.candidates = candidates

    def search(
        self, query: str, k: int | None = None, filters: Filters | None = None, max_per_article: int | None = None
    ) -> list[Passage]:
        """The top-k passages for the query, best first; `max_per_article` spreads them over articles."""
        k = k or self.k
        n = max(self.candidates, 3 * k)
        where = filters.where() if filters else None
        bm25 = self.index.refresh()  # follows ingests by other processes
        store = self.index.store
        # The English embedding model reads Cyrillic poorly: it gets an English rendering instead,
        # and BM25 gets both (the tokenizer matches names across scripts).
        dense_query = english_for_matching(query)
        qvec = self.embedder.embed([dense_query])[0]
        dense = store.dense(qvec, n, where)
        allowed = store.ids_where(where) if where else None
        lexical_query = f"{query} {dense_query}" if dense_query != query else query
        lexical = bm25.search(lexical_query, n, allowed)

        fused: dict[str, float] = {}
        for ranking in ([cid for cid, *_ in dense], [cid for cid, _ in lexical]):
            for rank, cid in enumerate(ranking, start=1):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
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
