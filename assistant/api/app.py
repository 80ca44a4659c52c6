"""The HTTP API over one Assistant: OpenAI-compatible chat completions and models, passage search, health.

    POST /v1/chat/completions   the whole `messages` list is the conversation; `stream` for server-sent events
    GET  /v1/models             one model, `news-assistant` (the configured chat model behind it)
    POST /v1/search             passages, as `assistant search --json`
    POST /v1/feedback           rate a completion by its id: {"id", "rating": "up"|"down", "comment"}
    GET  /v1/feedback           every rating, as `assistant feedback --json`
    GET  /healthz               whether the index can be read (no key needed)
    GET  /metrics               Prometheus metrics, with ASSISTANT_METRICS=1 (behind the key when one is set)

The web chat is mounted on the same FastAPI app (server.py, ui/mount.py). Handlers are plain `def`s:
FastAPI runs them on its thread pool, and the Assistant is shared by every thread.
"""

from __future__ import annotations

import hmac
import json
import re
import time
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..core import Assistant
from ..errors import AccessDeniedError, NotFoundError, TooLargeError
from ..records import Answer
from ..retrieval.filters import Filters
from . import errors
from .schemas import (
    MODEL_ID,
    ChatRequest,
    FeedbackRequest,
    SearchRequest,
    chunk,
    completion,
    model_list,
    new_completion,
)
from .service import api_rate_limit, bearer_token, metrics_page

MAX_BODY = 512 * 1024  # bytes: a question, a long conversation and their JSON fit well within this


class BodyLimit:
    """Refuse an API request body larger than MAX_BODY before anything reads it (413, OpenAI's shape)."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) <= self.limit:
            await self.app(scope, receive, send)
            return
        body, more = b"", not declared.isdigit()  # no length given (chunked): read at most limit + 1 bytes
        while more and len(body) <= self.limit:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        if declared.isdigit() or len(body) > self.limit:
            error = TooLargeError(
                f"the request body is larger than {self.limit // 1024} KB", "send a shorter question or conversation"
            )
            status, content = errors.assistant_error(error)
            await JSONResponse(content, status_code=status)(scope, receive, send)
            return

        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def _key_check(assistant: Assistant):
    """The dependency that asks for the bearer token when ASSISTANT_API_KEY is set."""
    key = assistant.settings.server_key

    def check(request: Request) -> None:
        if key is None:
            return
        if not hmac.compare_digest(bearer_token(request).encode(), key.get_secret_value().encode()):
            raise AccessDeniedError(
                "the API key is missing or wrong", "send the key the operator set as ASSISTANT_API_KEY (Bearer token)"
            )

    return check


def _sse(data: dict | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


async def _stream(answer: Answer, completion_id: str, created: int) -> AsyncIterator[str]:
    """Server-sent chunks of the checked answer, word by word; the last chunk carries the citations.

    The answer is complete and checked before the first byte: a client never shows a claim the citation
    check removed, and any error is an HTTP status, not an event after a 200. An async generator of ready
    text: the server sends it without a thread hop per chunk (with 50 students at once, each hop waits)."""
    yield _sse(chunk(completion_id, created, {"role": "assistant", "content": ""}))
    for piece in re.findall(r"\s*\S+\s*", answer.answer):
        yield _sse(chunk(completion_id, created, {"content": piece}))
    yield _sse(chunk(completion_id, created, {}, "stop", answer))
    yield _sse("[DONE]")


def build_api(assistant: Assistant) -> FastAPI:
    """The FastAPI app with the API's routes; the web chat mounts itself on it."""
    app = FastAPI(title="News assistant API", docs_url="/v1/docs", openapi_url="/v1/openapi.json", redoc_url=None)
    errors.install(app)
    app.add_middleware(BodyLimit)
    started = int(time.time())
    key_check = Depends(_key_check(assistant))
    v1 = APIRouter(prefix="/v1", dependencies=[key_check, Depends(api_rate_limit(assistant.settings.rate_limit))])

    def known(model: str) -> None:
        if model != MODEL_ID:
            raise NotFoundError(f"there is no model {model!r} here", f"use {MODEL_ID!r}")

    @v1.get("/models")
    def models() -> dict:
        return model_list(started)

    @v1.get("/models/{model}")
    def model(model: str) -> dict:
        known(model)
        return model_list(started)["data"][0]

    @v1.post("/chat/completions", response_model=None)
    def chat(request: ChatRequest) -> dict | StreamingResponse:
        known(request.model)
        question, turns = request.conversation()
        answer = assistant.ask(question, turns)
        completion_id, created = new_completion()
        assistant.feedback.keep(completion_id, answer, turns, assistant.embedder.name)  # may be rated later
        if not request.stream:
            return completion(answer, completion_id, created)
        return StreamingResponse(_stream(answer, completion_id, created), media_type="text/event-stream")

    @v1.post("/feedback")
    def rate(request: FeedbackRequest) -> dict:
        record = assistant.feedback.rate_kept(request.id, request.rating == "up", request.comment)
        return {"object": "feedback", **record}

    @v1.get("/feedback")
    def feedback() -> dict:
        return {"object": "list", "data": assistant.feedback.entries()}

    @v1.post("/search")
    def search(request: SearchRequest) -> dict:
        filters = Filters(tuple(request.articles), request.date_from, request.date_to)
        passages = assistant.search(request.query, request.k, filters, request.per_article)
        return {"object": "list", "data": [{"rank": i, **p.to_dict()} for i, p in enumerate(passages, start=1)]}

    @v1.api_route("/{path:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def unknown(path: str) -> None:
        raise NotFoundError(f"there is no API route /v1/{path}", "see /v1/docs for the routes this server has")

    app.include_router(v1)

    if assistant.settings.metrics:

        @app.get("/metrics", dependencies=[key_check], include_in_schema=False)
        def prometheus() -> Response:
            body, content_type = metrics_page(assistant)
            return Response(body, media_type=content_type)

    @app.get("/healthz")
    def healthz() -> dict:
        articles = assistant.article_count()  # IndexMissingError or StoreUnavailableError: 503
        return {
            "status": "ok",
            "articles": articles,
            "model": assistant.model_label,
            "embedding": assistant.embedder.name,
        }

    return app
