"""The audit log of corpus changes: who changed what, when, from where. One record per change, kept in a ledger
(ledger.py): by default a JSON line in the corpus folder's work area (AUDIT_FILE), so it travels with the corpus;
behind a Chroma server, in Chroma, so every app server writes to and reads the same log."""

from __future__ import annotations

import time
from pathlib import Path

from ..ledger import FileLedger, Ledger

AUDIT_FILE = Path(".assistant") / "log.jsonl"


class AuditLog:
    def __init__(self, folder: Path, ledger: Ledger | None = None) -> None:
        self.ledger = ledger or FileLedger(Path(folder) / AUDIT_FILE, key_field="key")

    def record(
        self,
        who: str,
        action: str,
        article: str,
        title: str = "",
        source: str = "",
        origin: str = "",
        step: str = "",
        detail: str = "",
    ) -> dict:
        entry = {
            "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "who": who or "unknown",
            "action": action,
            "article": article,
            "title": title,
            "source": source,
            "from": origin,
            "change": step,
            "detail": detail,
        }
        self.ledger.add(entry)
        return entry

    def entries(self, limit: int | None = None) -> list[dict]:
        """The newest entries first (without their ledger keys); records that cannot be read are skipped."""
        key = self.ledger.key_field
        found = [{k: v for k, v in e.items() if k != key} for e in reversed(self.ledger.all())]
        return found[:limit] if limit else found
