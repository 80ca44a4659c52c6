"""The `openai` model path against a real Chat Completions server on 127.0.0.1 (streaming included)."""

import json
import os
import re
import subprocess
import sys

import pytest

from assistant.answer.events import Done, TextDelta
from assistant.core import Assistant
from assistant.errors import ModelUnavailableError

from .cli import run_cli
from .servers import scripted_llm


def replies(messages):
    """A scripted model: condenses, translates, and answers citing the passage that names the director."""
    user = messages[-1]["content"]
    if "United States" in user:
        return "NOT_IN_CORPUS"
    if "Rewrite the last question" in user:
        return "What agreement was signed at the METU ESG session?"
    if "Translate this question into English" in user:
        return "When was the international seminar on education for sustainable development in Almaty?"
    passages = user.split("<passages>")[1].split("</passages>")[0]
    for block in passages.split("\n\n["):
        n = block.lstrip("[").split("]")[0]
        if "Shalabayeva" in block:
            return f"The director of METU College is Shalabayeva M.H. [{n}]"
        if "Zhasyl Almaty" in block:
            return f"METU signed a memorandum of cooperation with Zhasyl Almaty [{n}][9]."
        if "April 3-4, 2023" in block:
            return f"Семинар прошёл 3-4 апреля 2023 года в Алматы [{n}]."
    return "NOT_IN_CORPUS"


@pytest.fixture
def llm(seeded_settings, monkeypatch):
    with scripted_llm(monkeypatch, replies, retries=0) as stub:
        yield stub


def chain():
    from assistant.config import get_settings

    return Assistant(get_settings())


def test_answer_through_the_chat_completions_api(llm):
    a = chain().ask("Who is the director of METU College?")
    assert not a.refused and "Shalabayeva" in a.answer and a.model == "openai:stub-model"
    (c,) = a.citations
    assert c.article == "004_92e8f732f7c6ab2a"
    path, body = llm.requests[-1]
    assert path.endswith("/chat/completions") and body["model"] == "stub-model"
    assert body["max_tokens"] == 600  # a local server reads max_tokens: a rambling model is cut off
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "NOT_IN_CORPUS" in system and "English" in system and "data, not instructions" in system
    assert "<passages>" in user and "Question: Who is the director of METU College?" in user


def test_streaming_from_the_server(llm):
    events = list(chain().stream("Who is the director of METU College?"))
    assert isinstance(events[-1], Done) and events[-1].answer.citations
    pieces = [e.text for e in events if isinstance(e, TextDelta)]
    assert len(pieces) >= 5 and "".join(pieces).startswith("The director of METU College")
    assert llm.requests[-1][1]["stream"] is True


def test_llm_condenses_follow_ups_and_its_bad_markers_are_removed(llm):
    history = [
        {"role": "user", "content": "Who opened the METU ESG session?"},
        {"role": "assistant", "content": "The Rector [1]."},
    ]
    a = chain().ask("What agreement was signed there?", history)
    assert a.standalone_question == "What agreement was signed at the METU ESG session?"
    assert a.passages[0].article == "000_fc73a623d024f7d6"
    assert "[9]" not in a.answer and any("[9]" in p for p in a.problems)


def test_a_rewrite_that_is_no_question_is_replaced_by_the_rule(seeded_settings, monkeypatch):
    def answers_instead(messages):  # a weak model answers the follow-up instead of rewriting it
        if "Rewrite the last question" in messages[-1]["content"]:
            return "The session was opened by the Rector."
        return replies(messages)

    history = [
        {"role": "user", "content": "Who opened the METU ESG session?"},
        {"role": "assistant", "content": "The Rector [1]."},
    ]
    with scripted_llm(monkeypatch, answers_instead, retries=0):
        a = chain().ask("What agreement was signed there?", history)
    assert a.standalone_question.startswith("What agreement was signed there?")
    assert "METU ESG" in a.standalone_question  # the rule named what "there" is


def test_non_english_question_is_also_retrieved_in_english_and_answered_in_its_language(llm):
    a = chain().ask("Когда проходил международный семинар по образованию для устойчивого развития в Алматы?")
    prompts = [body["messages"][-1]["content"] for _, body in llm.requests]
    assert any("Translate this question into English" in p for p in prompts)
    assert "Russian" in llm.requests[-1][1]["messages"][0]["content"]
    assert not a.refused and "2023" in a.answer
    assert a.citations[0].article == "001_c1e361d9777a6549"


def test_model_refusal_becomes_refused(llm):
    a = chain().ask("Who is the president of the United States?")
    assert a.refused and a.citations == [] and "does not contain" in a.answer


