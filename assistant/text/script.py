"""Scripts and languages: the one place that decides what is Cyrillic, Kazakh, or English."""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LANGUAGES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}  # the codes detect_language gives, named
_EN_STOPWORDS = frozenset({"the", "and", "of", "to", "in", "a", "is", "was", "for", "on", "with", "as", "by", "that"})


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


_LATIN = re.compile(r"[A-Za-z]")


def count_cyrillic(text: str) -> int:
    return len(CYRILLIC.findall(text))


def count_latin(text: str) -> int:
    return len(_LATIN.findall(text))


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


def mostly_cyrillic(text: str) -> bool:
    """More Cyrillic than Latin letters: text the English embedding model reads poorly."""
    return count_cyrillic(text) > count_latin(text)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language: by script, then Kazakh letters or English stop words."""
    cyr = count_cyrillic(text)
    if cyr > count_latin(text):
        kazakh = sum(1 for ch in text if ch in KAZAKH_LETTERS)
        return "kk" if kazakh > 0.01 * cyr else "ru"
    words = re.findall(r"[a-z]+", text.lower())
    if words and sum(w in _EN_STOPWORDS for w in words) / len(words) > 0.08:
        return "en"
    return "und"


# Cyrillic letters that look like Latin ones: a Latin word typed with one of them ("IСESCO") is read as Latin.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухі", "ABEKMHOPCTXaeopcyxi")


def latin_lookalike(word: str) -> str:
    """A mostly Latin word with Cyrillic look-alike letters, in Latin letters only."""
    return word.translate(_LOOKALIKES) if count_latin(word) >= count_cyrillic(word) else word
