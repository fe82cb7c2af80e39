"""What an import read, and what it guessed: the plan plus everything the review must show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from itacheck.domain.model import Plan, Record


@dataclass(frozen=True)
class Note:
    """Something the officer should look at: ``where`` names the measure or task (or "plan")."""

    where: str
    message_th: str
    message_en: str

    def text(self, lang: str = "th") -> str:
        return self.message_en if lang == "en" else self.message_th


@dataclass(frozen=True)
class TaskReading:
    """How a task's cadence was found: ``words`` are the words of the report that gave it (empty
    when it was inferred), ``how`` says how in Thai and English."""

    words: str
    how_th: str
    how_en: str

    def how(self, lang: str = "th") -> str:
        return self.how_en if lang == "en" else self.how_th


@dataclass(frozen=True)
class Result:
    """One entry of the report's การดำเนินการ column, kept for review, never turned into records
    silently: the dates found in it are what the officer may record."""

    measure_id: str
    text: str
    dates: tuple[date, ...] = ()


@dataclass(frozen=True)
class PlanDraft:
    """``records`` come only from a plan file (which holds them); a report's results stay results."""

    plan: Plan
    source: str
    readings: dict[str, TaskReading] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()
    results: tuple[Result, ...] = ()
    records: tuple[Record, ...] = ()
