"""`assistant serve` over the seeds in its own process, for the benchmarks that load it from outside."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def served_seeds(extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Index the seeds into a temp store, start `assistant serve` on a free loopback port, yield its URL."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(ROOT / "seeds"),
            "ASSISTANT_STORE_DIR": tmp,
            "ASSISTANT_LLM": "offline",
            **(extra_env or {}),
        }
        subprocess.run([sys.executable, "-m", "assistant", "ingest"], env=env, check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--no-browser"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
