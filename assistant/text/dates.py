"""Dates: the one month table (English, Russian, Kazakh), full dates found in text, date ordinals."""

from __future__ import annotations

import datetime as dt
import re

# Month stems, January first; a regex each, matched at the start of a lower-cased word.
MONTHS = {
    "en": ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    "ru": [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма[йя]",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ],
    "kk": [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
}
# Any month name in any of the three languages (English names written out, so "mar" alone is no month).
_EN_FULL = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_NAME = "(?:" + "|".join(_EN_FULL + MONTHS["ru"] + MONTHS["kk"]) + r")\w*"


def iso_day(value: str) -> str:
    """A date written as YYYY-MM-DD, normalised; ValueError for anything else (the one rule for dates users type)."""
    return dt.date.fromisoformat(value).isoformat()


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation in English, Russian or Kazakh; else None."""
    w = word.lower()
    for stems in MONTHS.values():
        for i, stem in enumerate(stems):
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
    ("y_d_month", re.compile(rf"\b(\d{{4}})\s+жыл\w*\s+{_DAY}\s+{_MONTH}", re.IGNORECASE)),  # 2026 жылғы 6 ақпан
]
# A date stated in any form, year optional ("3 April", "April 3-4", "24.04.2019"): what "when" asks for.
DATE_MENTION = re.compile(
    rf"\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|{MONTH_NAME}\s+\d{{1,2}}(\s*[-–]\s*\d{{1,2}})?\b|\b\d{{1,2}}(\s*[-–]\s*\d{{1,2}})?\s+{MONTH_NAME}",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _to_date(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    try:
        if kind == "ymd":
            y, m, d = int(groups[0]), int(groups[1]), int(groups[2])
        elif kind == "dmy":
            d, m, y = int(groups[0]), int(groups[1]), int(groups[2])
        elif kind == "y_d_month":
            y, d, m = int(groups[0]), int(groups[1]), month_number(groups[2]) or 0
        elif kind == "d_month_y":
            d, m, y = int(groups[0]), month_number(groups[1]) or 0, int(groups[2])
        else:
            m, d, y = month_number(groups[0]) or 0, int(groups[1]), int(groups[2])
        if not m or not 1900 <= y <= 2100:
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


def date_ord(date: str | None) -> int:
    """An ISO date as a sortable integer (20260219), 0 for none: what date filters compare."""
    return int(date.replace("-", "")) if date else 0
