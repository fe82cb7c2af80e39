"""The plan's header: who the agency is, the intro sentence, and who signs the report."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from itacheck.domain.model import Organisation, Plan, Signatory
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t

_FIELDS = (("org", "Organisation"), ("district", "District"), ("province", "Province"),
           ("reporter-name", "Reporter"), ("reporter-position", "Reporter's position"),
           ("approver-name", "Approver"), ("approver-position", "Approver's position"))


class PlanHeaderForm(Localised, ModalScreen[Plan | None]):
    """Returns the plan with the new header, or None. The fiscal year is not edited here: a plan
    for another year is a copy (the editor's "copy to next year")."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        lang, p = self.app.lang, self.plan
        values = {"org": p.organisation.name, "district": p.organisation.district,
                  "province": p.organisation.province, "reporter-name": p.reporter.name,
                  "reporter-position": p.reporter.position, "approver-name": p.approver.name,
                  "approver-position": p.approver.position}
        with VerticalScroll(id="header-form", classes="form"):
            yield Static(Content(f"{t('Plan header', lang)} · {t('fiscal year', lang)} {display.number(p.year, lang)}"),
                         classes="dialog-title")
            for name, label in _FIELDS:
                with Horizontal(classes="field"):
                    yield Label(Content(t(label, lang)))
                    yield Input(value=values[name], compact=True, id=name)
            with Horizontal(classes="field"):
                yield Label(Content(t("Intro", lang)))
                yield TextArea(p.intro, id="intro", compact=True, soft_wrap=True)
            yield Static(id="header-errors", classes="-invalid")
            with Horizontal(classes="buttons"):
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#org", Input).focus()

    def _value(self, name: str) -> str:
        return " ".join(self.query_one(f"#{name}", Input).value.split())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        if not self._value("org"):
            self.query_one("#header-errors", Static).update(Content(
                "✗ " + t("Type the organisation's name.", self.app.lang)))
            self.query_one("#org", Input).focus()
            return
        self.dismiss(replace(
            self.plan, organisation=Organisation(self._value("org"), self._value("district"), self._value("province")),
            intro=self.query_one("#intro", TextArea).text.strip(),
            reporter=Signatory(self._value("reporter-name"), self._value("reporter-position")),
            approver=Signatory(self._value("approver-name"), self._value("approver-position"))))

    def action_cancel(self) -> None:
        self.dismiss(None)
