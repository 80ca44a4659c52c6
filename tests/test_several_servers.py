"""Several app servers behind a balancer, over one real `chroma run`: two `assistant serve` processes, each with
its own empty store folder, the same corpus folder and Chroma server. Requests alternate between them; what one
records (feedback, a staff sign-in or sign-out, an added article) the other sees; one killed mid-request leaves
the other serving."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from .cli import run_cli
from .conftest import SEEDS
from .documents import MEMO, MEMO_TITLE, pdf_bytes
from .servers import chroma_server
from .test_web import browser  # noqa: F401 - the module's Chromium
from .web import app_server

pytestmark = pytest.mark.server

PASSWORD = "s3cret-staff"
KEY = "api-key-of-the-test"
QUESTION = "Who opened the ESG session at METU?"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """(URL of A, URL of B, A's process, environment without a store folder, root folder)."""
    root = tmp_path_factory.mktemp("two-servers")
    corpus = shutil.copytree(SEEDS, root / "corpus")
    with chroma_server(root / "chroma-data") as chroma:
        env = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(corpus),
            "ASSISTANT_CHROMA_URL": chroma,
            "ASSISTANT_STAFF_PASSWORD": PASSWORD,
            "ASSISTANT_API_KEY": KEY,
            "ASSISTANT_FEED_POLL_MINUTES": "0",
        }
        run_cli("ingest", env={**env, "ASSISTANT_STORE_DIR": str(root / "ingested-here")})
        with (
            app_server({**env, "ASSISTANT_STORE_DIR": str(root / "store-a")}, root) as (a, proc_a),
            app_server({**env, "ASSISTANT_STORE_DIR": str(root / "store-b")}, root) as (b, _),
        ):
            yield a, b, proc_a, env, root


def complete(url: str, question: str = QUESTION) -> dict:
    body = {"model": "news-assistant", "messages": [{"role": "user", "content": question}]}
    reply = httpx.post(f"{url}/v1/chat/completions", json=body, headers=AUTH, timeout=120)
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_feedback_given_on_one_server_is_listed_on_the_other_and_by_the_cli(pair):
    a, b, _, env, root = pair
    ids = [complete(url)["id"] for url in (a, b, a)]  # alternating, as a balancer sends them
    for answer_id, url, rating in zip(ids, (b, a, b), ("down", "up", "down"), strict=True):  # rated elsewhere
        rated = httpx.post(f"{url}/v1/feedback", json={"id": answer_id, "rating": rating}, headers=AUTH)
        assert rated.status_code == 200 and rated.json()["rating"] == rating, rated.text
    on_a = httpx.get(f"{a}/v1/feedback", headers=AUTH).json()["data"]
    on_b = httpx.get(f"{b}/v1/feedback", headers=AUTH).json()["data"]
    assert [e["id"] for e in on_a] == [e["id"] for e in on_b] == ids
    assert all("Akpanbetov" in e["answer"] and e["citations"] for e in on_a)
    elsewhere = {**env, "ASSISTANT_STORE_DIR": str(root / "a-third-machine")}  # nothing local: all from Chroma
    listed = json.loads(run_cli("feedback", "--json", env=elsewhere).stdout)
    assert [e["id"] for e in listed] == ids and [e["rating"] for e in listed] == ["down", "up", "down"]
    assert not (root / "store-a" / "feedback.jsonl").exists() and not (root / "store-b" / "feedback.jsonl").exists()


def session_cookie(context, page) -> dict:
    """The staff session cookie, once the page has set it (bounded wait)."""
    for _ in range(100):
        found = [c for c in context.cookies() if c["name"] == "staff_session"]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError("the sign-in set no session cookie")


