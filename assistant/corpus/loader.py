"""Corpus folder → Articles: reading (formats.py), cleaning, metadata, per-article overrides.

Every file of a supported type (formats.SUPPORTED) is one article whose id is the file stem.
A side file `<stem>.meta.yaml` (or `.meta.yml`, `.meta.json`) overrides any of
`title`, `date`, `publisher`, `language`, and records where the article came from (RECORDED: kept,
shown to staff, not indexed). Unusable files are skipped with a reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError
from ..records import Article
from ..text.dates import iso_day
from ..text.script import detect_language
from .cleaning import clean_text
from .formats import SUPPORTED, UnusableFile, read_document
from .metadata import extract_date, extract_publisher, extract_title

ARTICLE_SUFFIXES = tuple(SUPPORTED)
META_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
OVERRIDABLE = ("title", "date", "publisher", "language")
# where the article came from, written by imports: source_url is its address (shown and linked as its
# source); the rest are for staff (who added it, when, from which file or feed)
RECORDED = ("source_url", "author", "added_by", "added_at", "original_name", "feed")


@dataclass
class Skipped:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path.name}: {self.reason}"


@dataclass
class CorpusLoad:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def side_file(path: Path) -> Path | None:
    """The article's side file of metadata, when it has one."""
    return next((s for s in (path.with_name(path.stem + x) for x in META_SUFFIXES) if s.exists()), None)


def read_side(path: Path) -> dict:
    """The article's side file as written (overrides and recorded keys), {} when it has none."""
    for suffix in META_SUFFIXES:
        side = path.with_name(path.stem + suffix)
        if not side.exists():
            continue
        try:
            raw = side.read_text(encoding="utf-8")
            if suffix == ".meta.json":
                data = json.loads(raw)
            else:
                import yaml

                data = yaml.safe_load(raw)
        except (OSError, ValueError, UnicodeDecodeError) as e:
            raise UnusableFile(f"its side file {side.name} cannot be read ({e}); fix or remove it") from None
        except Exception as e:  # yaml.YAMLError
            raise UnusableFile(f"its side file {side.name} is not valid YAML ({e}); fix or remove it") from None
        if not isinstance(data, dict):
            raise UnusableFile(f"its side file {side.name} must hold a mapping of {', '.join(OVERRIDABLE)}")
        unknown = set(data) - set(OVERRIDABLE) - set(RECORDED)
        if unknown:
            raise UnusableFile(
                f"its side file {side.name} has unknown keys {sorted(unknown)}; "
                f"allowed: {', '.join(OVERRIDABLE + RECORDED)}"
            )
        if data.get("date") is not None:
            try:
                data["date"] = iso_day(str(data["date"]))
            except ValueError:
                raise UnusableFile(f"its side file {side.name} has date {data['date']!r}; write YYYY-MM-DD") from None
        return {k: (str(v) if v is not None else None) for k, v in data.items()}
    return {}


def load_article(path: Path, max_bytes: int = 5 * 1024 * 1024) -> Article:
    """One file → Article; raises UnusableFile with a reason for files that are not articles."""
    size = path.stat().st_size
    if size == 0:
        raise UnusableFile("empty file")
    if size > max_bytes:
        raise UnusableFile(
            f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB); split it or raise ASSISTANT_MAX_FILE_MB"
        )
    side = read_side(path)
    doc = read_document(path.name, path.read_bytes(), side.get("source_url"))
    text = clean_text(doc.text)
    meta = {
        "title": doc.title or extract_title(text),
        "date": doc.date or extract_date(doc.text),  # the document's own date, else the first one its text states
        "publisher": doc.publisher or extract_publisher(doc.text),
        "language": detect_language(text),
    }
    meta.update({k: side[k] for k in OVERRIDABLE if k in side})
    digest = hashlib.sha256(json.dumps([text, meta], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return Article(
        id=path.stem,
        text=text,
        title=meta["title"] or path.stem,
        date=meta["date"],
        publisher=meta["publisher"],
        language=meta["language"] or "und",
        source=side.get("source_url") or str(path),
        content_hash=digest[:16],
    )


def article_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, sorted by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def load_corpus(folder: Path, max_mb: float = 5.0, read: Callable[[Path, int], Article] = load_article) -> CorpusLoad:
    """Every usable article in `folder`, and the files skipped with their reasons (`read`: a file → Article)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"the corpus folder {folder} does not exist", "create it, or set ASSISTANT_CORPUS_DIR")
    result = CorpusLoad()
    seen: dict[str, Path] = {}
    for path in article_files(folder):
        if path.stem in seen:
            result.skipped.append(Skipped(path, f"same id as {seen[path.stem].name}; rename one of them"))
            continue
        try:
            result.articles.append(read(path, int(max_mb * 1024 * 1024)))
            seen[path.stem] = path
        except UnusableFile as e:
            result.skipped.append(Skipped(path, str(e)))
        except OSError as e:
            result.skipped.append(Skipped(path, f"cannot be read ({e.strerror or e})"))
    return result
