"""The staff *Corpus* tab: the articles with their metadata and provenance (search, sort), uploads, imports by
URL, feeds, corrections, replace, remove (confirmed) and undo for the session, and the audit log.

Handlers are plain methods over the Assistant's CorpusEditor (staff/corpus_editor.py). Each checks the
session's staff sign-in (the same as the Partnerships tab's) before it reads or serves anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from ..core import Assistant
from ..corpus.formats import SUPPORTED
from ..errors import AssistantError
from ..pictures import over_time
from ..staff.changes import Outcome
from .staff_tab import StaffOnly

NOT_SIGNED_IN = "Sign in first (on the Partnerships tab): the corpus tools are for staff."
HEADERS = ["id", "title", "date", "publisher", "language", "source", "added by", "added at", "passages", "status"]
KEYS = ["id", "title", "date", "publisher", "language", "source", "added_by", "added_at", "passages", "status"]
SORTS = {
    "newest first": (lambda r: r["date"] or "", True),
    "oldest first": (lambda r: r["date"] or "9999", False),
    "title": (lambda r: (r["title"] or "").lower(), False),
    "recently added": (lambda r: r["added_at"] or "", True),
}
LOG_HEADERS = ["when", "who", "action", "article", "title", "source", "from", "detail"]


def _who(session: dict) -> str:
    return session.get("user") or "staff"


def _origin(request: gr.Request | None) -> str:
    host = getattr(getattr(request, "client", None), "host", None)
    return f"web from {host}" if host else "web"


def outcome_text(outcome: Outcome) -> str:
    """What a change did, as Markdown lines (every name escaped by Gradio's Markdown sanitizer)."""
    lines = [f"- ✅ {c}" for c in outcome.changes]
    lines += [f"- ❌ {name}: {reason}" for name, reason in outcome.failed]
    lines += [f"- ℹ️ {n}" for n in outcome.notes]
    return "\n".join(lines) or "Nothing changed."


class CorpusHandlers(StaffOnly):
    @property
    def editor(self):
        return self.assistant.editor

    # -- the list ---------------------------------------------------------------------------------
    def table(self, session: dict, query: str = "", sort: str = "newest first") -> tuple[list[list], str, Any]:
        """The articles that match the search, a count line, and those articles over time."""
        if not self.allowed(session):
            return [], NOT_SIGNED_IN, None
        try:
            rows = self.editor.listing()
        except AssistantError as e:
            return [], str(e), None
        words = (query or "").lower().split()
        if words:
            rows = [r for r in rows if all(w in " ".join(str(v or "") for v in r.values()).lower() for w in words)]
        key, reverse = SORTS.get(sort, SORTS["newest first"])
        rows.sort(key=key, reverse=reverse)
        shown = [[r[k] if r[k] is not None else ("undated" if k == "date" else "") for k in KEYS] for r in rows]
        chart = over_time.articles((r["date"], r["language"]) for r in rows if r["language"])
        return shown, f"{len(rows)} articles.", chart

    def select(self, session: dict, shown: Any, selected: gr.SelectData) -> tuple[str, str, str, str, str, str]:
        """A clicked row → its id and metadata in the edit fields."""
        if not self.allowed(session):
            return "", "", "", "", "", NOT_SIGNED_IN
        try:
            row = list(selected.row_value)
        except TypeError:
            return "", "", "", "", "", "Select a row of the table."
        date = "" if row[2] == "undated" else str(row[2] or "")
        return str(row[0]), str(row[1] or ""), date, str(row[3] or ""), str(row[4] or ""), f"Selected {row[0]}."

    def log(self, session: dict) -> list[list]:
        if not self.allowed(session):
            return []
        keys = ["at", "who", "action", "article", "title", "source", "from", "detail"]
        return [[e.get(k, "") for k in keys] for e in self.editor.log(200)]

    # -- changes ----------------------------------------------------------------------------------
    def _run(self, session: dict, undo: list, change, *args) -> Iterator[tuple[str, list]]:
        """Run one change of the editor, showing progress, then what it did; its steps join the session's undo."""
        if not self.allowed(session):
            yield NOT_SIGNED_IN, undo
            return
        yield "⏳ Reading and indexing…", undo
        try:
            outcome = change(*args)
        except AssistantError as e:
            yield f"❌ {e}", undo
            return
        yield outcome_text(outcome), [*undo, *(c.step for c in outcome.changes)]

    def upload(self, session, undo, files, title, date, publisher, language, request: gr.Request | None = None):
        if not self.allowed(session):  # before any uploaded file is opened
            yield NOT_SIGNED_IN, undo
            return
        paths = _paths(files)
        if not paths:
            yield "Choose one or more files first.", undo
            return
        items = [(p.name, p.read_bytes()) for p in paths]
        meta = _meta(title, date, publisher, language) if len(items) == 1 else _meta("", "", publisher, language)
        yield from self._run(session, undo, self.editor.add, items, _who(session), _origin(request), meta)

    def preview(self, session, files, url) -> tuple[str, str, str, str, str]:
        """Before adding: what the first chosen file (or else the address) would be added as, in the fields."""
        if not self.allowed(session):
            return "", "", "", "", NOT_SIGNED_IN
        paths = _paths(files)
        urls = (url or "").split()
        if not paths and not urls:
            return "", "", "", "", "Choose a file or paste an address first."
        try:
            found = (
                self.editor.preview(paths[0].name, paths[0].read_bytes())
                if paths
                else self.editor.preview(urls[0], None)
            )
        except AssistantError as e:
            return "", "", "", "", f"❌ {e}"
        what = paths[0].name if paths else urls[0]
        notes = [f"Preview of {what}: {found['words']} words" + (f", by {found['author']}" if found["author"] else "")]
        if not found["date"]:
            notes.append("no date found: it will be undated unless you give one")
        if found["duplicate_of"]:
            notes.append(f"⚠️ already in the corpus as {found['duplicate_of']}")
        title, date, publisher, language = (str(found[k] or "") for k in ("title", "date", "publisher", "language"))
        return title, date, publisher, language, ". ".join(notes) + ". Correct the fields if needed, then add it."

    def import_url(self, session, undo, url, title, date, publisher, language, request: gr.Request | None = None):
        urls = [u for u in (url or "").split() if u]
        if self.allowed(session) and not urls:
            yield "Paste the address of a news page first.", undo
            return
        meta = _meta(title, date, publisher, language) if len(urls) == 1 else None
        items = [(u, None) for u in urls]
        yield from self._run(session, undo, self.editor.add, items, _who(session), _origin(request), meta)

    def correct(self, session, undo, article, title, date, publisher, language, request: gr.Request | None = None):
        if self.allowed(session) and not article:
            yield "Select an article in the table first.", undo
            return
        changes = {"title": title, "date": date, "publisher": publisher, "language": language}
        yield from self._run(session, undo, self.editor.correct, article, changes, _who(session), _origin(request))

    def replace(self, session, undo, article, file, request: gr.Request | None = None):
        if not self.allowed(session):
            yield NOT_SIGNED_IN, undo
            return
        if not article or not file:
            yield "Select an article in the table and choose its new version first.", undo
            return
        path = _paths([file])[0]
        data = path.read_bytes()
        yield from self._run(
            session, undo, self.editor.replace, article, path.name, data, _who(session), _origin(request)
        )

    def ask_remove(self, session: dict, article: str) -> tuple[Any, str]:
        if not self.allowed(session):
            return gr.update(visible=False), NOT_SIGNED_IN
        if not article:
            return gr.update(visible=False), "Select an article in the table first."
        return gr.update(visible=True), f"Remove {article} from the corpus? Confirm below (you can undo it)."

    def remove(self, session, undo, article, request: gr.Request | None = None):
        yield from self._run(session, undo, self.editor.remove, [article], _who(session), _origin(request))

    def undo(self, session, undo, request: gr.Request | None = None):
        if self.allowed(session) and not undo:
            yield "Nothing to undo in this session.", undo
            return
        last, rest = (undo[-1], undo[:-1]) if undo else ("", [])
        for status, _ in self._run(session, rest, self.editor.undo, last, _who(session), _origin(request)):
            yield status, rest  # an undone change leaves the stack; the undo itself is not undone again

    # -- feeds ------------------------------------------------------------------------------------
    def feeds(self, session: dict) -> list[list]:
        if not self.allowed(session):
            return []
        try:
            return [[f.url, f.title, f.last_polled, f.last_result] for f in self.editor.feeds.subscriptions.all()]
        except AssistantError:
            return []

    def subscribe(self, session: dict, url: str, request: gr.Request | None = None) -> str:
        if not self.allowed(session):
            return NOT_SIGNED_IN
        try:
            feed = self.editor.feeds.subscribe(url or "", _who(session), _origin(request))
        except AssistantError as e:
            return f"❌ {e}"
        return f"✅ Subscribed to {feed.title or feed.url}. Poll it to import its entries."

    def unsubscribe(self, session: dict, url: str, request: gr.Request | None = None) -> str:
        if not self.allowed(session):
            return NOT_SIGNED_IN
        try:
            self.editor.feeds.unsubscribe(url or "", _who(session), _origin(request))
        except AssistantError as e:
            return f"❌ {e}"
        return f"✅ Unsubscribed from {url}."

    def poll(self, session, undo, request: gr.Request | None = None):
        if not self.allowed(session):
            yield NOT_SIGNED_IN, undo
            return
        yield "⏳ Reading the feeds…", undo
        try:
            reports = self.editor.feeds.poll(None, _who(session), _origin(request))
        except AssistantError as e:
            yield f"❌ {e}", undo
            return
        lines = []
        for r in reports:
            lines.append(f"- **{r['feed']}**: {len(r['imported'])} imported, {len(r['duplicates'])} already here")
            lines += [f"  - ❌ {f['input']}: {f['reason']}" for f in r["failed"]]
        yield (
            "\n".join(lines) or "No feeds yet: subscribe to one first.",
            [
                *undo,
                *(c["step"] for r in reports for c in r["imported"]),
            ],
        )


def _paths(files) -> list[Path]:
    """Gradio's uploaded files (paths in its cache, or file objects naming them) as paths."""
    return [Path(f if isinstance(f, str) else getattr(f, "name", "")) for f in (files or [])]


def _meta(title: str, date: str, publisher: str, language: str) -> dict:
    given = {"title": title, "date": date, "publisher": publisher, "language": language}
    return {k: v.strip() for k, v in given.items() if v and v.strip()}


def build_corpus_tab(assistant: Assistant, session: gr.State) -> tuple:
    """The tab's components and events inside the caller's Blocks; (show, hide) for the sign-in to toggle."""
    h = CorpusHandlers(assistant)
    undo = gr.State([])
    private: dict[str, Any] = {"api_visibility": "private"}
    note = gr.Markdown(NOT_SIGNED_IN, visible=h.access.required, elem_id="corpus-login-note")
    with gr.Column(visible=not h.access.required, elem_id="corpus-tools") as tools:
        status = gr.Markdown("", elem_id="corpus-status")
        with gr.Row():
            query = gr.Textbox(label="Search", placeholder="title, id, publisher, source…", elem_id="corpus-search")
            sort = gr.Dropdown(list(SORTS), value="newest first", label="Sort")
            refresh = gr.Button("Show", elem_id="corpus-show")
            undo_button = gr.Button("Undo last change", elem_id="corpus-undo")
        table = gr.Dataframe(
            headers=HEADERS,
            value=[],
            interactive=False,
            wrap=True,
            max_height=420,
            column_widths=["15%", "27%", "8%", "9%", "5%", "13%", "6%", "8%", "4%", "5%"],
            elem_id="corpus-table",
        )
        with gr.Accordion("The corpus over time", open=False):
            chart = gr.Plot(label="Articles over time, by language", elem_id="corpus-chart")
        with gr.Accordion("Add articles", open=True):
            with gr.Row():
                title = gr.Textbox(label="Title (optional)", elem_id="corpus-new-title")
                date = gr.Textbox(label="Date (optional)", placeholder="YYYY-MM-DD", elem_id="corpus-new-date")
                publisher = gr.Textbox(label="Publisher (optional)")
                language = gr.Textbox(label="Language (optional)", placeholder="en, ru, kk")
            files = gr.File(
                label="Upload files: " + ", ".join(sorted(SUPPORTED)),
                file_count="multiple",
                file_types=list(SUPPORTED),
                type="filepath",
                elem_id="corpus-files",
            )
            with gr.Row():
                url = gr.Textbox(label="Or import a page by its address", placeholder="https://…", elem_id="corpus-url")
            with gr.Row():
                look = gr.Button("Preview metadata", elem_id="corpus-preview")
                add = gr.Button("Add the files", variant="primary", elem_id="corpus-add")
                fetch = gr.Button("Import page", variant="primary", elem_id="corpus-import")
        with gr.Accordion("Edit the selected article", open=True):
            with gr.Row():
                chosen = gr.Textbox(label="Article id", interactive=False, elem_id="corpus-chosen")
                e_title = gr.Textbox(label="Title", elem_id="corpus-edit-title")
                e_date = gr.Textbox(
                    label="Date", placeholder="YYYY-MM-DD (empty: from the text)", elem_id="corpus-edit-date"
                )
                e_publisher = gr.Textbox(label="Publisher", elem_id="corpus-edit-publisher")
                e_language = gr.Textbox(label="Language", elem_id="corpus-edit-language")
            with gr.Row():
                save = gr.Button("Save corrections", elem_id="corpus-save")
                remove = gr.Button("Remove…", variant="stop", elem_id="corpus-remove")
                confirm = gr.Button("Yes, remove it", variant="stop", visible=False, elem_id="corpus-confirm")
            new_version = gr.File(label="Replace with a new version", type="filepath", file_types=list(SUPPORTED))
            replace = gr.Button("Replace", elem_id="corpus-replace")
        with gr.Accordion("Feeds", open=False):
            with gr.Row():
                feed_url = gr.Textbox(label="Feed address (RSS or Atom)", elem_id="corpus-feed-url")
                subscribe = gr.Button("Subscribe", elem_id="corpus-subscribe")
                unsubscribe = gr.Button("Unsubscribe")
                poll = gr.Button("Poll all feeds now", elem_id="corpus-poll")
            feeds = gr.Dataframe(headers=["feed", "title", "last polled", "last result"], value=[], interactive=False)
        with gr.Accordion("Audit log", open=False):
            log = gr.Dataframe(headers=LOG_HEADERS, value=[], interactive=False, wrap=True, elem_id="corpus-log")

    sink = gr.State(None)  # the table's count line, not shown over the outcome of a change
    listed = [session, query, sort]
    after = {"fn": h.table, "inputs": listed, "outputs": [table, status, chart], **private}

    def then_refresh(event) -> None:  # every change shows the corpus, the feeds and the log as they now are
        event.then(h.table, listed, [table, sink, chart], **private).then(h.log, session, log, **private).then(
            h.feeds, session, feeds, **private
        )

    meta = [title, date, publisher, language]
    look.click(h.preview, [session, files, url], [*meta, status], **private)
    then_refresh(add.click(h.upload, [session, undo, files, *meta], [status, undo], **private))
    then_refresh(fetch.click(h.import_url, [session, undo, url, *meta], [status, undo], **private))
    edits = [chosen, e_title, e_date, e_publisher, e_language]
    then_refresh(save.click(h.correct, [session, undo, *edits], [status, undo], **private))
    then_refresh(replace.click(h.replace, [session, undo, chosen, new_version], [status, undo], **private))
    remove.click(h.ask_remove, [session, chosen], [confirm, status], **private)
    removed = confirm.click(h.remove, [session, undo, chosen], [status, undo], **private)
    removed.then(lambda: gr.update(visible=False), None, confirm, **private)
    then_refresh(removed)
    then_refresh(undo_button.click(h.undo, [session, undo], [status, undo], **private))
    then_refresh(poll.click(h.poll, [session, undo], [status, undo], **private))
    subscribe.click(h.subscribe, [session, feed_url], status, **private).then(h.feeds, session, feeds, **private)
    unsubscribe.click(h.unsubscribe, [session, feed_url], status, **private).then(h.feeds, session, feeds, **private)
    refresh.click(**after)
    query.submit(**after)
    sort.change(**after)
    table.select(h.select, [session, table], [*edits, status], **private)

    return (
        h.show,
        [note, tools],
        (h.table, listed, [table, status, chart]),
        (h.log, session, log),
        (h.feeds, session, feeds),
    )
