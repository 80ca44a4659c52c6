"""Feeds kept current: subscribe (the feed is read once to check it is one), unsubscribe, and poll: each
feed's new entries fetched and added through the corpus editor, each entry once, a story already in the corpus
skipped as a duplicate, all indexed once at the end."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..corpus.feeds import Feed, parse_feed
from ..corpus.fetch import fetch
from ..errors import DuplicateError, FetchError, InvalidInputError
from .changes import Outcome

if TYPE_CHECKING:
    from .corpus_editor import CorpusEditor


class FeedPoller:
    def __init__(self, editor: CorpusEditor) -> None:
        self.editor = editor
        self.subscriptions = editor.subscriptions

    def subscribe(self, url: str, who: str, origin: str) -> Feed:
        url = url.strip()
        if self.subscriptions.find(url):
            raise DuplicateError(f"{url} is already subscribed", "poll it with: assistant feeds poll")
        title, _entries = parse_feed(fetch(url, self.editor.limits).data, url)  # it is a feed
        with self.editor.library.lock():
            feeds = self.subscriptions.all()
            if any(f.url == url for f in feeds):  # subscribed meanwhile
                raise DuplicateError(f"{url} is already subscribed", "poll it with: assistant feeds poll")
            feed = Feed(url, title, who, time.strftime("%Y-%m-%dT%H:%M:%S%z"))
            self.subscriptions.save([*feeds, feed])
            self.editor.audit.record(who, "subscribed", "", title, url, origin)
        return feed

    def unsubscribe(self, url: str, who: str, origin: str) -> None:
        with self.editor.library.lock():
            feeds = self.subscriptions.all()
            kept = [f for f in feeds if f.url != url.strip()]
            if len(kept) == len(feeds):
                raise InvalidInputError(f"{url} is not subscribed", "see the feeds: assistant feeds list")
            self.subscriptions.save(kept)
            self.editor.audit.record(who, "unsubscribed", "", "", url, origin)

    def poll(self, url: str | None = None, who: str = "feeds", origin: str = "schedule") -> list[dict]:
        """Import each subscribed feed's new entries (each entry once; a story already in the corpus is
        skipped as a duplicate), then index once. One report per feed."""
        feeds = self.subscriptions.all()
        chosen = [f for f in feeds if url is None or f.url == url.strip()]
        if url is not None and not chosen:
            raise InvalidInputError(f"{url} is not subscribed", "subscribe first: assistant feeds add URL")
        reports, outcome = [], Outcome()
        for feed in chosen:
            reports.append(self._poll_one(feed, who, origin, outcome))
        with self.editor.library.lock():  # the list as it is now (one may have been added meanwhile), these polled
            polled = {f.url: f for f in chosen}
            self.subscriptions.save([polled.get(f.url, f) for f in self.subscriptions.all()])
        if outcome.changes:
            self.editor.index(outcome)
        for report in reports:
            links = report.pop("_links")
            report["imported"] = [c.to_dict() for c in outcome.changes if c.source in links]
        return reports

    def _poll_one(self, feed: Feed, who: str, origin: str, outcome: Outcome) -> dict:
        report: dict = {"feed": feed.url, "new": 0, "duplicates": [], "failed": [], "_links": set()}
        try:
            _title, entries = parse_feed(fetch(feed.url, self.editor.limits).data, feed.url)
        except (FetchError, InvalidInputError) as e:
            feed.last_result = f"failed: {e}"
            report["failed"].append({"input": feed.url, "reason": str(e)})
            return report
        for entry in entries:
            if entry.key in feed.seen:
                continue
            report["new"] += 1
            try:
                ready = self.editor.fetch_page(entry.link)
                meta = {"date": entry.date} if entry.date and not ready.doc.date else None
                with self.editor.library.lock():
                    change = self.editor.commit_new(ready, who, f"{origin}, feed {feed.url}", meta, feed=feed.url)
                outcome.changes.append(change)
                report["_links"].add(change.source)
                feed.seen.append(entry.key)
            except DuplicateError as e:
                report["duplicates"].append({"input": entry.link, "reason": str(e)})
                feed.seen.append(entry.key)
            except (FetchError, InvalidInputError) as e:  # tried again at the next poll
                report["failed"].append({"input": entry.link, "reason": str(e)})
        feed.last_polled = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        counts = (report["new"], len(report["duplicates"]), len(report["failed"]))
        feed.last_result = "{} new, {} duplicates, {} failed".format(*counts)
        return report
