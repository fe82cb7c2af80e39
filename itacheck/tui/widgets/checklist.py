"""The selected measure's tasks and their occurrences in the round: what the officer ticks."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from itacheck.domain.status import MeasureStatus, OccurrenceStatus, TaskStatus
from itacheck.labels import ROLE_EN, ROLE_TH, occurrence_label
from itacheck.thaitext.cells import cell_width
from itacheck.tui import display
from itacheck.tui.text import t

_SEP = "\t"


class Checklist(OptionList):
    """One header line per task (not selectable) and one line per occurrence. Prompts are built as
    `Content`, so task text is shown exactly as written. A refresh keeps the highlighted line."""

    BINDINGS = [Binding("space", "tick", "Tick")]

    class TickRequested(Message):
        """Space or Enter on an occurrence: record it as done today."""

        def __init__(self, task: TaskStatus, occurrence: OccurrenceStatus) -> None:
            super().__init__()
            self.task = task
            self.occurrence = occurrence

    class OccurrenceHighlighted(Message):
        """The cursor moved (or the data under it changed): the screen shows its evidence."""

        def __init__(self, task: TaskStatus | None, occurrence: OccurrenceStatus | None) -> None:
            super().__init__()
            self.task = task
            self.occurrence = occurrence

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: dict[str, tuple[TaskStatus, OccurrenceStatus]] = {}
        self._shown: list[tuple[str | None, str]] = []

    def show(self, measure: MeasureStatus | None, lang: str) -> None:
        """Show ``measure``'s checklist, keeping the cursor on the same occurrence when it is still
        there (live refresh must not move it)."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        self._items = {}
        options: list[Option] = []
        statuses = [o.status for ts in (measure.tasks if measure else ()) for o in ts.occurrences]
        width = max((cell_width(display.label(s, lang)) for s in statuses), default=0)
        tasks = sorted(measure.tasks if measure else (), key=lambda ts: not ts.occurrences)  # outside the round last
        for task_status in tasks:
            options.append(Option(self._task_prompt(task_status, lang), id=f"task{_SEP}{task_status.task.id}",
                                  disabled=True))
            for occ in task_status.occurrences:
                option_id = f"{task_status.task.id}{_SEP}{occ.occurrence.key}"
                self._items[option_id] = (task_status, occ)
                options.append(Option(self._occurrence_prompt(occ, lang, width), id=option_id))
        shown = [(o.id, str(o.prompt)) for o in options]
        if shown != self._shown:  # unchanged data must not move anything on screen
            same_rows = [i for i, _ in shown] == [i for i, _ in self._shown]
            scroll_y = self.scroll_y
            self.set_options(options)
            ids = [o.id for o in options if not o.disabled]
            if ids:
                self.highlighted = self.get_option_index(keep if keep in ids else ids[0])
            if same_rows:  # a live refresh: stay where the officer was
                self.scroll_to(y=scroll_y, animate=False, immediate=True)
            self.call_after_refresh(self.scroll_to_highlight)  # once the new lines have been laid out
            self._shown = shown
        self._announce()

    @staticmethod
    def _task_prompt(task_status: TaskStatus, lang: str) -> Content:
        task = task_status.task
        role = (ROLE_EN if lang == "en" else ROLE_TH)[task.role]
        head = f"{role} · {display.cadence(task.cadence, lang)}"
        if not task_status.occurrences:
            head += f" · {t('not in this round', lang)}"
        return Content.assemble((head, "bold"), "\n", task.text)

    @staticmethod
    def _occurrence_prompt(occ: OccurrenceStatus, lang: str, width: int) -> Content:
        """Status, which time, due date; the done date and the evidence are in the panel below."""
        due = f"{t('due', lang)} {display.day(occ.occurrence.due, lang)}"
        files = sum(len(r.attachments) + len(r.links) for r in occ.records)
        extra = f" · {t('evidence', lang)} {display.number(files, lang)}" if files else ""
        return Content.assemble(
            " ", (display.pad(display.label(occ.status, lang), width), "bold"), "  ",
            display.pad(occurrence_label(occ.occurrence, lang), 10), " ", due, extra)

    @property
    def current(self) -> tuple[TaskStatus, OccurrenceStatus] | None:
        option = self.highlighted_option
        return self._items.get(option.id or "") if option is not None else None

    def select_occurrence(self, task_id: str, key: str) -> None:
        option_id = f"{task_id}{_SEP}{key}"
        if option_id in self._items:
            self.highlighted = self.get_option_index(option_id)
            self.call_after_refresh(self.scroll_to_highlight)

    def _announce(self) -> None:
        task, occ = self.current or (None, None)
        self.post_message(self.OccurrenceHighlighted(task, occ))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_tick(self) -> None:
        if self.current:
            self.post_message(self.TickRequested(*self.current))
