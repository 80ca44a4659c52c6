"""Sentence boundaries (text/sentences.py): abbreviations, initials and numbers do not end a sentence."""

from pathlib import Path

import yaml

from assistant.text.sentences import sentence_spans, sentences

CASES = yaml.safe_load((Path(__file__).parent / "data" / "sentence_cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_every_case_splits_where_its_sentences_end():
    wrong = [c["sentences"] for c in CASES if sentences(" ".join(c["sentences"])) != c["sentences"]]
    assert not wrong


def test_spans_point_into_the_text_across_line_breaks_and_odd_spacing():
    text = "Главная  Новости\nThe centre opened on Sept. 14  in Astana. It cost $2.5 million… Then it closed."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Главная  Новости",
        "The centre opened on Sept. 14  in Astana.",
        "It cost $2.5 million…",
        "Then it closed.",
    ]
