"""The partnership table: extracted at ingest into each article's record, read back for the whole corpus.

Rows live beside the article they come from (in the index's articles collection), so a changed article
has its rows redone at the next ingest, an unchanged one costs nothing, and the table reads as fast over
a Chroma server as from the folder. Before a row is shown its quote is checked against its article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import AssistantError
from ..index.chunking import ChunkedCorpus
from ..index.store import ChromaStore
from .extract import VERSION, Row, extract
from .organisations import PartyNames

ROWS = "partnerships"
ROWS_SIGNATURE = "partnerships_signature"


@dataclass
class Reader:
    """An LLM that reads articles for partnerships too (when one is configured)."""

    model: Any
    prompts: Any
    label: str  # e.g. "openai:gpt-4o-mini": part of the rows' signature, so another model reads again


@dataclass
class Update:
    articles: int = 0  # articles whose rows were (re)extracted
    problems: list[str] = field(default_factory=list)  # articles the LLM could not read (their rule rows stand)


def update(store: ChromaStore, corpus: ChunkedCorpus, reader: Reader | None = None) -> Update:
    """Extract the rows of articles that are new, changed, or extracted by other rules or another model."""
    from .llm_extract import llm_rows, merge

    wanted = f"{VERSION}/{reader.label if reader else 'rules'}"
    stored = store.stored_articles()
    todo = [a for a in corpus.articles if stored.get(a.id, {}).get(ROWS_SIGNATURE) != f"{a.content_hash}/{wanted}"]
    result = Update(len(todo))
    for article in todo:
        rows, done = extract(article), wanted
        if reader is not None:
            try:
                rows = merge(rows, llm_rows(reader.model, reader.prompts, article))
            except AssistantError as e:
                result.problems.append(str(e))
                done = f"{VERSION}/rules"  # not what was wanted: read again at the next ingest
        payload = json.dumps([r.to_dict() for r in rows], ensure_ascii=False)
        store.annotate_articles({article.id: {ROWS: payload, ROWS_SIGNATURE: f"{article.content_hash}/{done}"}})
    return result


def stored_rows(store: ChromaStore, ids: list[str]) -> dict[str, list[dict]]:
    """The rows stored with these articles at the last ingest (as Row.to_dict), by article id."""
    return {aid: json.loads(meta.get(ROWS) or "[]") for aid, meta in store.articles_metadata(ids).items()}


@dataclass
class Table:
    rows: list[dict]  # as Row.to_dict, parties named one way across the corpus
    unverified: int  # rows left out because their quote no longer matches their article


def read(
    store: ChromaStore,
    org: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
) -> Table:
    """The table, newest first; filtered by a party's name (any of its names), date range and kind."""
    rows = [Row(**r) for meta in store.stored_articles().values() for r in json.loads(meta.get(ROWS) or "[]")]
    names = PartyNames([p for r in rows for p in r.parties])
    texts = {a.id: a.text for a in store.get_articles(sorted({r.article for r in rows})).values()}
    out, unverified = [], 0
    for r in rows:
        if texts.get(r.article, "")[r.start : r.end] != r.quote:
            unverified += 1
            continue
        parties = list(dict.fromkeys(names.display(p) for p in r.parties))
        if len(parties) < 2 or (kind and r.kind != kind) or not _in_range(r.date, since, until):
            continue
        if org and not _names_org(org, names, r.parties + r.names):
            continue
        out.append({**r.to_dict(), "parties": parties})
    out.sort(key=lambda r: (r["date"] or "", r["article"], r["start"]), reverse=True)
    return Table(out, unverified)


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if not (since or until):
        return True
    if date is None:
        return False  # undated rows cannot be placed in a range
    return (not since or date >= since) and (not until or date <= until)


def _names_org(org: str, names: PartyNames, written: list[str]) -> bool:
    """Whether a row names the organisation: by acronym, by any of its names, or by part of a name; in double
    quotes, by its whole name or acronym only (a click on the network asks for exactly that body)."""
    wanted = org.casefold().strip()
    if len(wanted) > 2 and wanted[0] == wanted[-1] == '"':
        wanted = wanted[1:-1].strip()
        return any(wanted in (names.key(n).casefold(), names.display(n).casefold()) for n in written)
    return any(names.key(n).casefold() == wanted or wanted in names.display(n).casefold() for n in written)


def to_csv(rows: list[dict]) -> str:
    import csv
    import io

    out = io.StringIO()
    fields = ["date", "kind", "parties", "purpose", "article", "title", "quote", "start", "end", "source"]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({**r, "parties": "; ".join(r["parties"])})
    return out.getvalue()