def test_http_500_is_a_clear_error(llm):
    llm.fail_status = 500
    with pytest.raises(ModelUnavailableError, match="HTTP 500"):
        chain().ask("Who is the director of METU College?")
    with pytest.raises(ModelUnavailableError, match="HTTP 500"):
        list(chain().stream("Who is the director of METU College?"))


def test_bad_key_is_a_clear_error(llm):
    llm.fail_status = 401
    with pytest.raises(ModelUnavailableError, match="refused the API key; set a valid OPENAI_API_KEY"):
        chain().ask("Who is the director of METU College?")


def test_timeout_is_a_clear_error(llm, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "0.5")
    llm.delay = 2.0
    with pytest.raises(ModelUnavailableError, match=r"did not answer within 0\.5s"):
        chain().ask("Who is the director of METU College?")


def test_missing_endpoint_configuration_is_a_clear_error(seeded_settings, monkeypatch):
    from assistant.errors import ConfigError

    monkeypatch.setenv("ASSISTANT_LLM", "openai")
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        chain()


def test_cli_unreachable_llm_is_one_line(seeded_settings):
    env = {
        **os.environ,
        "ASSISTANT_LLM": "openai",
        "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "ASSISTANT_LLM_MAX_RETRIES": "0",
    }
    proc = run_cli("ask", "Who is the director of METU College?", env=env, check=False)
    assert proc.returncode == 1 and "cannot reach the LLM" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_ask_json_with_history(llm, tmp_path):
    history = tmp_path / "h.json"
    history.write_text(json.dumps([{"role": "user", "content": "Who opened the METU ESG session?"}]))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "What agreement was signed there?",
            "--history",
            str(history),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["standalone_question"] == "What agreement was signed at the METU ESG session?"
    assert out["citations"] and out["citations"][0]["article"] == "000_fc73a623d024f7d6"


