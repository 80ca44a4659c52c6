"""A real `kill -9` in the middle of an ingest: the next ingest repairs the index."""

import os
import signal
import subprocess
import sys
import time

import pytest

from assistant.config import get_settings
from assistant.index.embeddings import MiniLMEmbedder
from assistant.index.store import ChromaStore

from .conftest import SEEDS


def ingest_cmd():
    return [sys.executable, "-m", "assistant", "ingest", "--json"]


@pytest.mark.slow
def test_sigkill_during_ingest_is_repaired(isolated_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDING", "minilm")  # the repair does not depend on the model; this one is fast
    corpus = isolated_env / "corpus"
    # enough text that embedding takes a few seconds
    for i in range(6):
        for seed in SEEDS.glob("*.txt"):
            (corpus / f"copy{i:02d}_{seed.name}").write_text(f"Copy {i}. " + seed.read_text().replace("the", f"the{i}"))
    proc = subprocess.Popen(ingest_cmd(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    chroma = get_settings().store_dir / "chroma"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if chroma.exists() and any(chroma.iterdir()):
            time.sleep(1.5)  # let it write a batch or two (about 1 s each), not finish
            break
        time.sleep(0.1)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    subprocess.run(ingest_cmd(), check=True, capture_output=True, env=dict(os.environ), timeout=600)
    repaired = set(ChromaStore(get_settings(), MiniLMEmbedder.name).stored())

    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(isolated_env / "fresh"))
    subprocess.run(ingest_cmd(), check=True, capture_output=True, env=dict(os.environ), timeout=600)
    fresh = set(ChromaStore(get_settings(), MiniLMEmbedder.name).stored())
    assert repaired == fresh
    assert killed, "the ingest finished before it could be killed: make the corpus larger"
