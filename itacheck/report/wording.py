"""Every Thai sentence the report prints, worked out from the plan and its statuses.

No layout here, so the wording can be read and tested as plain strings. Each function takes
``digits`` ("thai" or "arabic") and returns text already in those digits; plan text goes through
:func:`localise` too, so ``digits="arabic"`` switches every number in the report (links aside).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from itacheck import thai
from itacheck.domain.cadence import describe
from itacheck.domain.fiscal import Round, fiscal_month_index
from itacheck.domain.model import Measure, Organisation, Plan, Signatory, Task
from itacheck.domain.status import MeasureStatus, OccurrenceStatus, Tally, TaskStatus

TITLE_LINES = ("รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "และความโปร่งใสภายในหน่วยงาน")
COLUMN_TITLES = (
    "ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา",
    "ผู้รับผิดชอบ",
    "ขั้นตอนหรือวิธีการ/มาตรการ",
    "การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ",
    "การดำเนินการ",
)
SUMMARY_COLUMNS = ("เครื่องมือ/ตัวชี้วัด", "จำนวนครั้งที่ต้องดำเนินการ", "แล้วเสร็จตามกำหนด",
                   "แล้วเสร็จล่าช้า", "เกินกำหนด", "ยังไม่ครบกำหนด", "ไม่ต้องดำเนินการ", "ร้อยละ")
DOTS = "." * 48


@dataclass(frozen=True)
class Para:
    """A paragraph of a table cell, indented ``indent`` steps; its continuation lines go a further
    ``hang`` steps in, or under the text after ``hang_text`` (a list number such as "๑. ").
    ``link`` makes every line of it clickable."""

    text: str
    indent: int = 0
    hang: int = 0
    hang_text: str = ""
    link: str = ""
    bold: bool = False


def localise(text: str, digits: str) -> str:
    """``text`` with all its digits in the report's digits."""
    if digits == "thai":
        return thai.to_thai_digits(text)
    if digits == "arabic":
        return thai.to_arabic_digits(text)
    raise ValueError(f"digits must be 'thai' or 'arabic', not {digits!r}")


def _date(d: date, digits: str) -> str:
    return thai.format_date(d, digits)


def _n(n: int, digits: str) -> str:
    return thai.format_number(n, digits)


# --- title block -------------------------------------------------------------------------------

def fiscal_year_line(rnd: Round, digits: str) -> str:
    """ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน"""
    return localise(f"ประจำปีงบประมาณ พ.ศ. {rnd.year} {rnd.label_th}", digits)


def months_line(rnd: Round, digits: str) -> str:
    """(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)"""
    first = thai.format_month(rnd.start.year, rnd.start.month, digits)
    last = thai.format_month(rnd.end.year, rnd.end.month, digits)
    return f"(เดือน{first} - {last})"


def place_line(org: Organisation) -> str:
    """อำเภอกันทรารมย์ จังหวัดศรีสะเกษ: the plan may hold the names with or without their prefixes."""
    parts = []
    if org.district.strip():
        district = org.district.strip()
        parts.append(district if district.startswith(("อำเภอ", "เขต", "อ.")) else f"อำเภอ{district}")
    if org.province.strip():
        province = org.province.strip()
        parts.append(province if province.startswith(("จังหวัด", "กรุงเทพ", "จ.")) else f"จังหวัด{province}")
    return " ".join(parts)


def document_title(plan: Plan, rnd: Round, digits: str) -> str:
    """The PDF's Title metadata: the whole title on one line."""
    return "".join(TITLE_LINES) + " " + fiscal_year_line(rnd, digits)


def intro_heading(plan: Plan, digits: str) -> str:
    return localise(f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ {plan.organisation.name} "
                    f"ประจำปีงบประมาณ พ.ศ. {plan.year}", digits)


