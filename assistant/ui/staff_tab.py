"""The staff tab: the partnership table (filter, sort, open a row's quote in its article), a drafted summary
to edit in the page, and downloads as Markdown or DOCX.

When a staff password or users file is set, the tab shows only a sign-in form, and every handler checks the
session's sign-in before it serves any data: the page's Gradio state holds the session token, and the sessions
ledger (staff/access.py; shared by every app server behind one Chroma) says whether it is still valid. The browser
keeps the token as an HttpOnly cookie (ui/mount.py sets it), so a new page, on this server or another, starts
signed in.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from ..core import Assistant
from ..errors import AssistantError
from ..pictures import network, over_time
from ..pictures.common import period_range
from ..text.dates import iso_day
from . import render
from .plots import clickable, picked

KINDS = ["any kind", "memorandum", "co-organisation", "sponsorship/support", "joint project", "membership"]
HEADERS = ["#", "date", "kind", "parties", "purpose", "article"]
NOT_SIGNED_IN = "Sign in first: the partnership tools are for staff."
SESSION_COOKIE = "staff_session"
SESSION_ROUTE = "/staff/session"  # POST {"token"} sets the cookie, DELETE clears it (ui/mount.py)
# relative to the page, so a server behind a path prefix works too
KEEP_SESSION = (
    "(token) => token ? fetch('staff/session', {method: 'POST', headers: {'Content-Type': 'application/json'}, "
    "body: JSON.stringify({token: token})}) : null"
)
FORGET_SESSION = "() => fetch('staff/session', {method: 'DELETE'})"


def _date(value: str, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return iso_day(value)
    except ValueError:
        raise AssistantError(f"{label} {value!r} is not a date", "write it as YYYY-MM-DD, or leave it empty") from None


class StaffOnly:
    """What every staff tab's handlers share: the one rule for who may use them."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.access = assistant.staff_access

    def allowed(self, session: dict) -> bool:
        """Whether this page's sign-in is valid now (a sign-out on any server ends it)."""
        return self.access.token_valid(session.get("token"))

    @staticmethod
    def selected(items: list, selected: gr.SelectData):
        """The item a selected row of a numbered table (first column #, from 1) stands for, or None."""
        try:
            return items[int(selected.row_value[0]) - 1]
        except (TypeError, ValueError, IndexError):
            return None

    def show(self, session: dict) -> tuple[Any, Any]:
        """After a sign-in: hide the tab's sign-in note, show its tools (or the reverse)."""
        ok = self.allowed(session)
        return gr.update(visible=not ok), gr.update(visible=ok)


