"""The year's audit log, newest first: who recorded, skipped, undid or imported what, and when."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from itacheck.domain.model import AuditEntry, Plan
from itacheck.labels import occurrence_label
from itacheck.store.errors import StoreError
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter

ACTIONS = {"tick": "recorded", "skip": "not applicable", "undo": "undone", "import": "plan imported",
           "remove": "removed", "edit": "plan edited", "restore": "restored", "correct": "corrected",
           "delete": "deleted"}


class AuditScreen(Localised, Screen[tuple[str, str, str] | None]):
    """Read in a thread worker whenever the snapshot changes, so a long log never blocks the keys."""

    BINDINGS = [Binding("escape", "back", "Back")]

    entries: tuple[AuditEntry, ...] = ()
    year: int = 0

    def compose(self) -> ComposeResult:
        yield Static(id="audit-title", classes="screen-title")
        yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._load)
        self.query_one(DataTable).focus()

    def _load(self, snapshot: Snapshot | None) -> None:
        if snapshot is not None:
            self._read(snapshot.period.year)

    @work(thread=True, exclusive=True)
    def _read(self, year: int) -> None:
        try:
            entries = self.app.session.audit(year)
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._show, year, entries)

    def _show(self, year: int, entries: tuple[AuditEntry, ...]) -> None:
        lang = self.app.lang
        self.year, self.entries = year, entries
        count = t("1 entry", lang) if len(entries) == 1 else t("{n} entries", lang, n=len(entries))
        self.query_one("#audit-title", Static).update(Content(
            f"{t('Audit log', lang)} · {t('fiscal year', lang)} {display.number(year, lang)} · {count}"))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for column in (t("When", lang), t("Who", lang), t("What", lang), t("Task", lang), t("Period", lang),
                       t("Item", lang)):
            table.add_column(Text(column))
        snapshot = self.app.snapshot
        plan = snapshot.status.plan if snapshot and snapshot.status else None
        for e in entries:
            when = display.moment(e.at, lang)
            action = t(ACTIONS.get(e.action, e.action), lang)
            period, text = self._item(e, plan, lang)
            if e.removed_plan_parts:
                text = f"{t('Enter restores what it removed', lang)} · {text}"
            table.add_row(Text(when), Text(fit(e.user, 16)), Text(action), Text(e.task_id), Text(period),
                          Text(fit(text, 60)))
        if entries:
            table.move_cursor(row=min(row, len(entries) - 1))

    @staticmethod
    def _item(e: AuditEntry, plan: Plan | None, lang: str) -> tuple[str, str]:
        """The period in words and the task's text (what the entry says when it names no task)."""
        if not e.task_id:
            return "", e.summary
        try:
            if plan is None:
                raise KeyError(e.task_id)
            return occurrence_label(plan.occurrence(e.task_id, e.occurrence), lang), plan.task(e.task_id).text
        except (KeyError, ValueError):  # a task the plan no longer has
            return e.occurrence, e.summary

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an entry about a task: go to it in the checklist. On a plan edit that removed
        tasks or measures: offer to put them back, with the records the edit moved to this log."""
        entry = self.entries[event.cursor_row] if event.cursor_row < len(self.entries) else None
        if entry is None:
            return
        plan = self.app.snapshot.status.plan if self.app.snapshot and self.app.snapshot.status else None
        if entry.task_id and plan is not None and any(t_.id == entry.task_id for t_ in plan.tasks()):
            measure = next(m for m in plan.measures if any(t_.id == entry.task_id for t_ in m.tasks))
            self.dismiss((measure.id, entry.task_id, entry.occurrence))
            return
        if not (entry.action == "edit" and entry.removed_plan_parts):
            return
        lang = self.app.lang
        question = t("Restore what this plan edit removed ({summary}), with its records?", lang, summary=entry.summary)
        self.app.push_screen(ConfirmDialog(question, t("Restore", lang)),
                             lambda yes: yes and self._restore(self.year, entry.change))

    @work(thread=True, exclusive=True, group="restore")
    def _restore(self, year: int, change: str) -> None:
        try:
            plan, records = self.app.session.restore_change(year, change)
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._restored, len(records))

    def _restored(self, records: int) -> None:
        self.app.reload()
        self.notify(t("Restored, with {n} records.", self.app.lang, n=records), markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
