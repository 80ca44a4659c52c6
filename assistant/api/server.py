"""Start the web chat and the API on one server: check the index, pick a free port, set the queue, run."""

from __future__ import annotations

import logging
import socket
import threading
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


log = logging.getLogger(__name__)


def build_server(assistant: Assistant):
    """The FastAPI app: the API's routes, with the web chat mounted at the root."""
    from ..ui.mount import mount_chat
    from .app import build_api
    from .service import RequestLog

    app = mount_chat(build_api(assistant), assistant)
    app.add_middleware(RequestLog)  # added last: outermost, so it sees every request and every answer
    return app


def serve(assistant: Assistant, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Run the web chat and the API until Ctrl-C; `announce` is told the URL once it is known."""
    import uvicorn

    from ..service.logs import configure

    configure(assistant.settings.log_format, assistant.settings.log_level)
    assistant.articles()  # a missing or unreadable index is a clear error now, not in every student's chat
    app = build_server(assistant)
    poll_feeds_every(assistant, assistant.settings.feed_poll_minutes)
    port = free_port(host, port)
    announce(f"http://{host}:{port}")
    # uvicorn's own lines go through the same JSON handler (no config of its own); each request has ours instead
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, timeout_graceful_shutdown=5)


def poll_feeds_every(assistant: Assistant, minutes: float) -> threading.Event | None:
    """Poll the subscribed feeds every `minutes` on a background thread (0: never; staff poll on demand).
    Setting the returned event stops it."""
    if minutes <= 0:
        return None

    def loop() -> None:
        while not stop.wait(minutes * 60):
            try:
                if assistant.editor.feeds.subscriptions.all():
                    assistant.editor.feeds.poll(who="feeds", origin="schedule")
            except Exception:  # a feed's problem is in its report; anything else must not stop the schedule
                log.exception("polling the feeds failed")

    stop = threading.Event()
    threading.Thread(target=loop, name="feed-poll", daemon=True).start()
    return stop
