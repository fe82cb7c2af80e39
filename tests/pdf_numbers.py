"""The report's numbers read back from a PDF with pypdf, and the numbers a plan's statuses call
for, worked out independently of the report's code: shared by the report, CLI and TUI tests."""

from __future__ import annotations

import re

import pypdf

from itacheck import thai
from itacheck.domain.status import PlanStatus

#: Summary table columns and indicator sentences, in the order the report prints them.
COUNTS = ("total", "done", "late", "overdue", "pending", "skipped", "percent")


def expected_counts(occurrence_statuses: list[str]) -> dict[str, str]:
    """What the report must print for these occurrences, worked out here from their statuses:
    "pending" is every occurrence not yet due (due soon, open, upcoming), and the percentage is
    (done + late) / (all - skipped) with one decimal."""
    n = {s: occurrence_statuses.count(s) for s in ("done", "late", "overdue", "due_soon", "open", "upcoming",
                                                  "skipped")}
    expected = len(occurrence_statuses) - n["skipped"]
    percent = f"{100 * (n['done'] + n['late']) / expected:.1f}" if expected else "-"
    return {"total": str(len(occurrence_statuses)), "done": str(n["done"]), "late": str(n["late"]),
            "overdue": str(n["overdue"]), "pending": str(n["due_soon"] + n["open"] + n["upcoming"]),
            "skipped": str(n["skipped"]), "percent": percent}


def expected_by_indicator(status: PlanStatus) -> dict[str, dict[str, str]]:
    """``expected_counts`` per "TOOL N" and for the whole plan ("plan"), from every occurrence."""
    groups: dict[str, list[str]] = {}
    for m in status.measures:
        statuses = [o.status for t in m.tasks for o in t.occurrences]
        groups.setdefault(f"{m.measure.tool} {m.measure.indicator}", []).extend(statuses)
    out = {key: expected_counts(statuses) for key, statuses in groups.items()}
    out["plan"] = expected_counts([s for statuses in groups.values() for s in statuses])
    return out


def _arabic(text: str) -> str:
    return thai.to_arabic_digits(text)


def page_rows(page) -> list[list[str]]:
    """The text drawn on ``page``, as rows of cells: runs on one baseline, left to right."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            runs.append((round(tm[5], 1), tm[4], text.replace("\n", "")))

    page.extract_text(visitor_text=visit)
    rows: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in runs:
        rows.setdefault(y, []).append((x, text))
    return [[text.strip() for _, text in sorted(cells)] for _, cells in sorted(rows.items(), reverse=True)]


_SUMMARY_LABEL = re.compile(r"(IIT|EIT|OIT) ตัวชี้วัดที่ ([0-9๐-๙]+)")


def printed_summary(reader: pypdf.PdfReader) -> dict[str, dict[str, str]]:
    """The summary table as printed: "TOOL N" (and "plan" for รวมทั้งแผน) → its seven figures."""
    out = {}
    for page in reader.pages:
        for cells in page_rows(page):
            match = _SUMMARY_LABEL.match(cells[0])
            key = f"{match[1]} {_arabic(match[2])}" if match else "plan" if cells[0] == "รวมทั้งแผน" else None
            if key and len(cells) == 1 + len(COUNTS):
                out[key] = dict(zip(COUNTS, map(_arabic, cells[1:])))
    return out


_N = "([0-9๐-๙]+)"
_SENTENCE = re.compile(
    rf"สรุปผลตัวชี้วัดที่ {_N}: ต้องดำเนินการ {_N} ครั้ง แล้วเสร็จ {_N} ครั้ง \(ตามกำหนด {_N} ล่าช้า {_N}\) "
    rf"เกินกำหนด {_N} ครั้ง ยังไม่ครบกำหนด {_N} ครั้ง(?: ไม่ต้องดำเนินการ {_N} ครั้ง)? "
    r"คิดเป็นร้อยละ (-|[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)")


def printed_sentences(text: str) -> dict[str, dict[str, str]]:
    """Each indicator's summary sentence as printed: indicator number → its figures (the sentence
    names the number only; "completed" is done + late as the sentence says it)."""
    out = {}
    for m in _SENTENCE.finditer(text):
        number, total, completed, done, late, overdue, pending, skipped, percent = (
            _arabic(g) if g else "0" for g in m.groups())
        out[number] = {"total": total, "completed": completed, "done": done, "late": late, "overdue": overdue,
                       "pending": pending, "skipped": skipped, "percent": percent}
    return out
