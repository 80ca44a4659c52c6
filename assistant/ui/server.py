"""Start the web chat: check the index, pick a free port, set the queue for many students, launch."""

from __future__ import annotations

import socket
from collections.abc import Callable

from ..core import Assistant

PORT_TRIES = 50


def free_port(host: str, first: int) -> int:
    """`first`, or the next port after it that nothing listens on."""
    for port in range(first, first + PORT_TRIES):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise OSError(f"no free port from {first} to {first + PORT_TRIES - 1} on {host}")


def serve(assistant: Assistant, host: str, port: int, open_browser: bool, announce: Callable[[str], None]) -> None:
    """Run the web chat until Ctrl-C; `announce` is told the URL once it is known."""
    assistant.articles()  # a missing or unreadable index is a clear error now, not in every student's chat
    from . import render
    from .app import build_app

    app = build_app(assistant)
    # Gradio answers one event at a time unless told otherwise: answers wait mostly on an LLM or on
    # short CPU bursts, so several run at once; the queue holds the rest rather than refusing them.
    app.queue(default_concurrency_limit=assistant.settings.ui_concurrency, max_size=assistant.settings.ui_queue)
    port = free_port(host, port)
    announce(f"http://{host}:{port}")
    app.launch(
        server_name=host,
        server_port=port,
        inbrowser=open_browser,
        quiet=True,
        show_error=False,
        css=render.CSS,
        js=render.JS,
        footer_links=[],
    )
