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
