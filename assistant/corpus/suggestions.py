"""Example questions drawn from the corpus, for people who do not yet know what to ask."""

from __future__ import annotations

from ..records import Article

PROMPTS = {  # by the article's language: a question is asked in the language of what it is about
    "en": "What does the news say about “{}”?",
    "ru": "Что сообщается о «{}»?",
    "kk": "«{}» туралы не айтылады?",
}
MAX_WORDS = 10


def example_questions(articles: list[Article], n: int = 4) -> list[str]:
    """One question per article, newest articles first, naming each by (the start of) its title."""
    newest = sorted(articles, key=lambda a: a.date or "", reverse=True)
    questions = []
    for article in newest[:n]:
        words = article.title.split()
        subject = " ".join(words[:MAX_WORDS]).rstrip(",;:.…") + ("…" if len(words) > MAX_WORDS else "")
        questions.append(PROMPTS.get(article.language, PROMPTS["en"]).format(subject))
    return questions
