"""The corpus folder as staff change it: every change is one journalled step that puts new files in place
and moves the files it replaces into a trash folder, so it can be undone, and so a process killed in the
middle leaves nothing half-written (the next start finishes a step whose plan was written, and drops one
whose plan was not).

Layout: articles stay `<id>.<suffix>` with their side file `<id>.meta.json` in the corpus folder (the
one source of truth); the journal, the trash, the audit log and the feed list live in `<corpus>/.assistant/`.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from filelock import FileLock

from ..errors import InvalidInputError
from .loader import ARTICLE_SUFFIXES, META_SUFFIXES

WORK = ".assistant"
TRASH_DAYS = 30  # how long removed and replaced versions are kept for undo


@dataclass
class Step:
    """One change of the folder: the files it wrote and the ones it moved to the trash (for undo)."""

    token: str
    article: str
    created: list[str] = field(default_factory=list)
    trashed: list[str] = field(default_factory=list)
    state: str = "pending"
    undoes: str | None = None
    hashes: dict[str, str] = field(default_factory=dict)  # of the created files, to tell a later change


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def slug(text: str, limit: int = 60) -> str:
    """A file name from a title: ASCII, lower case, words joined by hyphens."""
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(text or "").lower()).split()
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > limit:
            break
        out = f"{out}-{w}" if out else w
    return out or "article"


class Library:
    """Files of the corpus folder, changed in journalled steps; safe across threads and processes (a lock)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.work = self.folder / WORK
        self.trash = self.work / "trash"

    def lock(self, timeout: float = 120.0) -> FileLock:
        """Held around every change: two staff adding at once take turns instead of overwriting each other."""
        self.work.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.work / "edit.lock"), timeout=timeout)

    # -- what is there --------------------------------------------------------------------------------
    def files_of(self, article: str) -> list[Path]:
        """The article's file and its side file, as they are in the folder."""
        if not self.folder.is_dir():
            return []
        suffixes = ARTICLE_SUFFIXES + META_SUFFIXES
        return sorted(
            p
            for p in self.folder.iterdir()
            if p.is_file() and _suffix(p.name) in suffixes and p.name[: -len(_suffix(p.name))] == article
        )

    def exists(self, article: str) -> bool:
        return any(_suffix(p.name) in ARTICLE_SUFFIXES for p in self.files_of(article))

    def new_id(self, title: str, date: str | None) -> str:
        """An unused article id from the date and title ("2026-02-06-kaznu-signs-a-memorandum")."""
        base = f"{date}-{slug(title, 50)}" if date else slug(title)
        article, n = base, 2
        while self.exists(article) or (self.folder / f"{article}.meta.json").exists():
            article, n = f"{base}-{n}", n + 1
        return article

    # -- changes --------------------------------------------------------------------------------------
    def commit(self, article: str, new_files: dict[str, bytes], trash: list[str], undoes: str | None = None) -> Step:
        """Put `new_files` (name → bytes) into the folder and move the files named in `trash` out of it, as
        one step. The caller holds `lock()`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        step = Step(_token(), article, sorted(new_files), sorted(n for n in trash if (self.folder / n).exists()))
        step.undoes = undoes
        step.hashes = {name: _digest(data) for name, data in new_files.items()}
        where = self.trash / step.token
        (where / "new").mkdir(parents=True)
        (where / "old").mkdir()
        for name, data in new_files.items():
            (where / "new" / name).write_bytes(data)
        self._write_plan(where, step)  # from here on the step is finished, even by a later process
        self._apply(where, step)
        self._forget_old_steps()
        return step

    def _write_plan(self, where: Path, step: Step) -> None:
        write_atomically(where / "plan.json", json.dumps(step.__dict__, ensure_ascii=False).encode())

    def _apply(self, where: Path, step: Step) -> None:
        for name in step.trashed:
            if (self.folder / name).exists():
                (self.folder / name).replace(where / "old" / name)
        for name in step.created:
            if (where / "new" / name).exists():
                (where / "new" / name).replace(self.folder / name)
        step.state = "done"
        self._write_plan(where, step)

    def step(self, token: str) -> Step:
        plan = self.trash / token / "plan.json" if re.fullmatch(r"[0-9a-z-]+", token or "") else None
        if plan is None or not plan.exists():
            raise InvalidInputError(f"there is no change {token!r} to undo", "it may be older than the trash keeps")
        return Step(**json.loads(plan.read_text(encoding="utf-8")))

    def undo(self, token: str) -> Step:
        """The step that reverses step `token`: its files out, the files it replaced back. The caller holds lock()."""
        done = self.step(token)
        old = self.trash / token / "old"
        now = {p.name: _digest(p.read_bytes()) for p in self.files_of(done.article)}
        changed = any(now.get(n) != h for n, h in done.hashes.items()) or any(
            n in now for n in done.trashed if n not in done.hashes
        )
        if changed:
            raise InvalidInputError(
                f"{done.article} was changed again after that change", "undo the later change first"
            )
        restored = {name: (old / name).read_bytes() for name in done.trashed}
        return self.commit(done.article, restored, done.created, undoes=token)

    def recover(self) -> list[str]:
        """Finish the steps a killed process left with a plan; drop those it left without one. What it did.
        While another change holds the lock there is nothing to recover: that change is alive."""
        from filelock import Timeout

        if not self.trash.is_dir():
            return []
        notes: list[str] = []
        lock = self.lock(timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return notes
        try:
            for where in sorted(p for p in self.trash.iterdir() if p.is_dir()):
                plan = where / "plan.json"
                if not plan.exists():
                    shutil.rmtree(where, ignore_errors=True)
                    notes.append(f"dropped an unfinished change ({where.name}): nothing of it was in place")
                    continue
                step = Step(**json.loads(plan.read_text(encoding="utf-8")))
                if step.state != "done":
                    self._apply(where, step)
                    notes.append(f"finished an interrupted change of {step.article} ({where.name})")
        finally:
            lock.release()
        return notes

    def _forget_old_steps(self) -> None:
        cutoff = time.time() - TRASH_DAYS * 86400
        for where in self.trash.iterdir():
            if where.is_dir() and where.stat().st_mtime < cutoff:
                shutil.rmtree(where, ignore_errors=True)


def _suffix(name: str) -> str:
    lower = name.lower()
    return next((s for s in META_SUFFIXES if lower.endswith(s)), Path(lower).suffix)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _token() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(3)
