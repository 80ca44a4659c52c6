"""Feed subscriptions (RSS 0.9x/1.0/2.0, Atom via feedparser): the list, each feed's entries already
taken, and reading a fetched feed into its entries. Kept as JSON in the corpus folder's work area."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import FetchError, InvalidInputError
from ..ledger import Ledger
from .library import write_atomically

MAX_SEEN = 5000  # entry keys remembered per feed (a feed lists its newest few dozen)


@dataclass
class Entry:
    key: str  # the entry's id (guid), else its link
    link: str
    title: str
    date: str | None  # YYYY-MM-DD


@dataclass
class Feed:
    url: str
    title: str = ""
    added_by: str = ""
    added_at: str = ""
    last_polled: str = ""
    last_result: str = ""
    seen: list[str] = field(default_factory=list)


def parse_feed(data: bytes, url: str) -> tuple[str, list[Entry]]:
    """A feed's title and entries; FetchError when the document is no feed."""
    import feedparser

    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version or (parsed.get("bozo") and not parsed.entries):
        raise FetchError(f"{url} is not a feed (no RSS or Atom XML there)", "link the site's RSS or Atom feed")
    entries = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link:
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        entries.append(Entry(e.get("id") or link, link, (e.get("title") or "").strip(), date))
    return (parsed.feed.get("title") or "").strip(), entries


class Subscriptions:
    """The subscribed feeds: the corpus folder's feeds.json by default, or a shared ledger (ledger.py) keyed by URL
    when several app servers share one Chroma."""

    def __init__(self, folder: Path, ledger: Ledger | None = None) -> None:
        self.path = Path(folder) / ".assistant" / "feeds.json"
        self.ledger = ledger

    def all(self) -> list[Feed]:
        if self.ledger is not None:
            return [Feed(**{k: v for k, v in r.items() if k in FIELDS}) for r in self.ledger.all()]
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except ValueError:
            raise InvalidInputError(f"the feed list {self.path} is damaged", "fix or remove the file") from None
        return [Feed(**f) for f in data.get("feeds", [])]

    def save(self, feeds: list[Feed]) -> None:
        for f in feeds:
            f.seen = f.seen[-MAX_SEEN:]
        if self.ledger is not None:
            kept = {f.url for f in feeds}
            for gone in {f.url for f in self.all()} - kept:
                self.ledger.delete(gone)
            for f in feeds:
                self.ledger.add(asdict(f))
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"feeds": [asdict(f) for f in feeds]}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())

    def find(self, url: str) -> Feed | None:
        return next((f for f in self.all() if f.url == url.strip()), None)


FIELDS = {f.name for f in fields(Feed)}
