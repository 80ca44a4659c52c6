"""All configuration in one place: environment variables and `.env`.

Every variable is listed in the README. CLI options override these for one run.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError


def _env(name: str, *fallbacks: str) -> AliasChoices:
    return AliasChoices(f"ASSISTANT_{name}", *fallbacks)


URL_FIELDS = ("chroma_url", "openai_base_url")


class Settings(BaseSettings):
    """The assistant's settings; read from ASSISTANT_* variables and `.env`."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore", populate_by_name=True)

    # corpus and store
    corpus_dir: Path = Path("seeds")
    store_dir: Path = Path("vectorstore")
    chroma_url: str | None = None
    # a Chroma server's access token (sent in chroma_token_header), tenant and database, and how long
    # one of its requests may take
    chroma_token: SecretStr | None = None
    chroma_token_header: Literal["Authorization", "X-Chroma-Token"] = "Authorization"
    chroma_tenant: str = "default_tenant"
    chroma_database: str = "default_database"
    chroma_timeout: float = Field(30.0, gt=0, le=3600)
    collection: str = "news"
    max_file_mb: float = 5.0

    # chunking (words, in any script)
    chunk_words: int = Field(120, ge=16, le=400)
    chunk_overlap: int = Field(24, ge=0, le=100)

    # embeddings
    embedding: Literal["e5", "minilm", "openai"] = "e5"
    embedding_model: str = "text-embedding-3-small"
    embedding_batch_size: int | None = Field(None, ge=1, le=1024)  # None: the embedder's own default

    # retrieval: passages shown by `search`, and passages given to the model to answer from
    top_k: int = Field(4, ge=1, le=100)
    answer_k: int = Field(6, ge=1, le=50)

    # answering
    llm: Literal["offline", "openai"] = "offline"
    llm_model: str = "gpt-4o-mini"
    llm_temperature: float = Field(0.0, ge=0.0, le=2.0)
    llm_timeout: float = Field(60.0, gt=0)
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_max_tokens: int = Field(600, ge=16, le=32768)
    llm_partnerships: bool = True  # false: the LLM does not read articles for partnerships at ingest (rules only)
    llm_guard: bool = True  # false: the LLM's answer as it wrote it (markers checked, nothing dropped): for measuring
    max_sentences: int = Field(3, ge=1, le=20)
    prompts_dir: Path | None = None  # None: the checkout's prompts/, else the copy inside the package

    # web chat: answers produced at once, and questions that may wait in the queue beyond those
    ui_concurrency: int = Field(8, ge=1, le=256)
    ui_queue: int = Field(64, ge=1, le=10000)

    # staff tools: a shared password, or a file of users with hashed passwords; neither: open to all
    staff_password: SecretStr | None = None
    staff_users: Path | None = None

    # corpus imports (uploads, pages by URL, feeds): a fetch's time limit in seconds and redirects followed;
    # private, loopback and link-local addresses are refused unless allowed; feeds are polled every N minutes
    # by the web server (0: only on demand)
    import_timeout: float = Field(20.0, gt=0, le=600)
    import_max_redirects: int = Field(5, ge=0, le=20)
    import_allow_private: bool = False
    feed_poll_minutes: float = Field(60.0, ge=0, le=10080)

    # this server's own OpenAI-compatible API: clients send it as a bearer token; None: the API is open
    server_key: SecretStr | None = Field(None, validation_alias=_env("API_KEY"))

    # running as a service: /metrics in Prometheus' format; log lines as JSON or text, with question text only when
    # allowed; requests a minute per API key, client address or chat session (None: no limit)
    metrics: bool = False
    log_format: Literal["json", "text"] = "json"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_questions: bool = False
    rate_limit: int | None = Field(None, ge=1, le=1_000_000)

    # OpenAI-compatible endpoints (LLM and embeddings)
    openai_base_url: str | None = Field(None, validation_alias=_env("OPENAI_BASE_URL", "OPENAI_BASE_URL"))
    openai_api_key: SecretStr | None = Field(None, validation_alias=_env("OPENAI_API_KEY", "OPENAI_API_KEY"))

    @field_validator(
        "chroma_url",
        "chroma_token",
        "openai_base_url",
        "openai_api_key",
        "prompts_dir",
        "staff_password",
        "staff_users",
        "server_key",
        "rate_limit",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, v):
        return None if isinstance(v, str) and not v.strip() else v

    def __repr_args__(self):
        """As pydantic shows settings, but URLs without the user and password they may carry."""
        for name, value in super().__repr_args__():
            yield name, shown_url(value) if name in URL_FIELDS and isinstance(value, str) else value

    @property
    def api_key(self) -> str:
        """The key to send; servers that need none (Ollama, vLLM, llama.cpp) still get a placeholder."""
        return self.openai_api_key.get_secret_value() if self.openai_api_key else "not-needed"


def shown_url(url: str) -> str:
    """A URL as it may appear in messages and logs: without user, password or query (where keys hide)."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(a malformed URL)"
    return urlunsplit((parts.scheme, host + port, parts.path, "", ""))


_USERINFO = re.compile(r"(\w+://)[^/\s@]+@")


def _without_passwords(value):
    text = str(value)
    return _USERINFO.sub(r"\1", text) if "://" in text and "@" in text else value


def hide_url_passwords_in_logs() -> None:
    """Once per process: every log record (HTTP clients log each URL they call, under names that change
    between versions) has URLs' user and password left out."""
    make = logging.getLogRecordFactory()
    if getattr(make, "hides_passwords", False):
        return

    def record(*args, **kwargs) -> logging.LogRecord:
        rec = make(*args, **kwargs)
        rec.msg = _without_passwords(rec.msg)
        if isinstance(rec.args, tuple):
            rec.args = tuple(_without_passwords(a) for a in rec.args)
        return rec

    record.hides_passwords = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(record)


def get_settings(**overrides) -> Settings:
    """The settings, with CLI overrides (None means 'not given') applied on top."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}" for err in e.errors()
        )
        raise ConfigError(f"invalid setting ({problems})", "fix the ASSISTANT_* variable or .env entry") from None
