"""`itacheck status` output: the JSON object of DESIGN.md and a plain table for the terminal."""

from __future__ import annotations

from datetime import date
from typing import Any

from itacheck import thai
from itacheck.domain.cadence import Occurrence, describe
from itacheck.domain.status import PlanStatus, Tally
from itacheck.labels import STATUS_MARK, status_label, status_word
from itacheck.thaitext.cells import cell_width


def status_json(status: PlanStatus) -> dict[str, Any]:
    plan, rnd = status.plan, status.round
    periods: dict[int, tuple[str, str, str, str]] = {}  # a cadence's occurrences are shared by its tasks

    def period(o: Occurrence) -> tuple[str, str, str, str]:
        known = periods.get(id(o))
        if known is None:
            known = periods[id(o)] = (o.key, o.start.isoformat(), o.end.isoformat(), o.due.isoformat())
        return known

    return {
        "plan": {"org": plan.organisation.name, "year": plan.year},
        "round": {"name": rnd.name, "start": rnd.start.isoformat(), "end": rnd.end.isoformat()},
        "as_of": status.as_of.isoformat(),
        "totals": status.tally.as_dict(),
        "measures": [
            {
                "id": m.measure.id, "tool": m.measure.tool, "indicator": m.measure.indicator,
                "code": m.measure.code, "issue": m.measure.issue, "responsible": list(m.measure.responsible),
                "totals": m.tally.as_dict(),
                "tasks": [
                    {
                        "id": t.task.id, "role": t.task.role, "text": t.task.text, "cadence": t.task.cadence.kind,
                        "occurrences": [
                            {"key": key, "start": start, "end": end, "due": due,
                             "status": o.status, "done_on": o.done_on.isoformat() if o.done_on else None}
                            for o in t.occurrences for key, start, end, due in (period(o.occurrence),)
                        ],
                    }
                    for t in m.tasks
                ],
            }
            for m in status.measures
        ],
    }


def status_table(status: PlanStatus, lang: str = "th", width: int = 80, digits: str | None = None) -> str:
    """A readable report for a terminal ``width`` columns wide: Thai wraps between words with
    dates whole, and every number is written in one system, Thai digits in Thai (``digits`` says
    otherwise). Ids and period keys (``e6-r1``, ``2566-Q2``) stay as typed: commands take them."""
    return "\n".join(_Table(lang, max(width, 40), digits or ("thai" if lang == "th" else "arabic")).lines(status))


class _Table:
    """Lines of the status table; ``n`` and ``day`` write numbers and dates in the chosen digits."""

    def __init__(self, lang: str, width: int, digits: str) -> None:
        from itacheck.thaitext.lines import wrap  # with the segmenter: not for status --json

        self.lang, self.width, self.digits, self._wrap = lang, width, digits, wrap
        self._days: dict[date, str] = {}  # a big year's table shows a few hundred dates thousands of times
        #: and as many lines of its periods, made once each: by the period's key and due date, the
        #: status, the day done and the column they start at
        self._periods: dict[tuple[str, date, str, date | None, int], list[str]] = {}

    def n(self, text: object) -> str:
        """``text`` (a number, or text holding numbers: a round's name, a plan's wording) in the
        output's digits, as the PDF report writes them."""
        return (thai.to_thai_digits if self.digits == "thai" else thai.to_arabic_digits)(str(text))

    def day(self, d: date) -> str:
        text = self._days.get(d)
        if text is None:
            text = self._days[d] = self.n(f"{d.day} {d:%b %Y}" if self.lang == "en"
                                          else thai.format_date(d, "arabic", "short"))
        return text

    def word(self, th: str, en: str) -> str:
        return en if self.lang == "en" else th

    def lines(self, status: PlanStatus) -> list[str]:
        plan, rnd = status.plan, status.round
        round_label = rnd.label_en if self.lang == "en" else rnd.label_th
        out = self.wrapped(f"{plan.organisation.name} — {self.word('ปีงบประมาณ', 'fiscal year')} {plan.year} "
                           f"{round_label} ({self.day(rnd.start)} – {self.day(rnd.end)}), "
                           f"{self.word('ณ วันที่', 'as of')} {self.day(status.as_of)}")
        out.append("")
        for m in status.measures:
            meas = m.measure
            head = f"{meas.tool} {self.word('ตัวชี้วัดที่', 'indicator')} {self.n(meas.indicator)}"
            code = f" {meas.code}" if meas.code else ""
            out += self.wrapped(f"{meas.issue}", first=f"{self.n(head)}{code} [{meas.id}]  ", hang=2)
            out.append(f"  {self.summary(m.tally)}")
            column = max(10, max((len(t.task.id) for t in m.tasks), default=0) + 2)
            for t in m.tasks:
                out += self.wrapped(t.task.text, first=f"  {t.task.id:<{column}}", hang=2 + column)
                indent = " " * (2 + column)
                for o in t.occurrences:
                    period = o.occurrence
                    key = (period.key, period.due, o.status, o.done_on, column)
                    lines = self._periods.get(key)
                    if lines is None:
                        done = f" {self.day(o.done_on)}" if o.done_on else ""
                        lines = self._periods[key] = self.wrapped(
                            f"{self.word('กำหนด', 'due')} {self.day(period.due)}  {status_label(o.status, self.lang)}{done}",
                            first=f"{indent}{period.key:<9} ", hang=len(indent) + 10)
                    out += lines
                if not t.occurrences:
                    out += self.wrapped(f"({self.word('ไม่อยู่ในรอบนี้', 'not in this round')}: "
                                        f"{describe(t.task.cadence, self.lang, self.digits)})",
                                        first=indent, hang=len(indent))
            out.append("")
        out.append(f"{self.word('รวม', 'Total')}: {self.summary(status.tally)}")
        out += self.flowed([f"{STATUS_MARK[s]} {status_word(s, self.lang)} {self.n(k)}"
                            for s, k in status.tally.counts])
        return out

    def flowed(self, items: list[str]) -> list[str]:
        """``items`` two spaces apart, a line breaking only between them."""
        lines = [""]
        for item in items:
            if lines[-1] and cell_width(f"{lines[-1]}  {item}") > self.width:
                lines.append("")
            lines[-1] = f"{lines[-1]}  {item}" if lines[-1] else item
        return lines

    def wrapped(self, text: str, first: str = "", hang: int = 0) -> list[str]:
        """``first`` then ``text`` (its digits in the output's) wrapped between words; continuation
        lines indented by ``hang`` columns."""
        taken = cell_width(first)
        lines = self._wrap(self.n(text), self.width - taken, hang=hang - taken)
        return [first + lines[0], *(" " * hang + line for line in lines[1:])]

    def summary(self, tally: Tally) -> str:
        pct = tally.percent_complete
        parts = [self.n(f"{tally.completed}/{tally.total - tally['skipped']}")]
        if pct is not None:
            parts.append(self.n(f"{pct:g}%"))
        parts += [f"{STATUS_MARK[s]}{self.n(tally[s])} {status_word(s, self.lang)}"
                  for s in ("overdue", "due_soon") if tally[s]]
        return "  ".join(parts)
