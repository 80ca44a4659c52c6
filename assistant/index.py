"""The Chroma collection and the BM25 index, kept in step. The only module that imports chromadb.

Sync is incremental and idempotent: it compares the corpus with what the store
actually holds (not with a manifest), so an interrupted run is repaired by the next.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

from .errors import CorpusError, EmbeddingMismatchError, IndexMissingError, StoreUnavailableError
from .lexical import LEXICAL_VERSION, LexicalIndex
from .types import Article, Chunk, embed_text

PAGE = 2000  # rows per Chroma get/upsert call
# BM25 sees every passage with its article's title and lead (first words of the article), so a passage
# that names only "the project" still matches the seminar its article is about (a cheap form of
# "contextual chunk headers"). The embedder sees title + passage only: the lead would blur passages.
LEAD_WORDS = 40


@dataclass
class SyncReport:
    articles: int = 0
    chunks: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    embedded: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def fingerprint(ids) -> str:
    """Identifies a set of chunk ids (which encode content), so BM25 can tell it is in step."""
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


def date_ord(date: str | None) -> int:
    return int(date.replace("-", "")) if date else 0


def _chunk_metadata(chunk: Chunk, signature: str) -> dict:
    return {
        "article": chunk.article, "chunk": chunk.index, "start": chunk.start, "end": chunk.end,
        "title": chunk.title, "date": chunk.date or "", "date_ord": date_ord(chunk.date), "signature": signature,
    }


class VectorIndex:
    """The news collection in Chroma (embedded or server) plus its BM25 twin."""

    def __init__(self, settings, embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self._client = None
        self._collection = None
        self._lexical: LexicalIndex | None = None

    # -- connection ---------------------------------------------------------------------------
    @property
    def where(self) -> str:
        return self.settings.chroma_url or str(Path(self.settings.store_dir) / "chroma")

    @property
    def client(self):
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            if self.settings.chroma_url:
                url = urlparse(self.settings.chroma_url)
                if not url.hostname:
                    raise StoreUnavailableError(
                        f"ASSISTANT_CHROMA_URL={self.settings.chroma_url!r} is not a URL; write e.g. http://127.0.0.1:8000"
                    )
                try:
                    client = chromadb.HttpClient(
                        host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                        ssl=url.scheme == "https", settings=chroma_settings,
                    )
                    client.heartbeat()
                except Exception as e:  # chromadb raises several types for a dead server
                    raise StoreUnavailableError(
                        f"Chroma server at {self.settings.chroma_url} is not reachable ({e.__class__.__name__}); "
                        "start it (chroma run --path DIR --port PORT) or unset ASSISTANT_CHROMA_URL"
                    ) from None
            else:
                try:
                    client = chromadb.PersistentClient(path=self.where, settings=chroma_settings)
                except Exception as e:  # a damaged or foreign folder: never delete it for the user
                    raise StoreUnavailableError(
                        f"the index folder {self.where} cannot be opened ({str(e).splitlines()[0][:120]}); "
                        "move it away and run: uv run assistant ingest"
                    ) from None
            self._client = client
        return self._client

    @property
    def lexical_dir(self) -> Path:
        return Path(self.settings.store_dir) / "bm25" / self.settings.collection

    def _open(self, create: bool):
        if self._collection is not None:
            return self._collection
        name = self.settings.collection
        from chromadb.errors import NotFoundError

        try:
            col = self.client.get_collection(name, embedding_function=None)
        except NotFoundError:
            if not create:
                raise IndexMissingError(
                    f"no index '{name}' in {self.where}; build it with: uv run assistant ingest"
                ) from None
            col = self.client.create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": self.embedder.name, "state": "new", "fingerprint": ""},
            )
        built_with = (col.metadata or {}).get("embedding_model")
        if built_with and built_with != self.embedder.name:
            raise EmbeddingMismatchError(
                f"the index in {self.where} was built with embedding model '{built_with}', but "
                f"'{self.embedder.name}' is configured; rebuild it with: uv run assistant ingest --rebuild "
                "(or set ASSISTANT_EMBEDDING back)"
            )
        self._collection = col
        return col

    def _set_state(self, state: str, fp: str) -> None:
        col = self._open(create=False)
        meta = {**(col.metadata or {}), "embedding_model": self.embedder.name, "state": state, "fingerprint": fp}
        col.modify(metadata=meta)

    # -- reading ------------------------------------------------------------------------------
    def stored(self, include=("metadatas",)) -> dict[str, dict]:
        """Every stored chunk id → {"metadata": …, "document": …} as requested."""
        col = self._open(create=False)
        rows: dict[str, dict] = {}
        offset = 0
        while True:
            page = col.get(include=list(include), limit=PAGE, offset=offset)
            for i, cid in enumerate(page["ids"]):
                rows[cid] = {
                    "metadata": page["metadatas"][i] if page.get("metadatas") else None,
                    "document": page["documents"][i] if page.get("documents") else None,
                }
            if len(page["ids"]) < PAGE:
                return rows
            offset += PAGE

    def count(self) -> int:
        return self._open(create=False).count()

    # -- writing ------------------------------------------------------------------------------
    def sync(self, articles: list[Article], chunks: dict[str, list[Chunk]], signature: str,
             keep: set[str] = frozenset(), progress: bool = False) -> SyncReport:
        """Make the store hold exactly these articles' chunks, embedding only what is new.

        `keep` names articles whose files could not be read this time: their stored chunks stay.
        """
        from tqdm import tqdm

        started = time.perf_counter()
        if not articles and not keep:
            raise CorpusError("the corpus has no usable article; the index was left as it was")
        col = self._open(create=True)
        by_article: dict[str, dict[str, dict]] = {}
        for cid, row in self.stored().items():
            meta = row["metadata"] or {}
            by_article.setdefault(meta.get("article", ""), {})[cid] = meta

        report = SyncReport(articles=len(articles))
        to_embed: list[tuple[Chunk, str]] = []
        to_update: list[tuple[Chunk, str]] = []
        to_delete: list[str] = []
        for article in articles:
            sig = f"{article.content_hash}/{signature}"
            expected = {c.id: c for c in chunks[article.id]}
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
                (to_update if cid in have else to_embed).append((chunk, sig))
            to_delete.extend(cid for cid in have if cid not in expected)
        for article_id, have in by_article.items():
            if article_id in keep:
                continue
            report.deleted += 1
            to_delete.extend(have)

        if not (to_embed or to_update or to_delete):
            self.lexical()  # nothing to write; BM25 is still checked, and rebuilt if out of step
            report.seconds = round(time.perf_counter() - started, 3)
            return report
        self._set_state("syncing", "")  # until the end: search rebuilds BM25 from what the store holds
        bar = tqdm(total=len(to_embed), unit="chunk", desc="Embedding", disable=not progress, leave=False)
        step = 8 * max(getattr(self.embedder, "batch_size", 4), 1)  # a stop loses at most one step of work
        for b in range(0, len(to_embed), step):
            batch = to_embed[b : b + step]
            vectors = self.embedder.embed([c.embed_text for c, _ in batch])
            col.upsert(
                ids=[c.id for c, _ in batch], embeddings=vectors.tolist(), documents=[c.text for c, _ in batch],
                metadatas=[_chunk_metadata(c, sig) for c, sig in batch],
            )
            report.embedded += len(batch)
            bar.update(len(batch))
        bar.close()
        for b in range(0, len(to_update), PAGE):
            batch = to_update[b : b + PAGE]
            col.update(ids=[c.id for c, _ in batch], metadatas=[_chunk_metadata(c, sig) for c, sig in batch])
        for b in range(0, len(to_delete), PAGE):
            col.delete(ids=to_delete[b : b + PAGE])

        self._lexical = self._rebuild_lexical()
        self._set_state("ready", self._lexical.fingerprint)
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def drop(self) -> None:
        """Delete the collection and its BM25 twin (for --rebuild)."""
        from chromadb.errors import NotFoundError

        try:
            self.client.delete_collection(self.settings.collection)
        except NotFoundError:
            pass  # nothing to delete
        self._collection = None
        self._lexical = None
        import shutil

        shutil.rmtree(self.lexical_dir, ignore_errors=True)

    # -- searching ----------------------------------------------------------------------------
    def _rebuild_lexical(self) -> LexicalIndex:
        rows = self.stored(include=("metadatas", "documents"))
        ids = list(rows)
        meta = {c: rows[c]["metadata"] or {} for c in ids}
        leads = {m.get("article"): " ".join((rows[c]["document"] or "").split()[:LEAD_WORDS])
                 for c, m in meta.items() if m.get("chunk") == 0}
        texts = []
        for c in ids:
            lead = leads.get(meta[c].get("article"), "") if meta[c].get("chunk") else ""  # chunk 0 holds it
            texts.append(embed_text(meta[c].get("title", ""), f"{lead}\n{rows[c]['document'] or ''}".strip()))
        lexical = LexicalIndex.build(ids, texts, fingerprint(ids))
        lexical.save(self.lexical_dir)
        return lexical

    def lexical(self) -> LexicalIndex:
        """The BM25 index, rebuilt from the collection when it is missing or out of step."""
        if self._lexical is None:
            meta = self._open(create=False).metadata or {}
            saved = LexicalIndex.load(self.lexical_dir)
            if (saved is None or meta.get("state") != "ready" or saved.fingerprint != meta.get("fingerprint")
                    or saved.version != LEXICAL_VERSION):
                saved = self._rebuild_lexical()
            self._lexical = saved
        return self._lexical

    def dense(self, vector, n: int, where: dict | None = None) -> list[tuple[str, str, dict, float]]:
        """Up to n (id, text, metadata, cosine similarity) nearest to the vector."""
        col = self._open(create=False)  # Chroma returns fewer than n when it holds fewer
        res = col.query(query_embeddings=[list(map(float, vector))], n_results=n, where=where,
                        include=["documents", "metadatas", "distances"])
        return [
            (cid, doc, meta, 1.0 - dist)
            for cid, doc, meta, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0])
        ]

    def get(self, ids: list[str]) -> dict[str, tuple[str, dict, list[float]]]:
        """Text, metadata and embedding of the given chunk ids."""
        if not ids:
            return {}
        res = self._open(create=False).get(ids=ids, include=["documents", "metadatas", "embeddings"])
        return {
            cid: (doc, meta, emb)
            for cid, doc, meta, emb in zip(res["ids"], res["documents"], res["metadatas"], res["embeddings"])
        }

    def ids_where(self, where: dict) -> set[str]:
        """Chunk ids whose metadata match a Chroma `where` filter."""
        return set(self._open(create=False).get(where=where, include=[])["ids"])
