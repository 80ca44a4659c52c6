"""The pictures as people see them: `assistant serve` and the evaluation page in a real headless Chromium.

The corpus is the seeds plus one article whose party, title and quote hold markup and quotes, so every
picture is checked to show such names as text (tooltips included) and to run nothing."""

import json
import shutil

import pytest

from .cli import run_cli
from .conftest import SEEDS
from .test_web import browser  # noqa: F401 - the module's Chromium
from .web import web_chat

HOSTILE_PARTY = "Bright <script>window.__pwned=1</script> Future Foundation"
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=2"> Memo "signed" <script>window.__pwned=3</script>'
HOSTILE_TEXT = (
    'A memorandum of cooperation was signed on 3 March 2026 between the "Bright <script>window.__pwned=1</script> '
    'Future" Foundation and the Steppe University of Technology to open a joint laboratory for "clean <b>water</b>".'
)
DOWN_RATED = "Who <script>window.__pwned=4</script> runs the lab?"


def feedback_lines() -> str:
    """Ratings as the chat records them (feedback.py): one question rated down twice, another once, one up."""
    entries = [
        ("f1", "2026-02-01T09:00:00+00:00", "down", DOWN_RATED, "The <b>lab</b> answer."),
        ("f2", "2026-02-11T09:00:00+00:00", "down", DOWN_RATED, "Second <i>answer</i>."),
        ("f3", "2026-03-02T09:00:00+00:00", "down", "When was it signed?", "On 3 March."),
        ("f4", "2026-03-05T09:00:00+00:00", "up", "When was it signed?", "On 3 March 2026."),
    ]
    return "".join(
        json.dumps({"id": i, "time": t, "rating": r, "comment": "", "question": q, "history": [], "answer": a,
                    "refused": False, "citations": [{"article": "090_hostile", "quote": "signed"}],
                    "model": "offline-extractive", "embedding": "e5"}) + "\n"
        for i, t, r, q, a in entries
    )  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictures-web")
    corpus = shutil.copytree(SEEDS, root / "corpus")
    (corpus / "090_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / "090_hostile.meta.json").write_text(json.dumps({"title": HOSTILE_TITLE, "date": "2026-03-03"}))
    store = root / "store"
    store.mkdir()
    (store / "feedback.jsonl").write_text(feedback_lines(), encoding="utf-8")
    env = {"ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_STORE_DIR": str(store)}
    with web_chat(corpus, store, {"ASSISTANT_FEED_POLL_MINUTES": "0"}) as url:
        yield url, env


def plot_data(page, plot_id: str) -> list[dict]:
    """The traces the page's Plotly chart holds (what it draws)."""
    page.wait_for_function(f"() => document.querySelector('#{plot_id} .js-plotly-plot')?.data?.length > 0")
    return page.evaluate(
        f"""() => document.querySelector('#{plot_id} .js-plotly-plot').data.map(t => ({{
            name: t.name, mode: t.mode, type: t.type, x: t.x, y: t.y, customdata: t.customdata }}))"""
    )


def table_rows(page, table_id: str, columns: int) -> list[list[str]]:
    cells = page.locator(f"#{table_id} [role=gridcell]").all_inner_texts()
    return [cells[i : i + columns] for i in range(0, len(cells), columns)]


def hover_point(page, selector: str, expect: str) -> str:
    """Move the mouse onto an SVG point (Plotly's drag layer is above it) until the tooltip shows `expect`;
    the tooltip's text."""
    box = page.locator(selector).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    holder = selector.split(" ", maxsplit=1)[0]
    tip = f"document.querySelector('{holder} .hoverlayer')?.textContent ?? ''"
    for _ in range(5):  # Plotly throttles hover: a move it skipped is made again
        page.mouse.move(x - 2, y)
        page.mouse.move(x, y)
        try:
            page.wait_for_function(f"t => ({tip}).includes(t)", arg=expect, timeout=3_000)
            break
        except Exception:  # retried; the check below then fails with the text seen
            continue
    text = page.evaluate(f"() => {tip}")
    assert expect in text, text
    return text


def click_point(page, selector: str, expect: str) -> None:
    """Hover first, as a person does (Plotly clicks the point its hover found), then click."""
    hover_point(page, selector, expect)
    page.mouse.down()
    page.mouse.up()


def partnership_rows(env) -> list[dict]:
    return json.loads(run_cli("partnerships", "--json", env=env).stdout)


def staff_page(browser, url):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(url)
    page.get_by_role("tab", name="Partnerships").click()
    return page


def partnerships_open(served, browser):  # noqa: F811
    """The table's rows (from the CLI) and a page on the Partnerships tab showing all of them."""
    url, env = served
    rows = partnership_rows(env)
    page = staff_page(browser, url)
    wait_table(page, len(rows))
    return rows, page


def wait_table(page, n: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('#staff-table [role=gridcell]').length === n", arg=n * 6, timeout=60_000
    )


@pytest.mark.slow
def test_the_network_has_a_node_per_party_shows_names_on_hover_and_a_click_filters_the_table(served, browser):  # noqa: F811
    url, env = served
    rows = partnership_rows(env)
    parties = {p for r in rows for p in r["parties"]}
    page = staff_page(browser, url)
    wait_table(page, len(rows))
    traces = plot_data(page, "staff-network")
    nodes = next(t for t in traces if t["name"] == "organisations")
    names = [c[1] for c in nodes["customdata"]]
    assert len(names) == len(set(names)) and set(names) == parties

    points = "#staff-network .scatterlayer .trace:last-child .point"
    assert page.locator(points).count() == len(parties)
    target = names.index(HOSTILE_PARTY)
    tip = hover_point(page, f"{points} >> nth={target}", HOSTILE_PARTY)
    assert HOSTILE_PARTY in tip and "1 partnership" in tip  # the name as text, markup and all

    chosen = names[0]  # the largest body
    click_point(page, f"{points} >> nth=0", chosen)
    expected = [r for r in rows if chosen in r["parties"]]
    wait_table(page, len(expected))
    assert page.input_value("#staff-org :is(textarea, input)") == f'"{chosen}"'
    assert all(chosen in row[3] for row in table_rows(page, "staff-table", 6))
    filtered = next(t for t in plot_data(page, "staff-network") if t["name"] == "organisations")
    assert chosen in [c[1] for c in filtered["customdata"]] and len(filtered["customdata"]) < len(names)
    assert page.evaluate("() => window.__pwned") is None
    page.close()


@pytest.mark.slow
def test_a_links_point_opens_its_quote_and_the_tooltip_shows_markup_as_text(served, browser):  # noqa: F811
    rows, page = partnerships_open(served, browser)
    traces = plot_data(page, "staff-network")
    middles = [(i, t) for i, t in enumerate(traces) if t["mode"] == "markers" and t["name"] != "organisations"]
    trace, point = next((i, j) for i, t in middles for j, c in enumerate(t["customdata"])
                        if rows[c[1]]["article"] == "090_hostile")  # fmt: skip
    selector = f"#staff-network .scatterlayer .trace >> nth={trace} >> .point >> nth={point}"
    tip = hover_point(page, selector, "click to open the quote")
    assert "<img src=x" in tip and '"signed"' in tip and "<b>water</b>" in tip
    click_point(page, selector, "click to open the quote")
    page.wait_for_function("() => document.querySelector('#staff-quote mark') !== null", timeout=30_000)
    assert "memorandum of cooperation" in page.inner_text("#staff-quote mark")
    assert page.locator("img[src=x]").count() == 0 and page.evaluate("() => window.__pwned") is None
    page.close()


@pytest.mark.slow
def test_the_timeline_adds_up_to_the_table_and_a_bar_filters_its_period(served, browser):  # noqa: F811
    rows, page = partnerships_open(served, browser)
    bars = plot_data(page, "staff-timeline")
    assert sum(sum(t["y"]) for t in bars) == len(rows) == len(table_rows(page, "staff-table", 6))
    periods = bars[0]["x"]
    dated = next(i for i, p in enumerate(periods) if p != "undated" and sum(t["y"][i] for t in bars))
    trace = next(n for n, t in enumerate(bars) if t["y"][dated])
    period = periods[dated]
    click_point(page, f"#staff-timeline .barlayer .trace >> nth={trace} >> .point >> nth={dated}", period)
    in_period = [r for r in rows if (r["date"] or "").startswith(period)]
    wait_table(page, len(in_period))
    since, until = (page.input_value(f"#staff-{box} :is(textarea, input)") for box in ("since", "until"))
    assert since.startswith(period) and until.startswith(period)
    assert sorted(row[1] for row in table_rows(page, "staff-table", 6)) == sorted(r["date"] for r in in_period)
    page.close()


@pytest.mark.slow
def test_the_corpus_over_time_counts_every_article_for_students_and_staff(served, browser):  # noqa: F811
    url, env = served
    articles = len(json.loads(run_cli("corpus", "--json", env=env).stdout))
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(url)
    page.get_by_text("What is in the corpus").click()
    student = plot_data(page, "corpus-over-time")
    assert sum(sum(t["y"]) for t in student) == articles == 6
    page.get_by_role("tab", name="Corpus").click()
    page.get_by_text("The corpus over time").click()
    assert sum(sum(t["y"]) for t in plot_data(page, "corpus-chart")) == articles
    page.close()


@pytest.mark.slow
def test_feedback_at_a_glance_opens_the_answer_rated_down_most(served, browser):  # noqa: F811
    url, _env = served
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(url)
    page.get_by_role("tab", name="Feedback").click()
    ratings = {t["name"]: sum(t["y"]) for t in plot_data(page, "feedback-chart")}
    assert ratings == {"rated up": 1, "rated down": 3}
    page.wait_for_function("() => document.querySelectorAll('#feedback-table [role=gridcell]').length === 10")
    worst = table_rows(page, "feedback-table", 5)
    assert [(r[1], r[2], r[3]) for r in worst] == [(DOWN_RATED, "2", "0"), ("When was it signed?", "1", "1")]
    page.locator("#feedback-table [role=gridcell]").nth(1).click()
    page.wait_for_function("() => document.querySelector('#feedback-answer').innerText.includes('Second')")
    shown = page.inner_text("#feedback-answer")
    assert "Second <i>answer</i>." in shown and DOWN_RATED in shown and "090_hostile" in shown
    assert page.evaluate("() => window.__pwned") is None
    page.close()


QUERIES = """queries:
  - id: memo-aim
    question: What is the aim of the memorandum between METU and Zhasyl Almaty?
    sources: [000_fc73a623d024f7d6]
    expect: [[environmental initiatives, urban environment]]
  - id: hostile-fails
    question: Which <script>window.__pwned=5</script> "laboratory" will Steppe University open?
    sources: [090_hostile]
    expect: [[a fact no answer states, zebra crossings]]
  - id: not-in-corpus
    question: What is the capital of Peru?
    sources: []
    expect: []
"""


@pytest.mark.slow
def test_the_evaluation_page_opens_offline_with_every_metric_and_question(served, browser, tmp_path):  # noqa: F811
    _url, env = served
    queries = tmp_path / "queries.yaml"
    queries.write_text(QUERIES, encoding="utf-8")
    page_file, data = tmp_path / "report.html", tmp_path / "report.json"
    run_cli("eval", str(queries), "--output", str(data), env=env)
    run_cli("eval", str(queries), "--format", "html", "--output", str(page_file), env=env)
    report = json.loads(data.read_text())
    from assistant.evaluation.report import METRIC_ROWS, passed

    context = browser.new_context()
    asked = []

    def offline(route) -> None:  # the page itself, and no network at all
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", offline)
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
    assert asked == []  # nothing fetched: plotly.js is in the page
    metrics = page.inner_text("#metrics")
    k = report["summary"]["k"]
    assert all(label.format(k=k) in metrics for _, label in METRIC_ROWS)
    rows = page.locator("#questions tr.question")
    assert rows.count() == 3 and [rows.nth(i).locator("td").first.inner_text() for i in range(3)] == [
        "memo-aim", "hostile-fails", "not-in-corpus"]  # fmt: skip
    assert "<script>window.__pwned=5</script>" in page.inner_text("#questions")
    failing = {e["id"] for e in report["queries"] if not passed(e)}
    assert "hostile-fails" in failing
    page.select_option("#outcome-filter", "fail")
    visible = [rows.nth(i).locator("td").first.inner_text() for i in range(3) if rows.nth(i).is_visible()]
    assert set(visible) == failing
    assert page.evaluate("() => window.__pwned") is None
    context.close()
