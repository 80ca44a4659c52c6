"""Whether a sentence holds the kind of answer a question asks for (question.py tells the kind).

Strict on purpose: a sentence "of the right kind" about something else is how unanswerable questions
get answered. A count is a number that is not a year, date or sum of money, next to what is counted; a
duration a span, not a bare year; a place a name something is said to be in; a person two capitalised
words the passages never write in lower case; "when will the next one" needs something planned.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.crosslingual import glossary_english_tokens
from ..text.dates import DATE_MENTION, MONTH_NAME, YEAR
from ..text.organisation_words import heads
from ..text.script import mostly_cyrillic
from ..text.tokens import STOPWORDS, name_keys, tokenize
from .question import variants

_NAMED = ("person", "agent", "organisation", "place")
# Numbers written as words in Russian ("трое лучших", "девять преподавателей") and Kazakh ("екі апталық");
# Kazakh бір and он are left out: they are also "a" and "right".
_CYRILLIC_NUMBER = (
    r"(?:одна|одно|один|дв[аеу]х?|тр(?:и|ое|[её]х)|четыр\w*|четверо|пят(?:ь|и|еро)|шест(?:ь|и|еро)|сем(?:ь|и|еро)|"
    r"восем\w*|восьм\w*|девят\w*|десят\w*|двадцат\w*|тридцат\w*|сорок\w*|тысяч\w*|миллион\w*|миллиард\w*|екі|үш|"
    r"төрт|бес|алты|жеті|сегіз|тоғыз|жиырма|отыз|қырық|елу|жүз|мың)"
)
_NUMBER = re.compile(
    rf"\b\d[\d,. ]*\b|\b(hundred|thousand|million|billion|dozens?)\b|(?<!\w){_CYRILLIC_NUMBER}(?!\w)", re.IGNORECASE
)
_CURRENCY_WORD = (
    r"(?:usd|kzt|kgs|uzs|eur|rub|dollars?|euros?|tenge|тенге|теңге|rubles?|рубл\w*|soms?|сом(?:ов|а)?\b|сум\b)"
)
_CURRENCY = re.compile(rf"[$€£₸₽]|\b(us\s*\$|{_CURRENCY_WORD})", re.IGNORECASE)

_CAPITALISED = re.compile(
    r"(?<![\w])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’&.-]*)(?:\s+(?:of|for|and|&|de|\d+)?\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’&.-]*)*"
)
_INITIALS = re.compile(
    r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]?\.?|"
    r"(?<!\w)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,}"
    # the second: initials first, "Д. Тоқанов"
)

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# the person a body is named after ("университет имени Абылкаса Сагинова", "named after Al-Farabi", "Әбілқас
# Сағынов атындағы ҚарТУ"): a namesake, not someone the sentence says did or is anything
_NAMESAKE = re.compile(
    rf"\b(?:имени|им\.|named after)\s+(?:[{_UP}][\w'’.-]*\s*){{1,3}}|(?:[{_UP}][\w'’.-]*\s+){{1,3}}атындағы\b"
)


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


def _is_person(run: str, common: frozenset[str] = frozenset()) -> bool:
    """Two or three capitalised words in a row, none a function word, month, organisation word, or a word
    the passages also write in lower case ("Education Transformation" is a title, not a person)."""
    words = [w.strip(".,") for w in run.split()]

    def name_word(w: str) -> bool:
        low = w.lower()
        return (
            w.isalpha()
            and low not in STOPWORDS
            and low not in common
            and not any("~" + t in common for t in tokenize(low)[:1])
            and low not in heads()
            and not re.fullmatch(MONTH_NAME, w, re.IGNORECASE)
        )

    flags = [name_word(w) for w in words]
    return any(all(flags[i : i + 2]) for i in range(len(flags) - 1))


_LOWER_WORD = re.compile(r"(?<![\w-])[a-zа-яёәғқңөұүһі][a-zа-яёәғқңөұүһі]+")


def common_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case, and their stems: not names, wherever else they are capitalised
    (also in another form: "меморандум" makes a sentence's "Заключение Меморандума" no person)."""
    words = set(_LOWER_WORD.findall(text))
    return frozenset(words | {"~" + t for w in words for t in tokenize(w)[:1]})


