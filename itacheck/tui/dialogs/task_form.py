"""One step or reporting item: its wording, who does it, and its cadence. While the officer types,
the cadence the wording names is suggested and the periods it gives for the year are shown; the
officer may choose another (the cadence dialog)."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from itacheck.domain.cadence import Cadence, parse_cadence
from itacheck.domain.model import Task
from itacheck.tui import display
from itacheck.tui.cadence_draft import occurrences_text
from itacheck.tui.dialogs.cadence import CadenceDialog
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t


class TaskForm(Localised, ModalScreen[Task | None]):
    """Returns the edited task, or None. ``chosen`` is a cadence the officer picked (it then stays
    whatever the wording says); without one, the wording's suggestion is used. A new task's kind
    (step or reporting item) is chosen here and its id given by the editor; an existing task keeps
    both, since records and the report refer to them."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("ctrl+t", "cadence", "Change the cadence"),
                Binding("escape", "cancel", "Cancel")]

    def __init__(self, task: Task, year: int, *, new: bool) -> None:
        super().__init__()
        self.edited = task
        self.year = year
        self.new = new
        self.chosen: Cadence | None = None if new else task.cadence

    def compose(self) -> ComposeResult:
        lang, task = self.app.lang, self.edited
        with VerticalScroll(id="task-form", classes="form"):
            yield Static(Content(t("New task", lang) if self.new else f"{t('Task', lang)} {task.id}"),
                         classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label(Content(t("Kind", lang)))
                yield Select([(Content(t("step", lang)), "step"), (Content(t("reporting", lang)), "reporting")],
                             value=task.role, allow_blank=False, compact=True, id="role", disabled=not self.new)
            with Horizontal(classes="field"):
                yield Label(Content(t("Wording", lang)))
                yield TextArea(task.text, id="text", compact=True, soft_wrap=True)
            with Horizontal(classes="field"):
                yield Label(Content(t("responsible", lang)))
                yield Input(value=task.responsible, compact=True, id="task-responsible")
            yield Static(id="task-cadence", classes="echo")
            yield Static(id="task-errors", classes="-invalid")
            with Horizontal(classes="buttons"):
                yield Button(Content(t("Change the cadence", lang) + " (ctrl+t)"), id="cadence", compact=True)
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self._show_cadence()
        self.query_one("#text", TextArea).focus()

    def _text(self) -> str:
        return self.query_one("#text", TextArea).text.strip()

    def _cadence(self) -> tuple[Cadence | None, str]:
        """The cadence to save and where it comes from."""
        if self.chosen is not None:
            return self.chosen, t("chosen", self.app.lang)
        return parse_cadence(self._text()), t("from the wording", self.app.lang)

    def _show_cadence(self) -> None:
        lang = self.app.lang
        cadence, source = self._cadence()
        shown = self.query_one("#task-cadence", Static)
        if cadence is None:
            shown.update(Content("✗ " + t("The wording names no time: choose the cadence (ctrl+t).", lang)))
            shown.set_class(True, "-invalid")
            return
        shown.update(Content(f"{t('Cadence', lang)}: {display.cadence(cadence, lang)} ({source})\n→ "
                             + occurrences_text(cadence, self.year, lang)))
        shown.set_class(False, "-invalid")

    def on_text_area_changed(self) -> None:
        self._show_cadence()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"cadence": self.action_cadence, "save": self.action_save}.get(str(event.button.id), self.action_cancel)()

    def action_cadence(self) -> None:
        def picked(cadence: Cadence | None) -> None:
            if cadence is not None:
                self.chosen = cadence
                self._show_cadence()

        self.app.push_screen(CadenceDialog(self._text(), self._cadence()[0], self.year), picked)

    def action_save(self) -> None:
        lang = self.app.lang
        cadence, _ = self._cadence()
        errors = self.query_one("#task-errors", Static)
        if not self._text():
            errors.update(Content("✗ " + t("Type what is to be done.", lang)))
            self.query_one("#text", TextArea).focus()
            return
        if cadence is None:
            self.action_cadence()
            return
        self.dismiss(replace(self.edited, role=str(self.query_one("#role", Select).value), text=self._text(),
                             cadence=cadence, responsible=self.query_one("#task-responsible", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
