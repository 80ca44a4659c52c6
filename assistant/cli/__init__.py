"""Command line: parse input, make one library call, render. Errors become one line and an exit code."""

from __future__ import annotations

import os
import sys

import click

from ..errors import AssistantError
from . import (  # noqa: F401 - they register their commands
    corpus_commands,
    eval_command,
    index_commands,
    question_commands,
    staff_commands,
    web_commands,
)
from .base import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: AssistantErrors become one line on stderr (ASSISTANT_DEBUG=1 shows the traceback)."""
    # Cache bytecode even where PYTHONDONTWRITEBYTECODE is set (as on these machines): otherwise every
    # start compiles chromadb and LangChain from source, a second of each `ask`. The cache is the venv's.
    sys.dont_write_bytecode = False
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; an interrupted ingest is repaired by the next one", err=True)
        sys.exit(130)
    except AssistantError as e:
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
