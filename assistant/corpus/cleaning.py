"""Raw article text → cleaned body: navigation crumbs, counters and page chrome removed.

The article's own sentences are never rewritten; only whole lines of page chrome
(or a crumb prefix glued to a title line) are dropped, so offsets into the cleaned
text point at the words the reader sees.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, with block elements as line breaks."""

    SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template", "svg"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "table",
            "hr",
            "main",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in ("title", "h1"):
            self._in = tag
        if tag in self.BLOCK:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "div", "section", "article") else "\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == self._in:
            self._in = None
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> tuple[str, str]:
    """(visible text, page title) of an HTML document; the title prefers the first <h1>."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "\n".join(line.strip() for line in "".join(parser.parts).split("\n"))
    title = " ".join((parser.h1 or parser.title).split())
    return text, title
