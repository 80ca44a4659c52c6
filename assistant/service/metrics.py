"""The process's Prometheus metrics (prometheus-client), served at /metrics when ASSISTANT_METRICS is on.

Labels are routes, stages, outcomes and kinds: never question text, user names or keys. Counting costs
nanoseconds, so it always happens; only the exposure is a setting.
"""

from __future__ import annotations

import logging

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)  # the assistant's own: no process-wide default collectors' clash
_SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)

REQUESTS = Counter(
    "assistant_http_requests", "HTTP requests by route template and status", ["route", "method", "status"],
    registry=REGISTRY,
)  # fmt: skip
REQUEST_SECONDS = Histogram(
    "assistant_http_request_seconds", "HTTP request duration by route template", ["route"], buckets=_SECONDS,
    registry=REGISTRY,
)  # fmt: skip
STAGE_SECONDS = Histogram(
    "assistant_answer_stage_seconds", "Answer latency by stage (condense, retrieve, generate, check, total)",
    ["stage"], buckets=_SECONDS, registry=REGISTRY,
)  # fmt: skip
ANSWERS = Counter("assistant_answers", "Answers given, by outcome (answered, refused)", ["outcome"], registry=REGISTRY)
CITATION_DROPS = Counter(
    "assistant_citation_check_changes",
    "Citations or sentences the citation check removed, moved or dropped", ["change"], registry=REGISTRY,
)  # fmt: skip
LLM_ERRORS = Counter("assistant_llm_errors", "LLM calls that failed, by kind", ["kind"], registry=REGISTRY)
LLM_RETRIES = Counter("assistant_llm_retries", "LLM requests retried by the OpenAI client", registry=REGISTRY)
CHROMA_ERRORS = Counter("assistant_chroma_errors", "Chroma server calls that failed, by kind", ["kind"],
                        registry=REGISTRY)  # fmt: skip
CHROMA_RETRIES = Counter("assistant_chroma_retries", "Chroma server requests retried", registry=REGISTRY)
INGESTS = Counter("assistant_ingests", "Ingests run, by outcome", ["outcome"], registry=REGISTRY)
INGEST_SECONDS = Histogram(
    "assistant_ingest_seconds", "Ingest duration", buckets=(0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600),
    registry=REGISTRY,
)  # fmt: skip
INGESTED = Counter("assistant_ingested_articles", "Articles an ingest added, changed or removed", ["change"],
                   registry=REGISTRY)  # fmt: skip
ARTICLES = Gauge("assistant_indexed_articles", "Articles in the index (read at each scrape)", registry=REGISTRY)
PASSAGES = Gauge("assistant_indexed_passages", "Passages in the index (read at each scrape)", registry=REGISTRY)
RATE_LIMITED = Counter("assistant_rate_limited", "Requests refused by the rate limit, by where", ["where"],
                       registry=REGISTRY)  # fmt: skip
FAILED_SIGN_INS = Counter("assistant_failed_sign_ins", "Staff sign-ins refused", registry=REGISTRY)

CHANGES = ("removed", "moved", "dropped")  # how the citation check words what it changed (answer/citations.py)


def answered(timings_ms: dict[str, float], refused: bool, problems: list[str]) -> None:
    """Record one answer: its stages' latency, its outcome and what the citation check changed."""
    for stage, ms in timings_ms.items():
        STAGE_SECONDS.labels(stage).observe(ms / 1000)
    ANSWERS.labels("refused" if refused else "answered").inc()
    for problem in problems:
        change = problem.split(" ", 1)[0]
        if change in CHANGES:
            CITATION_DROPS.labels(change).inc()


class _RetriesOfTheOpenAIClient(logging.Filter):
    """The OpenAI client retries on its own and says so only in an INFO line: count those, show none of them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            if str(record.msg).startswith("Retrying request"):
                LLM_RETRIES.inc()
            return False
        return True


def count_llm_retries() -> None:
    """Once per process, before the OpenAI client is used."""
    client_log = logging.getLogger("openai._base_client")
    if not any(isinstance(f, _RetriesOfTheOpenAIClient) for f in client_log.filters):
        client_log.addFilter(_RetriesOfTheOpenAIClient())
        if client_log.getEffectiveLevel() > logging.INFO:
            client_log.setLevel(logging.INFO)


def exposition() -> tuple[bytes, str]:
    """The metrics in Prometheus' text format, and its content type."""
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
