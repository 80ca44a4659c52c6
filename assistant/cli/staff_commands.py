"""Staff commands: the partnership table (drafted summaries come next)."""

from __future__ import annotations

import textwrap

import click

from .base import assistant_for, cli, echo_json, iso_date

KINDS = ["memorandum", "co-organisation", "sponsorship/support", "joint project", "membership"]


@cli.command()
@click.option("--org", help="Only links with this organisation (any of its names, or its acronym).")
@click.option("--since", callback=iso_date, help="Only links dated on or after YYYY-MM-DD.")
@click.option("--until", callback=iso_date, help="Only links dated on or before YYYY-MM-DD.")
@click.option("--kind", type=click.Choice(KINDS), help="Only links of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per link.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (parties joined with '; ').")
@click.pass_context
def partnerships(ctx: click.Context, org, since, until, kind, as_json: bool, as_csv: bool) -> None:
    """The partnerships the articles state: parties, kind, date, purpose, and the verbatim quote."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    table = assistant_for(ctx).partnerships(org, since, until, kind)
    if table.unverified:
        click.echo(
            f"note: {table.unverified} rows left out: their quote no longer matches the article (run assistant ingest)",
            err=True,
        )
    if as_json:
        echo_json(table.rows)
        return
    if as_csv:
        from ..staff.table import to_csv

        click.echo(to_csv(table.rows), nl=False)
        return
    for r in table.rows:
        click.secho(f"{r['date'] or 'undated':<10}  {r['kind']}", bold=True)
        click.echo(textwrap.indent(textwrap.fill(" · ".join(r["parties"]), 96), "    "))
        if r["purpose"]:
            click.echo(textwrap.indent(textwrap.fill(f"purpose: {r['purpose']}", 96), "    "))
        click.echo(
            textwrap.indent(textwrap.fill(f"“{r['quote']}” — {r['article']} [{r['start']}:{r['end']}]", 96), "    ")
        )
    click.echo(f"{len(table.rows)} partnership links", err=True)
