"""Commands over the corpus folder and the index: corpus, ingest."""

from __future__ import annotations

import sys
import textwrap

import click

from .base import assistant_for, cli, echo_json, report_skipped


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def corpus(ctx: click.Context, as_json: bool) -> None:
    """List the articles of the corpus folder."""
    c = assistant_for(ctx).read_corpus()
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "publisher": a.publisher,
            "language": a.language,
            "characters": len(a.text),
            "chunks": len(c.chunks[a.id]),
        }
        for a in c.articles
    ]
    report_skipped(c.skipped)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        title = textwrap.shorten(r["title"], 70, placeholder="…")
        click.echo(
            f"{r['id']:<24} {r['date'] or '-':<10} {r['language']:<3} {r['characters']:>7} ch "
            f"{r['chunks']:>3} chunks  {title}" + (f"  [{r['publisher']}]" if r["publisher"] else "")
        )
    click.echo(f"{len(rows)} articles, {sum(r['chunks'] for r in rows)} chunks", err=True)


@cli.command()
@click.option("--rebuild", is_flag=True, help="Drop the index and build it anew.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def ingest(ctx: click.Context, rebuild: bool = False, as_json: bool = False) -> None:
    """Index new and changed articles, drop removed ones (incremental)."""
    assistant = assistant_for(ctx)
    report, corpus = assistant.ingest(rebuild=rebuild, progress=not as_json and sys.stderr.isatty())
    report_skipped(corpus.skipped)
    for problem in assistant.partnership_problems:
        click.echo(f"partnerships: {problem}", err=True)
    if as_json:
        echo_json(report.to_dict())
        return
    r = report
    click.echo(
        f"Indexed {r.articles} articles ({r.chunks} chunks) in {r.seconds:.1f}s: {r.added} added, "
        f"{r.updated} updated, {r.deleted} deleted, {r.unchanged} unchanged; {r.embedded} chunks embedded.",
        err=True,
    )
