"""The ledgers of shared records (ledger.py): a file keeps every line and merges them by key; memory is bounded;
an older file's lines without a key stay records of their own."""

from __future__ import annotations

import json

from assistant.ledger import FileLedger, MemoryLedger


def test_a_file_ledger_merges_updates_forgets_deleted_and_skips_a_cut_line(tmp_path):
    ledger = FileLedger(tmp_path / "f.jsonl")
    first = ledger.add({"rating": "down"})
    second = ledger.add({"id": "b2", "rating": "up"})
    ledger.update(first, {"comment": "say the date"})
    ledger.delete(second)
    with ledger.path.open("a") as f:
        f.write('{"id": "cut", "rat')  # a crash mid-line
    assert ledger.all() == [{"rating": "down", "id": first, "comment": "say the date"}]
    assert ledger.get(second) is None and ledger.get(first)["comment"] == "say the date"
    assert len(ledger.path.read_text().splitlines()) == 5  # appended, never rewritten


def test_lines_of_an_older_file_without_a_key_are_each_a_record(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_text("".join(json.dumps({"action": a}) + "\n" for a in ("added", "removed")))
    ledger = FileLedger(path, key_field="key")
    ledger.add({"action": "undone"})
    assert [r["action"] for r in ledger.all()] == ["added", "removed", "undone"]


def test_a_memory_ledger_keeps_the_newest_within_its_limit_and_prunes_by_age(monkeypatch):
    import assistant.ledger as module

    clock = [0.0]
    monkeypatch.setattr(module.time, "time", lambda: clock[0])
    ledger = MemoryLedger(limit=3)
    for n in range(5):
        ledger.add({"id": str(n)})
        clock[0] += 10
    assert [r["id"] for r in ledger.all()] == ["2", "3", "4"]
    ledger.prune(older_than_seconds=15)  # now 50: kept are those added after 35
    assert [r["id"] for r in ledger.all()] == ["4"]
