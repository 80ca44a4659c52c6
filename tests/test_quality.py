"""Lint, format and types are part of the test run: `uv run pytest` fails on any of them."""

import subprocess
import sys

import pytest

from .conftest import ROOT


def tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    proc = tool("ruff", "check", "--output-format", "concise", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_code_is_formatted():
    proc = tool("ruff", "format", "--check", ".")
    assert proc.returncode == 0, "run: uv run ruff format .\n" + proc.stdout + proc.stderr


@pytest.mark.slow
def test_types_check():
    proc = tool("mypy")  # files and options: [tool.mypy] in pyproject.toml
    assert proc.returncode == 0, proc.stdout + proc.stderr
