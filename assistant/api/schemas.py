"""What the API accepts and returns, in the OpenAI chat-completions shape (plus `citations` and `/v1/search`).

Requests are checked here, field by field, so that a bad one becomes a 400 that names the field
(errors.py writes it in OpenAI's error shape). Unknown request fields (temperature, top_p, …) are
accepted and ignored, as other OpenAI-compatible servers do: the answer is extractive or checked anyway.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import InvalidInputError
from ..records import Answer, Citation, Turn
from ..text.dates import iso_day

MODEL_ID = "news-assistant"
# System and developer messages are read and left out: the assistant's own prompt decides how it answers,
# so a client's instructions cannot turn off grounding or citations.
_IGNORED_ROLES = ("system", "developer")
_ROLES = ("user", "assistant", *_IGNORED_ROLES)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None

    def text(self, i: int) -> str:
        """The message's text; a list of parts may hold text parts only."""
        if isinstance(self.content, str):
            return self.content
        if self.content is None:
            raise InvalidInputError(f"messages[{i}] has no content", "give every message its text as `content`")
        texts = []
        for part in self.content:
            if part.get("type") != "text" or not isinstance(part.get("text"), str):
                raise InvalidInputError(
                    f"messages[{i}] holds a {part.get('type')!r} part", "send text only: this assistant reads no files"
                )
            texts.append(part["text"])
        return "\n".join(texts)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str
    messages: list[ChatMessage]
    stream: bool = False

    def conversation(self) -> tuple[str, list[Turn]]:
        """(the question: the last user message, earlier turns) from the whole `messages` list."""
        turns: list[Turn] = []
        for i, m in enumerate(self.messages):
            if m.role not in _ROLES:
                raise InvalidInputError(
                    f"messages[{i}].role is {m.role!r}", f"use one of {', '.join(_ROLES)}; tools are not supported"
                )
            if m.role not in _IGNORED_ROLES:
                turns.append(Turn(role=m.role, content=m.text(i)))  # type: ignore[arg-type]
        if not turns:
            raise InvalidInputError("the request holds no user message", "send the question as a `user` message")
        if turns[-1].role != "user":
            raise InvalidInputError("the last message is not the user's", "end `messages` with the question to answer")
        return turns[-1].content, turns[:-1]


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str
    k: int | None = Field(None, ge=1, le=100)
    articles: list[str] = Field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    per_article: int | None = Field(None, ge=1, le=100)

    @field_validator("date_from", "date_to")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            return iso_day(v)
        except ValueError:
            raise ValueError(f"{v!r} is not a date; write YYYY-MM-DD") from None


class FeedbackRequest(BaseModel):
    """A rating of a chat completion this server gave (its `id`), as an API client passes its user's on."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=100)
    rating: Literal["up", "down"]
    comment: str = ""


def citation_dict(c: Citation) -> dict:
    """A citation as the API sends it: where the quote is in which article."""
    return {k: getattr(c, k) for k in ("n", "article", "title", "date", "quote", "start", "end")}


def _envelope(kind: str, completion_id: str, created: int) -> dict:
    return {"id": completion_id, "object": kind, "created": created, "model": MODEL_ID, "system_fingerprint": None}


def new_completion() -> tuple[str, int]:
    return f"chatcmpl-{uuid.uuid4().hex}", int(time.time())


def _extras(answer: Answer) -> dict:
    """What an OpenAI response has no field for: the checked citations, and whether the corpus had no answer."""
    return {"citations": [citation_dict(c) for c in answer.citations], "refused": answer.refused}


def completion(answer: Answer, completion_id: str, created: int) -> dict:
    """A whole `chat.completion` for one checked answer."""
    message = {"role": "assistant", "content": answer.answer, "refusal": None}
    return {
        **_envelope("chat.completion", completion_id, created),
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": None,
        **_extras(answer),
    }


def chunk(
    completion_id: str,
    created: int,
    delta: dict,
    finish: Literal["stop"] | None = None,
    answer: Answer | None = None,
) -> dict:
    """One `chat.completion.chunk`; the last one carries the citations."""
    body = {
        **_envelope("chat.completion.chunk", completion_id, created),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }
    return {**body, **_extras(answer)} if answer is not None else body


def model_list(created: int) -> dict:
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": created, "owned_by": "local"}]}
