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

from ...text.script import mostly_cyrillic
from ...text.sentences import answerable_sentences
from ...text.tokens import tokenize
from ..kinds import asks_ahead, common_words, contradicts, other_role, satisfies
from ..question import analyse, matched
from . import REFUSAL_TOKEN

_PASSAGE_HEAD = re.compile(r"^\[(\d+)\]\s*(.*)$", re.MULTILINE)
_DATED = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")


@dataclass
class _Passage:
    n: int
    title: str  # as the prompt heads it: "Title (2026-02-19)"
    text: str

    @property
    def date(self) -> str | None:
        """The article's date from the passage's heading, or None when undated."""
        dated = _DATED.search(self.title)
        return dated.group(1) if dated else None


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


_TYPED = ("price", "year", "date", "count", "duration", "person", "organisation", "place")


@dataclass
class _Scored:
    score: float
    own: float  # share of the question's own terms (idf-weighted) the sentence holds
    sim: float | None  # cosine of the sentence and the question (None: no sentence vector)
    relevance: float  # words and meaning together, in [0, 1]: what the refusal threshold reads
    passage: _Passage
    sentence: str
    tokens: set[str]
    holds: bool = True  # holds the kind of answer asked for (and the role or deed the question names)


@dataclass(frozen=True)
class Calibration:
    """Where meaning starts and stops counting, and the evidence below which the model refuses.

    Fitted on eval/calibration_queries.yaml with benchmarks/calibrate.py (never on the blind sets).
    """

    sim_floor: float = 0.74  # cosine at which a sentence starts to be about the question
    sim_full: float = 0.90  # cosine at which it is as close as a paraphrase
    meaning_weight: float = 0.5
    min_relevance: float = 0.55
    cross_shift: float = 0.0  # added to the cosine of a sentence in another script than the question
    cyrillic_shift: float = 0.02  # added to the cosine of a Russian or Kazakh sentence (their cosines run lower)
    # A sentence is judged with its article: the article may name the subject ("the seminar the UNESCO clubs
    # held in Almaty") while the sentence holds the answer ("support from Exxon Mobil"). Weight of the
    # article's share of the question's words, for a sentence holding the kind of answer asked, and for others.
    answer_weight: float = 0.4
    article_weight: float = 0.25
    context_weight: float = 0.7  # a sentence's words read together with the sentence before it count this much


CALIBRATION = Calibration()


def _coverage(terms, by_article: dict[str, set[str]]) -> dict[str, float]:
    return {title: len(matched(terms, toks)) / len(terms) if terms else 1.0 for title, toks in by_article.items()}


def _relevance(
    own: float, sim: float | None, coverage: float, cyrillic: bool, asked_in_cyrillic: bool, cal: Calibration
) -> float:
    """A sentence's words and meaning together, in [0, 1]. Across scripts, words meet only through the
    glossary's English, so meaning alone counts when it says more."""
    if sim is None:
        return own * (0.5 + 0.5 * coverage)
    same_script = cyrillic == asked_in_cyrillic
    sim_ = sim + (0.0 if same_script else cal.cross_shift) + (cal.cyrillic_shift if cyrillic else 0.0)
    near = min(max((sim_ - cal.sim_floor) / (cal.sim_full - cal.sim_floor), 0.0), 1.0)
    mixed = (1 - cal.meaning_weight) * own + cal.meaning_weight * near
    return mixed if same_script else max(near, mixed)


