"""Reading documents staff upload: PDF (text layer, scan, encrypted, damaged), Word (good, damaged), web
pages with and without an article, unsupported types; and dates read off the text."""

import pytest

from assistant.corpus.formats import UnusableFile, read_document, supported_list
from assistant.corpus.metadata import extract_date

from .documents import (
    LIBRARY,
    LIBRARY_TITLE,
    MEMO,
    MEMO_TITLE,
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
)


def test_a_pdf_with_a_text_layer_reads_as_paragraphs():
    doc = read_document("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))
    lines = doc.text.split("\n")
    assert lines[0] == MEMO_TITLE  # the heading stays its own line, not glued to the first paragraph
    assert MEMO[1] in lines  # a paragraph wrapped over several lines of the page is one line again
    assert extract_date(doc.text) == "2026-03-03"


def test_a_scanned_pdf_says_it_may_be_a_scan():
    with pytest.raises(UnusableFile, match="no text to index: it may be a scan"):
        read_document("scan.pdf", scanned_pdf_bytes())


def test_an_encrypted_pdf_asks_for_an_unlocked_copy():
    with pytest.raises(UnusableFile, match="encrypted with a password"):
        read_document("locked.pdf", encrypted_pdf_bytes(pdf_bytes(MEMO_TITLE, MEMO)))
    # locked against editing only (an empty password opens it): read as usual
    assert MEMO[2] in read_document("open.pdf", encrypted_pdf_bytes(pdf_bytes(MEMO_TITLE, MEMO), "")).text


def test_a_damaged_pdf_or_docx_is_refused_with_what_to_do():
    whole = pdf_bytes(MEMO_TITLE, MEMO)
    with pytest.raises(UnusableFile, match="PDF cannot be read"):
        read_document("cut.pdf", whole[: len(whole) // 3])
    word = docx_bytes(LIBRARY_TITLE, LIBRARY)
    with pytest.raises(UnusableFile, match=r"Word file cannot be read.*save it again as \.docx"):
        read_document("cut.docx", word[: len(word) // 2])
    with pytest.raises(UnusableFile, match="Word file cannot be read"):
        read_document("renamed.docx", b"this was a text file, renamed")


def test_a_word_file_gives_its_heading_as_title_and_its_paragraphs_as_text():
    doc = read_document("library.docx", docx_bytes(LIBRARY_TITLE, LIBRARY, author="Press office"))
    assert doc.title == LIBRARY_TITLE and doc.author == "Press office"
    assert doc.text.split("\n\n") == LIBRARY


def test_a_page_without_an_article_is_refused():
    page = (
        "<html><head><title>News | Site</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        + "".join(f"<li><a href='/a{i}'>Headline number {i}</a></li>" for i in range(20))
        + "<footer>© 2026 Site. All rights reserved.</footer></body></html>"
    )
    with pytest.raises(UnusableFile, match="no article text"):
        read_document("index.html", page.encode())


def test_unsupported_types_name_the_supported_ones():
    with pytest.raises(UnusableFile, match=r"not a supported type \(\.png\); supported: .*\.docx.*\.pdf"):
        read_document("photo.png", b"\x89PNG....")
    assert ".docx" in supported_list() and ".html" in supported_list()


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On February 6, 2026, the university signed a memorandum.", "2026-02-06"),
        ("6 февраля 2026 года в Астане подписан меморандум.", "2026-02-06"),
        ("2026 жылғы 6 ақпанда меморандумға қол қойылды.", "2026-02-06"),
        ("2025 жылы 12 наурызда өтті.", "2025-03-12"),
        ("The 2025 report was discussed in spring.", None),  # a year alone is no date
    ],
)
def test_the_first_dated_sentence_gives_the_date(text, date):
    assert extract_date(text) == date
