"""The answer as a sequence of typed events, the same for every interface and for `ask`.

    Retrieved → TextDelta* → ReplaceText → Sources → Done

Text arrives as the model writes it; the citation check may then change it (markers moved or
removed, an unsupported answer refused), so `ReplaceText` carries the checked text that replaces
everything streamed before. `Done` carries the final Answer; `ask` is this stream collected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..records import Answer, Citation, Passage


@dataclass(frozen=True)
class Retrieved:
    """The question as retrieval saw it, and the numbered passages the answer is drawn from."""

    standalone_question: str
    passages: list[Passage]


@dataclass(frozen=True)
class TextDelta:
    """More of the model's text, as it is generated (not yet checked)."""

    text: str


@dataclass(frozen=True)
class ReplaceText:
    """The checked answer: it replaces all text streamed so far."""

    text: str
    refused: bool


@dataclass(frozen=True)
class Sources:
    """The checked citations, numbered like the answer's [n] markers."""

    citations: list[Citation]


@dataclass(frozen=True)
class Done:
    answer: Answer


AnswerEvent = Retrieved | TextDelta | ReplaceText | Sources | Done


def collect(events: Iterable[AnswerEvent]) -> Answer:
    """The final Answer of a stream of events."""
    answer = None
    for event in events:
        if isinstance(event, Done):
            answer = event.answer
    if answer is None:
        raise RuntimeError("the answer stream ended without a final answer")
    return answer
