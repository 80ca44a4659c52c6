"""Example questions: drawn from what articles say (roles, partnerships), kept only where they are answered."""

from assistant.core import Assistant
from assistant.examples import candidates, choose
from assistant.records import Article


def article(text: str, language: str = "en", aid: str = "a1", date: str = "2026-03-01") -> Article:
    return Article(
        id=aid, text=text, title=text.split(".", maxsplit=1)[0], date=date, language=language, content_hash=aid
    )


def test_a_role_at_a_body_becomes_a_who_question_in_the_articles_language():
    en = article("The memorandum was signed by Aigerim Bekova, Rector of Taraz Regional University, on Monday.")
    ru = article(
        "Меморандум подписал аким Карагандинской области Ермаганбет Булекпаев. "
        "Гостей встретил ректор Карагандинского технического университета Ирина Ни.",
        "ru",
    )
    assert candidates(en, [])["role"] == ["Who is the rector of Taraz Regional University?"]
    assert candidates(ru, [])["role"] == [
        "Кто аким Карагандинской области?",
        "Кто ректор Карагандинского технического университета?",
    ]


def test_partnership_rows_become_questions_with_short_names_and_russian_cases_kept():
    rows = [{"parties": ["Taraz Regional University (TRU)", "Zhasyl Almaty"], "kind": "memorandum"}]
    assert candidates(article("Text."), rows)["partnership"] == ["What memorandum did TRU and Zhasyl Almaty sign?"]
    instrumental = [{"parties": ["Ферганским институтом", "Уфимским университетом"], "kind": "memorandum"}]
    mixed = [{"parties": ["Ферганский институт", "Уфимским университетом"], "kind": "memorandum"}]
    ru = article("Текст.", "ru")
    assert candidates(ru, instrumental)["partnership"] == [
        "Какой меморандум подписан между Ферганским институтом и Уфимским университетом?"
    ]
    assert candidates(ru, mixed)["partnership"] == []  # no case both parties are in: no broken question


def test_only_answered_questions_are_kept_and_the_kinds_are_mixed():
    rows = {a: [{"parties": [f"{a.upper()} College", "Green Fund"], "kind": "memorandum"}] for a in ("a1", "a2")}
    texts = {
        a: f"{a.upper()} College and Green Fund signed it. Asel Nur, Director of {a.upper()} College, spoke."
        for a in rows
    }
    articles = [article(texts[a], aid=a) for a in rows] + [article("Nothing here.", aid="a3")]
    asked = []

    def answered(question, aid):
        asked.append(question)
        return "A2" not in question or "Director" not in question  # pretend the reader refuses one

    chosen = choose(articles, rows, answered)
    assert [c["article"] for c in chosen] == ["a1", "a2"]  # a3 states no fact: no example, no title
    assert [c["kind"] for c in chosen] == ["partnership", "role"]  # the second article starts with the other kind
    assert chosen[1]["question"] == "Who is the director of A2 College?"
    assert len(asked) == 2


def test_examples_are_drawn_at_ingest_answered_and_follow_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    a = Assistant()
    a.ingest()
    before = a.example_questions(n=10)
    assert before and not any("What does the news say" in q for q in before)
    for q in before:  # each is answered with a citation into the article it was drawn from
        answer = a.ask(q)
        assert not answer.refused and answer.citations, q
    (corpus / "zz_new.txt").write_text(
        "Karatau College opens a solar laboratory\n30 November 2026\n\n"
        "Karatau College opened a solar laboratory on Monday. "
        "The laboratory was opened by Dariga Sultanova, Director of Karatau College, with students.\n",
        encoding="utf-8",
    )
    a.ingest()
    after = a.example_questions(n=10)
    assert after[0] == "Who is the director of Karatau College?"  # the newest article comes first
    assert "Sultanova" in a.ask(after[0]).answer
    (corpus / "zz_new.txt").unlink()
    a.ingest()
    assert a.example_questions(n=10) == before
