"""Sentences and headings: what answers quote, citations point at, and titles are read from."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … after a word of 2+ lower-case letters, digits or a closing bracket/quote
# ("K.K." and "G.A." do not end one), or at a line break.
_END = re.compile(
    r"(?:(?<=[a-zа-яёәғқңөұүһі0-9]{2}[.!?…])|(?<=[)\]”»\"'’][.!?…])|(?<=[.!?…][”»\"'’]))"
    r"\s+(?=[\"“«(\[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9•\-–])|\n+"
)
# How a line that is a sentence (or a clause, or a quotation) ends; a heading ends otherwise.
_SENTENCE_ENDINGS = tuple(".!?…:;,") + tuple("\"'“”«»„‘’)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, whitespace trimmed."""
    spans = []
    pos = 0
    for m in [*_END.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = pos + lead, pos + len(chunk.rstrip())
        if e > s:
            spans.append((s, e))
        pos = m.end() if m else len(text)
    return spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def first_sentence(paragraph: str) -> str:
    spans = sentence_spans(paragraph)
    return paragraph[spans[0][0] : spans[0][1]] if spans else paragraph.strip()


def is_heading(line: str) -> bool:
    """A title or heading line: it does not end the way a sentence, clause or quotation does."""
    return not line.rstrip().endswith(_SENTENCE_ENDINGS)


def answerable_sentences(text: str) -> list[str]:
    """The sentences of a passage an answer may quote: headings and title lines left out."""
    return [s for s in sentences(text) if not is_heading(s)]


def sentence_key(sentence: str) -> str:
    """A stable id for a sentence's text (whitespace-insensitive), shared by the index and the answer step."""
    import hashlib

    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:20]