class StaffHandlers(StaffOnly):
    """The tab's callbacks as plain methods; `session` is the per-browser state Gradio keeps on the server."""

    def sign_in(
        self, user: str, password: str, session: dict, request: gr.Request | None = None
    ) -> tuple[dict, Any, Any, str, str, str]:
        """The page signed in, and its session token for the browser's cookie (new pages and uploads need it).
        Wrong tries of a name from one address wait longer each time (staff/sign_in_throttle.py)."""
        address = request.client.host if request is not None and request.client else ""
        ok, note = self.access.sign_in(user or "", password or "", address)
        if ok:
            name = (user or "").strip() or "staff"
            token = self.access.start(name)
            return (*self._signed_in({**session, "user": name, "token": token}), token)
        return session, gr.update(), gr.update(visible=False), note, "", ""

    def resume(self, session: dict, request: gr.Request) -> tuple[dict, Any, Any, Any, Any]:
        """A new page of a browser signed in before (on this server or another): signed in from its cookie."""
        token = request.cookies.get(SESSION_COOKIE) if request is not None else None
        user = self.access.user_of(token) if self.access.required else None
        if user is None:
            return session, gr.update(), gr.update(), gr.update(), gr.update()
        return self._signed_in({**session, "user": user, "token": token})

    def sign_out(self, session: dict) -> tuple[dict, Any, Any, str, str]:
        """End the session, here and on every server that shares the sessions."""
        self.access.end(session.get("token"))
        return {}, gr.update(visible=True), gr.update(visible=False), "Signed out.", ""

    def _signed_in(self, session: dict) -> tuple[dict, Any, Any, str, str]:
        """(session, sign-in form, tools, the form's note, the tools' signed-in line)"""
        return session, gr.update(visible=False), gr.update(visible=True), "", f"Signed in as {session['user']}."

    def table(self, session: dict, org: str, kind: str, since: str, until: str) -> tuple:
        """The rows that match the filters (as the table shows them), all rows' data, a status line, and
        the network and timeline of those rows."""
        if not self.allowed(session):
            return [], [], NOT_SIGNED_IN, None, None
        try:
            found = self.assistant.partnerships(
                (org or "").strip() or None,
                _date(since, "From"),
                _date(until, "To"),
                None if kind in (None, KINDS[0]) else kind,
            )
        except AssistantError as e:
            return [], [], str(e), None, None
        shown = [
            [i + 1, r["date"] or "", r["kind"], "; ".join(r["parties"]), r["purpose"], r["article"]]
            for i, r in enumerate(found.rows)
        ]
        note = (
            f"{len(found.rows)} partnership links. Select a row, or a link's point in the network, to read its "
            "quote in the article; click an organisation or a period to filter."
        )
        return shown, found.rows, note, network.figure(found.rows), over_time.partnerships(found.rows)

    def pick(self, session: dict, value: str, rows: list[dict], org: str, since: str, until: str) -> tuple:
        """A click on a picture: an organisation or a period sets the filters; a link opens its quote.
        Returns (organisation, from, to, quote panel)."""
        data = picked(value)
        keep = (org, since, until, gr.update())
        if not self.allowed(session) or not (isinstance(data, list) and len(data) == 2):
            return keep
        what, value = data
        if what == "org":
            return f'"{value}"', since, until, gr.update()
        if what == "row" and isinstance(value, int) and 0 <= value < len(rows):
            return (org, since, until, self._quote_of(rows[value]))
        if what == "period":
            try:
                first, last = period_range(str(value))
            except AssistantError:
                return keep
            return org, first, last, gr.update()
        return keep

    def pick_and_show(self, session: dict, value: str, rows: list[dict], org: str, kind: str, since: str, until: str):
        """The click's filters and quote, then the table and pictures again only when a filter changed (a link's
        quote leaves them as they are: no new layout, no redraw)."""
        picked_now = self.pick(session, value, rows, org, since, until)
        if picked_now[:3] == (org, since, until):
            return (*picked_now, *[gr.update()] * 5)
        new_org, new_since, new_until, _ = picked_now
        return (*picked_now, *self.table(session, new_org, kind, new_since, new_until))

    def quote(self, session: dict, rows: list[dict], selected: gr.SelectData) -> str:
        if not self.allowed(session):
            return render.notice_html(NOT_SIGNED_IN)
        row = self.selected(rows, selected)
        return self._quote_of(row) if row else render.notice_html("Select a row of the table.")

    def _quote_of(self, row: dict) -> str:
        article = self.assistant.article(row["article"])
        return render.source_html(None, row["title"], row["date"], article, row["start"], row["end"], row["quote"])

    def draft(self, session: dict, org: str, topic: str, since: str, until: str) -> tuple[str, str]:
        if not self.allowed(session):
            return "", NOT_SIGNED_IN
        try:
            draft = self.assistant.summarize(
                (org or "").strip() or None, (topic or "").strip() or None, _date(since, "From"), _date(until, "To")
            )
        except AssistantError as e:
            return "", str(e)
        notes = "".join(f"\n- {p}" for p in draft.problems)
        return draft.markdown(), f"Draft of {len(draft.paragraphs)} paragraphs: edit it, then download.{notes}"

    def files(self, session: dict, text: str, request: gr.Request) -> tuple[Any, Any]:
        """The edited draft as Markdown and DOCX files for the two download buttons (one folder per session,
        rewritten as the draft is edited)."""
        if not self.allowed(session) or not (text or "").strip():
            return gr.update(value=None, interactive=False), gr.update(value=None, interactive=False)
        from ..staff.docx_export import write_docx

        folder = Path(tempfile.gettempdir()) / "news-assistant-drafts" / (request.session_hash or "local")
        folder.mkdir(parents=True, exist_ok=True)
        md, docx = folder / "partnerships-draft.md", folder / "partnerships-draft.docx"
        md.write_text(text, encoding="utf-8")
        write_docx(text, docx)
        return gr.update(value=str(md), interactive=True), gr.update(value=str(docx), interactive=True)


