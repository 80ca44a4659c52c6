"""Commands that ask: search, ask, and the terminal chat (which renders the answer's events)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from ..errors import AssistantError
from .base import assistant_for, cli, echo_json, iso_date


@cli.command()
@click.argument("query")
@click.option("-k", "k", type=click.IntRange(1, 100), help="How many passages [ASSISTANT_TOP_K].")
@click.option("--article", "articles", multiple=True, help="Only these article ids (repeatable).")
@click.option("--from", "date_from", callback=iso_date, help="Only articles dated on or after YYYY-MM-DD.")
@click.option("--to", "date_to", callback=iso_date, help="Only articles dated on or before YYYY-MM-DD.")
@click.option(
    "--per-article",
    type=click.IntRange(1, 100),
    help="At most N passages from one article (for questions about the whole corpus).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, k, articles, date_from, date_to, per_article, as_json: bool) -> None:
    """Print the passages that best match QUERY (hybrid: dense + BM25)."""
    from ..retrieval.filters import Filters

    filters = Filters(tuple(articles), date_from, date_to)
    passages = assistant_for(ctx).search(query, k=k, filters=filters, per_article=per_article)
    if as_json:
        echo_json([{"rank": i, **p.to_dict()} for i, p in enumerate(passages, start=1)])
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
    from ..records import parse_history

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
    assistant = assistant_for(ctx, llm=llm)
    assistant.warm_up()  # the model loads while the chain's modules import
    answer = assistant.ask(question, history, k=k)
    if as_json:
        echo_json(answer.to_dict())
    else:
        _render_answer(answer)


@cli.command()
@click.option("--model", "llm", type=click.Choice(["offline", "openai"]), help="Chat model [ASSISTANT_LLM].")
@click.pass_context
def chat(ctx: click.Context, llm=None) -> None:
    """Chat in the terminal: follow-up questions keep their context. /reset starts over, /quit leaves."""
    from ..records import Turn

    assistant = assistant_for(ctx, llm=llm)
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
    from ..answer.events import Done, ReplaceText, TextDelta, collect

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
