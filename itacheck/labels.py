"""Words and marks for statuses, roles and periods, shared by the command line, the TUI and the PDF.

A status is always shown as a mark plus a word, never by colour alone (terminals over SSH may have
no colour, and colour-blind officers read the same screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from itacheck import thai

if TYPE_CHECKING:  # names for signatures only: `tick` prints a period without loading statuses
    from itacheck.domain.attention import Attention
    from itacheck.domain.cadence import Occurrence
    from itacheck.domain.catalogue import Catalogue

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


def catalogue_label(catalogue: Catalogue, year: int) -> str:
    """Which ITA catalogue a plan of ``year`` is checked against, and how much of it was verified:
    item codes change between years, so an officer should know when they are not confirmed."""
    if catalogue.origin == "bundled":
        th, en = f"แคตตาล็อก ITA {catalogue.year} ที่มากับโปรแกรม", f"bundled ITA catalogue {catalogue.year}"
    else:
        th, en = (f"แคตตาล็อก ITA {catalogue.year} ของหน่วยงาน",
                  f"agency ITA catalogue {catalogue.year}, {catalogue.origin}")
    if catalogue.year != year:
        th, en = f"{th} ใช้กับปี {year}", f"{en}, used for {year}"
    verified = sum(item.verified for item in catalogue.items)
    counts_th = f"ยืนยันรหัสข้อแล้ว {verified} จาก {len(catalogue.items)}"
    counts_en = f"{verified} of {len(catalogue.items)} item codes verified"
    if not catalogue.verified:
        counts_th = f"ยังไม่ยืนยันเครื่องมือและตัวชี้วัด {counts_th}"
        counts_en = f"tools and indicators unverified, {counts_en}"
    return f"{th}: {counts_th} ({en}: {counts_en})"


_ROLE_SHORT_TH = {"step": "ขั้นตอน", "reporting": "การรายงาน"}
_UNITS = {"th": {"monthly": "เดือน", "continuous": "เดือน", "quarterly": "ไตรมาส"},
          "en": {"monthly": "months", "continuous": "months", "quarterly": "quarters"}}


def attention_line(item: Attention, lang: str = "th") -> str:
    """``e7 ขั้นตอน ๑ · ! เกินกำหนด ๕ เดือน (พ.ย. ๖๕ – มี.ค. ๖๖)``: a task and what is owed, in words."""
    en = lang == "en"
    number = str(item.number) if en else thai.to_thai_digits(str(item.number))
    role = (ROLE_EN if en else _ROLE_SHORT_TH)[item.task.task.role]
    code = item.measure.measure.code or item.measure.measure.id
    periods = [occurrence_label(o.occurrence, lang) for o in item.occurrences]
    count = len(periods)
    if count == 1:
        owed, span = status_label(item.kind, lang), periods[0]
    else:
        unit = _UNITS["en" if en else "th"].get(item.task.task.cadence.kind, "times" if en else "ครั้ง")
        owed = f"{status_label(item.kind, lang)} {count if en else thai.to_thai_digits(str(count))} {unit}"
        span = f"{periods[0]} – {periods[-1]}"
    if item.kind == "due_soon":
        due = item.oldest.occurrence.due
        day = f"{due.day} {due:%b %Y}" if en else thai.format_date(due, "thai", "short")
        span += f" · {'due' if en else 'กำหนด'} {day}"
    return f"{code} {role} {number} · {owed} ({span})"


LINK_TH = {"ok": "ใช้ได้", "moved": "ย้ายที่", "dead": "เสีย", "unreachable": "เข้าไม่ได้"}
LINK_EN = {"ok": "ok", "moved": "moved", "dead": "dead", "unreachable": "unreachable"}
#: Marks for link check results, read without colour like the status marks.
LINK_MARK = {"ok": "✓", "moved": "↪", "dead": "✗", "unreachable": "?"}


def link_label(kind: str, lang: str = "th") -> str:
    """Mark and word for a link check result, e.g. ``✗ เสีย``."""
    return f"{LINK_MARK[kind]} {(LINK_EN if lang == 'en' else LINK_TH)[kind]}"
