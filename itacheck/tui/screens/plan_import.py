"""Importing a plan: the path of last year's report (Word .docx or text) or of a plan file, or the
report's table pasted from Word. What was read goes to the review screen; nothing is saved here."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from itacheck.reportimport import PlanDraft, read_report, read_report_text
from itacheck.store.errors import StoreError
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter


class ImportScreen(Localised, Screen[int | None]):
    """Dismissed with the fiscal year the reviewed plan was saved into, or None."""

    BINDINGS = [Binding("ctrl+s", "read", "Read"), Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="import"):
            yield Static(Content(t("Import last year's report", lang)), classes="screen-title")
            yield Static(Content(t("Type the path of last year's measures report (Word .docx, or its text) or of a "
                                   "plan file (.toml), or paste the report's table copied from Word below. "
                                   "Nothing is saved before you check what was read.", lang)), classes="hint")
            yield Input(id="import-path", placeholder=t("e.g. ~/รายงานมาตรการ 2566.docx", lang))
            yield Static(Content(t("…or paste the table here:", lang)), classes="hint")
            yield TextArea(id="import-paste", soft_wrap=True)
            yield Static(id="import-state")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_read()

    def _say(self, text: str, *, error: bool = False) -> None:
        state = self.query_one("#import-state", Static)
        state.update(Content(text))
        state.set_class(error, "-invalid")

    def action_read(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        pasted = self.query_one("#import-paste", TextArea).text
        if not path and not pasted.strip():
            self._say(t("Type a path or paste the table first.", self.app.lang), error=True)
            return
        self._say(t("Reading {path}…", self.app.lang, path=path or t("the pasted text", self.app.lang)))
        self._read(Path(path).expanduser() if path else None, pasted)

    @work(thread=True, exclusive=True)
    def _read(self, path: Path | None, pasted: str) -> None:
        try:
            data_dir = self.app.session.repository.data_dir  # type: ignore[attr-defined]
            draft = (read_report(path, data_dir) if path
                     else read_report_text(pasted, t("the pasted text", self.app.lang), data_dir))
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self._say, str(exc), error=True)
            return
        self.app.call_from_thread(self._review, draft)

    def _review(self, draft: PlanDraft) -> None:
        from itacheck.tui.screens.import_review import ReviewScreen

        self._say("")
        self.app.push_screen(ReviewScreen(draft), self._saved)

    def _saved(self, year: int | None) -> None:
        """The plan was saved into ``year``: this screen is done too."""
        if year is not None:
            self.dismiss(year)

    def action_back(self) -> None:
        self.dismiss(None)
