import dataclasses

import pytest

from assistant.corpus import load_corpus
from assistant.index.chunking import chunk_article, count_words

from .conftest import SEEDS


@pytest.fixture(scope="module")
def articles():
    return load_corpus(SEEDS).articles


@pytest.mark.parametrize("words, overlap", [(120, 24), (48, 12)])
def test_offsets_point_at_the_exact_passage(articles, words, overlap):
    for article in articles:
        chunks = chunk_article(article, words, overlap)
        assert [c.index for c in chunks] == list(range(len(chunks)))
        for c in chunks:
            assert article.text[c.start : c.end] == c.text
            assert count_words(c.text) <= words


def test_chunks_cover_the_whole_article(articles):
    for article in articles:
        chunks = chunk_article(article)
        covered = set()
        for c in chunks:
            covered.update(range(c.start, c.end))
        uncovered = "".join(ch for i, ch in enumerate(article.text) if i not in covered)
        assert not uncovered.strip()


def test_chunks_end_at_sentence_boundaries_when_they_split_a_paragraph(articles):
    for article in articles:
        for c in chunk_article(article, 48, 12)[:-1]:
            assert c.text[-1] in '.!?…:;,”"»)' or article.text[c.end : c.end + 1] == "\n" or count_words(c.text) > 30, (
                c.text[-60:]
            )


def test_ids_are_stable_and_local_to_the_changed_passage(articles):
    article = articles[3]
    before = chunk_article(article)
    assert [c.id for c in chunk_article(article)] == [c.id for c in before]
    paragraphs = article.text.split("\n")
    changed = dataclasses.replace(article, text="\n".join([*paragraphs[:-1], paragraphs[-1] + " Added sentence."]))
    after = chunk_article(changed)
    kept = {c.id for c in before} & {c.id for c in after}
    assert len(kept) >= len(before) - 2
    assert all(c.id.startswith(article.id + ":") for c in after)


def test_chunks_carry_article_metadata(articles):
    a = articles[0]
    c = chunk_article(a)[0]
    assert (c.article, c.title, c.date) == (a.id, a.title, a.date)
    assert c.embed_text.startswith(a.title)


def test_repeated_text_gets_distinct_ids():
    from assistant.records import Article

    para = "The same paragraph about the campus greening project, repeated twice on the page. " * 3
    art = Article(id="dup", text=para + "\n\n" + para, title="t")
    ids = [c.id for c in chunk_article(art, 32, 0)]
    assert len(ids) == len(set(ids))
