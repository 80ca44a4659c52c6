"""Shared fixtures: every test runs on a temp store and a temp copy of the seeds, never the developer's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Temp corpus and store; no .env, no API keys, no Chroma server from the caller's shell."""
    for var in (
        "ASSISTANT_CHROMA_URL",
        "ASSISTANT_CHROMA_TOKEN",
        "ASSISTANT_CHROMA_TOKEN_HEADER",
        "ASSISTANT_CHROMA_TIMEOUT",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "ASSISTANT_EMBEDDING",
        "ASSISTANT_CHUNK_WORDS",
        "ASSISTANT_CHUNK_OVERLAP",
        "ASSISTANT_TOP_K",
        "ASSISTANT_LLM",
        "ASSISTANT_API_KEY",
        "ASSISTANT_IMPORT_ALLOW_PRIVATE",
        "ASSISTANT_FEED_POLL_MINUTES",
        "ASSISTANT_STAFF_PASSWORD",
        "ASSISTANT_STAFF_USERS",
        "ASSISTANT_METRICS",
        "ASSISTANT_RATE_LIMIT",
        "ASSISTANT_LOG_FORMAT",
        "ASSISTANT_LOG_QUESTIONS",
    ):
        monkeypatch.delenv(var, raising=False)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Path:
    """A store indexed once from the seeds, shared read-only by search tests."""
    from assistant.config import Settings
    from assistant.core import Assistant

    store = tmp_path_factory.mktemp("seeded-store")
    Assistant(Settings(corpus_dir=SEEDS, store_dir=store)).ingest()
    return store


@pytest.fixture
def seeded_settings(seeded_store, monkeypatch):
    from assistant.config import get_settings

    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(SEEDS))
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(seeded_store))
    return get_settings()


@pytest.fixture(scope="session")
def embedder():
    from assistant.index.embeddings import MiniLMEmbedder

    return MiniLMEmbedder()
