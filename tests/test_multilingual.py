"""Russian and Kazakh articles beside English ones (issue 10): each is found by its own words, by an
English question about it, and English articles by Russian and Kazakh questions."""

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from assistant.index.chunking import chunk_article, count_words
from assistant.text.sentences import sentences

from .conftest import SEEDS

ARTICLES = Path(__file__).parent / "data" / "multilingual"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for path in [*SEEDS.glob("*.txt"), *ARTICLES.glob("*.txt")]:
        shutil.copy(path, corpus / path.name)
    a = Assistant(Settings(corpus_dir=corpus, store_dir=tmp_path_factory.mktemp("store")))
    a.ingest()
    return a


def articles_found(assistant, query, k):
    return [p.article for p in assistant.search(query, k=k)]


@pytest.mark.parametrize("article", ["ru_article", "kk_article"])
def test_each_sentence_finds_its_own_article_first(assistant, article):
    body = assistant.article(article).text.split("\n", 2)[-1]
    own = [s for s in sentences(body) if count_words(s) >= 6]
    assert len(own) >= 8
    for sentence in own:
        assert articles_found(assistant, sentence, 1) == [article], sentence


@pytest.mark.parametrize(
    "question, article",
    [
        ("Which company opened a water-saving irrigation laboratory with the agricultural university?", "ru_article"),
        ("Who is the rector of the Kostanay agrarian and technical university?", "ru_article"),
        ("How many saplings did the Shymkent college students plant along the river?", "kk_article"),
    ],
)
def test_an_english_question_finds_a_russian_or_kazakh_article_in_the_top_3(assistant, question, article):
    assert article in articles_found(assistant, question, 3)


@pytest.mark.parametrize(
    "question, article",
    [
        ("Кто открыл практическую сессию по ESG в инженерно-технологическом университете?", "000_fc73a623d024f7d6"),
        ("Какая нефтегазовая компания поддержала семинар клубов ЮНЕСКО?", "001_c1e361d9777a6549"),
        (
            "Әл-Фараби университеті корпоративтік әлеуметтік жауапкершілік тәжірибесімен қай вебинарда бөлісті?",
            "003_206415cd81af1730",
        ),
    ],
)
def test_russian_and_kazakh_questions_find_english_articles(assistant, question, article):
    assert articles_found(assistant, question, 3)[0] == article


def test_russian_chunks_hold_as_many_words_as_english_ones(assistant):
    ru = chunk_article(assistant.article("ru_article"))
    en = chunk_article(assistant.article("000_fc73a623d024f7d6"))
    words = [sum(count_words(c.text) for c in chunks) / len(chunks) for chunks in (ru, en)]
    assert words[0] >= 0.6 * words[1], words
