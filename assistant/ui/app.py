"""The students' web chat: Gradio Blocks wired to one Assistant. Handlers parse, call the core, render.

Each browser session keeps its own conversation (`turns`) and the answers it was shown (`shown`, by
message index, for feedback); the Assistant itself is shared by every session and thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from a closed network

import gradio as gr

from ..answer.chain import MAX_QUESTION
from ..answer.events import Done, ReplaceText, Retrieved, Sources, TextDelta
from ..core import Assistant
from ..errors import AssistantError, RateLimitedError
from ..pictures import over_time
from ..records import Answer, Turn
from ..service import metrics
from ..service.rate import RateLimit
from . import render
from .corpus_tab import build_corpus_tab
from .feedback_tab import build_feedback_tab
from .staff_tab import build_staff_tab

log = logging.getLogger(__name__)


def _info_line(assistant: Assistant, articles: int) -> str:
    return (
        f"<small>Answers: {assistant.model_label} · embeddings: {assistant.embedder.name} · "
        f"{articles} articles indexed · every answer cites the passages it comes from</small>"
    )


def _message(role: str, content: str) -> dict:
    return {"role": role, "content": content}


class ChatHandlers:
    """The callbacks of the page, as plain methods tests can call without a browser."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.limit = RateLimit(assistant.settings.rate_limit)  # per browser session

    def on_load(self) -> tuple[str, Any, list[str], str]:
        """The corpus panel and its picture over time, example questions and info line, read afresh for every
        new page."""
        try:
            articles = self.assistant.articles()
        except AssistantError as e:
            return render.notice_html(str(e)), None, [], ""
        examples = self.assistant.example_questions()
        chart = over_time.articles((a.date, a.language) for a in articles)
        return render.corpus_html(articles), chart, examples, _info_line(self.assistant, len(articles))

    def respond(
        self,
        question: str,
        chat: list,
        turns: list[dict],
        shown: dict,
        k: float,
        model: str,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[str, list, list[dict], dict, str]]:
        """Stream one answer into the chat; (textbox, chat, turns, shown answers, evidence panel) each step."""
        question = (question or "").strip()
        if not question:
            yield "", chat, turns, shown, render.notice_html("Type a question about the news.")
            return
        try:
            self.limit.check(f"chat {getattr(request, 'session_hash', None) or 'local'}")
        except RateLimitedError as e:
            metrics.RATE_LIMITED.labels("chat").inc()
            note = f"You are asking faster than this server allows ({e.limit} a minute): {e.fix}."
            chat = [
                *chat,
                _message("user", render.md_text(question)),
                _message("assistant", render.error_markdown(note)),
            ]
            yield "", chat, turns, shown, render.notice_html(note)
            return
        chat = [*chat, _message("user", render.md_text(question)), _message("assistant", "…")]
        evidence = render.notice_html("Searching the articles…")
        yield "", chat, turns, shown, evidence
        streamed = ""
        try:
            for event in self.assistant.stream(question, turns, int(k), model):
                if isinstance(event, Retrieved):
                    evidence = render.notice_html(f"Reading {len(event.passages)} passages…")
                elif isinstance(event, TextDelta):
                    streamed += event.text
                    chat[-1] = _message("assistant", render.md_text(streamed))
                elif isinstance(event, ReplaceText | Sources):
                    continue  # the checked text and its sources arrive together in Done
                elif isinstance(event, Done):
                    answer = event.answer
                    chat[-1] = _message("assistant", render.answer_markdown(answer))
                    evidence = render.evidence_html(answer, self._articles_of(answer))
                    shown = {**shown, str(len(chat) - 1): (answer, turns)}  # kept server-side, for feedback
                    turns = [
                        *turns,
                        Turn(role="user", content=question).model_dump(),
                        Turn(role="assistant", content=answer.answer).model_dump(),
                    ]
                yield "", chat, turns, shown, evidence
        except AssistantError as e:
            chat[-1] = _message("assistant", render.error_markdown(str(e)))
            yield "", chat, turns, shown, render.notice_html(str(e))
        except Exception as e:  # a bug: this student gets a message, everyone else keeps being served
            log.exception("answering %r failed", question)
            chat[-1] = _message(
                "assistant",
                render.error_markdown(
                    f"something went wrong on our side ({e.__class__.__name__}); "
                    "try again, or ask staff to check the log"
                ),
            )
            yield "", chat, turns, shown, ""

    def _articles_of(self, answer: Answer) -> dict:
        ids = {c.article for c in answer.citations} if not answer.refused else {p.article for p in answer.passages}
        return self.assistant.index.store.get_articles(sorted(ids))

    def rate(self, shown: dict, like: gr.LikeData) -> tuple[str | None, Any, str]:
        """Thumbs up or down on an answer: recorded at once; a comment box opens for an optional comment."""
        index = like.index if isinstance(like.index, int) else like.index[0]
        if str(index) not in shown:
            return None, gr.update(visible=False), "Only answers can be rated."
        answer, turns = shown[str(index)]
        liked = like.liked is True or like.liked == "Like"
        history = [Turn.model_validate(t) for t in turns]
        entry_id = self.assistant.feedback.rate(answer, history, liked, self.assistant.embedder.name)
        return entry_id, gr.update(visible=True, value=""), "Thank you: your rating was saved. Add a comment?"

    def comment(self, entry_id: str | None, text: str) -> tuple[Any, str]:
        if not entry_id:
            return gr.update(visible=False), "Rate an answer first (thumbs up or down)."
        if not (text or "").strip():
            return gr.update(), "Write a comment first, or leave it: the rating is saved."
        try:
            self.assistant.feedback.comment(entry_id, text)
        except AssistantError as e:
            return gr.update(), str(e)
        return gr.update(visible=False, value=""), "Thank you: your comment was saved."


