"""Command line: parse input, make one library call, render. Errors become one line and an exit code."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import textwrap
from pathlib import Path

import click

from .errors import AssistantError


def _assistant(ctx: click.Context, **extra):
    """The Assistant for this run (one per set of options: the main job's ingest and chat share it)."""
    from .config import get_settings
    from .core import Assistant

    settings = get_settings(**{**ctx.obj, **extra})
    cache = ctx.find_root().meta.setdefault("assistants", {})
    key = settings.model_dump_json()
    if key not in cache:
        cache[key] = Assistant(settings)
    return cache[key]


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _report_skipped(skipped) -> None:
    for s in skipped:
        click.echo(str(s), err=True)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False), help="Corpus folder [ASSISTANT_CORPUS_DIR].")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Index folder [ASSISTANT_STORE_DIR].")
@click.option("--chroma-url", help="Use a Chroma server instead of the folder [ASSISTANT_CHROMA_URL].")
@click.version_option(package_name="news-assistant")
@click.pass_context
def cli(ctx: click.Context, corpus_dir, store_dir, chroma_url) -> None:
    """A chat assistant over a news corpus. With no command: update the index, then chat."""
    ctx.obj = {"corpus_dir": corpus_dir, "store_dir": store_dir, "chroma_url": chroma_url}
    if ctx.invoked_subcommand is None:
        ctx.invoke(ingest)
        chat_cmd = cli.get_command(ctx, "chat")
        if chat_cmd is not None:
            ctx.invoke(chat_cmd)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def corpus(ctx: click.Context, as_json: bool) -> None:
    """List the articles of the corpus folder."""
    c = _assistant(ctx).read_corpus()
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
    _report_skipped(c.skipped)
    if as_json:
        _echo_json(rows)
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
    report, corpus = _assistant(ctx).ingest(rebuild=rebuild, progress=not as_json and sys.stderr.isatty())
    _report_skipped(corpus.skipped)
    if as_json:
        _echo_json(report.to_dict())
        return
    r = report
    click.echo(
        f"Indexed {r.articles} articles ({r.chunks} chunks) in {r.seconds:.1f}s: {r.added} added, "
        f"{r.updated} updated, {r.deleted} deleted, {r.unchanged} unchanged; {r.embedded} chunks embedded.",
        err=True,
    )


@cli.command()
@click.argument("query")
@click.option("-k", "k", type=click.IntRange(1, 100), help="How many passages [ASSISTANT_TOP_K].")
@click.option("--article", "articles", multiple=True, help="Only these article ids (repeatable).")
@click.option("--from", "date_from", callback=_iso_date, help="Only articles dated on or after YYYY-MM-DD.")
@click.option("--to", "date_to", callback=_iso_date, help="Only articles dated on or before YYYY-MM-DD.")
@click.option(
    "--per-article",
    type=click.IntRange(1, 100),
    help="At most N passages from one article (for questions about the whole corpus).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, k, articles, date_from, date_to, per_article, as_json: bool) -> None:
    """Print the passages that best match QUERY (hybrid: dense + BM25)."""
    from .retrieval.filters import Filters

    filters = Filters(tuple(articles), date_from, date_to)
    passages = _assistant(ctx).search(query, k=k, filters=filters, per_article=per_article)
    if as_json:
        _echo_json([{"rank": i, **p.to_dict()} for i, p in enumerate(passages, start=1)])
        return
    if not passages:
        click.echo("No passage matches.", err=True)
    for i, p in enumerate(passages, start=1):
        click.secho(
            f"[{i}] {p.title} ({p.date or 'undated'}) — {p.article}#{p.chunk} "
            f"chars {p.start}-{p.end}, score {p.score:.4f}",
            bold=True,
        )
        click.echo(textwrap.indent(textwrap.fill(p.text, 100), "    "))


def _load_history(path) -> list:
    from .records import parse_history

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise click.BadParameter(f"cannot read {path} as JSON ({e})", param_hint="--history") from None
    try:
        return parse_history(data)
    except AssistantError as e:
        raise click.BadParameter(str(e), param_hint="--history") from None


def _render_answer(answer) -> None:
    click.echo(textwrap.fill(answer.answer, 100) if "\n" not in answer.answer else answer.answer)
    if answer.citations:
        click.echo()
        click.secho("Sources", bold=True)
        for c in answer.citations:
            click.echo(f"[{c.n}] {c.title} ({c.date or 'undated'}) — {c.article}, chars {c.start}-{c.end}")
            click.echo(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "    "))
    for p in answer.problems:
        click.secho(f"note: {p}", dim=True, err=True)


def _render_answer_sources(answer) -> None:
    """The compact source list of the chat."""
    for c in answer.citations:
        click.secho(f"  [{c.n}] {c.title} ({c.date or 'undated'}): “{textwrap.shorten(c.quote, 90)}”", dim=True)


