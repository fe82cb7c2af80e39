"""Which record of an occurrence `e` works on: correct one of them, or add another."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from itacheck.domain.model import Record
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t

ADD = "add"


class RecordChoice(Localised, ModalScreen[str | None]):
    """Returns a record's id, `ADD` for a new record, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, records: tuple[Record, ...]) -> None:
        super().__init__()
        self.records = records

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        options = []
        for r in self.records:
            mark = "-" if r.skipped else "✓"
            note = f" · {fit(r.note, 40)}" if r.note else ""
            options.append(Option(Content(f"{mark} {t('Correct', lang)}: {display.day(r.done_on, lang)} · "
                                          f"{r.recorded_by}{note}"), id=r.id))
        options.append(Option(Content(f"+ {t('Add another record', lang)}"), id=ADD))
        with VerticalScroll(id="record-choice"):
            yield Static(Content(t("Which evidence?", lang)), classes="dialog-title")
            yield OptionList(*options, id="record-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
