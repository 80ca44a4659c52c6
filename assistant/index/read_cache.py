"""Each article file as last read and chunked, kept beside the store, so an unchanged corpus is not parsed
again (at 10,000 articles reading and chunking takes 17 s; this takes about 1 s).

An entry is used only while its file (and its side file) has the same size and modification time, and the
cache as a whole only while the files were read the same way: the size limit, the chunking and the source of
the code that reads and chunks (a changed cleaner or date reader empties it). It saves reading, nothing else: what the
index holds is still compared with the store. A cache that cannot be read is ignored and written afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from importlib import resources
from pathlib import Path

from ..corpus.loader import META_SUFFIXES
from ..records import Article, Chunk

_READERS = ("corpus", "text")  # the packages whose code decides what an article and its chunks are


@cache
def _code_version() -> str:
    root = resources.files("assistant")
    digest = hashlib.sha256()
    files = [root / "index" / "chunking.py", root / "records.py"]
    for package in _READERS:
        files += sorted((f for f in (root / package).iterdir() if f.name.endswith(".py")), key=lambda f: f.name)
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def stamp(path: Path) -> tuple:
    """Size and modification time of the file and of any side file (loader.META_SUFFIXES) beside it, taken
    before reading: a file changed while it was read is read again next time."""
    found: list[tuple[int, int] | None] = []
    for p in (path, *(path.with_name(path.stem + suffix) for suffix in META_SUFFIXES)):
        try:
            st = p.stat()
        except FileNotFoundError:
            found.append(None)
        else:
            found.append((st.st_size, st.st_mtime_ns))
    return tuple(found)


class ReadCache:
    def __init__(self, file: Path, how: str) -> None:
        self.file = file
        self.how = f"{how}/{_code_version()}"
        self._old: dict[str, tuple[tuple, Article, list[Chunk]]] = {}
        self._new: dict[str, tuple[tuple, Article, list[Chunk]]] = {}
        try:
            with file.open("rb") as f:
                saved = pickle.load(f)  # our own file in the store folder
            if saved.get("how") == self.how:
                self._old = saved["entries"]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, KeyError):
            pass

    def get(self, path: Path) -> tuple[Article, list[Chunk]] | None:
        entry = self._old.get(str(path))
        if entry is None or entry[0] != stamp(path):
            return None
        self._new[str(path)] = entry
        return entry[1], entry[2]

    def put(self, path: Path, stamp: tuple, article: Article, chunks: list[Chunk]) -> None:
        self._new[str(path)] = (stamp, article, chunks)

    def save(self) -> None:
        """Write what this read saw (files gone since are dropped), atomically; a failure only loses the cache."""
        if self._new == self._old:
            return  # nothing changed (entries reused are the same objects: compared by identity first)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as f:
                pickle.dump({"how": self.how, "entries": self._new}, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.file)
        except OSError:
            tmp.unlink(missing_ok=True)
