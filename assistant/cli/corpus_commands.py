"""Commands that read and change the corpus folder: corpus (list, --log), add, remove, feeds. Each change is
indexed at once and logged with who ran it and from which machine (staff/corpus_editor.py)."""

from __future__ import annotations

import getpass
import socket
import textwrap
from pathlib import Path

import click

from .base import assistant_for, cli, echo_json, iso_date, report_skipped


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _origin() -> str:
    return f"cli on {socket.gethostname()}"


def _report(outcome, as_json: bool) -> None:
    """What a change did (JSON, or one line each), and a non-zero exit when any input could not be used."""
    if as_json:
        echo_json(outcome.to_dict())
    else:
        for change in outcome.changes:
            click.echo(f"{change}  [undo: {change.step}]" if change.step else str(change))
        for name, reason in outcome.failed:
            click.echo(f"error: {name}: {reason}", err=True)
    for note in outcome.notes:
        click.echo(f"note: {note}", err=True)
    if outcome.failed:
        raise SystemExit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per article.")
@click.option("--log", "show_log", is_flag=True, help="Show the audit log of corpus changes instead (newest first).")
@click.option("--limit", type=click.IntRange(1), default=None, help="With --log: only the newest N entries.")
@click.pass_context
def corpus(ctx: click.Context, as_json: bool, show_log: bool, limit: int | None) -> None:
    """List the articles of the corpus folder (with their dates, sources and who added them)."""
    editor = assistant_for(ctx).editor
    if show_log:
        entries = editor.log(limit)
        if as_json:
            echo_json(entries)
            return
        for e in entries:
            what = f"{e['article']} {e['title'] or ''}".strip() or e["source"]
            click.echo(f"{e['at']}  {e['who']:<12} {e['action']:<12} {textwrap.shorten(what, 70)}  ({e['from']})")
        return
    rows = editor.listing()
    articles = [r for r in rows if not r["status"].startswith("not indexed:")]
    report_skipped(
        f"skipped {r['source']}: {r['status'].removeprefix('not indexed: ')}" for r in rows if r not in articles
    )
    if as_json:
        echo_json(articles)
        return
    for r in articles:
        title = textwrap.shorten(r["title"], 60, placeholder="…")
        click.echo(
            f"{r['id']:<24} {r['date'] or 'undated':<10} {r['language']:<3} {r['passages']:>3} passages  {title}"
            + (f"  [{r['publisher']}]" if r["publisher"] else "")
        )
    click.echo(f"{len(articles)} articles, {sum(r['passages'] for r in articles)} passages", err=True)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--title", help="The article's title (one source only).")
@click.option("--date", callback=iso_date, help="Its publication date, YYYY-MM-DD (one source only).")
@click.option("--publisher", help="Its publisher.")
@click.option("--language", help="Its language code (en, ru, kk, …).")
@click.option("--json", "as_json", is_flag=True, help="Print what was added as JSON.")
@click.pass_context
def add(ctx: click.Context, sources, title, date, publisher, language, as_json: bool) -> None:
    """Add files (.txt .md .html .pdf .docx) or pages by URL to the corpus, and index them at once."""
    if len(sources) > 1 and (title or date):
        raise click.UsageError("--title and --date describe one article: give one source with them")
    items: list[tuple[str, bytes | None]] = []
    for source in sources:
        if source.startswith(("http://", "https://")) or "://" in source:
            items.append((source, None))
        else:
            items.append((source, _read_file(ctx, Path(source))))
    meta = {k: v for k, v in {"title": title, "date": date, "publisher": publisher, "language": language}.items() if v}
    _report(assistant_for(ctx).editor.add(items, _who(), _origin(), meta), as_json)


def _read_file(ctx: click.Context, path: Path) -> bytes:
    """A file's bytes, refused before reading when it is missing or over the size limit."""
    limit = assistant_for(ctx).settings.max_file_mb
    if not path.is_file():
        raise click.BadParameter(f"{path} is not a file", param_hint="SOURCES")
    if path.stat().st_size > limit * 1024 * 1024:
        raise click.BadParameter(
            f"{path} is too large ({path.stat().st_size / 1e6:.1f} MB > {limit:g} MB); split it or raise "
            "ASSISTANT_MAX_FILE_MB",
            param_hint="SOURCES",
        )
    return path.read_bytes()


@cli.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@click.pass_context
def remove(ctx: click.Context, ids, as_json: bool) -> None:
    """Remove articles by id (see `assistant corpus`); their files are kept in the trash for undo."""
    _report(assistant_for(ctx).editor.remove(list(ids), _who(), _origin()), as_json)


@cli.command()
@click.argument("step")
@click.option("--json", "as_json", is_flag=True, help="Print what was undone as JSON.")
@click.pass_context
def undo(ctx: click.Context, step: str, as_json: bool) -> None:
    """Undo one change of the corpus by its step (printed by add/remove, listed by `corpus --log`)."""
    _report(assistant_for(ctx).editor.undo(step, _who(), _origin()), as_json)


@cli.group()
def feeds() -> None:
    """RSS and Atom feeds whose new entries are imported (polled by the web server, or by `feeds poll`)."""


@feeds.command("add")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feeds_add(ctx: click.Context, url: str, as_json: bool) -> None:
    """Subscribe to a feed (read once now to check it is one)."""
    feed = assistant_for(ctx).editor.feeds.subscribe(url, _who(), _origin())
    if as_json:
        echo_json({"url": feed.url, "title": feed.title})
    else:
        click.echo(f"Subscribed to {feed.title or feed.url}. Import its entries with: assistant feeds poll")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> None:
    """The subscribed feeds, when each was last polled and what that did."""
    found = assistant_for(ctx).editor.feeds.subscriptions.all()
    if as_json:
        echo_json(
            [{k: v for k, v in f.__dict__.items() if k != "seen"} | {"entries_taken": len(f.seen)} for f in found]
        )
        return
    for f in found:
        click.echo(f"{f.url}  {f.title}  last polled: {f.last_polled or 'never'}  {f.last_result}")
    click.echo(f"{len(found)} feeds", err=True)


@feeds.command("remove")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feeds_remove(ctx: click.Context, url: str, as_json: bool) -> None:
    """Unsubscribe from a feed (articles already imported stay)."""
    assistant_for(ctx).editor.feeds.unsubscribe(url, _who(), _origin())
    if as_json:
        echo_json({"removed": url})
    else:
        click.echo(f"Unsubscribed from {url}.")


@feeds.command("poll")
@click.argument("url", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feeds_poll(ctx: click.Context, url: str | None, as_json: bool) -> None:
    """Import the new entries of every feed (or of URL) now; each entry only once."""
    reports = assistant_for(ctx).editor.feeds.poll(url, _who(), _origin())
    if as_json:
        echo_json(reports)
        return
    for r in reports:
        click.echo(f"{r['feed']}: {len(r['imported'])} imported, {len(r['duplicates'])} already in the corpus")
        for c in r["imported"]:
            click.echo(f"  added {c['article']}: {c['title']}")
        for f in r["failed"]:
            click.echo(f"  error: {f['input']}: {f['reason']}", err=True)