def intro_text(plan: Plan, digits: str) -> str:
    """The plan's own paragraph, or the reference report's wording when it has none."""
    text = plan.intro.strip() or (
        f"จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. "
        f"{plan.year - 1} นำมาสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใส"
        f"ภายในหน่วยงานของ {plan.organisation.name} ดังนี้")
    return localise(text, digits)


def as_of_line(as_of: date, digits: str) -> str:
    return f"ข้อมูลการดำเนินการ ณ วันที่ {_date(as_of, digits)}"


def page_label(page: int, pages: int, digits: str) -> str:
    return f"หน้า {_n(page, digits)}/{_n(pages, digits)}"


# --- the table ---------------------------------------------------------------------------------

def section_title(tool: str, indicator: int, name: str, digits: str) -> str:
    """เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"""
    return localise(f"เครื่องมือการประเมิน {tool} ตัวชี้วัดที่ {indicator} {name}".rstrip(), digits)


def issue_paras(measure: Measure, digits: str) -> list[Para]:
    text = f"{measure.code} {measure.issue}" if measure.code else measure.issue
    return [Para(localise(line, digits)) for line in text.strip().split("\n")]


def responsible_paras(measure: Measure, digits: str) -> list[Para]:
    return [Para(localise(unit, digits)) for unit in measure.responsible] or [Para("-")]


def task_paras(tasks: tuple[Task, ...], digits: str) -> list[Para]:
    """Steps or reporting items, numbered ๑. ๒. … as in the reference when there are several."""
    if len(tasks) == 1:
        return [Para(localise(tasks[0].text, digits))]
    paras = []
    for number, task in enumerate(tasks, start=1):
        label = f"{_n(number, digits)}. "
        paras.append(Para(label + localise(task.text, digits), hang_text=label))
    return paras or [Para("-")]


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
    paras = [Para(f"{label}: {cadence}", hang=1)]
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


# --- summaries and signatures ------------------------------------------------------------------

def percent(tally: Tally, digits: str) -> str:
    value = tally.percent_complete
    return "-" if value is None else localise(f"{value:.1f}", digits)


def tally_sentence(title: str, tally: Tally, digits: str) -> str:
    """สรุปผล …: ต้องดำเนินการ ๒๘ ครั้ง แล้วเสร็จ ๑๖ ครั้ง … คิดเป็นร้อยละ ๕๗.๑"""
    n = lambda k: _n(tally[k], digits)  # noqa: E731
    if tally.total == 0:
        return f"สรุปผล{title}: ไม่มีรายการที่ต้องดำเนินการในรอบนี้"
    pending = tally["due_soon"] + tally["open"] + tally["upcoming"]
    parts = [f"ต้องดำเนินการ {_n(tally.total, digits)} ครั้ง",
             f"แล้วเสร็จ {_n(tally.completed, digits)} ครั้ง (ตามกำหนด {n('done')} ล่าช้า {n('late')})",
             f"เกินกำหนด {n('overdue')} ครั้ง", f"ยังไม่ครบกำหนด {_n(pending, digits)} ครั้ง"]
    if tally["skipped"]:
        parts.append(f"ไม่ต้องดำเนินการ {n('skipped')} ครั้ง")
    return f"สรุปผล{title}: " + " ".join(parts) + f" คิดเป็นร้อยละ {percent(tally, digits)}"


def summary_row(label: str, tally: Tally, digits: str) -> list[str]:
    pending = tally["due_soon"] + tally["open"] + tally["upcoming"]
    counts = (tally.total, tally["done"], tally["late"], tally["overdue"], pending, tally["skipped"])
    return [label, *(_n(c, digits) for c in counts), percent(tally, digits)]


def signature_lines(role: str, person: Signatory, digits: str) -> list[str]:
    """(ลงชื่อ) ……… ผู้รายงาน / (name) / ตำแหน่ง …: blank names and positions print dotted lines."""
    name = localise(person.name.strip(), digits) or DOTS
    position = localise(person.position.strip(), digits) or DOTS
    return [f"(ลงชื่อ){DOTS}{role}", f"({name})", f"ตำแหน่ง {position}"]
