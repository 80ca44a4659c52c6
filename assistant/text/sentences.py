"""Sentences and headings: what answers quote, citations point at, and titles are read from.

Sentence boundaries come from sentence-splitter (Moses' rules and its lists of abbreviations a
sentence does not end at, for English and Russian, plus ours in data/nonbreaking_prefixes.txt):
"opened on Sept. 14 in Astana", "Dr. Bekova", "School No. 12", "им. аль-Фараби", "А. Б. Касымов",
"2025 ж. 5 наурызда" stay whole. A line break always ends a sentence. benchmarks/sentence_split.py
compares the splitters we tried.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

# How a line that is a sentence (or a clause, or a quotation) ends; a heading ends otherwise.
_SENTENCE_ENDINGS = tuple(".!?…:;,") + tuple("\"'“”«»„‘’)")
_ELLIPSIS = re.compile(r"(…[\"'”»)]*)\s+(?=[\"“«(\[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")  # Moses reads "..." but not "…"


@lru_cache(maxsize=1)
def _splitter():
    import sentence_splitter
    from sentence_splitter import SentenceSplitter

    shipped = Path(sentence_splitter.__file__).parent / "non_breaking_prefixes"
    ours = resources.files("assistant.data").joinpath("nonbreaking_prefixes.txt").read_text(encoding="utf-8")
    lists = [(shipped / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ru")] + [ours]
    with tempfile.TemporaryDirectory() as folder:  # the library reads its list from a file
        merged = Path(folder) / "prefixes.txt"
        merged.write_text("\n".join(lists), encoding="utf-8")
        return SentenceSplitter(language="en", non_breaking_prefix_file=str(merged))


@lru_cache(maxsize=65536)
def _line_spans(line: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each sentence of one line (no line breaks), whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in _splitter().split(_ELLIPSIS.sub("\\1\n", line).replace("\n", " \u2029 ")):
        for part in sentence.split("\u2029"):
            words = part.split()
            if not words:
                continue
            start = end = line.find(words[0], pos)
            for word in words:
                end = line.find(word, end) + len(word)
            spans.append((start, end))
            pos = end
    return tuple(spans)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, whitespace trimmed."""
    return [
        (line.start() + s, line.start() + e)
        for line in re.finditer(r"[^\n]+", text)
        for s, e in _line_spans(line.group())
    ]


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
    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:20]
