"""Partnership extraction with an LLM (a real OpenAI-compatible HTTP server on loopback): structured output
or a JSON fallback, every row verified against its article, merged with the rules' rows; an LLM that is down
leaves the rules' rows and is asked again at the next ingest."""

import json

import pytest

from assistant.config import get_settings
from assistant.core import Assistant

from .servers import OpenAIStub, openai_server

ZHASYL = (
    "A key highlight of the event was the signing of a memorandum of cooperation between METU and the "
    "municipal institution “Zhasyl Almaty,” aimed at implementing joint environmental initiatives and "
    "involving students in practical projects to improve the urban environment."
)
ECO = (
    "Evgeny Mukhamedzhanov, founder of ECO Network, presented practical solutions for integrating ESG "
    "principles into business operations, including green office programs and environmental auditing."
)


def reply(messages, fenced=False):
    prompt = messages[-1]["content"]
    assert "Extract the partnerships" in prompt
    items = []
    if "Taza Kazakhstan" in prompt:  # the METU session article
        items = [
            {
                "parties": ["METU", "Zhasyl Almaty"],
                "kind": "memorandum",
                "date": "2026-02-19",
                "purpose": "joint environmental initiatives",
                "quote": ZHASYL,
            },
            {
                "parties": ["METU", "ECO Network"],
                "kind": "co-organisation",
                "date": None,
                "purpose": "",
                "quote": "  " + ECO.replace(", ", ",  "),
            },  # other spacing: located all the same
            {
                "parties": ["METU", "Google"],
                "kind": "joint project",
                "date": None,
                "purpose": "",
                "quote": "METU partnered with Google on AI.",
            },  # not the article's text: dropped
            {
                "parties": ["ECO Network", "Tesla"],
                "kind": "sponsorship/support",
                "date": None,
                "purpose": "",
                "quote": ECO,
            },  # Tesla is not in the article: fewer than two parties, dropped
        ]
    text = json.dumps({"partnerships": items})
    return f"```json\n{text}\n```" if fenced else text


@pytest.fixture
def llm(monkeypatch):
    stub = OpenAIStub()
    stub.chat = reply
    with openai_server(stub) as url:
        for name, value in {
            "ASSISTANT_LLM": "openai",
            "OPENAI_BASE_URL": url,
            "ASSISTANT_LLM_MODEL": "stub",
            "ASSISTANT_LLM_MAX_RETRIES": "0",
        }.items():
            monkeypatch.setenv(name, value)
        yield stub


def metu_rows():
    return Assistant(get_settings()).partnerships(org="METU").rows


def test_llm_rows_are_verified_and_merged_with_the_rules(llm):
    assistant = Assistant(get_settings())
    assistant.ingest()
    assert assistant.partnership_problems == []
    assert any(body.get("response_format") for _, body in llm.requests)  # structured output was asked for
    rows = metu_rows()
    (zhasyl,) = [r for r in rows if "Zhasyl" in r["quote"]]
    assert zhasyl["source"] == "rules+llm" and any("(METU)" in p for p in zhasyl["parties"])
    (eco,) = [r for r in rows if "ECO Network" in " ".join(r["parties"])]
    assert eco["source"] == "llm" and eco["quote"] == ECO and eco["kind"] == "co-organisation"
    everything = json.dumps(Assistant(get_settings()).partnerships().rows)
    assert "Google" not in everything and "Tesla" not in everything


def test_servers_without_structured_output_get_json_in_the_text(llm):
    llm.reject_response_format = True
    llm.chat = lambda messages: reply(messages, fenced=True)
    Assistant(get_settings()).ingest()
    assert any(r["source"] == "llm" for r in metu_rows())


def test_an_llm_that_is_down_leaves_the_rules_rows_and_is_asked_again(llm):
    llm.fail_status = 500
    assistant = Assistant(get_settings())
    assistant.ingest()
    assert len(assistant.partnership_problems) == 5 and "run ingest again" in assistant.partnership_problems[0]
    assert {r["source"] for r in metu_rows()} == {"rules"}  # the table still has what the rules found
    llm.fail_status = None
    assistant.ingest()  # nothing else changed: only the partnerships are read again
    assert {r["source"] for r in metu_rows()} == {"rules", "rules+llm", "llm"}


def prose(messages):
    prompt = messages[-1]["content"]
    if "Extract the partnerships" in prompt:
        return json.dumps({"partnerships": []})
    assert "staff newsletter" in prompt
    if "Zhasyl" in prompt:
        return (
            "In February 2026 METU and the municipal institution Zhasyl Almaty signed a memorandum of cooperation "
            "[1]. The partners also opened a research station on Mars [1]. The aim is joint environmental "
            "initiatives that involve students [1]."
        )
    return "Nothing here is supported by anything."  # every sentence unsupported: the table's paragraph stands


def test_llm_drafts_keep_only_supported_sentences(llm, tmp_path):
    llm.chat = prose
    assistant = Assistant(get_settings())
    assistant.ingest()
    draft = assistant.summarize(org="METU")
    body = "\n".join(draft.paragraphs)
    assert "signed a memorandum of cooperation [1]" in body, draft.problems
    assert "environmental initiatives that involve" in body
    assert "Mars" not in body and any("Mars" in p for p in draft.problems)  # dropped, and said so
    assert "KITIG" in body  # the colleges' article: its unsupported prose replaced by the table's paragraph
    assert any("paragraph written from the table stands" in p for p in draft.problems)
    cited = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", body)}
    assert cited == {s.n for s in draft.sources}  # every [n] resolves, every source is cited


def test_an_llm_that_is_down_gives_the_offline_draft_and_says_why(llm):
    Assistant(get_settings()).ingest()
    llm.fail_status = 500
    draft = Assistant(get_settings()).summarize(org="METU")
    rows = Assistant(get_settings()).partnerships(org="METU").rows
    assert len(draft.paragraphs) == len(rows) == 3 and "HTTP 500" in draft.problems[-1]
