"""The command palette (ctrl+p): every screen and the less common actions, in the officer's language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from itacheck.domain.fiscal import ROUND_NAMES
from itacheck.tui import display
from itacheck.tui.session import Period
from itacheck.tui.text import t


class ItaCommands(Provider):
    """Commands are (title, help, callback) triples built from the app's current state, so a year
    or round that exists shows up and one that does not never does."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        lang = app.lang  # type: ignore[attr-defined]
        cmds: list[tuple[str, str, object]] = [
            (t("Dashboard", lang), t("Overdue and due-soon items, totals per indicator", lang), app.action_dashboard),
            (t("Report", lang), t("Summary of the round and the PDF report", lang), app.action_report),
            (t("Audit log", lang), t("Who recorded or undid what, and when", lang), app.action_audit),
            (t("Period", lang), t("Choose the fiscal year, round and as-of date", lang), app.action_period),
            (t("Help", lang), t("Every key", lang), app.action_help),
            (t("Reload", lang), t("Read the data again now", lang), app.action_reload),
            (t("Switch language", lang), "ภาษาไทย / English", app.action_toggle_lang),
        ]
        period = app.period  # type: ignore[attr-defined]
        if period is not None:
            for name in ROUND_NAMES:
                title = f"{t('Round', lang)}: {display.round_name(name, lang)}"
                cmds.append((title, display.period_label(Period(period.year, name, period.as_of), lang),
                             partial(app.set_period, Period(period.year, name, period.as_of))))  # type: ignore[attr-defined]
            for year in app.snapshot.years:  # type: ignore[attr-defined]
                title = f"{t('fiscal year', lang)} {display.number(year, lang)}"
                cmds.append((title, t("Open this year's plan", lang),
                             partial(app.set_period, Period(year, period.round, period.as_of))))  # type: ignore[attr-defined]
        return cmds

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
