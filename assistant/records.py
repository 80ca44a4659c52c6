"""The records that cross stage lines: Article, Chunk, Passage, Citation, Answer, and a chat Turn."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import InvalidInputError


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
    score: float = 0.0  # fused score (dense and BM25, each scaled to [0, 1])
    dense: float | None = None  # cosine similarity, when the dense side found it
    bm25: float | None = None  # BM25 score, when the lexical side found it

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "chunk": self.chunk,
            "title": self.title,
            "date": self.date,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 6),
        }


@dataclass
class Citation:
    """A checked citation: passage n of the answer's passages, and the quote that supports the claim."""

    n: int
    article: str
    chunk: int
    title: str
    date: str | None
    quote: str
    start: int  # character offsets of the quote in the cleaned article
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """What the chain returns; `to_dict` is the `ask --json` shape."""

    question: str
    standalone_question: str
    answer: str
    refused: bool
    citations: list[Citation]
    passages: list[Passage]
    model: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # citation markers removed or moved, with reasons

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer": self.answer,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [{"n": i, **p.to_dict()} for i, p in enumerate(self.passages, start=1)],
            "model": self.model,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "problems": self.problems,
        }


class Turn(BaseModel):
    """One turn of a conversation: the CLI's --history, evaluation files and the API use this model."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    role: Literal["user", "assistant"]
    content: str


TURNS_FORMAT = 'a list of {"role": "user" or "assistant", "content": "..."}'


def parse_history(data: Any) -> list[Turn]:
    """Earlier turns from JSON-like data (dicts or Turns); InvalidInputError naming the bad turn."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise InvalidInputError("the chat history is not a list", f"write {TURNS_FORMAT}")
    turns = []
    for i, item in enumerate(data, start=1):
        try:
            turns.append(item if isinstance(item, Turn) else Turn.model_validate(item))
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "turn"
            raise InvalidInputError(
                f"turn {i} of the chat history is not valid ({where}: {err['msg']})", f"write {TURNS_FORMAT}"
            ) from None
    return turns
