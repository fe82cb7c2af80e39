"""The first screen of a data directory without a plan: how to start, in one keystroke.

Nothing is created until the officer chooses: trying the sample (the default, so a first
`itacheck` shows a working checklist at once) or importing a plan file. The same screen serves
later for another fiscal year or another agency (command palette).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from itacheck.domain.fiscal import fiscal_year_of
from itacheck.store.errors import StoreError
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter


class WelcomeScreen(Localised, Screen[int | None]):
    """Dismissed with the fiscal year now holding a plan, or None when the officer went back."""

    BINDINGS = [Binding("escape", "back", "Back"), Binding("q,ๆ", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        data_dir = self.app.session.repository.data_dir  # type: ignore[attr-defined]
        with VerticalScroll(id="welcome"):
            yield Static(Content(t("Welcome to itacheck", lang)), classes="screen-title")
            yield Static(Content(t("There is no plan in {path} yet. How would you like to start?", lang,
                                   path=str(data_dir))), id="welcome-intro")
            yield OptionList(
                Option(Content("1. " + t("Try the sample plan (Mueang Noi SAO, fiscal year 2566): tick, record "
                                         "evidence and print its report right away", lang)), id="sample"),
                Option(Content("2. " + t("Import last year's report (Word .docx, its text, or a table pasted from "
                                         "Word) or a plan file", lang)), id="import"),
                Option(Content("3. " + t("Create a plan in the app: the header, then each measure and its steps",
                                         lang)), id="create"),
                Option(Content("4. " + t("Quit", lang)), id="quit"),
                id="welcome-choices")
            yield Static(Content(t("↑ ↓ choose · Enter confirm", lang)), id="welcome-keys")
            yield Static(id="welcome-state")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "sample":
            self._say(t("Loading the sample plan…", self.app.lang))
            self._load_sample()
        elif choice == "import":
            from itacheck.tui.screens.plan_import import ImportScreen

            self.app.push_screen(ImportScreen(), self._saved)
        elif choice == "create":
            from itacheck.tui.screens.plan_editor import EditorScreen, empty_plan

            year = fiscal_year_of(self.app.session.today())  # type: ignore[attr-defined]
            self.app.push_screen(EditorScreen(empty_plan(year), set(), {}, new=True), self._saved)
        else:
            self.app.exit()

    def _say(self, text: str, *, error: bool = False) -> None:
        state = self.query_one("#welcome-state", Static)
        state.update(Content(text))
        state.set_class(error, "-invalid")

    @work(thread=True, exclusive=True)
    def _load_sample(self) -> None:
        try:
            loaded = self.app.session.load_sample()  # type: ignore[attr-defined]
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self._say, str(exc), error=True)
            return
        if loaded:
            self.app.call_from_thread(self.dismiss, 2566)
        else:
            self.app.call_from_thread(self._say, t("Fiscal year 2566 already has a plan; the sample was not loaded.",
                                                   self.app.lang), error=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only where there is a plan to go back to (hidden from the footer otherwise)."""
        if action == "back":
            snapshot = self.app.snapshot  # type: ignore[attr-defined]
            return bool(snapshot and snapshot.years)
        return True

    def _saved(self, year: int | None) -> None:
        """The plan was saved into ``year``: this screen is done too."""
        if year is not None:
            self.dismiss(year)

    def action_back(self) -> None:
        self.dismiss(None)