def score_sentences(question: str, passages: list[_Passage], meaning=None, cal: Calibration = CALIBRATION):
    """(QuestionInfo, every quotable sentence scored, best first)."""
    info = analyse(question)
    terms = set(info.terms)
    by_article: dict[str, set[str]] = defaultdict(set)
    for p in passages:
        by_article[p.title] |= set(tokenize(p.title + " " + p.text))
    coverage = _coverage(terms, by_article)
    context = _coverage(set(info.context), by_article)  # follow-ups: the earlier turns' subject
    units = [(p, s) for p in passages for s in answerable_sentences(p.text) if s.strip() != p.title.strip()]
    tokens = [set(tokenize(s)) for _, s in units]
    views = [terms] if set(info.native) == terms else [terms, set(info.native)]  # rendered, and as written
    every = set().union(*views)
    df = {t: sum(bool(matched([t], toks)) for toks in tokens) for t in every}
    idf = {t: math.log(1 + len(units) / (1 + df[t])) for t in every}
    totals = [sum(idf[t] for t in view) or 1.0 for view in views]

    def share(toks: set[str]) -> float:  # idf-weighted share of the question's words, as written or rendered
        return max(sum(idf[t] for t in matched(view, toks)) / tot for view, tot in zip(views, totals, strict=True))

    sims = meaning(question, [s for _, s in units]) if meaning and units else [None] * len(units)
    asked_in_cyrillic = mostly_cyrillic(info.text)
    cyrillic = [mostly_cyrillic(s) for _, s in units]
    # a sentence read with the one before it in its passage ("Over one hundred seedlings of this iconic tree
    # were planted" after the sentence that names the tree and the park), its words counted at a discount
    before = [tokens[i - 1] if i and units[i - 1][0] is p else set() for i, (p, _) in enumerate(units)]
    owns = [max(share(t), cal.context_weight * share(t | prev)) for t, prev in zip(tokens, before, strict=True)]
    base = [
        _relevance(own, sim, coverage[p.title], cyr, asked_in_cyrillic, cal)
        for (p, _), own, sim, cyr in zip(units, owns, sims, cyrillic, strict=True)
    ]
    # what the article says of the question: its share of the question's words, or its closest sentence
    article = {title: share(toks) for title, toks in by_article.items()}
    for (p, _), rel in zip(units, base, strict=True):
        article[p.title] = max(article[p.title], rel)
    rank = {p.n: i for i, p in enumerate(passages)}
    common = common_words(" ".join(p.text for p in passages))
    scored: list[_Scored] = []
    for (p, s), toks, own, sim, relevance, cyr in zip(units, tokens, owns, sims, base, cyrillic, strict=True):
        holds_kind = info.kind is not None and satisfies(info.kind, s, info.text, common)
        if cyr == asked_in_cyrillic:  # a role or deed is checked in the question's own words
            for asked in (info.role, info.done):  # "who is the rector …" names a rector; "was it founded" a founding
                holds_kind = holds_kind and (asked is None or bool(matched([asked], toks)))
        if info.role and other_role(s, info.text, info.role):  # the vice-rector, or another body's rector
            holds_kind = False
        if contradicts(s, info.text):  # another year or place in order than asked
            holds_kind, relevance = False, relevance * 0.5
        w = cal.answer_weight if holds_kind else cal.article_weight
        relevance = max(relevance, (1 - w) * relevance + w * article[p.title])
        score = relevance * (0.5 + 0.5 * context[p.title]) + 0.05 / (1 + rank[p.n])
        if info.kind in _TYPED:
            score = score + 0.3 if holds_kind else score * 0.3
        elif info.kind == "agent" and holds_kind:
            score += 0.15  # "who signed …" may be answered by a body: names are preferred, not required
        if info.relation:  # what the asked-for one did ("supported", "signed"): the answer holds it
            holds = bool(matched([info.relation], toks))
            score = score + 0.15 if holds else score * 0.7
            relevance = min(1.0, relevance + 0.15) if holds else relevance
        scored.append(_Scored(score, own, sim, relevance, p, s, toks, holds_kind or info.kind is None))
    scored.sort(key=lambda x: -x.score)
    return info, scored


def compose_answer(
    question: str, passages: list[_Passage], max_sentences: int = 3, meaning=None, cal: Calibration = CALIBRATION
) -> str:
    """Best-answering sentences, each followed by its [n]; REFUSAL_TOKEN when the evidence falls short."""
    info, scored = score_sentences(question, passages, meaning, cal)
    if not scored or not info.terms:
        return REFUSAL_TOKEN
    best = scored[0]
    floor = cal.min_relevance * (0.7 if info.enumerative else 1.0)
    if info.kind in ("year", "date") and (not best.holds or best.relevance < floor):
        return _dated_by_article(info, scored, floor)
    if info.kind in _TYPED and not best.holds:
        return REFUSAL_TOKEN
    if best.own == 0 and best.sim is None:
        return REFUSAL_TOKEN
    if best.relevance < floor:
        return REFUSAL_TOKEN

    chosen = [best]
    for cand in scored[1:]:
        if len(chosen) >= max_sentences + (1 if info.enumerative else 0):
            break
        if cand.relevance < max(floor, 0.6 * best.relevance) or cand.sentence in {c.sentence for c in chosen}:
            continue
        if info.enumerative:  # one sentence per article, about the kind of thing asked for
            on_focus = not info.focus or matched([info.focus], cand.tokens)
            new_article = cand.passage.title not in {c.passage.title for c in chosen}
            if on_focus and new_article and cand.score >= 0.4 * best.score:
                chosen.append(cand)
        elif cand.score >= 0.75 * best.score and cand.passage.title == best.passage.title:
            chosen.append(cand)  # a focused answer stays in its article
    return " ".join(_with_list(c.sentence, c.passage, passages) for c in chosen)


def _dated_by_article(info, scored: list[_Scored], floor: float) -> str:
    """ "When / in which year did it happen" where the sentence about it gives no date: the sentence, and
    the date of the article that reports it, said as such. Never for what the question says lies ahead."""
    about = max(scored, key=lambda c: c.relevance)
    date = about.passage.date
    asked_done = info.done is None or bool(matched([info.done], about.tokens))
    if about.relevance < floor or not date or not asked_done or asks_ahead(info.text):
        return REFUSAL_TOKEN
    n = about.passage.n
    return f"{about.sentence} [{n}] Date of the article that reports it: {date} [{n}]."


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
    meaning: Any = None  # retrieval.Meaning: sentence ↔ question similarity, or None (words only)

    @property
    def _llm_type(self) -> str:
        return "offline-extractive"

    def _answer(self, messages: list[BaseMessage]) -> str:
        question, passages = parse_prompt(str(messages[-1].content))
        return compose_answer(question, passages, self.max_sentences, self.meaning)

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
