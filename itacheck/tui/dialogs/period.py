"""Choosing what to look at: the fiscal year, the round, and the "as of" date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from itacheck import thai
from itacheck.domain.fiscal import ROUND_NAMES, fiscal_round
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Period
from itacheck.tui.text import t


class PeriodDialog(Localised, ModalScreen[Period | None]):
    """Returns the new period, or None when cancelled. "As of" defaults to today; the round-end
    button gives the date a finished report is written for."""

    BINDINGS = [Binding("ctrl+s", "apply", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, period: Period, years: tuple[int, ...], today: date) -> None:
        super().__init__()
        self.period = period
        self.years = years or (period.year,)
        self.today = today

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="period-form"):
            yield Static(Content(t("Period", lang)), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label(Content(t("fiscal year", lang)))
                yield Select([(Content(display.number(y, lang)), y) for y in self.years], value=self.period.year,
                             allow_blank=False, compact=True, id="year")
            with Horizontal(classes="field"):
                yield Label(Content(t("Round", lang)))
                yield Select([(Content(display.round_name(n, lang)), n) for n in ROUND_NAMES],
                             value=self.period.round, allow_blank=False, compact=True, id="round")
            with Horizontal(classes="field"):
                yield Label(Content(t("as of", lang)))
                yield Input(value=display.day(self.period.as_of, lang), compact=True, id="as-of")
            yield Static(id="as-of-echo", classes="echo")
            with Horizontal(classes="buttons"):
                yield Button(Content(t("Today", lang)), id="today", compact=True)
                yield Button(Content(t("End of round", lang)), id="round-end", compact=True)
            with Horizontal(classes="buttons"):
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="apply", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self._echo()
        self.query_one("#round", Select).focus()

    def _as_of(self) -> date:
        return thai.parse_date(self.query_one("#as-of", Input).value)

    def _echo(self) -> None:
        echo = self.query_one("#as-of-echo", Static)
        try:
            echo.update(Content(f"✓ {display.day(self._as_of(), self.app.lang, 'long')}"))
            echo.set_class(False, "-invalid")
        except ValueError as exc:
            echo.update(Content(f"✗ {exc}"))
            echo.set_class(True, "-invalid")

    def on_input_changed(self) -> None:
        self._echo()

    def on_input_submitted(self) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button in ("today", "round-end"):
            day = self.today if button == "today" else fiscal_round(self._year(), self._round()).end
            self.query_one("#as-of", Input).value = display.day(day, self.app.lang)
        elif button == "apply":
            self.action_apply()
        else:
            self.action_cancel()

    def _year(self) -> int:
        return int(self.query_one("#year", Select).value)  # type: ignore[arg-type]

    def _round(self) -> str:
        return str(self.query_one("#round", Select).value)

    def action_apply(self) -> None:
        try:
            as_of = self._as_of()
        except ValueError:
            self.query_one("#as-of", Input).focus()
            return
        self.dismiss(Period(self._year(), self._round(), as_of))

    def action_cancel(self) -> None:
        self.dismiss(None)
