"""Raw article text → cleaned body: navigation crumbs, counters and page chrome removed.

The article's own sentences are never rewritten; only whole lines of page chrome
(or a crumb prefix glued to a title line) are dropped, so offsets into the cleaned
text point at the words the reader sees.
"""

from __future__ import annotations

import re

# Words that make up navigation crumbs ("Главная Новости", "- Main page", "Home / News").
_CRUMB_WORDS = (
    "главная",
    "новости",
    "басты бет",
    "жаңалықтар",
    "main page",
    "home page",
    "homepage",
    "home",
    "news",
    "all news",
    "все новости",
    "барлық жаңалықтар",
    "press releases",
    "пресс-релизы",
)
_ROOT_CRUMBS = ("главная", "басты бет", "main page", "home page", "homepage", "home")
_CRUMB_SEP = r"[\s\-–—/>»|•·]*"
_CRUMB_ALT = "|".join(re.escape(w) for w in sorted(_CRUMB_WORDS, key=len, reverse=True))
_CRUMB_LINE = re.compile(rf"^{_CRUMB_SEP}(?:(?:{_CRUMB_ALT}){_CRUMB_SEP})+$", re.IGNORECASE)
_ROOT_ALT = "|".join(re.escape(w) for w in _ROOT_CRUMBS)
_CRUMB_PREFIX = re.compile(
    rf"^{_CRUMB_SEP}(?:{_ROOT_ALT})(?:{_CRUMB_SEP}(?:{_CRUMB_ALT}))*{_CRUMB_SEP}(?=\S)", re.IGNORECASE
)
# View counters and "read more" links.
_COUNTER_LINE = re.compile(
    r"^(?:просмотров|просмотры|просмотрено|views?|hits|қаралды|көрілім|көрілді)\s*:?\s*\d[\d\s]*$", re.IGNORECASE
)
_TRAILING_COUNTER = re.compile(r"^(.*\S)\s{4,}\d{1,7}$")  # "19 February 2026        42"
_MORE_LINE = re.compile(r"^(?:more|read more|подробнее|читать далее|толығырақ)\s*[»>→.…]*$", re.IGNORECASE)
# Metadata and footer lines: "[Дата публикации: …]", "… Categories: News", "Tags: …".
_META_LINE = re.compile(
    r"^\[[^\]]*(?:\d{4}|published|опубликовано|дата)[^\]]*\]$|(?:categories|категории|санаттар|tags|теги)\s*:",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def clean_text(raw: str) -> str:
    """The article body without page chrome; paragraphs separated by blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = _BOLD.sub(lambda m: " ".join(m.group(1).split()), text)
    text = _AUTOLINK.sub(r"\1", text)
    out: list[str] = []
    seen_head: set[str] = set()
    for line in text.split("\n"):
        line = line.rstrip()
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        if _CRUMB_LINE.match(stripped) or _COUNTER_LINE.match(stripped) or _MORE_LINE.match(stripped):
            continue
        if len(stripped) < 200 and _META_LINE.search(stripped):
            continue
        stripped = _CRUMB_PREFIX.sub("", stripped)
        stripped = _MD_HEADING.sub("", stripped)
        m = _TRAILING_COUNTER.match(stripped)
        if m and len(m.group(1)) < 40:
            stripped = m.group(1)
        # A heading repeated at the top of the page (crumb title, then the title again).
        if len(seen_head) < 8 and len(stripped) < 300:
            if stripped in seen_head:
                continue
            seen_head.add(stripped)
        out.append(stripped)
    cleaned = "\n".join(out)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()
