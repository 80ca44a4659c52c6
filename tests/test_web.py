"""The students' web chat as they use it: `assistant serve` driven by a real headless Chromium, and by
10 simultaneous sessions; a slow or failing LLM for one student leaves the others served."""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import SEEDS
from .servers import OpenAIStub, openai_server
from .web import CHROMIUM_ARGS, chromium_path, web_chat

# An article a stranger could add: markup and a javascript: link inside its text must stay text.
HOSTILE_ARTICLE = """Robotics club wins regional contest

Students of the Karaganda robotics club built a solar-powered rover called \
<img src=x onerror="window.__pwned=3">Sunny and won the regional contest on 12 March 2025.
<script>window.__pwned=2</script>

The club leader said the rover was built in six weeks. [Read more](javascript:window.__pwned=4)
"""
PWNED = "() => window.__pwned === undefined ? null : window.__pwned"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    corpus.mkdir()
    for seed in SEEDS.iterdir():
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "robotics.txt").write_text(HOSTILE_ARTICLE)
    with web_chat(corpus, root / "store") as url:
        yield url, root / "store"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def ask(page, question: str) -> str:
    """Type a question, press Enter, wait for the checked answer; the last bot message's text."""
    before = page.locator("[data-testid='bot']").count()
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_function(
        """n => { const bots = document.querySelectorAll("[data-testid='bot']");
                  if (bots.length <= n) return false;
                  const t = bots[bots.length - 1].innerText;
                  return ['Sources', 'Not in the news corpus', 'could not be'].some(s => t.includes(s)); }""",
        arg=before,
        timeout=60_000,
    )
    return page.locator("[data-testid='bot']").last.inner_text()


@pytest.mark.slow
def test_a_student_asks_follows_up_opens_a_source_rates_and_nothing_runs(site, browser):
    url, store = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("#question textarea")

    answer = ask(page, "Who opened the ESG session at METU?")
    assert "Akpanbetov" in answer and "[1]" in answer and "Sources" in answer
    first = page.locator("#evidence details.source").first
    assert "Practical Session" in first.locator("summary").inner_text()
    first.locator("summary").click()
    mark = first.locator("mark")
    mark.wait_for(state="visible")
    assert "Akpanbetov" in mark.inner_text()

    follow_up = ask(page, "What agreement was signed there?")
    assert "Zhasyl Almaty" in follow_up

    page.locator("[data-testid='bot']").last.hover()
    page.get_by_label("Dislike").last.click()
    page.wait_for_selector("#comment textarea", state="visible")
    page.fill("#comment textarea", "Please also say when it was signed.")
    page.keyboard.press("Enter")
    page.wait_for_selector("#comment textarea", state="hidden")
    lines = [json.loads(x) for x in (store / "feedback.jsonl").read_text().splitlines()]
    assert lines[0]["rating"] == "down" and lines[0]["question"] == "What agreement was signed there?"
    assert lines[0]["history"][0]["content"] == "Who opened the ESG session at METU?"
    assert lines[-1]["comment"] == "Please also say when it was signed."

    typed = '<img src=x onerror="window.__pwned=1"> what is <b>this</b>?'
    ask(page, typed)
    assert page.locator("[data-testid='user']").last.inner_text().strip() == typed  # shown as typed, as text

    hostile = ask(page, "What is the solar-powered rover of the Karaganda robotics club called?")
    assert "<img src=x" in hostile  # the article's markup is shown as text
    page.locator("#evidence details.source summary").first.click()
    article = page.locator("#evidence details.source .article-text").first.inner_text()
    assert "<script>window.__pwned=2</script>" in article and "[Read more](javascript:" in article
    assert page.locator("[data-testid='bot'] img[src='x'], #evidence img, #evidence script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    time.sleep(0.5)  # give any injected handler the chance to run
    assert page.evaluate(PWNED) is None and dialogs == []
    page.close()


@pytest.mark.slow
def test_the_page_lists_the_corpus_and_starts_from_an_example(site, browser):
    url, _ = site
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone-width window
    page.goto(url)
    page.get_by_text("What is in the corpus").click()
    page.wait_for_selector("#corpus table.corpus tr >> nth=6")  # header + 6 articles
    assert "Robotics club wins regional contest" in page.locator("#corpus").inner_text()
    example = page.locator("#examples button").first
    example.wait_for()
    asked = example.inner_text()
    before = page.locator("[data-testid='bot']").count()
    example.click()
    page.wait_for_function("n => document.querySelectorAll(\"[data-testid='bot']\").length > n", arg=before)
    page.wait_for_function(
        "() => { const b = document.querySelectorAll(\"[data-testid='bot']\");"
        " return b[b.length - 1].innerText.includes('Sources'); }",
        timeout=60_000,
    )
    shown = page.locator("[data-testid='user']").last.inner_text().strip()
    assert shown.startswith(asked.strip().rstrip(".…"))  # the chip may show its question cut short
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # nothing wider than the phone
    page.close()


def client_answer(url: str, question: str, model: str = "offline") -> str:
    from gradio_client import Client

    client = Client(url, verbose=False)
    _, chat, _ = client.submit(question, [], 6, model, api_name="/chat").result(timeout=120)
    return " ".join(block["text"] for block in chat[-1]["content"] if block.get("type") == "text")


@pytest.mark.slow
def test_ten_students_at_once_all_get_their_answers(site):
    url, _ = site
    questions = [
        "Who opened the ESG session at METU?",
        "What agreement was signed at METU?",
        "How many applications with business plans were submitted to the Belesteri project?",
        "Who is the director of METU College?",
        "When was the seminar on education for sustainable development held in Almaty?",
    ] * 2
    expected = ["Akpanbetov", "Zhasyl Almaty", "650", "Shalabayeva", "2023"] * 2
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda q: client_answer(url, q), questions))
    for question, answer, fact in zip(questions, answers, expected, strict=True):
        assert fact in answer and "Sources" in answer, (question, answer)


