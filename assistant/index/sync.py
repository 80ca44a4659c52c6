"""Ingest: make the index hold exactly the corpus's passages, embedding only what is new.

Sync is incremental and idempotent: it compares the corpus with what the store actually holds
(not with a manifest), so an interrupted run is repaired by the next one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..errors import CorpusError, IndexBusyError
from ..records import Chunk
from ..text.sentences import answerable_sentences, sentence_key
from .chunking import ChunkedCorpus
from .news_index import NewsIndex
from .store import PAGE


@dataclass
class SyncReport:
    articles: int = 0
    chunks: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    embedded: int = 0
    sentences: int = 0  # sentence vectors embedded
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@contextmanager
def ingest_lock(store_dir: Path) -> Iterator[None]:
    """One ingest at a time per store folder (across processes)."""
    from filelock import FileLock, Timeout

    store_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(store_dir / ".ingest.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise IndexBusyError(
            f"another ingest is running on {store_dir}", "wait for it to finish, then try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


@dataclass
class _Plan:
    embed: list[tuple[Chunk, str]]  # (chunk, signature) to embed and write
    update: list[tuple[Chunk, str]]  # metadata-only changes
    delete: list[str]


def _nothing_changed(index: NewsIndex, corpus: ChunkedCorpus, signature: str, passages: int) -> bool:
    """The store finished its last sync of exactly these articles: no need to read every passage's record.

    Article records are written after their passages and the state turns "ready" only after all writes, so
    a ready store whose article records carry this corpus's signatures (and as many passages as it cuts)
    holds these passages. Anything else, a skipped file included, takes the full comparison.
    """
    if corpus.skipped or index.store.identity().state != "ready" or index.store.sentences_collection() is None:
        return False
    want = {a.id: f"{a.content_hash}/{signature}" for a in corpus.articles}
    have = {aid: meta.get("signature") for aid, meta in index.store.stored_articles().items()}
    return have == want and index.store.count() == passages


def _plan(index: NewsIndex, corpus: ChunkedCorpus, signature: str, report: SyncReport) -> _Plan:
    by_article: dict[str, dict[str, dict]] = {}
    for cid, (meta, _) in index.store.stored().items():
        by_article.setdefault(str(meta.get("article", "")), {})[cid] = meta
    plan = _Plan([], [], [])
    for article in corpus.articles:
        sig = f"{article.content_hash}/{signature}"
        expected = {c.id: c for c in corpus.chunks[article.id]}
        report.chunks += len(expected)
        have = by_article.pop(article.id, {})
        if set(have) == set(expected) and all(m.get("signature") == sig for m in have.values()):
            report.unchanged += 1
            continue
        if have:
            report.updated += 1
        else:
            report.added += 1
        for cid, chunk in expected.items():
            (plan.update if cid in have else plan.embed).append((chunk, sig))
        plan.delete.extend(cid for cid in have if cid not in expected)
    keep = {s.path.stem for s in corpus.skipped}  # unreadable this time: their stored chunks stay
    for article_id, have in by_article.items():
        if article_id not in keep:
            report.deleted += 1
            plan.delete.extend(have)
    return plan


ARTICLE_BATCH = 50  # articles whose record is written per Chroma call


def _sync_articles(index: NewsIndex, corpus: ChunkedCorpus, signature: str) -> None:
    """Whole-article records (text, metadata, mean of the chunk vectors) in step with the corpus."""
    have = index.store.stored_articles()
    todo = [a for a in corpus.articles if have.get(a.id, {}).get("signature") != f"{a.content_hash}/{signature}"]
    for b in range(0, len(todo), ARTICLE_BATCH):
        batch = todo[b : b + ARTICLE_BATCH]
        rows = index.store.get([c.id for a in batch for c in corpus.chunks[a.id]])
        vectors = []
        for a in batch:
            mean = np.mean([np.asarray(rows[c.id][2], dtype=np.float32) for c in corpus.chunks[a.id]], axis=0)
            vectors.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        index.store.upsert_articles(batch, np.asarray(vectors), [f"{a.content_hash}/{signature}" for a in batch])
    keep = {a.id for a in corpus.articles} | {s.path.stem for s in corpus.skipped}
    index.store.delete_articles([aid for aid in have if aid not in keep])


SENTENCE_BATCH = 64  # sentences embedded and written per step


def _sync_sentences(index: NewsIndex, embedder, corpus: ChunkedCorpus, progress: bool) -> int:
    """Sentence vectors (for the answer step's judgement by meaning) for exactly the passages' sentences."""
    from tqdm import tqdm

    index.store.adopt_legacy_sentences()  # an index of the earlier layout keeps its vectors
    wanted: dict[str, str] = {}
    for chunks in corpus.chunks.values():
        for chunk in chunks:
            for s in answerable_sentences(chunk.text):
                wanted.setdefault(sentence_key(s), s)
    have = index.store.stored_sentence_ids()
    # by length, so each batch pads little (the model is padded to the longest sentence of a batch)
    todo = sorted(((key, text) for key, text in wanted.items() if key not in have), key=lambda kt: len(kt[1]))
    bar = tqdm(total=len(todo), unit="sentence", desc="Sentences", disable=not progress, leave=False)
    for b in range(0, len(todo), SENTENCE_BATCH):
        batch = todo[b : b + SENTENCE_BATCH]
        vectors = embedder.embed([text for _, text in batch])
        index.store.upsert_sentences([key for key, _ in batch], vectors)
        bar.update(len(batch))
    bar.close()
    stale = [key for key in have if key not in wanted]
    for b in range(0, len(stale), PAGE):
        index.store.delete_sentences(stale[b : b + PAGE])
    return len(todo)


def sync(index: NewsIndex, embedder, corpus: ChunkedCorpus, signature: str, progress: bool = False) -> SyncReport:
    """Make the store hold exactly these articles' chunks; returns what changed."""
    from tqdm import tqdm

    started = time.perf_counter()
    if not corpus.articles and not corpus.skipped:
        raise CorpusError(
            "the corpus has no usable article; the index was left as it was",
            "add article files (.txt, .md, .html) to the corpus folder",
        )
    index.store.collection(create=True)
    report = SyncReport(articles=len(corpus.articles))
    passages = sum(len(c) for c in corpus.chunks.values())
    if _nothing_changed(index, corpus, signature, passages):
        report.chunks = passages
        report.unchanged = len(corpus.articles)
        index.refresh()  # BM25 is still checked, and rebuilt if out of step
        report.seconds = round(time.perf_counter() - started, 3)
        return report
    plan = _plan(index, corpus, signature, report)
    if not (plan.embed or plan.update or plan.delete):
        _sync_articles(index, corpus, signature)  # also fills it in for indexes built before it existed
        if index.store.sentences_collection() is None:  # likewise the sentence vectors
            report.sentences = _sync_sentences(index, embedder, corpus, progress)
        if index.store.identity().state == "ready":
            index.refresh()  # BM25 is still checked, and rebuilt if out of step
        else:  # a run killed after its last write: only the final step is missing
            index.finished_sync(index.rebuild_bm25())
        report.seconds = round(time.perf_counter() - started, 3)
        return report
    index.store.set_state("syncing", "")  # until the end: readers keep their last good state
    bar = tqdm(total=len(plan.embed), unit="chunk", desc="Embedding", disable=not progress, leave=False)
    step = 8 * max(getattr(embedder, "batch_size", 4), 1)  # a stop loses at most one step of work
    for b in range(0, len(plan.embed), step):
        batch = plan.embed[b : b + step]
        vectors = embedder.embed([c.embed_text for c, _ in batch])
        index.store.upsert([c for c, _ in batch], vectors, [s for _, s in batch])
        report.embedded += len(batch)
        bar.update(len(batch))
    bar.close()
    for b in range(0, len(plan.update), PAGE):
        batch = plan.update[b : b + PAGE]
        index.store.update_metadata([c for c, _ in batch], [s for _, s in batch])
    for b in range(0, len(plan.delete), PAGE):
        index.store.delete(plan.delete[b : b + PAGE])
    _sync_articles(index, corpus, signature)
    report.sentences = _sync_sentences(index, embedder, corpus, progress)
    index.finished_sync(index.rebuild_bm25())
    report.seconds = round(time.perf_counter() - started, 3)
    return report
