"""Honest refusals: what the assistant says, in the question's language, when the corpus has no answer."""

from __future__ import annotations

from ..records import Passage
from ..text.script import detect_language

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}
REFUSALS = {
    "en": ("The news corpus does not contain an answer to this question.", "The closest articles are"),
    "ru": ("В новостном корпусе нет ответа на этот вопрос.", "Ближайшие статьи"),
    "kk": ("Жаңалықтар корпусында бұл сұраққа жауап жоқ.", "Ең жақын мақалалар"),
}
CLOSE = 0.3  # cosine similarity from which an article counts as close to the question


def question_language(question: str) -> str:
    lang = detect_language(question)
    return lang if lang in LANGUAGE_NAMES else "en"


def refusal_text(language: str, passages: list[Passage]) -> str:
    """The refusal sentence, naming up to two articles that come close."""
    sentence, closest = REFUSALS.get(language, REFUSALS["en"])
    near: list[str] = []
    for p in passages:
        label = f"“{p.title}” ({p.date or 'undated'})"
        if p.dense is not None and p.dense >= CLOSE and label not in near:
            near.append(label)
    return f"{sentence} {closest}: {'; '.join(near[:2])}." if near else sentence
