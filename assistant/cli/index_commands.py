"""Commands over the index: ingest."""

from __future__ import annotations

import sys

import click

from .base import assistant_for, cli, echo_json, report_skipped


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
