"""What needs attention across the whole plan: one line per task with its overdue periods, one per
task due in the next 14 days, and the totals per indicator. Enter takes the officer to the oldest
period still owed, in the checklist."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from itacheck.domain.attention import attention
from itacheck.domain.status import DEFAULT_SOON_DAYS, PlanStatus
from itacheck.labels import attention_line
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter

Target = tuple[str, str, str]


class DashboardScreen(Localised, Screen[Target | None]):
    """Dismisses with (measure id, task id, occurrence key) to jump to, or None."""

    BINDINGS = [Binding("enter", "go", "Go to item"), Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        yield Static(id="dash-title", classes="screen-title")
        yield OptionList(id="attention")
        yield DataTable(id="indicators", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._show)
        self.query_one("#attention", OptionList).focus()

    def _show(self, snapshot: Snapshot | None) -> None:
        if snapshot is None or snapshot.status is None:
            return
        lang, status = self.app.lang, snapshot.status
        overdue, soon = attention(status)
        self.query_one("#dash-title", Static).update(Content(
            f"{t('Dashboard', lang)} · {display.period_label(snapshot.period, lang)} · "
            f"{t('as of', lang)} {display.day(snapshot.period.as_of, lang)}"))
        options = self.query_one("#attention", OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        items: list[Option] = []
        for title, group in ((t("Overdue", lang), overdue),
                             (t("Due in the next {n} days", lang, n=display.number(DEFAULT_SOON_DAYS, lang)), soon)):
            items.append(Option(Content.styled(f"{title} ({display.number(len(group), lang)})", "bold"), disabled=True))
            for item in group:
                items.append(Option(Content.assemble(" ", attention_line(item, lang), "\n   ", item.task.task.text),
                                    id="\t".join((item.measure.measure.id, item.task.task.id,
                                                   item.oldest.occurrence.key))))
        options.set_options(items)
        ids = [o.id for o in items if o.id]
        if ids:
            options.highlighted = options.get_option_index(keep if keep in ids else ids[0])
        self._show_indicators(status, lang)

    def _show_indicators(self, status: PlanStatus, lang: str) -> None:
        table = self.query_one("#indicators", DataTable)
        table.clear(columns=True)
        for column in ("ITA", t("indicator", lang), t("progress", lang), "%",
                       display.label("overdue", lang), display.label("due_soon", lang)):
            table.add_column(Text(column))
        for total in status.by_indicator():
            tally = total.tally
            table.add_row(Text(total.tool), Text(f"{display.number(total.indicator, lang)} {fit(total.name, 22)}"),
                          Text(display.progress(tally, lang)), Text(display.percent(tally, lang)),
                          Text(display.number(tally["overdue"], lang)), Text(display.number(tally["due_soon"], lang)))
        tally = status.tally
        table.add_row(Text(t("Total", lang), style="bold"), Text(""), Text(display.progress(tally, lang), style="bold"),
                      Text(display.percent(tally, lang), style="bold"), Text(display.number(tally["overdue"], lang)),
                      Text(display.number(tally["due_soon"], lang)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._go(event.option.id)

    def action_go(self) -> None:
        """Enter when the list does not have focus (the list handles its own Enter)."""
        option = self.query_one("#attention", OptionList).highlighted_option
        self._go(option.id if option else None)

    def _go(self, option_id: str | None) -> None:
        if option_id:
            measure_id, task_id, key = option_id.split("\t")
            self.dismiss((measure_id, task_id, key))

    def action_back(self) -> None:
        self.dismiss(None)
