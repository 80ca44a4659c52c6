"""A drafted partnership summary for staff to edit and send: a title, one short paragraph per partnership
(who, what, when, why) with inline [n] citations, and a numbered source list (title, date, quote).

Map, then combine: every relevant article's rows become paragraphs on their own (so nothing is lost to a
top-k), then the paragraphs are ordered newest first and their sources numbered once. Offline, each
paragraph is written from the table row and cites its verbatim quote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..text.tokens import tokenize

KIND_PHRASES = {
    "memorandum": "signed a memorandum of cooperation",
    "co-organisation": "organised an event together",
    "sponsorship/support": "are linked by sponsorship or support",
    "joint project": "work on a joint project",
    "membership": "are linked by membership",
}


@dataclass
class Source:
    n: int
    article: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int


@dataclass
class Draft:
    title: str
    intro: str
    paragraphs: list[str]  # each with inline [n] markers
    sources: list[Source]
    problems: list[str] = field(default_factory=list)  # what the citation check dropped (LLM drafts)

    def markdown(self) -> str:
        lines = [f"# {self.title}", "", self.intro, ""]
        for p in self.paragraphs:
            lines += [p, ""]
        lines += ["## Sources", ""]
        for s in self.sources:
            lines.append(f"{s.n}. {s.title} ({s.date or 'undated'}): “{s.quote}”")
        return "\n".join(lines).rstrip() + "\n"


def relevant(rows: list[dict], topic: str | None) -> list[dict]:
    """Rows about the topic: their quote, purpose or article title shares a word (stem) with it."""
    if not topic:
        return rows
    wanted = set(tokenize(topic))
    return [r for r in rows if wanted & set(tokenize(f"{r['quote']} {r['purpose']} {r['title']}"))]


def _date_words(date: str | None) -> str:
    if not date:
        return "Undated"
    d = dt.date.fromisoformat(date)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _paragraph(row: dict, n: int) -> str:
    """Who, what, when and why of one row, every sentence citing the row's quote."""
    when = _date_words(row["date"])
    what = KIND_PHRASES.get(row["kind"], "are partners")
    text = f"**{when}.** {_join(row['parties'])} {what} [{n}]."
    if row["purpose"]:
        text += f" The aim: {row['purpose'].rstrip('.')} [{n}]."
    return text


def draft(
    rows: list[dict],
    org: str | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Draft:
    """The offline draft: map each article's rows to paragraphs, then combine and number the sources."""
    by_article: dict[str, list[dict]] = {}
    for row in relevant(rows, topic):
        by_article.setdefault(row["article"], []).append(row)
    mapped = [row for article_rows in by_article.values() for row in article_rows]  # map: per article
    mapped.sort(key=lambda r: (r["date"] or "", r["article"], r["start"]), reverse=True)  # combine: newest first
    sources: list[Source] = []
    paragraphs = []
    for row in mapped:
        key = (row["article"], row["start"], row["end"])
        found = next((s for s in sources if (s.article, s.start, s.end) == key), None)
        if found is None:
            found = Source(
                len(sources) + 1, row["article"], row["title"], row["date"], row["quote"], row["start"], row["end"]
            )
            sources.append(found)
        paragraphs.append(_paragraph(row, found.n))
    return Draft(_title(org, topic, since, until), _intro(mapped, by_article), paragraphs, sources)


def _title(org: str | None, topic: str | None, since: str | None, until: str | None) -> str:
    title = "Partnerships" + (f" of {org}" if org else "") + (f" on {topic}" if topic else "") + " in the news"
    if since or until:
        title += f" ({since or '…'} to {until or 'today'})"
    return title


def _intro(rows: list[dict], articles: dict[str, list[dict]]) -> str:
    if not rows:
        return "The news corpus states no partnership that matches this request."
    return (
        f"{len(rows)} partnership{'s' if len(rows) != 1 else ''} from {len(articles)} "
        f"article{'s' if len(articles) != 1 else ''}, newest first. Drafted from the articles' own words: "
        "check each [n] against its source below before sending."
    )


def draft_with_llm(
    rows: list[dict],
    model,
    prompts,
    org: str | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
    max_sentences: int = 4,
) -> Draft:
    """An LLM writes each article's paragraph from that article's quotes (map); the citation check keeps only
    the sentences a quote supports; paragraphs are combined newest first and sources numbered once (reduce).
    An article whose prose keeps no sentence gets the offline paragraphs instead."""
    offline = draft(rows, org, topic, since, until)
    by_article: dict[str, list[Source]] = {}
    for source in offline.sources:
        by_article.setdefault(source.article, []).append(source)
    paragraphs, problems = [], list(offline.problems)
    for sources in by_article.values():  # in the offline draft's order: newest first
        text, dropped = _llm_paragraph(model, prompts, sources, max_sentences)
        problems += dropped
        if text:
            paragraphs.append(text)
        else:
            numbers = {f"[{s.n}]" for s in sources}
            paragraphs += [p for p in offline.paragraphs if any(n in p for n in numbers)]
            problems.append(
                f"{sources[0].title[:60]}: no sentence of the LLM's paragraph was supported; "
                "the paragraph written from the table stands instead"
            )
    return Draft(
        offline.title,
        offline.intro.replace("Drafted from the articles' own words", "Drafted by an LLM from the articles' quotes"),
        paragraphs,
        offline.sources,
        problems,
    )


def _llm_paragraph(model, prompts, sources: list[Source], max_sentences: int) -> tuple[str, list[str]]:
    """One article's paragraph, its markers renumbered to the draft's sources; and what the check dropped."""
    from langchain_core.messages import HumanMessage

    from ..answer.citations import MARKER, check, number_passages
    from ..records import Passage
    from ..text.sentences import sentence_spans

    passages = [
        Passage(
            article=s.article,
            chunk=0,
            chunk_id=f"{s.article}:{s.start}",
            text=s.quote,
            title=f"{s.title} ({_date_words(s.date)})",  # its date supports "when" claims as its quote does
            date=s.date,
            start=s.start,
            end=s.end,
        )
        for s in sources
    ]
    prompt = prompts.render(
        "summarize_partnerships",
        max_sentences=str(max_sentences),
        title=sources[0].title,
        date=sources[0].date or "undated",
        passages=number_passages(passages),
    )
    checked = check(str(model.invoke([HumanMessage(prompt)]).content), passages)
    kept, dropped = [], [f"{sources[0].title[:60]}: {p}" for p in checked.problems]
    for s, e in sentence_spans(checked.text):
        sentence = checked.text[s:e]
        if MARKER.search(sentence):
            kept.append(
                MARKER.sub(
                    lambda m: "".join(f"[{sources[int(n) - 1].n}]" for n in m.group(1).replace(";", ",").split(",")),
                    sentence,
                )
            )
        elif sentence.strip(" .[]0-9"):
            dropped.append(f"dropped “{sentence[:80]}”: no quote supports it")
    return " ".join(kept), dropped
