"""Every interface on a real `chroma run` server on loopback: ingest, search, ask, eval, the chat, the
staff tools and the API; a server restart in the middle of a session; a token-checking proxy in front
of the server (as deployments put Envoy or nginx there); a server too slow to wait for."""

from __future__ import annotations

import json
import time

import openai
import pytest

from assistant.api.server import build_server
from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import StoreUnavailableError
from assistant.ui.app import ChatHandlers
from assistant.ui.staff_tab import StaffHandlers

from .cli import run_cli
from .conftest import DATA
from .servers import ChromaProcess, Gateway, asgi_server, chroma_gateway, chroma_server

pytestmark = pytest.mark.server

QUESTION = "Who opened the ESG session at METU?"


def last(steps):
    *_, final = steps
    return final


def _api_answer(url: str, question: str = QUESTION):
    client = openai.OpenAI(base_url=url + "/v1", api_key="unused", max_retries=0, timeout=60)
    return client.chat.completions.create(model="news-assistant", messages=[{"role": "user", "content": question}])


def test_every_interface_works_on_a_chroma_server(isolated_env, monkeypatch):
    with chroma_server(isolated_env / "chroma-data") as url:
        monkeypatch.setenv("ASSISTANT_CHROMA_URL", url)
        first = json.loads(run_cli("ingest", "--json").stdout)
        assert first["added"] == 5 and first["embedded"] == first["chunks"]
        again = json.loads(run_cli("ingest", "--json").stdout)
        assert again["unchanged"] == 5 and again["embedded"] == 0

        found = json.loads(run_cli("search", "--json", "Who is the director of METU College?").stdout)
        assert any("Shalabayeva" in p["text"] for p in found)
        asked = json.loads(run_cli("ask", "--json", QUESTION).stdout)
        assert "Akpanbetov" in asked["answer"] and asked["citations"]
        report = isolated_env / "eval.json"
        run_cli("eval", str(DATA / "dev_queries.yaml"), "--output", str(report))
        assert json.loads(report.read_text())["summary"]["fact_recall"] == 1.0
        links = json.loads(run_cli("partnerships", "--json").stdout)
        assert any("Zhasyl Almaty" in " ".join(link["parties"]) for link in links)

        assistant = Assistant(get_settings())
        _, chat, *_, evidence = last(ChatHandlers(assistant).respond(QUESTION, [], [], {}, 6, "offline"))
        assert "Akpanbetov" in chat[-1]["content"] and "<mark>" in evidence  # the article came from the server
        staff = StaffHandlers(assistant)
        rows, _, note, graph, timeline = staff.table({}, "", "", "", "")
        assert len(rows) == len(links) and "partnership links" in note
        assert sum(sum(bar.y) for bar in timeline.data) == len(links) and graph.data  # pictures over the server too
        draft, status = staff.draft({}, "", "", "", "")
        assert "Zhasyl Almaty" in draft and status.startswith("Draft of")
        with asgi_server(build_server(assistant)) as api:
            reply = _api_answer(api)
        assert reply.choices[0].message.content == assistant.ask(QUESTION).answer
        assert reply.model_extra["citations"]
    assert not (isolated_env / "store" / "chroma").exists()  # the embedded folder was never used


def test_a_server_restart_mid_session_fails_one_request_clearly_and_the_next_succeeds(isolated_env):
    server = ChromaProcess(isolated_env / "chroma-data")
    server.start()
    try:
        assistant = Assistant(get_settings(chroma_url=server.url))
        assistant.ingest()
        chat = ChatHandlers(assistant)
        with asgi_server(build_server(assistant)) as api:
            assert "Akpanbetov" in _api_answer(api).choices[0].message.content
            server.stop()
            started = time.monotonic()
            with pytest.raises(StoreUnavailableError, match="not reachable") as down:
                assistant.ask(QUESTION)
            assert time.monotonic() - started < 30  # retried with backoff, then given up: bounded
            assert "chroma run" in down.value.fix
            with pytest.raises(openai.APIStatusError) as api_down:
                _api_answer(api)
            assert api_down.value.status_code == 503 and "not reachable" in api_down.value.message
            _, page, *_ = last(chat.respond(QUESTION, [], [], {}, 6, "offline"))
            assert "could not be answered" in page[-1]["content"] and "Chroma server" in page[-1]["content"]

            server.start()  # the same port and data: no restart of the app
            assert "Akpanbetov" in assistant.ask(QUESTION).answer
            assert "Akpanbetov" in _api_answer(api).choices[0].message.content
            _, page, *_ = last(chat.respond(QUESTION, [], [], {}, 6, "offline"))
            assert "Akpanbetov" in page[-1]["content"]
    finally:
        server.stop()


@pytest.mark.parametrize("header", ["Authorization", "X-Chroma-Token"])
def test_a_token_guarded_server(isolated_env, monkeypatch, header):
    token = "chroma-secret-token-7f3a"
    with chroma_server(isolated_env / "chroma-data") as upstream:
        gateway = Gateway(upstream, token=token, header=header)
        with chroma_gateway(gateway) as url:
            monkeypatch.setenv("ASSISTANT_CHROMA_URL", url)
            with pytest.raises(StoreUnavailableError, match="refused the token") as refused:
                Assistant(get_settings()).ingest()
            assert "ASSISTANT_CHROMA_TOKEN" in refused.value.fix

            monkeypatch.setenv("ASSISTANT_CHROMA_TOKEN", "a-wrong-token-9c1d")
            monkeypatch.setenv("ASSISTANT_CHROMA_TOKEN_HEADER", header)
            with pytest.raises(StoreUnavailableError, match="refused the token") as wrong:
                Assistant(get_settings()).ingest()
            assert "a-wrong-token-9c1d" not in str(wrong.value)  # a token is never repeated back

            monkeypatch.setenv("ASSISTANT_CHROMA_TOKEN", token)
            report, _ = Assistant(get_settings()).ingest()
            assert report.added == 5
            assert "Shalabayeva" in Assistant(get_settings()).ask("Who is the director of METU College?").answer
            cli = run_cli("search", "--json", "director of METU College")
            assert "Shalabayeva" in cli.stdout and token not in cli.stdout + cli.stderr


def test_a_server_too_slow_to_wait_for_is_a_clear_error_within_the_time_limit(isolated_env, monkeypatch):
    with chroma_server(isolated_env / "chroma-data") as upstream:
        Assistant(get_settings(chroma_url=upstream)).ingest()
        gateway = Gateway(upstream)
        with chroma_gateway(gateway) as url:
            monkeypatch.setenv("ASSISTANT_CHROMA_TIMEOUT", "1")
            assistant = Assistant(get_settings(chroma_url=url))
            assert "Akpanbetov" in assistant.ask(QUESTION).answer
            gateway.delay = 4.0
            started = time.monotonic()
            with pytest.raises(StoreUnavailableError, match="did not answer within 1s") as slow:
                assistant.ask(QUESTION)
            assert time.monotonic() - started < 3.5  # one time limit, not the proxy's delay
            assert "ASSISTANT_CHROMA_TIMEOUT" in slow.value.fix
            gateway.delay = 0.0
            assert "Akpanbetov" in assistant.ask(QUESTION).answer  # and the next request is served
