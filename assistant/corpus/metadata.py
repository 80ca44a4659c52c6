"""Article metadata read off the text: title, date (ISO 8601), publisher. Language: text.script."""

from __future__ import annotations

import re
import string

from ..text.dates import find_dates
from ..text.sentences import first_sentence, is_heading

_LABELLED_DATE = re.compile(
    r"(?:дата публикации|опубликовано|published(?: on)?|publication date|date|жарияланды|жарияланған күні)\s*:?\s*",
    re.IGNORECASE,
)


def extract_date(raw: str) -> str | None:
    """The publication or event date: a labelled date first, else the first date stated."""
    dates = find_dates(raw)
    if not dates:
        return None
    for label in _LABELLED_DATE.finditer(raw):
        for pos, date in dates:
            if label.end() <= pos <= label.end() + 3:
                return date.isoformat()
    return dates[0][1].isoformat()


_PUBLISHER = re.compile(
    r"(?:published by|publisher|source|источник|автор|дереккөз)\s*:\s*([^\n\]\[,;|]{2,80})", re.IGNORECASE
)


def extract_publisher(raw: str) -> str | None:
    """The publisher when the page states one ("published by: …", "Источник: …")."""
    m = _PUBLISHER.search(raw)
    return m.group(1).strip(" .") if m else None


_QUOTES = "\"'“”«»„‘’"


def _is_title_line(line: str) -> bool:
    """A heading line of title length that is not a quotation or a dateline."""
    return (
        12 <= len(line) <= 250
        and 3 <= len(line.split()) <= 30
        and line[0] not in _QUOTES
        and is_heading(line)
        and not find_dates(line)
    )


def _is_body(line: str) -> bool:
    return len(line.split()) >= 15 and line[0] not in _QUOTES and not line.endswith(("...", "…"))


def _shortened(sentence: str, limit: int = 120) -> str:
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def extract_title(cleaned: str) -> str:
    """A heading line above the body, else the body's first sentence (shortened)."""
    lines = [ln.strip() for ln in cleaned.split("\n") if ln.strip()]
    for line in lines:
        if _is_title_line(line):
            return string.capwords(line) if line.isupper() else line
        if _is_body(line):
            return _shortened(first_sentence(line))
    return _shortened(first_sentence(lines[0])) if lines else ""
