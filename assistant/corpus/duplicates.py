"""Is a new article one the corpus already holds? The same address, or the same story: most of its
five-word runs (shingles) shared with an article already there, whatever the page around it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..records import Article

SAME_STORY = 0.8  # share of the shorter text's shingles found in the other


def same_address(url: str) -> str:
    """A URL as two addresses of one page compare: no fragment, no tracking parameters, no trailing slash."""
    try:
        p = urlsplit(url.strip())
    except ValueError:
        return url
    query = urlencode([(k, v) for k, v in parse_qsl(p.query) if not k.lower().startswith(("utm_", "fbclid"))])
    host = (p.hostname or "").lower().removeprefix("www.")
    return urlunsplit(("", host, p.path.rstrip("/"), query, ""))


def shingles(text: str, n: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + n])) for i in range(max(1, len(words) - n + 1))}


class DuplicateFinder:
    """Finds the article a new one repeats; keeps each stored article's shingles while its text is unchanged."""

    def __init__(self) -> None:
        self._shingles: dict[str, set[int]] = {}

    def _of(self, article: Article) -> set[int]:
        key = f"{article.id}/{article.content_hash}"
        if key not in self._shingles:
            self._shingles[key] = shingles(article.text)
        return self._shingles[key]

    def find(self, text: str, url: str | None, articles: list[Article]) -> Article | None:
        """The article already in the corpus that `text` (from `url`) repeats, or None."""
        if url:
            key = same_address(url)
            hit = next((a for a in articles if a.source.startswith("http") and same_address(a.source) == key), None)
            if hit:
                return hit
        mine = shingles(text)
        for a in articles:
            theirs = self._of(a)
            if mine and theirs and len(mine & theirs) >= SAME_STORY * min(len(mine), len(theirs)):
                return a
        return None
