"""What the web chat shows, as text: every question, answer and article is escaped, never markup.

Chat messages are Markdown: HTML is escaped and brackets are escaped except in [n] citation markers,
so neither a typed question nor an article can make a tag, a link or an image. The evidence panel
is HTML built here from escaped text only (Gradio's gr.HTML does not sanitize).
"""

from __future__ import annotations

import html
import re
import textwrap

from ..records import Answer, Article, Citation, Passage
from ..text.script import LANGUAGES

_MARKERS = re.compile(r"(\[\d+(?:\s*[,;]\s*\d+)*\])")


def md_text(text: str) -> str:
    """Untrusted text inside a Markdown message: shown as written, never as HTML, a link or an image."""
    parts = _MARKERS.split(html.escape(text, quote=False))
    return "".join(p if _MARKERS.fullmatch(p) else p.replace("[", "\\[").replace("]", "\\]") for p in parts)


def _source_line(c: Citation) -> str:
    title = textwrap.shorten(c.title, 80, placeholder="…")
    quote = textwrap.shorten(c.quote, 160, placeholder="…")
    return f"**[{c.n}]** {md_text(title)} ({c.date or 'undated'}): “{md_text(quote)}”"


def answer_markdown(answer: Answer) -> str:
    """The chat message for a checked answer: the text, then its numbered sources; refusals stand apart."""
    if answer.refused:
        return f"> ⚠️ **Not in the news corpus.** {md_text(answer.answer)}"
    sources = "\n".join(f"- {_source_line(c)}" for c in answer.citations)
    return f"{md_text(answer.answer)}\n\n---\n**Sources**\n\n{sources}"


def error_markdown(message: str) -> str:
    return f"> ❌ **The question could not be answered.** {md_text(message)}"


def _highlighted(text: str, start: int, end: int) -> str:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def source_html(
    n: int | None, title: str, date: str | None, article: Article | None, start: int, end: int, quote: str = ""
) -> str:
    """One source, opened: its label, its quote, and its whole article with the passage highlighted."""
    return f'<div class="evidence">{_openable(_label(n, title, date), article, start, end, quote, opened=True)}</div>'


def _openable(label: str, article: Article | None, start: int, end: int, quote: str = "", opened: bool = False) -> str:
    """A source that opens into its whole article, the cited passage highlighted."""
    body = (
        f'<div class="article-text">{_highlighted(article.text, start, end)}</div>'
        if article is not None
        else '<div class="article-text">This article is no longer in the index.</div>'
    )
    if article is not None and article.source.startswith(("http://", "https://")):
        address = html.escape(article.source, quote=True)
        link = f'<a href="{address}" target="_blank" rel="noopener noreferrer">{address}</a>'
        body += f'<div class="hint">Published at {link}</div>'

    quoted = f'<div class="quote">“{html.escape(quote)}”</div>' if quote else ""
    return f'<details class="source"{" open" if opened else ""}><summary>{label}{quoted}</summary>{body}</details>'


def _label(n: int | None, title: str, date: str | None) -> str:
    number = f'<span class="n">[{n}]</span> ' if n is not None else ""
    return f'{number}<b>{html.escape(title)}</b> <span class="date">{html.escape(date or "undated")}</span>'


def evidence_html(answer: Answer, articles: dict[str, Article]) -> str:
    """The evidence panel: each source opens into its article with the quote highlighted."""
    if answer.refused:
        seen: dict[str, Passage] = {}
        for p in answer.passages:
            seen.setdefault(p.article, p)
        items = "".join(
            _openable(_label(None, p.title, p.date), articles.get(p.article), p.start, p.end)
            for p in list(seen.values())[:3]
        )
        closest = f"<p>The closest articles (nearest passage marked):</p>{items}" if items else ""
        return f'<div class="evidence refused"><p class="banner">No answer in the news corpus.</p>{closest}</div>'
    items = "".join(
        _openable(_label(c.n, c.title, c.date), articles.get(c.article), c.start, c.end, c.quote)
        for c in answer.citations
    )
    return f'<div class="evidence"><p class="hint">Open a source to read it in its article.</p>{items}</div>'


def notice_html(text: str) -> str:
    return f'<div class="evidence"><p class="hint">{html.escape(text)}</p></div>'


def corpus_html(articles: list[Article]) -> str:
    """The articles the assistant answers from: title, date, language."""
    rows = "".join(
        f"<tr><td>{html.escape(a.title)}</td><td>{html.escape(a.date or 'undated')}</td>"
        f"<td>{html.escape(LANGUAGES.get(a.language, a.language))}</td></tr>"
        for a in articles
    )
    return (
        f'<table class="corpus"><thead><tr><th>Article</th><th>Date</th><th>Language</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


CSS = """
.evidence details.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 10px;
  margin: 6px 0; }
.evidence summary { cursor: pointer; }
.evidence .n { font-weight: 700; }
.evidence .date, .evidence .hint { color: var(--body-text-color-subdued); font-size: 0.9em; }
.evidence .quote { font-style: italic; margin: 4px 0 0 1.2em; }
.evidence .article-text { white-space: pre-wrap; max-height: 22em; overflow-y: auto; margin-top: 8px;
  font-size: 0.92em; line-height: 1.45; }
.evidence mark { background: #ffe58a; color: inherit; padding: 0 1px; }
.evidence.refused .banner { font-weight: 700; color: #b45309; }
table.corpus { width: 100%; font-size: 0.9em; }
table.corpus td, table.corpus th { padding: 3px 6px; vertical-align: top; }
"""

# Opening a source scrolls its article to the highlighted passage.
JS = """
() => {
  document.addEventListener('toggle', (e) => {
    const d = e.target;
    if (d.tagName === 'DETAILS' && d.open) {
      const m = d.querySelector('mark');
      if (m) { m.scrollIntoView({block: 'center', behavior: 'smooth'}); }
    }
  }, true);
}
"""


def rated_html(entry: dict) -> str:
    """A rated answer as the student saw it: question, answer, its citations, the rating and comment."""
    cited = "".join(
        f"<li><b>{html.escape(str(c.get('article', '')))}</b>: "
        f"<span class='quote'>“{html.escape(str(c.get('quote', '')))}”</span></li>"
        for c in entry.get("citations") or []
    )
    comment = entry.get("comment") or ""
    return (
        f"<div class='evidence rated'><p><b>Question:</b> {html.escape(entry.get('question') or '')}</p>"
        f"<p><b>Rated {html.escape(entry.get('rating') or '')}</b> on {html.escape(entry.get('time') or '')} · "
        f"model {html.escape(entry.get('model') or '')}"
        f"{' · the answer was a refusal' if entry.get('refused') else ''}</p>"
        f"<div class='article-text'>{html.escape(entry.get('answer') or '')}</div>"
        f"{f'<p><b>Sources:</b></p><ol>{cited}</ol>' if cited else ''}"
        f"{f'<p><b>Comment:</b> {html.escape(comment)}</p>' if comment else ''}</div>"
    )
