"""The CLI as users run it: a real process, real exit codes, output parsed back."""

import json
import os
import subprocess
import sys

import pytest

from .cli import run_cli

run = run_cli


def test_ingest_json_summary_then_unchanged():
    first = json.loads(run("ingest", "--json").stdout)
    fields = {"articles", "chunks", "added", "updated", "deleted", "unchanged", "embedded", "sentences", "seconds"}
    assert set(first) == fields
    assert first["added"] == 5 and first["embedded"] == first["chunks"]
    second = json.loads(run("ingest", "--json").stdout)
    assert second["embedded"] == 0 and second["unchanged"] == 5


def test_ingest_plain_summary_goes_to_stderr():
    proc = run("ingest")
    assert "5 added" in proc.stderr and "chunks embedded" in proc.stderr


def test_corpus_listing(isolated_env):
    rows = json.loads(run("corpus", "--json").stdout)
    assert len(rows) == 5
    fields = {"id", "title", "date", "publisher", "language", "source", "added_by", "added_at", "passages", "status"}
    assert set(rows[0]) == fields
    (isolated_env / "corpus" / "empty.txt").write_text("")
    proc = run("corpus")
    assert "skipped empty.txt: empty file" in proc.stderr
    assert "000_fc73a623d024f7d6" in proc.stdout


def test_search_json():
    run("ingest")
    hits = json.loads(
        run("search", "How many applications with business plans were submitted?", "-k", "3", "--json").stdout
    )
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert set(hits[0]) == {"rank", "article", "chunk", "title", "date", "text", "start", "end", "score"}
    assert hits[0]["article"] == "002_363c11803347ebae" and "650" in hits[0]["text"]


def test_search_plain_and_filters():
    run("ingest")
    out = run("search", "memorandum", "--article", "000_fc73a623d024f7d6", "-k", "2").stdout
    assert out.count("000_fc73a623d024f7d6#") == 2 and "[1]" in out


def test_search_spread_over_articles():
    run("ingest")
    q = "Which partnerships between universities and colleges or city institutions are described in the news?"
    hits = json.loads(run("search", q, "--per-article", "2", "--json").stdout)
    assert len({h["article"] for h in hits}) >= 2
    assert any("Zhasyl Almaty" in h["text"] for h in hits) and any("college" in h["text"].lower() for h in hits)


@pytest.mark.parametrize(
    "args, message",
    [
        (("search", "anything"), "assistant ingest"),
        (("search", "x", "--from", "yesterday"), "YYYY-MM-DD"),
        (("search", "  "), "query is empty"),
    ],
)
def test_errors_are_one_clear_line(args, message):
    proc = run(*args, check=False)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_corpus_folder(tmp_path):
    proc = run("--corpus", str(tmp_path / "nowhere"), "ingest", check=False)
    assert proc.returncode == 1 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_setting_is_named():
    proc = run("ingest", env={"ASSISTANT_CHUNK_WORDS": "lots"}, check=False)
    assert proc.returncode == 2 and "chunk_words" in proc.stderr and "Traceback" not in proc.stderr


def test_unreachable_chroma_server():
    proc = run("--chroma-url", "http://127.0.0.1:9", "search", "x", check=False)
    assert proc.returncode == 1 and "not reachable" in proc.stderr and "Traceback" not in proc.stderr


def test_main_job_indexes_then_opens_the_web_chat():
    import urllib.request

    from .servers import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--no-browser", "--port", str(port)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ),
    )
    try:
        lines = []
        for line in proc.stderr:  # ends when the process does; the URL line comes once the index is built
            lines.append(line)
            if "News assistant: http://" in line:
                break
        output = "".join(lines)
        assert "5 added" in output, output  # the first run indexed the corpus
        url = output.split("News assistant: ")[1].split()[0]
        assert url == f"http://127.0.0.1:{port}"
        from .servers import wait_for_http

        wait_for_http(url, timeout=60)
        with urllib.request.urlopen(url, timeout=10) as page:
            assert "News assistant" in page.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_without_an_index_is_one_clear_line():
    proc = run("serve", "--no-browser", check=False)
    assert proc.returncode == 1 and "assistant ingest" in proc.stderr and "Traceback" not in proc.stderr


def test_terminal_chat_keeps_follow_ups():
    run("ingest")
    proc = run_cli(
        "chat", input="Who opened the METU ESG session?\nWhat agreement was signed there?\n/quit\n", check=False
    )
    assert proc.returncode == 0, proc.stderr
    answers = proc.stdout.split("you>")
    assert "Akpanbetov" in proc.stdout
    assert "Zhasyl Almaty" in answers[-1] or "Zhasyl Almaty" in answers[-2]


def test_feedback_listing(isolated_env):
    entry = {
        "id": "e1",
        "time": "2026-11-24T10:00:00+00:00",
        "rating": "down",
        "comment": "",
        "question": "Who opened the session?",
        "history": [],
        "answer": "x",
        "refused": False,
        "citations": [],
        "model": "offline-extractive",
        "embedding": "m",
    }
    store = isolated_env / "store"
    store.mkdir()
    (store / "feedback.jsonl").write_text(
        json.dumps(entry) + "\n" + json.dumps({"id": "e1", "comment": "vague"}) + "\n{cut short"
    )
    listed = json.loads(run("feedback", "--json").stdout)
    assert [(e["id"], e["rating"], e["comment"]) for e in listed] == [("e1", "down", "vague")]
    plain = run("feedback")
    assert (
        "Who opened the session?" in plain.stdout
        and "vague" in plain.stdout
        and "1 rating: 0 up, 1 down" in plain.stderr
    )


def test_ask_plain_output_lists_sources():
    run("ingest")
    out = run("ask", "How many applications with business plans were submitted to the Belesteri project?").stdout
    answer, sources = out.split("Sources")
    assert "650" in answer
    assert "Belesteri" in sources or "650" in sources  # the quote of the cited passage
    assert any(f"[{n}] " in sources for n in range(1, 7))
