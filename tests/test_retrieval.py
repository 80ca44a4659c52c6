import pytest
import yaml

from assistant.core import Assistant
from assistant.retrieval import Filters, build_where
from assistant.text.crosslingual import english_rendering
from assistant.text.tokens import tokenize

from .conftest import DATA

QUERIES = yaml.safe_load((DATA / "dev_queries.yaml").read_text())["queries"]
ANSWERABLE = [q for q in QUERIES if q.get("sources")]
# d16 asks for partnerships across the whole corpus: the plain top-4 is one article's; the spread
# search (max_per_article) is the one that must hold both facts, tested below.
SINGLE = [q for q in ANSWERABLE if not q.get("multi")]


def _query(q):
    if q.get("history"):  # the retrieval layer alone has no condensing step: give it the user's turns
        return " ".join(t["content"] for t in q["history"] if t["role"] == "user") + " " + q["question"]
    return q["question"]


def _has_facts(q, passages):
    text = " ".join(p.text for p in passages).lower()
    return all(any(s.lower() in text for s in group) for group in q["expect"])


@pytest.mark.parametrize("q", SINGLE, ids=[q["id"] for q in SINGLE])
def test_top4_holds_the_expected_facts(seeded_settings, q):
    passages = Assistant(seeded_settings).retriever.search(_query(q), k=4)
    assert passages[0].article in q["sources"]
    assert _has_facts(q, passages)


@pytest.mark.parametrize("q", [q for q in ANSWERABLE if q.get("multi")], ids=lambda q: q["id"])
def test_spread_search_finds_every_article_of_a_multi_article_question(seeded_settings, q):
    passages = Assistant(seeded_settings).retriever.search(_query(q), k=4, max_per_article=2)
    assert _has_facts(q, passages)
    assert len({p.article for p in passages}) >= 2


def test_passages_are_ranked_and_carry_offsets(seeded_settings):
    passages = Assistant(seeded_settings).retriever.search("Coca-Cola Belesteri women", k=5)
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True) and len(passages) == 5
    from assistant.corpus import load_corpus

    articles = {a.id: a for a in load_corpus(seeded_settings.corpus_dir).articles}
    for p in passages:
        assert articles[p.article].text[p.start : p.end] == p.text


def test_filters_by_article_and_date(seeded_settings):
    r = Assistant(seeded_settings).retriever
    only = r.search("memorandum of cooperation", k=4, filters=Filters(articles=("004_92e8f732f7c6ab2a",)))
    assert only and {p.article for p in only} == {"004_92e8f732f7c6ab2a"}
    recent = r.search("memorandum of cooperation", k=10, filters=Filters(date_from="2025-01-01"))
    assert recent and all(p.date >= "2025-01-01" for p in recent)
    window = r.search("education", k=10, filters=Filters(date_from="2019-01-01", date_to="2023-12-31"))
    assert {p.article for p in window} <= {"001_c1e361d9777a6549", "002_363c11803347ebae"}
    assert r.search("education", k=4, filters=Filters(date_from="2030-01-01")) == []


def test_both_rankings_contribute(seeded_settings):
    r = Assistant(seeded_settings).retriever
    p = r.search("Ainalandy Nurlandyr", k=1)[0]  # a rare name: BM25 finds it
    assert p.bm25 and p.bm25 > 0 and "Ainalandy" in p.text
    p = r.search("greening of the city together with students", k=3)
    assert any(x.dense > 0.3 for x in p)


def test_where_clause():
    assert build_where() is None
    assert build_where(articles=["a"]) == {"article": {"$in": ["a"]}}
    w = build_where(date_from="2020-01-01", date_to="2020-12-31")
    assert w == {"$and": [{"date_ord": {"$gte": 20200101}}, {"date_ord": {"$lte": 20201231}}]}
    # "until" alone leaves undated articles (date_ord 0) out rather than counting them as old
    assert build_where(date_to="2020-12-31") == {"$and": [{"date_ord": {"$gte": 1}}, {"date_ord": {"$lte": 20201231}}]}


def test_tokens_bridge_scripts():
    assert "almati" in tokenize("Алматы")
    assert "almati" in tokenize("Almaty")
    assert "650" in tokenize("over 650 applications")
    assert "the" not in tokenize("the university")


def test_english_rendering_of_russian_and_kazakh():
    assert english_rendering("Когда проходил семинар в Алматы?") == "seminar Almaty?"
    rendered = english_rendering("Қай жылы Қарағанды университеті құрылған?")
    assert "Karaganda" in rendered and "university" in rendered
    assert english_rendering("Who signed it?") == "Who signed it?"


def test_russian_question_finds_the_english_article(seeded_settings):
    q = "Какие проекты женщин поддерживает Coca-Cola в сёлах?"
    top = Assistant(seeded_settings).retriever.search(q, k=2)
    assert top[0].article == "002_363c11803347ebae"
