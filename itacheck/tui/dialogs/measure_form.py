"""One measure: its ITA tool, indicator and item code (from that year's catalogue), the issue it
answers, and the units responsible. Its tasks are edited in the editor's list."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from itacheck.domain.catalogue import Catalogue, Item
from itacheck.domain.model import Measure
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t


class MeasureForm(Localised, ModalScreen[Measure | None]):
    """Returns the edited measure (its id kept; a new one gets ``measure.id`` as given), or None."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, measure: Measure, catalogue: Catalogue) -> None:
        super().__init__()
        self.measure = measure
        self.catalogue = catalogue
        #: An item code the year's catalogue lacks, with its text, for the agency's catalogue.
        self.new_item: Item | None = None

    def compose(self) -> ComposeResult:
        lang, m = self.app.lang, self.measure
        tools = [(Content(f"{tool.code} {tool.name}"), tool.code) for tool in self.catalogue.tools]
        with VerticalScroll(id="measure-form", classes="form"):
            yield Static(Content(t("Measure", lang)), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label(Content(t("ITA tool", lang)))
                yield Select(tools, value=m.tool, allow_blank=False, compact=True, id="tool")
            with Horizontal(classes="field"):
                yield Label(Content(t("indicator", lang)))
                yield Select(self._indicators(m.tool), value=m.indicator, allow_blank=False, compact=True,
                             id="indicator")
            with Horizontal(classes="field"):
                yield Label(Content(t("Item code", lang)))
                yield Input(value=m.code, compact=True, id="code", placeholder=t("e.g. e6 or o42 (may be empty)", lang))
            yield Static(id="items", classes="echo")
            with Horizontal(classes="field", id="item-text-field"):
                yield Label(Content(t("Item text", lang)))
                yield Input(id="item-text", compact=True,
                            placeholder=t("as in this year's ITAS list: kept in the agency's catalogue", lang))
            with Horizontal(classes="field"):
                yield Label(Content(t("Issue", lang)))
                yield TextArea(m.issue, id="issue", compact=True, soft_wrap=True)
            with Horizontal(classes="field"):
                yield Label(Content(t("Short name", lang)))
                yield Input(value=m.label, compact=True, id="label",
                            placeholder=t("shown in the plan tree (empty: from the issue)", lang))
            with Horizontal(classes="field"):
                yield Label(Content(t("responsible", lang)))
                yield Input(value=", ".join(m.responsible), compact=True, id="responsible",
                            placeholder=t("units, separated by commas", lang))
            yield Static(id="measure-errors", classes="-invalid")
            with Horizontal(classes="buttons"):
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)

    def _indicators(self, tool: str) -> list[tuple[Content, int]]:
        lang = self.app.lang
        return [(Content(f"{display.number(i.number, lang)} {i.name}"), i.number)
                for i in self.catalogue.indicators if i.tool == tool]

    def on_mount(self) -> None:
        self._show_items()
        self.query_one("#tool", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "tool":
            indicator = self.query_one("#indicator", Select)
            options = self._indicators(str(event.value))
            indicator.set_options(options)
            if options:
                indicator.value = options[0][1]
        self._show_items()

    def on_input_changed(self) -> None:
        self._show_items()

    def _show_items(self) -> None:
        """The catalogue's items for the chosen indicator, and what the typed code stands for."""
        lang = self.app.lang
        indicator = self.query_one("#indicator", Select).value
        items = [i for i in self.catalogue.items if i.indicator == indicator]
        code = self.query_one("#code", Input).value.strip()
        known = self.catalogue.item(code) if code else None
        lines = [f"✓ {known.code}: {known.text}"] if known else []
        self.query_one("#item-text-field").display = bool(code) and known is None
        if items and not known:
            lines.append(t("Items of this indicator in the {year} catalogue:", lang,
                           year=display.number(self.catalogue.year, lang)) + " "
                         + ", ".join(f"{i.code} {i.text[:30]}" for i in items[:6]))
        self.query_one("#items", Static).update(Content("\n".join(lines)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        issue = self.query_one("#issue", TextArea).text.strip()
        if not issue:
            self.query_one("#measure-errors", Static).update(Content(
                "✗ " + t("Type the issue this measure answers.", self.app.lang)))
            self.query_one("#issue", TextArea).focus()
            return
        indicator = int(self.query_one("#indicator", Select).value)  # type: ignore[arg-type]
        found = self.catalogue.indicator(indicator)
        name = self.measure.indicator_name  # the wording of the agency's own report, while it still applies
        if found and (indicator != self.measure.indicator or not name):
            name = found.name
        responsible = tuple(u.strip() for u in self.query_one("#responsible", Input).value.split(",") if u.strip())
        code, item_text = self.query_one("#code", Input).value.strip(), self.query_one("#item-text", Input).value
        if code and self.catalogue.item(code) is None and item_text.strip():
            self.new_item = Item(code, indicator, " ".join(item_text.split()),
                                 note="เพิ่มโดยหน่วยงาน (added by the agency)")
        self.dismiss(replace(self.measure, tool=str(self.query_one("#tool", Select).value), indicator=indicator,
                             indicator_name=name,
                             code=self.query_one("#code", Input).value.strip(), issue=issue,
                             label=" ".join(self.query_one("#label", Input).value.split()),
                             responsible=responsible))

    def action_cancel(self) -> None:
        self.dismiss(None)
