"""The web chat without a browser: escaping, rendering, and the page's handlers called as functions."""

import json
import re

import pytest

from assistant.core import Assistant
from assistant.records import Answer, Article, Citation, Passage
from assistant.ui import render

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "[ref]: javascript:alert(1)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_untrusted_text_cannot_become_markup_in_chat_messages(payload):
    shown = render.md_text(f"Before {payload} after [2].")
    assert "<" not in shown and ">" not in shown  # no tag survives
    assert not re.search(r"(?<!\\)\]\s*[(:]", shown)  # no unescaped "](" or "]:": no link, image or reference
    assert shown.endswith("after [2].")  # citation markers stay as they are


def test_evidence_panel_escapes_the_article_and_highlights_the_quote():
    text = "Intro <script>alert(1)</script>. The rector opened the session. Outro <u>bold</u>."
    start = text.index("The rector")
    end = start + len("The rector opened the session.")
    article = Article(id="a", text=text, title="<i>Title</i>", date="2026-02-19")
    cite = Citation(
        n=1, article="a", chunk=0, title=article.title, date=article.date, quote=text[start:end], start=start, end=end
    )
    answer = Answer(
        question="q",
        standalone_question="q",
        answer="The rector opened it [1].",
        refused=False,
        citations=[cite],
        passages=[],
        model="m",
    )
    panel = render.evidence_html(answer, {"a": article})
    assert "<script>" not in panel and "<u>" not in panel and "<i>" not in panel
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "<mark>The rector opened the session.</mark>" in panel


def test_refusal_looks_different_and_offers_the_closest_articles():
    p = Passage(article="a", chunk=0, chunk_id="a:1", text="x", title="Closest", date=None, start=0, end=1)
    refusal = Answer(
        question="q",
        standalone_question="q",
        answer="The news corpus does not contain an answer.",
        refused=True,
        citations=[],
        passages=[p],
        model="m",
    )
    assert render.answer_markdown(refusal).startswith("> ⚠️ **Not in the news corpus.**")
    panel = render.evidence_html(refusal, {"a": Article(id="a", text="x", title="Closest")})
    assert "No answer in the news corpus" in panel and "Closest" in panel


def test_corpus_table_escapes_titles():
    html = render.corpus_html([Article(id="a", text="", title="<img src=x>", date="2025-01-01", language="kk")])
    assert "<img" not in html and "&lt;img src=x&gt;" in html and "Kazakh" in html


@pytest.fixture
def handlers(seeded_settings, tmp_path):
    from assistant.feedback import FeedbackLog
    from assistant.ledger import FileLedger
    from assistant.ui.app import ChatHandlers

    assistant = Assistant(seeded_settings)
    # the seeded store is shared by many tests: keep its folder clean
    assistant.feedback = FeedbackLog(FileLedger(tmp_path / "feedback.jsonl"))
    return ChatHandlers(assistant)


def last(steps):
    *_, final = steps
    return final


def test_respond_streams_then_shows_the_checked_answer_with_sources(handlers):
    steps = list(handlers.respond("Who opened the ESG session at METU?", [], [], {}, 6, "offline"))
    assert len(steps) > 3  # searching, streamed words, the checked answer
    box, chat, turns, shown, evidence = steps[-1]
    assert box == "" and chat[-1]["role"] == "assistant"
    assert "Akpanbetov" in chat[-1]["content"] and "**Sources**" in chat[-1]["content"]
    assert "<mark>" in evidence and [t["role"] for t in turns] == ["user", "assistant"]
    assert list(shown) == ["1"]  # the answer's message index, for feedback


def test_follow_up_uses_the_conversation_of_the_session(handlers):
    _, chat, turns, shown, _ = last(handlers.respond("Who opened the ESG session at METU?", [], [], {}, 6, "offline"))
    _, chat, turns, shown, _ = last(
        handlers.respond("What agreement was signed there?", chat, turns, shown, 6, "offline")
    )
    assert "Zhasyl Almaty" in chat[-1]["content"] and len(turns) == 4 and set(shown) == {"1", "3"}


def test_errors_become_a_message_in_the_chat(handlers, monkeypatch):
    from assistant.errors import ModelUnavailableError

    def down(*a, **kw):
        raise ModelUnavailableError("cannot reach the LLM at http://127.0.0.1:9/v1", "start the server")

    monkeypatch.setattr(handlers.assistant, "stream", down)
    _, chat, turns, _, _ = last(handlers.respond("Who opened the ESG session at METU?", [], [], {}, 6, "offline"))
    assert "could not be answered" in chat[-1]["content"] and "cannot reach the LLM" in chat[-1]["content"]
    assert turns == []  # a failed turn is not part of the conversation


def test_empty_and_overlong_questions_get_a_message(handlers):
    assert "Type a question" in last(handlers.respond("   ", [], [], {}, 6, "offline"))[4]
    _, chat, *_ = last(handlers.respond("why " * 1000, [], [], {}, 6, "offline"))
    assert "longer than" in chat[-1]["content"]


def test_rating_and_comment_are_appended_to_the_feedback_file(handlers):
    import gradio as gr

    shown = last(handlers.respond("Who opened the ESG session at METU?", [], [], {}, 6, "offline"))[3]
    entry_id, _, note = handlers.rate(shown, gr.LikeData(None, {"index": 1, "value": "x", "liked": False}))
    assert entry_id and "saved" in note
    handlers.comment(entry_id, "The answer should name the date too.")
    lines = [json.loads(x) for x in handlers.assistant.feedback.ledger.path.read_text().splitlines()]
    assert lines[0]["rating"] == "down" and lines[0]["question"] == "Who opened the ESG session at METU?"
    assert lines[0]["citations"] and lines[0]["model"] == "offline-extractive" and lines[0]["time"]
    (entry,) = handlers.assistant.feedback.entries()
    assert entry["comment"] == "The answer should name the date too." and entry["rating"] == "down"
    # a like on the user's own message is not an answer
    assert handlers.rate(shown, gr.LikeData(None, {"index": 0, "value": "x", "liked": True}))[0] is None


def test_page_load_lists_the_corpus_and_example_questions(handlers):
    corpus, chart, examples, info = handlers.on_load()
    assert corpus.count("<tr>") == 6 and "2026-02-19" in corpus  # header + 5 articles
    assert sum(sum(bar.y) for bar in chart.data) == 5  # the corpus over time counts every article once
    assert len(examples) == 4 and "5 articles indexed" in info
    for question in examples:  # every example question is answered, not refused
        assert not handlers.assistant.ask(question).refused, question
