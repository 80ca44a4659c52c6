"""Shared records in the Chroma server every app server already uses (see ledger.py): one collection per kind,
`<collection>_<kind>`, a row per record (its JSON as the document, when it was added as metadata).

The rows are only ever read by id or in full, never searched: each has a 1-d placeholder vector.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..ledger import FileLedger, Ledger, MemoryLedger, new_key
from .store import PAGE, ChromaStore

KINDS = ("feedback", "audit", "feeds", "sessions", "answers")


class ChromaLedger:
    def __init__(self, store: ChromaStore, kind: str, key_field: str = "id") -> None:
        self.store = store
        self.name = f"{store.name}_{kind}"
        self.key_field = key_field
        self._col = None

    def _collection(self, create: bool):
        if self._col is None:
            self._col = self.store.plain_collection(self.name, create)
        return self._col

    def _write(self, key: str, record: dict, added: float) -> None:
        col = self._collection(create=True)
        with self.store.server_errors():
            col.upsert(
                ids=[key],
                embeddings=[[int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF]],  # distinct points
                documents=[json.dumps(record, ensure_ascii=False)],
                metadatas=[{"added": added}],
            )

    def add(self, record: dict) -> str:
        key = str(record.get(self.key_field) or new_key())
        self._write(key, {**record, self.key_field: key}, time.time())
        return key

    def update(self, key: str, fields: dict) -> None:
        found = self._rows(ids=[key])
        current, added = found[0] if found else ({}, time.time())
        self._write(key, {**current, **fields, self.key_field: key}, added)

    def get(self, key: str) -> dict | None:
        found = self._rows(ids=[key])
        return found[0][0] if found else None

    def all(self) -> list[dict]:
        return [record for record, _ in sorted(self._rows(), key=lambda pair: pair[1])]

    def delete(self, key: str) -> None:
        col = self._collection(create=False)
        if col is not None:
            with self.store.server_errors():
                col.delete(ids=[key])

    def prune(self, older_than_seconds: float) -> None:
        """Delete the records added longer ago than that."""
        col = self._collection(create=False)
        if col is not None:
            with self.store.server_errors():
                col.delete(where={"added": {"$lt": time.time() - older_than_seconds}})

    def _rows(self, ids: list[str] | None = None) -> list[tuple[dict, float]]:
        col = self._collection(create=False)
        if col is None:
            return []
        rows: list[tuple[dict, float]] = []
        offset = 0
        while True:
            with self.store.server_errors():
                if ids is not None:
                    page = col.get(ids=ids, include=["documents", "metadatas"])
                else:
                    page = col.get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
            for doc, meta in zip(page["documents"], page["metadatas"], strict=True):
                try:
                    rows.append((json.loads(doc or "{}"), float((meta or {}).get("added", 0.0))))
                except ValueError:
                    continue
            if ids is not None or len(page["ids"]) < PAGE:
                return rows
            offset += PAGE


@dataclass
class Ledgers:
    """Where each kind of shared record is kept: in Chroma behind a Chroma server (several app servers share
    it), else in local files (feedback in the store folder, the audit log and feeds in the corpus folder's
    work area) and this process's memory (staff sessions, answers that may still be rated)."""

    feedback: Ledger
    audit: Ledger
    feeds: Ledger | None  # None: the corpus folder's feeds.json (corpus/feeds.py)
    sessions: Ledger
    answers: Ledger

    @classmethod
    def of(cls, settings, store: ChromaStore) -> Ledgers:
        if settings.chroma_url:
            made = {kind: ChromaLedger(store, kind, "url" if kind == "feeds" else "id") for kind in KINDS}
            return cls(**made)
        from ..corpus.audit import AUDIT_FILE

        return cls(
            feedback=FileLedger(Path(settings.store_dir) / "feedback.jsonl"),
            audit=FileLedger(Path(settings.corpus_dir) / AUDIT_FILE, key_field="key"),
            feeds=None,
            sessions=MemoryLedger(),
            answers=MemoryLedger(),
        )
