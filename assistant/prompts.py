"""Prompt templates, read from files at run time (`prompts/`, or ASSISTANT_PROMPTS_DIR)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE.parent / "prompts", _PACKAGE / "prompts")  # source checkout, installed wheel


def prompts_dir() -> Path:
    override = os.environ.get("ASSISTANT_PROMPTS_DIR")
    if override:
        return Path(override)
    for folder in _CANDIDATES:
        if folder.is_dir():
            return folder
    raise ConfigError("the prompts/ folder is missing; reinstall, or set ASSISTANT_PROMPTS_DIR")


@lru_cache(maxsize=32)
def _read(folder: str, name: str) -> str:
    path = Path(folder) / f"{name}.md"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        raise ConfigError(f"prompt file {path} is missing; restore it or set ASSISTANT_PROMPTS_DIR") from None


def render(name: str, **values: str) -> str:
    """Template `name` (prompts/NAME.md) with {placeholders} filled in."""
    template = _read(str(prompts_dir()), name)
    try:
        return template.format(**values)
    except (KeyError, IndexError) as e:
        raise ConfigError(f"prompt {name}.md uses an unknown placeholder {e}; allowed: {sorted(values)}") from None
