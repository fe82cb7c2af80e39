"""Reading a cadence from Thai wording as agencies write it.

`read_cadence` returns the cadence an officer would read in a task's wording together with the words
that gave it (an import preview shows them), or no cadence and the reason. The rules, in the order
they decide (tests/data/wording_corpus.toml holds real phrases for each):

1. Deadlines with a year ("ภายในเดือนเมษายน ๒๕๖๖", "ก่อนวันที่ 1 เมษายน 2569", a window
   "1 ตุลาคม 2564 – 30 มีนาคม 2565" is due at its end) win over frequency words next to them: one is
   `once`; a window of exactly one fiscal year is `yearly`; two six months apart, due just after the
   halves, are `semiannual` with those due months.
2. A round, quarter or fiscal year with its year ("รอบ 6 เดือน ปี 2564", "ไตรมาสที่ 2/2567",
   "ภายในสิ้นปีงบประมาณ พ.ศ. ๒๕๖๗") is `once` at its end.
3. Deadlines without a year ("ภายในเดือนมีนาคม ของทุกปี", "ไตรมาสที่ 2", "ไตรมาสแรก", "ครึ่งปีแรก",
   "รอบ 6 เดือน") fall once in each fiscal year: an RRULE on that date; two six months apart keep the
   semiannual reading of the reference report ("ทุก ๖ เดือนภายในเดือนเมษายน และเดือนตุลาคม").
4. Frequencies: days of the month, weekdays, days (RRULEs); every N months and progress rounds,
   both counted from 1 October (3/6/9/12 quarterly, 6/12 semiannual, 2 or 4 months an RRULE);
   semiannual, quarterly, monthly, yearly, continuous words.
5. Otherwise no cadence, with the reason: a deadline counted from an event ("ภายใน 15 วัน นับแต่…"),
   a length of time, a period longer than a fiscal year, a number of times with no period, a year
   named without a deadline, or nothing at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from itacheck import thai
from itacheck.domain.cadence import Cadence
from itacheck.domain.fiscal import fiscal_year_start, month_end
from itacheck.domain.wording_dates import (
    ERA,
    MONTH_WORDS,
    Deadline,
    Span,
    find_deadlines,
    plain,
    round_end_month,
    semiannual_due_months,
)

#: Longer wording is cut: a task is a sentence or two, and the patterns must stay fast on pasted junk.
MAX_WORDING = 2000


@dataclass(frozen=True)
class CadenceReading:
    """What the wording says. ``matched`` is the part of the text that gave the cadence (or the
    reason), ``span`` its position in the text read; ``reason`` (Thai, English in brackets) says why
    there is no cadence and is empty when there is one."""

    cadence: Cadence | None
    matched: str = ""
    span: Span | None = None
    reason: str = ""


_WD = "|".join(sorted((*thai.WEEKDAYS, "พฤหัส"), key=len, reverse=True))
_WD_CODE = dict(zip(thai.WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"))) | {"พฤหัส": "TH"}
_N = r"(?:\d+|(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|ร้อย|เอ็ด)+)"
_YEAR_OF = rf"\s*(?:ของ\s*)?ปี\s*(?:งบประมาณ)?\s*(?:{ERA}\s*)?(\d{{4}})(?!\d)"

# One separator token at a time, so that a long run of numbers cannot be split in many ways.
_ROUNDS = re.compile(r"รอบ(?:ระยะเวลา)?\s*(\d{1,2}(?:(?:\s|เดือน|และ|,|/|รอบ)+\d{1,2})*)\s*เดือน")
_ROUND_YEAR = re.compile(rf"รอบ\s*(3|6|9|12)\s*เดือน\s*(?:แรก)?{_YEAR_OF}")
_QUARTER = re.compile(r"ไตรมาส\s*(?:ที่)?\s*([1-4]|แรก|สุดท้าย)(?!\d|\s*ครั้ง)")
_HALF = re.compile(r"ครึ่ง\s*ปี\s*(แรก|หลัง)")
_EVERY_MONTHS = re.compile(r"ทุก\s*(\d{1,2})\s*เดือน")
_FY_END = re.compile(rf"สิ้น\s*ปี\s*งบประมาณ\s*(?:{ERA}\s*)?(\d{{4}})(?!\d)")
_QUARTER_NUMBER = {"แรก": "1", "สุดท้าย": "4"}
_ALTERNATIVE = re.compile(r"\s*(?:หรือ|/|,)\s*")
_QUARTER_YEAR = re.compile(rf"ไตรมาส\s*(?:ที่)?\s*([1-4])\s*(?:/\s*(\d{{4}})|{_YEAR_OF})")
_NAMED_YEAR = re.compile(rf"ประจำ\s*ปี\s*(?:งบประมาณ)?\s*(?:{ERA}\s*)?(\d{{4}})")
_ROUND_MONTH = re.compile(rf"รอบ\s*(?:เดือน)?\s*({MONTH_WORDS})")

_MONTH_DAYS = re.compile(r"วันที่\s*(\d{1,2})((?:\s*(?:,|และ)\s*(?:วันที่\s*)?\d{1,2})*)\s*ของ\s*(?:ทุก\s*)?เดือน")
_FREQUENCIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((rule, re.compile(p)) for rule, p in (
    ("WEEKDAY_OF_MONTH", rf"ทุก\s*วัน({_WD})\s*ที่\s*([1-5])\s*ของ\s*(?:ทุก\s*)?เดือน"),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", r"ทุก\s*วันทำการ"),
    ("EVERY_WEEKDAY", rf"ทุก\s*วัน({_WD})(?!\s*ที่)"),
    ("FREQ=WEEKLY", r"ทุก\s*สัปดาห์|สัปดาห์\s*ละ\s*(?:1|หนึ่ง)?\s*ครั้ง|weekly"),
    ("semiannual", r"ทุก\s*หก\s*เดือน|ปี\s*ละ\s*(?:2|สอง)\s*ครั้ง|ครึ่ง\s*ปี(?!แรก|หลัง)|ราย\s*(?:6|หก)\s*เดือน"
                   r"|semi-?annual|half-?year"),
    ("quarterly", r"ไตรมาส\s*ละ\s*(?:1|หนึ่ง)?\s*ครั้ง|ทุก\s*(?:สิ้น)?\s*ไตรมาส|ทุก\s*สาม\s*เดือน|ราย\s*ไตรมาส"
                  r"|ประจำ\s*ไตรมาส|ปี\s*ละ\s*(?:4|สี่)\s*ครั้ง|quarterly"),
    ("monthly", rf"ทุก\s*(?:สิ้น|ต้น)?\s*เดือน(?!\s*(?:{MONTH_WORDS}))|เดือน\s*ละ\s*(?:1|หนึ่ง)?\s*ครั้ง|ราย\s*เดือน"
                rf"|ประจำ\s*เดือน(?!\s*(?:{MONTH_WORDS}))|monthly"),
    ("FREQ=DAILY", rf"ทุก\s*วัน(?!\s*(?:ที่|ทำการ|{_WD}))|วัน\s*ละ\s*(?:1|หนึ่ง)?\s*ครั้ง|daily"),
    ("yearly", rf"ปี\s*ละ\s*(?:1|หนึ่ง)?\s*ครั้ง|(?:1|หนึ่ง)\s*ครั้ง\s*ต่อ\s*ปี|ทุก\s*ปี|ราย\s*ปี|สิ้น\s*ปี\s*งบประมาณ"
               rf"|ใน\s*ปี\s*งบประมาณ\s*(?:{ERA}\s*)?\d{{4}}|yearly|annual"),
    ("continuous", r"ต่อเนื่อง|สม่ำเสมอ|เป็นประจำ(?!\s*ทุก)|ตลอด\s*(?:ทั้ง)?\s*(?:ปี|เวลา)|continuous"),
))
#: "ประจำปี" says yearly only when nothing better is said and it is not the name of a year or budget.
_WEAK_YEARLY = re.compile(r"ประจำ\s*ปี(?!\s*(?:งบ|พ\.?\s*ศ|\d))")

_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (rf"ภายใน\s*(?:ระยะเวลา\s*)?{_N}\s*(?:วัน|เดือน|สัปดาห์)|{_N}\s*(?:วัน|เดือน)(?:ทำการ)?\s*(?:นับ|ตั้งแต่|หลัง)",
     "นับจากเหตุการณ์ ไม่ใช่วันในปฏิทิน (a deadline counted from an event, not a calendar date)"),
    (rf"(?:ไม่เกิน|ไม่น้อยกว่า|มีกำหนด|มีกาหนด|เป็นเวลา|ทั้งสิ้น)\s*{_N}\s*(?:วัน|เดือน|สัปดาห์|ปี)",
     "บอกระยะเวลา ไม่ใช่กำหนดส่ง (a length of time, not a deadline)"),
    (rf"(?:{ERA}\s*)?25\d\d\s*(?:[-–—]|ถึง)\s*(?:{ERA}\s*)?25\d\d(?!\d)",
     "ครอบคลุมมากกว่าหนึ่งปีงบประมาณ (spans more than one fiscal year)"),
    (rf"อย่างน้อย\s*{_N}\s*ครั้ง",
     "บอกจำนวนครั้ง แต่ไม่บอกว่าในช่วงเวลาใด (says how many times, not in what period)"),
    (rf"(?:ปี\s*(?:งบประมาณ)?|{ERA})\s*(?:{ERA}\s*)?\d{{4}}(?!\d)",
     "ระบุเพียงปี ไม่ได้บอกกำหนดเวลา (names a year, not when it is due)"),
))
_NOTHING = "ไม่พบความถี่หรือกำหนดเวลา (no frequency or deadline found)"
_SPANS = _REASONS[2][1]
_SEVERAL = "มีหลายกำหนดเวลาที่ไม่เป็นรอบเดียวกัน (several deadlines that are not one cadence)"
_UNCLEAR_YEAR = "ไม่ชัดว่าเป็นเดือนของปีใด (which year the month falls in is unclear)"

#: What a rule found: the cadence (None when the words rule one out), the words, and why not.
_Found = tuple[Cadence | None, Span, str]


def read_cadence(text: str) -> CadenceReading:
    """The cadence the wording names, and the words that gave it, or None with the reason."""
    raw = text[:MAX_WORDING]
    s = plain(raw)
    deadlines, bad = find_deadlines(s)
    rules = (lambda: _from_dated(deadlines), lambda: _from_round_or_quarter_year(s),
             lambda: _from_yearless(s, deadlines), lambda: _frequency(s))
    for rule in rules:
        if found := rule():
            cadence, (start, end), reason = found
            return CadenceReading(cadence, raw[start:end], (start, end), reason)
    for pattern, reason in _REASONS:
        if m := pattern.search(s):
            return CadenceReading(None, raw[m.start():m.end()], m.span(), reason)
    return CadenceReading(None, reason=bad or _NOTHING)


def parse_cadence(text: str) -> Cadence | None:
    """The cadence the wording names, or None (`read_cadence` says why and which words)."""
    return read_cadence(text).cadence


def _from_dated(deadlines: list[Deadline]) -> _Found | None:
    dated = [d for d in deadlines if d.year]
    if not dated:
        return None
    span = (dated[0].span[0], dated[-1].span[1])
    if len(dated) == 1 and (start := dated[0].start) is not None and start.year:
        first, last = date(start.year, start.month, start.day or 1), dated[0].on(dated[0].year)
        if (start.month, start.day or 1, last.month, last.day) == (10, 1, 9, 30) and last.year == first.year + 1:
            return Cadence("yearly"), span, ""
        if last - first > timedelta(days=366):
            return None, span, _SPANS
    dues = sorted({d.on(d.year) for d in dated})
    if len(dues) == 1:
        return Cadence("once", due=dues[0]), span, ""
    months = semiannual_due_months(dated)
    if len(dues) == 2 and months and timedelta(days=150) < dues[1] - dues[0] < timedelta(days=215):
        return Cadence("semiannual", due_months=months), span, ""
    return None, span, _SEVERAL


def _from_round_or_quarter_year(s: str) -> _Found | None:
    if m := _FY_END.search(s):
        return _round_end(int(m[1]), 12), m.span(), ""
    if m := _ROUND_YEAR.search(s):
        return _round_end(int(m[2]), int(m[1])), m.span(), ""
    if m := _QUARTER_YEAR.search(s):
        year = int(m[2] or m[3])
        return _round_end(year if year > 2400 else year + 2500, 3 * int(m[1])), m.span(), ""
    if (named := _NAMED_YEAR.search(s)) and (m := _ROUND_MONTH.search(s)):
        span = (min(named.start(), m.start()), max(named.end(), m.end()))
        month = thai.month_number(m[1]) or 0
        if month >= 10:  # October of fiscal year N falls in CE year N-544, of calendar year N-543 a year later
            return None, span, _UNCLEAR_YEAR
        return Cadence("once", due=month_end(date(int(named[1]) - 543, month, 1))), span, ""
    return None


def _round_end(year_be: int, months: int) -> Cadence:
    """The end of the round of ``months`` months counted from 1 October of fiscal year ``year_be``."""
    return Cadence("once", due=fiscal_year_start(year_be) + relativedelta(months=months, days=-1))


def _from_yearless(s: str, deadlines: list[Deadline]) -> _Found | None:
    yearless = [d for d in deadlines if not d.year]
    quarters = list(_QUARTER.finditer(s))
    if quarters:  # "ไตรมาสที่ 2 หรือไตรมาสที่ 3": by the later one
        gaps = (s[a.end():b.start()] for a, b in zip(quarters, quarters[1:]))
        alternatives = all(_ALTERNATIVE.fullmatch(gap) for gap in gaps)
        chosen = [max(quarters, key=lambda q: _QUARTER_NUMBER.get(q[1], q[1]))] if alternatives else quarters
        yearless += [Deadline(round_end_month(3 * int(_QUARTER_NUMBER.get(q[1], q[1]))), None, None, q.span())
                     for q in chosen]
    yearless += [Deadline(3 if h[1] == "แรก" else 9, None, None, h.span()) for h in _HALF.finditer(s)]
    rounds = _rounds(s)
    if rounds and len(rounds[0]) == 1 and rounds[0] != {12}:
        (months,) = rounds[0]
        yearless.append(Deadline(round_end_month(months), None, None, rounds[1]))
    if not yearless:
        return None
    frequency = _frequency(s)
    if frequency and frequency[0].kind in ("monthly", "quarterly", "rrule") and not quarters:
        return None  # "ทุกไตรมาส ... เดือนมกราคม": the month only illustrates the frequency
    yearless.sort(key=lambda d: d.span)
    span = (yearless[0].span[0], yearless[-1].span[1])
    if months := semiannual_due_months(yearless):
        if frequency:
            span = (min(span[0], frequency[1][0]), max(span[1], frequency[1][1]))
        return Cadence("semiannual", due_months=months), span, ""
    if frequency and frequency[0].kind == "semiannual":
        return frequency
    if len({(d.month, d.day) for d in yearless}) > 1:
        return None, span, _SEVERAL
    d = yearless[0]
    return Cadence("rrule", rule=f"FREQ=YEARLY;BYMONTH={d.month};BYMONTHDAY={d.day or -1}"), span, ""


def _rounds(s: str) -> tuple[set[int], Span] | None:
    """Progress rounds counted in months from 1 October ("รอบ 6 เดือน และรอบ 12 เดือน")."""
    matches = list(_ROUNDS.finditer(s))
    months = {int(n) for m in matches for n in re.findall(r"\d+", m[1])} & {3, 6, 9, 12}
    return (months, (matches[0].start(), matches[-1].end())) if months else None


def _frequency(s: str) -> _Found | None:
    """The frequency words say: days of the month, weekdays, rounds, then the word lists in order."""
    if m := _MONTH_DAYS.search(s):
        days = [int(n) for n in re.findall(r"\d+", m[0])]
        if all(1 <= d <= 31 for d in days):
            return Cadence("rrule", rule=f"FREQ=MONTHLY;BYMONTHDAY={','.join(map(str, days))}"), m.span(), ""
    every = _EVERY_MONTHS.search(s)
    if every and int(every[1]) in (1, 2, 3, 4, 6, 12):  # "ทุก 4 เดือน": windows of 4 months from October
        step = int(every[1])
        kind = {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "yearly"}.get(step)
        months = ",".join(str(round_end_month(r)) for r in range(step, 13, step))
        cadence = Cadence(kind) if kind else Cadence("rrule", rule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY=-1")
        return cadence, every.span(), ""
    rounds = _rounds(s)
    if rounds and (len(rounds[0]) > 1 or rounds[0] == {12}):
        kind = {frozenset({3, 6, 9, 12}): "quarterly", frozenset({6, 12}): "semiannual",
                frozenset({12}): "yearly"}.get(frozenset(rounds[0]))
        months = ",".join(str(round_end_month(r)) for r in sorted(rounds[0]))
        cadence = Cadence(kind) if kind else Cadence("rrule", rule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY=-1")
        return cadence, rounds[1], ""
    for rule, pattern in _FREQUENCIES:
        if m := pattern.search(s):
            if rule == "WEEKDAY_OF_MONTH":
                rule = f"FREQ=MONTHLY;BYDAY={m[2]}{_WD_CODE[m[1]]}"
            elif rule == "EVERY_WEEKDAY":
                rule = f"FREQ=WEEKLY;BYDAY={_WD_CODE[m[1]]}"
            cadence = Cadence("rrule", rule=rule) if rule.startswith("FREQ=") else Cadence(rule)
            return cadence, m.span(), ""
    m = _WEAK_YEARLY.search(s)
    relative = any(pattern.search(s) for pattern, _ in _REASONS[:2])
    if m and not s[:m.start()].rstrip().endswith(("งบประมาณ", "รายจ่าย")) and not relative:
        return Cadence("yearly"), m.span(), ""
    return None
