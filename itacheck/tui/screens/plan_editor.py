"""The plan editor: the header, the measures and their steps and reporting items, in one list.

Edits change a draft; ctrl+s saves it. Removing a task that has records asks first, and saving
an edit that leaves records without a place asks again (the store decides under its lock); what
is removed stays in the audit log and can be restored from there.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from itacheck.domain.cadence import Cadence
from itacheck.domain.catalogue import Item
from itacheck.domain.model import Measure, Organisation, Plan, Task, plan_for_year
from itacheck.domain.plan_edit import (copy_review, move, new_measure_id, next_task_id, put_measure, put_task,
                                       remove_measure, remove_task)
from itacheck.store.errors import StoreError
from itacheck.store.plan_changes import WouldRemoveRecords
from itacheck.tui import display
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.dialogs.measure_form import MeasureForm
from itacheck.tui.dialogs.plan_header import PlanHeaderForm
from itacheck.tui.dialogs.task_form import TaskForm
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter

_HEAD, _ADD_MEASURE = "head", "add-measure"


class EditorScreen(Localised, Screen[int | None]):
    """Dismissed with the year when the plan was saved at least once, else None."""

    BINDINGS = [
        Binding("enter", "edit", "Edit", show=False),
        Binding("a,ฟ", "add_task('step')", "Add step"),
        Binding("r,พ", "add_task('reporting')", "Add reporting item"),
        Binding("m,ท", "add_measure", "Add measure"),
        Binding("d,delete,ก", "remove", "Remove"),
        Binding("left_square_bracket,shift+up", "move(-1)", "Move up", show=False),
        Binding("right_square_bracket,shift+down", "move(1)", "Move down", show=False),
        Binding("y,ั", "copy_next_year", "Copy to next year", show=False),
        Binding("ctrl+s", "save", "Save the plan"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, plan: Plan, taken: set[str], record_counts: dict[str, int], *, new: bool = False) -> None:
        super().__init__()
        self.plan = plan
        self.saved_plan = None if new else plan
        self.taken = set(taken)
        self.record_counts = dict(record_counts)
        self.new = new
        self.was_saved = False

    def compose(self) -> ComposeResult:
        yield Static(id="editor-title", classes="screen-title")
        yield OptionList(id="editor-list")
        yield Static(Content(t("Enter edits · a step · r reporting item · m measure · d remove · [ ] move · "
                               "y copy to next year", self.app.lang)), id="editor-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()
        if self.new:
            self.action_edit_header()

    # --- showing ------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.plan != self.saved_plan

    def _show(self, keep: str | None = None) -> None:
        lang, plan = self.app.lang, self.plan
        state = f" · {t('not saved yet', lang)}" if self.dirty else ""
        self.query_one("#editor-title", Static).update(Content(
            f"{t('Edit the plan', lang)} · {t('fiscal year', lang)} {display.number(plan.year, lang)} · "
            f"{display.number(len(plan.measures), lang)} {t('measures', lang)} · "
            f"{display.number(len(plan.tasks()), lang)} {t('tasks', lang)}{state}"))
        org = plan.organisation
        options = [Option(Content(f"{t('Plan header', lang)}: {org.name or '?'} {org.district} {org.province}"),
                          id=_HEAD)]
        for m in plan.measures:
            options.append(Option(Content.assemble(
                (f"[{m.id}] {m.tool} {t('indicator', lang)} {display.number(m.indicator, lang)}", "bold"),
                " " + " ".join(m.issue.split())), id=f"m:{m.id}"))
            for task in m.tasks:
                kind = t("step", lang) if task.role == "step" else t("reporting", lang)
                count = self.record_counts.get(task.id, 0)
                evidence = f" · {t('records', lang)} {count}" if count else ""
                options.append(Option(Content(f"   {task.id} {kind} · {display.cadence(task.cadence, lang)}{evidence} · "
                                              f"{task.text}"), id=f"t:{task.id}"))
        options.append(Option(Content("+ " + t("Add measure", lang)), id=_ADD_MEASURE))
        listing = self.query_one(OptionList)
        listing.set_options(options)
        if keep and any(o.id == keep for o in options):
            listing.highlighted = listing.get_option_index(keep)

    def _current(self) -> str:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return ""
        return listing.get_option_at_index(listing.highlighted).id or ""

    def _measure_of(self, item: str) -> Measure | None:
        if item.startswith("m:"):
            return next((m for m in self.plan.measures if m.id == item[2:]), None)
        if item.startswith("t:"):
            return next((m for m in self.plan.measures if any(t_.id == item[2:] for t_ in m.tasks)), None)
        return self.plan.measures[-1] if self.plan.measures else None

    def _changed(self, plan: Plan, keep: str | None = None) -> None:
        self.plan = plan
        self._show(keep)

    # --- editing ------------------------------------------------------------------------------

    def on_option_list_option_selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        item = self._current()
        if item == _HEAD:
            self.action_edit_header()
        elif item == _ADD_MEASURE:
            self.action_add_measure()
        elif item.startswith("m:") and (measure := self._measure_of(item)):
            form = MeasureForm(measure, self.app.session.catalogue(self.plan.year))
            self.app.push_screen(form, lambda m: self._measure_edited(form, m, new=False))
        elif item.startswith("t:") and (measure := self._measure_of(item)):
            task = self.plan.task(item[2:])
            self.app.push_screen(TaskForm(task, self.plan.year, new=False),
                                 lambda t_: t_ is not None and self._changed(put_task(self.plan, measure.id, t_),
                                                                             f"t:{t_.id}"))

    def action_edit_header(self) -> None:
        self.app.push_screen(PlanHeaderForm(self.plan), lambda p: p is not None and self._changed(p, _HEAD))

    def action_add_measure(self) -> None:
        catalogue = self.app.session.catalogue(self.plan.year)  # type: ignore[attr-defined]
        first = catalogue.indicators[0]
        draft = Measure(id="new", tool=first.tool, indicator=first.number, indicator_name=first.name, issue="")

        form = MeasureForm(draft, catalogue)
        self.app.push_screen(form, lambda m: self._measure_edited(form, m, new=True))

    def _measure_edited(self, form: MeasureForm, measure: Measure | None, *, new: bool) -> None:
        if measure is None:
            return
        if new:
            measure = replace(measure, id=new_measure_id(self.plan, measure.code, measure.tool, measure.indicator,
                                                         self.taken))
        self._changed(put_measure(self.plan, measure), f"m:{measure.id}")
        if form.new_item is not None:
            self._remember_item(self.plan.year, form.new_item)

    @work(thread=True, group="catalogue")
    def _remember_item(self, year: int, item: Item) -> None:
        """An item code this year's catalogue lacks goes into the agency's corrected catalogue."""
        try:
            self.app.session.add_catalogue_item(year, item)  # type: ignore[attr-defined]
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self.notify, t("{code} was added to the agency's ITA catalogue of {year}.",
                                                 self.app.lang, code=item.code, year=year), markup=False)

    def action_add_task(self, role: str) -> None:
        measure = self._measure_of(self._current())
        if measure is None:
            self.notify(t("Add a measure first (m).", self.app.lang), markup=False)
            return
        draft = Task(id="new", role=role, text="", cadence=Cadence("monthly"))

        def added(task: Task | None) -> None:
            if task is not None:
                task = replace(task, id=next_task_id(self.plan, measure.id, task.role, self.taken))
                self.taken.add(task.id)
                self._changed(put_task(self.plan, measure.id, task), f"t:{task.id}")

        self.app.push_screen(TaskForm(draft, self.plan.year, new=True), added)

    def action_remove(self) -> None:
        item = self._current()
        if not item.startswith(("m:", "t:")):
            return
        if item.startswith("m:"):
            measure = self._measure_of(item)
            ids = [t_.id for t_ in measure.tasks] if measure else []
            edited = remove_measure(self.plan, item[2:])
        else:
            ids = [item[2:]]
            edited = remove_task(self.plan, item[2:])
        count = sum(self.record_counts.get(i, 0) for i in ids)
        if not count:
            self._changed(edited)
            return
        lang = self.app.lang
        question = t("{what} has {n} records. Remove it? The records are kept in the audit log and can be restored "
                     "from there (Enter on the plan edit).", lang, what=item[2:], n=count)
        self.app.push_screen(ConfirmDialog(question, t("Remove", lang)), lambda yes: yes and self._changed(edited))

    def action_move(self, step: int) -> None:
        item = self._current()
        if item.startswith(("m:", "t:")):
            self._changed(move(self.plan, item[2:], step), item)

    # --- saving -------------------------------------------------------------------------------

    def action_save(self, remove_records: bool = False) -> None:
        if not self.plan.organisation.name:
            self.action_edit_header()
            return
        self._save(self.plan, remove_records)

    @work(thread=True, exclusive=True)
    def _save(self, plan: Plan, remove_records: bool) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        try:
            removed = session.save_plan(plan, remove_records=remove_records)
            _, _, counts = session.editing(plan.year)
        except WouldRemoveRecords as exc:
            self.app.call_from_thread(self._ask_remove, exc)
            return
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, t("Could not save: {error}", self.app.lang, error=str(exc)),
                                      severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._saved, plan, len(removed), counts)

    def _ask_remove(self, refused: WouldRemoveRecords) -> None:
        lang = self.app.lang
        tasks = ", ".join(sorted({r.task_id for r in refused.records}))
        question = t("Saving removes {n} records that no longer fit the plan ({tasks}). They stay in the audit log "
                     "and can be restored. Save?", lang, n=len(refused.records), tasks=tasks)
        self.app.push_screen(ConfirmDialog(question, t("Save", lang)),
                             lambda yes: yes and self.action_save(remove_records=True))

    def _saved(self, plan: Plan, removed: int, counts: dict[str, int]) -> None:
        self.saved_plan, self.record_counts, self.was_saved = plan, counts, True
        self._show(self._current())
        self.app.reload()  # type: ignore[attr-defined]
        message = t("Plan saved.", self.app.lang)
        if removed:
            message += " " + t("{n} records were moved to the audit log.", self.app.lang, n=removed)
        self.notify(message, markup=False)

    def action_copy_next_year(self) -> None:
        lang, year = self.app.lang, self.plan.year
        if self.dirty:
            self.notify(t("Save the plan first (ctrl+s).", lang), markup=False)
            return
        once = sum(1 for t_ in self.plan.tasks() if t_.cadence.kind == "once")
        question = t("Copy this plan to fiscal year {next}? Its {once} one-off deadlines move one year on; records "
                     "are not copied. Review the copy's issues against the new ITA results.", lang,
                     next=display.number(year + 1, lang), once=once)
        self.app.push_screen(ConfirmDialog(question, t("Copy", lang)), lambda yes: yes and self._copy(year))

    @work(thread=True, exclusive=True)
    def _copy(self, year: int) -> None:
        try:
            self.app.session.copy_plan(year, year + 1)  # type: ignore[attr-defined]
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._copied, year + 1)

    def _copied(self, year: int) -> None:
        review = copy_review(plan_for_year(self.plan, year), self.app.session.catalogue(year))  # type: ignore[attr-defined]
        self.notify(t("Copied to fiscal year {year}. To review:", self.app.lang, year=year) + "\n"
                    + "\n".join(f"- {point}" for point in review), markup=False, timeout=30)
        self.dismiss(year)

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss(self.plan.year if self.was_saved else None)
            return
        self.app.push_screen(ConfirmDialog(t("Leave the editor without saving your changes?", self.app.lang),
                                           t("Leave", self.app.lang)), self._leave)

    def _leave(self, yes: bool) -> None:
        if yes:
            self.dismiss(self.plan.year if self.was_saved else None)


def empty_plan(year: int) -> Plan:
    """The start of a plan made in the app: an agency fills in its header first."""
    return Plan(year=year, organisation=Organisation(""))
