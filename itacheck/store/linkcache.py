"""Link check results, kept for a day in the officer's own cache (``~/.cache/itacheck/links.json``).

Not in the data directory, on purpose. That directory may be shared by a whole group, and any
member can replace any file in it (docs/reliability.md): a cache there could be edited to call a
dead link alive before the report goes out, or to raise false alarms, and every officer's check
would rewrite a file the others read. The results are no evidence, cost only a few seconds to
remake and say how the network looked from this account, so each officer keeps their own, private
(0600 in a 0700 folder), and a damaged or foreign cache file is simply ignored and replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from itacheck.domain.links import LinkResult
from itacheck.locations import cache_dir
from itacheck.store.errors import StoreError
from itacheck.store.nofollow import Role, read_regular
from itacheck.store.safefile import atomic_write_bytes, make_dir

CACHE_FILE = "links.json"
FRESH_FOR = timedelta(days=1)
MAX_CACHE_FILE = 16 * 2**20
LINK_CACHE = Role("แคชผลตรวจลิงก์", "the link check cache")
_FORMAT = 1


def cache_path() -> Path:
    return cache_dir() / CACHE_FILE


def fresh_results(urls: Iterable[str], now: datetime | None = None) -> dict[str, LinkResult]:
    """The cached results for ``urls`` that are less than a day old."""
    now = now or datetime.now(timezone.utc)
    entries = _entries()
    fresh = {}
    for url in urls:
        entry = entries.get(url)
        result = _result(url, entry, now) if isinstance(entry, dict) else None
        if result is not None:
            fresh[url] = result
    return fresh


def remember(results: Iterable[LinkResult], now: datetime | None = None) -> None:
    """Add ``results`` to the cache (dropping entries more than a day old). A cache that cannot be
    written is no reason to fail a check: the results were shown all the same."""
    now = now or datetime.now(timezone.utc)
    entries = {url: e for url, e in _entries().items() if isinstance(e, dict) and _result(url, e, now)}
    for r in results:
        entries[r.url] = {"checked": now.isoformat(), "kind": r.kind, "status": r.status,
                          "redirects": [list(x) for x in r.redirects], "final": r.final_url, "detail": r.detail}
    data = json.dumps({"format": _FORMAT, "links": entries}, ensure_ascii=False).encode("utf-8")
    try:
        make_dir(cache_dir())
        atomic_write_bytes(cache_path(), data, 0o600)
    except (OSError, StoreError):
        pass


def _entries() -> dict[str, object]:
    try:
        raw = read_regular(cache_path(), LINK_CACHE, MAX_CACHE_FILE)
        doc = json.loads(raw) if raw else {}
    except (OSError, StoreError, ValueError):
        return {}
    if not isinstance(doc, dict) or doc.get("format") != _FORMAT or not isinstance(doc.get("links"), dict):
        return {}
    return doc["links"]


def _result(url: str, entry: dict, now: datetime) -> LinkResult | None:
    """The result an entry holds while it is fresh; None when stale or malformed."""
    try:
        checked = datetime.fromisoformat(entry["checked"])
        if not timedelta(0) <= now - checked < FRESH_FOR:
            return None
        redirects = tuple((int(status), str(to)) for status, to in entry.get("redirects", []))
        status = entry.get("status")
        return LinkResult(url, str(entry["kind"]), int(status) if status is not None else None, redirects,
                          str(entry.get("final", "")), str(entry.get("detail", "")))
    except (KeyError, TypeError, ValueError):
        return None
