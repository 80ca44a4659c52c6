"""What a question asks for: its content terms, the kind of answer it expects, and follow-ups.

Used by the offline model (to pick and judge sentences) and by the chain's rule-based
condensing step when no LLM is configured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Turn
from ..text.crosslingual import data_lines, english_for_matching, english_rendering
from ..text.tokens import tokenize

# Words that say where to look rather than what to find ("described in the news").
_GENERIC = set(
    tokenize(
        "news article articles corpus described describe mentioned mention reported report say says said tell "
        "told according please information know find between story stories appear appears appeared"
    )
)

# Roles a Russian or Kazakh "who is the …" names: "кто ректор …", "… бас директоры кім?"
_CYRILLIC_ROLE = (
    r"(?:ректор|проректор|директор|председател|президент|декан|руководител|глав[аы]|аким|министр|заведующ|"
    r"основател|төраға|басшы|әкім|меңгеруш)"
)
_ASKS_CYRILLIC_ROLE = (
    rf"\b(?:кто\s+(?:является\s+|был[аи]?\s+)?|как\s+зовут\s+)({_CYRILLIC_ROLE}\w*)|({_CYRILLIC_ROLE}\w*)\s+кім\b"
)
_ROLE_CYRILLIC = re.compile(_ASKS_CYRILLIC_ROLE)
# "who heads the centre", "кто возглавлял делегацию": a person, in the role of its head
_ASKS_HEAD = r"^\s*who\s+(?:heads|headed|leads|led)\b|\bкто\s+(?:возглав|руковод)\w*"
_HEAD = re.compile(_ASKS_HEAD, re.IGNORECASE)

_TYPES = [
    (  # how far something changes: a number or a share, not a sum ("by how much will it cut the costs")
        "count",
        r"\bhow much\b[^?]*\b(reduc|cut|decreas|increas|grow|grew|fall|fell|rise|rose|drop|lower)\w*|"
        r"\bby what (percentage|share|factor)\b|\bна сколько\b[^?]*\b(сократ|сниз|уменьш|увелич|вырос|выраст)|"
        r"\bнасколько\b|\bқаншалықты\b|\bқанша пайыз",
    ),
    (  # an amount of money, also asked as "how large were the grants" or "how much money"
        "price",
        r"\b(price|cost|how much does|how much is|how much money|стоимост|цен[аыу]|сколько стоит|сколько денег|"
        r"баға(сы|сын)?\b|құны\b|қанша ақша)|"
        r"\bhow (large|big|much) (was|were|is|are)\b[^?]*\b(grants?|prizes?|funds?|funding|"
        r"budgets?|sums?|awards?|investments?|donations?)\b|\bhow much (did|does|do|was|were|has|have|will)\b[^?]*"
        r"\b(allocat|spen[dt]|invest|pa(y|id)|put|contribut|donat|rais|fund|earn|award|give|gave|receiv)\w*|"
        r"\bобош[её]л|\bобошл|\bстоил|\bвложил|\bвыделил|\bқанша (қаражат|теңге|қаржы|ақша)|"
        r"\bсколько (средств|тенге|рубл)|"
        r"\b(what|which) (size|amount|sum)\b|"
        r"\bкакого размера\b|\bкакой суммы\b|\bқандай (көлем|мөлшер)|\bво сколько (?!раз\b)|"
        r"\b(what|which) (was|were|is|are|will be) the ((?!of\b|for\b|in\b|to\b|by\b)\w+ ){0,3}"
        r"(fund|budget|cost|price|sum|amount|grant|prize)s?\b|"
        r"\bкаков[аоы]? (\w+ ){0,2}(бюджет|стоимость|сумма|фонд|размер)",
    ),
    ("year", r"\b(which|what|in what) year\b|\bв каком году\b|\bқай жыл"),
    (
        "duration",
        r"\bhow long\b|\bhow many (days|weeks|months|years)\b|\bfor how many years\b|\bкак долго\b|\bсколько лет\b|"
        r"\bна какой срок\b|\bқанша уақыт|\bқанша мерзім",
    ),
    ("count", r"\bhow many\b|\bhow much\b|\bnumber of\b|\bскольк(о|их|им|ими)\b|\bқанша\b|\bнеше\b"),
    (
        "date",
        r"\bwhen\b|\bwhat date\b|\bon what (day|date)\b|\bкогда\b|\bқашан\b|\bкакого числа\b|\bв какой день\b|"
        r"\bқай күні\b|\b(which|what|in what) month\b|\bв каком месяце\b|\bқай айда\b",
    ),
    (
        "organisation",
        r"\b(which|what) ((?!between|of|for|in|with|from|to|on|at|by|did|does|do|is|was|are|were|has|have|had|will)"
        r"\w+ ){0,3}"
        r"(company|companies|organi[sz]ations?|body|bodies|foundation|fund|hotel|bank|"
        r"universit(y|ies)|institution|agency|sponsor|partner|network|brand|firm)\b|\bwho (supported|sponsored|"
        r"organi[sz]ed|hosted|initiated|funded|backed)\b|\bкакая (\w+ )?(компания|организация|гостиница|фирма)\b|"
        r"\bқай (\w+ )?(компания|ұйым)",
    ),
    (  # who someone is: the answer must name a person
        "person",
        r"^\s*who (is|was|are|were)\b|\bname of the\b|\bwhose name\b|\bкак зовут\b|\bимя\b|"
        r"^\s*(which|what) (\w+ ){0,2}(vice-rector|rector|director|speaker|minister|founder|chair(man|woman|person)?|"
        r"president|manager|spokes(man|woman|person)|official|expert|representative)s?\b|"
        r"\bкто (является|был|была)\b|\bесімі\b|\bаты(-жөні)? кім\b|" + _ASKS_CYRILLIC_ROLE + "|" + _ASKS_HEAD,
    ),
    ("agent", r"^\s*who\b|\bкто\b|\bкім\b|\bкого\b"),  # who did something: a person or a body
    (
        "place",
        r"\bwhere\b|\b(which|what) (city|cities|country|countries|region|town)\b|\bгде\b|\bқайда\b|"
        r"\bв каком городе\b|\bқай қалада\b",
    ),
]
# The verb after "who" or after "which company/organisation/…": the relation the answer must hold.
_RELATION = re.compile(
    r"^\s*who\s+(?!is\b|was\b|are\b|were\b|did\b|does\b)([\w-]+)|\b(?:which|what)\b[^?]*?\b(?:company|companies|"
    r"organi[sz]ations?|body|foundation|fund|hotel|bank|institution|agency|sponsor|partner|brand|firm)\s+(?!is\b|was\b|"
    r"are\b|were\b|did\b|does\b|that\b|which\b)(\w+)",
    re.IGNORECASE,
)
_FOR_WHOM = re.compile(r"\b(for|to|with|at|towards)\s*\?\s*$|\bдля кого\b|\bкім үшін\b", re.IGNORECASE)
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
    role: str | None = None  # the role a "who is the …" question names: "rector" in "who is the rector of …"
    done: str | None = None  # what a detail question asks about: "founded" in "in which year was it founded"


# Words of a kind's question frame ("how large were …", "what size …"), not of what the question is about.
_FRAME = {
    kind: set(tokenize(words))
    for kind, words in {
        "year": "year",
        "date": "date day",
        "duration": "long",
        "price": "large big size amount sum размер көлемі мөлшері",
        "count": "number",
    }.items()
}

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
    generic = _GENERIC | _FRAME.get(kind or "", set())
    known = english_rendering(question, unknown=False) if english != question else english
    terms = tuple(dict.fromkeys(t for t in tokenize(known) if t not in generic))
    terms = terms or tuple(dict.fromkeys(t for t in tokenize(english) if t not in generic))
    native = tuple(dict.fromkeys(t for t in tokenize(question) if t not in generic)) if english != question else terms
    context = tuple(t for t in dict.fromkeys(tokenize(context_text)) if t not in terms and t not in generic)
    enumerative = bool(_ENUMERATIVE.search(question)) and bool(_PLURAL_HINT.search(question.split("?")[0]))
    head = re.match(r"\s*(?:which|what)\s+(.*)", english, re.IGNORECASE)
    focus = next(iter(t for t in tokenize(head.group(1)) if t in terms), None) if head else None
    act = _RELATION.search(english)
    relation = _last_token(act.group(1) or act.group(2)) if act else None
    role_m = (_ROLE.search(english) or _ROLE_CYRILLIC.search(question.lower())) if kind == "person" else None
    role = next(iter(tokenize(role_m.group(1) or role_m.group(2))), None) if role_m else None
    if kind == "person" and role is None and (_HEAD.search(english) or _HEAD.search(question)):
        role = "head"  # the glossary gives "head" for руководитель, глава, басшысы, возглавлять
    done_m = _DONE.search(english) or (_DONE_CYRILLIC.search(question) if kind in ("year", "date") else None)
    done = _last_token(next(g for g in done_m.groups() if g)) if done_m else None
    return QuestionInfo(
        question, english, terms, native, context, kind, enumerative and kind is None, focus, relation, role, done
    )


def _last_token(words: str) -> str | None:
    """The last content token ("organiz" of "co-organised"), or None."""
    tokens = tokenize(words)
    return tokens[-1] if tokens else None


_ROLE = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?:the\s+|a\s+|an\s+)?([\w-]+)|\bname of the\s+([\w-]+)", re.I)
# "… was METU founded?", "… were the grants awarded?": the participle that ends a detail question
_DONE = re.compile(
    r"\b(?:was|were|is|are|has been|have been)\b[^?]*\s(\w+ed|held|built|made|won|begun|given|taken|led|paid|spent|"
    r"set up)\s*\?\s*$",
    re.IGNORECASE,
)


# The same in Russian (a past verb or short participle anywhere: "когда была основана …") and Kazakh (the
# verb ends the question: "… қай жылы құрылды?", "… құрылған ба?").
_RU_PAST = r"[а-яё]{2,}[аеёиыяу]л(?:а|о|и|ся|ась|ось|ись)?"  # "основал", "прошла", "состоялось"
_DONE_CYRILLIC = re.compile(
    rf"\b({_RU_PAST}|[а-яё]{{4,}}(?:ан|ен|ят|ыт)[аоы]?)\b(?!.*\b{_RU_PAST}\b)|"  # the last past verb, or a participle
    r"([\wәғқңөұүһі]+(?:ды|ді|ты|ті|ған|ген|қан|кен))(?:\s+(?:ма|ме|ба|бе|па|пе))?\s*\?\s*$",
    re.IGNORECASE,
)


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


_FIRST = re.compile(r"\b(first|earlier|previous one|going back|back to)\b|\bперв|\bбірінші\b", re.IGNORECASE)


def _referred_turn(question: str, history: list[Turn]) -> tuple[str, str]:
    """(user turn, its reply) a follow-up refers to: the latest, unless an earlier exchange shares more of
    the question's words ("that women's project" two turns on), or the question says "the first"."""
    exchanges: list[tuple[str, str]] = []
    for t in history:
        if t.role == "user" and t.content:
            exchanges.append((t.content, ""))
        elif t.role == "assistant" and t.content and exchanges:
            exchanges[-1] = (exchanges[-1][0], t.content)
    if _FIRST.search(question) and len(exchanges) > 1:
        return exchanges[0]
    asked = set(tokenize(question))
    shared = [len(asked & set(tokenize(u + " " + a))) for u, a in exchanges]
    best = max(range(len(exchanges)), key=lambda i: (shared[i], i))  # ties: the latest
    return exchanges[best]


def condense(question: str, history: list[Turn]) -> str:
    """A standalone question without an LLM: a follow-up gets the names and terms of earlier turns."""
    users = [t.content for t in history if t.role == "user" and t.content]
    if not users:
        return question
    info = analyse(question)
    looks_dependent = bool(_FOLLOW_UP.search(question)) or len(info.terms) <= 2
    if not looks_dependent:
        return question
    user, reply = _referred_turn(question, history)
    context = names(user) + names(reply)
    context += [w for w in re.findall(r"[\w-]+", user) if tokenize(w)]  # its non-stop words
    seen, parts = set(), []
    for c in context:
        key = c.lower()
        if key not in seen and key not in question.lower():
            seen.add(key)
            parts.append(c)
    return f"{question.rstrip()} (about: {' '.join(parts[:12])})" if parts else question
