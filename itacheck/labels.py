"""Words and marks for statuses, roles and periods, shared by the command line, the TUI and the PDF.

A status is always shown as a mark plus a word, never by colour alone (terminals over SSH may have
no colour, and colour-blind officers read the same screen).
"""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.cadence import Occurrence

STATUS_TH = {
    "done": "เสร็จตามกำหนด",
    "late": "เสร็จล่าช้า",
    "overdue": "เกินกำหนด",
    "due_soon": "ใกล้ครบกำหนด",
    "open": "อยู่ระหว่างดำเนินการ",
    "upcoming": "ยังไม่ถึงกำหนด",
    "skipped": "ไม่ต้องดำเนินการ",
}
STATUS_EN = {
    "done": "done",
    "late": "done late",
    "overdue": "overdue",
    "due_soon": "due soon",
    "open": "open",
    "upcoming": "upcoming",
    "skipped": "not applicable",
}
#: One-cell ASCII-safe marks that read without colour.
STATUS_MARK = {
    "done": "✓",
    "late": "✓",
    "overdue": "!",
    "due_soon": "•",
    "open": "○",
    "upcoming": "·",
    "skipped": "-",
}
ROLE_TH = {"step": "ขั้นตอน", "reporting": "การรายงาน/กำกับติดตาม"}
ROLE_EN = {"step": "step", "reporting": "reporting"}


def status_word(status: str, lang: str = "th") -> str:
    return (STATUS_EN if lang == "en" else STATUS_TH)[status]


def status_label(status: str, lang: str = "th") -> str:
    """Mark and word, e.g. ``! เกินกำหนด``."""
    return f"{STATUS_MARK[status]} {status_word(status, lang)}"


_PERIOD_WORDS = {
    "th": {"once": "ครั้งเดียว", "quarter": "ไตรมาส", "H1": "ครึ่งปีแรก", "H2": "ครึ่งปีหลัง", "Y": "ทั้งปี"},
    "en": {"once": "once", "quarter": "quarter", "H1": "first half", "H2": "second half", "Y": "whole year"},
}


def occurrence_label(occurrence: Occurrence, lang: str = "th") -> str:
    """Which time of a task this is, in words an officer says: ``พ.ย. ๖๕``, ``ไตรมาส ๒``,
    ``ครึ่งปีแรก`` (``Nov 2022``, ``quarter 2``, ``first half`` in English), never only the key."""
    words = _PERIOD_WORDS["en" if lang == "en" else "th"]
    key = occurrence.key
    kind = key.split("-")[1][0] if "-" in key else ""
    if key == "once":
        return words["once"]
    if kind == "Q":
        return f"{words['quarter']} {key[-1] if lang == 'en' else thai.to_thai_digits(key[-1])}"
    if kind == "M":
        start = occurrence.start
        if lang == "en":
            return f"{start:%b %Y}"
        return thai.to_thai_digits(f"{thai.MONTHS_SHORT[start.month - 1]} {thai.be_year(start.year) % 100:02d}")
    if kind == "H":
        return words["H1"] if key.endswith("1") else words["H2"]
    if kind == "Y":
        return words["Y"]
    end = occurrence.end
    return f"{end.day} {end:%b %Y}" if lang == "en" else thai.format_date(end, "thai", "short")
