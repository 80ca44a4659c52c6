"""The command group, its global options, and what every command shares: one Assistant, JSON output."""

from __future__ import annotations

import json

import click

from ..text.dates import iso_day


def assistant_for(ctx: click.Context, **extra):
    """The Assistant for this run (one per set of options: the main job's ingest and chat share it)."""
    from ..config import get_settings
    from ..core import Assistant

    settings = get_settings(**{**ctx.obj, **extra})
    cache = ctx.find_root().meta.setdefault("assistants", {})
    key = settings.model_dump_json()
    if key not in cache:
        cache[key] = Assistant(settings)
    return cache[key]


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def report_skipped(skipped) -> None:
    """Each file the corpus could not use, on stderr ("skipped NAME: why")."""
    for s in skipped:
        click.echo(str(s), err=True)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False), help="Corpus folder [ASSISTANT_CORPUS_DIR].")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Index folder [ASSISTANT_STORE_DIR].")
@click.option("--chroma-url", help="Use a Chroma server instead of the folder [ASSISTANT_CHROMA_URL].")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=7860,
    show_default=True,
    help="With no command: the web chat's port (the next free one if taken).",
)
@click.option("--no-browser", is_flag=True, help="With no command: do not open a browser.")
@click.version_option(package_name="news-assistant")
@click.pass_context
def cli(ctx: click.Context, corpus_dir, store_dir, chroma_url, port, no_browser) -> None:
    """A chat assistant over a news corpus. With no command: update the index, then open the web chat."""
    ctx.obj = {"corpus_dir": corpus_dir, "store_dir": store_dir, "chroma_url": chroma_url}
    if ctx.invoked_subcommand is None:  # the main job
        from .index_commands import ingest
        from .web_commands import serve

        ctx.invoke(ingest)
        ctx.invoke(serve, host="127.0.0.1", port=port, no_browser=no_browser)
