"""How dates, occurrences, progress and periods read on screen, in Thai or English.

Plain strings only: widgets wrap them in `Content`/`Text` so that nothing here is ever parsed as
markup. Thai mode writes dates and cadences with Thai digits, as official documents do; counts
stay in Arabic digits so that columns of numbers line up and read at a glance.
"""

from __future__ import annotations

from datetime import date, datetime

from itacheck import thai
from itacheck.domain.cadence import Cadence, describe
from itacheck.domain.fiscal import ROUND_LABELS_EN, ROUND_LABELS_TH, fiscal_round
from itacheck.domain.status import Tally
from itacheck.thaitext.cells import cell_width
from itacheck.labels import STATUS_MARK, status_label, status_word
from itacheck.tui.session import Period
from itacheck.tui.text import t


def day(d: date, lang: str, style: str = "short") -> str:
    """``๓๑ มี.ค. ๖๖`` or ``31 Mar 2023``."""
    if lang == "en":
        return f"{d.day} {d:%b %Y}" if style == "short" else f"{d.day} {d:%B %Y}"
    return thai.format_date(d, "thai", style)


def moment(at: datetime | None, lang: str) -> str:
    """When something was recorded: ``๓๑ มี.ค. ๖๖ ๑๔.๐๕ น.`` or ``31 Mar 2023 14:05``."""
    if at is None:
        return "?"
    if lang == "en":
        return f"{day(at.date(), lang)} {at:%H:%M}"
    return f"{day(at.date(), lang)} {thai.to_thai_digits(f'{at:%H.%M}')} น."


def number(n: int, lang: str) -> str:
    return thai.format_number(n) if lang == "th" else str(n)


def round_name(name: str, lang: str) -> str:
    return (ROUND_LABELS_EN if lang == "en" else ROUND_LABELS_TH)[name]


def cadence(c: Cadence, lang: str) -> str:
    return describe(c, lang, "thai" if lang == "th" else "arabic")


def progress(tally: Tally) -> str:
    """``3/5``: completed of expected (skipped ones are not expected)."""
    return f"{tally.completed}/{tally.total - tally['skipped']}"


def percent(tally: Tally) -> str:
    pct = tally.percent_complete
    return "–" if pct is None else f"{pct:g}%"


def mark(status: str | None) -> str:
    return STATUS_MARK[status] if status else " "


def label(status: str, lang: str) -> str:
    """Mark and word: statuses are never told by colour alone."""
    return status_label(status, lang)


def pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal columns (Thai marks take none)."""
    return text + " " * max(0, width - cell_width(text))


def attention(tally: Tally, lang: str) -> str:
    """``! เกินกำหนด 4 · • ใกล้ครบกำหนด 2``: what needs doing, in words."""
    parts = [f"{STATUS_MARK[s]} {status_word(s, lang)} {tally[s]}" for s in ("overdue", "due_soon") if tally[s]]
    return " · ".join(parts)


def period_label(period: Period, lang: str) -> str:
    """``ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน (๑ ต.ค. ๖๕ – ๓๑ มี.ค. ๖๖)``."""
    rnd = fiscal_round(period.year, period.round)
    return (f"{t('fiscal year', lang)} {number(period.year, lang)} {round_name(period.round, lang)} "
            f"({day(rnd.start, lang)} – {day(rnd.end, lang)})")