def build_app(assistant: Assistant) -> gr.Blocks:
    """The web chat over one Assistant."""
    h = ChatHandlers(assistant)
    with gr.Blocks(title="News assistant", fill_width=True) as app:
        gr.Markdown(
            "## News assistant\nAsk about the news in the corpus. Every answer cites its sources; "
            "when the articles do not say, the assistant says so."
        )
        turns = gr.State([])
        shown = gr.State({})
        rated = gr.State(None)
        staff_session = gr.State({})  # one staff sign-in for both staff tabs
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=320):
                    chat = gr.Chatbot(
                        label="Conversation",
                        height=520,
                        buttons=["copy", "copy_all"],
                        feedback_options=("Like", "Dislike"),
                        sanitize_html=True,
                        render_markdown=True,
                        placeholder="Ask a question below, or start with one of the examples.",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            placeholder="Ask about the news…",
                            show_label=False,
                            scale=8,
                            max_lines=6,
                            max_length=MAX_QUESTION * 2,
                            autofocus=True,
                            submit_btn="Ask",
                            elem_id="question",
                        )
                        new_chat = gr.Button("New chat", scale=1, min_width=90, variant="secondary")
                    feedback_note = gr.Markdown("")
                    comment = gr.Textbox(
                        label="Your comment on the answer you rated (optional)",
                        visible=False,
                        max_lines=4,
                        submit_btn="Send comment",
                        elem_id="comment",
                    )
                    examples = gr.Dataset(
                        components=[question], samples=[], label="Try one of these", elem_id="examples"
                    )
                    with gr.Accordion("Advanced", open=False):
                        k = gr.Slider(
                            1,
                            20,
                            value=assistant.settings.answer_k,
                            step=1,
                            label="Passages the answer is drawn from (k)",
                        )
                        model = gr.Radio(
                            assistant.models,
                            value=assistant.settings.llm,
                            label="Model",
                            visible=len(assistant.models) > 1,
                        )
                with gr.Column(scale=2, min_width=300):
                    gr.Markdown("### Sources")
                    evidence = gr.HTML(
                        render.notice_html("The sources of each answer appear here."), elem_id="evidence"
                    )
                    with gr.Accordion("What is in the corpus", open=False):
                        corpus_chart = gr.Plot(label="Articles over time, by language", elem_id="corpus-over-time")
                        corpus = gr.HTML("", elem_id="corpus")
            with gr.Tab("Partnerships", id="staff", elem_id="staff-tab"):
                signed_in, signed_out, resume, staff_load = build_staff_tab(assistant, staff_session)
            with gr.Tab("Corpus", id="corpus-admin", elem_id="corpus-tab"):
                show_corpus, corpus_parts, *corpus_loads = build_corpus_tab(assistant, staff_session)
            with gr.Tab("Feedback", id="feedback", elem_id="feedback-tab"):
                show_feedback, feedback_parts, feedback_load = build_feedback_tab(assistant, staff_session)
        info = gr.Markdown("", elem_id="info")

        inputs = [question, chat, turns, shown, k, model]
        outputs = [question, chat, turns, shown, evidence]
        question.submit(h.respond, inputs, outputs, api_name="chat")
        examples.click(
            lambda sample: sample[0], inputs=examples, outputs=question, queue=False, api_visibility="private"
        ).then(h.respond, inputs, outputs, api_visibility="private")

        def start_over() -> tuple:
            return [], [], {}, render.notice_html("New conversation."), None, gr.update(visible=False), ""

        fresh = [chat, turns, shown, evidence, rated, comment, feedback_note]
        new_chat.click(start_over, outputs=fresh, queue=False, api_visibility="private")
        chat.clear(start_over, outputs=fresh, queue=False, api_visibility="private")  # the chat's own trash button
        chat.like(h.rate, inputs=[shown], outputs=[rated, comment, feedback_note], api_visibility="private")
        comment.submit(h.comment, inputs=[rated, comment], outputs=[comment, feedback_note], api_visibility="private")

        def load() -> tuple[str, Any, Any, str]:
            corpus_panel, chart, questions, line = h.on_load()
            return corpus_panel, chart, gr.Dataset(samples=[[q] for q in questions]), line

        app.load(load, outputs=[corpus, corpus_chart, examples, info], api_visibility="private")
        # a new page resumes its browser's sign-in (from the cookie), then fills the staff tabs
        resumed = app.load(*resume, api_visibility="private").then(*staff_load, api_visibility="private")
        staff_loads = [*corpus_loads, feedback_load]
        changes = [(resumed, True), *((e, True) for e in signed_in), (signed_out, False)]
        for event, fill in changes:  # a sign-in (or out) opens (or closes) every staff tab
            event = event.then(show_corpus, staff_session, corpus_parts, api_visibility="private")
            event = event.then(show_feedback, staff_session, feedback_parts, api_visibility="private")
            if fill:
                for fn, inputs, outputs in staff_loads:
                    event = event.then(fn, inputs, outputs, api_visibility="private")
    return app
