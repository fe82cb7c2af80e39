"""The checklist: plan tree on the left, the chosen measure and its occurrences on the right."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from itacheck.domain.fiscal import fiscal_round, report_deadline
from itacheck.domain.model import Record
from itacheck.domain.status import MeasureStatus, OccurrenceStatus, PlanStatus, TaskStatus
from itacheck.store.errors import AlreadyRecorded
from itacheck.tui import display, notices
from itacheck.tui.draft import EvidenceDraft, fits_year
from itacheck.tui.filtering import Filter, units
from itacheck.tui.screens.base import Localised
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t
from itacheck.tui.widgets.checklist import Checklist
from itacheck.tui.widgets.evidence_view import EvidenceView
from itacheck.tui.widgets.key_footer import KeyFooter
from itacheck.tui.widgets.measure_info import MeasureInfo
from itacheck.tui.widgets.plan_tree import PlanTree


_SHOW_LABELS = (("all", "Show everything"), ("overdue", "Overdue only"), ("month", "Due this month"))


class MainScreen(Localised, Screen[None]):
    """Shows the app's snapshot (watched, so a live refresh lands here) and turns the officer's keys
    into calls on the app; it keeps no data of its own besides what the widgets show. Its dialogs
    are imported when first opened: the first frame does not wait for them.

    Each letter key also answers to the Thai (Kedmanee) character on the same key, so the keys
    work while the officer's keyboard is still in Thai mode."""

    BINDINGS = [
        Binding("e,ำ", "evidence", "Evidence"),
        Binding("u,thai_character_sara_ii", "undo", "Undo"),
        Binding("p,ย", "app.period", "Period"),
        Binding("n,thai_character_sara_uee", "app.next_round", "Next round", show=False),
        Binding("d,ก", "app.dashboard", "Dashboard"),
        Binding("r,พ", "app.report", "Report", show=False),
        Binding("a,ฟ", "app.audit", "Audit log", show=False),
        Binding("ctrl+e", "app.edit_plan", "Edit the plan", show=False),
        Binding("slash,ฝ", "filter", "Find"),
        Binding("escape", "clear_filter", "Show all", show=False),
        Binding("j,thai_character_mai_ek", "move('down')", "Down", show=False),
        Binding("k,า", "move('up')", "Up", show=False),
        Binding("g,เ", "move('first')", "First", show=False),
        Binding("G,ฌ", "move('last')", "Last", show=False),
    ]

    #: What the checklist and tree show (`/`): words, and all / overdue / this month / a unit.
    filter = Filter()

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield Static(Content(t("Loading…", lang)), id="period-bar")
        with Horizontal(id="filter-bar"):
            yield Input(id="filter-words", compact=True, placeholder=t("Find: words of a task or measure", lang))
            yield Select([(Content(t(label, lang)), show) for show, label in _SHOW_LABELS], value="all",
                         allow_blank=False, compact=True, id="filter-show")
        with Horizontal(id="body"):
            yield PlanTree(id="tree")
            with Vertical(id="detail"):
                with VerticalScroll(id="measure-box", can_focus=False):  # Tab: tree, checklist, evidence
                    yield MeasureInfo(id="measure")
                yield Checklist(id="checklist")
                with VerticalScroll(id="evidence-box"):
                    yield EvidenceView(id="evidence")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._show_snapshot)
        self.watch(self.app, "lang", lambda _: self._show_snapshot(self.app.snapshot), init=False)
        self.query_one(PlanTree).focus()

    @property
    def lang(self) -> str:
        return self.app.lang

    def _view(self) -> PlanStatus | None:
        """The shown year's statuses as the filter lets them through."""
        snapshot = self.app.snapshot
        status = snapshot.status if snapshot else None
        return self.filter.apply(status) if status else None

    def _show_snapshot(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        self.query_one("#period-bar", Static).update(Content(self._bar_text(snapshot)))
        units_now = units(snapshot.status)
        show = self.query_one("#filter-show", Select)
        if [v for _, v in _SHOW_LABELS] + [f"unit:{u}" for u in units_now] != self._show_values:
            self._show_values = [v for _, v in _SHOW_LABELS] + [f"unit:{u}" for u in units_now]
            show.set_options([(Content(t(label, self.lang)), value) for value, label in _SHOW_LABELS]
                             + [(Content(f"{t('Unit', self.lang)}: {u}"), f"unit:{u}") for u in units_now])
            show.value = self.filter.show if self.filter.show in self._show_values else "all"
        view = self._view()
        tree = self.query_one(PlanTree)
        tree.show(view, self.lang)
        measure_id = tree.measure_id
        shown = {m.measure.id for m in view.measures} if view else set()
        if measure_id not in shown and view and view.measures:  # none yet, or filtered out
            measure_id = view.measures[0].measure.id
            tree.select_measure(measure_id)
        self._show_measure(measure_id)

    def _bar_text(self, snapshot: Snapshot) -> str:
        lang, period = self.lang, snapshot.period
        parts = [display.period_label(period, lang), f"{t('as of', lang)} {display.day(period.as_of, lang)}"]
        if self.filter.active:
            parts.append(t("filtered", lang))
        rnd = fiscal_round(period.year, period.round)
        if period.round in ("half", "full") and rnd.end < period.as_of <= report_deadline(rnd):
            parts.append(t("its report is due {day}", lang, day=display.day(report_deadline(rnd), lang)))
        if snapshot.status:
            tally = snapshot.status.tally
            parts.insert(0, snapshot.status.plan.organisation.name)
            parts.append(f"{display.progress(tally, lang)} ({display.percent(tally, lang)})")
        return " · ".join(parts)

    def measure_status(self, measure_id: str | None) -> MeasureStatus | None:
        view = self._view()
        if view is None or measure_id is None:
            return None
        return next((m for m in view.measures if m.measure.id == measure_id), None)

    def _show_measure(self, measure_id: str | None) -> None:
        snapshot = self.app.snapshot
        measure = self.measure_status(measure_id)
        self.query_one(MeasureInfo).show(measure, self.lang, self._problem(snapshot))
        self.query_one("#measure-box").set_class(measure is None, "-message")  # room for a long error
        self.query_one(Checklist).show(measure, self.lang)

    def _problem(self, snapshot: Snapshot | None) -> str:
        if snapshot is None:
            return t("Loading…", self.lang)
        if snapshot.error:
            return t("Cannot read the data: {error}", self.lang, error=snapshot.error)
        if snapshot.status is None:
            return t("There is no plan for fiscal year {year} yet. Import one with: itacheck plan import FILE",
                     self.lang, year=display.number(snapshot.period.year, self.lang))
        return ""

    def show_measure(self, measure_id: str) -> None:
        """Open a measure's checklist (from the command palette)."""
        self.query_one(PlanTree).select_measure(measure_id)
        self._show_measure(measure_id)
        self.query_one(Checklist).focus()

    def jump_to(self, measure_id: str, task_id: str, key: str) -> None:
        """Put the cursor on one occurrence (from the dashboard)."""
        self.show_measure(measure_id)
        self.query_one(Checklist).select_occurrence(task_id, key)

    # --- messages from the widgets ------------------------------------------------------------

    def on_plan_tree_measure_highlighted(self, event: PlanTree.MeasureHighlighted) -> None:
        self._show_measure(event.measure_id)

    def on_checklist_occurrence_highlighted(self, event: Checklist.OccurrenceHighlighted) -> None:
        period = self.app.period
        fits = period is None or fits_year(self.app.session.today(), period.year)
        self.query_one(EvidenceView).show(event.task, event.occurrence, self.lang, today_fits=fits)

    def on_checklist_tick_requested(self, event: Checklist.TickRequested) -> None:
        """Record the occurrence as done today. Whether it has a record already is decided by the
        store under its lock, against the file (this screen's copy may be seconds old); if it has
        one, the officer is told whose and asked before a second record is added."""
        period, session = self.app.period, self.app.session
        if period is None:
            return
        task_id, key, today = event.task.task.id, event.occurrence.occurrence.key, session.today()
        if not fits_year(today, period.year):  # an old plan: the officer must say when it was done
            self.notify(t("Today is more than a year outside fiscal year {year}: type the date it was done.",
                          self.lang, year=display.number(period.year, self.lang)), markup=False)
            self.action_evidence()
            return

        def tick() -> Record | AlreadyRecorded:
            try:
                return session.record(period.year, task_id, key, today, only_if_free=True)
            except AlreadyRecorded as taken:
                return taken

        def ticked(result: Record | AlreadyRecorded) -> None:
            if isinstance(result, Record):
                self._recorded(result)
                return
            from itacheck.tui.dialogs.confirm import ConfirmDialog

            question = notices.already_recorded(result.record, self.app.snapshot, self.lang)
            self.app.push_screen(ConfirmDialog(question, t("Add another", self.lang)),
                                 lambda yes: yes and self.app.run_store(
                                     lambda: session.record(period.year, task_id, key, today), self._recorded))

        self.app.run_store(tick, ticked)

    def _recorded(self, record: Record | None) -> None:
        if record is not None:
            self.notify(notices.recorded(record, self.app.snapshot, self.lang), markup=False)

    def on_tree_node_selected(self) -> None:
        """Enter on a measure: go to its checklist."""
        if self.query_one(PlanTree).measure_id:
            self.query_one(Checklist).focus()

    # --- actions ------------------------------------------------------------------------------

    def action_evidence(self) -> None:
        """The evidence form for the selected occurrence; when it has records, first ask whether to
        correct one of them or add another."""
        current = self.query_one(Checklist).current
        if current is None:
            self.notify(t("Choose an item of the checklist first.", self.lang), markup=False)
            return
        task, occ = current
        if not occ.records:
            self._open_form(task, occ, None)
            return

        def chosen(choice: str | None) -> None:
            if choice is not None:
                self._open_form(task, occ, next((r for r in occ.records if r.id == choice), None))

        from itacheck.tui.dialogs.record_choice import RecordChoice

        self.app.push_screen(RecordChoice(occ.records), chosen)

    def _open_form(self, task: TaskStatus, occ: OccurrenceStatus, record: Record | None) -> None:
        period, session = self.app.period, self.app.session
        if period is None:
            return
        task_id, key = task.task.id, occ.occurrence.key

        def save(draft: EvidenceDraft) -> Record:
            if record is not None:
                return session.correct(period.year, record.id, draft.done_on, note=draft.note, links=draft.links,
                                       files=draft.files, drop_attachments=draft.drop_attachments,
                                       skipped=draft.skipped)
            return session.record(period.year, task_id, key, draft.done_on, note=draft.note, links=draft.links,
                                  files=draft.files, skipped=draft.skipped)

        from itacheck.tui.dialogs.evidence_form import EvidenceForm

        delete = (lambda: session.remove(period.year, record.id, "delete")) if record is not None else None
        form = EvidenceForm(task.task.text, occ.occurrence, period.year, session.today(), save, record, delete)
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, record: Record | None) -> None:
        if record is not None:
            self.app.reload()
            self._recorded(record)

    def action_undo(self) -> None:
        """Undo this window's latest tick at once; a tick made elsewhere (another terminal, a
        colleague sharing the login) only after a question naming who made it and when."""
        period, session = self.app.period, self.app.session
        if period is None:
            return

        def take_back(record: Record) -> None:
            self.app.run_store(lambda: session.remove(period.year, record.id),
                               lambda removed: self.notify(notices.undone(removed, self.app.snapshot, self.lang),
                                                           markup=False))

        def chosen(candidate: tuple[Record, bool] | None) -> None:
            if candidate is None:
                self.notify(t("Nothing of yours to undo in fiscal year {year}.", self.lang,
                              year=display.number(period.year, self.lang)), markup=False)
            elif candidate[1]:
                take_back(candidate[0])
            else:
                from itacheck.tui.dialogs.confirm import ConfirmDialog

                question = notices.undo_question(candidate[0], self.app.snapshot, self.lang)
                self.app.push_screen(ConfirmDialog(question, t("Undo it", self.lang)),
                                     lambda yes: yes and take_back(candidate[0]))

        self.app.run_store(lambda: session.undo_candidate(period.year), chosen)

    # --- finding ------------------------------------------------------------------------------

    _show_values: list[str] = []

    def action_filter(self) -> None:
        """`/`: the find bar, its words field focused."""
        self.query_one("#filter-bar").display = True
        self.query_one("#filter-words", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter-words":
            self._set_filter(replace(self.filter, words=event.value))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "filter-show" and event.value != self.filter.show:
            self._set_filter(replace(self.filter, show=str(event.value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter-words":
            self.query_one(Checklist).focus()

    def _set_filter(self, wanted: Filter) -> None:
        self.filter = wanted
        self._show_snapshot(self.app.snapshot)

    def action_clear_filter(self) -> None:
        """Esc in the find bar: everything again."""
        self.query_one("#filter-words", Input).value = ""
        self.query_one("#filter-show", Select).value = "all"
        self._set_filter(Filter())
        self.query_one("#filter-bar").display = False
        self.query_one(PlanTree).focus()

    def action_move(self, where: str) -> None:
        """j / k / g / G, as terminal users expect, in the tree and the checklist."""
        widget = self.focused
        if isinstance(widget, Checklist):
            {"down": widget.action_cursor_down, "up": widget.action_cursor_up, "first": widget.action_first,
             "last": widget.action_last}[where]()
        elif isinstance(widget, PlanTree):
            if where in ("down", "up"):
                (widget.action_cursor_down if where == "down" else widget.action_cursor_up)()
            else:
                widget.cursor_line = 0 if where == "first" else widget.last_line
