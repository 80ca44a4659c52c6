"""The chain: question (+ history) → standalone question → hybrid retrieval → numbered passages →
prompt (prompts/) → chat model → citation check → Answer, as one stream of events (answer/events.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from ..errors import AssistantError, InvalidInputError
from ..records import Answer, Citation, Passage, Turn, parse_history
from ..service import metrics
from .citations import Checked, check, normalize_markers, number_passages
from .events import AnswerEvent, Done, ReplaceText, Retrieved, Sources, TextDelta, collect
from .guard import judge, says_not_stated
from .models import REFUSAL_TOKEN, offline_model
from .prompts import Prompts
from .question import analyse, condense, names
from .refusal import LANGUAGE_NAMES, question_language, refusal_text

MAX_K = 50
MAX_QUESTION = 2000  # characters: longer input is refused with a message, in every interface
MAX_HISTORY = 100_000  # characters of earlier turns


@dataclass
class _Run:
    """One question on its way through the chain."""

    question: str
    history: list[Turn]
    k: int
    started: float = field(default_factory=time.perf_counter)
    timings: dict[str, float] = field(default_factory=dict)
    standalone: str = ""
    passages: list[Passage] = field(default_factory=list)
    raw: str = REFUSAL_TOKEN  # the model's whole text

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        t = time.perf_counter()
        yield
        self.timings[step] = (time.perf_counter() - t) * 1000


class AnswerChain:
    """Answers questions over a retriever with one chat model; `ask` is `stream` collected."""

    def __init__(self, settings, retriever, model, model_label: str, uses_llm: bool, meaning=None) -> None:
        self.settings = settings
        self.retriever = retriever
        self.model = model
        self.model_label = model_label
        self.uses_llm = uses_llm
        self.prompts = Prompts(settings.prompts_dir)
        self.meaning = meaning
        self._extractor = offline_model(meaning) if uses_llm else None  # the grounding guard's fallback

    # -- entry points ---------------------------------------------------------------------------
    def stream(
        self, question: str, history: Sequence[Turn | dict] | None = None, k: int | None = None
    ) -> Iterator[AnswerEvent]:
        """The answer as events: Retrieved, TextDelta…, ReplaceText, Sources, Done."""
        run = self._start(question, history, k)
        with run.timed("condense"):
            run.standalone = self._condense(run)
        with run.timed("retrieve"):
            run.passages = self._retrieve(run)
        yield Retrieved(run.standalone, run.passages)
        t = time.perf_counter()
        for delta in self._generate(run):
            yield TextDelta(delta)
        run.timings["generate"] = (time.perf_counter() - t) * 1000
        answer = self._finish(run)
        yield ReplaceText(answer.answer, answer.refused)
        yield Sources(answer.citations)
        yield Done(answer)

    def ask(self, question: str, history: Sequence[Turn | dict] | None = None, k: int | None = None) -> Answer:
        """Answer one question (with earlier turns as `history`)."""
        return collect(self.stream(question, history, k))

    # -- steps ----------------------------------------------------------------------------------
    def _start(self, question: str, history, k: int | None) -> _Run:
        if not isinstance(question, str) or not question.strip():
            raise InvalidInputError("the question is empty", "write a question about the news")
        if len(question.strip()) > MAX_QUESTION:
            raise InvalidInputError(f"the question is longer than {MAX_QUESTION} characters", "ask it in fewer words")
        if k is not None and not 1 <= k <= MAX_K:
            raise InvalidInputError(f"k={k} is out of range", f"ask for 1 to {MAX_K} passages")
        turns = parse_history(list(history) if history else [])
        if sum(len(t.content) for t in turns) > MAX_HISTORY:
            raise InvalidInputError(
                f"the conversation is longer than {MAX_HISTORY} characters", "start a new conversation"
            )
        return _Run(question.strip(), turns, k or self.settings.answer_k)

    @contextmanager
    def _model_errors(self) -> Iterator[None]:
        """Failures of an LLM client become AssistantErrors that say what to do."""
        try:
            yield
        except AssistantError:
            raise
        except Exception as e:
            if not self.uses_llm:
                raise
            from .models.openai import explain

            metrics.LLM_ERRORS.labels(e.__class__.__name__).inc()
            raise (explain(e, self.settings) or e) from None

    def _call_model(self, messages: list[BaseMessage]) -> str:
        with self._model_errors():
            return str(self.model.invoke(messages).content)

    def _condense(self, run: _Run) -> str:
        if not run.history:
            return run.question
        if not self.uses_llm:
            return condense(run.question, run.history)
        turns = "\n".join(f"{t.role}: {t.content}" for t in run.history[-6:])
        prompt = self.prompts.render("condense", history=turns, question=run.question)
        rewrite = self._call_model([HumanMessage(prompt)]).strip().strip('"') or run.question
        dropped_names = any(name.lower() not in rewrite.lower() for name in names(run.question))
        answered_instead = run.question.endswith("?") and not rewrite.endswith("?")
        if dropped_names or answered_instead:  # a weak model's rewrite: the rule keeps the question and its names
            return condense(run.question, run.history)
        return rewrite

    def _retrieve(self, run: _Run) -> list[Passage]:
        info = analyse(run.standalone)
        spread: dict[str, Any] = {"max_per_article": 2, "k": max(run.k, 8)} if info.enumerative else {"k": run.k}
        passages = self.retriever.search(run.standalone, **spread)
        if self.uses_llm and question_language(run.standalone) != "en":
            english = self._call_model([HumanMessage(self.prompts.render("translate", question=run.standalone))])
            if english.strip():
                passages = _merge(passages, self.retriever.search(english.strip(), **spread), spread["k"])
        return passages

    def _messages(self, run: _Run) -> list[BaseMessage]:
        language = LANGUAGE_NAMES[question_language(run.question)]
        system = self.prompts.render(
            "answer_system",
            refusal_token=REFUSAL_TOKEN,
            language=language,
            max_sentences=str(self.settings.max_sentences),
        )
        user = self.prompts.render("answer_user", passages=number_passages(run.passages), question=run.standalone)
        return [SystemMessage(system), HumanMessage(user)]

    def _generate(self, run: _Run) -> Iterator[str]:
        """The model's text as it streams; what may be the refusal token is held back, never shown."""
        if not run.passages:
            return
        pieces: list[str] = []
        released = 0  # characters of the text already yielded
        with self._model_errors():
            for chunk in self.model.stream(self._messages(run)):
                pieces.append(str(chunk.content))
                text = "".join(pieces)
                if REFUSAL_TOKEN.startswith(text.strip()) or REFUSAL_TOKEN in text:
                    continue  # hold back what may be (or is) the refusal token
                yield text[released:]
                released = len(text)
        run.raw = "".join(pieces) or REFUSAL_TOKEN

    def _extractive(self, run: _Run) -> Checked | None:
        """The offline model's checked answer to the same prompt, or None when it refuses too."""
        raw = str(self._extractor.invoke(self._messages(run)).content) if self._extractor else ""
        return None if REFUSAL_TOKEN in raw or not raw.strip() else check(raw, run.passages, run.question)

    def _llm_answer(self, run: _Run) -> tuple[Checked, bool, list[str], str]:
        """(checked answer, refused, problems, model label) for an LLM's reply: judged by the grounding guard
        (answer/guard.py), or as the model wrote it when ASSISTANT_LLM_GUARD is off. Where the guard refuses
        what the model answered, the extractive reader's answer on the same passages stands if it finds one."""
        checked = check(run.raw, run.passages, run.question) if run.raw.strip() else Checked("", [], [])
        if not self.settings.llm_guard:
            text = normalize_markers(run.raw).strip()
            refused = REFUSAL_TOKEN in run.raw or not text
            return Checked(text, checked.citations, checked.problems), refused, checked.problems, self.model_label
        judged = judge(run.raw, checked, run.passages, run.standalone)
        if not judged.refused or says_not_stated(run.raw):
            return judged.checked, judged.refused, judged.problems, self.model_label
        fallback = self._extractive(run)
        if fallback is None or not fallback.citations:
            return judged.checked, True, judged.problems, self.model_label
        problems = [*judged.problems, "the extractive answer on the same passages is shown instead"]
        return fallback, False, problems, f"{self.model_label}+extractive"

    def _finish(self, run: _Run) -> Answer:
        t = time.perf_counter()
        refused, text, model = True, "", self.model_label
        citations: list[Citation] = []
        problems: list[str] = []
        if self.uses_llm:
            checked, refused, problems, model = self._llm_answer(run)
            citations, text = checked.citations, checked.text
        elif REFUSAL_TOKEN not in run.raw and run.raw.strip():
            checked = check(run.raw, run.passages, run.question)
            citations, text, problems = checked.citations, checked.text, checked.problems
            refused = not citations
            if refused:
                problems.append("no sentence of the answer is supported by a passage: refused")
        if refused:
            text = refusal_text(question_language(run.question), run.passages)
            citations = []
        run.timings["check"] = (time.perf_counter() - t) * 1000
        run.timings["total"] = (time.perf_counter() - run.started) * 1000
        return Answer(
            question=run.question,
            standalone_question=run.standalone,
            answer=text,
            refused=refused,
            citations=citations,
            passages=run.passages,
            model=model,
            timings_ms=dict(run.timings),
            problems=problems,
        )


def _merge(first: list[Passage], second: list[Passage], k: int) -> list[Passage]:
    """Interleave two rankings without duplicates (for retrieval with a translated question)."""
    seen, merged = set(), []
    for pair in zip(first + [None] * len(second), second + [None] * len(first), strict=False):
        for p in pair:
            if p is not None and p.chunk_id not in seen:
                seen.add(p.chunk_id)
                merged.append(p)
    return merged[:k]
