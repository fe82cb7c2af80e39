"""Words and marks for statuses and roles, shared by the command line, the TUI and the PDF.

A status is always shown as a mark plus a word, never by colour alone (terminals over SSH may have
no colour, and colour-blind officers read the same screen).
"""

from __future__ import annotations

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