@pytest.mark.slow
def test_a_slow_or_failing_llm_for_one_student_leaves_the_others_served(tmp_path):
    release = threading.Event()

    def replies(messages):
        user = messages[-1]["content"]
        if "Belesteri" in user:
            release.wait(60)  # this student's LLM answer is slow
        for block in user.split("<passages>")[1].split("</passages>")[0].split("\n\n["):
            if "Shalabayeva" in block:
                return f"The director of METU College is Shalabayeva M.H. [{block.lstrip('[').split(']')[0]}]"
        return "NOT_IN_CORPUS"

    stub = OpenAIStub()
    stub.chat = replies
    with openai_server(stub) as llm_url:
        env = {
            "ASSISTANT_LLM": "openai",
            "OPENAI_BASE_URL": llm_url,
            "ASSISTANT_LLM_MAX_RETRIES": "0",
            "ASSISTANT_LLM_TIMEOUT": "90",
            "ASSISTANT_LLM_MODEL": "stub",
        }
        with web_chat(SEEDS, tmp_path / "store", env) as url, ThreadPoolExecutor(max_workers=3) as pool:
            question = "How many business plans were submitted to the Belesteri project?"
            slow = pool.submit(client_answer, url, question, "openai")
            time.sleep(1.0)
            started = time.monotonic()
            fast = client_answer(url, "Who is the director of METU College?", "openai")
            assert "The director of METU College is Shalabayeva M.H." in fast  # the LLM's own words
            assert time.monotonic() - started < 30 and not slow.done()
            stub.fail_status = 500
            failed = client_answer(url, "Who is the director of METU College?", "openai")
            assert "could not be answered" in failed and "HTTP 500" in failed  # a message in that student's chat
            stub.fail_status = None
            assert "Shalabayeva" in client_answer(url, "Who is the director of METU College?", "openai")
            release.set()
            assert "Sources" in slow.result(timeout=120) or "Not in the news corpus" in slow.result(timeout=120)


def _names_outside_examples(page, name: str) -> bool:
    """Whether the page holds `name` anywhere but the students' example questions (which may ask about it)."""
    return page.evaluate(
        """name => { const b = document.body.cloneNode(true);
                     b.querySelectorAll('#examples').forEach(e => e.remove()); return b.innerHTML.includes(name); }""",
        name,
    )


@pytest.mark.slow
def test_staff_sign_in_filter_open_a_quote_draft_and_download_the_docx(browser, tmp_path):
    import docx

    with web_chat(SEEDS, tmp_path / "store", {"ASSISTANT_STAFF_PASSWORD": "s3cret-staff"}) as url:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.goto(url)
        page.get_by_role("tab", name="Partnerships").click()
        page.wait_for_selector("#staff-password input")
        assert not _names_outside_examples(page, "Zhasyl")  # nothing of the table before signing in
        page.fill("#staff-user textarea", "anna")
        page.fill("#staff-password input", "wrong")
        page.click("#staff-sign-in")
        page.wait_for_function("() => document.body.innerText.includes('Wrong user name or password')")
        assert not _names_outside_examples(page, "Zhasyl")
        assert "next try for this name waits 1 s" in page.inner_text("#staff-login")  # guessing gets slower
        page.wait_for_timeout(1100)
        page.fill("#staff-password input", "s3cret-staff")
        page.click("#staff-sign-in")
        page.wait_for_selector("#staff-tools", state="visible")
        # the whole table arrives after sign-in; filtering before it lands would race it (it could land last)
        page.wait_for_function("() => document.querySelectorAll('#staff-table [role=gridcell]').length > 12")
        page.fill("#staff-org textarea", "METU")
        page.click("#staff-show")
        page.wait_for_function(  # then the two METU rows of six columns
            "() => document.querySelectorAll('#staff-table [role=gridcell]').length === 12"
        )
        cells = page.locator("#staff-table [role=gridcell]")
        assert "Zhasyl" in page.inner_text("#staff-table") and "Belesteri" not in page.inner_text("#staff-table")
        cells.nth(3).click()
        page.wait_for_selector("#staff-quote mark")
        assert "memorandum of cooperation" in page.inner_text("#staff-quote mark")
        page.click("#staff-draft")
        page.wait_for_function(
            "() => document.querySelector('#staff-draft-text textarea').value.includes('Partnerships of METU')"
        )
        page.fill(
            "#staff-draft-text textarea",
            page.input_value("#staff-draft-text textarea").replace("in the news", "— draft for the rector"),
        )
        page.wait_for_timeout(1000)  # the edited text becomes the files
        with page.expect_download() as download:
            page.click("#staff-docx")
        saved = tmp_path / "downloaded.docx"
        download.value.save_as(saved)
        paragraphs = [p.text for p in docx.Document(str(saved)).paragraphs]
        assert paragraphs[0] == "Partnerships of METU — draft for the rector"  # the edit is in the file
        assert any("Zhasyl Almaty" in p for p in paragraphs)
        context.close()
