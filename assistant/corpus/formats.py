"""Documents → article text and the metadata the document itself states: plain text, Markdown, saved web
pages (trafilatura: main text, title, date, author), PDF with a text layer (pypdf), Word (python-docx).

Each reader raises UnusableFile with what is wrong and what to do; none guesses a date the document does
not state (the loader then takes the first date written in the text, else none).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..text.script import count_cyrillic
from .cleaning import clean_text

SUPPORTED = {
    ".txt": "plain text",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".html": "a saved web page",
    ".htm": "a saved web page",
    ".pdf": "PDF with a text layer",
    ".docx": "Word document",
}
MIN_CHARS = 40  # fewer characters of text than this is not an article


class UnusableFile(Exception):
    """A file that cannot be an article; the message says why and what to do."""


@dataclass
class Document:
    """The text of a document and what it says about itself (None: it does not say)."""

    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    author: str | None = None
    publisher: str | None = None


def supported_list() -> str:
    return ", ".join(sorted(SUPPORTED))


def suffix_of(name: str) -> str:
    """The file's type as its lower-cased suffix; UnusableFile (naming what is supported) for any other."""
    m = re.search(r"\.[A-Za-z0-9]+$", name or "")
    suffix = m.group(0).lower() if m else ""
    if suffix not in SUPPORTED:
        raise UnusableFile(f"{name!r} is not a supported type ({suffix or 'no suffix'}); supported: {supported_list()}")
    return suffix


def read_document(name: str, data: bytes, url: str | None = None) -> Document:
    """Any supported file's bytes → its Document (the type from the name's suffix)."""
    suffix = suffix_of(name)
    if not data:
        raise UnusableFile("empty file")
    if suffix == ".pdf":
        return _enough(_pdf(data))
    if suffix == ".docx":
        return _enough(_docx(data))
    text = decode(data)
    if suffix in (".html", ".htm"):
        return from_html(text, url)
    return _enough(Document(text))


def _enough(doc: Document, why: str = "") -> Document:
    if len(clean_text(doc.text)) < MIN_CHARS:
        raise UnusableFile(why or f"no article text (fewer than {MIN_CHARS} characters after cleaning)")
    return doc


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnusableFile("binary file (contains NUL bytes); save the article as plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="strict") if _plausible_cp1251(data) else None
    if text is None:
        raise UnusableFile("neither UTF-8 nor Windows-1251 text; re-save the file as UTF-8")
    return text


def _plausible_cp1251(data: bytes) -> bool:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = sum(ch.isalpha() for ch in text)
    cyrillic = count_cyrillic(text)
    # cp1251 decodes almost any byte string; real Russian text is mostly letters, many Cyrillic.
    return letters > 0.5 * len(text.replace(" ", "").replace("\n", "")) and cyrillic > 0.2 * letters


# -- web pages ---------------------------------------------------------------------------------------
def _day(value: str | None) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return "-".join(m.groups()) if m else None


def _has_sentence(text: str, words: int = 12) -> bool:
    """An article has at least one sentence of `words` words or more; a section page's teasers and headlines
    are shorter."""
    return any(len(s.split()) >= words for s in re.findall(r"[^.!?…]+[.!?…]+(?=\s|$)", " ".join(text.split())))


def from_html(html: str, url: str | None = None) -> Document:
    """A news page's main text and metadata, without menus, footers, related lists or cookie banners."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        # dates the page's markup states (meta tags, JSON-LD, <time>, a byline), never one guessed from
        # a copyright line or today's date
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    text = (getattr(found, "text", None) or "") if found is not None else ""
    title = (getattr(found, "title", None) or "").strip() or None
    if title and text.startswith(title):  # the headline is the title, not the first paragraph
        text = text[len(title) :].lstrip()
    doc = Document(
        text,
        title,
        _day(getattr(found, "date", None)),
        (getattr(found, "author", None) or "").strip() or None,
        (getattr(found, "sitename", None) or "").strip() or None,
    )
    if not _has_sentence(text):  # headlines, teasers and links only: a section page, a search page, a login
        doc.text = ""
    return _enough(doc, "the page has no article text in it (only menus, lists or links); save or link the article")


# -- PDF -----------------------------------------------------------------------------------------------
def _pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # "" opens PDFs locked only against editing
            raise UnusableFile("the PDF is encrypted with a password; save an unlocked copy and upload that")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: dict = dict(reader.metadata or {})
    except (FileNotDecryptedError, DependencyError):
        raise UnusableFile("the PDF is encrypted with a password; save an unlocked copy and upload that") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise UnusableFile(f"the PDF cannot be read ({e.__class__.__name__}); it may be damaged") from None
    text = "\n\n".join(_unwrap(p) for p in pages if p.strip())
    if len(clean_text(text)) < MIN_CHARS:
        raise UnusableFile("no text to index: it may be a scan (pages of images); upload a PDF with a text layer")
    title = str(info.get("/Title") or "").strip() or None
    return Document(text, title)


def _unwrap(page: str) -> str:
    """A PDF page's lines joined into paragraphs. A line that runs to the right margin continues in the next
    one (a hyphen at its end joins the word); a line that ends early ends its paragraph (a heading, a last line)."""
    lines = [ln.strip() for ln in page.splitlines()]
    full = max((len(ln) for ln in lines), default=0)
    paragraphs: list[str] = []
    open_ = False
    for line in lines:
        if not line:
            open_ = False
            continue
        if open_:
            last = paragraphs[-1]
            paragraphs[-1] = last[:-1] + line if last.endswith("-") else f"{last} {line}"
        else:
            paragraphs.append(line)
        open_ = len(line) >= 0.6 * full and not re.search(r"[.!?:»”\"]$", line)
    return "\n".join(paragraphs)


# -- Word ------------------------------------------------------------------------------------------------
def _docx(data: bytes) -> Document:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise UnusableFile(
            f"the Word file cannot be read ({e.__class__.__name__}); it may be damaged or not a .docx: "
            "open it in Word and save it again as .docx"
        ) from None
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        paragraphs.extend(" | ".join(c.text.strip() for c in row.cells) for row in table.rows)
    heading = next(
        (
            p.text.strip()
            for p in document.paragraphs
            if p.text.strip() and p.style is not None and (p.style.name or "").startswith(("Title", "Head"))
        ),
        None,
    )
    title = (document.core_properties.title or "").strip() or heading
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return Document("\n\n".join(paragraphs), title, None, (document.core_properties.author or "").strip() or None)
