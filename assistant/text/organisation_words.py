"""The organisation word lists (assistant/data/organisation_words.txt): read by staff extraction, which
finds organisation names, and by the answer step, which tells a person's name from a body's."""

from __future__ import annotations

from functools import lru_cache

from .crosslingual import data_lines


@lru_cache(maxsize=1)
def heads() -> frozenset[str]:
    """Words that end an organisation's name ([heads]: university, council, foundation, …), lower-cased."""
    return frozenset(w.lower() for w in _section("heads"))


@lru_cache(maxsize=1)
def not_organisations() -> frozenset[str]:
    """Acronyms and capitalised words that name no body (ESG, COVID, …), lower-cased."""
    return frozenset(w.lower() for w in _section("not organisations"))


@lru_cache(maxsize=1)
def cyrillic_heads() -> tuple[str, ...]:
    """Stems of Russian and Kazakh words that head an organisation's name ([cyrillic heads]), lower-cased."""
    return tuple(w.lower() for w in _section("cyrillic heads"))


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Upper-case legal forms that head a name whole: ТОО «…», «…» ЖШС ([cyrillic legal forms])."""
    return frozenset(_section("cyrillic legal forms"))


def _section(name: str) -> list[str]:
    words: list[str] = []
    current = None
    for line in data_lines("organisation_words.txt"):
        if line.startswith("["):
            current = line.strip("[] ")
        elif current == name:
            words.extend(line.split())
    return words
