"""Logs operators can read: one JSON object per line (python-json-logger), each with the id of the request that
caused it (also sent back as X-Request-ID), so every line of one request can be found together.

`event` writes the lines this product adds (a request, an answer, an ingest); library and error lines go through
the same formatter. Question text appears only when ASSISTANT_LOG_QUESTIONS is on; keys and passwords never
(nothing here is given them, and URLs lose their user and password: config.hide_url_passwords_in_logs).
"""

from __future__ import annotations

import contextvars
import logging
import re
import sys
import uuid

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")  # an id a balancer sent along; anything else is replaced
log = logging.getLogger("assistant.events")


def new_request_id(given: str | None = None) -> str:
    """The balancer's X-Request-ID when it is a plain token, else a new one."""
    return given if given and _SANE_ID.match(given) else uuid.uuid4().hex


class _WithRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = REQUEST_ID.get()
        return True


def configure(format: str, level: str = "INFO", stream=None) -> logging.Handler | None:
    """The process's log lines on stderr (or `stream`): JSON ("json") or plain text ("text"). Once per process;
    returns the handler it added (None when one was there)."""
    from pythonjsonlogger.json import JsonFormatter

    root = logging.getLogger()
    if any(getattr(h, "assistant", False) for h in root.handlers):
        return None
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.assistant = True  # type: ignore[attr-defined]
    handler.addFilter(_WithRequestId())
    if format == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                timestamp=False,
            )
        )
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    log.setLevel(level)  # this product's own lines at INFO; libraries stay at WARNING
    logging.getLogger("assistant").setLevel(level)
    return handler


def event(name: str, **fields) -> None:
    """One line of this product's own (a request, an answer, an ingest) with its fields."""
    log.info(name, extra={"event": name, **fields})
