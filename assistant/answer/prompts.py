"""Prompt templates, read from files at run time so wording can change without touching code.

Where they come from: ASSISTANT_PROMPTS_DIR when set; else the top-level `prompts/` of a source
checkout; else the copy shipped inside the installed package (`assistant/data/prompts/`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent  # holds pyproject.toml and prompts/ when running from the source tree
_SHIPPED = _PACKAGE / "data" / "prompts"


def prompts_dir(override: Path | None = None) -> Path:
    """The folder the templates are read from."""
    if override is not None:
        if not Path(override).is_dir():
            raise ConfigError(
                f"ASSISTANT_PROMPTS_DIR={override} is not a folder", "point it at a folder of prompt files"
            )
        return Path(override)
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "prompts").is_dir():
        return _CHECKOUT / "prompts"
    if _SHIPPED.is_dir():
        return _SHIPPED
    raise ConfigError(
        "the prompt templates are missing from this installation",
        "reinstall the package, or set ASSISTANT_PROMPTS_DIR to a folder of prompt files",
    )


@lru_cache(maxsize=32)
def _read(folder: str, name: str) -> str:
    path = Path(folder) / f"{name}.md"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        raise ConfigError(f"the prompt file {path} is missing", "restore it, or set ASSISTANT_PROMPTS_DIR") from None


class Prompts:
    """The templates of one folder; `render` fills their {placeholders}."""

    def __init__(self, override: Path | None = None) -> None:
        self.folder = prompts_dir(override)

    def render(self, name: str, **values: str) -> str:
        """Template `name` (NAME.md) with its {placeholders} filled in."""
        template = _read(str(self.folder), name)
        try:
            return template.format(**values)
        except (KeyError, IndexError) as e:
            raise ConfigError(
                f"the prompt {name}.md uses an unknown placeholder {e}", f"use only {sorted(values)}"
            ) from None
