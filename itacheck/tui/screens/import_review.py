"""Checking an imported plan before it is saved: every task with the cadence found and how it was
found, every fix and guess marked ⚠; Enter corrects a task's cadence, ctrl+s saves."""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from itacheck.domain.cadence import Cadence
from itacheck.domain.model import Plan, plan_for_year
from itacheck.reportimport import PlanDraft, TaskReading
from itacheck.store.errors import PlanExists, StoreError
from itacheck.tui import display
from itacheck.tui.cadence_draft import occurrences_text
from itacheck.tui.dialogs.cadence import CadenceDialog
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t
from itacheck.tui.widgets.key_footer import KeyFooter

_BY_OFFICER = TaskReading("", "กำหนดโดยเจ้าหน้าที่", "set by the officer")


class ReviewScreen(Localised, Screen[int | None]):
    """Dismissed with the fiscal year the plan was saved into, or None (back, nothing saved)."""

    BINDINGS = [Binding("c,แ", "cadence", "Change the cadence"),
                Binding("ctrl+s", "save", "Save the plan"), Binding("escape", "back", "Back"),
                Binding("q,ๆ", "quit", "Quit")]

    def __init__(self, draft: PlanDraft) -> None:
        super().__init__()
        self.draft = draft
        self.plan = draft.plan
        self.readings = dict(draft.readings)

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        year = self.plan.year
        yield Static(id="review-title", classes="screen-title")
        with Horizontal(id="review-year", classes="field"):
            yield Label(Content(t("Save as the plan of", lang)))
            yield Select([(Content(f"{t('fiscal year', lang)} {display.number(year, lang)} "
                                   f"({t('as in the report', lang)})"), year),
                          (Content(f"{t('fiscal year', lang)} {display.number(year + 1, lang)} "
                                   f"({t('next year: deadlines move one year on', lang)})"), year + 1)],
                         value=year, allow_blank=False, compact=True, id="target-year")
        yield OptionList(id="review-list")
        with VerticalScroll(id="review-detail-box"):
            yield Static(id="review-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()

    def _target(self) -> int:
        return int(self.query_one("#target-year", Select).value)  # type: ignore[arg-type]

    def _show(self, keep: str | None = None) -> None:
        lang = self.app.lang
        guesses = sum(1 for t_ in self.plan.tasks() if self._guessed(t_.id)) + len(self.draft.notes)
        org = self.plan.organisation.name or "?"
        self.query_one("#review-title", Static).update(Content(
            f"{t('Check before saving', lang)}: {org} · {display.number(len(self.plan.measures), lang)} "
            f"{t('measures', lang)} · {display.number(len(self.plan.tasks()), lang)} {t('tasks', lang)} · "
            f"⚠ {display.number(guesses, lang)} {t('to check', lang)}"))
        options: list[Option] = [Option(Content(f"⚠ {n.text(lang)}"), disabled=True)
                                 for n in self.draft.notes if n.where == "plan"]
        for m in self.plan.measures:
            options.append(Option(Content.assemble((f"[{m.id}] {m.tool} {t('indicator', lang)} "
                                                    f"{display.number(m.indicator, lang)} ", "bold"),
                                                   " ".join(m.issue.split())), disabled=True))
            for task in m.tasks:
                mark = "✎" if self._reading(task.id) is _BY_OFFICER else "⚠" if self._guessed(task.id) else "✓"
                options.append(Option(Content(f" {mark} {task.id} · {display.cadence(task.cadence, lang)} · "
                                              f"{task.text}"), id=task.id))
            options += [Option(Content(f"   ⚠ {n.text(lang)}"), disabled=True)
                        for n in self.draft.notes if n.where == m.id]
        listing = self.query_one(OptionList)
        listing.set_options(options)
        target = keep or next((o.id for o in options if o.id), None)
        if target:
            listing.highlighted = listing.get_option_index(target)

    def _guessed(self, task_id: str) -> bool:
        """The cadence was inferred, not read from the task's words nor set by the officer."""
        reading = self._reading(task_id)
        return reading is not _BY_OFFICER and not reading.words

    def _reading(self, task_id: str) -> TaskReading:
        return self.readings.get(task_id, TaskReading("—", "จากไฟล์แผน", "from the plan file"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._detail(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_cadence()

    def on_select_changed(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None and (option := listing.get_option_at_index(listing.highlighted)).id:
            self._detail(option.id)

    def _detail(self, task_id: str) -> None:
        lang = self.app.lang
        task = self.plan.task(task_id)
        reading = self._reading(task_id)
        how = reading.how(lang) + (f" “{' '.join(reading.words.split())}”" if reading.words.strip("—") else "")
        self.query_one("#review-detail", Static).update(Content.assemble(
            (f"{task_id} · {display.cadence(task.cadence, lang)}", "bold"), "\n", task.text, "\n",
            f"{t('found', lang)}: {how}", "\n",
            "→ " + occurrences_text(self._in_target().task(task_id).cadence, self._target(), lang)))

    def _in_target(self) -> Plan:
        """The plan as it will be saved: carried into the chosen fiscal year."""
        target = self._target()
        return plan_for_year(self.plan, target) if target != self.plan.year else self.plan

    def action_cadence(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not (task_id := listing.get_option_at_index(listing.highlighted).id):
            return
        task = self.plan.task(task_id)

        def chosen(cadence: Cadence | None) -> None:
            if cadence is None:
                return
            self.plan = replace(self.plan, measures=tuple(
                replace(m, tasks=tuple(replace(t_, cadence=cadence) if t_.id == task_id else t_ for t_ in m.tasks))
                for m in self.plan.measures))
            self.readings[task_id] = _BY_OFFICER
            self._show(keep=task_id)

        self.app.push_screen(CadenceDialog(task.text, task.cadence, self.plan.year), chosen)

    def action_save(self, replace_plan: bool = False) -> None:
        plan = self._in_target()
        records = self.draft.records if plan.year == self.plan.year else ()
        self._save(plan, records, replace_plan)

    @work(thread=True, exclusive=True)
    def _save(self, plan: Plan, records, replace_plan: bool) -> None:  # noqa: ANN001
        session = self.app.session  # type: ignore[attr-defined]
        try:
            session.import_plan(plan, records, source=self.draft.source, overwrite=replace_plan)
        except PlanExists:
            self.app.call_from_thread(self._ask_replace, plan.year)
            return
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, t("Could not save: {error}", self.app.lang, error=str(exc)),
                                      severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self.dismiss, plan.year)

    def _ask_replace(self, year: int) -> None:
        lang = self.app.lang
        question = t("Fiscal year {year} already has a plan. Replace it with this one? Its records are kept.", lang,
                     year=display.number(year, lang))
        self.app.push_screen(ConfirmDialog(question, t("Replace", lang)),
                             lambda yes: yes and self.action_save(replace_plan=True))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_quit(self) -> None:
        """Quitting here would drop what was read and checked: ask first."""
        self.app.push_screen(ConfirmDialog(t("Quit without saving the imported plan?", self.app.lang),
                                           t("Quit", self.app.lang)), lambda yes: yes and self.app.exit())
