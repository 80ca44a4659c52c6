"""Fetching a page or feed to import, with limits: http(s) only, a time limit for the whole fetch, a size
limit, a redirect limit, and no address inside the server's own network (loopback, private, link-local such
as 169.254.169.254, multicast, reserved) unless ASSISTANT_IMPORT_ALLOW_PRIVATE allows it.

Every hop of a redirect is checked again, so a public page cannot redirect into the server's network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..config import shown_url
from ..errors import FetchError, InvalidInputError

USER_AGENT = "news-assistant/0.1 (corpus import; +https://example.invalid/news-assistant)"
_SAVE_IT = "save the page in a browser and upload the file instead"


@dataclass
class Fetched:
    url: str  # the address after redirects
    content_type: str  # lower-cased, without parameters
    data: bytes
    charset: str | None = None


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False

    @classmethod
    def of(cls, settings) -> Limits:
        return cls(
            settings.import_timeout,
            int(settings.max_file_mb * 1024 * 1024),
            settings.import_max_redirects,
            settings.import_allow_private,
        )


def check_url(url: str, allow_private: bool = False) -> None:
    """InvalidInputError unless `url` is an http(s) address of a public host (or any host when allowed)."""
    try:
        parts = urlsplit((url or "").strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        raise InvalidInputError(f"{url!r} is not a web address", "write it as https://…") from None
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidInputError(
            f"{shown_url(url) if host else repr(url)} is not an http(s) address", "write it as https://…"
        )
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host {host} cannot be found", "check the address") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            raise InvalidInputError(
                f"{host} is an address inside this server's network ({ip}); imports fetch only public pages",
                "link a public page, or set ASSISTANT_IMPORT_ALLOW_PRIVATE=1 on a server you trust",
            )


def fetch(url: str, limits: Limits) -> Fetched:
    """GET `url` within `limits`; FetchError or InvalidInputError saying what went wrong and what to do."""
    import httpx

    deadline = time.monotonic() + limits.timeout
    seen: list[str] = []
    with httpx.Client(timeout=limits.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(limits.max_redirects + 1):
            check_url(url, limits.allow_private)
            seen.append(url)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    _check_status(response, url)
                    return _read(response, url, limits, deadline)
            except httpx.TimeoutException:
                raise _timed_out(url, limits) from None
            except httpx.HTTPError as e:
                raise FetchError(
                    f"{shown_url(url)} cannot be reached ({e.__class__.__name__})", f"check the address, or {_SAVE_IT}"
                ) from None
    loop = " (it redirects in a loop)" if len(set(seen)) < len(seen) else ""
    raise FetchError(
        f"{shown_url(seen[0])} redirects more than {limits.max_redirects} times{loop}",
        "link the article's final address",
    )


def _timed_out(url: str, limits: Limits) -> FetchError:
    return FetchError(f"{shown_url(url)} did not answer within {limits.timeout:g} s", f"try again later, or {_SAVE_IT}")


def _check_status(response, url: str) -> None:
    if response.status_code >= 400:
        what = {404: "not found", 410: "gone", 401: "needs a login", 403: "refused"}.get(response.status_code, "")
        raise FetchError(
            f"{shown_url(url)} answered HTTP {response.status_code}" + (f" ({what})" if what else ""),
            "check the address" if response.status_code < 500 else f"the site has a problem: try later, or {_SAVE_IT}",
        )
    if response.status_code >= 300:
        raise FetchError(f"{shown_url(url)} answered HTTP {response.status_code} without a new address", _SAVE_IT)


def _read(response, url: str, limits: Limits, deadline: float) -> Fetched:
    declared = int(response.headers.get("content-length") or 0)
    too_big = FetchError(
        f"{shown_url(url)} is larger than {limits.max_bytes / 1e6:.1f} MB",
        "link a smaller page, or raise ASSISTANT_MAX_FILE_MB",
    )
    if declared > limits.max_bytes:
        raise too_big
    data = bytearray()
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) > limits.max_bytes:
            raise too_big
        if time.monotonic() > deadline:
            raise _timed_out(url, limits)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return Fetched(str(response.url), content_type, bytes(data), response.charset_encoding)
