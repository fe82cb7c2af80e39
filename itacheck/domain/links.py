"""Evidence links and what checking them found.

An assessor who opens the agency's report follows its evidence links; a dead one counts against
the agency. So the links recorded for a year are checked before the report goes out (see
`itacheck.linkcheck`), and each comes back as one of four kinds:

* ``ok``: the server answered 2xx at that address;
* ``moved``: it answered 2xx after one or more redirects (the report should give the new address);
* ``dead``: the server answered with an error (404 Not Found, 410 Gone, 403 Forbidden, 500…);
* ``unreachable``: no answer could be had (time-out, connection refused, unknown host, TLS error).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from itacheck.domain.model import Record
from itacheck.domain.text import is_web_link

KINDS = ("ok", "moved", "dead", "unreachable")
#: Kinds the report should not go out with.
BROKEN = ("dead", "unreachable")


@dataclass(frozen=True)
class LinkResult:
    """What checking ``url`` found: its kind, the final HTTP status (None without an answer), the
    redirects followed (status, address), the final address and, for an unreachable link, why."""

    url: str
    kind: str
    status: int | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    final_url: str = ""
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown link result kind {self.kind!r}")


@dataclass(frozen=True)
class EvidenceLink:
    """A link and the records that cite it (task id, occurrence key), in the order recorded."""

    url: str
    places: tuple[tuple[str, str], ...] = field(default=())


def evidence_links(records: Iterable[Record]) -> tuple[list[EvidenceLink], list[EvidenceLink]]:
    """(web links to check, other links) of ``records``, each once with every record citing it.
    Links that are not http(s) are never fetched: they are listed so the officer can correct them."""
    places: dict[str, list[tuple[str, str]]] = {}
    for record in records:
        for link in record.links:
            places.setdefault(link, []).append((record.task_id, record.occurrence))
    links = [EvidenceLink(url, tuple(where)) for url, where in places.items()]
    return [link for link in links if is_web_link(link.url)], [link for link in links if not is_web_link(link.url)]


def broken(results: Iterable[LinkResult]) -> list[LinkResult]:
    return [r for r in results if r.kind in BROKEN]