def build_staff_tab(assistant: Assistant, session: gr.State) -> tuple:
    """The tab's components and events, inside the caller's Blocks; (sign-in events, table loader) for the page."""
    h = StaffHandlers(assistant)
    rows = gr.State([])
    token = gr.Textbox(visible=False)
    with gr.Column(visible=h.access.required, elem_id="staff-login") as login:
        gr.Markdown("### Staff sign-in\nThe partnership tools are for staff.")
        user = gr.Textbox(label="User name", elem_id="staff-user")
        password = gr.Textbox(label="Password", type="password", elem_id="staff-password")
        sign_in = gr.Button("Sign in", variant="primary", elem_id="staff-sign-in")
        login_note = gr.Markdown("")
    with gr.Column(visible=not h.access.required, elem_id="staff-tools") as tools:
        if not h.access.required:
            gr.Markdown("<small>No staff password is set: anyone who can reach this page can use this tab.</small>")
        with gr.Row():
            signed_as = gr.Markdown("", elem_id="staff-signed-in")
            sign_out = gr.Button(
                "Sign out", size="sm", scale=0, min_width=90, visible=h.access.required, elem_id="staff-sign-out"
            )
        with gr.Row():
            org = gr.Textbox(label="Organisation", placeholder="e.g. METU", elem_id="staff-org")
            kind = gr.Dropdown(KINDS, value=KINDS[0], label="Kind")
            since = gr.Textbox(label="From", placeholder="YYYY-MM-DD", elem_id="staff-since")
            until = gr.Textbox(label="To", placeholder="YYYY-MM-DD", elem_id="staff-until")
            show = gr.Button("Show", elem_id="staff-show")
        status = gr.Markdown("")
        with gr.Accordion("Pictures: the network and the timeline of these partnerships", open=True):
            graph, graph_pick = clickable("staff-network", "Who works with whom")
            timeline, timeline_pick = clickable("staff-timeline", "Partnerships over time")
        table = gr.Dataframe(
            headers=HEADERS,
            value=[],
            interactive=False,
            wrap=True,
            elem_id="staff-table",
            column_widths=["4%", "11%", "12%", "35%", "28%", "10%"],
        )
        quote = gr.HTML(render.notice_html("Select a row to read its quote in the article."), elem_id="staff-quote")
        with gr.Row():
            topic = gr.Textbox(label="Topic of the draft (optional)", placeholder="e.g. environment")
            make = gr.Button("Draft summary", elem_id="staff-draft")
        text = gr.Textbox(label="Draft: edit it here, then download", lines=14, elem_id="staff-draft-text")
        with gr.Row():
            as_md = gr.DownloadButton("Download Markdown", interactive=False, elem_id="staff-md")
            as_docx = gr.DownloadButton("Download DOCX", interactive=False, elem_id="staff-docx")
    filters = [session, org, kind, since, until]
    shown = [table, rows, status, graph, timeline]
    private: dict[str, Any] = {"api_visibility": "private"}
    signed_in = []
    states = [session, login, tools, login_note, signed_as]
    for trigger in (sign_in.click, password.submit):
        event = trigger(h.sign_in, [user, password, session], [*states, token], **private)
        event = event.then(None, token, None, js=KEEP_SESSION, **private)
        signed_in.append(event.then(h.table, filters, shown, **private))
    signed_out = sign_out.click(h.sign_out, [session], states, **private)
    signed_out = signed_out.then(None, None, None, js=FORGET_SESSION, **private)
    resumed = (h.resume, [session], states)
    show.click(h.table, filters, shown, **private)
    org.submit(h.table, filters, shown, **private)
    table.select(h.quote, [session, rows], quote, **private)
    for box in (graph_pick, timeline_pick):
        box.change(h.pick_and_show, [session, box, rows, org, kind, since, until], [org, since, until, quote, *shown],
                   **private)  # fmt: skip
    make.click(h.draft, [session, org, topic, since, until], [text, status], **private)
    text.change(h.files, [session, text], [as_md, as_docx], **private)
    return signed_in, signed_out, resumed, (h.table, filters, shown)  # the page resumes a sign-in, loads the table
