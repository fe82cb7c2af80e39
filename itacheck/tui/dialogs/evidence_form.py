"""The evidence form: date done (any form `parse_date` reads), note, links, files, not applicable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from itacheck.domain.cadence import Occurrence
from itacheck.domain.model import Record
from itacheck.labels import occurrence_label
from itacheck.store.errors import StoreError
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.draft import EvidenceDraft, fits_year, read_date, read_draft
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t

_FIELDS = {"date": "Date done", "note": "Note", "links": "Links", "files": "Files"}


class EvidenceForm(Localised, ModalScreen[Record | None]):
    """Nothing is saved until every field is valid; a failed save (lock busy, disk full) keeps the
    form and what was typed. ``save`` is the blocking store call, run here in a thread worker.
    With ``record`` the form corrects that record (its fields filled in; ``delete`` takes it back
    after a question); Esc on a form that holds typing asks before throwing it away."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel"),
                Binding("ctrl+d", "delete", "Delete this record", priority=True)]

    def __init__(self, task_text: str, occurrence: Occurrence, year: int, today: date,
                 save: Callable[[EvidenceDraft], Record], record: Record | None = None,
                 delete: Callable[[], Record | None] | None = None) -> None:
        super().__init__()
        self.task_text = task_text
        self.occurrence = occurrence
        self.year = year
        self.today = today
        self.save = save
        self.record = record
        self.delete = delete
        self._outside_accepted: date | None = None  # a date outside the period, saved on a second ctrl+s
        self._initial: tuple[object, ...] = ()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+d only where there is a record to delete (and only then in the footer)."""
        return self.delete is not None if action == "delete" else True

    def _outside(self, done_on: date) -> str:
        """Why ``done_on`` looks wrong for this period ("" when it fits): work on a recurring task is
        done between the window's start and its deadline. A one-off task done late is just late."""
        o = self.occurrence
        if o.key == "once" or o.start <= done_on <= max(o.end, o.due):
            return ""
        lang = self.app.lang
        return t("{day} is outside {period} ({start} – {end}).", lang, day=display.day(done_on, lang),
                 period=occurrence_label(o, lang), start=display.day(o.start, lang),
                 end=display.day(max(o.end, o.due), lang))

    def compose(self) -> ComposeResult:
        lang, r = self.app.lang, self.record
        if r is not None:
            date_text = display.day(r.done_on, lang)
        else:
            date_text = display.day(self.today, lang) if fits_year(self.today, self.year) else ""
        with VerticalScroll(id="form"):
            title = t("Correct the evidence", lang) if self.record else t("Record evidence", lang)
            yield Static(Content.assemble((title, "bold"), " · ",
                                          occurrence_label(self.occurrence, lang),
                                          "\n", fit(self.task_text, 150)), id="form-title")
            with Horizontal(classes="field"):
                yield Label(Content(t("Date done", lang)))
                yield Input(value=date_text, id="date", compact=True,
                            placeholder=t("e.g. 25 ต.ค. 66, 25/10/2566 or 2023-10-25", lang))
            yield Static(id="date-echo", classes="echo")
            with Horizontal(classes="field"):
                yield Label(Content(t("Note", lang)))
                yield TextArea(r.note if r else "", id="note", compact=True, soft_wrap=True)
            with Horizontal(classes="field"):
                yield Label(Content(t("Links", lang)))
                yield Input(value=" ".join(r.links) if r else "", id="links", compact=True,
                            placeholder=t("https://… (separate with spaces)", lang))
            with Horizontal(classes="field"):
                yield Label(Content(t("Files", lang)))
                yield Input(id="files", compact=True, placeholder=t("~/…/report.pdf (separate with ;)", lang))
            if r is not None and r.attachments:
                with Horizontal(classes="field"):
                    yield Label(Content(t("Attached", lang)))
                    names = ", ".join(a.name for a in r.attachments)
                    yield Select([(Content(t("Keep: {names}", lang, names=names)), False),
                                  (Content(t("Remove: {names}", lang, names=names)), True)],
                                 value=False, allow_blank=False, compact=True, id="drop-files")
            with Horizontal(classes="field"):
                yield Label(Content(t("Result", lang)))
                yield Select([(Content(t("Done", lang)), False),
                              (Content(t("Not applicable in this round (say why in the note)", lang)), True)],
                             value=bool(r and r.skipped), allow_blank=False, compact=True, id="skipped")
            yield Static(id="errors")
            with Horizontal(id="buttons"):
                yield Button(Content(t("Save", lang) + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(Content(t("Cancel", lang) + " (esc)"), id="cancel", compact=True)
                if self.delete is not None:
                    yield Button(Content(t("Delete this record", lang) + " (ctrl+d)"), id="delete",
                                 variant="error", compact=True)

    def on_mount(self) -> None:
        self._echo_date(self.query_one("#date", Input).value)
        self.query_one("#date", Input).focus()
        self._initial = self._typed()

    def _typed(self) -> tuple[object, ...]:
        """Everything the officer can change, to tell whether anything was typed."""
        return (self.query_one("#date", Input).value, self.query_one("#note", TextArea).text,
                self.query_one("#links", Input).value, self.query_one("#files", Input).value,
                self.query_one("#skipped", Select).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "date":
            self._echo_date(event.value)

    def _echo_date(self, text: str) -> None:
        """Show what the typed date was read as, so "๑/๔/๖๖" is never a surprise."""
        echo = self.query_one("#date-echo", Static)
        if not text.strip():
            echo.update(Content(t("Type the date it was done.", self.app.lang)))
            echo.set_class(False, "-invalid")
            return
        try:
            done_on = read_date(text, self.today, self.year)
        except ValueError as exc:
            echo.update(Content(f"✗ {exc}"))
            echo.set_class(True, "-invalid")
        else:
            outside = self._outside(done_on)
            read_as = f"✓ {display.day(done_on, self.app.lang, 'long')}"
            echo.update(Content(f"⚠ {outside}" if outside else read_as))
            echo.set_class(bool(outside), "-invalid")

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"save": self.action_save, "delete": self.action_delete}.get(str(event.button.id), self.action_cancel)()

    def action_cancel(self) -> None:
        """Leave; a form that holds typing asks first, so a stray Esc loses nothing."""
        if self._typed() == self._initial:
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmDialog(t("Throw away what you typed in this form?", self.app.lang),
                                           t("Throw it away", self.app.lang)), self._leave)

    def _leave(self, yes: bool) -> None:
        if yes:
            self.dismiss(None)

    def action_delete(self) -> None:
        if self.delete is None or self.record is None:
            return
        lang = self.app.lang
        question = t("Delete this record (done on {day}, by {who})? The audit log keeps a copy.", lang,
                     day=display.day(self.record.done_on, lang), who=self.record.recorded_by)
        self.app.push_screen(ConfirmDialog(question, t("Delete", lang)), self._confirmed_delete)

    def _confirmed_delete(self, yes: bool) -> None:
        if yes:
            self._delete()

    @work(thread=True, exclusive=True)
    def _delete(self) -> None:
        try:
            removed = self.delete() if self.delete else None
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        message = t("Deleted; the audit log keeps a copy.", self.app.lang) if removed else \
            t("Nothing to undo: that record was already taken back.", self.app.lang)
        self.app.call_from_thread(self.notify, message, markup=False)
        self.app.call_from_thread(self.dismiss, None)

    def action_save(self) -> None:
        draft, errors = read_draft(self.query_one("#date", Input).value, self.query_one("#note", TextArea).text,
                                   self.query_one("#links", Input).value, self.query_one("#files", Input).value,
                                   bool(self.query_one("#skipped", Select).value), self.today, self.year)
        if draft is not None and (outside := self._outside(draft.done_on)) and self._outside_accepted != draft.done_on:
            self._outside_accepted = draft.done_on
            errors = {"date": outside + " " + t("Check the date, or press ctrl+s again to save it anyway.",
                                                self.app.lang)}
            draft = None
        self._show_errors(errors)
        if draft is None:
            self.query_one(f"#{next(f for f in _FIELDS if f in errors)}").focus()
            return
        if self.record is not None and self.record.attachments:
            draft = replace(draft, drop_attachments=bool(self.query_one("#drop-files", Select).value))
        self.query_one("#save", Button).disabled = True
        self._save(draft)

    def _show_errors(self, errors: dict[str, str]) -> None:
        lang = self.app.lang
        lines = [f"✗ {t(label, lang)}: {errors[field]}" for field, label in _FIELDS.items() if field in errors]
        self.query_one("#errors", Static).update(Content("\n".join(lines)))
        for field in _FIELDS:
            self.query_one(f"#{field}").set_class(field in errors, "-invalid")

    @work(thread=True, exclusive=True)
    def _save(self, draft: EvidenceDraft) -> None:
        try:
            record = self.save(draft)
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
        else:
            self.app.call_from_thread(self.dismiss, record)

    def _failed(self, message: str) -> None:
        text = t("Could not save: {error}", self.app.lang, error=message)
        self.query_one("#errors", Static).update(Content(f"✗ {text}"))
        self.query_one("#save", Button).disabled = False
        self.notify(text, severity="error", markup=False, timeout=10)
