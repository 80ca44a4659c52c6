"""The offline model: a real LangChain chat model that answers by extraction, with no network.

It reads the numbered passages and the question from its prompt (the same prompt an LLM gets),
picks the sentences that best answer the question, and writes each with its passage marker.
It refuses (REFUSAL_TOKEN) when the evidence does not cover the question's terms, or lacks
the kind of answer asked for (a number for "how many", a date for "when", a price for "price").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from ...text.sentences import is_heading, sentences
from ...text.tokens import tokenize
from ..question import analyse, matched, satisfies
from . import REFUSAL_TOKEN

_PASSAGE_HEAD = re.compile(r"^\[(\d+)\]\s*(.*)$", re.MULTILINE)


@dataclass
class _Passage:
    n: int
    title: str
    text: str


def parse_prompt(prompt: str) -> tuple[str, list[_Passage]]:
    """(question, passages) from the answer prompt (prompts/answer_user.md)."""
    block = re.search(r"<passages>\n?(.*?)</passages>", prompt, re.DOTALL)
    question = re.search(r"Question:\s*(.*)\s*$", prompt, re.DOTALL)
    passages: list[_Passage] = []
    if block:
        body = block.group(1)
        heads = list(_PASSAGE_HEAD.finditer(body))
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
            passages.append(_Passage(int(m.group(1)), m.group(2).strip(), body[m.end() : end].strip()))
    return (question.group(1).strip() if question else prompt.strip()), passages


_TYPED = ("price", "year", "date", "count", "duration")


@dataclass
class _Scored:
    score: float
    own: float  # share of the question's own terms (idf-weighted) the sentence holds
    passage: _Passage
    sentence: str
    tokens: set[str]


def _coverage(terms, by_article: dict[str, set[str]]) -> dict[str, float]:
    return {title: len(matched(terms, toks)) / len(terms) if terms else 1.0 for title, toks in by_article.items()}


def compose_answer(question: str, passages: list[_Passage], max_sentences: int = 3, min_coverage: float = 0.75) -> str:
    """Best-answering sentences, each followed by its [n]; REFUSAL_TOKEN when the evidence falls short."""
    info = analyse(question)
    terms = set(info.terms)
    if not passages or not terms:
        return REFUSAL_TOKEN

    # How much of the question each article (its title and all of its passages) covers.
    by_article: dict[str, set[str]] = defaultdict(set)
    for p in passages:
        by_article[p.title] |= set(tokenize(p.title + " " + p.text))
    coverage = _coverage(terms, by_article)
    context = _coverage(set(info.context), by_article)  # follow-ups: the earlier turns' subject
    # A "which … are" question may join several things with and/or: each article needs only part.
    floor = 0.5 if info.enumerative else min_coverage
    if max(coverage.values()) < floor:
        return REFUSAL_TOKEN

    units = [
        (p, s)
        for p in passages
        if coverage[p.title] >= floor
        for s in sentences(p.text)
        if not (is_heading(s) or s.strip() == p.title.strip())
    ]
    tokens = [set(tokenize(s)) for _, s in units]
    df = {t: sum(bool(matched([t], toks)) for toks in tokens) for t in terms}
    idf = {t: math.log(1 + len(units) / (1 + df[t])) for t in terms}
    total = sum(idf.values())
    rank = {p.n: i for i, p in enumerate(passages)}
    scored: list[_Scored] = []
    for (p, s), toks in zip(units, tokens, strict=False):
        own = sum(idf[t] for t in matched(terms, toks)) / total
        score = own * (0.5 + 0.5 * coverage[p.title]) * (0.5 + 0.5 * context[p.title]) + 0.05 / (1 + rank[p.n])
        if info.kind in _TYPED:
            score = score + 0.3 if satisfies(info.kind, s) else score * 0.3
        scored.append(_Scored(score, own, p, s, toks))
    scored.sort(key=lambda x: -x.score)
    best = scored[0]
    if (info.kind in _TYPED and not satisfies(info.kind, best.sentence)) or best.own == 0:
        return REFUSAL_TOKEN

    chosen = [best]
    for cand in scored[1:]:
        if len(chosen) >= max_sentences + (1 if info.enumerative else 0):
            break
        if cand.own < 0.5 * best.own or cand.sentence in {c.sentence for c in chosen}:
            continue
        if info.enumerative:  # one sentence per article, about the kind of thing asked for
            on_focus = not info.focus or matched([info.focus], cand.tokens)
            new_article = cand.passage.title not in {c.passage.title for c in chosen}
            if on_focus and new_article and cand.score >= 0.4 * best.score:
                chosen.append(cand)
        elif cand.score >= 0.75 * best.score:
            chosen.append(cand)
    return " ".join(_with_list(c.sentence, c.passage, passages) for c in chosen)


_LIST_ITEM = re.compile(r"^\s*(?:[•\-*–]|\d+[.)])\s+")


def _list_items(lines: list[str]) -> list[str]:
    items = []
    for line in lines:
        if _LIST_ITEM.match(line):
            items.append(_LIST_ITEM.sub("", line).strip().rstrip("."))
        elif line.strip():
            break
    return items


def _with_list(sentence: str, passage: _Passage, passages: list[_Passage]) -> str:
    """The sentence and its marker; one that introduces a list ("key areas were discussed:") brings the
    items along, from the next passage of the same article when the chunk ended at the colon."""
    cited = f"{sentence} [{passage.n}]"
    if not sentence.rstrip().endswith(":"):
        return cited
    items = _list_items(passage.text[passage.text.find(sentence) + len(sentence) :].split("\n"))
    if items:
        return f"{sentence} {'; '.join(items)} [{passage.n}]."
    if passage.text.rstrip().endswith(sentence.rstrip()):
        for other in passages:
            if other.title == passage.title and other is not passage and _LIST_ITEM.match(other.text):
                items = _list_items(other.text.split("\n"))
                return f"{sentence} [{passage.n}] {'; '.join(items)} [{other.n}]."
    return cited


class OfflineChatModel(BaseChatModel):
    """Extractive, deterministic, offline. Also the stand-in model for tests."""

    max_sentences: int = 3
    min_coverage: float = 0.75

    @property
    def _llm_type(self) -> str:
        return "offline-extractive"

    def _answer(self, messages: list[BaseMessage]) -> str:
        question, passages = parse_prompt(str(messages[-1].content))
        return compose_answer(question, passages, self.max_sentences, self.min_coverage)

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._answer(messages)))])

    def _stream(
        self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any
    ) -> Iterator[ChatGenerationChunk]:
        for piece in re.findall(r"\S+\s*", self._answer(messages)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
