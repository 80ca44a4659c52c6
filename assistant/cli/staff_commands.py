"""Staff commands: the partnership table, and drafted partnership summaries (Markdown or DOCX)."""

from __future__ import annotations

import textwrap
from pathlib import Path

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
@click.option("--graph", type=click.Path(dir_okay=False), help="Draw the network of these links: .html, .png or .svg.")
@click.option("--timeline", type=click.Path(dir_okay=False), help="Draw these links over time: .html, .png or .svg.")
@click.pass_context
def partnerships(ctx: click.Context, org, since, until, kind, as_json: bool, as_csv: bool, graph, timeline) -> None:
    """The partnerships the articles state: parties, kind, date, purpose, and the verbatim quote."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    table = assistant_for(ctx).partnerships(org, since, until, kind)
    if table.unverified:
        click.echo(
            f"note: {table.unverified} rows left out: their quote no longer matches the article (run assistant ingest)",
            err=True,
        )
    if graph or timeline:
        _draw(table.rows, graph, timeline)
        return
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


def _draw(rows: list[dict], graph: str | None, timeline: str | None) -> None:
    from ..pictures import common, network, over_time

    for path in (graph, timeline):
        if path:
            common.checked(Path(path))  # both names checked before either picture is drawn
    if graph:
        drawn = common.write(network.figure(rows), Path(graph))
        click.echo(f"Network of {len(rows)} partnership links written to {drawn}", err=True)
    if timeline:
        drawn = common.write(over_time.partnerships(rows), Path(timeline))
        click.echo(f"Timeline of {len(rows)} partnership links written to {drawn}", err=True)


@cli.command()
@click.option("--org", help="Only partnerships with this organisation.")
@click.option("--topic", help="Only partnerships about this topic (words of the quote, purpose or title).")
@click.option("--since", callback=iso_date, help="Only partnerships dated on or after YYYY-MM-DD.")
@click.option("--until", callback=iso_date, help="Only partnerships dated on or before YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the draft here (required for docx).")
@click.pass_context
def summarize(ctx: click.Context, org, topic, since, until, fmt: str, output) -> None:
    """Draft a summary of the partnerships in the news: a paragraph each, cited, with a source list."""
    if fmt == "docx" and not output:
        raise click.UsageError("DOCX is a file: add --output FILE.docx")
    draft = assistant_for(ctx).summarize(org, topic, since, until)
    for problem in draft.problems:
        click.echo(f"note: {problem}", err=True)
    if fmt == "docx":
        from ..staff.docx_export import write_docx

        write_docx(draft.markdown(), Path(output))
    elif output:
        Path(output).write_text(draft.markdown(), encoding="utf-8")
    else:
        click.echo(draft.markdown(), nl=False)
    if output:
        click.echo(
            f"Draft written to {output} ({len(draft.paragraphs)} partnerships, {len(draft.sources)} sources)", err=True
        )


@cli.command(name="staff-user")
@click.argument("name")
@click.password_option(help="The user's password (asked for when not given).")
def staff_user(name: str, password: str) -> None:
    """Print a line for the ASSISTANT_STAFF_USERS file: NAME and a salted hash of the password."""
    from ..staff.access import hash_password

    if ":" in name or not name.strip():
        raise click.BadParameter("a user name cannot be empty or hold ':'", param_hint="NAME")
    click.echo(f"{name.strip()}:{hash_password(password)}")
