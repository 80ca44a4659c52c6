"""Errors the library raises: what is wrong, what to do about it, and how each interface reports it.

Messages name the fix in words that fit a terminal, a chat window and an API body alike. The CLI
prints one line and exits with `exit_code`; the web chat shows the message in the conversation; the
API answers with `http_status`. Anything that is not an AssistantError is a bug and keeps its traceback.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: a problem the user or the operator can fix."""

    exit_code = 1
    http_status = 500

    def __init__(self, problem: str, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}; {fix}" if fix else problem)


class InvalidInputError(AssistantError):
    """A question, chat history or option that cannot be used as given."""

    exit_code = 2
    http_status = 400


class EvalFileError(InvalidInputError):
    """A query file that cannot be used; the message names the query and the field."""


class RateLimitedError(AssistantError):
    """More requests than ASSISTANT_RATE_LIMIT allows a minute (service/rate.py); `retry_after` in seconds."""

    http_status = 429

    def __init__(self, limit: int, retry_after: int) -> None:
        super().__init__(
            f"too many requests: this server allows {limit} a minute", f"wait {retry_after} s, then try again"
        )
        self.limit = limit
        self.retry_after = retry_after


class ConfigError(AssistantError):
    """A setting is missing or invalid (the operator's to fix)."""

    exit_code = 2
    http_status = 500


class CorpusError(AssistantError):
    """The corpus folder is missing or holds no usable article."""

    http_status = 422


class IndexMissingError(AssistantError):
    """No index has been built yet."""

    http_status = 503


class IndexBusyError(AssistantError):
    """Another ingest is writing the same index."""

    http_status = 409


class EmbeddingMismatchError(AssistantError):
    """The index was built with another embedding model than the one configured."""

    http_status = 409


class StoreUnavailableError(AssistantError):
    """The Chroma server (or store folder) cannot be reached or opened."""

    http_status = 503


class ModelUnavailableError(AssistantError):
    """An LLM or embedding endpoint cannot be reached or refused the request."""

    http_status = 502


class ModelTimeoutError(ModelUnavailableError):
    """An LLM or embedding endpoint did not answer in time."""

    http_status = 504


class NotFoundError(InvalidInputError):
    """Something asked for by name does not exist here (a model, an API route)."""

    http_status = 404


class AccessDeniedError(AssistantError):
    """A request without the key or password the operator set."""

    http_status = 401


class TooLargeError(InvalidInputError):
    """A request body beyond what the server reads."""

    http_status = 413


class FetchError(AssistantError):
    """A page or feed to import cannot be fetched: refused address, timeout, error status, wrong type, too big."""

    http_status = 502


class DuplicateError(InvalidInputError):
    """An article to add is already in the corpus (the message says which one)."""

    http_status = 409