@pytest.mark.slow
def test_a_sign_in_an_article_and_a_sign_out_move_between_servers(pair, browser, tmp_path):  # noqa: F811
    a, b, *_ = pair
    staff = browser.new_context(viewport={"width": 1400, "height": 1300})
    on_a = staff.new_page()
    on_a.goto(a)
    on_a.get_by_role("tab", name="Partnerships").click()
    on_a.fill("#staff-user textarea", "anna")
    on_a.fill("#staff-password input", PASSWORD)
    on_a.click("#staff-sign-in")
    on_a.wait_for_selector("#staff-tools", state="visible")
    cookie = session_cookie(staff, on_a)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"  # page scripts cannot read it
    token = cookie["value"]

    # the same browser on the other server: signed in without signing in again
    on_b = staff.new_page()
    on_b.goto(b)
    on_b.get_by_role("tab", name="Partnerships").click()
    on_b.wait_for_selector("#staff-tools", state="visible")
    assert "Signed in as anna" in on_b.inner_text("#staff-signed-in")
    assert not on_b.locator("#staff-login").is_visible()

    # an article added through A's Corpus tab is answered from on B
    memo = tmp_path / "water-memorandum.pdf"
    memo.write_bytes(pdf_bytes(MEMO_TITLE, MEMO))
    on_a.get_by_role("tab", name="Corpus").click()
    on_a.wait_for_selector("#corpus-tools", state="visible")
    on_a.set_input_files("#corpus-files input[type=file]", str(memo))
    on_a.wait_for_timeout(500)
    on_a.click("#corpus-add")
    on_a.wait_for_function(
        "() => document.querySelector('#corpus-status').innerText.includes('indexed)')", timeout=120_000
    )
    answer = complete(b, "How many hydrologists a year will Karaganda Technical University train?")
    assert "40" in answer["choices"][0]["message"]["content"]
    assert any(MEMO_TITLE[:40] in c["title"] for c in answer["citations"])
    on_b.reload()  # B's audit log (shared) names the change made on A
    on_b.get_by_role("tab", name="Corpus").click()
    on_b.get_by_text("Audit log").click()
    on_b.wait_for_function("() => (document.querySelector('#corpus-log')?.innerText || '').includes('added')")
    assert "anna" in on_b.inner_text("#corpus-log")

    # a sign-out on B ends the session on A too: its tools refuse, its upload route refuses the old cookie
    on_b.get_by_role("tab", name="Partnerships").click()
    on_b.click("#staff-sign-out")
    on_b.wait_for_selector("#staff-login", state="visible")
    on_a.get_by_role("tab", name="Partnerships").click()
    on_a.click("#staff-show")
    on_a.wait_for_function("() => document.querySelector('#staff-tools').innerText.includes('Sign in first')")
    upload = httpx.post(f"{a}/gradio_api/upload", cookies={"staff_session": token}, files={"files": b"x"})
    assert upload.status_code == 401
    on_a.reload()
    on_a.get_by_role("tab", name="Partnerships").click()
    on_a.wait_for_selector("#staff-login", state="visible")
    staff.close()


def test_one_server_killed_mid_request_the_other_keeps_serving(pair):
    a, b, proc_a, _, _ = pair
    kept = complete(a)["id"]  # given by A, rated on B after A is gone
    outcomes: list[str] = []
    started = threading.Event()

    def client(n: int) -> str:
        started.set()
        try:
            complete(a, f"{QUESTION} ({n})")
            return "answered"
        except (httpx.TransportError, AssertionError):
            return "cut off"

    with ThreadPoolExecutor(8) as pool:
        running = [pool.submit(client, n) for n in range(40)]
        started.wait(30)
        os.kill(proc_a.pid, signal.SIGKILL)
        outcomes = [f.result(timeout=120) for f in running]
    proc_a.wait(timeout=30)
    assert "cut off" in outcomes  # A died with requests in flight; none of them hung
    answers = [complete(b)["choices"][0]["message"]["content"] for _ in range(5)]
    assert all("Akpanbetov" in text for text in answers)
    rated = httpx.post(f"{b}/v1/feedback", json={"id": kept, "rating": "up"}, headers=AUTH)
    assert rated.status_code == 200 and httpx.get(f"{b}/healthz").status_code == 200
