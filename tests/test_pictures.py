"""The pictures as figures: the network, the counts over time, the evaluation page; their clicks in the staff
tab's handlers; and the same pictures written as files by the command line."""

import json
import math
import random
from itertools import combinations

import pytest

from assistant.core import Assistant
from assistant.errors import InvalidInputError
from assistant.feedback import most_down_rated
from assistant.pictures import common, eval_page, network, over_time

from .cli import run_cli

HOSTILE = 'Bright <script>window.__pwned=1</script> "Future" Foundation'


def row(parties, kind="memorandum", date="2026-03-03", quote="They signed it.", title="A title", article="a1"):
    return {"parties": parties, "kind": kind, "date": date, "quote": quote, "title": title, "article": article,
            "start": 0, "end": len(quote), "purpose": ""}  # fmt: skip


def generated(organisations: int, seed: int = 3) -> list[dict]:
    """Partnerships among `organisations` bodies in clusters of 3 to 12 around a hub, a few across clusters."""
    rnd = random.Random(seed)
    names = [f"Organisation {i:03d}" for i in range(organisations)]
    rows, i = [], 0
    while i < organisations:
        size = min(rnd.randint(3, 12), organisations - i)
        size += organisations - i - size == 1  # nobody left alone
        members = names[i : i + size]
        rows += [row([members[0], m], kind=rnd.choice(network.KIND_NAMES)) for m in members[1:]]
        i += size
    rows += [row(rnd.sample(names, 2), kind="joint project") for _ in range(organisations // 30)]
    return rows


def nodes_of(fig):
    return next(t for t in fig.data if t.name == "organisations")


def test_the_network_has_one_node_per_party_sized_by_its_partnerships_and_an_edge_per_pair():
    rows = [
        row(["A Univ", "B Fund"]),
        row(["A Univ", "C Lab", "D Org"], kind="joint project"),
        row(["A Univ", "B Fund"]),
    ]
    fig = network.figure(rows)
    nodes = nodes_of(fig)
    names = [c[1] for c in nodes.customdata]
    assert sorted(names) == ["A Univ", "B Fund", "C Lab", "D Org"]
    size = dict(zip(names, nodes.marker.size, strict=True))
    assert size["A Univ"] > size["B Fund"] > size["C Lab"] == size["D Org"]  # 3, 2, 1, 1 partnerships
    middles = [t for t in fig.data if t.mode == "markers" and t.name != "organisations"]
    picked = sorted(c[1] for t in middles for c in t.customdata)
    assert picked == [0, 1, 1, 1, 2]  # a point per pair of each row: one, three (C(3,2)), one
    # the two links between A and B do not sit on one point
    ab = [(x, y) for t in middles for x, y, c in zip(t.x, t.y, t.customdata, strict=True) if c[1] in (0, 2)]
    assert ab[0] != ab[1]
    assert "5 partnerships" not in fig.layout.title.text and "3 partnerships" in fig.layout.title.text


@pytest.mark.parametrize("organisations", [30, 300])
def test_a_large_network_keeps_its_groups_apart_and_labels_only_the_largest(organisations):
    rows = generated(organisations)
    g = network.graph(rows)
    pos = network.layout(g)
    assert len(pos) == organisations
    fig = network.figure(rows)
    labels = [t for t in nodes_of(fig).text if t]
    assert len(labels) == min(organisations, network.LABELLED)
    counts = {c[1]: g.nodes[c[1]]["count"] for c in nodes_of(fig).customdata}
    labelled = {c[1] for c, t in zip(nodes_of(fig).customdata, nodes_of(fig).text, strict=True) if t}
    assert min(counts[n] for n in labelled) >= max((counts[n] for n in counts if n not in labelled), default=0)
    # no hairball: bodies of different groups are further apart than the typical link is long
    import networkx as nx

    group = {n: i for i, c in enumerate(nx.connected_components(nx.Graph(g))) for n in c}
    links = sorted(math.dist(pos[a], pos[b]) for a, b in g.edges())
    apart = min(math.dist(pos[a], pos[b]) for a, b in combinations(pos, 2) if group[a] != group[b])
    assert apart > 0.5 * links[len(links) // 2]


def test_names_from_articles_are_text_in_labels_and_tooltips():
    rows = [row([HOSTILE, "<b>Bold</b> University (B&U)"], quote='He said "<img src=x onerror=alert(1)>".',
                title="<script>alert(2)</script>")]  # fmt: skip
    fig = network.figure(rows)
    shown = json.dumps([list(t.hovertext or []) + list(t.text or []) for t in fig.data if t.mode != "lines"])
    for raw in ("<script>", "<img", "<b>Bold", 'onerror=alert(1)>"'):
        assert raw not in shown
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in shown and "&lt;img src=x" in shown
    assert "B&amp;U" in shown and '\\"Future\\"' in shown  # quotes are text as they are (JSON-escaped here)
    assert network.label("<b>Bold</b> University (B&U)") == "B&U"  # the acronym a name ends with
    # the click still hands back the name itself, not its escaped form
    assert HOSTILE in [c[1] for c in nodes_of(fig).customdata]
    bars = over_time.partnerships([row(["x", "y"], kind="<i>odd</i> kind")])
    assert "<i>" not in json.dumps([t.name for t in bars.data] + [t.hovertemplate for t in bars.data])


def test_timeline_bars_add_up_to_the_rows_with_undated_apart():
    rows = [row(["a", "b"], date=d, kind=k) for d, k in [("2025-01-05", "memorandum"), ("2025-03-01", "membership"),
            ("2025-03-30", "memorandum"), (None, "joint project")]]  # fmt: skip
    fig = over_time.partnerships(rows)
    assert list(fig.data[0].x) == ["2025-01", "2025-02", "2025-03", "undated"]  # the empty month shows
    assert sum(sum(t.y) for t in fig.data) == len(rows)
    by_month = {k: sum(t.y[i] for t in fig.data) for i, k in enumerate(fig.data[0].x)}
    assert by_month == {"2025-01": 1, "2025-02": 0, "2025-03": 2, "undated": 1}
    assert list(fig.data[0].customdata[2]) == ["period", "2025-03"]
    long = over_time.partnerships([row(["a", "b"], date=d) for d in ("2019-06-01", "2026-02-01")])
    assert list(long.data[0].x) == [str(y) for y in range(2019, 2027)]  # seven years: by year


def test_a_period_becomes_the_tables_date_range():
    assert common.period_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert common.period_range("2025-12") == ("2025-12-01", "2025-12-31")
    assert common.period_range("2023") == ("2023-01-01", "2023-12-31")
    with pytest.raises(InvalidInputError, match="not a period"):
        common.period_range("undated")


def test_the_corpus_and_ratings_over_time_count_everything():
    corpus = over_time.articles([("2026-01-02", "en"), ("2026-01-20", "ru"), (None, "kk"), ("2025-12-01", "de")])
    assert sum(sum(t.y) for t in corpus.data) == 4
    assert {t.name for t in corpus.data} == {"English", "Russian", "Kazakh", "de"}
    entries = [
        {"id": "1", "time": "2026-02-01T10:00:00+00:00", "rating": "down", "question": "Who  signed?"},
        {"id": "2", "time": "2026-02-03T10:00:00+00:00", "rating": "down", "question": "who signed?", "answer": "X"},
        {"id": "3", "time": "2026-02-04T10:00:00+00:00", "rating": "up", "question": "Who signed?"},
        {"id": "4", "time": "2026-03-01T10:00:00+00:00", "rating": "down", "question": "When?"},
        {"id": "5", "time": "2026-03-02T10:00:00+00:00", "rating": "up", "question": "Liked only"},
    ]
    ratings = over_time.ratings(entries)
    assert {t.name: sum(t.y) for t in ratings.data} == {"rated up": 2, "rated down": 3}
    worst = most_down_rated(entries)
    assert [(g["question"], g["down"], g["up"]) for g in worst] == [("Who  signed?", 2, 1), ("When?", 1, 0)]
    assert worst[0]["rated"]["id"] == "2"  # the latest answer rated down opens


def test_an_empty_selection_still_draws():
    assert "No partnerships" in network.figure([]).layout.title.text
    assert not over_time.partnerships([]).data and "No partnerships" in over_time.partnerships([]).layout.title.text


def report_of(*outcomes: tuple[str, bool]) -> dict:
    """A report as `assistant eval` writes it, with queries that pass or fail."""
    queries = []
    for qid, ok in outcomes:
        queries.append({
            "id": qid, "question": f"Question {qid} <script>alert('{qid}')</script>?", "answer": f"Answer {qid}",
            "citations": [{"article": "a1", "quote": "q"}] if ok else [], "refused": not ok, "sources": ["a1"],
            "expect": [["fact", "other"]], "checks": {"facts": ok, "citations_ok": True, "refusal_ok": not ok,
                                                     "article_rank": 1, "evidence": True},
        })  # fmt: skip
    summary = {"queries": len(queries), "answerable": len(queries), "k": 4, "model": "offline", "hit_at_1": 0.5,
               "hit_at_4": 1.0, "mrr": 0.75, "fact_recall": 0.5, "answer_p50_ms": 30.0}  # fmt: skip
    return {"summary": summary, "queries": queries}


def test_the_evaluation_page_holds_plotly_every_metric_and_every_question_escaped():
    page = eval_page.report_page(report_of(("q1", True), ("q2", False)))
    assert "https://" not in page.split("<script>", 2)[1][:200]  # plotly.js inline, not fetched
    assert page.count('class="question"') == 2 and 'data-outcome="fail"' in page and 'data-outcome="pass"' in page
    for label in ("hit@1", "hit@4", "MRR", "fact recall", "citation precision", "answer p95 ms"):
        assert f"<td>{label}</td>" in page
    assert "<script>alert(" not in page and "&lt;script&gt;alert(" in page
    assert "fact or other" in page and "refused an answerable question" in page


def test_the_comparison_page_shows_deltas_and_changed_questions():
    a, b = report_of(("q1", True), ("q2", True)), report_of(("q1", True), ("q2", False))
    b["summary"]["hit_at_1"], b["summary"]["answer_p50_ms"] = 0.75, 40.0
    page = eval_page.compare_page(a, b)
    assert "+0.250 ▲" in page and "+10.000 ▼" in page  # higher hit@1 is better, a slower answer worse
    assert "Questions whose outcome changed (1)" in page and page.count("<tr class=") == 1


def test_clicks_on_the_pictures_set_the_filters_or_open_the_quote(seeded_settings):
    from assistant.ui.staff_tab import StaffHandlers

    h = StaffHandlers(Assistant(seeded_settings))
    staff: dict = {}
    _shown, rows, _note, graph, timeline = h.table(staff, "", "any kind", "", "")
    metu = next(c[1] for c in nodes_of(graph).customdata if "(METU)" in c[1])
    org, since, until, _ = h.pick(staff, json.dumps({"data": ["org", metu], "n": 1}), rows, "", "", "")
    assert (org, since, until) == (f'"{metu}"', "", "")
    only = h.table(staff, org, "any kind", "", "")[1]
    assert only and all(metu in r["parties"] for r in only) and len(only) < len(rows)
    dated = next(c for t in timeline.data for c, y in zip(t.customdata, t.y, strict=True) if y and c[1] != "undated")
    _, since, until, _ = h.pick(staff, json.dumps({"data": list(dated), "n": 2}), rows, "", "", "")
    assert (since[:4], until[:4]) == (dated[1][:4], dated[1][:4])
    in_period = h.table(staff, "", "any kind", since, until)[1]
    assert in_period and all(since <= r["date"] <= until for r in in_period)
    quote = h.pick(staff, json.dumps({"data": ["row", 0], "n": 3}), rows, "", "", "")[3]
    assert "<mark" in quote and rows[0]["title"][:20] in quote
    for nonsense in ("", "not json", json.dumps({"data": ["row", 99], "n": 4}), json.dumps({"data": ["x"]})):
        assert h.pick(staff, nonsense, rows, "o", "s", "u")[:3] == ("o", "s", "u")


def test_pictures_as_files_from_the_command_line(seeded_settings, tmp_path):
    graph, timeline = tmp_path / "net.html", tmp_path / "out" / "when.html"
    proc = run_cli("partnerships", "--graph", str(graph), "--timeline", str(timeline))
    assert "Network of" in proc.stderr and graph.stat().st_size > 1_000_000  # plotly.js inside: opens offline
    assert "cdn.plot.ly" not in graph.read_text()[:2000] and "partnerships by" in timeline.read_text()
    bad = run_cli("partnerships", "--graph", str(tmp_path / "net.pdf"), check=False)
    assert bad.returncode != 0 and "name the file .html, .png or .svg" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.slow
def test_png_and_svg_are_drawn_by_a_local_chromium(seeded_settings, tmp_path):
    from .web import chromium_path

    chromium_path()  # kaleido draws with the machine's Chromium (installed by the tests' set-up)
    png, svg = tmp_path / "net.png", tmp_path / "when.svg"
    run_cli("partnerships", "--graph", str(png), "--timeline", str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert svg.read_text().lstrip().startswith("<svg") and "partnerships by" in svg.read_text()


def test_eval_pages_from_the_command_line_and_their_mistakes(seeded_settings, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(report_of(("q1", True))))
    b.write_text(json.dumps(report_of(("q1", False))))
    page = tmp_path / "cmp.html"
    run_cli("eval", "--compare", str(a), str(b), "--format", "html", "--output", str(page))
    assert "Questions whose outcome changed (1)" in page.read_text()
    nofile = run_cli("eval", "--compare", str(a), str(b), "--format", "html", check=False)
    assert nofile.returncode == 2 and "add --output FILE.html" in nofile.stderr
    (tmp_path / "other.json").write_text('{"not": "a report"}')
    other = run_cli("eval", "--compare", str(a), str(tmp_path / "other.json"), check=False)
    assert other.returncode == 2 and "not a report" in other.stderr and "Traceback" not in other.stderr
