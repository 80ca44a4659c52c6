"""Chat models behind one contract: a LangChain chat model that reads the answer prompt.

`offline` (default) composes an extractive answer with no network; `openai` talks to any
OpenAI-compatible server. Both get the same prompt and go through the same citation check.
"""

from __future__ import annotations

REFUSAL_TOKEN = "NOT_IN_CORPUS"


def make_chat_model(settings):
    """The chat model the settings ask for (imports openai only when it is used)."""
    if settings.llm == "openai":
        from .openai import make_openai_model

        return make_openai_model(settings)
    from .offline import OfflineChatModel

    return OfflineChatModel()


def model_label(settings) -> str:
    return f"openai:{settings.llm_model}" if settings.llm == "openai" else "offline-extractive"
