"""Staff keeping the corpus current through the core (what the Corpus tab and the CLI call): uploads, pages by
URL from a real loopback site, feeds, corrections that survive a rebuild, replace, remove, undo, duplicates,
two staff at once, and a process killed in the middle of a change."""

import json
import threading
import time

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.corpus.library import Library
from assistant.errors import InvalidInputError
from assistant.retrieval import Filters

from .documents import LIBRARY, LIBRARY_TITLE, MEMO, MEMO_TITLE, docx_bytes, pdf_bytes, scanned_pdf_bytes
from .servers import news_site


@pytest.fixture
def assistant(isolated_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_IMPORT_ALLOW_PRIVATE", "1")  # the test's news site is on loopback
    a = Assistant(get_settings())
    a.ingest()
    return a


@pytest.fixture(scope="module")
def site():
    with news_site() as s:
        yield s


def cited(answer) -> set[str]:
    return {c.article for c in answer.citations}


def test_an_uploaded_pdf_and_docx_are_answered_from_at_once(assistant):
    out = assistant.editor.add(
        [("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO)), ("library.docx", docx_bytes(LIBRARY_TITLE, LIBRARY))],
        "anna",
        "test",
    )
    assert not out.failed and [c.action for c in out.changes] == ["added", "added"]
    memo, library = (c.article for c in out.changes)
    assert memo.startswith("2026-03-03-") and library.startswith("2026-04-12-")  # dated from their first sentence
    answer = assistant.ask("How many hydrologists a year will Karaganda Technical University train?")
    assert memo in cited(answer) and "40" in answer.answer
    # written into the corpus folder as text plus a side file with where it came from
    side = json.loads((assistant.editor.folder / f"{memo}.meta.json").read_text())
    assert side["original_name"] == "memo.pdf" and side["added_by"] == "anna" and side["date"] == "2026-03-03"
    assert (assistant.editor.folder / f"{memo}.txt").read_text().startswith(MEMO_TITLE)


def test_a_page_by_url_keeps_its_metadata_and_source(assistant, site):
    out = assistant.editor.add([(f"{site.base}/page01.html", None)], "anna", "test")
    assert not out.failed, out.failed
    article = assistant.article(out.changes[0].article)
    assert article.source == f"{site.base}/page01.html"  # cited with its address
    row = next(r for r in assistant.editor.listing() if r["id"] == article.id)
    assert row["source"] == article.source and row["added_by"] == "anna" and row["status"] == "indexed"
    assert row["passages"] > 0


def test_duplicates_are_refused_naming_the_article_already_there(assistant, site):
    first = assistant.editor.add([(f"{site.base}/page02.html", None)], "anna", "test").changes[0]
    again = assistant.editor.add([(f"{site.base}/page02.html?utm_source=mail", None)], "anna", "test")
    assert not again.changes and first.article in again.failed[0][1]
    # the same story from another address (the saved page uploaded as a file) is a duplicate too
    saved = site.document("/page02.html")[2]
    copy = assistant.editor.add([("saved.html", saved)], "bob", "test")
    assert not copy.changes and f"already in the corpus as {first.article}" in copy.failed[0][1]


def test_bad_inputs_fail_alone_and_leave_the_corpus_as_it_was(assistant, site):
    before = {r["id"]: r for r in assistant.editor.listing()}
    out = assistant.editor.add(
        [
            ("scan.pdf", scanned_pdf_bytes()),
            ("notes.xlsx", b"PK..."),
            (f"{site.base}/missing.html", None),
            (f"{site.base}/photo.jpg", None),
            (f"{site.base}/noarticle.html", None),
            ("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO)),
        ],
        "anna",
        "test",
    )
    reasons = dict(out.failed)
    assert "it may be a scan" in reasons["scan.pdf"]
    assert "supported: " in reasons["notes.xlsx"]
    assert "HTTP 404" in reasons[f"{site.base}/missing.html"]
    assert "image/jpeg, not a news page" in reasons[f"{site.base}/photo.jpg"]
    assert "no article text" in reasons[f"{site.base}/noarticle.html"]
    assert [c.source for c in out.changes] == ["memo.pdf"]  # the good one in the same batch is added
    after = {r["id"]: r for r in assistant.editor.listing()}
    assert set(after) - set(before) == {out.changes[0].article}
    assert all(after[k] == v for k, v in before.items())


def test_a_file_over_the_size_limit_is_refused(isolated_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_MAX_FILE_MB", "0.01")
    a = Assistant(get_settings())
    out = a.editor.add([("big.txt", b"word " * 5000)], "anna", "test")
    assert "too large" in out.failed[0][1] and "ASSISTANT_MAX_FILE_MB" in out.failed[0][1]


def test_a_correction_survives_a_rebuild_and_the_date_filter_follows_it(assistant):
    added = assistant.editor.add([("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))], "anna", "test").changes[0]
    assistant.editor.correct(added.article, {"date": "2024-05-01", "publisher": "Aral News"}, "bob", "test")
    assistant.ingest(rebuild=True)
    article = assistant.article(added.article)
    assert (article.date, article.publisher) == ("2024-05-01", "Aral News")
    in_2024 = Filters(date_from="2024-01-01", date_to="2024-12-31")
    in_2024 = assistant.search("hydrologists laboratories", k=3, filters=in_2024)
    assert {p.article for p in in_2024} == {added.article}
    with pytest.raises(InvalidInputError, match="YYYY-MM-DD"):
        assistant.editor.correct(added.article, {"date": "May 2024"}, "bob", "test")
    assert assistant.article(added.article).date == "2024-05-01"  # a refused correction changes nothing


def test_undated_articles_are_left_out_of_a_date_range(assistant):
    out = assistant.editor.add([("note.txt", b"A memorandum on hydrology laboratories was signed by two institutes "
                                 b"of the region, the press office said.")], "anna", "test")  # fmt: skip
    undated = out.changes[0].article
    assert assistant.article(undated).date is None
    hits = assistant.search("memorandum hydrology laboratories", k=10, filters=Filters(date_to="2030-01-01"))
    assert undated not in {p.article for p in hits} and hits
    assert undated in {p.article for p in assistant.search("memorandum hydrology laboratories", k=10)}


def test_remove_then_undo_then_replace(assistant):
    added = assistant.editor.add([("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))], "anna", "test").changes[0]
    question = "How many hydrologists a year will Karaganda Technical University train?"
    removed = assistant.editor.remove([added.article], "anna", "test").changes[0]
    assert assistant.article(added.article) is None and added.article not in cited(assistant.ask(question))
    assistant.editor.undo(removed.step, "anna", "test")
    assert added.article in cited(assistant.ask(question))
    new = [MEMO[0], MEMO[1].replace("40", "60"), MEMO[2]]
    assistant.editor.correct(added.article, {"title": "Water memorandum"}, "anna", "test")
    replaced = assistant.editor.replace(added.article, "memo-v2.pdf", pdf_bytes(MEMO_TITLE, new), "anna", "test")
    assert "60 hydrologists" in assistant.article(added.article).text
    assert assistant.article(added.article).title == "Water memorandum"  # the correction is kept over the new text
    assistant.editor.undo(replaced.changes[0].step, "anna", "test")
    assert "40 hydrologists" in assistant.article(added.article).text
    log = assistant.editor.log()
    assert [e["action"] for e in log[:5]] == ["undone", "replaced", "corrected", "undone", "removed"]
    assert all(e["who"] == "anna" and e["from"] == "test" for e in log[:5])


def test_an_undo_after_a_later_change_is_refused(assistant):
    added = assistant.editor.add([("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))], "anna", "test").changes[0]
    assistant.editor.correct(added.article, {"title": "Later title"}, "bob", "test")
    with pytest.raises(InvalidInputError, match="changed again"):
        assistant.editor.undo(added.step, "anna", "test")
    assert assistant.article(added.article).title == "Later title"


def test_two_staff_uploading_at_once_both_land(assistant):
    results = []

    def upload(name, data):
        results.append(assistant.editor.add([(name, data)], name, "test"))

    threads = [
        threading.Thread(target=upload, args=("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))),
        threading.Thread(target=upload, args=("library.docx", docx_bytes(LIBRARY_TITLE, LIBRARY))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert all(not r.failed for r in results) and len(results) == 2
    added = {c.article for r in results for c in r.changes}
    indexed = {r["id"] for r in assistant.editor.listing() if r["status"] == "indexed"}
    assert added <= indexed


def test_the_same_story_uploaded_twice_at_once_lands_once(assistant):
    results = []
    data = pdf_bytes(MEMO_TITLE, MEMO)
    threads = [threading.Thread(target=lambda: results.append(assistant.editor.add([("m.pdf", data)], "x", "t")))
               for _ in range(2)]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert sorted(len(r.changes) for r in results) == [0, 1]
    assert "already in the corpus" in next(r for r in results if r.failed).failed[0][1]


def test_a_change_killed_before_its_plan_is_dropped_and_one_killed_after_is_finished(assistant):
    library = Library(assistant.editor.folder)
    before = {p.name for p in assistant.editor.folder.iterdir() if p.is_file()}
    # killed while writing the new files: no plan yet, nothing in place
    half = library.trash / "20260101-000000-aaaaaa" / "new"
    half.mkdir(parents=True)
    (half / "half.txt").write_text("A half-written article that must never be indexed at all, not even partly.")
    # killed after the plan, before the files were moved in: the next start finishes it
    done = library.trash / "20260101-000001-bbbbbb"
    (done / "new").mkdir(parents=True)
    (done / "old").mkdir()
    text = "The killed import's article: a memorandum between the Caspian University and a port authority."
    (done / "new" / "caspian.txt").write_text(text)
    (done / "plan.json").write_text(
        json.dumps({"token": done.name, "article": "caspian", "created": ["caspian.txt"], "trashed": []})
    )
    assistant.ingest()  # what the next start runs
    after = {p.name for p in assistant.editor.folder.iterdir() if p.is_file()}
    assert after - before == {"caspian.txt"} and not half.parent.exists()
    assert "port authority" in assistant.article("caspian").text and assistant.article("half") is None


def test_feeds_import_each_entry_once_across_polls_and_feeds(assistant, site):
    editor = assistant.editor
    editor.feeds.subscribe(f"{site.base}/rss.xml", "anna", "test")
    editor.feeds.subscribe(f"{site.base}/atom.xml", "anna", "test")
    editor.feeds.subscribe(f"{site.base}/rdf.xml", "anna", "test")
    reports = {r["feed"].rsplit("/", 1)[1]: r for r in editor.feeds.poll(None, "anna", "test")}
    imported = [c["source"] for r in reports.values() for c in r["imported"]]
    assert len(imported) == len(set(imported)) == 10  # page01-10; 04 and 05 are in two feeds: imported once
    assert len(reports["atom.xml"]["duplicates"]) + len(reports["rss.xml"]["duplicates"]) == 2
    again = editor.feeds.poll(None, "anna", "test")
    assert all(not r["imported"] and not r["new"] for r in again)  # each entry once
    assert all(f.last_polled for f in editor.feeds.subscriptions.all())


def test_what_is_not_a_feed_is_refused(assistant, site):
    with pytest.raises(Exception, match="is not a feed"):
        assistant.editor.feeds.subscribe(f"{site.base}/notafeed.xml", "anna", "test")
    assert assistant.editor.feeds.subscriptions.all() == []


def test_a_preview_shows_what_would_be_added_and_writes_nothing(assistant, site):
    before = sorted(p.name for p in assistant.editor.folder.iterdir())
    seen = assistant.editor.preview(f"{site.base}/page07.html", None)
    assert seen["title"] == "Turkistan region to build 300MW solar power plant" and seen["date"] == "2025-12-15"
    assert seen["author"] == "Kazinform correspondent" and seen["language"] == "en" and seen["duplicate_of"] is None
    assert sorted(p.name for p in assistant.editor.folder.iterdir()) == before


def test_partnership_rows_follow_an_added_then_removed_article(assistant):
    added = assistant.editor.add([("memo.pdf", pdf_bytes(MEMO_TITLE, MEMO))], "anna", "test").changes[0]
    rows = assistant.partnerships(org="Aral Sea Foundation").rows
    assert rows and {r["article"] for r in rows} == {added.article} and rows[0]["kind"] == "memorandum"
    assistant.editor.remove([added.article], "anna", "test")
    assert assistant.partnerships(org="Aral Sea Foundation").rows == []


def test_the_server_polls_the_feeds_on_its_schedule(assistant, site):
    from assistant.api.server import poll_feeds_every

    assistant.editor.feeds.subscribe(f"{site.base}/rdf.xml", "anna", "test")
    stop = poll_feeds_every(assistant, 0.01)  # every 0.6 s
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not assistant.editor.feeds.subscriptions.all()[0].last_polled:
            time.sleep(0.5)
    finally:
        stop.set()
    feed = assistant.editor.feeds.subscriptions.all()[0]
    assert feed.last_polled and feed.last_result.startswith("2 new")
    assert any(e["who"] == "feeds" and e["from"].startswith("schedule") for e in assistant.editor.log())
