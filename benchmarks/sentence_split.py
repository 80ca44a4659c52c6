"""Sentence splitters on the cases of tests/data/sentence_cases.yaml (abbreviations, initials, numbers).

    uv pip install pysbd razdel sentencex syntok   # the others we tried; not in the project's install
    uv run python benchmarks/sentence_split.py [-v]

Prints, per splitter, the cases split exactly right and the time taken; -v shows the wrong splits.
Measured 2026-12-07: ours (sentence-splitter, Moses' lists plus data/nonbreaking_prefixes.txt) 24/24,
the regex it replaced 14/24, syntok 21, pysbd 19, sentencex 18, razdel 16.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from assistant.text.sentences import sentences

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "tests/data/sentence_cases.yaml").read_text())["cases"]


def _others() -> dict:
    found = {}
    try:
        import pysbd

        seg = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("en", "ru", "kk")}
        found["pysbd"] = lambda t, lang: [s.strip() for s in seg[lang].segment(t)]
    except ImportError:
        pass
    try:
        import razdel

        found["razdel"] = lambda t, lang: [s.text for s in razdel.sentenize(t)]
    except ImportError:
        pass
    try:
        import sentencex

        found["sentencex"] = lambda t, lang: [s.strip() for s in sentencex.segment(lang, t)]
    except ImportError:
        pass
    try:
        import syntok.segmenter as syntok

        found["syntok"] = lambda t, lang: [
            "".join(tok.spacing + tok.value for tok in s).strip() for p in syntok.analyze(t) for s in p
        ]
    except ImportError:
        pass
    return found


def main() -> None:
    splitters = {"ours": lambda t, lang: sentences(t), **_others()}
    for name, split in splitters.items():
        started, right, wrong = time.perf_counter(), 0, []
        for case in CASES:
            got = [s for s in split(" ".join(case["sentences"]), case["lang"]) if s.strip()]
            if got == case["sentences"]:
                right += 1
            else:
                wrong.append((case["lang"], got))
        ms = (time.perf_counter() - started) * 1000
        print(f"{name:10s} {right}/{len(CASES)} right  {ms:.1f} ms")
        if "-v" in sys.argv:
            for lang, got in wrong:
                print("    ", lang, got)


if __name__ == "__main__":
    main()
