"""What the server adds for operators: every request gets an id (the balancer's X-Request-ID, or a new one, sent
back in the response), its metrics and one JSON log line (service/); /metrics when ASSISTANT_METRICS is on; the
rate limit of /v1 per API key or client address."""

from __future__ import annotations

import time

from fastapi import Request

from ..errors import IndexMissingError, RateLimitedError, StoreUnavailableError
from ..service import metrics
from ..service.logs import REQUEST_ID, event, new_request_id
from ..service.rate import RateLimit

WEB_CHAT = "(web chat)"  # the label of every path the mounted Gradio app serves (its files are many)


def route_of(scope) -> str:
    """The route's template (/v1/chat/completions, /v1/{path:path}): never the path itself, which may hold
    anything a client sent."""
    route = scope.get("route")
    if route is not None and getattr(route, "path", None):
        return str(route.path)
    return WEB_CHAT


class RequestLog:
    """ASGI middleware around the whole app (API and web chat)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = new_request_id(given)
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500  # when the app fails before it answers

        async def send_with_id(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route, method = route_of(scope), scope.get("method", "")
            metrics.REQUESTS.labels(route, method, str(status)).inc()
            metrics.REQUEST_SECONDS.labels(route).observe(seconds)
            client = (scope.get("client") or ("", 0))[0]
            event("request", method=method, route=route, status=status, ms=round(seconds * 1000, 1), client=client)
            REQUEST_ID.reset(token)


def bearer_token(request: Request) -> str:
    """The token of an `Authorization: Bearer …` header ("" when there is none): the API key, and the rate
    limit's count, read it the same way."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def api_rate_limit(per_minute: int | None):
    """The dependency that counts a /v1 request against its API key, or its client address without one."""
    limit = RateLimit(per_minute)

    def check(request: Request) -> None:
        token = bearer_token(request)
        try:
            limit.check(f"key {token}" if token else f"address {request.client.host if request.client else ''}")
        except RateLimitedError:
            metrics.RATE_LIMITED.labels("api").inc()
            raise

    return check


def metrics_page(assistant) -> tuple[bytes, str]:
    """The metrics, with the index's size read now (left as it was when the index cannot be read)."""
    try:
        metrics.ARTICLES.set(assistant.article_count())
        metrics.PASSAGES.set(assistant.index.store.count())
    except (IndexMissingError, StoreUnavailableError):
        pass
    return metrics.exposition()
