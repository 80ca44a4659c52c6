"""An unchanged corpus is not read again (issue 11, scale): files come from the read cache while their size and
time are the same, and an ingest of a store that finished syncing these articles skips the full comparison."""

import os

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.index import chunking


@pytest.fixture
def reads(monkeypatch):
    """The files read from disk (not from the cache), in order."""
    seen: list[str] = []
    real = chunking.load_article

    def counting(path, max_bytes):
        seen.append(path.name)
        return real(path, max_bytes)

    monkeypatch.setattr(chunking, "load_article", counting)
    return seen


def test_only_changed_files_are_read_again_and_the_result_is_the_same(isolated_env, reads):
    assistant = Assistant(get_settings())
    first = assistant.read_corpus()
    files = sorted(p.name for p in (isolated_env / "corpus").glob("*.txt"))
    assert sorted(reads) == files
    reads.clear()
    again = assistant.read_corpus()
    assert reads == [] and again.articles == first.articles and again.chunks == first.chunks

    edited = isolated_env / "corpus" / files[0]
    edited.write_text(edited.read_text() + "\n\nA closing paragraph about new solar panels on the roof.\n")
    touched = isolated_env / "corpus" / files[1]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    third = assistant.read_corpus()
    assert sorted(reads) == sorted([files[0], files[1]])
    changed = next(a for a in third.articles if a.source.endswith(files[0]))
    assert "solar panels on the roof" in changed.text
    assert any("solar panels on the roof" in c.text for c in third.chunks[changed.id])


def test_a_damaged_cache_or_other_chunking_reads_everything(isolated_env, reads, monkeypatch):
    assistant = Assistant(get_settings())
    first = assistant.read_corpus()
    (cache,) = (isolated_env / "store" / "read_cache").glob("*.pickle")
    cache.write_bytes(b"not a pickle")
    reads.clear()
    assert assistant.read_corpus().chunks == first.chunks and len(reads) == len(first.articles)

    monkeypatch.setenv("ASSISTANT_CHUNK_WORDS", "60")
    reads.clear()
    smaller = Assistant(get_settings()).read_corpus()
    assert len(reads) == len(first.articles)
    assert sum(map(len, smaller.chunks.values())) > sum(map(len, first.chunks.values()))


def test_an_unchanged_ingest_still_repairs_a_store_that_lost_a_passage(isolated_env):
    assistant = Assistant(get_settings())
    assistant.ingest()
    report, corpus = assistant.ingest()
    assert report.unchanged == len(corpus.articles) and report.embedded == 0

    lost = next(iter(corpus.chunks.values()))[0].id
    assistant.index.store.delete([lost])  # behind the index's back: the store holds one passage fewer
    report, _ = assistant.ingest()
    assert report.embedded == 1 and report.updated == 1
    assert lost in assistant.index.store.stored()
