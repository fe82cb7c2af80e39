"""The highlighted occurrence: its window and due date, the full task text, and its evidence."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from itacheck.domain.model import Record
from itacheck.domain.status import OccurrenceStatus, TaskStatus
from itacheck.labels import occurrence_label
from itacheck.tui import display
from itacheck.tui.text import t


def _size(n: int, lang: str) -> str:
    return display.digits(f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B", lang)


class EvidenceView(Static):
    """Notes, links and file names are shown literally (`Content`), never as markup."""

    def show(self, task: TaskStatus | None, occ: OccurrenceStatus | None, lang: str, *,
             today_fits: bool = True) -> None:
        """``today_fits``: Space records "done today" only when today fits the plan's year; the
        hint says what Space will do."""
        if task is None or occ is None:
            self.update(Content(""))
            return
        o = occ.occurrence
        window = f"{display.day(o.start, lang)} – {display.day(o.end, lang)}"
        head = (f"{display.label(occ.status, lang)} · {occurrence_label(o, lang)} ({window})"
                f" · {t('due', lang)} {display.day(o.due, lang)}")
        parts: list[str | tuple[str, str]] = [(head, "bold")]
        for record in occ.records:
            parts += ["\n", *self._record(record, lang)]
        if not occ.records:
            hint = ("No evidence yet: Space records it done today, e adds evidence." if today_fits
                    else "No evidence yet: press e (or Space) and type the date it was done.")
            parts += ["\n", (t(hint, lang), "italic")]
        parts += ["\n", task.task.text]  # in full: the checklist line may be cut short
        self.update(Content.assemble(*parts))

    @staticmethod
    def _record(r: Record, lang: str) -> list[str | tuple[str, str]]:
        what = t("not applicable", lang) if r.skipped else t("done on", lang)
        at = f" ({display.moment(r.recorded_at, lang)})" if r.recorded_at else ""
        lines: list[str | tuple[str, str]] = [(f"{'-' if r.skipped else '✓'} {what} {display.day(r.done_on, lang)}",
                                               "bold"), f" — {r.recorded_by}{at}"]
        if r.note:
            lines += ["\n  ", r.note.replace("\n", "\n  ")]
        for link in r.links:
            lines += ["\n  ", f"{t('link', lang)}: ", link]
        for a in r.attachments:
            lines += ["\n  ", f"{t('file', lang)}: ", f"{a.name} ({_size(a.size, lang)})"]
        return lines
