"""Real servers on 127.0.0.1 for tests: a Chroma server and an OpenAI-compatible endpoint."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0) -> None:
    """Poll until the URL answers 200; bounded in time."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError as e:
            last = e
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout}s ({last})")


def stop(proc: subprocess.Popen) -> None:
    """Terminate a child process, killing it when it does not stop in time."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


class ChromaProcess:
    """`chroma run` on a loopback port with its own data folder; can be stopped and started again
    on the same port (a server restart in the middle of a session)."""

    def __init__(self, path: Path, port: int | None = None) -> None:
        self.path = path
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
        log = open(self.path.parent / f"chroma-{self.port}.log", "ab")  # noqa: SIM115, PTH123 - the child keeps it
        self.proc = subprocess.Popen(
            [exe, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_for_http(f"{self.url}/api/v2/heartbeat")

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None


@contextmanager
def chroma_server(path: Path):
    """`chroma run` on a free loopback port with its own data folder; yields its URL."""
    server = ChromaProcess(path)
    try:
        server.start()
        yield server.url
    finally:
        server.stop()


class Gateway:
    """What a proxy in front of a Chroma server demands and does (as Envoy or nginx would in a deployment)."""

    def __init__(self, upstream: str, token: str | None = None, header: str = "Authorization") -> None:
        self.upstream = upstream
        self.token = token
        self.header = header
        self.delay = 0.0  # seconds added before each forwarded request (a slow server)
        self.seen_headers: list[dict] = []


@contextmanager
def chroma_gateway(gateway: Gateway):
    """A real HTTP proxy on loopback: checks the token, waits `delay`, forwards to the Chroma server."""
    import http.client
    from urllib.parse import urlsplit

    up = urlsplit(gateway.upstream)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _forward(self):
            gateway.seen_headers.append(dict(self.headers))
            expected = f"Bearer {gateway.token}" if gateway.header == "Authorization" else gateway.token
            if gateway.token and self.headers.get(gateway.header) != expected:
                data = b'{"error":"AuthorizationError","message":"Unauthorized"}'
                self.send_response(401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            time.sleep(gateway.delay)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            conn = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
            try:
                conn.request(self.command, self.path, body=body or None, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
            except OSError:
                self.send_response(502)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            finally:
                conn.close()
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.getheader("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class OpenAIStub:
    """What an OpenAI-compatible server received and how it should answer."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []
        self.embed = None  # callable(list[str]) -> list[list[float]]
        self.chat = None  # callable(list[message dict]) -> str
        self.fail_status: int | None = None
        self.fail_times: int | None = None  # fail only the first N requests (None: all of them)
        self.malformed = False  # answer 200 with a body that is not JSON
        self.delay = 0.0  # seconds to wait before answering (for time-outs)
        self.reject_response_format = False  # answer 400 to structured-output requests, as some servers do


@contextmanager
def openai_server(stub: OpenAIStub):
    """A real HTTP server on loopback speaking the OpenAI REST shapes the stub is set up for."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            stub.requests.append((self.path, body))
            if stub.delay:
                time.sleep(stub.delay)
            if stub.fail_status and (stub.fail_times is None or stub.fail_times > 0):
                if stub.fail_times is not None:
                    stub.fail_times -= 1
                return self._send(stub.fail_status, {"error": {"message": "stub failure", "type": "server_error"}})
            if stub.malformed:
                data = b'{"id": "stub-1", "choices": [ garbled reply'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if stub.reject_response_format and "response_format" in body:
                return self._send(400, {"error": {"message": "response_format is not supported", "type": "invalid"}})
            if self.path.endswith("/embeddings"):
                texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
                vectors = stub.embed(texts)
                return self._send(
                    200,
                    {
                        "object": "list",
                        "model": body["model"],
                        "data": [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)],
                        "usage": {"prompt_tokens": 0, "total_tokens": 0},
                    },
                )
            if self.path.endswith("/chat/completions"):
                content = stub.chat(body["messages"])
                if body.get("stream"):
                    return self._stream(body["model"], content)
                return self._send(
                    200,
                    {
                        "id": "stub-1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                )
            self._send(404, {"error": {"message": f"no route {self.path}"}})

        def _stream(self, model: str, content: str) -> None:
            """Server-sent events, one word per chunk, as the Chat Completions API streams."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            words = [w + " " for w in content.split(" ")]
            words[-1] = words[-1].rstrip()
            for i, word in enumerate(words):
                delta = {"content": word} if i else {"role": "assistant", "content": word}
                chunk = {
                    "id": "stub-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            end = {
                "id": "stub-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def scripted_llm(monkeypatch, replies, retries: int = 0):
    """The assistant configured for an OpenAI-compatible server on loopback that answers with `replies`
    (messages → text); yields the stub, to make it fail or slow."""
    stub = OpenAIStub()
    stub.chat = replies
    with openai_server(stub) as url:
        monkeypatch.setenv("ASSISTANT_LLM", "openai")
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        monkeypatch.setenv("ASSISTANT_LLM_MODEL", "stub-model")
        monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", str(retries))
        yield stub


@contextmanager
def asgi_server(app, ready: str = "/healthz"):
    """An ASGI app (the API with the web chat) served by uvicorn on a free loopback port, in a thread;
    yields its URL once `ready` answers 200."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + ready, timeout=60)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=20)


NEWS_PAGES = Path(__file__).resolve().parent / "data" / "news_pages"


class NewsSite:
    """A news site on loopback: the saved pages of tests/data/news_pages (feeds with `{base}` filled in), any
    document a test puts in `extra` (path → (content type, bytes)), and the faults real sites have."""

    def __init__(self) -> None:
        self.extra: dict[str, tuple[str, bytes]] = {}
        self.base = ""
        self.hits: list[str] = []

    def document(self, path: str) -> tuple[int, str, bytes, dict]:
        if path in self.extra:
            ctype, body = self.extra[path]
            return 200, ctype, body, {}
        faults = {
            "/missing.html": (404, "text/html", b"<h1>Not found</h1>", {}),
            "/broken.html": (500, "text/html", b"<h1>Internal error</h1>", {}),
            "/loop.html": (302, "text/html", b"", {"Location": "/loop.html"}),
            "/moved.html": (301, "text/html", b"", {"Location": "/page01.html"}),
            "/to-metadata.html": (302, "text/html", b"", {"Location": "http://169.254.169.254/latest/meta-data/"}),
            "/photo.jpg": (200, "image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, {}),
        }
        if path in faults:
            return faults[path]
        file = NEWS_PAGES / path.lstrip("/")
        if path.count("/") == 1 and file.is_file():
            body = file.read_bytes()
            if file.suffix == ".xml":
                body = body.replace(b"{base}", self.base.encode())
                ctype = "text/html" if file.name == "notafeed.xml" else "application/rss+xml"
            else:
                ctype = "text/html; charset=utf-8"
            return 200, ctype, body, {}
        return 404, "text/html", b"<h1>Not found</h1>", {}


@contextmanager
def news_site(site: NewsSite | None = None):
    """A NewsSite served on a free loopback port; yields it (its `base` URL set)."""
    site = site or NewsSite()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            site.hits.append(self.path)
            if self.path == "/slow.html":  # headers only after longer than any test's time limit
                time.sleep(3)
            status, ctype, body, headers = site.document(self.path.split("?")[0])
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up (a time or size limit): fine
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
