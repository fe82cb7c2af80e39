"""How often a task must be done and reported, and the occurrences that follows from it.

Real Thai measures say this in words ("ไตรมาสละ ๑ ครั้ง", "ทุก ๖ เดือนภายในเดือนเมษายน และเดือนตุลาคม");
`read_cadence` (in cadence_wording) reads a cadence from such wording and `occurrences_for` expands a
cadence into the dated occurrences that statuses and reports are computed from.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule, rrulestr

from itacheck import thai
from itacheck.domain.fiscal import fiscal_year_end, fiscal_year_start, month_end

KINDS = ("once", "monthly", "quarterly", "semiannual", "yearly", "continuous", "rrule")

#: Safety bound for user-written RRULEs (a daily rule gives 366; anything past this is a typo).
MAX_RRULE_OCCURRENCES = 400


@dataclass(frozen=True)
class Cadence:
    """A reporting rhythm. Only the fields of its kind matter: ``due`` for ``once``, ``due_months``
    for ``semiannual``/``yearly`` (the month whose end is the deadline after each window; none means
    the window's own end), ``rule`` for ``rrule``."""

    kind: str
    due: date | None = None
    due_months: tuple[int, ...] = ()
    rule: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown cadence kind {self.kind!r}: use one of {', '.join(KINDS)}")
        if self.kind == "once" and self.due is None:
            raise ValueError("a 'once' cadence needs a due date")
        if any(not 1 <= m <= 12 for m in self.due_months):
            raise ValueError(f"due months must be 1–12: {self.due_months}")
        if self.kind == "rrule":
            _check_rule(self.rule)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time a task is expected: work in ``start``–``end``, deadline ``due`` (may fall after the
    window, e.g. a half-year report due in April). ``key`` is stable across runs and edits."""

    key: str
    start: date
    end: date
    due: date


def _check_rule(rule: str) -> None:
    if not rule.strip():
        raise ValueError("an 'rrule' cadence needs a rule such as FREQ=WEEKLY;BYDAY=MO")
    try:
        rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValueError(f"invalid RRULE {rule!r}: {exc}") from None


def _due_after(window_end: date, due_months: tuple[int, ...], index: int) -> date:
    """End of the first due month on or after the window's end (the window's end when none given)."""
    if not due_months:
        return window_end
    month = due_months[index % len(due_months)]
    return month_end(window_end + relativedelta(months=(month - window_end.month) % 12))


def _windows(year_be: int, months_each: int) -> list[tuple[date, date]]:
    starts = rrule(MONTHLY, interval=months_each, count=12 // months_each,
                   dtstart=datetime.combine(fiscal_year_start(year_be), datetime.min.time()))
    return [(s.date(), (s + relativedelta(months=months_each, days=-1)).date()) for s in starts]


@lru_cache(maxsize=1024)
def occurrences_for(cadence: Cadence, year_be: int) -> tuple[Occurrence, ...]:
    """The occurrences of ``cadence`` in fiscal year ``year_be``, in date order. Expanded once
    per cadence and year (a big plan has a thousand tasks and a handful of distinct cadences;
    each expansion runs dateutil's rrule), which is safe because both are immutable."""
    kind = cadence.kind
    if kind == "once":
        due = cadence.due
        assert due is not None
        return (Occurrence("once", min(fiscal_year_start(year_be), due), due, due),)
    if kind in ("monthly", "continuous"):
        return tuple(Occurrence(f"{year_be}-M{i:02d}", s, e, e)
                     for i, (s, e) in enumerate(_windows(year_be, 1), start=1))
    if kind == "quarterly":
        return tuple(Occurrence(f"{year_be}-Q{i}", s, e, e)
                     for i, (s, e) in enumerate(_windows(year_be, 3), start=1))
    if kind == "semiannual":
        return tuple(Occurrence(f"{year_be}-H{i}", s, e, _due_after(e, cadence.due_months, i - 1))
                     for i, (s, e) in enumerate(_windows(year_be, 6), start=1))
    if kind == "yearly":
        s, e = fiscal_year_start(year_be), fiscal_year_end(year_be)
        return (Occurrence(f"{year_be}-Y", s, e, _due_after(e, cadence.due_months, 0)),)
    return _rrule_occurrences(cadence.rule, year_be)


def _rrule_occurrences(rule: str, year_be: int) -> tuple[Occurrence, ...]:
    start, end = fiscal_year_start(year_be), fiscal_year_end(year_be)
    first = datetime.combine(start, datetime.min.time())
    last = datetime.combine(end, datetime.max.time())
    dates = []
    for dt in rrulestr(rule, dtstart=first):
        if dt > last:
            break
        dates.append(dt.date())
        if len(dates) > MAX_RRULE_OCCURRENCES:
            raise ValueError(f"RRULE {rule!r} gives more than {MAX_RRULE_OCCURRENCES} occurrences a year")
    occurrences = []
    window_start = start
    for d in dates:
        occurrences.append(Occurrence(f"{year_be}-R{d.isoformat()}", window_start, d, d))
        window_start = d + timedelta(days=1)
    return tuple(occurrences)


def occurrence_on(occurrences: Sequence[Occurrence], day: date, recorded: Collection[str] = ()) -> Occurrence | None:
    """The occurrence that work done on ``day`` belongs to, when the officer did not name one.

    A one-off task has a single occurrence. Otherwise it is the period whose window contains the
    day, except that a report made after its window closed but by its deadline (the half-year
    report made in April, the annual one in October) belongs to the closed window while that one
    has no record yet (``recorded``: keys that have one). ``None`` when no period fits: the
    officer must say which one is meant."""
    if len(occurrences) == 1 and occurrences[0].key == "once":
        return occurrences[0]
    for o in occurrences:
        if o.end < day <= o.due and o.key not in recorded:
            return o
    return next((o for o in occurrences if o.start <= day <= o.end), None)


def describe(cadence: Cadence, lang: str = "th", digits: str = "thai") -> str:
    """The cadence in words for the checklist and the report."""
    if lang == "en":
        if cadence.kind == "once":
            assert cadence.due is not None
            return f"once, by {cadence.due.day} {cadence.due:%b %Y}"
        if cadence.kind == "rrule":
            return f"RRULE {cadence.rule}"
        return {"monthly": "monthly", "quarterly": "quarterly", "semiannual": "every 6 months",
                "yearly": "once a year", "continuous": "continuously (monthly evidence)"}[cadence.kind]
    n = lambda i: thai.format_number(i, digits)  # noqa: E731
    if cadence.kind == "once":
        assert cadence.due is not None
        return f"ภายในวันที่ {thai.format_date(cadence.due, digits)}"
    if cadence.kind == "semiannual":
        base = f"ทุก {n(6)} เดือน"
        if cadence.due_months:
            months = " และ".join(f"เดือน{thai.MONTHS_LONG[m - 1]}" for m in cadence.due_months)
            return f"{base} ภายใน{months}"
        return base
    if cadence.kind == "rrule":
        return f"ตามกำหนด ({cadence.rule})"
    return {"monthly": "ทุกเดือน", "quarterly": f"ไตรมาสละ {n(1)} ครั้ง", "yearly": f"ปีละ {n(1)} ครั้ง",
            "continuous": "อย่างต่อเนื่อง (ทุกเดือน)"}[cadence.kind]


_WORDING = frozenset({"CadenceReading", "parse_cadence", "read_cadence"})


def __getattr__(name: str) -> object:
    """The wording reader lives in its own module and stays importable from here for its callers;
    it is loaded on first use (its patterns take longer to build than a tick takes to save)."""
    if name in _WORDING:
        from itacheck.domain import cadence_wording

        return getattr(cadence_wording, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
