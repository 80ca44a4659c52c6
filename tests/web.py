"""A real `assistant serve` process and a real headless Chromium, for the web chat's tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .servers import free_port, stop, wait_for_http

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """Debian's Chromium, installed here when it is missing (as root, from Debian's packages)."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(
            "Chromium is not installed and cannot be installed here (needs root and apt-get): apt-get install chromium"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # an install cut short earlier (a killed run) leaves dpkg needing to finish first
    steps = (
        ["dpkg", "--configure", "-a"],
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "chromium"],
    )
    for command in steps:
        try:
            subprocess.run(command, env=env, capture_output=True, timeout=900, check=True)
        except (subprocess.SubprocessError, OSError) as e:
            pytest.skip(f"Chromium could not be installed ({' '.join(command)}: {e}); apt-get install chromium")
    return shutil.which("chromium") or pytest.skip("apt-get installed no chromium binary")


@contextmanager
def web_chat(corpus: Path, store: Path, env: dict | None = None) -> Iterator[str]:
    """Index `corpus` into `store`, then run `assistant serve` on a free loopback port; yields its URL."""
    full_env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_STORE_DIR": str(store), **(env or {})}
    subprocess.run(
        [sys.executable, "-m", "assistant", "ingest"], env=full_env, check=True, capture_output=True, timeout=300
    )
    with app_server(full_env, store.parent) as (url, _proc):
        yield url


@contextmanager
def app_server(env: dict, log_dir: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`assistant serve` with this environment on a free loopback port, logging into log_dir; (URL, process)."""
    port = free_port()
    log = (log_dir / f"serve-{port}.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--no-browser"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url, timeout=120)
        yield url, proc
    finally:
        stop(proc)
        log.close()
