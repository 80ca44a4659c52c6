"""Students' feedback on answers: thumbs up or down, optionally a comment, kept for staff to review.

One JSON object per line in `<store>/feedback.jsonl`, appended (never rewritten), so a crash can cost
at most the line being written. A comment added later is a second line with the same `id`; `entries()`
merges them.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from pathlib import Path

from .errors import InvalidInputError
from .records import Answer, Turn

MAX_COMMENT = 2000
_lock = threading.Lock()  # one writer at a time within a process; each line is one write call


class FeedbackLog:
    """The feedback file of one store folder."""

    def __init__(self, store_dir: Path) -> None:
        self.path = Path(store_dir) / "feedback.jsonl"

    def _append(self, entry: dict) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with _lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)

    def rate(self, answer: Answer, history: list[Turn], liked: bool, embedding: str, comment: str = "") -> str:
        """Record a rating of an answer, with everything staff need to review it; returns its id."""
        entry_id = uuid.uuid4().hex[:12]
        self._append(
            {
                "id": entry_id,
                "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "rating": "up" if liked else "down",
                "comment": _clean_comment(comment),
                "question": answer.question,
                "history": [t.model_dump() for t in history],
                "answer": answer.answer,
                "refused": answer.refused,
                "citations": [c.to_dict() for c in answer.citations],
                "model": answer.model,
                "embedding": embedding,
            }
        )
        return entry_id

    def comment(self, entry_id: str, comment: str) -> None:
        """Add a comment to a rating recorded before."""
        if not any(e["id"] == entry_id for e in self.entries()):
            raise InvalidInputError("there is no rating to comment on", "rate the answer first (thumbs up or down)")
        self._append({"id": entry_id, "comment": _clean_comment(comment)})

    def entries(self) -> list[dict]:
        """All ratings, oldest first, each with its latest comment; unreadable lines are skipped."""
        merged: dict[str, dict] = {}
        if not self.path.exists():
            return []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash
            if isinstance(entry, dict) and "id" in entry:
                merged.setdefault(entry["id"], {}).update(entry)
        return [e for e in merged.values() if "rating" in e]


def _clean_comment(comment: str) -> str:
    comment = " ".join((comment or "").split())
    if len(comment) > MAX_COMMENT:
        raise InvalidInputError(f"the comment is longer than {MAX_COMMENT} characters", "shorten it")
    return comment


def most_down_rated(entries: list[dict], limit: int = 10) -> list[dict]:
    """The questions rated down most (the same question however it was spaced or capitalised), each with its
    counts and the latest answer that was rated down; ties go to the most recent."""
    groups: dict[str, dict] = {}
    for e in entries:
        key = " ".join(str(e.get("question") or "").casefold().split())
        group = groups.setdefault(key, {"question": e.get("question") or "", "down": 0, "up": 0, "rated": None})
        group["up" if e["rating"] == "up" else "down"] += 1
        if e["rating"] == "down" and (group["rated"] is None or e.get("time", "") >= group["rated"].get("time", "")):
            group["rated"] = e
    ranked = [g for g in groups.values() if g["down"]]
    ranked.sort(key=lambda g: (g["down"], g["rated"].get("time", "")), reverse=True)
    return ranked[:limit]
