"""Choosing a task's cadence: the one its wording suggests, or the officer's, with the periods it
gives for the year shown before anything is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from itacheck import thai
from itacheck.domain.cadence import KINDS, Cadence, describe, parse_cadence
from itacheck.tui import display
from itacheck.tui.cadence_draft import kind_label, occurrences_text, cadence_from_fields
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t

_FIELD_OF = {"once": "due", "semiannual": "months", "yearly": "months", "rrule": "rule"}


class CadenceDialog(Localised, ModalScreen[Cadence | None]):
    """Returns the chosen cadence, or None when cancelled. ``text`` is the task's wording (plain
    text, never markup); ``year`` the fiscal year whose periods are shown."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, text: str, cadence: Cadence | None, year: int) -> None:
        super().__init__()
        self.text = text
        self.cadence = cadence
        self.year = year
        self.suggested = parse_cadence(text)

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        current = self.cadence or self.suggested or Cadence("once", due=thai.parse_date(f"31/3/{self.year}"))
        with VerticalScroll(id="cadence-form"):
            yield Static(Content(t("When is it due?", lang)), classes="dialog-title")
            yield Static(Content(self.text), id="cadence-task")
            with Horizontal(classes="field"):
                yield Label(Content(t("How often", lang)))
                yield Select([(Content(kind_label(k, lang)), k) for k in KINDS], value=current.kind,
                             allow_blank=False, compact=True, id="kind")
            with Horizontal(classes="field", id="due-field"):
                yield Label(Content(t("Due date", lang)))
                yield Input(value=display.day(current.due, lang) if current.due else "",
                            compact=True, id="due", placeholder=t("e.g. 31 มี.ค. 66 or 2023-03-31", lang))
            with Horizontal(classes="field", id="months-field"):
                yield Label(Content(t("Due months", lang)))
                yield Input(value=", ".join(thai.MONTHS_LONG[m - 1] for m in current.due_months), compact=True,
                            id="months", placeholder=t("e.g. เมษายน ตุลาคม (empty: at the end of each period)", lang))
            with Horizontal(classes="field", id="rule-field"):
                yield Label(Content("RRULE"))
                yield Input(value=current.rule, compact=True, id="rule", placeholder="FREQ=MONTHLY;BYMONTHDAY=15")
            yield Static(id="cadence-echo", classes="echo")
            if self.suggested is not None:
                yield Static(Content(t("The wording suggests: {cadence}", lang,
                                       cadence=describe(self.suggested, lang))), id="cadence-suggested")
            with Horizontal(classes="buttons"):
                if self.suggested is not None:
                    yield Button(Content(t("Use the suggestion", lang)), id="suggest", compact=True)
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self._refresh()
        self.query_one("#kind", Select).focus()

    def _kind(self) -> str:
        return str(self.query_one("#kind", Select).value)

    def _read(self) -> Cadence:
        return cadence_from_fields(self._kind(), self.query_one("#due", Input).value,
                            self.query_one("#months", Input).value, self.query_one("#rule", Input).value)

    def _refresh(self) -> None:
        """Show the field the kind needs and what the cadence gives for the year (or what is wrong)."""
        needed = _FIELD_OF.get(self._kind())
        for name in ("due", "months", "rule"):
            self.query_one(f"#{name}-field").display = name == needed
        echo = self.query_one("#cadence-echo", Static)
        try:
            echo.update(Content("→ " + occurrences_text(self._read(), self.year, self.app.lang)))
            echo.set_class(False, "-invalid")
        except ValueError as exc:
            echo.update(Content(f"✗ {exc}"))
            echo.set_class(True, "-invalid")

    def on_select_changed(self) -> None:
        self._refresh()

    def on_input_changed(self) -> None:
        self._refresh()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "suggest" and self.suggested is not None:
            self._show(self.suggested)
        elif event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _show(self, cadence: Cadence) -> None:
        self.query_one("#kind", Select).value = cadence.kind
        self.query_one("#due", Input).value = display.day(cadence.due, self.app.lang) if cadence.due else ""
        self.query_one("#months", Input).value = ", ".join(thai.MONTHS_LONG[m - 1] for m in cadence.due_months)
        self.query_one("#rule", Input).value = cadence.rule
        self._refresh()

    def action_save(self) -> None:
        try:
            cadence = self._read()
        except ValueError:
            self._refresh()
            return
        self.dismiss(cadence)

    def action_cancel(self) -> None:
        self.dismiss(None)
