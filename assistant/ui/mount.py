"""The web chat mounted on the server's FastAPI app (api/server.py), with its queue set for many students."""

from __future__ import annotations

import gradio as gr

from ..core import Assistant
from ..staff.access import SESSION_HOURS
from . import render
from .app import build_app
from .plots import JS as PLOT_CLICKS
from .staff_tab import SESSION_COOKIE, SESSION_ROUTE

PAGE_JS = f"() => {{ ({render.JS})(); ({PLOT_CLICKS})(); }}"


def guard_uploads(app, assistant: Assistant) -> None:
    """Gradio stores uploaded files through its own route, outside any session; only the staff tabs take
    files, so with a staff sign-in set that route needs a signed-in browser's session cookie and refuses
    anyone else before it reads a byte of the body."""
    from starlette.responses import JSONResponse

    access = assistant.staff_access

    @app.middleware("http")
    async def staff_only_uploads(request, call_next):
        upload = request.url.path.rstrip("/").endswith("/upload")
        if upload and not access.token_valid(request.cookies.get(SESSION_COOKIE)):
            return JSONResponse(
                {"error": {"message": "sign in as staff first: uploads are for staff", "type": "access_denied"}},
                status_code=401,
            )
        return await call_next(request)


def session_cookie_route(app, assistant: Assistant) -> None:
    """POST {"token"}: the browser keeps a valid session token as an HttpOnly cookie (page scripts cannot read
    it); DELETE: the cookie is cleared. The sign-in and sign-out themselves happen in the staff tab."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response

    access = assistant.staff_access

    async def session(request: Request) -> Response:
        if request.method == "DELETE":
            response = Response(status_code=204)
            response.delete_cookie(SESSION_COOKIE, path="/")
            return response
        try:
            token = str((await request.json()).get("token") or "")
        except (ValueError, AttributeError):
            token = ""
        if access.user_of(token) is None:
            return JSONResponse(
                {"error": {"message": "that sign-in is not valid: sign in again", "type": "access_denied"}},
                status_code=401,
            )
        response = Response(status_code=204)
        response.set_cookie(
            SESSION_COOKIE, token, max_age=SESSION_HOURS * 3600, path="/", httponly=True, samesite="strict"
        )
        return response

    app.add_route(SESSION_ROUTE, session, methods=["POST", "DELETE"])


def mount_chat(app, assistant: Assistant):
    """`app` with the web chat at its root; routes the app already has keep precedence."""
    guard_uploads(app, assistant)
    session_cookie_route(app, assistant)
    chat = build_app(assistant)
    # Gradio answers one event at a time unless told otherwise: answers wait mostly on an LLM or on
    # short CPU bursts, so several run at once; the queue holds the rest rather than refusing them.
    chat.queue(default_concurrency_limit=assistant.settings.ui_concurrency, max_size=assistant.settings.ui_queue)
    return gr.mount_gradio_app(
        app, chat, path="/", css=render.CSS, js=PAGE_JS, footer_links=[], show_error=False, run_history=False
    )
