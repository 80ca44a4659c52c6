"""A drafted summary as a Word document (python-docx): title, paragraphs with [n], numbered sources."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .summary import Draft

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # python-docx refuses these characters


def _text(s: str) -> str:
    return _CONTROL.sub(" ", s)


def _add_runs(paragraph, text: str) -> None:
    """Text with **bold** spans as runs (the drafts use bold for each paragraph's date)."""
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", _text(text))):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1


def write_docx(draft: Draft, path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.author = "News assistant (draft)"
    doc.core_properties.title = _text(draft.title)
    doc.core_properties.created = dt.datetime.now(dt.UTC)
    doc.add_heading(_text(draft.title), level=1)
    doc.add_paragraph().add_run(_text(draft.intro)).italic = True
    for text in draft.paragraphs:
        _add_runs(doc.add_paragraph(), text)
    doc.add_heading("Sources", level=2)
    for s in draft.sources:
        p = doc.add_paragraph()
        p.add_run(f"[{s.n}] ").bold = True
        p.add_run(_text(f"{s.title} ({s.date or 'undated'}): "))
        p.add_run(_text(f"“{s.quote}”")).italic = True
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
