"""The corpus commands as scripts run them: add files and URLs, list, remove, undo, feeds, the audit log;
a real process, real exit codes, JSON parsed back; pages from a real news site on loopback."""

import json

import pytest

from .cli import run_cli
from .documents import MEMO, MEMO_TITLE, pdf_bytes
from .servers import news_site

OPEN = {"ASSISTANT_IMPORT_ALLOW_PRIVATE": "1"}  # the test's news site is on loopback


def run(*args, check=True):
    return run_cli(*args, env=OPEN, check=check)


@pytest.fixture(scope="module")
def site():
    with news_site() as s:
        yield s


@pytest.mark.slow
def test_add_list_remove_undo_and_the_log(tmp_path):
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(pdf_bytes(MEMO_TITLE, MEMO))
    added = json.loads(run("add", str(memo), "--publisher", "Aral News", "--json").stdout)["changes"][0]
    assert added["action"] == "added" and added["passages"] > 0
    listed = {r["id"]: r for r in json.loads(run("corpus", "--json").stdout)}
    row = listed[added["article"]]
    assert (row["date"], row["publisher"], row["source"], row["status"]) == (
        "2026-03-03",
        "Aral News",
        "memo.pdf",
        "indexed",
    )
    again = run("add", str(memo), check=False)
    assert again.returncode == 1 and f"already in the corpus as {added['article']}" in again.stderr
    removed = json.loads(run("remove", added["article"], "--json").stdout)["changes"][0]
    assert added["article"] not in {r["id"] for r in json.loads(run("corpus", "--json").stdout)}
    run("undo", removed["step"])
    assert added["article"] in {r["id"] for r in json.loads(run("corpus", "--json").stdout)}
    log = json.loads(run("corpus", "--log", "--json").stdout)
    assert [e["action"] for e in log[:3]] == ["undone", "removed", "added"]
    assert log[0]["from"].startswith("cli on ") and log[0]["who"]


def test_usage_errors_and_bad_sources(tmp_path, site):
    missing = run("add", str(tmp_path / "nope.pdf"), check=False)
    assert missing.returncode == 2 and "is not a file" in missing.stderr
    two = run("add", "a.pdf", "b.pdf", "--title", "X", check=False)
    assert two.returncode == 2 and "one source" in two.stderr
    bad_date = run("add", "a.pdf", "--date", "March 3", check=False)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    mixed = run("add", f"{site.base}/missing.html", f"{site.base}/page03.html", "--json", check=False)
    assert mixed.returncode == 1
    result = json.loads(mixed.stdout)
    assert "HTTP 404" in result["failed"][0]["reason"] and len(result["changes"]) == 1  # the good one is added
    private = run_cli("add", "http://169.254.169.254/latest/meta-data/", check=False)  # not allowed by default
    assert private.returncode == 1 and "inside this server's network" in private.stderr
    unknown = run("remove", "no-such-article", check=False)
    assert unknown.returncode == 1 and "there is no article 'no-such-article'" in unknown.stderr


@pytest.mark.slow
def test_feeds_add_list_poll_each_entry_once_and_remove(site):
    run("feeds", "add", f"{site.base}/rss.xml")
    listed = json.loads(run("feeds", "list", "--json").stdout)
    assert [f["url"] for f in listed] == [f"{site.base}/rss.xml"] and listed[0]["entries_taken"] == 0
    first = json.loads(run("feeds", "poll", "--json").stdout)[0]
    assert len(first["imported"]) == 5 and not first["failed"]
    assert json.loads(run("feeds", "poll", "--json").stdout)[0]["imported"] == []
    not_feed = run("feeds", "add", f"{site.base}/notafeed.xml", check=False)
    assert not_feed.returncode == 1 and "is not a feed" in not_feed.stderr
    run("feeds", "remove", f"{site.base}/rss.xml")
    assert json.loads(run("feeds", "list", "--json").stdout) == []
    dated = [r for r in json.loads(run("corpus", "--json").stdout) if r["source"].startswith(site.base)]
    assert len(dated) == 5 and all(r["date"] for r in dated)  # every entry's date from its page or its feed


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_no_half_article(tmp_path, isolated_env):
    """`assistant add` killed at several moments: the next start's ingest finishes or drops the change; the
    article is then whole (text and side file, indexed) or absent, and nothing else changed."""
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = isolated_env / "corpus"
    run("ingest")
    before = {p.name for p in corpus.iterdir() if p.is_file()}
    paragraphs = [f"{MEMO[0]} Item {i}." for i in range(150)]  # a long PDF: reading it takes a while
    big = tmp_path / "big.pdf"
    big.write_bytes(pdf_bytes(MEMO_TITLE, paragraphs))
    for delay in (1.5, 3.0):  # while starting or reading, and while writing or indexing
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "add", str(big)],
            env={**os.environ, **OPEN},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        run("ingest")  # what the next start does
        now = {p.name for p in corpus.iterdir() if p.is_file()}
        new = now - before
        stems = {n.split(".")[0] for n in new}
        assert all({f"{s}.txt", f"{s}.meta.json"} <= new for s in stems), new  # whole, or not there
        assert len(stems) <= 1 and before <= now
        rows = json.loads(run("corpus", "--json").stdout)
        assert all(r["status"] == "indexed" for r in rows)
        if stems:
            run("remove", *stems)  # the next round starts from the same corpus
            assert {p.name for p in corpus.iterdir() if p.is_file()} == before
