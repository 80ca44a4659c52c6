"""The staff Feedback tab: students' ratings over time, and the questions rated down most, each opening the
answer that was rated. Behind the same staff sign-in as the other staff tabs."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ..core import Assistant
from ..feedback import most_down_rated
from ..pictures import over_time
from . import render
from .staff_tab import NOT_SIGNED_IN, StaffOnly

HEADERS = ["#", "question", "rated down", "rated up", "last rated down"]


class FeedbackHandlers(StaffOnly):
    def view(self, session: dict) -> tuple[Any, list[list], list[dict], str]:
        """The ratings chart, the most down-rated questions (shown and kept), and a status line."""
        if not self.allowed(session):
            return None, [], [], NOT_SIGNED_IN
        entries = self.assistant.feedback.entries()
        worst = most_down_rated(entries)
        shown = [[i + 1, g["question"], g["down"], g["up"], g["rated"].get("time", "")] for i, g in enumerate(worst)]
        downs = sum(e["rating"] == "down" for e in entries)
        note = f"{len(entries)} ratings, {downs} of them down. Select a question to read the answer that was rated."
        return over_time.ratings(entries), shown, worst, note

    def open(self, session: dict, worst: list[dict], selected: gr.SelectData) -> str:
        if not self.allowed(session):
            return render.notice_html(NOT_SIGNED_IN)
        group = self.selected(worst, selected)
        return render.rated_html(group["rated"]) if group else render.notice_html("Select a question of the table.")


def build_feedback_tab(assistant: Assistant, session: gr.State) -> tuple:
    """The tab inside the caller's Blocks; (show, parts, loader) like the Corpus tab's."""
    h = FeedbackHandlers(assistant)
    private: dict[str, Any] = {"api_visibility": "private"}
    worst = gr.State([])
    note = gr.Markdown(NOT_SIGNED_IN, visible=h.access.required, elem_id="feedback-login-note")
    with gr.Column(visible=not h.access.required, elem_id="feedback-tools") as tools:
        with gr.Row():
            status = gr.Markdown("", elem_id="feedback-status")
            refresh = gr.Button("Show", scale=0, elem_id="feedback-show")
        chart = gr.Plot(label="Ratings over time", elem_id="feedback-chart")
        table = gr.Dataframe(headers=HEADERS, value=[], interactive=False, wrap=True, elem_id="feedback-table")
        answer = gr.HTML(render.notice_html("Select a question to read the rated answer."), elem_id="feedback-answer")
    loader = (h.view, session, [chart, table, worst, status])
    refresh.click(*loader, **private)
    table.select(h.open, [session, worst], answer, **private)
    return h.show, [note, tools], loader
