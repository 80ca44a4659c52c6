"""What a question asks for: its content terms, the kind of answer it expects, and follow-ups.

Used by the offline model (to pick and judge sentences) and by the chain's rule-based
condensing step when no LLM is configured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Turn
from ..text.crosslingual import data_lines, english_for_matching
from ..text.dates import DATE_MENTION, YEAR
from ..text.tokens import tokenize

# Words that say where to look rather than what to find ("described in the news").
_GENERIC = set(
    tokenize(
        "news article articles corpus described describe mentioned mention reported report say says said tell "
        "told according please information know find between"
    )
)

_TYPES = [
    ("price", r"\b(price|cost|how much does|how much is|стоимост|цен[аыу]|сколько стоит|баға|құны)"),
    ("year", r"\b(which|what|in what) year\b|\bв каком году\b|\bқай жыл"),
    ("duration", r"\bhow long\b|\bfor how many years\b|\bкак долго\b|\bсколько лет\b|\bқанша уақыт\b"),
    ("count", r"\bhow many\b|\bhow much\b|\bnumber of\b|\bсколько\b|\bқанша\b|\bнеше\b"),
    ("date", r"\bwhen\b|\bwhat date\b|\bкогда\b|\bқашан\b|\bкакого числа\b"),
    ("person", r"^\s*who\b|\bwho (is|was|are|were)\b|^\s*кто\b|^\s*кім\b"),
]
_NUMBER = re.compile(r"\b\d[\d,. ]*\b|\b(hundred|thousand|million|billion|dozens?)\b", re.IGNORECASE)
_CURRENCY = re.compile(r"[$€£₸₽]|\b(usd|us\s*\$|dollars?|euros?|tenge|тенге|теңге|rubles?|рубл)", re.IGNORECASE)
_NAME = re.compile(r"\b[A-ZА-ЯӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:[- ][A-ZА-ЯӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі.]+)*(?!\w)")
_ENUMERATIVE = re.compile(
    r"^\s*(which|what)\b.*\b(are|were|have)\b|\b(list|all|every|various)\b|какие|қандай", re.IGNORECASE
)
_PLURAL_HINT = re.compile(r"\b\w+(ships|ies|s)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Stem → the stems of its synonym group (assistant/data/synonyms.txt)."""
    table: dict[str, set[str]] = {}
    for line in data_lines("synonyms.txt"):
        stems = set(tokenize(line))
        for stem in stems:
            table.setdefault(stem, set()).update(stems)
    return {stem: frozenset(group) for stem, group in table.items()}


def variants(term: str) -> set[str]:
    """The term and the stems that mean the same here."""
    return set(_synonyms().get(term, ())) | {term}


def matched(terms, tokens: set[str]) -> set[str]:
    """The terms found in `tokens`, directly or through a synonym."""
    return {t for t in terms if variants(t) & tokens}


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    english: str  # the text itself, or an English rendering for Russian/Kazakh
    terms: tuple[str, ...]  # content terms (BM25 tokens) that evidence should cover
    context: tuple[str, ...]  # terms from earlier turns of a follow-up ("(about: …)"), weighed less
    kind: str | None  # price | year | count | date | person | None
    enumerative: bool  # asks for several things across the corpus
    focus: str | None = None  # what a "which X …" question asks for (its first content term)


_ABOUT = re.compile(r"\s*\(about:\s*(.*?)\)\s*$")


def analyse(question: str) -> QuestionInfo:
    about = _ABOUT.search(question)
    context_text = about.group(1) if about else ""
    question = _ABOUT.sub("", question)
    english = english_for_matching(question)
    kind = None
    for name, pattern in _TYPES:
        if re.search(pattern, question, re.IGNORECASE) or re.search(pattern, english, re.IGNORECASE):
            kind = name
            break
    generic = _GENERIC | {"year": {"year"}, "date": {"date"}, "duration": {"long"}}.get(kind or "", set())
    terms = tuple(dict.fromkeys(t for t in tokenize(english) if t not in generic))
    context = tuple(t for t in dict.fromkeys(tokenize(context_text)) if t not in terms and t not in generic)
    enumerative = bool(_ENUMERATIVE.search(question)) and bool(_PLURAL_HINT.search(question.split("?")[0]))
    head = re.match(r"\s*(?:which|what)\s+(.*)", english, re.IGNORECASE)
    focus = next(iter(t for t in tokenize(head.group(1)) if t in terms), None) if head else None
    return QuestionInfo(question, english, terms, context, kind, enumerative and kind is None, focus)


def satisfies(kind: str | None, sentence: str) -> bool:
    """Whether a sentence holds the kind of answer the question expects."""
    if kind is None or kind == "person":
        return True
    if kind == "price":
        return bool(_CURRENCY.search(sentence))
    if kind == "year":
        return bool(YEAR.search(sentence))
    if kind == "date":
        return bool(DATE_MENTION.search(sentence) or YEAR.search(sentence))
    if kind == "duration":  # "for the seventh year", "since 2012", "three months"
        return bool(
            _NUMBER.search(sentence)
            or YEAR.search(sentence)
            or re.search(r"\b(since|for|years?|months?|weeks?|days?|decades?)\b", sentence, re.IGNORECASE)
        )
    if kind == "count":
        # a number that is not just a year or part of a date
        stripped = DATE_MENTION.sub(" ", sentence)
        stripped = YEAR.sub(" ", stripped)
        return bool(_NUMBER.search(stripped))
    return True


def names(text: str) -> list[str]:
    """Capitalised names and acronyms in order of appearance (for follow-up condensing)."""
    found = _NAME.findall(text) + re.findall(r"\b[A-ZА-Я]{2,}[a-z]?\b|\b\w+ \d\.\d\b", text)
    stop = {
        "What",
        "Which",
        "Who",
        "When",
        "Where",
        "How",
        "Why",
        "The",
        "A",
        "An",
        "In",
        "On",
        "It",
        "Is",
        "Did",
        "Does",
        "Do",
        "Was",
        "Were",
        "Are",
        "Together",
        "Tell",
        "And",
        "Its",
        "This",
        "That",
        "They",
    }
    return list(dict.fromkeys(n for n in found if n not in stop))


_FOLLOW_UP = re.compile(
    r"\b(it|its|they|them|their|there|this|that|these|those|he|she|him|her|his|hers|the same|such|then)\b|"
    r"\b(он|она|оно|они|его|её|ее|их|там|это|этот|эта|эти|тогда)\b|\b(ол|олар|оның|сол|осы|онда)\b",
    re.IGNORECASE,
)


def condense(question: str, history: list[Turn]) -> str:
    """A standalone question without an LLM: a follow-up gets the names and terms of earlier turns."""
    users = [t.content for t in history if t.role == "user" and t.content]
    if not users:
        return question
    info = analyse(question)
    looks_dependent = bool(_FOLLOW_UP.search(question)) or len(info.terms) <= 2
    if not looks_dependent:
        return question
    last_user = users[-1]
    assistant_turns = [t.content for t in history if t.role == "assistant" and t.content]
    context = names(last_user) + (names(assistant_turns[-1]) if assistant_turns else [])
    context += [w for w in re.findall(r"[\w-]+", last_user) if tokenize(w)]  # its non-stop words
    seen, parts = set(), []
    for c in context:
        key = c.lower()
        if key not in seen and key not in question.lower():
            seen.add(key)
            parts.append(c)
    return f"{question.rstrip()} (about: {' '.join(parts[:12])})" if parts else question
