"""The web chat mounted on the server's FastAPI app (api/server.py), with its queue set for many students."""

from __future__ import annotations

import gradio as gr

from ..core import Assistant
from . import render
from .app import build_app
from .plots import JS as PLOT_CLICKS
from .staff_tab import UPLOAD_COOKIE

PAGE_JS = f"() => {{ ({render.JS})(); ({PLOT_CLICKS})(); }}"


def guard_uploads(app, assistant: Assistant) -> None:
    """Gradio stores uploaded files through its own route, outside any session; only the staff tabs take
    files, so with a staff sign-in set that route needs the signed-in browser's token (staff_tab.py) and refuses
    anyone else before it reads a byte of the body."""
    from starlette.responses import JSONResponse

    access = assistant.staff_access

    @app.middleware("http")
    async def staff_only_uploads(request, call_next):
        upload = request.url.path.rstrip("/").endswith("/upload")
        if upload and access.required and not access.token_valid(request.cookies.get(UPLOAD_COOKIE)):
            return JSONResponse(
                {"error": {"message": "sign in as staff first: uploads are for staff", "type": "access_denied"}},
                status_code=401,
            )
        return await call_next(request)


def mount_chat(app, assistant: Assistant):
    """`app` with the web chat at its root; routes the app already has keep precedence."""
    guard_uploads(app, assistant)
    chat = build_app(assistant)
    # Gradio answers one event at a time unless told otherwise: answers wait mostly on an LLM or on
    # short CPU bursts, so several run at once; the queue holds the rest rather than refusing them.
    chat.queue(default_concurrency_limit=assistant.settings.ui_concurrency, max_size=assistant.settings.ui_queue)
    return gr.mount_gradio_app(
        app, chat, path="/", css=render.CSS, js=PAGE_JS, footer_links=[], show_error=False, run_history=False
    )
