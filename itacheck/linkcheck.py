"""Checking evidence links over the network, with httpx.

Every link is asked for with HEAD first (no body is sent back) and, when the server answers HEAD
with an error, with GET, whose answer counts (many servers refuse or mishandle HEAD); the body of a
GET is never read. Redirects are followed (at most 10) and reported. Each request waits at most
``timeout`` seconds for each step (connecting, sending, each piece of the answer) and each link at
most three times that in all, so a server that answers slowly or never cannot hold the check up;
at most ``concurrency`` links are checked at once, and at most ``PER_HOST`` on one server, which is
often the agency's own small web site. The reason a link could not be reached is said in words: a
time-out, a refused connection, an unknown host, or a TLS (certificate) error with its cause.

Results less than a day old are taken from the officer's cache (`itacheck.store.linkcache`).
httpx is imported here only: `itacheck status` and the TUI's start never load it.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from itacheck import __version__
from itacheck.domain.links import EvidenceLink, LinkResult, evidence_links
from itacheck.domain.model import Record
from itacheck.store.linkcache import fresh_results, remember

DEFAULT_TIMEOUT = 10.0
DEFAULT_CONCURRENCY = 8
PER_HOST = 4
MAX_REDIRECTS = 10
USER_AGENT = f"itacheck/{__version__} (evidence link check)"
#: Answers to HEAD after which GET is asked: the server may just not do HEAD properly.
_RETRY_WITH_GET = 400


def check_links(urls: Iterable[str], *, timeout: float = DEFAULT_TIMEOUT,
                concurrency: int = DEFAULT_CONCURRENCY) -> dict[str, LinkResult]:
    """The result for each of ``urls`` (http(s) addresses), checked concurrently."""
    return asyncio.run(_check_all(list(dict.fromkeys(urls)), timeout, concurrency))


async def _check_all(urls: list[str], timeout: float, concurrency: int) -> dict[str, LinkResult]:
    overall = asyncio.Semaphore(concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(follow_redirects=True, max_redirects=MAX_REDIRECTS, limits=limits,
                                 timeout=httpx.Timeout(timeout), headers={"User-Agent": USER_AGENT}) as client:
        async def one(url: str) -> LinkResult:
            host = hosts.setdefault(urlsplit(url).hostname or "", asyncio.Semaphore(PER_HOST))
            async with host, overall:  # a busy server holds up only its own links
                try:
                    return await asyncio.wait_for(_check(client, url), timeout * 3)
                except (asyncio.TimeoutError, httpx.TimeoutException):
                    return LinkResult(url, "unreachable", detail=f"timed out after {timeout:g} s")

        results = await asyncio.gather(*(one(url) for url in urls))
    return {r.url: r for r in results}


async def _check(client: httpx.AsyncClient, url: str) -> LinkResult:
    try:
        response = await _ask(client, "HEAD", url)
        if response.status_code >= _RETRY_WITH_GET:
            response = await _ask(client, "GET", url)
    except httpx.TooManyRedirects:
        return LinkResult(url, "unreachable", detail=f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise
    except httpx.HTTPError as exc:
        return LinkResult(url, "unreachable", detail=_why(exc))
    redirects = tuple((r.status_code, str(r.headers.get("location", ""))) for r in response.history)
    final = str(response.url)
    if response.status_code >= 300:
        return LinkResult(url, "dead", response.status_code, redirects, final, response.reason_phrase)
    return LinkResult(url, "moved" if redirects else "ok", response.status_code, redirects, final)


async def _ask(client: httpx.AsyncClient, method: str, url: str) -> httpx.Response:
    """The answer to ``method url``, its body left unread (only the status and address matter)."""
    async with client.stream(method, url) as response:
        return response


def _why(exc: httpx.HTTPError) -> str:
    """Why a link could not be reached, in words: the TLS error behind a failed connection, a
    refused connection, an unknown host, or the error's own message."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not accepted: {cause.verify_message or cause.reason}"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error: {cause.reason or cause}"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, OSError) and "Name or service not known" in str(cause):
            return "unknown host"
        cause = cause.__cause__ or cause.__context__
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return text


@dataclass(frozen=True)
class EvidenceCheck:
    """The evidence links of some records and what was found: ``results`` by address, ``cached`` of
    them from a check less than a day old; ``other`` are the links that are not http(s)."""

    links: list[EvidenceLink]
    other: list[EvidenceLink]
    results: dict[str, LinkResult]
    cached: int


def check_evidence(records: Iterable[Record], *, recheck: bool = False, timeout: float = DEFAULT_TIMEOUT,
                   concurrency: int = DEFAULT_CONCURRENCY) -> EvidenceCheck:
    """Check the web links of ``records``, taking results less than a day old from the cache
    unless ``recheck``, and remember the new ones."""
    links, other = evidence_links(records)
    urls = [link.url for link in links]
    cached = {} if recheck else fresh_results(urls)
    checked = check_links([u for u in urls if u not in cached], timeout=timeout, concurrency=concurrency)
    remember(checked.values())
    return EvidenceCheck(links, other, cached | checked, len(cached))
