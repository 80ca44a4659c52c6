"""The staff Corpus tab as staff use it: `assistant serve` driven by a real headless Chromium, pages imported
from a real news site on loopback; then a student in another browser asks about the new article."""

import json
import shutil

import pytest

from .conftest import SEEDS
from .documents import MEMO, MEMO_TITLE, pdf_bytes
from .servers import news_site
from .test_web import ask, browser  # noqa: F401 - the module's Chromium
from .web import web_chat

PASSWORD = "s3cret-staff"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus-web")
    corpus = shutil.copytree(SEEDS, root / "corpus")
    env = {
        "ASSISTANT_STAFF_PASSWORD": PASSWORD,
        "ASSISTANT_IMPORT_ALLOW_PRIVATE": "1",
        "ASSISTANT_FEED_POLL_MINUTES": "0",
    }
    with news_site() as site, web_chat(corpus, root / "store", env) as url:
        yield url, site, root, corpus


COLUMNS = 10  # of the corpus table


def wait_rows(page, n: int) -> None:
    """Until the table shows n articles (Gradio's table is a grid of cells)."""
    page.wait_for_function(
        "n => document.querySelectorAll('#corpus-table [role=gridcell]').length === n", arg=n * COLUMNS
    )


def click_title(page) -> None:
    """Select the first row (its title cell)."""
    page.locator("#corpus-table [role=gridcell]").nth(1).click()


def wait_status(page, text: str, timeout: float = 120_000) -> str:
    page.wait_for_function(
        "t => document.querySelector('#corpus-status').innerText.includes(t)", arg=text, timeout=timeout
    )
    return page.inner_text("#corpus-status")


def test_an_upload_without_a_staff_sign_in_is_refused_before_it_is_read(served):
    """The upload route answers 401 to a stranger at once: it announces 50 MB and sends none of it."""
    import http.client
    from urllib.parse import urlsplit

    url = served[0]
    conn = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=15)
    conn.putrequest("POST", "/gradio_api/upload")
    conn.putheader("Content-Type", "multipart/form-data; boundary=b")
    conn.putheader("Content-Length", str(50_000_000))
    conn.endheaders()
    response = conn.getresponse()  # would wait for the body (and time out) if the route read it first
    assert response.status == 401 and "sign in as staff" in json.loads(response.read())["error"]["message"]
    conn.close()


@pytest.mark.slow
def test_staff_upload_import_correct_remove_undo_then_a_student_is_answered(served, browser, tmp_path):  # noqa: F811
    url, site, _root, corpus = served
    memo = tmp_path / "water-memorandum.pdf"
    memo.write_bytes(pdf_bytes(MEMO_TITLE, MEMO))
    staff = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = staff.new_page()
    page.goto(url)
    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_selector("#corpus-login-note", state="visible")
    assert not page.locator("#corpus-tools").is_visible()  # nothing of the tools before signing in
    page.get_by_role("tab", name="Partnerships").click()
    page.fill("#staff-user textarea", "anna")
    page.fill("#staff-password input", PASSWORD)
    page.click("#staff-sign-in")
    page.wait_for_selector("#staff-tools", state="visible")
    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_selector("#corpus-tools", state="visible")
    wait_rows(page, 5)

    # upload a PDF: indexed at once, listed with who added it
    page.set_input_files("#corpus-files input[type=file]", str(memo))
    page.wait_for_timeout(500)
    page.click("#corpus-add")
    assert "Added 2026-03-03-" in wait_status(page, "indexed)")
    wait_rows(page, 6)
    assert "water-memorandum.pdf" in page.inner_text("#corpus-table") and "anna" in page.inner_text("#corpus-table")

    # import a page by its address: its title, date and author from the page, not its menus
    page.fill("#corpus-url textarea", f"{site.base}/page07.html")
    page.click("#corpus-import")
    assert "indexed)" in wait_status(page, "Turkistan region to build 300MW solar power plant")
    wait_rows(page, 7)

    # correct the imported page's date
    page.fill("#corpus-search textarea", "Turkistan")
    page.click("#corpus-show")
    wait_rows(page, 1)
    click_title(page)
    page.wait_for_function("() => document.querySelector('#corpus-chosen textarea').value.includes('turkistan')")
    page.fill("#corpus-edit-date textarea", "2025-12-16")
    page.click("#corpus-save")
    wait_status(page, "Corrected")
    page.wait_for_function("() => document.querySelector('#corpus-table').innerText.includes('2025-12-16')")
    side = next(corpus.glob("2025-12-15-turkistan*.meta.json"))
    assert json.loads(side.read_text())["date"] == "2025-12-16"  # kept with the article, in the folder

    # remove the PDF (confirmed), then undo it
    page.fill("#corpus-search textarea", "water")
    page.click("#corpus-show")
    wait_rows(page, 1)
    click_title(page)
    page.wait_for_function("() => document.querySelector('#corpus-chosen textarea').value.includes('aral')")
    page.click("#corpus-remove")
    page.wait_for_selector("#corpus-confirm", state="visible")
    page.click("#corpus-confirm")
    wait_status(page, "Removed")
    assert not list(corpus.glob("2026-03-03-*.txt"))
    page.click("#corpus-undo")
    wait_status(page, "Undone")
    assert list(corpus.glob("2026-03-03-*.txt"))
    page.get_by_text("Audit log").click()  # the audit log lists each change, who made it and from where
    page.wait_for_function("() => (document.querySelector('#corpus-log')?.innerText || '').includes('undone')")
    log = page.inner_text("#corpus-log")
    assert all(a in log for a in ("added", "corrected", "removed", "undone")) and "web from 127.0.0.1" in log
    staff.close()

    # a student, in another browser, is answered from the new article with its citation
    student = browser.new_context()
    chat = student.new_page()
    chat.goto(url)
    answer = ask(chat, "How many hydrologists a year will Karaganda Technical University train?")
    assert "40" in answer and MEMO_TITLE[:40] in answer
    student.close()