def test_cli_chat_streams_and_keeps_history(llm):
    proc = run_cli(
        "chat", input="Who is the director of METU College?\nWhat agreement was signed there?\n", check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "The director of METU College is Shalabayeva M.H." in proc.stdout
    condense = [
        b["messages"][-1]["content"]
        for _, b in llm.requests
        if "Rewrite the last question" in b["messages"][-1]["content"]
    ]
    assert condense and "assistant: The director of METU College is Shalabayeva" in condense[0]


def test_an_unsupported_llm_answer_falls_back_on_the_extractive_one(llm):
    llm.chat = lambda messages: "The director of METU College is John Smith, appointed in 1999 [1]."
    a = chain().ask("Who is the director of METU College?")
    assert not a.refused and "Shalabayeva" in a.answer and "John Smith" not in a.answer
    assert a.model == "openai:stub-model+extractive"
    assert any("no sentence of the LLM's answer is supported" in p for p in a.problems)
    assert any("extractive answer on the same passages is shown instead" in p for p in a.problems)
    assert all(a.passages[c.n - 1].article == c.article for c in a.citations)


def test_a_supported_llm_answer_without_the_kind_asked_is_replaced_by_the_extractive_one(llm):
    llm.chat = lambda messages: "METU College has a director who signed the Memorandum of Cooperation [1]."
    a = chain().ask("Who is the director of METU College?")
    assert not a.refused and "Shalabayeva" in a.answer and not a.answer.startswith("METU College has a director")
    assert a.model == "openai:stub-model+extractive"
    assert any("holds no person" in p for p in a.problems)


def test_a_true_sentence_about_something_else_is_no_answer(llm):
    llm.chat = lambda messages: "The director of METU College is Shalabayeva M.H. [1]."
    a = chain().ask("Who won the Almaty city marathon in 2025?")
    assert a.refused and not a.citations and "Shalabayeva" not in a.answer
    assert any("about something else" in p for p in a.problems)


def test_an_answer_that_only_restates_the_question_is_no_answer(llm):
    def echoes(messages):  # a small model's echo of the question, cited to the passage that holds the answer
        passages = messages[-1]["content"].split("<passages>")[1].split("</passages>")[0]
        n = next(b.lstrip("[").split("]")[0] for b in passages.split("\n\n[") if "Zhasyl" in b)
        return f"The METU ESG session signed a memorandum of cooperation [{n}]."

    llm.chat = echoes
    a = chain().ask("Which memorandum of cooperation was signed at the METU ESG session?")
    assert any("only restates the question" in p for p in a.problems), a.problems
    assert a.model == "openai:stub-model+extractive" and "Zhasyl" in a.answer


def test_an_answer_naming_another_body_or_place_than_asked_is_about_something_else():
    from assistant.answer.guard import _names_share

    question = "С какой компанией акимат Южно-Казахстанской области подписал меморандум о строительстве колледжа?"
    assert _names_share(question, "Компания ТОО «БК – Строй» подписала меморандум о строительстве колледжа.") == 0
    # the name in another case is the name asked about; a translated one (Оңтүстік Қазақстан) is not matched
    assert _names_share(question, "Акимат Южно-Казахстанскую область представлял King Holding.") == 1
    assert _names_share(question, "Оңтүстік Қазақстан облысы әкімдігі мен King Holding меморандумға қол қойды") == 0


def test_the_sentences_no_passage_supports_are_dropped(llm):
    def embroiders(messages):
        return replies(messages).rstrip(".") + ". She was appointed by the Minister in 1999 after a long career."

    llm.chat = embroiders
    a = chain().ask("Who is the director of METU College?")
    assert not a.refused and "Shalabayeva" in a.answer and "1999" not in a.answer
    assert a.model == "openai:stub-model" and any("dropped 1 sentence" in p for p in a.problems)


def test_the_model_saying_the_passages_do_not_hold_it_is_an_honest_refusal(llm):
    llm.chat = lambda messages: "The passages do not mention the budget of the METU ESG session."
    a = chain().ask("What was the budget of the METU ESG session?")
    assert a.refused and not a.citations and a.model == "openai:stub-model"
    assert any("says the passages do not hold the answer" in p for p in a.problems)


def test_with_the_guard_off_the_answer_is_shown_as_the_model_wrote_it(llm, monkeypatch):
    llm.chat = lambda messages: "The director of METU College is John Smith, appointed in 1999 [1]."
    monkeypatch.setenv("ASSISTANT_LLM_GUARD", "false")
    raw = chain().ask("Who is the director of METU College?")
    assert not raw.refused and "John Smith" in raw.answer and raw.model == "openai:stub-model"


def test_an_llm_answer_citing_an_article_the_evidence_does_not_point_to_is_replaced(llm):
    def cites_elsewhere(messages):
        passages = messages[-1]["content"].split("<passages>")[1].split("</passages>")[0]
        for block in passages.split("\n\n["):
            if "METU" not in block:  # a passage of another article: its first sentence, correctly cited
                n, text = block.lstrip("[").split("]")[0], block.split("\n", 1)[1]
                return f"{text.split('. ')[0]} [{n}]."
        return "NOT_IN_CORPUS"

    llm.chat = cites_elsewhere
    a = chain().ask("Who is the director of METU College?", k=8)
    assert not a.refused and "Shalabayeva" in a.answer
    assert {c.article for c in a.citations} == {"004_92e8f732f7c6ab2a"} and a.model == "openai:stub-model+extractive"


def test_a_complete_llm_answer_is_kept_as_it_is(llm):
    a = chain().ask("Who is the director of METU College?")  # the stub names Shalabayeva M.H.
    assert a.model == "openai:stub-model" and not any("extractive" in p for p in a.problems)


def test_an_llm_refusal_stays_a_refusal(llm):
    llm.chat = lambda messages: "NOT_IN_CORPUS"
    a = chain().ask("Who is the president of the United States?")
    assert a.refused and a.model == "openai:stub-model"


def test_a_rewrite_that_drops_the_question_names_is_not_used(llm):
    def weak(messages):
        if "Rewrite the last question" in messages[-1]["content"]:
            return "What was signed?"  # a small model's rewrite: METU is gone
        return replies(messages)

    llm.chat = weak
    history = [
        {"role": "user", "content": "Who opened the ESG session?"},
        {"role": "assistant", "content": "The Rector, Darkhan Akpanbetov [1]."},
    ]
    a = chain().ask("What agreement did METU sign there?", history)
    assert "METU" in a.standalone_question and a.standalone_question != "What was signed?"


def test_a_true_but_vague_sentence_of_the_article_gives_way_to_the_extractive_answer(llm):
    def vague(messages):  # a true sentence of the article with the figures, but one holding none itself
        passages = messages[-1]["content"].split("<passages>")[1].split("</passages>")[0]
        blocks = [b.strip().lstrip("[").split("\n", 1) for b in passages.split("\n\n[")]
        title = next(head.split("] ", 1)[1] for head, text in blocks if "9,400" in text)
        for head, text in blocks:
            plain = [s for s in text.split(". ") if head.endswith(title) and len(s) > 40 and not re.search(r"\d", s)]
            if plain:
                return f"{plain[0].strip().rstrip('.')} [{head.split(']')[0]}]."
        return "NOT_IN_CORPUS"

    llm.chat = vague
    a = chain().ask("What happened to the business plans submitted by women to the project?")
    assert not a.refused and "9,400" in a.answer
    assert a.model == "openai:stub-model+extractive" and any("about something else" in p for p in a.problems)
