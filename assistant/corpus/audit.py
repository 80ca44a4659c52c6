"""The audit log of corpus changes: who changed what, when, from where; one JSON line per change, in the
corpus folder's work area (library.WORK), so it travels with the corpus."""

from __future__ import annotations

import json
import time
from pathlib import Path


class AuditLog:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / ".assistant" / "log.jsonl"

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:  # one write per line: lines from two writers never mix
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return entry

    def entries(self, limit: int | None = None) -> list[dict]:
        """The newest entries first; lines that cannot be read are skipped."""
        if not self.path.exists():
            return []
        found = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
        found.reverse()
        return found[:limit] if limit else found
