"""The chain: question (+ history) → standalone question → hybrid retrieval → numbered passages →
prompt (prompts/) → chat model → citation check → Answer.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from .citations import check, number_passages
from .errors import AssistantError
from .metadata import detect_language
from .models import REFUSAL_TOKEN
from .prompts import render
from .question import analyse, condense
from .types import Answer, Passage

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}
REFUSALS = {
    "en": ("The news corpus does not contain an answer to this question.", "The closest articles are"),
    "ru": ("В новостном корпусе нет ответа на этот вопрос.", "Ближайшие статьи"),
    "kk": ("Жаңалықтар корпусында бұл сұраққа жауап жоқ.", "Ең жақын мақалалар"),
}


def question_language(question: str) -> str:
    lang = detect_language(question)
    return lang if lang in LANGUAGE_NAMES else "en"


def refusal_text(language: str, passages: list[Passage]) -> str:
    sentence, closest = REFUSALS.get(language, REFUSALS["en"])
    near: list[str] = []
    for p in passages:
        label = f"“{p.title}” ({p.date or 'undated'})"
        if p.dense is not None and p.dense >= 0.3 and label not in near:
            near.append(label)
    return f"{sentence} {closest}: {'; '.join(near[:2])}." if near else sentence


class AnswerChain:
    """Answers questions over the index with one chat model; `ask` and `stream` share every step."""

    def __init__(self, settings, retriever, model, model_label: str, uses_llm: bool) -> None:
        self.settings = settings
        self.retriever = retriever
        self.model = model
        self.model_label = model_label
        self.uses_llm = uses_llm
        self.chain = (
            RunnablePassthrough.assign(standalone=RunnableLambda(self._condense))
            | RunnablePassthrough.assign(passages=RunnableLambda(self._retrieve))
            | RunnablePassthrough.assign(raw=RunnableLambda(self._generate))
            | RunnableLambda(self._finish)
        )

    # -- steps ----------------------------------------------------------------------------------
    @contextmanager
    def _model_errors(self):
        """Failures of an LLM client become AssistantErrors that say what to do."""
        try:
            yield
        except AssistantError:
            raise
        except Exception as e:
            if not self.uses_llm:
                raise
            from .models.openai import explain

            raise (explain(e, self.settings) or e) from None

    def _call_model(self, messages) -> str:
        with self._model_errors():
            return str(self.model.invoke(messages).content)

    def _timed(self, state: dict, name: str, started: float) -> None:
        state["timings"][name] = (time.perf_counter() - started) * 1000

    def _condense(self, state: dict) -> str:
        t = time.perf_counter()
        question, history = state["question"], state.get("history") or []
        if not history:
            standalone = question
        elif self.uses_llm:
            turns = "\n".join(f"{h['role']}: {h['content']}" for h in history[-6:])
            standalone = self._call_model([HumanMessage(render("condense", history=turns, question=question))])
            standalone = standalone.strip().strip('"') or question
        else:
            standalone = condense(question, history)
        self._timed(state, "condense", t)
        return standalone

    def _retrieve(self, state: dict) -> list[Passage]:
        t = time.perf_counter()
        standalone = state["standalone"]
        info = analyse(standalone)
        k = state.get("k") or self.settings.answer_k
        spread = {"max_per_article": 2, "k": max(k, 8)} if info.enumerative else {"k": k}
        passages = self.retriever.search(standalone, **spread)
        if self.uses_llm and question_language(standalone) != "en":
            english = self._call_model([HumanMessage(render("translate", question=standalone))]).strip()
            if english:
                extra = self.retriever.search(english, **spread)
                passages = _merge(passages, extra, spread["k"])
        self._timed(state, "retrieve", t)
        return passages

    def _messages(self, state: dict):
        language = LANGUAGE_NAMES[question_language(state["question"])]
        system = render("answer_system", refusal_token=REFUSAL_TOKEN, language=language,
                        max_sentences=str(self.settings.max_sentences))
        user = render("answer_user", passages=number_passages(state["passages"]), question=state["standalone"])
        return [SystemMessage(system), HumanMessage(user)]

    def _generate(self, state: dict) -> str:
        t = time.perf_counter()
        raw = self._call_model(self._messages(state)) if state["passages"] else REFUSAL_TOKEN
        self._timed(state, "generate", t)
        return raw

    def _finish(self, state: dict) -> Answer:
        t = time.perf_counter()
        passages, raw = state["passages"], state["raw"]
        language = question_language(state["question"])
        refused, citations, problems, text = True, [], [], ""
        if REFUSAL_TOKEN not in raw and raw.strip():
            checked = check(raw, passages, state["question"])
            citations, problems, text = checked.citations, checked.problems, checked.text
            refused = not citations
            if refused:
                problems.append("no sentence of the answer is supported by a passage: refused")
        if refused:
            text = refusal_text(language, passages)
            citations = []
        self._timed(state, "check", t)
        timings = dict(state["timings"])
        timings["total"] = (time.perf_counter() - state["started"]) * 1000
        return Answer(question=state["question"], standalone_question=state["standalone"], answer=text,
                      refused=refused, citations=citations, passages=passages, model=self.model_label,
                      timings_ms=timings, problems=problems)

    # -- entry points ---------------------------------------------------------------------------
    def _state(self, question: str, history: list[dict] | None, k: int | None) -> dict:
        if not question or not question.strip():
            raise AssistantError("the question is empty; type a question about the news")
        return {"question": question.strip(), "history": history or [], "k": k,
                "timings": {}, "started": time.perf_counter()}

    def ask(self, question: str, history: list[dict] | None = None, k: int | None = None) -> Answer:
        """Answer one question (with earlier turns as `history`)."""
        return self.chain.invoke(self._state(question, history, k))

    def stream(self, question: str, history: list[dict] | None = None,
               k: int | None = None) -> Iterator[str | Answer]:
        """Yield the model's text as it comes, then the checked Answer."""
        state = self._state(question, history, k)
        state["standalone"] = self._condense(state)
        state["passages"] = self._retrieve(state)
        t = time.perf_counter()
        pieces: list[str] = []
        released = 0  # characters of the text already yielded
        if state["passages"]:
            with self._model_errors():
                for chunk in self.model.stream(self._messages(state)):
                    pieces.append(str(chunk.content))
                    text = "".join(pieces)
                    if REFUSAL_TOKEN.startswith(text.strip()) or REFUSAL_TOKEN in text:
                        continue  # hold back what may be (or is) the refusal token
                    yield text[released:]
                    released = len(text)
        state["raw"] = "".join(pieces) or REFUSAL_TOKEN
        self._timed(state, "generate", t)
        yield self._finish(state)


def _merge(first: list[Passage], second: list[Passage], k: int) -> list[Passage]:
    """Interleave two rankings without duplicates (for retrieval with a translated question)."""
    seen, merged = set(), []
    for pair in zip(first + [None] * len(second), second + [None] * len(first)):
        for p in pair:
            if p is not None and p.chunk_id not in seen:
                seen.add(p.chunk_id)
                merged.append(p)
    return merged[:k]
