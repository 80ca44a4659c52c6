"""Every metric on hand-made report entries whose right values are worked out by hand."""

import pytest

from assistant.evaluation import metrics as m


def entry(sources, passages, answer="", refused=False, citations=(), expect=(("x",),), latency=None, retrieval=None):
    return {
        "sources": list(sources),
        "expect": [list(g) for g in expect] if sources else [],
        "passages": [{"article": a, "text": t} for a, t in passages],
        "answer": answer,
        "refused": refused,
        "citations": [{"article": a} for a in citations],
        "latency_ms": latency,
        "retrieval_ms": retrieval,
    }


# Four answerable queries and two unanswerable ones.
E1 = entry(
    ["A"],
    [("A", "fact one here"), ("B", "noise")],
    answer="fact one [1]",
    citations=["A"],
    expect=[["fact one"]],
    latency=100,
    retrieval=10,
)
E2 = entry(
    ["B"],
    [("A", "noise"), ("C", "noise"), ("B", "has 650 and Almaty")],
    answer="650 only [3]",
    citations=["B", "A"],
    expect=[["650"], ["Almaty", "Алматы"]],
    latency=200,
    retrieval=20,
)
E3 = entry(
    ["C"], [("A", "a"), ("B", "b"), ("D", "d"), ("E", "e")], refused=True, expect=[["zzz"]], latency=300, retrieval=30
)
E4 = entry(
    ["D", "E"],
    [("B", "x"), ("E", "Zhasyl Almaty college")],
    answer="Zhasyl almaty and COLLEGE [2]",
    citations=["E"],
    expect=[["Zhasyl Almaty"], ["college"]],
    latency=400,
    retrieval=40,
)
U1 = entry([], [("A", "a")], refused=True, latency=50, retrieval=5)
U2 = entry([], [("A", "a")], answer="made up [1]", citations=["A"], latency=60, retrieval=6)
ALL = [E1, E2, E3, E4, U1, U2]


def test_article_rank():
    assert [m.article_rank(e) for e in (E1, E2, E3, E4)] == [1, 3, None, 2]


def test_hit_at_1_and_k():
    assert m.hit_at(ALL, 1) == 0.25  # only E1
    assert m.hit_at(ALL, 2) == 0.5  # E1, E4
    assert m.hit_at(ALL, 4) == 0.75  # E1, E2, E4


def test_mrr():
    assert m.mrr(ALL) == round((1 + 1 / 3 + 0 + 1 / 2) / 4, 4)


def test_evidence_at_k():
    # E1 holds its fact at rank 1; E2 needs rank 3 (both groups there); E3 never; E4 at rank 2
    assert m.evidence_at_k(ALL, 1) == 0.25
    assert m.evidence_at_k(ALL, 4) == 0.75


def test_fact_recall_counts_only_unrefused_answers_with_every_group():
    # E1 yes; E2 misses the Almaty group; E3 refused; E4 yes (case-insensitive)
    assert m.fact_recall(ALL) == 0.5


def test_citation_precision_over_answerable_queries():
    # citations: E1 A(ok), E2 B(ok) A(bad), E4 E(ok) -> 3/4; U2's citation is not counted
    assert m.citation_precision(ALL) == 0.75


def test_refusal_accuracy_and_false_refusals():
    assert m.refusal_accuracy(ALL) == 0.5
    assert m.false_refusals(ALL) == 1


def test_percentiles():
    assert m.percentile([10, 20, 30, 40, 5, 6], 0.5) == 10
    assert m.percentile([100, 200, 300, 400, 50, 60], 0.95) == 400
    assert m.percentile(list(range(1, 101)), 0.95) == 95
    assert m.percentile([], 0.5) is None


def test_summary_has_every_metric():
    s = m.summarize(ALL, k=4)
    assert s["hit_at_1"] == 0.25 and s["hit_at_4"] == 0.75 and s["evidence_at_4"] == 0.75
    assert s["retrieval_p50_ms"] == 10 and s["answer_p95_ms"] == 400
    assert (s["queries"], s["answerable"]) == (6, 4)


def test_metrics_of_an_empty_group_are_none():
    assert m.refusal_accuracy([E1]) is None
    assert m.citation_precision([E3]) is None


@pytest.mark.parametrize(
    "text, groups, found",
    [
        ("Over 650 applications", [["650"]], True),
        ("Over 650 applications", [["650"], ["women"]], False),
        ("The MILAN expo", [["Milan", "Astana"]], True),
        ("", [], True),
    ],
)
def test_facts_found(text, groups, found):
    assert m.facts_found(text, groups) is found
