"""The round's summary and the PDF report. The PDF module is imported only when a report is
written, in a thread worker: it is heavy (fonts, shaping) and must not slow the app's start."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static

from itacheck.domain.status import PlanStatus
from itacheck.labels import STATUS_MARK, status_word
from itacheck.store.errors import StoreError
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t

_MISSING = "The PDF report is not available in this version of itacheck (the report module is missing)."


def _writer() -> Callable[..., object] | None:
    """`itacheck.report.write_report`, or None while that module does not exist."""
    try:
        from itacheck.report import write_report
    except ImportError:
        return None
    return write_report


def summary_text(status: PlanStatus, lang: str) -> str:
    """What the report will say, in brief: totals, then each indicator and its measures."""
    tally = status.tally
    lines = [f"{status.plan.organisation.name} · {t('progress', lang)} {display.progress(tally, lang)} "
             f"({display.percent(tally, lang)})",
             "  ".join(f"{STATUS_MARK[s]} {status_word(s, lang)} {display.number(n, lang)}"
                       for s, n in tally.counts if n), ""]
    for total in status.by_indicator():
        lines.append(f"{total.tool} {t('indicator', lang)} {display.number(total.indicator, lang)} {total.name}: "
                     f"{display.progress(total.tally, lang)} ({display.percent(total.tally, lang)})")
        for m in status.measures:
            if (m.measure.tool, m.measure.indicator) == (total.tool, total.indicator):
                attention = display.attention(m.tally, lang)
                lines.append(f"  {display.mark(m.tally.headline)} {m.measure.code or m.measure.id} "
                             f"{display.progress(m.tally, lang)}" + (f" · {attention}" if attention else ""))
    return "\n".join(lines)


class ReportScreen(Localised, Screen[None]):
    """Writes the PDF for the shown period; says plainly when the report module is missing."""

    BINDINGS = [Binding("ctrl+s", "write", "Write PDF"), Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield Static(id="report-title", classes="screen-title")
        with VerticalScroll(id="report-summary"):
            yield Static(id="summary")
        with Horizontal(id="report-output"):
            yield Label(Content(t("PDF file", lang) + " "))
            yield Input(id="pdf-path", compact=True)
        with Horizontal(id="report-digits"):
            yield Label(Content(t("Digits", lang) + " "))
            yield Select([(Content(t("Thai digits (๑๒๓)", lang)), "thai"),
                          (Content(t("Arabic digits (123)", lang)), "arabic")],
                         value="thai", allow_blank=False, compact=True, id="digits")
        yield Static(Content(t("Press ctrl+s (or Enter in the file name) to write the PDF.", lang)),
                     id="report-state")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._show)
        self.query_one("#pdf-path", Input).focus()
        self._probe()

    @work(thread=True, group="pdf")
    def _probe(self) -> None:
        """Say at once, not after the officer asked, when this installation cannot write PDFs."""
        if _writer() is None:
            self.app.call_from_thread(self._state, t(_MISSING, self.app.lang), error=True)

    def _show(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        lang, period = self.app.lang, snapshot.period
        self.query_one("#report-title", Static).update(Content(
            f"{t('Report', lang)} · {display.period_label(period, lang)} · {t('as of', lang)} "
            f"{display.day(period.as_of, lang)}"))
        self.query_one("#summary", Static).update(Content(summary_text(snapshot.status, lang) if snapshot.status
                                                          else t("Loading…", lang)))
        path = self.query_one("#pdf-path", Input)
        if not path.value:
            path.value = str(Path.cwd() / f"ita-report-{period.year}-{period.round}.pdf")

    def _state(self, message: str, *, error: bool = False) -> None:
        state = self.query_one("#report-state", Static)
        state.update(Content(message))
        state.set_class(error, "-invalid")

    def on_input_submitted(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        lang, snapshot = self.app.lang, self.app.snapshot
        if snapshot is None or snapshot.status is None:
            return
        if snapshot.period.round not in ("half", "full"):
            self._state(t("The ITA report covers the half year or the full year: choose one of those rounds (p).",
                          lang), error=True)
            return
        raw = self.query_one("#pdf-path", Input).value.strip()
        if not raw:
            self._state(t("Type the name of the PDF file.", lang), error=True)
            return
        path = Path.cwd() / Path(raw).expanduser()  # said back in full: "report.pdf" alone hides where
        digits = str(self.query_one("#digits", Select).value)
        self._state(t("Writing {path}…", lang, path=str(path)))
        self._write(snapshot.status, path, digits)

    @work(thread=True, exclusive=True, group="pdf")
    def _write(self, status: PlanStatus, path: Path, digits: str) -> None:
        lang = self.app.lang
        write_report = _writer()
        if write_report is None:
            self.app.call_from_thread(self._state, t(_MISSING, lang), error=True)
            return
        started = time.monotonic()
        try:
            write_report(status, path, digits=digits)
        except (StoreError, ValueError) as exc:  # written for the officer, naming the path typed
            message = t("Could not write the PDF: {error}", lang, error=str(exc))
            self.app.call_from_thread(self._state, message, error=True)
            return
        except Exception as exc:  # noqa: BLE001 - any failure is the officer's to read, not a crash
            message = t("Could not write the PDF: {error}", lang, error=f"{type(exc).__name__}: {exc}")
            self.app.call_from_thread(self._state, message, error=True)
            return
        seconds = f"{time.monotonic() - started:.1f}"
        self.app.call_from_thread(self._state, t("Written: {path} ({seconds} s)", lang, path=str(path),
                                                 seconds=seconds))

    def action_back(self) -> None:
        self.dismiss(None)
