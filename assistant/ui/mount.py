"""The web chat mounted on the server's FastAPI app (api/server.py), with its queue set for many students."""

from __future__ import annotations

import gradio as gr

from ..core import Assistant
from . import render
from .app import build_app


def mount_chat(app, assistant: Assistant):
    """`app` with the web chat at its root; routes the app already has keep precedence."""
    chat = build_app(assistant)
    # Gradio answers one event at a time unless told otherwise: answers wait mostly on an LLM or on
    # short CPU bursts, so several run at once; the queue holds the rest rather than refusing them.
    chat.queue(default_concurrency_limit=assistant.settings.ui_concurrency, max_size=assistant.settings.ui_queue)
    return gr.mount_gradio_app(
        app, chat, path="/", css=render.CSS, js=render.JS, footer_links=[], show_error=False, run_history=False
    )
