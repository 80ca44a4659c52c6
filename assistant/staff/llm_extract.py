"""Partnerships read by an LLM (structured output), each row verified against its article, merged with the
rules' rows. What cannot be verified is dropped: a quote that is not the article's own text, a party the
article does not name, a kind outside the list.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from ..errors import AssistantError
from ..records import Article
from ..text.script import latin_lookalike
from .extract import KINDS, Row, event_date

KIND_NAMES = [kind for kind, _ in KINDS]
MAX_CHARS = 12_000  # of article text per request; longer articles are read in their first part


class Item(BaseModel):
    parties: list[str] = Field(min_length=2)
    kind: Literal["memorandum", "co-organisation", "sponsorship/support", "joint project", "membership"]
    date: str | None = None
    purpose: str = ""
    quote: str


class Items(BaseModel):
    partnerships: list[Item]


def _ask(model, prompt: str) -> Items:
    """Structured output where the server supports it; else JSON in the reply text (llama.cpp, older vLLM)."""
    from langchain_core.messages import HumanMessage

    try:
        result = model.with_structured_output(Items, method="json_schema").invoke([HumanMessage(prompt)])
        if isinstance(result, Items):
            return result
    except Exception:  # a server without json_schema support: try plain JSON below
        pass
    schema = json.dumps(Items.model_json_schema())
    reply = model.invoke([HumanMessage(f"{prompt}\n\nReply with JSON only, matching this schema:\n{schema}")])
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", str(reply.content).strip())
    try:
        return Items.model_validate_json(text)
    except ValidationError as e:
        raise ValueError(f"the LLM's partnerships are not valid JSON ({e.error_count()} errors)") from None


def _normalised(text: str) -> str:
    return " ".join(latin_lookalike(w) for w in re.sub(r"[“”\"«»„]", " ", text).split()).casefold()


def _locate(quote: str, text: str) -> tuple[int, int] | None:
    """Offsets of the quote in the article: exact, else the same words with other spacing."""
    quote = quote.strip()
    at = text.find(quote)
    if at >= 0 and quote:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def verified(item: Item, article: Article) -> Row | None:
    """The item as a table row, or None when the article does not bear it out."""
    span = _locate(item.quote, article.text)
    if span is None:
        return None
    start, end = span
    quote = article.text[start:end]
    whole = _normalised(article.text)
    parties = [p.strip() for p in item.parties if p.strip() and _normalised(p) in whole]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        return None
    date = (
        item.date
        if item.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.date) and item.date[:4] in article.text
        else event_date(quote, article)
    )
    return Row(
        parties=parties,
        kind=item.kind,
        date=date,
        purpose=item.purpose.strip(),
        article=article.id,
        title=article.title,
        quote=quote,
        start=start,
        end=end,
        source="llm",
        names=parties,
    )


def llm_rows(model, prompts, article: Article) -> list[Row]:
    """The LLM's verified rows for one article; AssistantError when the LLM cannot be used."""
    prompt = prompts.render(
        "extract_partnerships",
        kinds=", ".join(KIND_NAMES),
        title=article.title,
        date=article.date or "unknown",
        text=article.text[:MAX_CHARS],
    )
    try:
        items = _ask(model, prompt)
    except AssistantError:
        raise
    except Exception as e:
        raise AssistantError(
            f"the LLM could not extract partnerships from {article.id} ({e.__class__.__name__})",
            "the rules' rows are kept; run ingest again once the LLM answers",
        ) from None
    return [row for item in items.partnerships if (row := verified(item, article))]


def merge(rule_rows: list[Row], found: list[Row]) -> list[Row]:
    """One list: an LLM row on the sentence of a rule row adds its parties and purpose to it."""
    merged = list(rule_rows)
    for row in found:
        same = next((r for r in merged if r.start < row.end and row.start < r.end and r.source != "llm"), None)
        if same is None:
            merged.append(row)
            continue
        same.parties = list(dict.fromkeys(same.parties + [p for p in row.parties if p not in same.names]))
        same.names = list(dict.fromkeys(same.names + row.names))
        same.purpose = same.purpose or row.purpose
        same.source = "rules+llm"
    return sorted(merged, key=lambda r: r.start)
