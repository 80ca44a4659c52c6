"""Records that outlive a request (feedback, the audit log, feed subscriptions, staff sessions, answers that may
still be rated): one small interface, kept where the deployment keeps its shared state.

- `FileLedger`: JSON lines in a local file, appended, never rewritten: the embedded, one-machine default.
- `MemoryLedger`: a bounded map in this process (what one process alone needs to remember: sessions, answers).
- `index.ledger.ChromaLedger`: a Chroma collection, when several app servers share one Chroma server.

Each record is a dict under a key (`key_field`); `update` merges fields into it, and a later line of a file wins.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

DELETED = "_deleted"


class Ledger(Protocol):
    key_field: str

    def add(self, record: dict) -> str:
        """Store a record (its key, or a new one, in `key_field`); returns the key."""

    def update(self, key: str, fields: dict) -> None:
        """Merge fields into the record under `key` (a new record when there is none)."""

    def get(self, key: str) -> dict | None: ...

    def all(self) -> list[dict]:
        """Every record, oldest first."""

    def delete(self, key: str) -> None: ...

    def prune(self, older_than_seconds: float) -> None:
        """Forget the records added longer ago than that (a file keeps them: it is never rewritten)."""


def new_key() -> str:
    return uuid.uuid4().hex[:12]


class FileLedger:
    """One JSON object per line; a crash can cost at most the line being written. Lines without a key (an older
    file's) are records of their own."""

    _lock = threading.Lock()  # one writer at a time within a process; each line is one write call

    def __init__(self, path: Path, key_field: str = "id") -> None:
        self.path = Path(path)
        self.key_field = key_field

    def _append(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)

    def add(self, record: dict) -> str:
        key = str(record.get(self.key_field) or new_key())
        self._append({**record, self.key_field: key})
        return key

    def update(self, key: str, fields: dict) -> None:
        self._append({**fields, self.key_field: key})

    def delete(self, key: str) -> None:
        self._append({self.key_field: key, DELETED: True})

    def get(self, key: str) -> dict | None:
        return self._merged().get(key)

    def prune(self, older_than_seconds: float) -> None:
        return None  # append-only

    def all(self) -> list[dict]:
        return list(self._merged().values())

    def _merged(self) -> dict[str, dict]:
        merged: dict[str, dict] = {}
        if not self.path.exists():
            return merged
        for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines()):
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash
            if not isinstance(record, dict):
                continue
            key = str(record.get(self.key_field) or f"line-{n}")
            if record.get(DELETED):
                merged.pop(key, None)
            else:
                merged.setdefault(key, {}).update(record)
        return merged


class MemoryLedger:
    """Records in this process only, the oldest dropped beyond `limit`."""

    def __init__(self, limit: int = 10_000, key_field: str = "id") -> None:
        self.limit = limit
        self.key_field = key_field
        self._records: OrderedDict[str, dict] = OrderedDict()
        self._added: dict[str, float] = {}
        self._lock = threading.Lock()

    def add(self, record: dict) -> str:
        key = str(record.get(self.key_field) or new_key())
        with self._lock:
            self._records[key] = {**record, self.key_field: key}
            self._added[key] = time.time()
            while len(self._records) > self.limit:
                self._added.pop(self._records.popitem(last=False)[0], None)
        return key

    def update(self, key: str, fields: dict) -> None:
        with self._lock:
            current = self._records.get(key, {self.key_field: key})
        self.add({**current, **fields, self.key_field: key})

    def get(self, key: str) -> dict | None:
        with self._lock:
            found = self._records.get(key)
            return dict(found) if found is not None else None

    def all(self) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._records.values()]

    def delete(self, key: str) -> None:
        with self._lock:
            self._records.pop(key, None)
            self._added.pop(key, None)

    def prune(self, older_than_seconds: float) -> None:
        cutoff = time.time() - older_than_seconds
        with self._lock:
            for key in [k for k, added in self._added.items() if added < cutoff]:
                self._records.pop(key, None)
                self._added.pop(key)
