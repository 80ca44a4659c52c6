"""The web chat's commands: serve it, and list what students said about the answers."""

from __future__ import annotations

import os
import sys
import textwrap
import webbrowser

import click

from .base import assistant_for, cli, echo_json


def _has_screen() -> bool:
    """Whether a graphical browser can open here (a headless server would get a text browser instead)."""
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback opens the chat to the network.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=7860, show_default=True, help="Port (the next free one if taken)."
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, no_browser: bool) -> None:
    """Start the students' web chat and the OpenAI-compatible API over the existing index."""
    from ..api.server import serve as run

    def announce(url: str) -> None:
        click.secho(f"News assistant: {url}  (Ctrl-C to stop)", bold=True, err=True)
        click.echo(f"OpenAI-compatible API: {url}/v1  (model news-assistant)", err=True)
        if not no_browser and _has_screen():
            webbrowser.open(url)

    run(assistant_for(ctx), host, port, announce=announce)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def feedback(ctx: click.Context, as_json: bool) -> None:
    """List students' ratings of answers (thumbs up/down, comments), oldest first."""
    entries = assistant_for(ctx).feedback.entries()
    if as_json:
        echo_json(entries)
        return
    for e in entries:
        mark = "+" if e["rating"] == "up" else "-"
        click.echo(f"{e['time']}  {mark}  {textwrap.shorten(e['question'], 70, placeholder='…')}")
        if e.get("comment"):
            click.echo(textwrap.indent(textwrap.fill(e["comment"], 96), "      “") + "”")
    ups = sum(e["rating"] == "up" for e in entries)
    click.echo(
        f"{len(entries)} rating{'' if len(entries) == 1 else 's'}: {ups} up, {len(entries) - ups} down", err=True
    )
