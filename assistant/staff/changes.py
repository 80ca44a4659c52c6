"""What a change of the corpus did: the Change records staff see (and undo by their step), and the Outcome of
a batch with the inputs that could not be used."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Change:
    action: str  # added, replaced, removed, corrected, undone
    article: str
    title: str
    step: str  # what `undo` takes
    passages: int = 0
    source: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        plural = "passage" if self.passages == 1 else "passages"
        indexed = f" ({self.passages} {plural} indexed)" if self.action != "removed" else ""
        return f"{self.action.capitalize()} {self.article}: “{self.title}”{indexed}"


@dataclass
class Outcome:
    """What a batch did: the changes made, and each input that could not be used with its reason."""

    changes: list[Change] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "changes": [c.to_dict() for c in self.changes],
            "failed": [{"input": i, "reason": r} for i, r in self.failed],
            "notes": self.notes,
        }
