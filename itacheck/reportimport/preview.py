"""What an import read, as text to check before saving: every measure and task with the cadence
found and the words (or the rule) that gave it, what was fixed, and what to look at."""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.cadence import describe
from itacheck.reportimport.draft import PlanDraft

_WORDS = {
    "th": {"read": "อ่านจาก", "plan": "แผนปีงบประมาณ", "measures": "มาตรการ", "tasks": "งาน", "issue": "ประเด็น",
           "responsible": "ผู้รับผิดชอบ", "step": "ขั้นตอน", "reporting": "การรายงาน", "words": "จากคำว่า",
           "check": "ตรวจสอบ", "result": "ผลการดำเนินการ (ไม่บันทึกอัตโนมัติ)", "indicator": "ตัวชี้วัดที่",
           "district": "อำเภอ", "province": "จังหวัด"},
    "en": {"read": "read from", "plan": "plan of fiscal year", "measures": "measures", "tasks": "tasks",
           "issue": "issue", "responsible": "responsible", "step": "step", "reporting": "reporting",
           "words": "from the words", "check": "check", "result": "result (not recorded)", "indicator": "indicator",
           "district": "district", "province": "province"},
}


def preview_lines(draft: PlanDraft, lang: str = "th") -> list[str]:
    """One line per fact; a line starting with ``⚠`` is a guess or a fix the officer should check."""
    w = _WORDS["en" if lang == "en" else "th"]
    digits = "arabic" if lang == "en" else "thai"
    plan = draft.plan
    org = plan.organisation
    place = " ".join(p for p in (org.district and f"{w['district']}{org.district}",
                                 org.province and f"{w['province']}{org.province}") if p)
    lines = [f"{w['read']} {draft.source}: {w['plan']} {plan.year} · {org.name or '?'}" + (f" · {place}" if place else ""),
             f"{len(plan.measures)} {w['measures']}, {len(plan.tasks())} {w['tasks']}"]
    notes = {}
    for note in draft.notes:
        notes.setdefault(note.where, []).append(note.text(lang))
    lines += [f"⚠ {text}" for text in notes.pop("plan", [])]
    for m in plan.measures:
        lines += ["", f"[{m.id}] {m.tool} {w['indicator']} {m.indicator} {m.indicator_name}"]
        issue = m.issue.split("\n")
        lines += [f"  {w['issue']}: {issue[0]}"] + [f"    {more}" for more in issue[1:]]
        lines.append(f"  {w['responsible']}: {', '.join(m.responsible) or '–'}")
        for t in m.tasks:
            reading = draft.readings.get(t.id)
            cadence = describe(t.cadence, lang, digits)
            lines.append(f"  {t.id}  {w[t.role]}: {t.text}")
            if reading is None:
                lines.append(f"      → {cadence}")
            elif reading.words:
                lines.append(f"      → {cadence}  ({w['words']} “{_short(reading.words)}”)")
            else:
                lines.append(f"      ⚠ {cadence}: {reading.how(lang)}")
        lines += [f"  ⚠ {text}" for text in notes.pop(m.id, [])]
        for r in (r for r in draft.results if r.measure_id == m.id):
            when = ", ".join(thai.format_date(d, digits, "short") for d in r.dates)
            lines.append(f"  {w['result']}: {r.text}" + (f" [{when}]" if when else ""))
    return lines


def _short(words: str, limit: int = 60) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[:limit - 1] + "…"
