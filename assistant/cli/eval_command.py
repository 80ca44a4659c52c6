"""The eval command: canned queries in, scored report out; or two reports compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .base import assistant_for, cli


def _thresholds(ctx, param, values) -> dict[str, float]:
    out = {}
    for v in values:
        name, _, number = v.partition("=")
        try:
            out[name.strip()] = float(number)
        except ValueError:  # also "fact_recall" with no "=": float("") fails
            raise click.BadParameter(f"{v!r}: write METRIC=NUMBER, e.g. fact_recall=0.9") from None
    return out


def _write_html(output: str | None, page: str, *reports: dict) -> None:
    from ..pictures import eval_page

    if not output:
        raise click.UsageError("an HTML report is a file: add --output FILE.html")
    written = eval_page.write_page(getattr(eval_page, page)(*reports), Path(output))
    click.echo(f"Report written to {written} ({written.stat().st_size / 1e6:.1f} MB, opens offline)", err=True)


@cli.command(name="eval")
@click.argument("query_file", required=False, type=click.Path(dir_okay=False))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "html"]),
    default="json",
    show_default=True,
    help="Format of the --output file; html is one page with charts that opens offline.",
)
@click.option("--model", "llm", type=click.Choice(["offline", "openai"]), help="Chat model [ASSISTANT_LLM].")
@click.option("-k", "k", type=click.IntRange(1, 50), help="Passages per question [ASSISTANT_ANSWER_K].")
@click.option(
    "--fail-under",
    multiple=True,
    callback=_thresholds,
    metavar="METRIC=VALUE",
    help="Exit non-zero when METRIC is below VALUE (repeatable).",
)
@click.option(
    "--fail-over",
    multiple=True,
    callback=_thresholds,
    metavar="METRIC=VALUE",
    help="Exit non-zero when METRIC is above VALUE, for false_refusals and latencies (repeatable).",
)
@click.option(
    "--compare",
    nargs=2,
    type=click.Path(exists=True, dir_okay=False),
    metavar="A.json B.json",
    help="Compare two reports instead of running queries.",
)
@click.pass_context
def eval_cmd(ctx, query_file, output, fmt, llm, k, fail_under, fail_over, compare) -> None:
    """Run canned queries (YAML, the dev_queries.yaml format) and score the answers."""
    from ..evaluation import report as reports_md

    if compare:
        reports = []
        for path in compare:
            try:
                reports.append(json.loads(Path(path).read_text(encoding="utf-8")))
            except ValueError as e:
                raise click.BadParameter(f"{path} is not a JSON report ({e})", param_hint="--compare") from None
            if not (isinstance(reports[-1], dict) and {"summary", "queries"} <= reports[-1].keys()):
                raise click.BadParameter(
                    f"{path} is JSON but not a report: write one with assistant eval FILE --output A.json",
                    param_hint="--compare",
                )
        if fmt == "html":
            _write_html(output, "compare_page", *reports)
        else:
            click.echo(reports_md.compare(*reports))
        return
    if fmt == "html" and not output:
        raise click.UsageError("an HTML report is a file: add --output FILE.html")
    if not query_file:
        raise click.UsageError("give a query file (e.g. tests/data/dev_queries.yaml), or --compare A.json B.json")
    report = assistant_for(ctx, llm=llm).evaluate(query_file, k=k, progress=sys.stderr.isatty())
    known = reports_md.known_metrics(report["summary"]["k"])
    unknown = sorted((set(fail_under) | set(fail_over)) - known)
    if unknown:
        raise click.BadParameter(f"unknown metric(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if output and fmt == "html":
        _write_html(output, "report_page", report)
    elif output:
        reports_md.write_report(report, output, fmt)
    click.echo(reports_md.markdown(report))
    if output and fmt != "html":
        click.echo(f"\nReport written to {output}", err=True)
    if report["summary"]["interrupted"]:
        sys.exit(130)
    broken = reports_md.check_thresholds(report["summary"], fail_under, fail_over)
    for line in broken:
        click.secho(f"threshold: {line}", fg="red", err=True)
    if broken:
        sys.exit(3)
