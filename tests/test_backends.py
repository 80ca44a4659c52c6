"""Embeddings from a real OpenAI-compatible HTTP endpoint (a Chroma server: tests/test_chroma_server.py)."""

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import EmbeddingMismatchError, ModelUnavailableError
from assistant.index.embeddings import MiniLMEmbedder

from .servers import OpenAIStub, openai_server


def test_openai_compatible_embeddings(monkeypatch):
    minilm = MiniLMEmbedder()
    stub = OpenAIStub()
    stub.embed = lambda texts: minilm.embed(texts).tolist()  # real vectors, served over HTTP
    with openai_server(stub) as base_url:
        monkeypatch.setenv("ASSISTANT_EMBEDDING", "openai")
        monkeypatch.setenv("ASSISTANT_EMBEDDING_MODEL", "minilm-over-http")
        monkeypatch.setenv("OPENAI_BASE_URL", base_url)
        report, _ = Assistant(get_settings()).ingest()
        assert report.embedded == report.chunks
        assert all(path.endswith("/embeddings") for path, _ in stub.requests)
        assert {body["model"] for _, body in stub.requests} == {"minilm-over-http"}
        top = Assistant(get_settings()).search("How many applications with business plans were submitted?", k=2)
        assert top[0].article == "002_363c11803347ebae"

        monkeypatch.setenv("ASSISTANT_EMBEDDING_MODEL", "another-model")
        with pytest.raises(EmbeddingMismatchError, match="openai:minilm-over-http"):
            Assistant(get_settings()).search("anything")

        monkeypatch.setenv("ASSISTANT_EMBEDDING_MODEL", "minilm-over-http")
        stub.fail_status = 500
        with pytest.raises(ModelUnavailableError, match="OPENAI_BASE_URL"):
            Assistant(get_settings()).search("anything")
