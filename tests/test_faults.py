"""An LLM server that fails (429, 500, a reply that is not JSON, no reply in time): retried with backoff
where that can help, then one clear message to the student it happened to, while the app keeps serving
everyone else; and keys never reach logs, pages or error messages. Against real servers on loopback."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import openai
import pytest

from assistant.api.server import build_server
from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import ModelUnavailableError
from assistant.ui.app import ChatHandlers

from .cli import run_cli
from .servers import asgi_server, scripted_llm

DIRECTOR = "Who is the director of METU College?"
SLOW = "Who opened the ESG session at METU?"


def replies(messages):
    """A scripted model: names the director from the passage that holds her; hangs on the SLOW question."""
    user = messages[-1]["content"]
    if "Question: " + SLOW in user:
        time.sleep(6)
    for block in user.split("</passages>")[0].split("\n\n["):
        if "Shalabayeva" in block:
            return f"The director of METU College is Shalabayeva M.H. [{block.lstrip('[').split(']')[0]}]"
    return "NOT_IN_CORPUS"


@pytest.fixture
def llm(seeded_settings, monkeypatch):
    with scripted_llm(monkeypatch, replies, retries=2) as stub:
        yield stub


def test_a_rate_limited_llm_is_retried_with_backoff_then_answers(llm):
    llm.fail_status, llm.fail_times = 429, 2
    answer = Assistant(get_settings()).ask(DIRECTOR)
    assert "Shalabayeva" in answer.answer and not answer.refused
    assert llm.fail_times == 0 and len(llm.requests) >= 3  # two refusals, then the answer


@pytest.mark.parametrize("status", [429, 500])
def test_an_llm_that_keeps_failing_is_one_clear_error_after_the_retries(llm, status):
    llm.fail_status = status
    with pytest.raises(ModelUnavailableError, match=f"HTTP {status}") as failed:
        Assistant(get_settings()).ask(DIRECTOR)
    assert failed.value.fix == "try again later, or check the server's log"
    assert len(llm.requests) == 3  # the first try and ASSISTANT_LLM_MAX_RETRIES=2 retries, no more


def test_a_reply_that_is_not_json_is_a_clear_error(llm):
    llm.malformed = True
    with pytest.raises(ModelUnavailableError, match=r"the LLM at http://127\.0\.0\.1:\d+/v1 failed") as failed:
        Assistant(get_settings()).ask(DIRECTOR)
    assert "could not be read" in str(failed.value) and "garbled" not in str(failed.value)  # nor its text


def test_one_student_waiting_on_a_hung_llm_does_not_hold_up_the_others(llm, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "4")
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    assistant = Assistant(get_settings())
    assistant.ask(DIRECTOR)  # models loaded and the chain built, as on a server that has been up a while
    with asgi_server(build_server(assistant)) as url:
        client = openai.OpenAI(base_url=url + "/v1", api_key="unused", max_retries=0, timeout=60)
        hung: dict = {}

        def ask_slow() -> None:
            try:
                client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": SLOW}])
            except openai.APIStatusError as e:
                hung["error"] = e

        slow = threading.Thread(target=ask_slow)
        slow.start()
        time.sleep(0.3)  # the slow question is now waiting on the model
        started = time.monotonic()
        reply = client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": DIRECTOR}])
        served_in = time.monotonic() - started
        found = httpx.post(url + "/v1/search", json={"query": "tree planting"}, timeout=30)
        still_waiting = slow.is_alive()
        slow.join(timeout=30)
    assert "Shalabayeva" in reply.choices[0].message.content and found.status_code == 200
    assert still_waiting and served_in < 3.0, served_in  # served while the other student was still waiting
    error = hung["error"]
    assert error.status_code == 504 and "did not answer within 4s" in error.message
    assert "ASSISTANT_LLM_TIMEOUT" in error.message


def test_keys_never_reach_logs_pages_or_error_messages(llm, monkeypatch, caplog, capfd):
    llm_key, server_key, url_password = "sk-llm-secret-31c7", "server-secret-84d2", "url-password-5e19"
    base = get_settings().openai_base_url.replace("http://", f"http://staff:{url_password}@")
    monkeypatch.setenv("OPENAI_BASE_URL", base)
    monkeypatch.setenv("OPENAI_API_KEY", llm_key)
    monkeypatch.setenv("ASSISTANT_API_KEY", server_key)
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    secrets = (llm_key, server_key, url_password)
    llm.fail_status = 401  # the LLM refuses the key: the error must not repeat it
    caplog.set_level(logging.DEBUG)
    shown: list[str] = []

    assistant = Assistant(get_settings())
    with pytest.raises(ModelUnavailableError) as refused:
        assistant.ask(DIRECTOR)
    shown.append(str(refused.value))
    shown.append(repr(assistant.settings))
    _, chat, *_, evidence = list(ChatHandlers(assistant).respond(DIRECTOR, [], [], {}, 6, "stub-model"))[-1]
    shown += [chat[-1]["content"], evidence]
    with asgi_server(build_server(assistant)) as url:
        for key in (server_key, "a-wrong-key"):
            r = httpx.post(
                url + "/v1/chat/completions",
                json={"model": "news-assistant", "messages": [{"role": "user", "content": DIRECTOR}]},
                headers={"Authorization": f"Bearer {key}"},
                timeout=60,
            )
            assert r.status_code == (502 if key == server_key else 401)
            shown.append(r.text)
        shown.append(httpx.get(url + "/", timeout=60).text)  # the chat page
    cli = run_cli("ask", DIRECTOR, check=False)
    assert cli.returncode != 0
    shown += [cli.stdout, cli.stderr]
    out, err = capfd.readouterr()
    shown += [out, err, caplog.text]
    assert "refused the API key" in shown[0] and "127.0.0.1" in shown[0]
    for text in shown:
        for secret in secrets:
            assert secret not in text
