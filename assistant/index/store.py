"""The Chroma collection (embedded folder or server): the only module that imports chromadb.

Chroma's dicts become plain tuples here; nothing above this module sees a Chroma type.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from ..config import shown_url
from ..errors import AssistantError, EmbeddingMismatchError, IndexMissingError, StoreUnavailableError
from ..records import Article, Chunk
from ..service import metrics
from ..text.dates import date_ord

PAGE = 2000  # rows per Chroma get/upsert call
# A sentence row's metadata field holding its vector: base64 of float16 (cosines move by < 0.001, and the
# store is half the size: Chroma keeps a metadata string twice, in its table and its index). Rows written
# as float32 under the earlier field name are still read.
VECTOR_FIELD = "v16"
FLOAT32_FIELD = "vector"


@dataclass(frozen=True)
class Identity:
    """What the collection is now: changes when another process rebuilds or re-syncs it."""

    collection_id: str
    state: str  # "new", "syncing" (an ingest is writing, or was killed) or "ready"
    fingerprint: str  # of the chunk ids, set when an ingest finishes


def chunk_metadata(chunk: Chunk, signature: str) -> dict:
    return {
        "article": chunk.article,
        "chunk": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
        "title": chunk.title,
        "date": chunk.date or "",
        "date_ord": date_ord(chunk.date),
        "signature": signature,
    }


def article_metadata(article: Article, signature: str) -> dict:
    return {
        "title": article.title,
        "date": article.date or "",
        "date_ord": date_ord(article.date),
        "publisher": article.publisher or "",
        "language": article.language,
        "signature": signature,
        # the address of an imported page (a file's path on the server is not shown to anyone)
        "source": article.source if article.source.startswith(("http://", "https://")) else "",
    }


def _sentence_vector(meta) -> np.ndarray:
    if VECTOR_FIELD in meta:
        return np.frombuffer(base64.b64decode(meta[VECTOR_FIELD]), dtype=np.float16).astype(np.float32)
    return np.frombuffer(base64.b64decode(meta[FLOAT32_FIELD]), dtype=np.float32)


def article_from_row(article_id: str, text: str, meta: dict) -> Article:
    return Article(
        id=article_id,
        text=text,
        title=str(meta.get("title", "")),
        date=meta.get("date") or None,
        publisher=meta.get("publisher") or None,
        language=str(meta.get("language", "und")),
        source=str(meta.get("source") or ""),
    )


class ChromaStore:
    """Two Chroma collections: passages with their vectors, and whole articles (text, metadata, mean vector).

    The articles let every interface show a cited passage inside its article, and list the corpus,
    from the index alone (also over a Chroma server, where the corpus folder may be elsewhere).
    """

    def __init__(self, settings, embedding_model: str) -> None:
        self.settings = settings
        self.embedding_model = embedding_model
        self.name = settings.collection
        self.articles_name = f"{settings.collection}_articles"
        self.sentences_name = f"{settings.collection}_sentence_vectors"
        self.legacy_sentences_name = f"{settings.collection}_sentences"  # vectors in its HNSW graph: dropped
        self._client: Any = None
        self._collection: Any = None
        self._articles: Any = None
        self._sentences: Any = None

    @property
    def where(self) -> str:
        if self.settings.chroma_url:
            return shown_url(self.settings.chroma_url)
        return str(Path(self.settings.store_dir) / "chroma")

    # -- connection ---------------------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if not self.settings.chroma_url:
            try:
                return chromadb.PersistentClient(path=self.where, settings=chroma_settings)
            except Exception as e:  # a damaged or foreign folder: never delete it for the user
                raise StoreUnavailableError(
                    f"the index folder {self.where} cannot be opened ({str(e).splitlines()[0][:120]})",
                    "move that folder away, then index the articles again (assistant ingest)",
                ) from None
        url = urlparse(self.settings.chroma_url)
        if not url.hostname:
            raise StoreUnavailableError(
                f"ASSISTANT_CHROMA_URL={shown_url(self.settings.chroma_url)!r} is not a URL",
                "write e.g. http://127.0.0.1:8000",
            )
        token = self.settings.chroma_token
        headers = {}
        if token is not None:
            header = self.settings.chroma_token_header
            value = token.get_secret_value()
            headers[header] = f"Bearer {value}" if header == "Authorization" else value
        from .chroma_http import connect

        with self.server_errors():
            return connect(
                self.settings.chroma_url,
                headers,
                self.settings.chroma_tenant,
                self.settings.chroma_database,
                self.settings.chroma_timeout,
            )

    @contextmanager
    def server_errors(self) -> Iterator[None]:
        """A Chroma server that is down, slow or refusing becomes one clear error (the embedded store keeps bugs)."""
        from chromadb.errors import NotFoundError

        try:
            yield
        except (NotFoundError, AssistantError):  # the latter already explained (a nested call)
            raise
        except Exception as e:  # chromadb and httpx raise several types for a dead server
            if not self.settings.chroma_url:
                raise
            import httpx  # only when a server failed: every store call passes through here
            from chromadb.errors import ChromaAuthError

            from .chroma_http import ChromaRefused

            metrics.CHROMA_ERRORS.labels(e.__class__.__name__).inc()
            where = f"the Chroma server at {shown_url(self.settings.chroma_url)}"
            if isinstance(e, ChromaRefused | ChromaAuthError):
                raise StoreUnavailableError(
                    f"{where} refused the token ({e.__class__.__name__})",
                    "set ASSISTANT_CHROMA_TOKEN (and ASSISTANT_CHROMA_TOKEN_HEADER) to what the server expects",
                ) from None
            if isinstance(e, httpx.TimeoutException):
                raise StoreUnavailableError(
                    f"{where} did not answer within {self.settings.chroma_timeout:g}s",
                    "try again shortly, or raise ASSISTANT_CHROMA_TIMEOUT",
                ) from None
            raise StoreUnavailableError(
                f"{where} is not reachable ({e.__class__.__name__})",
                "start it (chroma run --path DIR --port PORT), fix ASSISTANT_CHROMA_URL, or try again shortly",
            ) from None

    def reconnect(self) -> None:
        """A new client: an embedded client keeps serving the vectors it loaded, not another process's writes."""
        if not self.settings.chroma_url:
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()  # the next client opens the folder afresh
        self._client = None
        self._collection = None
        self._articles = None
        self._sentences = None

    def _missing(self) -> IndexMissingError:
        return IndexMissingError(
            f"there is no index '{self.name}' in {self.where} yet",
            "index the articles first (assistant ingest, or start the app with: assistant)",
        )

    def _check_model(self, col) -> None:
        built_with = (col.metadata or {}).get("embedding_model")
        if built_with and built_with != self.embedding_model:
            raise EmbeddingMismatchError(
                f"the index in {self.where} was built with embedding model '{built_with}', "
                f"but '{self.embedding_model}' is configured",
                "rebuild it (assistant ingest --rebuild), or set ASSISTANT_EMBEDDING back",
            )

    def collection(self, create: bool = False):
        if self._collection is not None:
            return self._collection
        from chromadb.errors import NotFoundError

        with self.server_errors():
            try:
                col = self.client.get_collection(self.name, embedding_function=None)
            except NotFoundError:
                if not create:
                    raise self._missing() from None
                col = self.client.create_collection(
                    self.name,
                    embedding_function=None,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"embedding_model": self.embedding_model, "state": "new", "fingerprint": ""},
                )
        self._check_model(col)
        self._collection = col
        return col

    def identity(self) -> Identity:
        """The collection as it is now (a fresh read), and the handle used from here on."""
        from chromadb.errors import NotFoundError

        with self.server_errors():
            try:
                col = self.client.get_collection(self.name, embedding_function=None)
            except NotFoundError:
                self._collection = None
                raise self._missing() from None
        self._check_model(col)
        if self._collection is not None and self._collection.id != col.id:
            self._articles = self._sentences = None  # rebuilt elsewhere: its side collections are new too
        self._collection = col
        meta = col.metadata or {}
        return Identity(str(col.id), str(meta.get("state", "")), str(meta.get("fingerprint", "")))

    def set_state(self, state: str, fingerprint: str) -> None:
        self._modify_metadata({"embedding_model": self.embedding_model, "state": state, "fingerprint": fingerprint})

    def examples(self) -> tuple[list[dict], str]:
        """The example questions the last ingest stored, and the fingerprint of what they were drawn from."""
        meta = self._fresh_metadata()
        return json.loads(str(meta.get("examples") or "[]")), str(meta.get("examples_for", ""))

    def set_examples(self, examples: list[dict], drawn_from: str) -> None:
        self._modify_metadata({"examples": json.dumps(examples, ensure_ascii=False), "examples_for": drawn_from})

    def _fresh_metadata(self) -> dict:
        self.identity()  # read afresh: another process may have ingested since
        return dict(self._collection.metadata or {}) if self._collection is not None else {}

    def _modify_metadata(self, fields: dict) -> None:
        """Set fields of the collection's metadata, keeping the others as they are now."""
        self.collection()
        meta = {**self._fresh_metadata(), **fields}
        with self.server_errors():
            self._collection.modify(metadata=meta)  # the handle the fresh read left, not an older one

    # -- reading ------------------------------------------------------------------------------
    def _pages(self, col, documents: bool, metadata: bool = True) -> Iterator[tuple[str, dict, str | None]]:
        """Every row of a collection as (id, metadata, text or None), read PAGE rows at a time."""
        include = (["metadatas"] if metadata else []) + (["documents"] if documents else [])
        offset = 0
        while True:
            with self.server_errors():
                page = col.get(include=include, limit=PAGE, offset=offset)
            docs = page.get("documents") or [None] * len(page["ids"])
            metas = page.get("metadatas") or [None] * len(page["ids"])
            for row_id, meta, doc in zip(page["ids"], metas, docs, strict=True):
                yield row_id, dict(meta or {}), doc
            if len(page["ids"]) < PAGE:
                return
            offset += PAGE

    def stored(self, documents: bool = False) -> dict[str, tuple[dict, str | None]]:
        """Every stored chunk id → (metadata, text or None)."""
        return {cid: (meta, doc) for cid, meta, doc in self._pages(self.collection(), documents)}

    def count(self) -> int:
        with self.server_errors():
            return int(self.collection().count())

    def dense(self, vector, n: int, where: dict | None = None) -> list[tuple[str, str, dict, float]]:
        """Up to n (id, text, metadata, cosine similarity) nearest to the vector."""
        col = self.collection()  # Chroma returns fewer than n when it holds fewer
        with self.server_errors():
            res = col.query(
                query_embeddings=[list(map(float, vector))],
                n_results=n,
                where=where,
                include=["documents", "metadatas", "distances"],
            )
        return [
            (cid, doc, dict(meta), 1.0 - dist)
            for cid, doc, meta, dist in zip(
                res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0], strict=True
            )
        ]

    def get(self, ids: list[str]) -> dict[str, tuple[str, dict, list[float]]]:
        """Text, metadata and embedding of the given chunk ids."""
        if not ids:
            return {}
        with self.server_errors():
            res = self.collection().get(ids=ids, include=["documents", "metadatas", "embeddings"])
        return {
            cid: (doc, dict(meta), emb)
            for cid, doc, meta, emb in zip(
                res["ids"], res["documents"], res["metadatas"], res["embeddings"], strict=True
            )
        }

    def ids_where(self, where: dict) -> set[str]:
        """Chunk ids whose metadata match a Chroma `where` filter."""
        with self.server_errors():
            return set(self.collection().get(where=where, include=[])["ids"])

    # -- writing ------------------------------------------------------------------------------
    def upsert(self, chunks: list[Chunk], vectors, signatures: list[str]) -> None:
        with self.server_errors():
            self.collection(create=True).upsert(
                ids=[c.id for c in chunks],
                embeddings=vectors.tolist(),
                documents=[c.text for c in chunks],
                metadatas=[chunk_metadata(c, s) for c, s in zip(chunks, signatures, strict=True)],
            )

    def update_metadata(self, chunks: list[Chunk], signatures: list[str]) -> None:
        with self.server_errors():
            self.collection().update(
                ids=[c.id for c in chunks],
                metadatas=[chunk_metadata(c, s) for c, s in zip(chunks, signatures, strict=True)],
            )

    def delete(self, ids: list[str]) -> None:
        with self.server_errors():
            self.collection().delete(ids=ids)

    # -- side collections: whole articles, and the passages' sentences -------------------------
    def _side(self, attr: str, name: str, create: bool, space: str = "cosine"):
        """A side collection (cached in `attr`); None when it does not exist and `create` is false."""
        if getattr(self, attr) is None:
            setattr(self, attr, self.plain_collection(name, create, space))
        return getattr(self, attr)

    def plain_collection(self, name: str, create: bool, space: str = "cosine"):
        """A collection of rows read by id (the side collections, the shared records of index/ledger.py); None
        when it does not exist and `create` is false."""
        from chromadb.errors import NotFoundError

        with self.server_errors():
            try:
                return self.client.get_collection(name, embedding_function=None)
            except NotFoundError:
                if not create:
                    return None
                return self.client.get_or_create_collection(
                    name, embedding_function=None, configuration={"hnsw": {"space": space}}
                )

    def articles_collection(self, create: bool = False):
        return self._side("_articles", self.articles_name, create)

    def sentences_collection(self, create: bool = False):
        """Sentence vectors keyed by a hash of the sentence (see index.sync._sync_sentences).

        They are only ever read by id, never searched: each is kept in its row's metadata (SQLite, on disk),
        and the row's search vector is a 1-d placeholder. In Chroma's search graph, which a process holds
        in memory whole, 240,000 sentences of 10,000 articles would take some 400 MB (benchmarks/scale.py).
        """
        return self._side("_sentences", self.sentences_name, create, space="l2")

    def adopt_legacy_sentences(self) -> int:
        """Move the vectors of the earlier layout (their own collection's search graph) into this one, and
        drop that collection: an upgraded index embeds nothing again. Returns how many were moved."""
        from chromadb.errors import NotFoundError

        with self.server_errors():
            try:
                legacy = self.client.get_collection(self.legacy_sentences_name, embedding_function=None)
            except NotFoundError:
                return 0
        moved = 0
        while True:  # each page is deleted once written, so a stopped move resumes where it was
            with self.server_errors():
                page = legacy.get(include=["embeddings"], limit=PAGE)
            if not page["ids"]:
                break
            self.upsert_sentences(list(page["ids"]), np.asarray(page["embeddings"], dtype=np.float32))
            with self.server_errors():
                legacy.delete(ids=list(page["ids"]))
            moved += len(page["ids"])
        with self.server_errors(), suppress(NotFoundError):
            self.client.delete_collection(self.legacy_sentences_name)
        return moved

    def stored_sentence_ids(self) -> set[str]:
        col = self.sentences_collection()
        return set() if col is None else {sid for sid, _, _ in self._pages(col, documents=False, metadata=False)}

    def sentence_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these sentence ids (ids not stored are left out)."""
        col = self.sentences_collection()
        if col is None or not ids:
            return {}
        with self.server_errors():
            res = col.get(ids=ids, include=["metadatas"])
        return {sid: _sentence_vector(meta) for sid, meta in zip(res["ids"], res["metadatas"], strict=True)}

    def upsert_sentences(self, ids: list[str], vectors) -> None:
        vectors = np.asarray(vectors, dtype=np.float16)
        with self.server_errors():
            self.sentences_collection(create=True).upsert(
                ids=ids,
                embeddings=[[int(sid[:8], 16) / 0xFFFFFFFF] for sid in ids],  # distinct points: a sane graph
                metadatas=[{VECTOR_FIELD: base64.b64encode(v.tobytes()).decode("ascii")} for v in vectors],
            )

    def delete_sentences(self, ids: list[str]) -> None:
        col = self.sentences_collection()
        if col is not None and ids:
            with self.server_errors():
                col.delete(ids=ids)

    def article_count(self) -> int:
        """How many whole articles are stored (one cheap count, no rows read)."""
        col = self.articles_collection()
        if col is None:
            return 0
        with self.server_errors():
            return int(col.count())

    def stored_articles(self) -> dict[str, dict]:
        """Every stored article id → its metadata (no text)."""
        col = self.articles_collection()
        return {} if col is None else {aid: meta for aid, meta, _ in self._pages(col, documents=False)}

    def get_articles(self, ids: list[str]) -> dict[str, Article]:
        """Whole articles by id (text and metadata); ids the store does not hold are left out."""
        col = self.articles_collection()
        if col is None or not ids:
            return {}
        with self.server_errors():
            res = col.get(ids=ids, include=["documents", "metadatas"])
        return {
            aid: article_from_row(aid, doc or "", dict(meta or {}))
            for aid, doc, meta in zip(res["ids"], res["documents"], res["metadatas"], strict=True)
        }

    def upsert_articles(self, articles: list[Article], vectors, signatures: list[str]) -> None:
        with self.server_errors():
            self.articles_collection(create=True).upsert(
                ids=[a.id for a in articles],
                embeddings=vectors.tolist(),
                documents=[a.text for a in articles],
                metadatas=[article_metadata(a, s) for a, s in zip(articles, signatures, strict=True)],
            )

    def articles_metadata(self, ids: list[str]) -> dict[str, dict]:
        """Stored articles' metadata by id (no text); ids the store does not hold are left out."""
        col = self.articles_collection()
        if col is None or not ids:
            return {}
        with self.server_errors():
            current = col.get(ids=ids, include=["metadatas"])
        return {aid: dict(meta or {}) for aid, meta in zip(current["ids"], current["metadatas"], strict=True)}

    def annotate_articles(self, extra: dict[str, dict]) -> None:
        """Add fields to stored articles' metadata (article id → fields), keeping what is there."""
        merged = {aid: {**meta, **extra[aid]} for aid, meta in self.articles_metadata(list(extra)).items()}
        if merged:
            with self.server_errors():
                self.articles_collection().update(ids=list(merged), metadatas=list(merged.values()))

    def delete_articles(self, ids: list[str]) -> None:
        col = self.articles_collection()
        if col is not None and ids:
            with self.server_errors():
                col.delete(ids=ids)

    def drop(self) -> None:
        """Delete both collections (for --rebuild); nothing to delete is fine."""
        from chromadb.errors import NotFoundError

        for name in (self.name, self.articles_name, self.sentences_name, self.legacy_sentences_name):
            with self.server_errors(), suppress(NotFoundError):
                self.client.delete_collection(name)
        self._collection = None
        self._articles = None
        self._sentences = None
