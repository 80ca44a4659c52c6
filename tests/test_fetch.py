"""Fetching pages to import, against a real HTTP server on loopback: limits on time, size and redirects,
http(s) only, and no way into the server's own network unless allowed."""

import pytest

from assistant.corpus.fetch import Limits, check_url, fetch
from assistant.errors import FetchError, InvalidInputError

from .servers import news_site

OPEN = Limits(timeout=2.0, max_bytes=200_000, max_redirects=3, allow_private=True)  # loopback is the test's site


@pytest.fixture(scope="module")
def site():
    with news_site() as s:
        yield s


def test_a_page_is_fetched_with_its_type(site):
    got = fetch(f"{site.base}/page01.html", OPEN)
    assert got.content_type == "text/html" and got.charset == "utf-8" and b"<html" in got.data.lower()


def test_a_redirect_is_followed_to_the_page(site):
    got = fetch(f"{site.base}/moved.html", OPEN)
    assert got.url == f"{site.base}/page01.html"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", r"answered HTTP 404 \(not found\); check the address"),
        ("/broken.html", r"answered HTTP 500; the site has a problem"),
        ("/loop.html", r"redirects more than 3 times \(it redirects in a loop\)"),
    ],
)
def test_error_statuses_and_redirect_loops_say_what_happened(site, path, message):
    with pytest.raises(FetchError, match=message):
        fetch(site.base + path, OPEN)


def test_a_slow_site_times_out(site):
    with pytest.raises(FetchError, match=r"did not answer within 0.5 s"):
        fetch(f"{site.base}/slow.html", Limits(timeout=0.5, allow_private=True))


def test_a_page_over_the_size_limit_is_not_read_whole(site):
    with pytest.raises(FetchError, match=r"larger than 0.0 MB.*ASSISTANT_MAX_FILE_MB"):
        fetch(f"{site.base}/page01.html", Limits(max_bytes=1000, allow_private=True))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_addresses_inside_the_servers_network_are_refused(url):
    with pytest.raises(InvalidInputError, match=r"inside this server's network.*ASSISTANT_IMPORT_ALLOW_PRIVATE"):
        check_url(url)


def test_a_public_page_cannot_redirect_into_the_servers_network(site, monkeypatch):
    """Every hop is checked: the first (the test's loopback site, standing in for a public one) is let through,
    the redirect to the cloud metadata address is refused."""
    import assistant.corpus.fetch as f

    checked = []
    real = f.check_url

    def check(url, allow_private=False):
        checked.append(url)
        return real(url, allow_private=len(checked) == 1)

    monkeypatch.setattr(f, "check_url", check)
    with pytest.raises(InvalidInputError, match=r"169\.254\.169\.254"):
        fetch(f"{site.base}/to-metadata.html", Limits(allow_private=False))
    assert checked == [f"{site.base}/to-metadata.html", "http://169.254.169.254/latest/meta-data/"]


@pytest.mark.parametrize("url", ["ftp://example.org/a.html", "file:///etc/passwd", "javascript:alert(1)", "news"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(InvalidInputError, match=r"not an http\(s\) address"):
        check_url(url, allow_private=True)
