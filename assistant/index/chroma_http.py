"""A Chroma server's client, with a time limit and retries with backoff.

Chroma's own HTTP client waits forever for a server that hangs and gives up at once on one that is
restarting. `connect` gives it a session whose requests time out and are retried, with backoff, when
the connection fails or a proxy in front says the server is busy or away; it first asks the server
who we are (the call Chroma's client makes first), so a hanging or refusing server is caught there.
A server that refuses the token raises `ChromaRefused`, which no retry can mend.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from ..service import metrics

ATTEMPTS = 4  # the first try and three retries, 0.25 + 0.5 + 1 s apart: a restart of a few seconds is bridged
BUSY = frozenset({429, 502, 503, 504})


class ChromaRefused(Exception):
    """The server (or a proxy in front of it) refused this client's token."""


class ChromaBusy(Exception):
    """A proxy in front of the server said it is busy or away."""


TRANSIENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, ChromaBusy)


class RetryingTransport(httpx.HTTPTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for attempt in Retrying(
            stop=stop_after_attempt(ATTEMPTS),
            wait=wait_exponential(multiplier=0.25, max=2),
            retry=retry_if_exception_type(TRANSIENT),
            before_sleep=lambda _state: metrics.CHROMA_RETRIES.inc(),
            reraise=True,
        ):
            with attempt:
                response = super().handle_request(request)
                if response.status_code in (401, 403):
                    response.close()
                    raise ChromaRefused(f"HTTP {response.status_code}")
                if response.status_code in BUSY:
                    response.close()
                    raise ChromaBusy(f"HTTP {response.status_code}")
                return response
        raise AssertionError("unreachable: the last attempt returns or raises")


def session(timeout: float, headers: dict[str, str]) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        transport=RetryingTransport(),
        headers=headers,
    )


def connect(url: str, headers: dict[str, str], tenant: str, database: str, timeout: float):
    """A Chroma HttpClient for `url` whose every request has the time limit and the retries."""
    import chromadb
    from chromadb.config import Settings

    parts = urlsplit(url)
    host, port, ssl = (
        parts.hostname or "",
        parts.port or (443 if parts.scheme == "https" else 8000),
        parts.scheme == "https",
    )
    patient = session(timeout, headers)
    base = f"{parts.scheme}://{host}:{port}"
    patient.get(f"{base}/api/v2/auth/identity").raise_for_status()  # slow, away or refusing: raises here
    client = chromadb.HttpClient(
        host=host,
        port=port,
        ssl=ssl,
        headers=headers,
        settings=Settings(anonymized_telemetry=False),
        tenant=tenant,
        database=database,
    )
    server = client._server  # type: ignore[attr-defined]  # chromadb's FastAPI: only its session is replaced
    patient.headers.update(server._session.headers)
    server._session.close()
    server._session = patient
    return client
