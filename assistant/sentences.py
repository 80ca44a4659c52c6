"""Sentence spans with offsets: what answers quote and citations point at."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … after a word of 2+ lower-case letters, digits or a closing bracket/quote
# ("K.K." and "G.A." do not end one), or at a line break.
_END = re.compile(
    r"(?:(?<=[a-zа-яёәғқңөұүһі0-9]{2}[.!?…])|(?<=[)\]”»\"'’][.!?…])|(?<=[.!?…][”»\"'’]))"
    r"\s+(?=[\"“«(\[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9•\-–])|\n+"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, whitespace trimmed."""
    spans = []
    pos = 0
    for m in list(_END.finditer(text)) + [None]:
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
