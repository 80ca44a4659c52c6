"""Every failure of an API request as an OpenAI-shaped error body, with its HTTP status: one place.

`{"error": {"message", "type", "param", "code"}}`, as OpenAI's clients expect. The status of an
AssistantError is its `http_status` (errors.py); a request that does not parse or validate is a 400 that
names the field; anything else is a bug: logged with its traceback, answered with a 500 that says nothing
of the server's insides (no paths, no keys).
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import AccessDeniedError, AssistantError, RateLimitedError

log = logging.getLogger(__name__)


def error_body(status: int, message: str, code: str | None = None, param: str | None = None) -> dict:
    kind = "server_error" if status >= 500 else "requests" if status == 429 else "invalid_request_error"
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def _code(e: AssistantError) -> str:
    """IndexMissingError → "index_missing"; a wrong or missing API key is OpenAI's "invalid_api_key"."""
    if isinstance(e, AccessDeniedError):
        return "invalid_api_key"
    if isinstance(e, RateLimitedError):
        return "rate_limit_exceeded"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(e).__name__.removesuffix("Error")).lower()


def headers_of(e: AssistantError) -> dict | None:
    """The headers an error's status asks for: how to authenticate (401), when to come back (429)."""
    if isinstance(e, AccessDeniedError):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(e, RateLimitedError):
        return {"Retry-After": str(e.retry_after)}
    return None


def assistant_error(e: AssistantError) -> tuple[int, dict]:
    return e.http_status, error_body(e.http_status, str(e), _code(e))


def _validation_message(e: RequestValidationError) -> tuple[str, str | None]:
    err = e.errors()[0]
    where = [str(p) for p in err.get("loc", ()) if p != "body"]
    param = ".".join(where) or None
    if err.get("type") == "json_invalid":
        return "the request body is not valid JSON; send a JSON object", None
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    return (f"{param}: {message}" if param else message) + "; fix that field of the request", param


def install(app: FastAPI) -> None:
    """Answer every error of the API's routes in OpenAI's shape."""

    @app.exception_handler(AssistantError)
    async def _assistant(request: Request, e: AssistantError) -> JSONResponse:
        status, body = assistant_error(e)
        return JSONResponse(body, status_code=status, headers=headers_of(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError) -> JSONResponse:
        message, param = _validation_message(e)
        return JSONResponse(error_body(400, message, "invalid_request", param), status_code=400)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, e: HTTPException) -> JSONResponse:
        return JSONResponse(error_body(e.status_code, str(e.detail)), status_code=e.status_code)

    @app.exception_handler(Exception)
    async def _bug(request: Request, e: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        message = f"the server failed to answer ({e.__class__.__name__}); try again, or ask the operator to see the log"
        return JSONResponse(error_body(500, message, "internal_error"), status_code=500)
