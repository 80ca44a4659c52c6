"""The partnership table scored against a gold table (assistant/evaluation/partnerships.py)."""

import pytest

from assistant.errors import InvalidInputError
from assistant.evaluation.partnerships import GoldPartnership, load_gold, name_matches, score

GOLD = [
    GoldPartnership(
        article="a",
        kind="memorandum",
        parties=[["Акимат Карагандинской области"], ["Карагандинский технический университет", "КарТУ"]],
    ),
    GoldPartnership(
        article="b",
        kind="memorandum",
        parties=[["Kazakh-American Free University", "KAFU"], ["School-Gymnasium № 12"], ["Secondary School № 24"]],
    ),
]


def row(article, *parties, kind="memorandum"):
    return {"article": article, "parties": list(parties), "kind": kind, "quote": ""}


def test_names_match_by_every_word_with_case_endings_and_few_extra_words():
    assert name_matches("Акиматом Карагандинской области", ["Акимат Карагандинской области"])
    assert name_matches("the Kazakh-American Free University (KAFU)", ["Kazakh-American Free University"])
    assert not name_matches("Акимат Карагандинской", ["Акимат Карагандинской области"])  # cut short
    headline = "Signing of a Memorandum of Cooperation between KAFU and Educational Institutions"
    assert not name_matches(headline, ["KAFU"])


def test_rows_right_only_when_every_party_is_a_different_gold_party():
    rows = [
        row("a", "Акимат Карагандинской области", "КарТУ"),  # right
        row("a", "Акимат Карагандинской", "КарТУ"),  # a party cut short
        row("b", "KAFU", "School-Gymnasium № 12"),  # right: two of the three parties
        row("b", "KAFU", "Kazakh-American Free University"),  # one party twice
        row("a", "KAFU", "School-Gymnasium № 12"),  # parties of another article's partnership
    ]
    result = score(rows, GOLD)
    assert (result.rows, result.right, result.found, result.gold) == (5, 2, 2, 2)
    assert result.precision == pytest.approx(0.4)
    assert result.recall == 1.0
    assert len(result.wrong) == 3


def test_missed_partnerships_are_listed_and_other_articles_left_out_when_asked():
    result = score([row("a", "Акимат Карагандинской области", "КарТУ"), row("c", "X", "Y")], GOLD, {"a", "b"})
    assert (result.found, result.gold, result.rows) == (1, 2, 1)
    assert result.missed[0]["article"] == "b"


def test_a_malformed_gold_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "gold.yaml"
    bad.write_text("rows: [1, 2]\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="not a gold partnership table"):
        load_gold(bad)


def test_the_committed_gold_tables_load_and_quote_their_articles():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for split in ("dev", "holdout"):
        gold = load_gold(root / "eval" / "real" / split / "partnerships.yaml")
        assert len(gold) >= 20
        for g in gold:
            folder = "seeds" if (root / "seeds" / f"{g.article}.txt").exists() else f"eval/real/{split}/articles"
            text = (root / folder / f"{g.article}.txt").read_text(encoding="utf-8")
            assert " ".join(g.evidence.split())[:60] in " ".join(text.split()), g.article
