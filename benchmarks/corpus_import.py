"""Time from upload to first answer: staff add N articles through the corpus editor (what the Corpus tab and
`assistant add` call: read, check for duplicates, write the files, index), then a student's question about the
last one is answered from it. The baseline, in the same run: the same articles dropped into the folder as text
and indexed by `assistant ingest` (no reading of PDF/DOCX/HTML, no duplicate check, no side files).

Articles are generated (benchmarks/newsgen.py: invented, fine for timing) and uploaded as a mix of PDF, Word,
saved HTML page and plain text, one batch of N. Run:

    uv run python benchmarks/corpus_import.py            # N = 1 and N = 100
    uv run python benchmarks/corpus_import.py --sizes 1 10
"""

from __future__ import annotations

import argparse
import html
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def as_upload(i: int, stem: str, text: str) -> tuple[str, bytes]:
    """Article i as one of the four kinds staff upload."""
    title, _date, *body = [p for p in text.split("\n") if p.strip()]
    kind = i % 4
    if kind == 0:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for p in [title, _date, *body]:
            pdf.multi_cell(0, 6, p.encode("latin-1", "replace").decode("latin-1"))
            pdf.ln(2)
        return f"{stem}.pdf", bytes(pdf.output())
    if kind == 1:
        import docx

        d = docx.Document()
        d.add_heading(title, 1)
        for p in [_date, *body]:
            d.add_paragraph(p)
        out = io.BytesIO()
        d.save(out)
        return f"{stem}.docx", out.getvalue()
    if kind == 2:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
        page = (
            f"<html><head><title>{html.escape(title)} | City News</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>{html.escape(title)}</h1><p>{_date}</p>{paragraphs}"
            "</article><footer>© City News</footer></body></html>"
        )
        return f"{stem}.html", page.encode()
    return f"{stem}.txt", text.encode()


def question_for(text: str) -> str:
    return f"What happened: {text.split(chr(10), maxsplit=1)[0].strip()}?"


def fresh(seeds: Path, root: Path, name: str):
    from assistant.config import get_settings
    from assistant.core import Assistant

    corpus = root / name / "corpus"
    shutil.copytree(seeds, corpus)
    assistant = Assistant(get_settings(corpus_dir=corpus, store_dir=root / name / "store"))
    assistant.ingest()
    return assistant


def run(n: int, root: Path) -> dict:
    from newsgen import generate

    articles = generate(n, seed=22)
    uploads = [as_upload(i, stem, text) for i, (stem, text) in enumerate(articles)]
    last_question = question_for(articles[-1][1])

    editor_side = fresh(ROOT / "seeds", root, f"editor-{n}")
    t = time.perf_counter()
    outcome = editor_side.editor.add(uploads, "bench", "benchmark")
    added = time.perf_counter() - t
    answer = editor_side.ask(last_question)
    answered = time.perf_counter() - t
    last_id = outcome.changes[-1].article if outcome.changes else ""

    baseline = fresh(ROOT / "seeds", root, f"baseline-{n}")
    for stem, text in articles:
        (Path(baseline.settings.corpus_dir) / f"{stem}.txt").write_text(text, encoding="utf-8")
    t = time.perf_counter()
    baseline.ingest()
    base_indexed = time.perf_counter() - t
    baseline.ask(last_question)
    base_answered = time.perf_counter() - t
    return {
        "n": n,
        "added": len(outcome.changes),
        "failed": len(outcome.failed),
        "upload_to_indexed_s": added,
        "upload_to_answer_s": answered,
        "answer_cites_it": any(c.article == last_id for c in answer.citations),
        "baseline_ingest_s": base_indexed,
        "baseline_answer_s": base_answered,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100])
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="corpus-import-"))
    try:
        print(f"{'N':>4} {'added':>5} {'failed':>6} {'to indexed':>11} {'to answer':>10} {'cites':>5} "
              f"{'baseline ingest':>16} {'baseline answer':>16}")  # fmt: skip
        for n in args.sizes:
            r = run(n, root)
            print(
                f"{r['n']:>4} {r['added']:>5} {r['failed']:>6} {r['upload_to_indexed_s']:>10.1f}s "
                f"{r['upload_to_answer_s']:>9.1f}s {'yes' if r['answer_cites_it'] else 'no':>5} "
                f"{r['baseline_ingest_s']:>15.1f}s {r['baseline_answer_s']:>15.1f}s"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
