"""The year's audit log, newest first: who recorded, skipped, undid or imported what, and when."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from itacheck.domain.model import AuditEntry
from itacheck.thaitext.cells import fit
from itacheck.store.errors import StoreError
from itacheck.tui import display, notices
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t

ACTIONS = {"tick": "recorded", "skip": "not applicable", "undo": "undone", "import": "plan imported",
           "remove": "removed", "edit": "plan edited", "restore": "restored", "correct": "corrected",
           "delete": "deleted"}


class AuditScreen(Localised, Screen[None]):
    """Read in a thread worker whenever the snapshot changes, so a long log never blocks the keys."""

    BINDINGS = [Binding("escape", "back", "Back")]

    entries: tuple[AuditEntry, ...] = ()
    year: int = 0

    def compose(self) -> ComposeResult:
        yield Static(id="audit-title", classes="screen-title")
        yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield Footer()

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
        self.query_one("#audit-title", Static).update(Content(
            f"{t('Audit log', lang)} · {t('fiscal year', lang)} {display.number(year, lang)} · "
            f"{len(entries)} {t('entries', lang)}"))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for column in (t("When", lang), t("Who", lang), t("What", lang), t("Item", lang)):
            table.add_column(Text(column))
        snapshot = self.app.snapshot
        plan = snapshot.status.plan if snapshot and snapshot.status else None
        for e in entries:
            when = f"{display.day(e.at.date(), lang)} {e.at:%H:%M}"
            action = t(ACTIONS.get(e.action, e.action), lang)
            item = notices.item_name(e.task_id, e.occurrence, plan, lang) if e.task_id else fit(e.summary, 50)
            if e.removed_plan_parts:
                item = f"{item} · {t('Enter restores what it removed', lang)}"
            table.add_row(Text(when), Text(fit(e.user, 20)), Text(action), Text(item))
        if entries:
            table.move_cursor(row=min(row, len(entries) - 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a plan edit that removed tasks or measures: offer to put them back, with the
        records the edit moved to this log."""
        entry = self.entries[event.cursor_row] if event.cursor_row < len(self.entries) else None
        if entry is None or not (entry.action == "edit" and entry.removed_plan_parts):
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
