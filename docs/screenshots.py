"""Take the README's pictures of the pictures: the seeds indexed into a temporary store, a few real answers
rated, `assistant serve` in a headless Chromium, and the evaluation page of the dev set.

Run: uv run python docs/screenshots.py   (needs Chromium: apt-get install chromium)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
RATED = [  # (question of the dev set, liked)
    ("What is the aim of the memorandum between METU and Zhasyl Almaty?", True),
    ("Who is the Coca-Cola Belesteri project meant for?", False),
    ("Who is the Coca-Cola Belesteri project meant for?", False),
    ("Together with which UNESCO office was the ESD seminar in Almaty organized?", True),
    ("What is the capital of Peru?", False),
]


def prepare(root: Path) -> dict:
    from assistant.config import Settings
    from assistant.core import Assistant

    corpus, store = root / "corpus", root / "store"
    shutil.copytree(ROOT / "seeds", corpus)
    assistant = Assistant(Settings(corpus_dir=corpus, store_dir=store))
    assistant.ingest()
    for question, liked in RATED:
        assistant.feedback.rate(assistant.ask(question), [], liked, assistant.embedder.name)
    return {**os.environ, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_STORE_DIR": str(store)}


def serve(env: dict, port: int = 7897) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), "--no-browser"], env=env)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}", timeout=2)
            return proc
        except OSError:
            time.sleep(1)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp())
    env = prepare(root)
    report = root / "report.html"
    subprocess.run([sys.executable, "-m", "assistant", "eval", str(ROOT / "tests/data/dev_queries.yaml"),
                    "--format", "html", "--output", str(report)], env=env, check=True, capture_output=True)  # fmt: skip
    proc = serve(env)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1500})
            page.goto("http://127.0.0.1:7897")
            page.get_by_text("What is in the corpus").click()
            page.wait_for_selector("#corpus-over-time .main-svg")
            page.locator("#corpus-over-time").screenshot(path=DOCS / "corpus-over-time.png")
            page.get_by_role("tab", name="Partnerships").click()
            page.wait_for_selector("#staff-network .main-svg")
            page.wait_for_timeout(800)
            page.locator("#staff-network").screenshot(path=DOCS / "partnership-network.png")
            page.locator("#staff-timeline").screenshot(path=DOCS / "partnership-timeline.png")
            page.get_by_role("tab", name="Feedback").click()
            page.wait_for_selector("#feedback-chart .main-svg")
            page.locator("#feedback-table [role=gridcell]").nth(1).click()
            page.wait_for_timeout(800)
            page.locator("#feedback-tools").screenshot(path=DOCS / "feedback.png")
            report_page = browser.new_page(viewport={"width": 1300, "height": 1100})
            report_page.goto(report.as_uri())
            report_page.wait_for_selector(".main-svg")
            report_page.screenshot(path=DOCS / "eval-report.png", full_page=True, clip={"x": 0, "y": 0, "width": 1300,
                                   "height": 1500})  # fmt: skip
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
    print("written:", ", ".join(p.name for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()
