"""The CLI as users run it: `python -m assistant …` in a real process, output and exit code kept."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(
    *args: str, env: dict | None = None, input: str | None = None, check: bool = True, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run the CLI with this process's environment (plus `env`); with `check`, fail on a non-zero exit."""
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc
