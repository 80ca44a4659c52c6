"""Questions in Russian or Kazakh over English articles, without an LLM.

Names and numbers carry over by transliteration ("Алматы" → "Almaty"); common
news words carry over through a small stem glossary (`data/glossary.tsv`).
With an LLM configured, the answer chain also retrieves with the model's own
English rendering; this module is the offline floor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .script import has_cyrillic, mostly_cyrillic
from .tokens import STOPWORDS

_WORD = re.compile(r"[\w-]+", re.UNICODE)


def data_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a data file in assistant/data/."""
    text = (resources.files("assistant") / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in data_lines("glossary.tsv"):
        stem, _, english = line.partition("\t")
        rows[stem.strip().lower()] = english.strip()
    return rows


def glossary_english(word: str) -> str | None:
    """The glossary's English for a Cyrillic word (its longest stem that begins the word), else None."""
    w = word.lower()
    rows = glossary()
    for end in range(len(w), 1, -1):
        if w[:end] in rows:
            return rows[w[:end]]
    return None


@lru_cache(maxsize=1)
def glossary_english_tokens() -> frozenset[str]:
    """Every English token the glossary gives a Cyrillic word: what an English question can find in a Russian
    or Kazakh sentence by meaning rather than by name."""
    from .tokens import tokenize

    return frozenset(t for english in glossary().values() for t in tokenize(english))


def transliterate(word: str) -> str:
    """Latin letters for a Cyrillic word; the soft and hard signs (anyascii's ' and ") are left out, so
    "скольких" stays one word ("skolkikh", not "skol" + "kikh")."""
    from anyascii import anyascii

    return anyascii(word).replace("'", "").replace('"', "")


def english_rendering(question: str, unknown: bool = True) -> str:
    """The question with Cyrillic words replaced by glossary English or, for names, Latin letters.
    With `unknown=False`, lower-case words the glossary does not know are left out rather than spelled in
    Latin letters: they cannot meet an English text, so they say nothing about one."""

    def render(m: re.Match) -> str:
        word = m.group(0)
        if not has_cyrillic(word):
            return word
        if word.lower() in STOPWORDS:
            return ""
        english = glossary_english(word)
        if english or unknown or any(part[:1].isupper() for part in word.split("-")):  # a name: "аль-Фараби"
            return english or transliterate(word)
        return ""

    return " ".join(_WORD.sub(render, question).split())


def english_for_matching(text: str) -> str:
    """Text to compare with English articles: Russian or Kazakh text rendered, other text as it is."""
    return english_rendering(text) if mostly_cyrillic(text) else text
