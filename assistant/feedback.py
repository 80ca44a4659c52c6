"""Feedback on answers: thumbs up or down, optionally a comment, kept for staff to review.

Kept in a ledger (ledger.py): by default one JSON object per line in `<store>/feedback.jsonl`, appended (never
rewritten); behind a Chroma server, in Chroma, so every app server records and lists the same feedback. A comment
added later updates the record with the same `id`.
"""

from __future__ import annotations

import datetime as dt
import time

from .errors import InvalidInputError, NotFoundError
from .ledger import Ledger, MemoryLedger, new_key
from .records import Answer, Turn

MAX_COMMENT = 2000
KEPT_DAYS = 7  # how long an API answer may be rated after it was given


def answer_record(answer: Answer, history: list[Turn], embedding: str) -> dict:
    """What staff need to review a rated answer: the question, the conversation before it, the answer and its
    citations, and the models."""
    return {
        "question": answer.question,
        "history": [t.model_dump() for t in history],
        "answer": answer.answer,
        "refused": answer.refused,
        "citations": [c.to_dict() for c in answer.citations],
        "model": answer.model,
        "embedding": embedding,
    }


class FeedbackLog:
    """The ratings (`ledger`), and the answers of the API that may still be rated by their completion's id
    (`answers`: kept KEPT_DAYS, then pruned)."""

    def __init__(self, ledger: Ledger, answers: Ledger | None = None) -> None:
        self.ledger = ledger
        self.answers = answers if answers is not None else MemoryLedger()
        self._pruned = 0.0

    def keep(self, answer_id: str, answer: Answer, history: list[Turn], embedding: str) -> None:
        """Keep an answer an API client may rate later (POST /v1/feedback with its completion's id)."""
        self.answers.add({**answer_record(answer, history, embedding), "id": answer_id, "kept": time.time()})
        if time.time() - self._pruned > 3600:  # once an hour per process, the answers past their time go
            self._pruned = time.time()
            self.answers.prune(KEPT_DAYS * 86400)

    def rate_kept(self, answer_id: str, liked: bool, comment: str = "") -> dict:
        """Rate an answer kept by `keep` (again: the rating is replaced); the feedback record."""
        kept = self.answers.get(answer_id)
        if kept is None or time.time() - float(kept.get("kept", 0)) > KEPT_DAYS * 86400:
            raise NotFoundError(
                f"there is no answer {answer_id!r} to rate",
                f"send the `id` of a chat completion from the last {KEPT_DAYS} days",
            )
        record = {k: v for k, v in kept.items() if k not in ("id", "kept")}
        self.rate_record(record, liked, comment, entry_id=answer_id)
        return self.ledger.get(answer_id) or {}

    def rate(self, answer: Answer, history: list[Turn], liked: bool, embedding: str, comment: str = "") -> str:
        """Record a rating of an answer, with everything staff need to review it; returns its id."""
        return self.rate_record(answer_record(answer, history, embedding), liked, comment)

    def rate_record(self, answer: dict, liked: bool, comment: str = "", entry_id: str | None = None) -> str:
        """Record a rating of an answer kept as `answer_record`; rating the same `entry_id` again replaces the
        rating (and the comment, when one is given)."""
        new = entry_id is None
        entry_id = entry_id or new_key()
        fields = {
            **answer,
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rating": "up" if liked else "down",
        }
        if comment or new or self.ledger.get(entry_id) is None:
            fields["comment"] = _clean_comment(comment)
        self.ledger.update(entry_id, fields)
        return entry_id

    def comment(self, entry_id: str, comment: str) -> None:
        """Add a comment to a rating recorded before."""
        if self.ledger.get(entry_id) is None:
            raise InvalidInputError("there is no rating to comment on", "rate the answer first (thumbs up or down)")
        self.ledger.update(entry_id, {"comment": _clean_comment(comment)})

    def entries(self) -> list[dict]:
        """All ratings, oldest first, each with its latest comment."""
        return [e for e in self.ledger.all() if "rating" in e]


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