@cli.command()
@click.argument("question")
@click.option(
    "--history",
    "history_file",
    type=click.Path(dir_okay=False),
    help='JSON list of earlier turns: [{"role": "user"|"assistant", "content": "..."}].',
)
@click.option("-k", "k", type=click.IntRange(1, 50), help="Passages given to the model [ASSISTANT_ANSWER_K].")
@click.option("--model", "llm", type=click.Choice(["offline", "openai"]), help="Chat model [ASSISTANT_LLM].")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, history_file, k, llm, as_json: bool) -> None:
    """Answer QUESTION from the news, with checked citations."""
    history = _load_history(history_file) if history_file else []
    assistant = _assistant(ctx, llm=llm)
    assistant.warm_up()  # the model loads while the chain's modules import
    answer = assistant.ask(question, history, k=k)
    if as_json:
        _echo_json(answer.to_dict())
    else:
        _render_answer(answer)


@cli.command()
@click.option("--model", "llm", type=click.Choice(["offline", "openai"]), help="Chat model [ASSISTANT_LLM].")
@click.pass_context
def chat(ctx: click.Context, llm=None) -> None:
    """Chat in the terminal: follow-up questions keep their context. /reset starts over, /quit leaves."""
    from .records import Turn

    assistant = _assistant(ctx, llm=llm)
    assistant.warm_up()
    history: list[Turn] = []
    click.secho(f"News assistant ({assistant.model_label}). Ask about the news; /reset, /quit.", bold=True, err=True)
    while True:
        try:
            question = input("\nyou> ").strip()
        except EOFError:
            click.echo(err=True)
            return
        if question in ("/quit", "/exit", "quit", "exit"):
            return
        if question == "/reset":
            history = []
            click.echo("(new conversation)", err=True)
            continue
        if not question:
            continue
        try:
            answer = _render_stream(assistant.stream(question, history))
        except AssistantError as e:
            click.secho(f"error: {e}", fg="red", err=True)
            continue
        _render_answer_sources(answer)
        history += [Turn(role="user", content=question), Turn(role="assistant", content=answer.answer)]


def _render_stream(events):
    """Print text as it streams; when the citation check changed it, print the checked answer."""
    from .answer.events import Done, ReplaceText, TextDelta, collect

    streamed: list[str] = []

    def shown():
        for event in events:
            if isinstance(event, TextDelta):
                streamed.append(event.text)
                click.echo(event.text, nl=False)
            elif isinstance(event, ReplaceText):
                if " ".join("".join(streamed).split()) != " ".join(event.text.split()):
                    if streamed:
                        click.echo()
                        click.secho("checked answer:", dim=True)
                    click.echo(textwrap.fill(event.text, 100), nl=False)
                click.echo()
            elif isinstance(event, Done):
                for p in event.answer.problems:
                    click.secho(f"note: {p}", dim=True, err=True)
            yield event

    return collect(shown())


def _thresholds(ctx, param, values) -> dict[str, float]:
    out = {}
    for v in values:
        name, _, number = v.partition("=")
        try:
            out[name.strip()] = float(number)
        except ValueError:  # also "fact_recall" with no "=": float("") fails
            raise click.BadParameter(f"{v!r}: write METRIC=NUMBER, e.g. fact_recall=0.9") from None
    return out


@cli.command(name="eval")
@click.argument("query_file", required=False, type=click.Path(dir_okay=False))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="Format of the --output file.",
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
    from .evaluation import report as reports_md

    if compare:
        reports = []
        for path in compare:
            try:
                reports.append(json.loads(Path(path).read_text(encoding="utf-8")))
            except ValueError as e:
                raise click.BadParameter(f"{path} is not a JSON report ({e})", param_hint="--compare") from None
        click.echo(reports_md.compare(*reports))
        return
    if not query_file:
        raise click.UsageError("give a query file (e.g. tests/data/dev_queries.yaml), or --compare A.json B.json")
    report = _assistant(ctx, llm=llm).evaluate(query_file, k=k, progress=sys.stderr.isatty())
    known = reports_md.known_metrics(report["summary"]["k"])
    unknown = sorted((set(fail_under) | set(fail_over)) - known)
    if unknown:
        raise click.BadParameter(f"unknown metric(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if output:
        reports_md.write_report(report, output, fmt)
    click.echo(reports_md.markdown(report))
    if output:
        click.echo(f"\nReport written to {output}", err=True)
    if report["summary"]["interrupted"]:
        sys.exit(130)
    broken = reports_md.check_thresholds(report["summary"], fail_under, fail_over)
    for line in broken:
        click.secho(f"threshold: {line}", fg="red", err=True)
    if broken:
        sys.exit(3)


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
