"""How dates, occurrences, progress and periods read on screen, in Thai or English.

Plain strings only: widgets wrap them in `Content`/`Text` so that nothing here is ever parsed as
markup. Thai mode writes every number with Thai digits (dates, years, counts, percentages, times),
as official documents and the PDF report do, so no line mixes two digit systems; a Thai digit takes
one cell like an Arabic one, so columns still line up. Ids and item codes (``e6-r1``) are typed into
commands and stay as they are.
"""

from __future__ import annotations

from datetime import date, datetime

from itacheck import thai
from itacheck.domain.cadence import Cadence, describe
from itacheck.domain.fiscal import ROUND_LABELS_EN, ROUND_LABELS_TH, fiscal_round
from itacheck.domain.status import Tally
from itacheck.labels import STATUS_MARK, status_label, status_word
from itacheck.thaitext.cells import cell_width
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
    return digits(str(n), lang)


def round_name(name: str, lang: str) -> str:
    return (ROUND_LABELS_EN if lang == "en" else ROUND_LABELS_TH)[name]


def cadence(c: Cadence, lang: str) -> str:
    return describe(c, lang, "thai" if lang == "th" else "arabic")


def digits(text: str, lang: str) -> str:
    """``text`` built by the app (never the plan's or an officer's) with its digits in ``lang``'s."""
    return thai.to_thai_digits(text) if lang == "th" else text


def progress(tally: Tally, lang: str) -> str:
    """``๓/๕``: completed of expected (skipped ones are not expected)."""
    return digits(f"{tally.completed}/{tally.total - tally['skipped']}", lang)


def percent(tally: Tally, lang: str) -> str:
    pct = tally.percent_complete
    return "–" if pct is None else digits(f"{pct:g}%", lang)


def mark(status: str | None) -> str:
    return STATUS_MARK[status] if status else " "


def label(status: str, lang: str) -> str:
    """Mark and word: statuses are never told by colour alone."""
    return status_label(status, lang)


def pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal columns (Thai marks take none)."""
    return text + " " * max(0, width - cell_width(text))


def attention(tally: Tally, lang: str) -> str:
    """``! เกินกำหนด ๔ · • ใกล้ครบกำหนด ๒``: what needs doing, in words."""
    parts = [f"{STATUS_MARK[s]} {status_word(s, lang)} {number(tally[s], lang)}"
             for s in ("overdue", "due_soon") if tally[s]]
    return " · ".join(parts)


def period_label(period: Period, lang: str) -> str:
    """``ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน (๑ ต.ค. ๖๕ – ๓๑ มี.ค. ๖๖)``."""
    rnd = fiscal_round(period.year, period.round)
    return (f"{t('fiscal year', lang)} {number(period.year, lang)} {round_name(period.round, lang)} "
            f"({day(rnd.start, lang)} – {day(rnd.end, lang)})")
