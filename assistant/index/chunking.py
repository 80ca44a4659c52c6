"""Article → Chunks: sentence-aware, sized in the embedding model's word pieces, with offsets.

Chunk ids come from the article id and the chunk's text, so an unchanged passage
keeps its id (and its embedding) even when other parts of the article change.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import Skipped, load_corpus
from ..corpus.loader import load_article
from ..records import Article, Chunk, embed_text

_WORD = re.compile(r"\w+", re.UNICODE)


def count_words(text: str) -> int:
    """Chunk length: words in any script (word pieces would cut Russian 5 times shorter than English)."""
    return len(_WORD.findall(text))


# Paragraphs, lines, sentence ends, clause breaks, words: the splitter tries them in order.
SEPARATORS = [r"\n\n+", r"\n", r"(?<=[.!?…])\s+", r"(?<=[;:])\s+", r"(?<=,)\s+", r"\s+", ""]


def _splitter(chunk_words: int, overlap: int):
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        is_separator_regex=True,
        keep_separator="end",
        chunk_size=chunk_words,
        chunk_overlap=min(overlap, chunk_words // 2),
        length_function=count_words,
        add_start_index=True,
        strip_whitespace=True,
    )


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def chunk_article(article: Article, chunk_words: int = 120, overlap: int = 24) -> list[Chunk]:
    """The article's passages, in order, each with [start, end) offsets into `article.text`."""
    docs = _splitter(chunk_words, overlap).create_documents([article.text])
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    cursor = 0
    for i, doc in enumerate(docs):
        text = doc.page_content
        start = doc.metadata.get("start_index", -1)
        if start < 0 or article.text[start : start + len(text)] != text:
            start = article.text.find(text, cursor)  # the splitter's offset guess can miss; find it exactly
        cursor = max(start, 0)
        h = text_hash(embed_text(article.title, text))
        seen[h] = seen.get(h, 0) + 1
        suffix = "" if seen[h] == 1 else f"-{seen[h]}"
        chunks.append(
            Chunk(
                id=f"{article.id}:{h}{suffix}",
                article=article.id,
                index=i,
                text=text,
                start=start,
                end=start + len(text),
                title=article.title,
                date=article.date,
                content_hash=h,
            )
        )
    return chunks


@dataclass
class ChunkedCorpus:
    """The corpus folder's articles, their chunks as the index stores them, and the files skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chunks: dict[str, list[Chunk]] = field(default_factory=dict)


def read_corpus(
    folder: Path, max_mb: float, chunk_words: int, overlap: int, cache_file: Path | None = None
) -> ChunkedCorpus:
    """Read and chunk every article; with `cache_file`, files unchanged since the last read are not read."""
    from .read_cache import ReadCache, stamp

    cache = ReadCache(cache_file, f"{max_mb}/{signature(chunk_words, overlap)}") if cache_file else None
    chunks: dict[str, list[Chunk]] = {}

    def read(path: Path, max_bytes: int) -> Article:
        hit = cache.get(path) if cache else None
        if hit:
            chunks[hit[0].id] = hit[1]
            return hit[0]
        before = stamp(path)
        article = load_article(path, max_bytes)
        chunks[article.id] = chunk_article(article, chunk_words, overlap)
        if cache:
            cache.put(path, before, article, chunks[article.id])
        return article

    load = load_corpus(folder, max_mb, read)
    if cache:
        cache.save()
    return ChunkedCorpus(load.articles, load.skipped, {a.id: chunks[a.id] for a in load.articles})


def signature(chunk_words: int, overlap: int) -> str:
    """How chunks were cut; stored with each chunk, so a change of chunking re-indexes."""
    return f"w{chunk_words}/{overlap}"
