"""The การดำเนินการ column: what the records of the round say about each step and reporting item.

For every task of a measure: what was done and when (Thai long date), by which unit when the task
names one, the notes, links and attached files of its records, and for an occurrence not done
its status in words (เกินกำหนด, ใกล้ครบกำหนด …), never a blank. A recurring task lists its
occurrences; a run of them in the same state with nothing recorded is said once.
"""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.cadence import describe
from itacheck.domain.fiscal import fiscal_month_index
from itacheck.domain.model import Task
from itacheck.domain.status import MeasureStatus, OccurrenceStatus, TaskStatus
from itacheck.report.wording import Para, localise


def _date(d, digits: str) -> str:
    return thai.format_date(d, digits)


def _n(n: int, digits: str) -> str:
    return thai.format_number(n, digits)


def outcome_paras(measure: MeasureStatus, digits: str) -> list[Para]:
    """The การดำเนินการ column: for each step and reporting item, what the records say."""
    paras: list[Para] = []
    steps = [t for t in measure.tasks if t.task.role == "step"]
    reporting = [t for t in measure.tasks if t.task.role == "reporting"]
    for (one, numbered), group in ((("ขั้นตอน", "ขั้นตอนที่"), steps),
                                   (("การรายงานผล", "การรายงานผลที่"), reporting)):
        for number, task_status in enumerate(group, start=1):
            label = f"{numbered} {_n(number, digits)}" if len(group) > 1 else one
            paras.extend(_task_outcome(label, task_status, digits))
    return paras or [Para("ไม่มีขั้นตอนที่ต้องดำเนินการ")]


def _task_outcome(label: str, ts: TaskStatus, digits: str) -> list[Para]:
    cadence = describe(ts.task.cadence, digits=digits)
    if not ts.occurrences:
        return [Para(f"{label}: ไม่มีกำหนดดำเนินการในรอบนี้ ({cadence})", hang=1)]
    if len(ts.occurrences) == 1 and ts.task.cadence.kind in ("once", "yearly"):
        head = f"{label}: "
        sentence, details = _occurrence_outcome(ts.task, ts.occurrences[0], digits)
        return [Para(head + sentence, hang=1), *(Para(d.text, indent=1, hang=1, link=d.link) for d in details)]
    paras = [Para(f"{label}: {cadence}", hang=1, keep_with_next=True)]
    for group in _groups(ts.occurrences):
        when = _period_label(ts.task, group, digits)
        if len(group) == 1:
            sentence, details = _occurrence_outcome(ts.task, group[0], digits)
        else:
            sentence, details = _STATUS_WORDS[group[0].status], []
        paras.append(Para(f"- {when}: {sentence}", indent=1, hang=1))
        paras.extend(Para(d.text, indent=2, hang=1, link=d.link) for d in details)
    return paras


#: What an occurrence that was not done says, alone or for a run of them.
_STATUS_WORDS = {
    "overdue": "เกินกำหนด ยังไม่ได้ดำเนินการ",
    "due_soon": "ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด",
    "open": "ยังไม่ได้ดำเนินการ อยู่ในช่วงเวลาดำเนินการ",
    "upcoming": "ยังไม่ถึงกำหนดดำเนินการ",
    "skipped": "ไม่ต้องดำเนินการ",
}


def _occurrence_outcome(task: Task, occ: OccurrenceStatus, digits: str) -> tuple[str, list[Para]]:
    """The sentence for one occurrence, and the lines under it (notes, links, attached files)."""
    due = _date(occ.occurrence.due, digits)
    notes = [r.note.strip() for r in occ.records if r.note.strip()]
    if occ.status in ("done", "late"):
        assert occ.done_on is not None
        said = thai.to_arabic_digits(thai.format_date(occ.done_on, "arabic"))
        lead = next((n for n in notes if said in thai.to_arabic_digits(n)), None)
        sentence = (localise(lead, digits) if lead else
                    f"{localise(task.responsible, digits)}ดำเนินการแล้วเสร็จเมื่อวันที่ {_date(occ.done_on, digits)}")
        if occ.status == "late":
            sentence += f" ล่าช้ากว่ากำหนด (กำหนดวันที่ {due})"
        notes = [n for n in notes if n is not lead and localise(n, digits) not in sentence]
    elif occ.status == "skipped":
        sentence = _STATUS_WORDS["skipped"] + (f": {localise(notes[0], digits)}" if notes else "")
        notes = notes[1:]
    else:
        sentence = f"{_STATUS_WORDS[occ.status]} (กำหนดวันที่ {due})"
    details = [Para(localise(n, digits)) for n in notes]
    for record in occ.records:
        details.extend(Para(url, link=url) for url in record.links)
        details.extend(Para(f"เอกสารแนบ: {a.name}") for a in record.attachments)
    return sentence, details


def _groups(occurrences: tuple[OccurrenceStatus, ...]) -> list[list[OccurrenceStatus]]:
    """Runs of consecutive occurrences with the same status and nothing recorded are said once
    ("เดือนพฤศจิกายน ๒๕๖๕ - กุมภาพันธ์ ๒๕๖๖: เกินกำหนด"); anything recorded is said on its own."""
    groups: list[list[OccurrenceStatus]] = []
    for occ in occurrences:
        prev = groups[-1][-1] if groups else None
        if prev is not None and not prev.records and not occ.records and prev.status == occ.status:
            groups[-1].append(occ)
        else:
            groups.append([occ])
    return groups


def _period_label(task: Task, group: list[OccurrenceStatus], digits: str) -> str:
    kind = task.cadence.kind
    first, last = group[0].occurrence, group[-1].occurrence
    if kind in ("monthly", "continuous"):
        a = thai.format_month(first.start.year, first.start.month, digits)
        if len(group) == 1:
            return f"เดือน{a}"
        b = thai.format_month(last.start.year, last.start.month, digits)
        return f"เดือน{a} - {b} ({_n(len(group), digits)} เดือน)"
    if kind == "quarterly":
        qa = (fiscal_month_index(first.start) - 1) // 3 + 1
        qb = (fiscal_month_index(last.start) - 1) // 3 + 1
        return f"ไตรมาสที่ {_n(qa, digits)}" + (f" - {_n(qb, digits)}" if len(group) > 1 else "")
    if kind == "semiannual":
        halves = ["รอบ ๖ เดือนแรก" if fiscal_month_index(o.occurrence.start) <= 6 else "รอบ ๖ เดือนหลัง"
                  for o in group]
        return localise(" และ".join(halves), digits)
    if kind == "yearly":
        return "ประจำปี"
    a = _date(first.due, digits)
    if len(group) == 1:
        return f"ครั้งกำหนดวันที่ {a}"
    return f"ครั้งกำหนดวันที่ {a} - {_date(last.due, digits)} ({_n(len(group), digits)} ครั้ง)"
