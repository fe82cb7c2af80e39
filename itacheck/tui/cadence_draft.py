"""Reading the cadence dialog's fields into a `Cadence`, and saying what it gives for the year.

Plain Python (no Textual) so the rules are tested on their own: the dialog shows the occurrences
a cadence gives before it is saved, and explains any field it cannot read.
"""

from __future__ import annotations

import re

from itacheck import thai
from itacheck.domain.cadence import KINDS, Cadence, occurrences_for
from itacheck.labels import occurrence_label

#: How each kind is offered to the officer, in the order of the list.
KIND_LABELS = {
    "once": ("ครั้งเดียว ภายในวันที่กำหนด", "once, by a date"),
    "monthly": ("ทุกเดือน", "monthly"),
    "quarterly": ("ไตรมาสละ ๑ ครั้ง", "quarterly"),
    "semiannual": ("ทุก ๖ เดือน", "every 6 months"),
    "yearly": ("ปีละ ๑ ครั้ง", "once a year"),
    "continuous": ("อย่างต่อเนื่อง (หลักฐานทุกเดือน)", "continuously (evidence each month)"),
    "rrule": ("กำหนดเอง (RRULE)", "custom rule (RRULE)"),
}
assert tuple(KIND_LABELS) == KINDS


def kind_label(kind: str, lang: str) -> str:
    th, en = KIND_LABELS[kind]
    return en if lang == "en" else th


def read_months(text: str) -> tuple[int, ...]:
    """Due months typed as numbers (``4, 10``) or Thai or English month names (``เมษายน ตุลาคม``)."""
    months = []
    for word in re.split(r"(?:[\s,;/]|และ)+", thai.to_arabic_digits(text.strip())):
        if not word:
            continue
        number = int(word) if word.isdigit() else thai.month_number(word)
        if number is None or not 1 <= number <= 12:
            raise ValueError(f"เดือน {word!r} ไม่ถูกต้อง (not a month: {word!r}; type 4, 10 or เมษายน ตุลาคม)")
        months.append(number)
    return tuple(months)


def cadence_from_fields(kind: str, due_text: str, months_text: str, rule_text: str) -> Cadence:
    """The cadence of the fields that matter for ``kind``; ValueError saying which field is wrong."""
    if kind == "once":
        if not due_text.strip():
            raise ValueError("พิมพ์วันที่ครบกำหนด (type the due date)")
        return Cadence("once", due=thai.parse_date(due_text))
    if kind in ("semiannual", "yearly"):
        return Cadence(kind, due_months=read_months(months_text))
    if kind == "rrule":
        return Cadence("rrule", rule=rule_text.strip())
    return Cadence(kind)


def occurrences_text(cadence: Cadence, year: int, lang: str, most: int = 12) -> str:
    """``๑๒ ครั้งในปีงบประมาณ ๒๕๖๖: ต.ค. ๖๕, พ.ย. ๖๕, …``, with the deadline where it is not the
    period's own end (a half-year report due in April)."""
    occurrences = occurrences_for(cadence, year)
    digits = "arabic" if lang == "en" else "thai"
    parts = []
    for o in occurrences[:most]:
        label = occurrence_label(o, lang)
        if o.due == o.end and o.key != "once":  # a month's or quarter's work is due at its end
            parts.append(label)
            continue
        due = f"{o.due.day} {o.due:%b %Y}" if lang == "en" else thai.format_date(o.due, "thai", "short")
        parts.append(f"{label} ({'due' if lang == 'en' else 'ครบ'} {due})")
    more = "…" if len(occurrences) > most else ""
    count = thai.format_number(len(occurrences), digits)
    if lang == "en":
        return f"{len(occurrences)} in fiscal year {year}: {', '.join(parts)}{more}"
    return f"{count} ครั้งในปีงบประมาณ {thai.format_number(year)}: {', '.join(parts)}{more}"
