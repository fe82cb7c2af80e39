"""The round's summary and the report (PDF or Word), and getting it off the server. The report
module is imported only when a report is written, in a thread worker: it is heavy (fonts, shaping)
and must not slow the app's start."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static

from itacheck.domain.status import PlanStatus
from itacheck.handoff import fetch_command, terminal_is_utf8
from itacheck.labels import STATUS_MARK, status_word
from itacheck.store.errors import StoreError
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter
from itacheck.tui.widgets.link_status import LinkStatus

_MISSING = "The PDF report is not available in this version of itacheck (the report module is missing)."
#: The report's formats (as `itacheck.report.FORMATS`, which is not imported before a report is written).
FORMATS = ("pdf", "docx")
#: How a message names each format.
_LABEL = {"pdf": "PDF", "docx": "Word"}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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


@dataclass(frozen=True)
class Written:
    """The report last written from this screen: what publishing copies and copying names."""

    path: Path
    data: bytes
    format: str
    year: int
    round: str


class ReportScreen(Localised, Screen[None]):
    """Writes the report (PDF or Word) for the shown period, then helps it off the server: the
    full path and an scp line to copy (OSC 52), a copy into the publish directory, or, in a
    browser (`itacheck serve`), the file itself as a download. Says plainly when the report module
    is missing."""

    BINDINGS = [Binding("ctrl+s", "write", "Write report"), Binding("ctrl+y", "copy_command", "Copy scp command"),
                Binding("ctrl+g", "copy_path", "Copy path", show=False), Binding("ctrl+o", "publish", "Publish"),
                Binding("ctrl+l", "check_links", "Check links"), Binding("escape", "back", "Back")]

    def __init__(self, *, check_links: bool = False) -> None:
        super().__init__()
        self._written: Written | None = None
        self._check_on_open = check_links

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield Static(id="report-title", classes="screen-title")
        with VerticalScroll(id="report-summary"):
            yield Static(id="summary")
        yield LinkStatus(id="report-links")
        with Horizontal(id="report-output"):
            yield Label(Content(t("Report file", lang) + " "))
            yield Input(id="pdf-path", compact=True)
        with Horizontal(id="report-digits"):
            yield Label(Content(t("Digits", lang) + " "))
            yield Select([(Content(t("Thai digits (๑๒๓)", lang)), "thai"),
                          (Content(t("Arabic digits (123)", lang)), "arabic")],
                         value="thai", allow_blank=False, compact=True, id="digits")
            yield Label(Content(" " + t("Format", lang) + " "), id="format-label")
            yield Select([(Content("PDF"), "pdf"), (Content(t("Word (.docx)", lang)), "docx")],
                         value="pdf", allow_blank=False, compact=True, id="format")
        yield Static(Content(t("Press ctrl+s (or Enter in the file name) to write the report.", lang)),
                     id="report-state")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._show)
        self.query_one("#pdf-path", Input).focus()
        self._probe()
        if self._check_on_open:
            self.call_after_refresh(self.action_check_links)

    @work(thread=True, group="pdf")
    def _probe(self) -> None:
        """Say at once, not after the officer asked, when this installation cannot write PDFs."""
        if _writer() is None:
            self.app.call_from_thread(self._state, t(_MISSING, self.app.lang), error=True)

    def _show(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        lang, period, report = self.app.lang, snapshot.period, snapshot.report
        self.query_one("#report-title", Static).update(Content(
            f"{t('Report', lang)} · {display.period_label(period, lang)} · {t('as of', lang)} "
            f"{display.day(report.as_of if report else period.as_of, lang)}"))
        self.query_one("#summary", Static).update(Content(summary_text(report, lang) if report
                                                          else t("Loading…", lang)))
        if report is not None:
            self.query_one(LinkStatus).show_for([r for _, _, o in report.occurrences() for r in o.records])
        path = self.query_one("#pdf-path", Input)
        if not path.value:
            path.value = str(Path.cwd() / f"ita-report-{period.year}-{period.round}.{self._format}")

    @property
    def _format(self) -> str:
        return str(self.query_one("#format", Select).value)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new format: the file name's extension follows, if it had the other one."""
        if event.select.id == "format":
            path = self.query_one("#pdf-path", Input)
            stem, dot, ext = path.value.rpartition(".")
            if dot and ext.lower() in FORMATS:
                path.value = f"{stem}.{self._format}"

    def _state(self, message: str, *, error: bool = False) -> None:
        state = self.query_one("#report-state", Static)
        state.update(Content(message))
        state.set_class(error, "-invalid")

    def on_input_submitted(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        lang, snapshot = self.app.lang, self.app.snapshot
        if snapshot is None or snapshot.report is None:
            return
        if snapshot.period.round not in ("half", "full"):
            self._state(t("The ITA report covers the half year or the full year: choose one of those rounds (p).",
                          lang), error=True)
            return
        raw = self.query_one("#pdf-path", Input).value.strip()
        if not raw:
            self._state(t("Type the name of the report file.", lang), error=True)
            return
        path = Path.cwd() / Path(raw).expanduser()  # said back in full: "report.pdf" alone hides where
        digits = str(self.query_one("#digits", Select).value)
        self._state(t("Writing {path}…", lang, path=str(path)))
        self._write(snapshot.report, path, digits, self._format)

    @work(thread=True, exclusive=True, group="pdf")
    def _write(self, status: PlanStatus, path: Path, digits: str, fmt: str) -> None:
        lang = self.app.lang
        write_report = _writer()
        if write_report is None:
            self.app.call_from_thread(self._state, t(_MISSING, lang), error=True)
            return
        started = time.monotonic()
        try:
            data = write_report(status, path, digits=digits, format=fmt)
        except (StoreError, ValueError) as exc:  # written for the officer, naming the path typed
            message = t("Could not write the {format} report: {error}", lang, format=_LABEL[fmt],
                        error=str(exc))
            self.app.call_from_thread(self._state, message, error=True)
            return
        except Exception as exc:  # noqa: BLE001 - any failure is the officer's to read, not a crash
            message = t("Could not write the {format} report: {error}", lang, format=_LABEL[fmt],
                        error=f"{type(exc).__name__}: {exc}")
            self.app.call_from_thread(self._state, message, error=True)
            return
        written = Written(path, data, fmt, status.plan.year, status.round.name)
        self.app.call_from_thread(self._written_out, written, f"{time.monotonic() - started:.1f}")

    def _written_out(self, written: Written, seconds: str) -> None:
        """Say where it is and how to get it: in a browser it is sent as a download; over SSH the
        scp line to paste on the desktop, and the keys that copy it."""
        self._written = written
        lang = self.app.lang
        lines = [t("Written: {path} ({seconds} s)", lang, path=str(written.path), seconds=seconds)]
        if self.app.is_web:
            mime = "application/pdf" if written.format == "pdf" else DOCX_MIME
            self.app.deliver_binary(written.path, save_filename=written.path.name, mime_type=mime)
            lines.append(t("Sent to your browser as a download.", lang))
        else:
            lines += [t("To copy it to your computer, run this there:", lang), fetch_command(written.path)]
            lines.append(t("ctrl+y copies this command, ctrl+g the path; ctrl+o publishes the PDF.", lang))
        self._state("\n".join(lines))

    # --- getting it off the server -------------------------------------------------------------

    def action_copy_command(self) -> None:
        if self._needs_written():
            self._copy(fetch_command(self._written.path))  # type: ignore[union-attr]

    def action_copy_path(self) -> None:
        if self._needs_written():
            self._copy(str(self._written.path))  # type: ignore[union-attr]

    def _needs_written(self) -> bool:
        if self._written is None:
            self._state(t("Write the report first (ctrl+s).", self.app.lang), error=True)
        return self._written is not None

    def _copy(self, text: str) -> None:
        """Through the terminal (OSC 52) to the desktop's clipboard. The text travels as UTF-8, so
        Thai in it would arrive garbled in a terminal set to another character set: then nothing is
        sent, and the officer is told why."""
        lang = self.app.lang
        if not text.isascii() and not terminal_is_utf8():
            self._state(t("Not copied: this session's terminal is not set to UTF-8, so the Thai letters in it "
                          "would arrive garbled. Set the session to UTF-8 (e.g. LANG=C.UTF-8) or copy it by hand: "
                          "{copied}", lang, copied=text), error=True)
            return
        self.app.copy_to_clipboard(text)
        self._state(t("Copied to your computer's clipboard through the terminal (Windows Terminal and most "
                      "terminals pass it on; PuTTY does not): {copied}", lang, copied=text))

    def action_publish(self) -> None:
        lang = self.app.lang
        if not self._needs_written():
            return
        written = self._written
        assert written is not None
        if written.format != "pdf":
            self._state(t("Only the PDF is published: choose PDF and write it first.", lang), error=True)
            return
        self._publish(written)

    @work(thread=True, exclusive=True, group="publish")
    def _publish(self, written: Written) -> None:
        from itacheck.store.publish import publish_report
        from itacheck.store.settings import read_settings

        lang, data_dir = self.app.lang, self.app.session.repository.data_dir
        try:
            published = publish_report(read_settings(data_dir), data_dir, written.data, written.year, written.round)
        except (StoreError, ValueError) as exc:
            self.app.call_from_thread(self._state, t("Not published: {error}", lang, error=str(exc)), error=True)
            return
        where = str(published.path) + (f" {published.url}" if published.url else "")
        self.app.call_from_thread(self._state, t("Published: {where}", lang, where=where))

    def action_check_links(self) -> None:
        """Ask every evidence link of the round again (HEAD, then GET), in the background."""
        self.query_one(LinkStatus).check()

    def action_back(self) -> None:
        self.dismiss(None)
