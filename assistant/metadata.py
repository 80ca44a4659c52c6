"""Article metadata read off the text: title, date (ISO 8601), publisher, language."""

from __future__ import annotations

import datetime as dt
import re
import string

_EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
_KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]


def _month_number(word: str) -> int | None:
    w = word.lower()
    for names in (_EN_MONTHS, _RU_MONTHS, _KK_MONTHS):
        for i, stem in enumerate(names):
            if re.match(stem, w):
                return i + 1
    return None


_MONTH = r"([A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{3,12})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?"
_DATE_PATTERNS = [
    ("ymd", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")),
    ("d_month_y", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+(\d{{4}})\b")),
    ("month_d_y", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b")),
]
_LABELLED_DATE = re.compile(
    r"(?:дата публикации|опубликовано|published(?: on)?|publication date|date|жарияланды|жарияланған күні)\s*:?\s*",
    re.IGNORECASE,
)


def _to_date(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    try:
        if kind == "ymd":
            y, m, d = int(groups[0]), int(groups[1]), int(groups[2])
        elif kind == "dmy":
            d, m, y = int(groups[0]), int(groups[1]), int(groups[2])
        elif kind == "d_month_y":
            d, m, y = int(groups[0]), _month_number(groups[1]), int(groups[2])
        else:
            m, d, y = _month_number(groups[0]), int(groups[1]), int(groups[2])
        if m is None or not 1900 <= y <= 2100:
            return None
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full date stated in the text, as (character position, date), in text order."""
    found: dict[int, dt.date] = {}
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _to_date(kind, m.groups())
            if date and not any(abs(m.start() - p) < 3 for p in found):
                found[m.start()] = date
    return sorted(found.items())


def extract_date(raw: str) -> str | None:
    """The publication or event date: a labelled date first, else the first date stated."""
    dates = find_dates(raw)
    if not dates:
        return None
    for label in _LABELLED_DATE.finditer(raw):
        for pos, date in dates:
            if label.end() <= pos <= label.end() + 3:
                return date.isoformat()
    return dates[0][1].isoformat()


_PUBLISHER = re.compile(
    r"(?:published by|publisher|source|источник|автор|дереккөз)\s*:\s*([^\n\]\[,;|]{2,80})", re.IGNORECASE
)


def extract_publisher(raw: str) -> str | None:
    """The publisher when the page states one ("published by: …", "Источник: …")."""
    m = _PUBLISHER.search(raw)
    return m.group(1).strip(" .") if m else None


_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_EN_STOPWORDS = {"the", "and", "of", "to", "in", "a", "is", "was", "for", "on", "with", "as", "by", "that"}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language: by script, then Kazakh letters or English stopwords."""
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if cyr > lat:
        kazakh = sum(1 for ch in text if ch in _KAZAKH_LETTERS)
        return "kk" if kazakh > 0.01 * cyr else "ru"
    words = re.findall(r"[a-z]+", text.lower())
    if words and sum(w in _EN_STOPWORDS for w in words) / len(words) > 0.08:
        return "en"
    return "und"


_QUOTES = "\"'“”«»„‘’"
_SENTENCE_END = ".!?…:;,"


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        12 <= len(line) <= 250
        and 3 <= len(words) <= 30
        and line[0] not in _QUOTES
        and line[-1] not in _SENTENCE_END + _QUOTES
        and not find_dates(line)
    )


def _is_body(line: str) -> bool:
    return len(line.split()) >= 15 and line[0] not in _QUOTES and not line.endswith(("...", "…"))


def _first_sentence(paragraph: str, limit: int = 120) -> str:
    # A sentence ends after a word of two or more lower-case letters or digits ("K.K." does not end one).
    m = re.match(r"(.+?[a-zа-яёәғқңөұүһі0-9)”»\"]{2}[.!?])(?:\s|$)", paragraph)
    sentence = (m.group(1) if m else paragraph).strip()
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def extract_title(cleaned: str) -> str:
    """A heading line above the body, else the body's first sentence (shortened)."""
    lines = [ln.strip() for ln in cleaned.split("\n") if ln.strip()]
    for line in lines:
        if _is_heading(line):
            return string.capwords(line) if line.isupper() else line
        if _is_body(line):
            return _first_sentence(line)
    return _first_sentence(lines[0]) if lines else ""
