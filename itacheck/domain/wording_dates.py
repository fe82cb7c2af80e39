"""The dates, months and windows a task's wording names, as deadlines.

Agencies write a deadline as a date ("ภายในวันที่ 11 กุมภาพันธ์ 2562"), a month ("ภายในเดือนเมษายน
๒๕๖๖", "สิ้นเดือนกุมภาพันธ์"), a window that is due at its end ("1 ตุลาคม 2564 – 30 มีนาคม 2565",
"มิถุนายน-สิงหาคม 2569"), the day before a date ("ก่อนวันที่ 1 เมษายน 2569"), or a month without a
year that recurs every year ("ภายในเดือนมีนาคม ของทุกปี"). `find_deadlines` finds them in text made
`plain` first, so that positions stay positions in the text as given.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from itacheck import thai
from itacheck.domain.fiscal import month_end

Span = tuple[int, int]

# Length-preserving: Thai digits to ASCII, every space-like character to a space, ASCII lower case.
_PLAIN = str.maketrans({**{d: str(i) for i, d in enumerate(thai.THAI_DIGITS)},
                        **dict.fromkeys("\t\n\r\v\f\u00a0\u200b\u2009\u3000", " "),
                        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}})
MONTH_WORDS = "|".join(sorted((*thai.MONTHS_LONG, "กรกฏาคม"), key=len, reverse=True))
_SHORT = "|".join(re.escape(a[:-1]).replace(r"\.", r"\.\s*") + r"\.?" for a in thai.MONTHS_SHORT)
ERA = r"(?:พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)"

_POINT = re.compile(rf"(?<!\d)(?:(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?\s*(?:\.\s*)?(?:เดือน\s*)?)?"
                    rf"(?P<mon>{MONTH_WORDS}|{_SHORT})(?:\s*(?P<era>{ERA})?\s*(?P<year>\d{{4}}|\d{{2}})(?!\d))?")
_GAP = re.compile(r"[\s(]*(?:ของ\S*\s*)?(?:[-–—]|จนถึง|ถึง)\s*(?:วันที่|สิ้นเดือน|สิ้น|เดือน)?\s*")
_BEFORE = re.compile(r"ก่อน\s*(?:วันที่|เดือน)?\s*$")
#: The words before a date that belong to it in a preview: "ภายในวันที่", "ก่อนวันที่", "ภายในเดือน".
_LEAD = re.compile(r"(?:(?:ภายใน|ก่อน|ตั้งแต่|ระหว่าง|ใน)\s*)?(?:วันที่|สิ้นเดือน|เดือน)\s*$|(?:ภายใน|ก่อน)\s*$")
#: "ครั้งที่ 1 เดือน มีนาคม": the number counts the report, it is not a day.
_ORDINAL = re.compile(r"(?:ครั้ง|งวด|รอบ|ฉบับ|ข้อ|ไตรมาส|สมัย)\s*(?:ที่)?\s*$")


def plain(text: str) -> str:
    """``text`` with ASCII digits, plain spaces and lower-case ASCII, of the same length."""
    return text.translate(_PLAIN)


@dataclass(frozen=True)
class Deadline:
    """A date the wording names: ``year`` (CE) None when it recurs every year, ``day`` None for the
    month's end, ``start`` the start of the window that ends here."""

    month: int
    day: int | None
    year: int | None
    span: Span
    start: Deadline | None = None

    def on(self, year: int) -> date:
        return date(year, self.month, self.day) if self.day else month_end(date(year, self.month, 1))


def find_deadlines(s: str) -> tuple[list[Deadline], str]:
    """Every date or month that plain text ``s`` names, a window merged into its end; and, when a
    written date cannot exist ("31 เมษายน 2566"), the message saying so."""
    found: list[Deadline] = []
    problem = ""
    for m in _POINT.finditer(s):
        short = "." in m["mon"]
        year = m["year"] if m["year"] and (len(m["year"]) == 4 or short) else None
        if short and not (m["day"] or year):
            continue  # a bare ก.ค. is as likely a committee (ก.ค.ศ.) as July
        before = s[max(0, m.start() - 30):m.start()]
        ordinal = m["day"] and _ORDINAL.search(before)
        day = int(m["day2"] or m["day"]) if m["day"] and not ordinal else None
        try:  # its own year, or 2567 (CE 2024, a leap year) so that 29 กุมภาพันธ์ can recur
            on = thai.parse_date(f"{day or 1} {m['mon']} {m['era'] or ''} {year or 2567}")
        except ValueError as exc:
            problem = str(exc)
            continue
        if not year and (on.month, day) == (2, 29):
            day = None  # every year: the end of February, which is the 29th only in leap years
        start = m.start("mon") if ordinal else m.start()
        lead = _LEAD.search(s[max(0, start - 30):start])
        point = Deadline(on.month, day, on.year if year else None, (start - len(lead[0]) if lead else start, m.end()))
        if _BEFORE.search(before) and point.day and point.year:
            earlier = point.on(point.year) - timedelta(days=1)
            point = Deadline(earlier.month, earlier.day, earlier.year, point.span)
        if found and not found[-1].start and _GAP.fullmatch(s[found[-1].span[1]:m.start()]):
            found[-1] = _window(found[-1], point)
        else:
            found.append(point)
    return found, problem


def _window(start: Deadline, end: Deadline) -> Deadline:
    """A window "from start to end", each end taking the other's year when it has none."""
    in_order = (start.month, start.day or 1) <= (end.month, end.day or 31)
    if end.year is None and start.year is not None:
        end = Deadline(end.month, end.day, start.year + (0 if in_order else 1), end.span)
    if start.year is None and end.year is not None:
        start = Deadline(start.month, start.day, end.year - (0 if in_order else 1), start.span)
    return Deadline(end.month, end.day, end.year, (start.span[0], end.span[1]), start)


def semiannual_due_months(deadlines: list[Deadline]) -> tuple[int, int] | None:
    """The due months of a semiannual cadence when two month-end deadlines follow the two halves
    of the fiscal year (due at or just after 31 March and 30 September: "เมษายน และ ตุลาคม")."""
    if len(deadlines) != 2 or any(d.day and d.day != calendar.monthrange(2023, d.month)[1] for d in deadlines):
        return None
    first, second = sorted((d.month for d in deadlines), key=lambda m: (m - 3) % 12)
    return (first, second) if first in (3, 4, 5) and second == first + 6 else None


def round_end_month(months: int) -> int:
    """The month in which a round of ``months`` months counted from 1 October ends (6 → March)."""
    return (months + 8) % 12 + 1
