"""Keeping the corpus current: add files, pages by URL and feed entries; correct metadata; replace, remove,
undo. Each change is written into the corpus folder (corpus/library.py), logged (corpus/audit.py) and indexed
at once through the Assistant's own ingest, so the chat and the API follow it without a restart.

Every method takes `who` (the staff member or the CLI's user) and `origin` (an address, "cli", "feed …")
for the audit log, and raises an AssistantError saying what to do when the input cannot be used.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus.audit import AuditLog
from ..corpus.cleaning import clean_text
from ..corpus.duplicates import DuplicateFinder
from ..corpus.feeds import Subscriptions
from ..corpus.fetch import Limits, check_url, fetch
from ..corpus.formats import Document, UnusableFile, read_document
from ..corpus.library import Library
from ..corpus.loader import OVERRIDABLE, read_side, side_file
from ..corpus.metadata import extract_date, extract_title
from ..errors import DuplicateError, FetchError, IndexBusyError, InvalidInputError, TooLargeError
from ..ledger import Ledger
from ..text.dates import iso_day
from ..text.script import detect_language
from .changes import Change, Outcome
from .feed_poller import FeedPoller

PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf"}
PAGE_TYPES["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx"
KEPT_AS_IS = (".txt", ".md", ".markdown")  # stored as uploaded; other types are stored as their text


@dataclass
class _Ready:
    """A file read and checked, not yet written."""

    name: str
    data: bytes
    doc: Document
    source_url: str | None
    label: str


class CorpusEditor:
    def __init__(
        self,
        settings,
        ingest: Callable[[], tuple],
        read: Callable[[], Any],
        indexed: Callable[[], dict[str, dict]],
        audit: Ledger | None = None,
        feeds: Ledger | None = None,
    ) -> None:
        self.folder = Path(settings.corpus_dir)
        self.library = Library(self.folder)
        self.audit = AuditLog(self.folder, audit)  # the ledgers: shared behind a Chroma server (index/ledger.py)
        self.subscriptions = Subscriptions(self.folder, feeds)
        self.limits = Limits.of(settings)
        self.max_bytes = int(settings.max_file_mb * 1024 * 1024)
        self._ingest = ingest
        self._read = read
        self._indexed = indexed  # the store's article records: what students are answered from
        self._duplicates = DuplicateFinder()
        self.feeds = FeedPoller(self)

    # -- reading the corpus -----------------------------------------------------------------------
    def listing(self) -> list[dict]:
        """Every article of the folder with its metadata, provenance and passages; unusable files with why."""
        corpus = self._read()
        kept = self._provenance()
        stored = {aid: str(meta.get("signature", "")).split("/")[0] for aid, meta in self._indexed().items()}
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "publisher": a.publisher,
                "language": a.language,
                "source": a.source if a.source.startswith("http") else _uploaded_as(kept.get(a.id, {}), a.source),
                "added_by": kept.get(a.id, {}).get("added_by"),
                "added_at": kept.get(a.id, {}).get("added_at"),
                "passages": len(corpus.chunks.get(a.id, [])),
                "status": "indexed" if stored.get(a.id) == a.content_hash else "not indexed yet: run assistant ingest",
            }
            for a in corpus.articles
        ]
        rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
        for s in corpus.skipped:
            rows.append({"id": s.path.stem, "title": "", "date": None, "publisher": None, "language": None,
                         "source": s.path.name, "added_by": None, "added_at": None, "passages": 0,
                         "status": f"not indexed: {s.reason}"})  # fmt: skip
        return rows

    def _provenance(self) -> dict[str, dict]:
        found = {}
        for side in self.folder.glob("*.meta.*"):
            try:
                found[side.name.split(".meta.")[0]] = read_side(side.with_name(side.name.split(".meta.")[0] + ".x"))
            except UnusableFile:
                continue
        return found

    def log(self, limit: int | None = None) -> list[dict]:
        return self.audit.entries(limit)

    # -- adding -----------------------------------------------------------------------------------
    def add(self, items: list[tuple[str, bytes | None]], who: str, origin: str, meta: dict | None = None,
            progress: Callable[[str], None] | None = None) -> Outcome:  # fmt: skip
        """Add files (name, bytes) and pages (url, None) in one batch, indexed once at the end. Fetching and
        reading happen outside the folder's lock; checking for duplicates and writing inside it."""
        outcome = Outcome()
        say = progress or (lambda _m: None)
        outcome.notes += self.library.recover()
        for i, (name, data) in enumerate(items, 1):
            say(f"Reading {i} of {len(items)}: {name}")
            try:
                ready = self.fetch_page(name) if data is None else self._prepare(name, data)
                with self.library.lock():
                    outcome.changes.append(self.commit_new(ready, who, origin, meta))
            except (InvalidInputError, FetchError) as e:
                outcome.failed.append((name, str(e)))
        if outcome.changes:
            say(f"Indexing {len(outcome.changes)} new articles…")
            self.index(outcome)
        return outcome

    def preview(self, name: str, data: bytes | None) -> dict:
        """What a file (name, bytes) or a page (url, None) would be added as: its metadata, nothing written."""
        ready = self.fetch_page(name) if data is None else self._prepare(name, data)
        side = self._side(ready.doc, None, "", None, ready.source_url, None)
        side["language"] = detect_language(clean_text(ready.doc.text))
        twin = self._duplicates.find(ready.doc.text, ready.source_url, self._read().articles)
        return {k: side.get(k) for k in ("title", "date", "publisher", "language", "author", "source_url")} | {
            "duplicate_of": twin.id if twin else None,
            "words": len(ready.doc.text.split()),
        }

    def fetch_page(self, url: str) -> _Ready:
        """A page by its address, fetched within the limits, as a file ready to add."""
        url = url.strip()
        check_url(url, self.limits.allow_private)
        got = fetch(url, self.limits)
        suffix = PAGE_TYPES.get(got.content_type)
        if suffix is None:
            raise FetchError(
                f"{url} serves {got.content_type or 'an unknown type'}, not a news page",
                "link an HTML page, a PDF or a Word document",
            )
        data = got.data
        if suffix == ".html" and got.charset:
            data = data.decode(got.charset, errors="replace").encode("utf-8")
        return self._prepare(f"page{suffix}", data, source_url=got.url, label=url)

    def _prepare(self, name: str, data: bytes, source_url: str | None = None, label: str | None = None) -> _Ready:
        label = label or name
        return _Ready(name, data, self._read_upload(name, data, source_url, label), source_url, label)

    def commit_new(self, ready: _Ready, who: str, origin: str, meta: dict | None, feed: str | None = None) -> Change:
        """Write a prepared article unless the corpus already holds it (the caller holds the folder's lock)."""
        twin = self._duplicates.find(ready.doc.text, ready.source_url, self._read().articles)
        if twin is not None:
            raise DuplicateError(
                f"{ready.label} is already in the corpus as {twin.id} (“{twin.title}”)",
                "open that article to replace or correct it instead",
            )
        original = None if ready.source_url else Path(ready.name).name
        side = self._side(ready.doc, meta, who, original, ready.source_url, feed)
        article = self.library.new_id(side.get("title") or Path(ready.name).stem, side.get("date"))
        step = self.library.commit(article, _files(article, ready.name, ready.data, ready.doc, side), [])
        source = ready.source_url or ready.name
        self.audit.record(who, "added", article, side.get("title", ""), source, origin, step.token)
        return Change("added", article, side.get("title", article), step.token, source=source)

    def _read_upload(self, name: str, data: bytes, url: str | None, label: str) -> Document:
        if len(data) > self.max_bytes:
            raise TooLargeError(
                f"{label} is too large ({len(data) / 1e6:.1f} MB > {self.max_bytes / 1e6:.1f} MB)",
                "split it, or raise ASSISTANT_MAX_FILE_MB",
            )
        try:
            return read_document(name, data, url)
        except UnusableFile as e:
            raise InvalidInputError(f"{label}: {e}") from None

    def _side(self, doc: Document, meta: dict | None, who: str, original: str | None, url: str | None,
              feed: str | None) -> dict:  # fmt: skip
        """The side file of a new article: what the document states, the staff's own values over it, and
        where it came from."""
        text = clean_text(doc.text)
        side: dict = {
            "title": doc.title or extract_title(text),
            "date": doc.date or extract_date(doc.text),
            "publisher": doc.publisher,
        }
        side.update(_checked_meta(meta or {}))
        side.update({"source_url": url, "author": doc.author, "original_name": original, "feed": feed})
        side.update({"added_by": who, "added_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
        return {k: v for k, v in side.items() if v}

    # -- changing ---------------------------------------------------------------------------------
    def replace(self, article: str, name: str, data: bytes, who: str, origin: str) -> Outcome:
        """A new version of an article, keeping its id and the staff's corrections of its metadata."""
        doc = self._read_upload(name, data, None, name)
        with self.library.lock():
            old = self._existing(article)
            kept = read_side(old[0])
            corrections = {k: kept[k] for k in OVERRIDABLE if k in kept}
            side = self._side(doc, corrections, who, Path(name).name, kept.get("source_url"), kept.get("feed"))
            files = _files(article, name, data, doc, side)
            step = self.library.commit(article, files, [p.name for p in self.library.files_of(article)])
            self.audit.record(who, "replaced", article, side.get("title", ""), name, origin, step.token)
            outcome = Outcome([Change("replaced", article, side.get("title", article), step.token, source=name)])
        self.index(outcome)
        return outcome

    def correct(self, article: str, changes: dict, who: str, origin: str) -> Outcome:
        """Set the article's title, date, publisher or language (an empty value goes back to what the text says)."""
        with self.library.lock():
            files = self._existing(article)
            side = read_side(files[0])
            for key, value in _checked_meta(changes, keep_empty=True).items():
                if value:
                    side[key] = value
                else:
                    side.pop(key, None)
            old_side = side_file(files[0])
            trash = [old_side.name] if old_side else []
            step = self.library.commit(article, {f"{article}.meta.json": _json(side)}, trash)
            what = ", ".join(f"{k}={v or '(from the text)'}" for k, v in changes.items())
            self.audit.record(who, "corrected", article, side.get("title", ""), "", origin, step.token, what)
            outcome = Outcome([Change("corrected", article, side.get("title", article), step.token)])
        self.index(outcome)
        return outcome

    def remove(self, articles: list[str], who: str, origin: str) -> Outcome:
        outcome = Outcome()
        with self.library.lock():
            for article in articles:
                try:
                    files = self._existing(article)
                except InvalidInputError as e:
                    outcome.failed.append((article, str(e)))
                    continue
                title = read_side(files[0]).get("title", "")
                step = self.library.commit(article, {}, [p.name for p in self.library.files_of(article)])
                self.audit.record(who, "removed", article, title, "", origin, step.token)
                outcome.changes.append(Change("removed", article, title or article, step.token))
        if outcome.changes:
            self.index(outcome)
        return outcome

    def undo(self, step: str, who: str, origin: str) -> Outcome:
        """Reverse one change (an addition, a correction, a replacement or a removal)."""
        with self.library.lock():
            done = self.library.step(step)
            undone = self.library.undo(step)
            self.audit.record(who, "undone", done.article, "", "", origin, undone.token, f"reversed {step}")
            outcome = Outcome([Change("undone", done.article, done.article, undone.token)])
        self.index(outcome)
        return outcome

    def _existing(self, article: str) -> list[Path]:
        files = [p for p in self.library.files_of(article) if ".meta." not in p.name]
        if not files:
            raise InvalidInputError(f"there is no article {article!r} in the corpus", "see the ids: assistant corpus")
        return files

    def index(self, outcome: Outcome) -> None:
        """Index the folder as it now is (waiting a while for an ingest another process runs)."""
        for attempt in range(120):
            try:
                _report, corpus = self._ingest()
                break
            except IndexBusyError:
                if attempt == 119:
                    outcome.notes.append("saved, but another ingest kept the index busy: run assistant ingest")
                    return
                time.sleep(0.5)
        chunks = corpus.chunks
        for c in outcome.changes:
            c.passages = len(chunks.get(c.article, []))
            found = next((a for a in corpus.articles if a.id == c.article), None)
            if found is not None:
                c.title = found.title
            elif c.action not in ("removed", "undone"):
                why = next((s.reason for s in corpus.skipped if s.path.stem == c.article), "it was not read")
                outcome.notes.append(f"{c.article} is saved but not indexed: {why}")


def _uploaded_as(side: dict, path: str) -> str:
    """Where a file article came from: the name it was uploaded under, else its file in the corpus folder."""
    return side.get("original_name") or Path(path).name


def _checked_meta(meta: dict, keep_empty: bool = False) -> dict:
    """Staff's metadata values, checked: known keys only, a date as YYYY-MM-DD, a language as its code."""
    out = {}
    for key, value in meta.items():
        if key not in OVERRIDABLE:
            raise InvalidInputError(f"{key!r} is not metadata staff can set", f"set one of {', '.join(OVERRIDABLE)}")
        value = str(value).strip() if value is not None else ""
        if key == "date" and value:
            try:
                value = iso_day(value)
            except ValueError:
                raise InvalidInputError(f"the date {value!r} is not a date", "write it as YYYY-MM-DD") from None
        if key == "language" and value and not (value.isalpha() and 2 <= len(value) <= 3):
            raise InvalidInputError(f"the language {value!r} is not a language code", "write en, ru, kk, …")
        if value or keep_empty:
            out[key] = value.lower() if key == "language" else value
    return out


def _files(article: str, name: str, data: bytes, doc: Document, side: dict) -> dict[str, bytes]:
    """The files an article is kept as: text and Markdown as given, other types as their text; its side file."""
    suffix = Path(name).suffix.lower()
    if suffix not in KEPT_AS_IS:
        suffix, data = ".txt", doc.text.encode("utf-8")
    return {f"{article}{suffix}": data, f"{article}.meta.json": _json(side)}


def _json(side: dict) -> bytes:
    return json.dumps(side, ensure_ascii=False, indent=1).encode("utf-8")


__all__ = ["Change", "CorpusEditor", "Outcome"]
