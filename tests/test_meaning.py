"""Sentence vectors (issue 10): the index keeps one per quotable sentence, in step with the passages,
and the answer step reads meaning from them."""

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.retrieval import Meaning
from assistant.text.sentences import answerable_sentences, sentence_key


def expected_keys(corpus) -> set[str]:
    return {sentence_key(s) for chunks in corpus.chunks.values() for c in chunks for s in answerable_sentences(c.text)}


def test_the_index_holds_a_vector_for_every_quotable_sentence_and_no_other(isolated_env):
    assistant = Assistant(get_settings())
    _, corpus = assistant.ingest()
    assert assistant.index.store.stored_sentence_ids() == expected_keys(corpus)

    path = sorted((isolated_env / "corpus").glob("*.txt"))[0]
    text = path.read_text()
    path.write_text(text.replace("\n\n", "\n\nA new paragraph about solar panels on the roof of the library.\n\n", 1))
    report, corpus = assistant.ingest()
    assert report.sentences >= 1
    assert assistant.index.store.stored_sentence_ids() == expected_keys(corpus)


def test_an_index_without_sentence_vectors_gains_them_at_the_next_ingest(isolated_env):
    assistant = Assistant(get_settings())
    _, corpus = assistant.ingest()
    store = assistant.index.store
    store.client.delete_collection(store.sentences_name)
    store._sentences = None
    report, _ = assistant.ingest()
    assert report.embedded == 0 and report.sentences == len(expected_keys(corpus))


def test_meaning_ranks_the_sentence_that_answers_above_others(seeded_settings):
    assistant = Assistant(seeded_settings)
    meaning = Meaning(assistant.retriever)
    others = [
        "The project has been operating in Kazakhstan for the seventh year.",
        "The online webinar on social responsibility has ended with an interesting discussion.",
    ]
    stored = [
        s for chunks in assistant.read_corpus().chunks.values() for c in chunks for s in answerable_sentences(c.text)
    ]
    opened = next(s for s in stored if s.startswith("The session was opened by the Rector"))
    unrelated = [next(s for s in stored if s.startswith(o[:40])) for o in others]
    sims = meaning("Who gave the opening speech at the ESG session?", [opened, *unrelated])
    assert all(s is not None for s in sims)
    assert sims[0] > max(sims[1:])
    assert meaning("anything", ["A sentence the index never saw."]) == [None]


def test_sentence_vectors_are_kept_in_half_precision_outside_the_search_graph_and_replace_old_layouts(isolated_env):
    import numpy as np

    from assistant.index.store import FLOAT32_FIELD, VECTOR_FIELD

    assistant = Assistant(get_settings())
    _, corpus = assistant.ingest()
    store = assistant.index.store
    sentence = next(s for chunks in corpus.chunks.values() for c in chunks for s in answerable_sentences(c.text))
    key = sentence_key(sentence)
    stored = store.sentence_vectors([key])[key]
    exact = assistant.embedder.embed([sentence])[0]
    assert stored.dtype == np.float32 and np.array_equal(stored, exact.astype(np.float16).astype(np.float32))
    assert not np.array_equal(stored, exact) and abs(float(stored @ exact) - 1.0) < 1e-3  # half, not full
    row = store.sentences_collection().get(ids=[key], include=["embeddings", "metadatas"])
    assert len(row["embeddings"][0]) == 1  # the search graph holds a 1-d placeholder, not the vector
    assert set(row["metadatas"][0]) == {VECTOR_FIELD}

    # a row the previous version wrote (float32 under another field) is read as it was written
    import base64

    store.sentences_collection().update(
        ids=[key], metadatas=[{FLOAT32_FIELD: base64.b64encode(exact.tobytes()).decode(), VECTOR_FIELD: None}]
    )
    assert np.array_equal(store.sentence_vectors([key])[key], exact)

    # an index of the earlier layout (vectors in their own collection's graph): its vectors are moved, not
    # embedded again, and that collection is dropped
    store.client.delete_collection(store.sentences_name)
    legacy = store.client.create_collection(store.legacy_sentences_name, embedding_function=None)
    legacy.upsert(ids=[key], embeddings=[(stored * 0.5).tolist()])  # marked, to tell moved from re-embedded
    store._sentences = None
    report, _ = assistant.ingest()
    assert report.embedded == 0 and report.sentences == len(expected_keys(corpus)) - 1
    assert np.array_equal(store.sentence_vectors([key])[key], (stored * 0.5).astype(np.float16).astype(np.float32))
    assert store.legacy_sentences_name not in {c.name for c in store.client.list_collections()}
