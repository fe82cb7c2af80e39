"""Thai fiscal years and the rounds a report covers.

Fiscal year N (Buddhist Era) runs 1 October of CE year N-544 to 30 September of CE year N-543,
so FY2566 is 2022-10-01 … 2023-09-30. Months inside a fiscal year are numbered from October (1) so
that keys such as ``2566-M01`` sort in reporting order.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

ROUND_NAMES = ("half", "full", "q1", "q2", "q3", "q4")

#: Thai names of the rounds, as report titles and the TUI say them.
ROUND_LABELS_TH = {
    "half": "รอบ ๖ เดือน",
    "full": "รอบ ๑๒ เดือน",
    "q1": "ไตรมาสที่ ๑",
    "q2": "ไตรมาสที่ ๒",
    "q3": "ไตรมาสที่ ๓",
    "q4": "ไตรมาสที่ ๔",
}
ROUND_LABELS_EN = {
    "half": "half-year",
    "full": "full year",
    "q1": "Q1",
    "q2": "Q2",
    "q3": "Q3",
    "q4": "Q4",
}


def fiscal_year_start(year_be: int) -> date:
    return date(year_be - 544, 10, 1)


def fiscal_year_end(year_be: int) -> date:
    return date(year_be - 543, 9, 30)


def fiscal_year_of(d: date) -> int:
    """The BE fiscal year that contains ``d`` (October starts the next one)."""
    return d.year + 544 if d.month >= 10 else d.year + 543


def month_end(d: date) -> date:
    return d + relativedelta(day=31)


def fiscal_month_index(d: date) -> int:
    """Position of ``d``'s month in its fiscal year (October = 1)."""
    return (d.month - 10) % 12 + 1


@dataclass(frozen=True)
class Round:
    """A reporting period of a fiscal year: the half-year report, the annual one, or a quarter."""

    name: str
    year: int
    start: date
    end: date

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    @property
    def label_th(self) -> str:
        return ROUND_LABELS_TH[self.name]

    @property
    def label_en(self) -> str:
        return ROUND_LABELS_EN[self.name]


def fiscal_round(year_be: int, name: str) -> Round:
    """The round ``name`` (half, full, q1–q4) of fiscal year ``year_be``."""
    start = fiscal_year_start(year_be)
    if name == "half":
        return Round(name, year_be, start, month_end(start + relativedelta(months=5)))
    if name == "full":
        return Round(name, year_be, start, fiscal_year_end(year_be))
    if name in ("q1", "q2", "q3", "q4"):
        q = int(name[1])
        q_start = start + relativedelta(months=3 * (q - 1))
        return Round(name, year_be, q_start, month_end(q_start + relativedelta(months=2)))
    raise ValueError(f"unknown round {name!r}: use one of {', '.join(ROUND_NAMES)}")


def report_deadline(rnd: Round) -> date:
    """When the report of a round is due: the end of the month after it (the half-year report of
    October–March by the end of April, the annual one by the end of October)."""
    return month_end(rnd.end + relativedelta(months=1))


def current_round(today: date) -> Round:
    """The round an officer most likely wants today: the half-year one until its report is due
    (through April), then the whole year."""
    year = fiscal_year_of(today)
    half = fiscal_round(year, "half")
    return half if today <= report_deadline(half) else fiscal_round(year, "full")


def default_round(year_be: int, today: date) -> Round:
    """The round to show for ``year_be`` when none is asked for: today's round in the current
    fiscal year; the whole year for any other (an older year's half-year round is long closed)."""
    return current_round(today) if fiscal_year_of(today) == year_be else fiscal_round(year_be, "full")


def default_year(years: Collection[int], today: date) -> int | None:
    """The year to open when none is asked for: last year while its annual report is still due
    (through October), else this fiscal year when it has a plan, else the latest that has one."""
    if not years:
        return None
    this = fiscal_year_of(today)
    if this - 1 in years and today <= report_deadline(fiscal_round(this - 1, "full")):
        return this - 1
    return this if this in years else max(years)
