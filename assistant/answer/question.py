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
from ..text.dates import DATE_MENTION, MONTH_NAME, YEAR
from ..text.organisation_words import heads
from ..text.tokens import STOPWORDS, name_keys, tokenize

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
    (
        "organisation",
        r"\b(which|what) ((?!between|of|for|in|with|from|to|on|at|by)\w+ ){0,3}"
        r"(company|companies|organi[sz]ations?|body|bodies|foundation|fund|hotel|bank|"
        r"universit(y|ies)|institution|agency|sponsor|partner|network|brand|firm)\b|\bwho (supported|sponsored|"
        r"organi[sz]ed|hosted|initiated|funded|backed)\b|\bкакая (\w+ )?(компания|организация|гостиница|фирма)\b|"
        r"\bқай (\w+ )?(компания|ұйым)",
    ),
    (  # who someone is: the answer must name a person
        "person",
        r"^\s*who (is|was|are|were)\b|\bname of the\b|\bwhose name\b|\bкак зовут\b|\bимя\b|"
        r"\bкто (является|был|была)\b|\bесімі\b|\bаты(-жөні)? кім\b",
    ),
    ("agent", r"^\s*who\b|\bкто\b|\bкім\b|\bкого\b"),  # who did something: a person or a body
    (
        "place",
        r"\bwhere\b|\b(which|what) (city|cities|country|countries|region|town)\b|\bгде\b|\bқайда\b|"
        r"\bв каком городе\b|\bқай қалада\b",
    ),
]
_NAMED = ("person", "agent", "organisation", "place")
# The verb after "who" or after "which company/organisation/…": the relation the answer must hold.
_RELATION = re.compile(
    r"^\s*who\s+(?!is\b|was\b|are\b|were\b|did\b|does\b)(\w+)|\b(?:which|what)\b[^?]*?\b(?:company|companies|"
    r"organi[sz]ations?|body|foundation|fund|hotel|bank|institution|agency|sponsor|partner|brand|firm)\s+(?!is\b|was\b|"
    r"are\b|were\b|did\b|does\b|that\b|which\b)(\w+)",
    re.IGNORECASE,
)
_FOR_WHOM = re.compile(r"\b(for|to|with|at|towards)\s*\?\s*$|\bдля кого\b|\bкім үшін\b", re.IGNORECASE)
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
    terms: tuple[str, ...]  # content terms (BM25 tokens) that evidence should cover (English rendering)
    native: tuple[str, ...]  # the same from the question as written (differs for Russian and Kazakh)
    context: tuple[str, ...]  # terms from earlier turns of a follow-up ("(about: …)"), weighed less
    kind: str | None  # price | year | count | date | duration | organisation | person | agent | place | None
    enumerative: bool  # asks for several things across the corpus
    focus: str | None = None  # what a "which X …" question asks for (its first content term)
    relation: str | None = None  # what the asked-for one did: "supported" in "which company supported …"


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
    if kind in ("person", "agent") and _FOR_WHOM.search(question):
        kind = None  # "who is it meant for?" asks for a group of people, not a named person
    generic = _GENERIC | {"year": {"year"}, "date": {"date"}, "duration": {"long"}}.get(kind or "", set())
    terms = tuple(dict.fromkeys(t for t in tokenize(english) if t not in generic))
    native = tuple(dict.fromkeys(t for t in tokenize(question) if t not in generic)) if english != question else terms
    context = tuple(t for t in dict.fromkeys(tokenize(context_text)) if t not in terms and t not in generic)
    enumerative = bool(_ENUMERATIVE.search(question)) and bool(_PLURAL_HINT.search(question.split("?")[0]))
    head = re.match(r"\s*(?:which|what)\s+(.*)", english, re.IGNORECASE)
    focus = next(iter(t for t in tokenize(head.group(1)) if t in terms), None) if head else None
    act = _RELATION.search(english)
    relation = next(iter(tokenize(act.group(1) or act.group(2))), None) if act else None
    return QuestionInfo(question, english, terms, native, context, kind, enumerative and kind is None, focus, relation)


_CAPITALISED = re.compile(
    r"(?<![\w])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’&.-]*)(?:\s+(?:of|for|and|&|de|\d+)?\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’&.-]*)*"
)
_INITIALS = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]?\.?")


@lru_cache(maxsize=64)
def _asked(question: str) -> frozenset[str]:
    """The name keys and tokens of a question (read once per question, not once per sentence)."""
    return frozenset(name_keys(question)) | frozenset(tokenize(question))


def new_names(sentence: str, question: str) -> list[str]:
    """Capitalised runs of the sentence (not its first word alone) that the question does not name."""
    asked = _asked(question)
    found = []
    for m in _CAPITALISED.finditer(sentence):
        run = m.group(0).strip(" .")
        words = run.split()
        if m.start() == 0 and len(words) == 1:
            continue  # a capitalised sentence start
        keys = set(name_keys(run)) | set(tokenize(run))
        if keys and not keys <= asked:
            found.append(run)
    return found


def _is_person(run: str) -> bool:
    """Two to five capitalised words, none a function word, month, number or organisation word."""
    words = [w.strip(".,") for w in run.split()]
    return 2 <= len(words) <= 5 and all(
        w.isalpha()
        and w.lower() not in STOPWORDS
        and not re.fullmatch(MONTH_NAME, w, re.IGNORECASE)
        and w.lower() not in heads()
        for w in words
    )


def satisfies(kind: str | None, sentence: str, question: str = "") -> bool:
    """Whether a sentence holds the kind of answer the question expects; named kinds must name
    something (a person, a body, a place) the question does not already name."""
    if kind is None:
        return True
    if kind in _NAMED:
        names_here = new_names(sentence, question)
        if kind in ("person", "agent"):
            return any(_is_person(n) for n in names_here) or bool(_INITIALS.search(sentence))
        return bool(names_here)
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
