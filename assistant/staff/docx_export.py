"""A drafted summary as a Word document (python-docx), written from its Markdown, so what staff edited in
the page is what the DOCX holds: `#` title, `##` headings, paragraphs with **bold** and [n] citations,
and the numbered source list ("1. Title (date): “quote”" → "[1] Title (date): “quote”", quote in italics)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # python-docx refuses these characters
_SOURCE = re.compile(r"^(\d+)\.\s+(.*)$")


def _text(s: str) -> str:
    return _CONTROL.sub(" ", s)


def _add_runs(paragraph, text: str) -> None:
    """Text with **bold** spans as runs."""
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", _text(text))):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1


def _add_source(paragraph, number: str, text: str) -> None:
    paragraph.add_run(f"[{number}] ").bold = True
    head, sep, quote = text.rpartition(": “")
    if sep and quote.endswith("”"):
        paragraph.add_run(_text(head + ": "))
        paragraph.add_run(_text("“" + quote)).italic = True
    else:
        paragraph.add_run(_text(text))


def write_docx(markdown: str, path: Path) -> None:
    """Write a draft's Markdown (as `Draft.markdown()` makes it, possibly edited) as a DOCX file."""
    from docx import Document

    doc = Document()
    doc.core_properties.author = "News assistant (draft)"
    doc.core_properties.created = dt.datetime.now(dt.UTC)
    in_sources = False
    for line in markdown.splitlines():
        line = line.rstrip()
        if not line:
            continue
        if line.startswith("# "):
            doc.core_properties.title = _text(line[2:])
            doc.add_heading(_text(line[2:]), level=1)
        elif line.startswith("## "):
            in_sources = line[3:].strip().lower() == "sources"
            doc.add_heading(_text(line[3:]), level=2)
        elif in_sources and (m := _SOURCE.match(line)):
            _add_source(doc.add_paragraph(), m.group(1), m.group(2))
        else:
            _add_runs(doc.add_paragraph(), line)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
