"""The Assistant: one long-lived object, built once from Settings, that every interface goes through.

It owns the embedder, the Chroma store and its BM25 twin, and the answer chain. It is safe to
share between threads (the web chat and the API serve many people from one process), and it
follows ingests made by other processes or through a Chroma server without a restart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .answer.events import AnswerEvent, Done
from .answer.models import check_chat_settings
from .config import Settings, get_settings, hide_url_passwords_in_logs
from .errors import AssistantError, InvalidInputError
from .feedback import FeedbackLog
from .index.chunking import ChunkedCorpus, read_corpus, signature
from .index.embeddings import make_embedder
from .index.ledger import Ledgers
from .index.news_index import NewsIndex
from .index.store import article_from_row
from .index.sync import SyncReport, ingest_lock, sync
from .records import Answer, Article, Passage, Turn
from .service import metrics
from .service.logs import event

if TYPE_CHECKING:
    from .answer.chain import AnswerChain
    from .retrieval import Filters, Retriever
    from .staff.access import StaffAccess
    from .staff.corpus_editor import CorpusEditor


class Assistant:
    """Ingest, search, ask (or stream) and evaluate over one corpus and index."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        hide_url_passwords_in_logs()
        check_chat_settings(self.settings)  # a server refuses a bad configuration at start, not mid-chat
        self.embedder = make_embedder(self.settings)
        self.index = NewsIndex(self.settings, self.embedder.name)
        self.ledgers = Ledgers.of(self.settings, self.index.store)  # shared records: local files, or Chroma
        self.feedback = FeedbackLog(self.ledgers.feedback, self.ledgers.answers)
        self.partnership_problems: list[str] = []  # what the last ingest's LLM extraction could not do
        self._chains: dict[str, AnswerChain] = {}
        self._chains_lock = threading.Lock()

    # -- the corpus and the index ---------------------------------------------------------------
    def read_corpus(self, cached: bool = True) -> ChunkedCorpus:
        """The corpus folder's articles, chunked as the index stores them, and the files skipped.

        Files unchanged since the last read come from a cache in the store folder (index/read_cache.py)."""
        s = self.settings
        cache = Path(s.store_dir) / "read_cache" / f"{s.collection}.pickle" if cached else None
        return read_corpus(Path(s.corpus_dir), s.max_file_mb, s.chunk_words, s.chunk_overlap, cache)

    def ingest(self, rebuild: bool = False, progress: bool = False) -> tuple[SyncReport, ChunkedCorpus]:
        """Bring the index in line with the corpus folder; what changed, and the corpus as read. A change of
        the folder that a killed process left half-done is finished or rolled back first (corpus/library.py).
        Each ingest is counted and timed (service/metrics.py) and logged as one line."""
        started = time.perf_counter()
        try:
            report, corpus = self._ingest(rebuild, progress)
        except Exception as e:
            metrics.INGESTS.labels("failed").inc()
            event(
                "ingest", outcome="failed", error=e.__class__.__name__, seconds=round(time.perf_counter() - started, 2)
            )
            raise
        seconds = time.perf_counter() - started
        metrics.INGESTS.labels("done").inc()
        metrics.INGEST_SECONDS.observe(seconds)
        counts = {"added": report.added, "changed": report.updated, "removed": report.deleted}
        for change, n in counts.items():
            metrics.INGESTED.labels(change).inc(n)
        event("ingest", outcome="done", seconds=round(seconds, 2), embedded=report.embedded, **counts)
        return report, corpus

    def _ingest(self, rebuild: bool, progress: bool) -> tuple[SyncReport, ChunkedCorpus]:
        from .corpus.library import Library

        Library(Path(self.settings.corpus_dir)).recover()
        corpus = self.read_corpus(cached=not rebuild)
        with ingest_lock(Path(self.settings.store_dir)):
            if rebuild:
                self.index.drop()
            report = sync(
                self.index,
                self.embedder,
                corpus,
                signature(self.settings.chunk_words, self.settings.chunk_overlap),
                progress,
            )
            from .staff import table

            reader = self._partnership_reader()
            self.partnership_problems = table.update(self.index.store, corpus, reader).problems
            self._draw_examples(corpus)
        return report, corpus

    def _draw_examples(self, corpus: ChunkedCorpus) -> None:
        """The page's example questions: drawn from the newest articles' facts, each asked of the offline
        reader and kept only where it is answered with a citation into its article (examples.py)."""
        from . import examples
        from .staff.table import stored_rows

        newest = examples.newest(corpus.articles)
        drawn_from = examples.fingerprint(newest)
        if self.index.store.examples()[1] == drawn_from:
            return
        chain = self.chain_for("offline")

        def answered(question: str, article_id: str) -> bool:
            answer = chain.ask(question)
            return not answer.refused and any(c.article == article_id for c in answer.citations)

        rows = stored_rows(self.index.store, [a.id for a in newest])  # the table's rows, stored just before
        self.index.store.set_examples(examples.choose(newest, rows, answered), drawn_from)

    def _partnership_reader(self):
        """With an LLM configured, it reads articles for partnerships beside the rules."""
        if self.settings.llm != "openai" or not self.settings.llm_partnerships:
            return None
        from .staff.table import Reader

        chain = self.chain_for("openai")  # the model and prompts the Assistant already holds
        return Reader(chain.model, chain.prompts, chain.model_label)

    @cached_property
    def editor(self) -> CorpusEditor:
        """Staff's changes of the corpus folder (add, import, correct, replace, remove, undo, feeds), each
        indexed at once by `ingest`."""
        from .staff.corpus_editor import CorpusEditor

        return CorpusEditor(
            self.settings, self.ingest, self.read_corpus, self._stored_articles, self.ledgers.audit, self.ledgers.feeds
        )

    def _stored_articles(self) -> dict[str, dict]:
        try:
            self.index.refresh()
        except AssistantError:  # no index yet: nothing is indexed
            return {}
        return self.index.store.stored_articles()

    @cached_property
    def staff_access(self) -> StaffAccess:
        """Who may use the staff tools (the web tabs and the upload route share it)."""
        from .staff.access import StaffAccess

        return StaffAccess(self.settings, self.ledgers.sessions)

    # -- questions ------------------------------------------------------------------------------
    @cached_property
    def retriever(self) -> Retriever:
        from .retrieval import Retriever

        return Retriever(self.index, self.embedder, k=self.settings.top_k)

    @property
    def models(self) -> list[str]:
        """The chat models this installation can answer with: offline always, an LLM when one is configured."""
        llm = self.settings.openai_base_url or self.settings.openai_api_key
        return ["offline", "openai"] if llm else ["offline"]

    def chain_for(self, model: str | None = None) -> AnswerChain:
        """The answer chain with one of `models` (the configured one by default), built on first use."""
        from .answer.chain import AnswerChain
        from .answer.models import make_chat_model, model_label
        from .retrieval import Meaning

        model = model or self.settings.llm
        if model not in self.models:
            raise InvalidInputError(f"the model {model!r} is not available here", f"choose one of {self.models}")
        with self._chains_lock:
            if model not in self._chains:
                settings = self.settings.model_copy(update={"llm": model})
                meaning = Meaning(self.retriever)
                self._chains[model] = AnswerChain(
                    settings,
                    self.retriever,
                    make_chat_model(settings, meaning),
                    model_label(settings),
                    model == "openai",
                    meaning,
                )
            return self._chains[model]

    @property
    def chain(self) -> AnswerChain:
        """The answer chain with the configured chat model."""
        return self.chain_for()

    def search(
        self, query: str, k: int | None = None, filters: Filters | None = None, per_article: int | None = None
    ) -> list[Passage]:
        """Ranked passages for a query (hybrid: dense + BM25); IndexMissingError when there is no index."""
        if not isinstance(query, str) or not query.strip():
            raise InvalidInputError("the query is empty", "write what you are looking for")
        return self.retriever.search(query, k or self.settings.top_k, filters, per_article)

    def stream(
        self,
        question: str,
        history: Sequence[Turn | dict] | None = None,
        k: int | None = None,
        model: str | None = None,
    ) -> Iterator[AnswerEvent]:
        """The answer as events (answer/events.py): Retrieved, TextDelta…, ReplaceText, Sources, Done."""
        for step in self.chain_for(model).stream(question, history, k):
            if isinstance(step, Done):
                self._answered(step.answer)
            yield step

    def _answered(self, answer: Answer) -> None:
        """Each answer's metrics and log line (service/): stages, outcome, what the citation check changed."""
        metrics.answered(answer.timings_ms, answer.refused, answer.problems)
        asked = {"question": answer.question} if self.settings.log_questions else {}
        event(
            "answer",
            **asked,
            refused=answer.refused,
            citations=len(answer.citations),
            passages=len(answer.passages),
            model=answer.model,
            changes=len(answer.problems),
            ms={stage: round(ms, 1) for stage, ms in answer.timings_ms.items()},
        )

    def ask(
        self,
        question: str,
        history: Sequence[Turn | dict] | None = None,
        k: int | None = None,
        model: str | None = None,
    ) -> Answer:
        """The checked answer to a question, with earlier turns as `history`."""
        from .answer.events import collect

        return collect(self.stream(question, history, k, model))

    # -- what the corpus holds ------------------------------------------------------------------
    def articles(self) -> list[Article]:
        """The indexed articles, newest first, with their metadata (text left empty: see `article`)."""
        self.index.refresh()  # IndexMissingError when there is no index; follows other processes' ingests
        rows = self.index.store.stored_articles()
        found = [article_from_row(aid, "", meta) for aid, meta in rows.items()]
        return sorted(found, key=lambda a: (a.date or "", a.id), reverse=True)

    def article_count(self) -> int:
        """How many articles are indexed; IndexMissingError when there is no index (a health check's question)."""
        self.index.refresh()
        return self.index.store.article_count()

    def article(self, article_id: str) -> Article | None:
        """One indexed article with its whole text (citation offsets point into it), or None."""
        return self.index.store.get_articles([article_id]).get(article_id)

    def partnerships(
        self, org: str | None = None, since: str | None = None, until: str | None = None, kind: str | None = None
    ):
        """The partnership table (staff/table.py), newest first, every quote checked against its article."""
        from .staff import table

        self.index.refresh()  # IndexMissingError when there is no index
        return table.read(self.index.store, org, since, until, kind)

    def summarize(
        self, org: str | None = None, topic: str | None = None, since: str | None = None, until: str | None = None
    ):
        """A drafted summary of the partnerships that match (staff/summary.py), with numbered sources: written by
        the configured LLM and checked sentence by sentence, or offline from the table."""
        from .errors import AssistantError
        from .staff.summary import draft, draft_with_llm

        rows = self.partnerships(org, since, until).rows
        reader = self._partnership_reader()
        if reader is None:
            return draft(rows, org, topic, since, until)
        try:
            return draft_with_llm(
                rows, reader.model, reader.prompts, org, topic, since, until, self.settings.max_sentences + 1
            )
        except Exception as e:  # the LLM is down or failing: the offline draft, and why
            from .answer.models.openai import explain

            problem = e if isinstance(e, AssistantError) else explain(e, self.settings)
            if problem is None:
                raise
            offline = draft(rows, org, topic, since, until)
            offline.problems.append(f"the LLM could not write the draft ({problem}); this draft is written offline")
            return offline

    def example_questions(self, n: int = 4) -> list[str]:
        """Questions a student might start with, drawn at ingest from the newest articles and answered there."""
        return [e["question"] for e in self.index.store.examples()[0][:n]]

    @property
    def model_label(self) -> str:
        from .answer.models import model_label

        return model_label(self.settings)

    def warm_up(self) -> None:
        """Start loading the embedding model on another thread (overlaps the caller's imports)."""
        if hasattr(self.embedder, "warm_up_in_background"):
            self.embedder.warm_up_in_background()

    # -- evaluation -----------------------------------------------------------------------------
    def evaluate(self, query_file: Path, k: int | None = None, progress: bool = False) -> dict:
        """Run an evaluation file through `ask`; the report (see evaluation.runner.run)."""
        from .evaluation.queries import load_queries
        from .evaluation.runner import run

        queries = load_queries(query_file)  # a malformed file fails before any work
        stored = self.index.store.stored()
        meta = {
            "model": self.model_label,
            "embedding": self.embedder.name,
            "corpus_articles": len({m.get("article") for m, _ in stored.values()}),
            "corpus_chunks": len(stored),
            "query_file": str(query_file),
        }
        return run(self, queries, k or self.settings.answer_k, meta, progress)
