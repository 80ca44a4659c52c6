"""The Chroma collection and its BM25 twin, kept in step and shared by every thread of a process.

Another process may ingest (or rebuild) the same index at any time: `refresh` notices it from the
collection's state and fingerprint and starts serving the new index, without a restart.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .bm25 import VERSION, BM25Index, article_lead, bm25_text, fingerprint
from .store import ChromaStore, Identity


class NewsIndex:
    """Passages in Chroma (dense) and BM25 (lexical), addressed by the same chunk ids."""

    def __init__(self, settings, embedding_model: str) -> None:
        self.store = ChromaStore(settings, embedding_model)
        self.bm25_dir = Path(settings.store_dir) / "bm25" / settings.collection
        self._lock = threading.RLock()
        self._bm25: BM25Index | None = None
        self._serving: Identity | None = None  # the collection state the loaded BM25 and client belong to

    def refresh(self) -> BM25Index:
        """The BM25 index in step with the collection as it is now; follows other processes' ingests."""
        now = self.store.identity()  # one cheap read per search, outside the lock; IndexMissingError if none
        bm25 = self._bm25
        if bm25 is not None and (now == self._serving or now.state == "syncing"):
            return bm25  # unchanged, or another ingest is writing: serve the last good state
        with self._lock:  # one thread reloads; the others wait for it, then find it done
            now = self.store.identity()
            if self._bm25 is not None and (now == self._serving or now.state == "syncing"):
                return self._bm25
            if self._serving is not None:
                self.store.reconnect()  # a new client, which reads the vectors the other process wrote
                now = self.store.identity()
            saved = BM25Index.load(self.bm25_dir)
            if (
                saved is None
                or now.state != "ready"
                or saved.fingerprint != now.fingerprint
                or saved.version != VERSION
            ):
                saved = self.rebuild_bm25()
            self._bm25, self._serving = saved, now
            return saved

    def rebuild_bm25(self) -> BM25Index:
        """BM25 rebuilt from what the collection holds, and saved."""
        rows = self.store.stored(documents=True)
        leads = {m.get("article"): article_lead(doc or "") for m, doc in rows.values() if m.get("chunk") == 0}
        ids, texts = [], []
        for cid, (meta, doc) in rows.items():
            lead = leads.get(meta.get("article"), "") if meta.get("chunk") else ""  # chunk 0 holds it
            ids.append(cid)
            texts.append(bm25_text(str(meta.get("title", "")), lead, doc or ""))
        bm25 = BM25Index.build(ids, texts, fingerprint(ids))
        bm25.save(self.bm25_dir)
        return bm25

    def finished_sync(self, bm25: BM25Index) -> None:
        """This process's own ingest wrote the index: serve it without reconnecting."""
        with self._lock:
            self.store.set_state("ready", bm25.fingerprint)
            self._bm25, self._serving = bm25, self.store.identity()

    def drop(self) -> None:
        """Delete the collection and its BM25 twin (for --rebuild)."""
        import shutil

        with self._lock:
            self.store.drop()
            shutil.rmtree(self.bm25_dir, ignore_errors=True)
            self._bm25, self._serving = None, None
