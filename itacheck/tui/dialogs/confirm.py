"""A yes/no question before something that cannot be taken back silently (adding a second record
to a period a colleague has just recorded, undoing a tick that is not this session's)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t


class ConfirmDialog(Localised, ModalScreen[bool]):
    """True only for an explicit yes: Escape, `n` and the focused-by-default No all say no.
    ``question`` is plain text (it names people and tasks) and is never read as markup."""

    BINDINGS = [
        Binding("y,thai_character_mai_han_akat", "answer(True)", "Yes"),
        Binding("n,thai_character_sara_uee,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="confirm"):
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(Content(f"{self.yes} (y)"), id="yes", variant="warning", compact=True)
                yield Button(Content(f"{t('No', lang)} (n)"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
