import shutil

import numpy as np
import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import CorpusError, EmbeddingMismatchError, IndexMissingError
from assistant.index.embeddings import make_embedder
from assistant.index.store import ChromaStore
from assistant.retrieval import Filters


def corpus_dir():
    return get_settings().corpus_dir


def stored_ids():
    return set(ChromaStore(get_settings(), make_embedder(get_settings()).name).stored())


def ingest(rebuild=False):
    report, corpus = Assistant(get_settings()).ingest(rebuild=rebuild)
    return report, corpus.skipped


def search(query, **kw):
    return Assistant(get_settings()).search(query, **kw)


def test_first_ingest_adds_everything_second_embeds_nothing():
    first, skipped = ingest()
    assert not skipped
    assert (first.articles, first.added, first.updated, first.deleted, first.unchanged) == (5, 5, 0, 0, 0)
    assert first.embedded == first.chunks > 5
    second, _ = ingest()
    assert (second.unchanged, second.added, second.embedded) == (5, 0, 0)
    assert second.chunks == first.chunks
    assert len(stored_ids()) == first.chunks


def test_changed_article_replaces_only_its_changed_chunks():
    _first, _ = ingest()
    before = stored_ids()
    path = corpus_dir() / "003_206415cd81af1730.txt"
    path.write_text(path.read_text() + "\nThe university also opened a new solar-powered library in 2021.\n")
    report, _ = ingest()
    assert (report.updated, report.unchanged, report.added, report.deleted) == (1, 4, 0, 0)
    assert 1 <= report.embedded <= 2
    after = stored_ids()
    assert len(before - after) == report.embedded  # the old version of the changed chunk is gone
    hits = search("solar-powered library", k=1)
    assert "solar-powered library" in hits[0].text


def test_removed_and_added_articles():
    ingest()
    (corpus_dir() / "004_92e8f732f7c6ab2a.txt").unlink()
    (corpus_dir() / "new_article.md").write_text(
        "# Zoo opens a pollinator garden\n\nThe Almaty zoo opened a pollinator garden with local schools in May 2024. "
        "Students planted lavender and thyme to support wild bees.\n"
    )
    report, _ = ingest()
    assert (report.added, report.deleted, report.unchanged) == (1, 1, 4)
    assert not any(i.startswith("004_") for i in stored_ids())
    top = search("pollinator garden bees", k=1)[0]
    assert top.article == "new_article" and top.title == "Zoo opens a pollinator garden"


def test_metadata_change_updates_without_embedding():
    ingest()
    (corpus_dir() / "003_206415cd81af1730.meta.yaml").write_text("date: 2020-06-15\n")
    report, _ = ingest()
    assert (report.updated, report.embedded) == (1, 0)
    hits = search("KazNU social responsibility", k=2, filters=Filters(date_from="2020-06-01", date_to="2020-06-30"))
    assert hits and all(h.date == "2020-06-15" for h in hits)


def test_unreadable_file_keeps_its_earlier_version():
    ingest()
    (corpus_dir() / "001_c1e361d9777a6549.txt").write_bytes(b"\x00\x00binary now")
    report, skipped = ingest()
    assert [s.path.name for s in skipped] == ["001_c1e361d9777a6549.txt"]
    assert report.deleted == 0
    assert any(i.startswith("001_") for i in stored_ids())


def test_empty_corpus_leaves_the_index_alone():
    ingest()
    n = len(stored_ids())
    for p in corpus_dir().iterdir():
        p.unlink()
    with pytest.raises(CorpusError, match="left as it was"):
        ingest()
    assert len(stored_ids()) == n


class FlakyEmbedder:
    """The configured embedder, dying (like Ctrl-C) after a number of calls; small steps of work."""

    def __init__(self, fail_after: int):
        self.inner = make_embedder(get_settings())
        self.name, self.multilingual = self.inner.name, self.inner.multilingual
        self.batch_size = 2
        self.calls = 0
        self.fail_after = fail_after

    def embed(self, texts):
        self.calls += 1
        if self.calls > self.fail_after:
            raise KeyboardInterrupt
        return self.inner.embed(texts)

    def embed_query(self, texts):
        return self.inner.embed_query(texts)


def test_interrupted_ingest_is_repaired_by_the_next(monkeypatch):
    from assistant import core

    ingest()
    clean = stored_ids()
    (corpus_dir() / "002_363c11803347ebae.txt").unlink()
    for path in corpus_dir().glob("*.txt"):  # changes most chunks: more than one step of embedding
        path.write_text(path.read_text().replace(" and ", " & "))
    real = core.make_embedder
    monkeypatch.setattr(core, "make_embedder", lambda s: FlakyEmbedder(fail_after=1))
    with pytest.raises(KeyboardInterrupt):
        ingest()
    monkeypatch.setattr(core, "make_embedder", real)
    partial = stored_ids()
    assert partial != clean  # the stop left a half-done state behind
    # meanwhile, search sees what the collection holds (BM25 is marked out of step and rebuilt)
    assert sorted(Assistant(get_settings()).index.refresh().ids) == sorted(partial)
    report, _ = ingest()
    assert report.deleted == 1 and report.updated == 4
    repaired = stored_ids()
    # the same state a clean ingest of the new corpus gives
    fresh_store = get_settings().store_dir.parent / "fresh"
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(fresh_store))
    ingest()
    assert repaired == stored_ids()
    assert repaired != clean


def test_bm25_is_rebuilt_when_out_of_step():
    ingest()
    s = get_settings()
    shutil.rmtree(s.store_dir / "bm25")
    hits = search("Greencampus", k=1)
    assert hits[0].article == "003_206415cd81af1730"
    assert (s.store_dir / "bm25" / s.collection / "ids.json").exists()


def test_bm25_of_an_older_version_is_rebuilt():
    import json

    ingest()
    s = get_settings()
    ids_file = s.store_dir / "bm25" / s.collection / "ids.json"
    data = json.loads(ids_file.read_text())
    data["version"] = "0"
    ids_file.write_text(json.dumps(data))
    assert search("Greencampus", k=1)[0].article == "003_206415cd81af1730"
    from assistant.index.bm25 import VERSION

    assert json.loads(ids_file.read_text())["version"] == VERSION


def test_other_embedding_model_is_a_clear_error():
    ingest()

    with pytest.raises(EmbeddingMismatchError, match="ingest --rebuild"):
        ChromaStore(get_settings(), "some-other-model").count()


def test_rebuild_starts_from_scratch():
    ingest()
    report, _ = ingest(rebuild=True)
    assert report.added == 5 and report.embedded == report.chunks


def test_search_without_index_says_to_ingest():
    with pytest.raises(IndexMissingError, match="assistant ingest"):
        search("anything")


def test_stored_vectors_are_the_embedder_vectors():
    ingest()
    s = get_settings()
    embedder = make_embedder(s)
    store = ChromaStore(s, embedder.name)
    some = sorted(store.stored())[:3]
    rows = store.get(some)
    from assistant.records import embed_text

    texts = [embed_text(rows[i][1]["title"], rows[i][0]) for i in some]
    vecs = embedder.embed(texts)
    for i, v in zip(some, vecs, strict=False):
        assert float(np.dot(v, rows[i][2])) > 0.999


def test_damaged_store_is_a_clear_error_and_left_alone():
    from assistant.errors import StoreUnavailableError

    chroma = get_settings().store_dir / "chroma"
    chroma.mkdir(parents=True)
    (chroma / "chroma.sqlite3").write_text("not a database")
    with pytest.raises(StoreUnavailableError, match="move that folder away"):
        ingest()
    assert (chroma / "chroma.sqlite3").read_text() == "not a database"
