"""The report screen's word on the round's evidence links: a warning, before the report goes out,
when some are dead or unreachable, from the last check (kept for a day) or from one run now.

Reading the cache and checking run in thread workers; the check itself (httpx) is imported only
when asked for.
"""

from __future__ import annotations

from textual import work
from textual.content import Content
from textual.widgets import Static

from itacheck.domain.links import BROKEN, EvidenceLink, LinkResult, evidence_links
from itacheck.domain.model import Record
from itacheck.labels import LINK_MARK
from itacheck.tui.text import t

#: Broken links named one by one; the rest are counted.
SHOWN = 3


class LinkStatus(Static):
    """Shows what is known about the links of ``records``; ``check`` asks the servers."""

    DEFAULT_CSS = """
    LinkStatus { height: auto; max-height: 6; padding: 0 1; }
    LinkStatus.-broken { color: $text-error; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._records: list[Record] = []
        self._checking = False

    def show_for(self, records: list[Record]) -> None:
        """The links of ``records`` and their results less than a day old, without going out."""
        self._records = records
        if not self._checking:
            self._from_cache(records)

    @work(thread=True, exclusive=True, group="links")
    def _from_cache(self, records: list[Record]) -> None:
        from itacheck.store.linkcache import fresh_results

        links, _ = evidence_links(records)
        results = fresh_results(link.url for link in links)
        self.app.call_from_thread(self._show, links, results)

    def check(self) -> None:
        links, _ = evidence_links(self._records)
        lang = self.app.lang  # type: ignore[attr-defined]
        if not links:
            self._say(t("No evidence links in this round to check.", lang))
            return
        self._checking = True
        self._say(t("Checking {n} evidence links…", lang, n=len(links)))
        self._check(list(self._records))

    @work(thread=True, exclusive=True, group="links")
    def _check(self, records: list[Record]) -> None:
        from itacheck.linkcheck import check_evidence

        try:
            found = check_evidence(records, recheck=True)
        except Exception as exc:  # noqa: BLE001 - the officer reads why; the app keeps running
            self.app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._checked, found.links, found.results)

    def _checked(self, links: list[EvidenceLink], results: dict[str, LinkResult]) -> None:
        self._checking = False
        self._show(links, results)

    def _failed(self, error: str) -> None:
        self._checking = False
        self._say(t("Could not check the links: {error}", self.app.lang, error=error), broken=True)  # type: ignore[attr-defined]

    def _show(self, links: list[EvidenceLink], results: dict[str, LinkResult]) -> None:
        lang = self.app.lang  # type: ignore[attr-defined]
        if not links:
            self._say("")
            return
        known = [results[link.url] for link in links if link.url in results]
        if len(known) < len(links):
            self._say(t("{n} evidence links not checked today: ctrl+l checks them.", lang, n=len(links) - len(known)))
            return
        bad = [r for r in known if r.kind in BROKEN]
        if not bad:
            moved = sum(r.kind == "moved" for r in known)
            self._say(t("✓ All {n} evidence links answer ({moved} moved).", lang, n=len(known), moved=moved))
            return
        lines = [t("⚠ {bad} of {n} evidence links are dead or unreachable: an assessor could not open them. "
                   "ctrl+l checks again; itacheck check-links lists them all.", lang, bad=len(bad), n=len(known))]
        for r in bad[:SHOWN]:
            why = f"{r.status}" if r.status else r.detail
            lines.append(f"  {LINK_MARK[r.kind]} {why} {r.url}")
        if len(bad) > SHOWN:
            lines.append(t("  …and {n} more", lang, n=len(bad) - SHOWN))
        self._say("\n".join(lines), broken=True)

    def _say(self, text: str, *, broken: bool = False) -> None:
        self.update(Content(text))
        self.set_class(broken, "-broken")
        self.display = bool(text)
