"""Chat models behind one contract: a LangChain chat model that reads the answer prompt.

`offline` (default) composes an extractive answer with no network; `openai` talks to any
OpenAI-compatible server. Both get the same prompt and go through the same citation check.
"""

from __future__ import annotations

from ...errors import ConfigError

REFUSAL_TOKEN = "NOT_IN_CORPUS"


def check_chat_settings(settings) -> None:
    """ConfigError when the configured chat model cannot work as set (checked before any import)."""
    if settings.llm == "openai" and not settings.openai_base_url and not settings.openai_api_key:
        raise ConfigError(
            "ASSISTANT_LLM=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server",
            "set one (e.g. OPENAI_BASE_URL=http://127.0.0.1:11434/v1 for Ollama), or set ASSISTANT_LLM=offline",
        )


def make_chat_model(settings, meaning=None):
    """The chat model the settings ask for (imports openai only when it is used).

    `meaning` (retrieval.Meaning) lets the offline model judge sentences by meaning as well as words.
    """
    check_chat_settings(settings)
    if settings.llm == "openai":
        from .openai import make_openai_model

        return make_openai_model(settings)
    return offline_model(meaning)


def offline_model(meaning=None):
    from .offline import OfflineChatModel

    return OfflineChatModel(meaning=meaning)


def model_label(settings) -> str:
    return f"openai:{settings.llm_model}" if settings.llm == "openai" else "offline-extractive"