def satisfies(kind: str | None, sentence: str, question: str = "", common: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence holds the kind of answer the question expects; named kinds must name
    something (a person, a body, a place) the question does not already name."""
    if kind is None:
        return True
    if kind in ("date", "year", "place") and asks_ahead(question) and not _PLANNED.search(sentence):
        return False  # "when will the next one be held": a past event's date does not answer it
    if kind in ("person", "agent"):
        unnamed = _NAMESAKE.sub(" ", sentence)
        return any(_is_person(n, common) for n in new_names(unnamed, question)) or bool(_INITIALS.search(unnamed))
    if kind in _NAMED:
        names_here = new_names(sentence, question)
        if kind == "place" and not mostly_cyrillic(sentence):  # a name said to be where something is
            return any(_PLACE_WORD.search(n) or re.search(_LOCATIVE + re.escape(n), sentence) for n in names_here)
        return bool(names_here)
    if kind == "price":
        return bool(_CURRENCY.search(sentence))
    if kind == "year":
        return bool(YEAR.search(sentence))
    if kind == "date":
        return bool(DATE_MENTION.search(sentence) or YEAR.search(sentence))
    if kind == "duration":  # "for the seventh year", "since 2012", "three months": a span, not a bare year
        return bool(_SPAN.search(sentence))
    if kind == "count":  # a number that is not a year, part of a date, or a sum of money; by what is counted
        stripped = _MONEY.sub(" ", YEAR.sub(" ", DATE_MENTION.sub(" ", sentence)))
        counted = _HOW_MANY.search(question)
        what = tokenize(_COUNTED_END.split(counted.group(1))[0]) if counted else []
        return bool(_NUMBER.search(stripped)) and _counts(stripped, what)
    return True


def _counts(sentence: str, counted: list[str]) -> bool:
    """A number followed within six words (a multiplier, "about", two adjectives: "үш мыңға жуық құрғақшылыққа
    төзімді қарағаш көшеттерін") by one of the words the question counts ("9,400 women", "650
    applications", "over one hundred precious seedlings" for "how many Sievers apple seedlings");
    in a sentence of the other script only where a synonym says what the counted word is there."""
    if not counted:
        return True
    wanted = set().union(*(variants(w) for w in counted))
    if (
        mostly_cyrillic(sentence)
        and not any(mostly_cyrillic(w) for w in wanted)
        and not (wanted & glossary_english_tokens())
    ):
        return True  # "how many elm seedlings" over a Kazakh sentence: what is counted cannot be read there
    words = re.findall(r"[\w'-]+", sentence)
    for i, w in enumerate(words):
        if (_NUMBER.fullmatch(w) or w[0].isdigit()) and any(wanted & set(tokenize(x)) for x in words[i + 1 : i + 7]):
            return True
    return False


_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the|their|its|his|her)\s+)?((?:[\w'-]+\s*){1,4})", re.IGNORECASE)
# where the counted words end: "how many Sievers apple seedlings | were planted"
_COUNTED_END = re.compile(
    r"\b(?:were|was|are|is|did|do|does|have|has|had|will|would|can|could|in|at|on|of|for|from|to|by|took|there)\b",
    re.IGNORECASE,
)


_FUTURE = re.compile(r"\b(will|next|upcoming|planned)\b|\bследующ|\bбудет\b|\bбудут\b|\bкелесі\b", re.IGNORECASE)


def asks_ahead(question: str) -> bool:
    """Whether the question asks about what is still to come ("when will the next one be held")."""
    return bool(_FUTURE.search(question))


_PLANNED = re.compile(
    r"\b(will|plans?|planned|next|upcoming|future|scheduled|intends?|to be held)\b|будет|будут|планир|следующ|келесі|"
    r"жоспар",
    re.IGNORECASE,
)
_LOCATIVE = r"\b(?:in|at|near|from|to|across|throughout|outside|inside)\s+(?:the\s+)?"
_PLACE_WORD = re.compile(
    r"\b(region|city|oblast|district|village|town|province|country|street|avenue)\b", re.IGNORECASE
)
_CYRILLIC_UNIT = r"(лет|года?|месяц|недел|дн|жыл|ай|апта|күн)"  # years, months, weeks, days in Russian and Kazakh
_COUNTED = r"(?:\d[\d,. ]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|first|second|third|\w+th)"
_SPAN = re.compile(
    rf"\b{_COUNTED}\s+(?:(?!the\b)\w+\s+)?(years?|months?|weeks?|days?|decades?)\b|\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b|\bsince\s+(?:\w+\s+)?(1[89]|20)\d\d\b|"
    rf"\b(for|over)\s+(the\s+)?(past|last)\b|(?:\b\d+\s*|(?<!\w){_CYRILLIC_NUMBER}\s+){_CYRILLIC_UNIT}|"
    r"\bс\s+(1[89]|20)\d\d\b|"
    r"\b(1[89]|20)\d\d\s+жылдан\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"(?:[$€£₸₽]\s*)?\b\d[\d,. ]*(?:\s*(?:thousand|million|billion|тыс\w*|млн|млрд|миллион\w*|миллиард\w*|мың))?"
    rf"\s*(?:[$€£₸₽]|{_CURRENCY_WORD})|"
    rf"(?:[$€£₸₽]|usd)\s*\d[\d,. ]*|\b(?:hundred|thousand|million|billion)\s+{_CURRENCY_WORD}",
    re.IGNORECASE,
)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_MARKER = re.compile(r"\[\d+\]")


def unstated(evidence: str, answer: str, question: str) -> list[str]:
    """The figures of the evidence's first cited sentence (its best) that neither the answer nor the question
    states: what an LLM's answer must carry to be no worse than the extractive one. Names are the kind
    check's business ("who" wants one): an answer may rightly leave out the others a sentence lists."""
    best = _MARKER.split(evidence)[0]
    said = set(_FIGURE.findall(_MARKER.sub(" ", answer))) | set(_FIGURE.findall(question))
    return [f for f in dict.fromkeys(_FIGURE.findall(best)) if f not in said]


_ORDINALS = {  # first, second, third … in English, Russian and Kazakh
    n: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    for n, words in {
        1: r"first|1st|перв\w*|бірінші",
        2: r"second|2nd|втор\w*|екінші",
        3: r"third|3rd|трет\w*|үшінші",
        4: r"fourth|4th|четв[её]рт\w*|төртінші",
    }.items()
}


@lru_cache(maxsize=1024)
def _marks(text: str) -> tuple[frozenset[str], frozenset[int]]:
    """The years and the ordinals (first, second …) a text names (a question's, read once, not per sentence)."""
    return frozenset(YEAR.findall(text)), frozenset(n for n, pattern in _ORDINALS.items() if pattern.search(text))


def contradicts(sentence: str, question: str) -> bool:
    """Whether the sentence states another year or another place in order than the question asks for and not
    the one asked ("in 2025" is not answered by what was given in 2023, "second place" not by the first)."""
    (asked_years, asked_places), (years, places) = _marks(question), _marks(sentence)
    return bool(asked_years and years and not asked_years & years) or bool(
        asked_places and places and not asked_places & places
    )


_DEPUTY = re.compile(
    r"\b(?:vice|deputy|acting|assistant|заместител\w*|зам\b|и\.\s?о\.|вице|бірінші вице)", re.IGNORECASE
)
_OF_BODY = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s*){1,6})")


@lru_cache(maxsize=1)
def _head_tokens() -> frozenset[str]:
    return frozenset(tokenize(" ".join(heads())))


def other_role(sentence: str, question: str, role: str) -> bool:
    """Whether the sentence names the role asked only as another one: a deputy's ("First Vice President",
    "заместитель председателя", "директорының орынбасары") or another body's ("Director of the Shalkar
    College" when the Kazaly college's director is asked for)."""
    low = sentence.lower()
    asked_deputy = bool(_DEPUTY.search(question))
    mentions = list(re.finditer(rf"(?<!\w)[\w-]*{re.escape(role)}\w*", low))
    if not mentions:
        return False
    asked = _asked(question)
    for m in mentions:
        deputy = bool(_DEPUTY.search(low[max(0, m.start() - 25) : m.end()])) or bool(
            re.match(r"\s+орынбасар", low[m.end() :])
        )
        if deputy and not asked_deputy:
            continue
        body = _OF_BODY.match(sentence, m.end())
        named = set(tokenize(body.group(1))) - _head_tokens() if body else set()
        if named and not named & asked:
            continue
        return False
    return True
