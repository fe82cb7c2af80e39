"""What the app tells the officer after a save or an undo, naming the item in words, not ids."""

from __future__ import annotations

from itacheck.domain.model import Plan, Record
from itacheck.labels import occurrence_label
from itacheck.thaitext.cells import fit
from itacheck.tui import display
from itacheck.tui.session import Snapshot
from itacheck.tui.text import t


def item_name(task_id: str, key: str, plan: Plan | None, lang: str, width: int = 40) -> str:
    """``รายงานผู้บริหาร (ไตรมาส ๒)``; the ids when the plan no longer has the task."""
    try:
        if plan is None:
            raise KeyError(task_id)
        text = plan.task(task_id).text
        occurrence = occurrence_label(plan.occurrence(task_id, key), lang)
    except (KeyError, ValueError):
        text, occurrence = task_id, key
    return f"{fit(text, width)} ({occurrence})"


def _name(record: Record, snapshot: Snapshot | None, lang: str) -> str:
    plan = snapshot.status.plan if snapshot and snapshot.status else None
    return item_name(record.task_id, record.occurrence, plan, lang)


def recorded(record: Record, snapshot: Snapshot | None, lang: str) -> str:
    said = "Marked not applicable: {what} ({day})." if record.skipped else "Recorded: {what}, done on {day}."
    message = t(said, lang, what=_name(record, snapshot, lang), day=display.day(record.done_on, lang))
    if snapshot is not None and record.done_on > snapshot.period.as_of:
        message += " " + t("It is dated after the as-of date ({as_of}), so this view does not count it yet.",
                           lang, as_of=display.day(snapshot.period.as_of, lang))
    return message


def undone(record: Record | None, snapshot: Snapshot | None, lang: str) -> str:
    if record is None:
        return t("Nothing to undo: that record was already taken back.", lang)
    return t("Undone: {what} ({day}). The audit log keeps it.", lang,
             what=_name(record, snapshot, lang), day=display.day(record.done_on, lang))


def already_recorded(record: Record, snapshot: Snapshot | None, lang: str) -> str:
    """The question when Space meets a period that has a record in the file (perhaps a
    colleague's, made after this screen last read it)."""
    return t("{what} is already recorded by {who} at {at}, done on {day}. Add another record to it?", lang,
             what=_name(record, snapshot, lang), who=record.recorded_by, at=display.moment(record.recorded_at, lang),
             day=display.day(record.done_on, lang))


def undo_question(record: Record, snapshot: Snapshot | None, lang: str) -> str:
    """The question before undoing a tick this window did not make."""
    return t("Undo {what}, recorded by {who} at {at} (done on {day})? It was not recorded in this window.", lang,
             what=_name(record, snapshot, lang), who=record.recorded_by, at=display.moment(record.recorded_at, lang),
             day=display.day(record.done_on, lang))
