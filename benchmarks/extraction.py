"""How well saved news pages are read: for each page of tests/data/news_pages/pages.yaml (written by a helper
who saw no code), whether the main text, the title and the date came out right.

- main text: the article's first and last words are where the text starts and ends, and none of the page's
  clutter (menus, cookie banner, related headlines, footer, ads) is in it;
- title: the headline, as the manifest gives it (case and spacing aside);
- date: the page's own date when it states one, else the first full date in the article's text, else none.

Run: uv run python benchmarks/extraction.py [--verbose]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.corpus.cleaning import clean_text
from assistant.corpus.formats import UnusableFile, from_html
from assistant.corpus.metadata import extract_date, extract_title

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "news_pages"


def norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def judge(entry: dict) -> dict:
    html = (PAGES / entry["file"]).read_text(encoding="utf-8")
    try:
        doc = from_html(html)
    except UnusableFile as e:
        return {"file": entry["file"], "text": False, "title": False, "date": False, "why": str(e)}
    text = clean_text(doc.text)
    body = norm(text)
    first, last = norm(entry["first_words"]), norm(entry["last_words"])
    leaks = [b for b in entry["boilerplate"] if norm(b) in body]
    starts = body.find(first)
    text_ok = 0 <= starts <= 3 and body.rstrip(' .»"”').endswith(last.rstrip(' .»"”')) and not leaks
    title = doc.title or extract_title(text)
    date = doc.date or extract_date(doc.text)
    want_date = entry.get("date") or entry.get("date_in_text")
    why = []
    if not text_ok:
        why.append(f"text starts at {starts}, ends {body[-60:]!r}, clutter {leaks}")
    if norm(title) != norm(entry["title"]):
        why.append(f"title {title!r}")
    if date != want_date:
        why.append(f"date {date} (want {want_date})")
    return {
        "file": entry["file"],
        "text": text_ok,
        "title": norm(title) == norm(entry["title"]),
        "date": date == want_date,
        "why": "; ".join(why),
    }


def main() -> None:
    entries = yaml.safe_load((PAGES / "pages.yaml").read_text(encoding="utf-8"))
    t = time.perf_counter()
    results = [judge(e) for e in entries]
    seconds = time.perf_counter() - t
    for r in results:
        if "--verbose" in sys.argv or r["why"]:
            marks = " ".join(f"{k}:{'ok' if r[k] else 'NO'}" for k in ("text", "title", "date"))
            print(f"{r['file']:<12} {marks}  {r['why']}")
    n = len(results)
    for key in ("text", "title", "date"):
        print(f"{key:<6} right on {sum(r[key] for r in results)}/{n} pages ({sum(r[key] for r in results) / n:.2f})")
    allright = sum(r["text"] and r["title"] and r["date"] for r in results)
    print(f"all three right on {allright}/{n} pages; {1000 * seconds / n:.0f} ms a page")


if __name__ == "__main__":
    main()
