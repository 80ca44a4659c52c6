"""Corpus folder → Articles: decoding, cleaning, metadata, per-article overrides.

Every `*.txt`, `*.md` and `*.html` file is one article whose id is the file stem.
A side file `<stem>.meta.yaml` (or `.meta.yml`, `.meta.json`) overrides any of
`title`, `date`, `publisher`, `language`. Unusable files are skipped with a reason.
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
from ..text.script import count_cyrillic, detect_language
from .cleaning import clean_text, html_to_text
from .metadata import extract_date, extract_publisher, extract_title

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
META_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
OVERRIDABLE = ("title", "date", "publisher", "language")
MIN_CHARS = 40  # fewer characters of text than this is not an article


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


class UnusableFile(Exception):
    """A file that cannot be an article; the message says why and what to do."""


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnusableFile("binary file (contains NUL bytes); save the article as plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="strict") if _plausible_cp1251(data) else None
    if text is None:
        raise UnusableFile("neither UTF-8 nor Windows-1251 text; re-save the file as UTF-8")
    return text


def _plausible_cp1251(data: bytes) -> bool:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = sum(ch.isalpha() for ch in text)
    cyrillic = count_cyrillic(text)
    # cp1251 decodes almost any byte string; real Russian text is mostly letters, many Cyrillic.
    return letters > 0.5 * len(text.replace(" ", "").replace("\n", "")) and cyrillic > 0.2 * letters


def _load_overrides(path: Path) -> dict:
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
        unknown = set(data) - set(OVERRIDABLE)
        if unknown:
            raise UnusableFile(
                f"its side file {side.name} has unknown keys {sorted(unknown)}; allowed: {', '.join(OVERRIDABLE)}"
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
    raw = decode(path.read_bytes())
    html_title = ""
    if path.suffix.lower() in (".html", ".htm"):
        raw, html_title = html_to_text(raw)
    text = clean_text(raw)
    if len(text) < MIN_CHARS:
        raise UnusableFile(f"no article text (fewer than {MIN_CHARS} characters after cleaning)")
    meta = {
        "title": html_title or extract_title(text),
        "date": extract_date(raw),
        "publisher": extract_publisher(raw),
        "language": detect_language(text),
    }
    meta.update(_load_overrides(path))
    digest = hashlib.sha256(json.dumps([text, meta], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return Article(
        id=path.stem,
        text=text,
        title=meta["title"] or path.stem,
        date=meta["date"],
        publisher=meta["publisher"],
        language=meta["language"] or "und",
        source=str(path),
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
