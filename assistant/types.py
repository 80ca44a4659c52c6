"""Plain dataclasses that cross module lines: Article, Chunk, Passage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Article:
    """One cleaned news article; `id` is the file stem."""

    id: str
    text: str
    title: str
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    publisher: str | None = None
    language: str = "en"
    source: str = ""  # path of the file it came from
    content_hash: str = ""  # hash of text and metadata: changes when anything indexed changes

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Chunk:
    """A passage of an article with its character offsets in the cleaned text."""

    id: str
    article: str
    index: int
    text: str
    start: int
    end: int
    title: str = ""
    date: str | None = None
    content_hash: str = ""  # hash of what is embedded (title and text)

    @property
    def embed_text(self) -> str:
        """What the embedder and BM25 see: the title gives every passage its article's context."""
        return embed_text(self.title, self.text)


def embed_text(title: str, text: str) -> str:
    return f"{title}\n\n{text}" if title else text


@dataclass
class Passage:
    """A retrieved chunk with its rank scores."""

    article: str
    chunk: int
    chunk_id: str
    text: str
    title: str
    date: str | None
    start: int
    end: int
    score: float = 0.0  # fused (RRF) score
    dense: float | None = None  # cosine similarity, when the dense side found it
    bm25: float | None = None  # BM25 score, when the lexical side found it
    extra: dict = field(default_factory=dict)

    def to_dict(self, rank: int | None = None) -> dict:
        d = {
            "article": self.article,
            "chunk": self.chunk,
            "title": self.title,
            "date": self.date,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 6),
        }
        return {"rank": rank, **d} if rank is not None else d
