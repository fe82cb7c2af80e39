"""`itacheck status` output: the JSON object of DESIGN.md and a plain table for the terminal."""

from __future__ import annotations

from typing import Any

from itacheck import thai
from itacheck.domain.cadence import describe
from itacheck.domain.status import PlanStatus, Tally
from itacheck.thaitext.cells import cell_width, fit
from itacheck.labels import STATUS_MARK, status_label, status_word


def status_json(status: PlanStatus) -> dict[str, Any]:
    plan, rnd = status.plan, status.round
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
                            {"key": o.occurrence.key, "start": o.occurrence.start.isoformat(),
                             "end": o.occurrence.end.isoformat(), "due": o.occurrence.due.isoformat(),
                             "status": o.status, "done_on": o.done_on.isoformat() if o.done_on else None}
                            for o in t.occurrences
                        ],
                    }
                    for t in m.tasks
                ],
            }
            for m in status.measures
        ],
    }


def _pad(text: str, width: int) -> str:
    text = fit(text, width)
    return text + " " * (width - cell_width(text))


def _summary(tally: Tally, lang: str) -> str:
    pct = tally.percent_complete
    parts = [f"{tally.completed}/{tally.total - tally['skipped']}"]
    if pct is not None:
        parts.append(f"{pct:g}%")
    parts += [f"{STATUS_MARK[s]}{tally[s]} {status_word(s, lang)}" for s in ("overdue", "due_soon") if tally[s]]
    return "  ".join(parts)


def status_table(status: PlanStatus, lang: str = "th", width: int = 100) -> str:
    """A readable report for the terminal; Arabic digits so task ids and counts line up."""
    plan, rnd = status.plan, status.round
    d = lambda day: thai.format_date(day, digits="arabic", style="short")  # noqa: E731
    round_label = rnd.label_en if lang == "en" else rnd.label_th
    lines = [
        f"{plan.organisation.name} — {'fiscal year' if lang == 'en' else 'ปีงบประมาณ'} {plan.year} "
        f"{round_label} ({d(rnd.start)} – {d(rnd.end)}), {'as of' if lang == 'en' else 'ณ วันที่'} {d(status.as_of)}",
        "",
    ]
    text_w = max(20, width - 62)
    for m in status.measures:
        meas = m.measure
        head = f"{meas.tool} {'indicator' if lang == 'en' else 'ตัวชี้วัดที่'} {meas.indicator}"
        code = f" {meas.code}" if meas.code else ""
        lines.append(f"{head}{code} [{meas.id}]  {fit(meas.issue, width - cell_width(head) - 20)}")
        lines.append(f"  {_summary(m.tally, lang)}")
        for t in m.tasks:
            for o in t.occurrences:
                done = f" {d(o.done_on)}" if o.done_on else ""
                lines.append(f"  {_pad(t.task.id, 10)} {_pad(t.task.text, text_w)} {_pad(o.occurrence.key, 9)} "
                             f"{'due' if lang == 'en' else 'กำหนด'} {_pad(d(o.occurrence.due), 10)} "
                             f"{status_label(o.status, lang)}{done}")
            if not t.occurrences:
                lines.append(f"  {_pad(t.task.id, 10)} {_pad(t.task.text, text_w)} "
                             f"{'(not in this round: ' if lang == 'en' else '(ไม่อยู่ในรอบนี้: '}"
                             f"{describe(t.task.cadence, lang, 'arabic')})")
        lines.append("")
    lines.append(f"{'Total' if lang == 'en' else 'รวม'}: {_summary(status.tally, lang)}")
    lines.append("  ".join(f"{STATUS_MARK[s]} {status_word(s, lang)} {n}" for s, n in status.tally.counts))
    return "\n".join(lines)
