"""Errors the library raises; each message says what the user should do.

Interfaces (CLI, UI, API) turn these into one line, a chat message or an HTTP
body. Anything that is not an AssistantError is a bug and keeps its traceback.
"""


class AssistantError(Exception):
    """Base class: a problem the user can fix, with a message naming the fix."""

    exit_code = 1


class ConfigError(AssistantError):
    """A setting is missing or invalid."""

    exit_code = 2


class CorpusError(AssistantError):
    """The corpus folder is missing or holds no usable article."""


class IndexMissingError(AssistantError):
    """No index has been built yet."""


class EmbeddingMismatchError(AssistantError):
    """The index was built with another embedding model than the one configured."""


class StoreUnavailableError(AssistantError):
    """The Chroma server (or store folder) cannot be reached."""


class ModelUnavailableError(AssistantError):
    """An LLM or embedding endpoint cannot be reached or refused the request."""
