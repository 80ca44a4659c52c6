"""Composition root: builds the pipeline's pieces from Settings. Interfaces call only this."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .corpus import CorpusLoad, Skipped, load_corpus
from .embeddings import make_embedder
from .errors import AssistantError
from .index import SyncReport, VectorIndex
from .retrieval import Retriever
from .types import Chunk


@dataclass
class Corpus:
    load: CorpusLoad
    chunks: dict[str, list[Chunk]]

    @property
    def skipped(self) -> list[Skipped]:
        return self.load.skipped


def chunking_signature(settings: Settings) -> str:
    return f"wp{settings.chunk_tokens}/{settings.chunk_overlap}"


def read_corpus(settings: Settings) -> Corpus:
    """Articles of the corpus folder, chunked as the index stores them."""
    from .chunking import chunk_article  # LangChain's splitter: only commands that chunk pay for it

    load = load_corpus(Path(settings.corpus_dir), settings.max_file_mb)
    chunks = {a.id: chunk_article(a, settings.chunk_tokens, settings.chunk_overlap) for a in load.articles}
    return Corpus(load, chunks)


@contextmanager
def _ingest_lock(settings: Settings):
    from filelock import FileLock, Timeout

    store = Path(settings.store_dir)
    store.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(store / ".ingest.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise AssistantError(f"another ingest is running on {store}; wait for it to finish") from None
    try:
        yield
    finally:
        lock.release()


def ingest(settings: Settings, rebuild: bool = False, progress: bool = False) -> tuple[SyncReport, list[Skipped]]:
    """Bring the index in line with the corpus folder; returns the summary and the skipped files."""
    corpus = read_corpus(settings)
    with _ingest_lock(settings):
        index = VectorIndex(settings, make_embedder(settings))
        if rebuild:
            index.drop()
        keep = {s.path.stem for s in corpus.skipped}
        report = index.sync(corpus.load.articles, corpus.chunks, chunking_signature(settings), keep, progress)
    return report, corpus.skipped



def retriever(settings: Settings, embedder=None) -> Retriever:
    """A Retriever over the existing index; IndexMissingError when there is none."""
    embedder = embedder or make_embedder(settings)
    index = VectorIndex(settings, embedder)
    index.lexical()  # opens the collection: a missing or mismatched index fails here, clearly
    return Retriever(index, embedder, k=settings.top_k)


def answer_chain(settings: Settings):
    """The question-answering chain over the existing index, with the configured chat model."""
    embedder = make_embedder(settings)
    if hasattr(embedder, "warm_up_in_background"):
        embedder.warm_up_in_background()  # overlaps the model load with the imports below
    from .answer import AnswerChain
    from .models import make_chat_model, model_label

    return AnswerChain(settings, retriever(settings, embedder), make_chat_model(settings), model_label(settings),
                       uses_llm=settings.llm == "openai")


def evaluate(settings: Settings, query_file: Path, k: int | None = None, progress: bool = False) -> dict:
    """Run an evaluation file through the answer chain; the report (see evaluation.run)."""
    from .evalset import load_queries
    from .evaluation import run
    from .models import model_label

    queries = load_queries(query_file)  # a malformed file fails before any work
    chain = answer_chain(settings)
    meta = {
        "model": model_label(settings),
        "embedding": chain.retriever.embedder.name,
        "corpus_articles": len({m["metadata"]["article"] for m in chain.retriever.index.stored().values()}),
        "corpus_chunks": chain.retriever.index.count(),
        "query_file": str(query_file),
    }
    return run(chain, queries, k or settings.answer_k, meta, progress)
