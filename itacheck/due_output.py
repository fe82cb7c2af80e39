"""`itacheck due`: what is overdue or due soon, short enough to read at login or in a cron mail.

The lines are the dashboard's (`itacheck.domain.attention`, `itacheck.labels.attention_line`), so
the terminal, the mail and the TUI never disagree about what is owed. Nothing at all is printed
when nothing is owed: a login script stays silent and cron sends no mail.
"""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.attention import Attention, attention
from itacheck.domain.status import PlanStatus
from itacheck.labels import attention_line
from itacheck.thaitext.cells import fit


def due_lines(status: PlanStatus, days: int, lang: str = "th", width: int = 80) -> list[str]:
    """A heading and one line per task (overdue first, then due within ``days``), each with the
    task's own words after the periods it owes, cut to ``width`` columns; [] when nothing is owed."""
    overdue, soon = attention(status, days)
    if not overdue and not soon:
        return []
    return [fit(_heading(status, len(overdue), len(soon), days, lang), width),
            *(fit(_line(item, lang), width) for item in (*overdue, *soon))]


def _line(item: Attention, lang: str) -> str:
    return f"{attention_line(item, lang)} · {item.task.task.text}"


def _heading(status: PlanStatus, overdue: int, soon: int, days: int, lang: str) -> str:
    year, as_of = status.plan.year, status.as_of
    if lang == "en":
        return f"itacheck, FY {year}, {as_of.day} {as_of:%b %Y}: {overdue} overdue, {soon} due within {days} days"
    n = thai.to_thai_digits
    return (f"itacheck: ปีงบประมาณ {n(str(year))} ณ {thai.format_date(as_of, 'thai', 'short')}: "
            f"เกินกำหนด {n(str(overdue))} งาน ครบกำหนดใน {n(str(days))} วัน {n(str(soon))} งาน")
