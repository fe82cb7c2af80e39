"""The command palette (ctrl+p): every screen, the rounds and years, and each measure of the plan.

The palette parses a plain string prompt (and every help line) as markup, so titles are given as
`rich.text.Text` (measure text is user text) and help lines are only ever our own words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from itacheck.domain.fiscal import ROUND_NAMES
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.session import Period
from itacheck.tui.text import t

Command = tuple[str, str, Callable[[], object]]


class ItaCommands(Provider):
    """Commands are built from the app's current state, so a year or round that exists shows up
    and one that does not never does."""

    def _commands(self) -> list[Command]:
        from itacheck.tui.screens.main import MainScreen

        app = self.app
        lang = app.lang  # type: ignore[attr-defined]
        cmds: list[Command] = [
            (t("Dashboard", lang), t("Overdue and due-soon items, totals per indicator", lang), app.action_dashboard),
            (t("Report", lang), t("Summary of the round and the PDF report", lang), app.action_report),
            (t("Check links", lang), t("Ask every evidence link of the round whether it still answers", lang),
             app.action_check_links),
            (t("Audit log", lang), t("Who recorded or undid what, and when", lang), app.action_audit),
            (t("Period", lang), t("Choose the fiscal year, round and as-of date", lang), app.action_period),
            (t("Help", lang), t("Every key", lang), app.action_help),
            (t("Start a plan", lang), t("Try the sample plan or import a plan file", lang), app.action_welcome),
            (t("Edit the plan", lang), t("Header, measures, steps and reporting items, cadences", lang),
             app.action_edit_plan),
            (t("Reload", lang), t("Read the data again now", lang), app.action_reload),
            (t("Switch language", lang), "ภาษาไทย / English", app.action_toggle_lang),
        ]
        snapshot = app.snapshot  # type: ignore[attr-defined]
        if snapshot is None:
            return cmds
        period = snapshot.period
        for name in ROUND_NAMES:
            chosen = Period(period.year, name, period.as_of)
            cmds.append((f"{t('Round', lang)}: {display.round_name(name, lang)}", display.period_label(chosen, lang),
                         partial(app.set_period, chosen)))  # type: ignore[attr-defined]
        for year in snapshot.years:
            cmds.append((f"{t('fiscal year', lang)} {display.number(year, lang)}", t("Open this year's plan", lang),
                         partial(app.set_period, Period(year, period.round, period.as_of))))  # type: ignore[attr-defined]
        if isinstance(self.screen, MainScreen) and snapshot.status is not None:
            for m in snapshot.status.measures:
                issue = " ".join(m.measure.issue.split())
                cmds.append((f"{m.measure.code or m.measure.id}: {fit(issue, 60)}", t("Go to this measure", lang),
                             partial(self.screen.show_measure, m.measure.id)))
        return cmds

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Text(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Text(title), callback, text=title, help=help_text)


class LocalisedPalette(CommandPalette):
    """Textual's command palette with its own two sentences in the officer's language: the
    placeholder and "No matches found" (written inside Textual 8's countdown, repeated here)."""

    def __init__(self, lang: str) -> None:
        super().__init__(id="--command-palette", placeholder=t("Search for commands…", lang))
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("No matches found", self.lang), style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
