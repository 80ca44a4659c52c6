"""A recording proxy in front of an OpenAI-compatible server, for measuring with a slow local LLM.

    uv run python benchmarks/llm_cache.py --upstream http://127.0.0.1:8765 --port 8766 [--dir DIR]

Each request (method, path and body) is answered once by the upstream server and its whole reply kept
in DIR (default: ~/.cache/news-assistant/llm/replies/); the same request again is answered from there.
A 1.5B model takes 10–30 s a question here, so the guard's variants (ASSISTANT_LLM_GUARD) and re-runs of
a set are measured on the very same LLM replies; a changed prompt or passage list is a new request.
Loopback only; never used by the product or the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from local_llm import CACHE  # type: ignore[import-not-found]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--upstream", default="http://127.0.0.1:8765")
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--dir", type=Path, default=CACHE / "replies")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    upstream = httpx.Client(base_url=args.upstream, timeout=args.timeout)
    one_at_a_time = threading.Lock()  # the upstream model answers one request at a time anyway

    class Handler(BaseHTTPRequestHandler):
        def _relay(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            key = hashlib.sha256(f"{self.command} {self.path}\n".encode() + body).hexdigest()
            stored = args.dir / f"{key}.json"
            if stored.exists():
                reply = json.loads(stored.read_text(encoding="utf-8"))
            else:
                with one_at_a_time:
                    r = upstream.request(
                        self.command, self.path, content=body, headers={"Content-Type": "application/json"}
                    )
                reply = {"status": r.status_code, "type": r.headers.get("content-type", ""), "body": r.text}
                if r.status_code == 200:
                    stored.write_text(json.dumps(reply, ensure_ascii=False), encoding="utf-8")
            data = reply["body"].encode("utf-8")
            self.send_response(reply["status"])
            self.send_header("Content-Type", reply["type"])
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _relay

        def log_message(self, *a) -> None:  # quiet
            pass

    print(f"recording proxy on http://127.0.0.1:{args.port} -> {args.upstream}, replies in {args.dir}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
