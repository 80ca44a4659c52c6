"""The Assistant as a long-lived, shared core: many threads at once, and ingests by other processes."""

import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import IndexMissingError

from .conftest import DATA
from .servers import chroma_server

QUERIES = yaml.safe_load((DATA / "dev_queries.yaml").read_text())["queries"]
NEW_ARTICLE = (
    "# Zoo opens a pollinator garden\n\nThe Almaty zoo opened a pollinator garden with local schools in "
    "May 2024. Students planted lavender and thyme to support wild bees.\n"
)


def comparable(answer) -> dict:
    """An answer without its timings: what must not depend on other threads."""
    d = answer.to_dict()
    d.pop("timings_ms")
    return d


def test_eight_threads_get_the_same_answers_as_one(seeded_settings):
    assistant = Assistant(seeded_settings)
    serial = {q["id"]: comparable(assistant.ask(q["question"], q.get("history"))) for q in QUERIES}

    def worker(seed: int) -> dict:
        order = list(QUERIES)
        random.Random(seed).shuffle(order)  # each thread asks in its own order
        return {q["id"]: comparable(assistant.ask(q["question"], q.get("history"))) for q in order}

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))
    for result in results:
        for qid, expected in serial.items():
            assert result[qid] == expected, qid


def ingest_in_another_process(*args, rebuild=False):
    command = [sys.executable, "-m", "assistant", *args, "ingest", "--json"] + (["--rebuild"] if rebuild else [])
    proc = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert proc.returncode == 0, proc.stderr


def follows_other_processes(assistant: Assistant, isolated_env, *cli_args) -> None:
    ingest_in_another_process(*cli_args)
    before = assistant.search("pollinator garden bees", k=1)[0]
    assert before.article != "zoo"
    (isolated_env / "corpus" / "zoo.md").write_text(NEW_ARTICLE)
    ingest_in_another_process(*cli_args)
    assert assistant.search("pollinator garden bees", k=1)[0].article == "zoo"  # the same object, no restart
    answer = assistant.ask("What did students plant in the pollinator garden?")
    assert "lavender" in answer.answer and {c.article for c in answer.citations} == {"zoo"}
    ingest_in_another_process(*cli_args, rebuild=True)  # a new collection under the same name
    assert assistant.search("pollinator garden bees", k=1)[0].article == "zoo"


def test_serves_an_ingest_by_another_process_without_a_restart(isolated_env):
    follows_other_processes(Assistant(get_settings()), isolated_env)


@pytest.mark.server
def test_serves_an_ingest_through_a_chroma_server_without_a_restart(isolated_env, tmp_path):
    with chroma_server(tmp_path / "chroma-data") as url:
        follows_other_processes(Assistant(get_settings(chroma_url=url)), isolated_env, "--chroma-url", url)


def test_errors_carry_the_fix_and_an_http_status():
    with pytest.raises(IndexMissingError) as e:
        Assistant(get_settings()).search("anything")
    assert e.value.http_status == 503 and "assistant ingest" in e.value.fix
    assert "uv run" not in str(e.value)  # an installed package has no uv project around it
