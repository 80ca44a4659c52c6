"""The Corpus tab's handlers without a browser: a session that has not signed in gets nothing and changes
nothing (no uploaded file is even opened); a signed-in one lists, searches, sorts, adds and undoes."""

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.ui.corpus_tab import NOT_SIGNED_IN, CorpusHandlers

from .documents import MEMO, MEMO_TITLE, pdf_bytes


@pytest.fixture
def handlers(isolated_env, monkeypatch):
    monkeypatch.setenv("ASSISTANT_STAFF_PASSWORD", "pw")
    a = Assistant(get_settings())
    a.ingest()
    return CorpusHandlers(a)


def last(generator):
    return list(generator)[-1]


def test_a_stranger_gets_nothing_and_no_file_is_opened(handlers, tmp_path):
    missing = str(tmp_path / "never-uploaded.pdf")  # opening it would raise: the handler must not try
    stranger: dict = {}
    assert handlers.table(stranger) == ([], NOT_SIGNED_IN, None)
    assert handlers.log(stranger) == [] and handlers.feeds(stranger) == []
    assert last(handlers.upload(stranger, [], [missing], "", "", "", "")) == (NOT_SIGNED_IN, [])
    assert last(handlers.replace(stranger, [], "000_fc73a623d024f7d6", missing)) == (NOT_SIGNED_IN, [])
    assert last(handlers.import_url(stranger, [], "http://127.0.0.1/", "", "", "", "")) == (NOT_SIGNED_IN, [])
    assert last(handlers.remove(stranger, [], "000_fc73a623d024f7d6")) == (NOT_SIGNED_IN, [])
    assert last(handlers.correct(stranger, [], "000_fc73a623d024f7d6", "x", "", "", "")) == (NOT_SIGNED_IN, [])
    assert last(handlers.undo(stranger, ["20260101-000000-abcdef"]))[0] == NOT_SIGNED_IN
    assert handlers.subscribe(stranger, "http://127.0.0.1/rss.xml") == NOT_SIGNED_IN
    assert last(handlers.poll(stranger, []))[0] == NOT_SIGNED_IN
    assert len(handlers.assistant.editor.listing()) == 5 and handlers.assistant.editor.log() == []


def test_staff_list_search_sort_add_and_undo(handlers, tmp_path):
    staff = {"user": "anna", "token": handlers.access.start("anna")}  # as a sign-in leaves it
    shown, note, chart = handlers.table(staff)
    assert len(shown) == 5 and note == "5 articles."
    assert sum(sum(bar.y) for bar in chart.data) == 5  # the chart counts what the table lists
    dates = [r[2] for r in shown]
    assert dates == sorted((d for d in dates if d != "undated"), reverse=True) + ["undated"] * dates.count("undated")
    titles = [r[1] for r in handlers.table(staff, "", "title")[0]]
    assert titles == sorted(titles, key=str.lower)
    # every word must match somewhere in the row (title, id, publisher, source, …)
    assert [r[0] for r in handlers.table(staff, "ESG practical")[0]] == ["000_fc73a623d024f7d6"]
    assert handlers.table(staff, "ESG nosuchword")[0] == []

    memo = tmp_path / "memo.pdf"
    memo.write_bytes(pdf_bytes(MEMO_TITLE, MEMO))
    steps = list(handlers.upload(staff, [], [str(memo)], "", "2026-03-04", "Aral News", ""))
    assert steps[0][0].startswith("⏳")  # progress first
    status, undo = steps[-1]
    assert "✅ Added 2026-03-04-" in status and len(undo) == 1
    row = next(r for r in handlers.table(staff, "aral")[0])
    assert row[2:4] == ["2026-03-04", "Aral News"] and row[5] == "memo.pdf" and row[6] == "anna"
    status, undo = last(handlers.undo(staff, undo))
    assert "Undone" in status and undo == []
    assert handlers.table(staff, "aral")[0] == []
    assert last(handlers.undo(staff, [])) == ("Nothing to undo in this session.", [])
    bad = last(handlers.correct(staff, [], row[0], "", "soon", "", ""))[0]
    assert bad.startswith("❌") and "there is no article" in bad  # undone: it is gone
