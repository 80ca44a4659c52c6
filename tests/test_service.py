"""Running as a service, on a real server on loopback: Prometheus metrics, JSON log lines with request ids, rate
limits on the API and the chat, a sign-in form that slows down, and shared records (ledger.py)."""

from __future__ import annotations

import io
import json
import logging

import httpx
import openai
import pytest
from prometheus_client.parser import text_string_to_metric_families

from assistant.api.server import build_server
from assistant.config import Settings
from assistant.core import Assistant

from .conftest import SEEDS
from .servers import asgi_server

QUESTION = "Who opened the ESG session at METU?"
UNANSWERABLE = "What did the mayor of Tokyo say about football?"
KEY = "service-test-key"


def _assistant(store, **settings) -> Assistant:
    return Assistant(Settings(corpus_dir=SEEDS, store_dir=store, llm="offline", chroma_url=None, **settings))


def _ask(url: str, question: str, key: str = KEY) -> httpx.Response:
    body = {"model": "news-assistant", "messages": [{"role": "user", "content": question}]}
    return httpx.post(f"{url}/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=60)


def _samples(text: str) -> dict[tuple, float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def test_metrics_count_requests_stages_outcomes_and_the_index(seeded_store):
    assistant = _assistant(seeded_store, metrics=True, server_key=KEY)
    with asgi_server(build_server(assistant)) as url:
        assert httpx.get(f"{url}/metrics").status_code == 401  # behind the key
        before = _samples(httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {KEY}"}).text)
        assert _ask(url, QUESTION).status_code == 200 and _ask(url, UNANSWERABLE).json()["refused"]
        page = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {KEY}"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/plain")
    after = _samples(page.text)

    def grew(name: str, **labels) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    route = {"route": "/v1/chat/completions", "method": "POST", "status": "200"}
    assert grew("assistant_http_requests_total", **route) == 2
    for stage in ("condense", "retrieve", "generate", "check", "total"):
        assert grew("assistant_answer_stage_seconds_count", stage=stage) == 2, stage
    assert grew("assistant_answers_total", outcome="refused") == 1
    assert grew("assistant_answers_total", outcome="answered") == 1
    assert after[("assistant_indexed_articles", ())] == 5
    assert after[("assistant_indexed_passages", ())] == assistant.index.store.count()
    assert "METU" not in page.text and KEY not in page.text  # no question text, no key


def test_no_metrics_route_unless_it_is_switched_on(seeded_store):
    with asgi_server(build_server(_assistant(seeded_store))) as url:
        assert httpx.get(f"{url}/metrics").status_code == 404


def test_each_request_logs_one_json_line_with_its_id_and_the_answer_line_shares_it(seeded_store):
    from assistant.service.logs import configure

    stream = io.StringIO()
    handler = configure("json", "INFO", stream)
    assert handler is not None
    try:
        for log_questions in (False, True):
            assistant = _assistant(seeded_store, server_key=KEY, log_questions=log_questions)
            with asgi_server(build_server(assistant)) as url:
                body = {"model": "news-assistant", "messages": [{"role": "user", "content": QUESTION}]}
                headers = {"Authorization": f"Bearer {KEY}", "X-Request-ID": f"req-{log_questions}"}
                reply = httpx.post(f"{url}/v1/chat/completions", json=body, headers=headers, timeout=60)
                assert reply.headers["x-request-id"] == f"req-{log_questions}"
                fresh = httpx.get(f"{url}/healthz", headers={"X-Request-ID": "not a sane id {}"})
                assert len(fresh.headers["x-request-id"]) == 32  # replaced by a new one
    finally:
        logging.getLogger().removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    for log_questions in (False, True):
        mine = [x for x in lines if x["request_id"] == f"req-{log_questions}"]
        (request,) = [x for x in mine if x.get("event") == "request"]
        (answer,) = [x for x in mine if x.get("event") == "answer"]
        assert request["route"] == "/v1/chat/completions" and request["status"] == 200 and request["ms"] > 0
        assert answer["citations"] >= 1 and set(answer["ms"]) >= {"retrieve", "generate", "check"}
        assert ("question" in answer) is log_questions and answer.get("question", QUESTION) == QUESTION
    assert KEY not in stream.getvalue()


def test_the_api_rate_limit_is_per_key_with_retry_after_in_openais_shape(seeded_store):
    assistant = _assistant(seeded_store, rate_limit=3)
    with asgi_server(build_server(assistant)) as url:
        assert all(_ask(url, QUESTION, "key-one").status_code == 200 for _ in range(3))
        over = _ask(url, QUESTION, "key-one")
        assert over.status_code == 429 and 1 <= int(over.headers["retry-after"]) <= 60
        error = over.json()["error"]
        assert (
            error["code"] == "rate_limit_exceeded" and "3 a minute" in error["message"] and "wait" in error["message"]
        )
        assert _ask(url, QUESTION, "key-two").status_code == 200  # another key has its own count
        client = openai.OpenAI(base_url=url + "/v1", api_key="key-one", max_retries=0)
        with pytest.raises(openai.RateLimitError):
            client.models.list()
        assert httpx.get(f"{url}/healthz").status_code == 200  # health is not limited


def test_the_chat_rate_limit_is_per_browser_session_and_says_so(seeded_store):
    from types import SimpleNamespace

    from assistant.ui.app import ChatHandlers

    h = ChatHandlers(_assistant(seeded_store, rate_limit=2))
    first, second = SimpleNamespace(session_hash="one"), SimpleNamespace(session_hash="two")
    for _ in range(2):
        *_, (_, chat, _, _, _) = h.respond(QUESTION, [], [], {}, 6, "offline", first)
        assert "Akpanbetov" in chat[-1]["content"]
    *_, (_, chat, turns, _, note) = h.respond(QUESTION, [], [], {}, 6, "offline", first)
    assert "faster than this server allows (2 a minute)" in chat[-1]["content"] and "wait" in note and turns == []
    *_, (_, chat, _, _, _) = h.respond(QUESTION, [], [], {}, 6, "offline", second)
    assert "Akpanbetov" in chat[-1]["content"]


def test_a_guessed_sign_in_waits_longer_each_time_and_says_so(monkeypatch):
    import assistant.staff.sign_in_throttle as throttle
    from assistant.staff.access import StaffAccess

    clock = [1000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: clock[0])
    access = StaffAccess(Settings(staff_password="right"))
    waits = []
    for _ in range(4):
        ok, note = access.sign_in("anna", "wrong", "10.0.0.1")
        assert not ok and "Wrong user name or password" in note
        waits.append(access.throttle.wait("anna", "10.0.0.1"))
        clock[0] += waits[-1]
    assert waits == [1, 2, 4, 8]
    access.sign_in("anna", "wrong", "10.0.0.1")  # a fifth wrong try: the next one waits 16 s
    clock[0] += 1  # the next comes too soon: refused without a look at the password
    ok, note = access.sign_in("anna", "right", "10.0.0.1")
    assert not ok and "Too many wrong tries" in note and "wait 15 s" in note
    assert access.sign_in("anna", "right", "10.0.0.2") == (True, "")  # another address is not slowed
    assert access.sign_in("boris", "right", "10.0.0.1") == (True, "")  # nor another name
    clock[0] += 15
    assert access.sign_in("anna", "right", "10.0.0.1") == (True, "")
    assert access.throttle.wait("anna", "10.0.0.1") == 0  # a right try starts over


def test_sessions_in_one_ledger_are_valid_everywhere_and_end_everywhere():
    from assistant.ledger import MemoryLedger
    from assistant.staff.access import StaffAccess

    shared = MemoryLedger()  # what ChromaLedger is for several servers (tests/test_several_servers.py)
    here, there = (StaffAccess(Settings(staff_password="pw"), shared) for _ in range(2))
    token = here.start("anna")
    assert there.user_of(token) == "anna" and there.token_valid(token)
    assert not there.token_valid("forged") and not there.token_valid(None)
    assert token not in json.dumps(shared.all())  # only its hash is kept
    there.end(token)
    assert here.user_of(token) is None and not here.token_valid(token)
