"""OpenAI-compatible chat models (OpenAI, Ollama, vLLM, llama.cpp, LM Studio) through ChatOpenAI.

The only module that imports the openai client for chat; it is imported only when used.
"""

from __future__ import annotations

import json

from ...config import shown_url
from ...errors import ModelTimeoutError, ModelUnavailableError
from ...service import metrics

NO_CHUNKS = "No generation chunks were returned"  # LangChain's ValueError for a stream with no answer in it


def make_openai_model(settings):
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    metrics.count_llm_retries()
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.openai_base_url,
        api_key=SecretStr(settings.api_key),
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        **_length_cap(settings),
    )


def _length_cap(settings) -> dict:
    """The reply length cap (a weak model that rambles stops there), in the field the server reads:
    OpenAI's own API takes max_completion_tokens; llama.cpp, Ollama and vLLM servers read max_tokens."""
    if settings.openai_base_url:
        return {"extra_body": {"max_tokens": settings.llm_max_tokens}}
    return {"max_completion_tokens": settings.llm_max_tokens}


def explain(error: BaseException, settings) -> ModelUnavailableError | None:
    """A clear error for a failure of the OpenAI client, or None when it is something else."""
    import openai

    where = f"the LLM at {shown_url(settings.openai_base_url) if settings.openai_base_url else 'api.openai.com'}"
    if isinstance(error, openai.APITimeoutError):
        return ModelTimeoutError(
            f"{where} did not answer within {settings.llm_timeout:g}s",
            "check that the server is up, or raise ASSISTANT_LLM_TIMEOUT",
        )
    if isinstance(error, openai.APIConnectionError):
        return ModelUnavailableError(f"cannot reach {where}", "start the server, or fix OPENAI_BASE_URL")
    if isinstance(error, openai.AuthenticationError):
        return ModelUnavailableError(f"{where} refused the API key", "set a valid OPENAI_API_KEY")
    if isinstance(error, openai.NotFoundError):
        return ModelUnavailableError(
            f"{where} has no model '{settings.llm_model}'", "set ASSISTANT_LLM_MODEL to one it serves"
        )
    if isinstance(error, openai.APIStatusError):
        return ModelUnavailableError(
            f"{where} failed with HTTP {error.status_code}", "try again later, or check the server's log"
        )
    if isinstance(error, openai.APIError):  # the server's text is left out: it may quote what it was sent
        return ModelUnavailableError(f"{where} failed ({error.__class__.__name__})", "try again later")
    if isinstance(error, json.JSONDecodeError) or str(error) == NO_CHUNKS:
        return ModelUnavailableError(
            f"{where} failed: its reply could not be read (not JSON, or an empty stream)",
            "check that OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint, or try again later",
        )
    return None
