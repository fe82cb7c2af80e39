"""From blocks to a plan draft: find the measures table, its sections (tool and indicator), and
each row's issue, responsible units, steps, reporting items and results."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from itacheck import thai
from itacheck.domain.cadence import Cadence
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Measure, Organisation, Plan, Task
from itacheck.reportimport.blocks import COLUMNS, Block, Paragraph, Row
from itacheck.reportimport.draft import Note, PlanDraft, Result, TaskReading
from itacheck.reportimport.items import cadence_of, dates_in, fix_typos, one_line, split_items
from itacheck.store.catalogue_file import catalogue_for

ROLES = ("issue", "responsible", "steps", "reporting", "results")
#: Header words of each column, tried in this order (ขั้นตอนหรือวิธีการ/มาตรการ names "มาตรการ" too).
_HEADER = (("issue", "ประเด็น"), ("responsible", "ผู้รับผิดชอบ"), ("steps", "ขั้นตอน|วิธีการ"),
           ("reporting", "รายงานผล|กำกับติดตาม|กำหนดเวลา"), ("results", "การดำเนินการ|ผลการดำเนิน"))
_TOOL = re.compile(r"เครื่องมือ(?:การประเมิน|ประเมิน)?\s*[:：]?\s*(IIT|EIT|OIT)\b", re.I)
_INDICATOR = re.compile(r"ตัวชี้วัดที่\s*(\d{1,2})\s*([^\n]*?)\s*(?=\n|\s-|$)")
_CODE = re.compile(r"^\s*([eiEIoO])\s*(\d{1,2})(?!\d)\s*[.:)]?\s*")
_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(\d{4})")
_AGENCY = re.compile(r"(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)|อบต\.|อบจ\.|กรม|กระทรวง|"
                     r"สำนักงาน|โรงพยาบาล|มหาวิทยาลัย|สถาบัน|ศาล|การไฟฟ้า|การประปา|กองทุน|"
                     r"องค์การ|สำนัก|ศูนย์|โรงเรียน|วิทยาลัย|กอง)\S*(?:\s\S+)?")
_DISTRICT = re.compile(r"อำเภอ\s*([^\s,]+)")
_PROVINCE = re.compile(r"จังหวัด\s*([^\s,]+)")
_TOOL_OF_INDICATOR = {**{n: "IIT" for n in range(1, 6)}, **{n: "EIT" for n in range(6, 9)}, 9: "OIT", 10: "OIT"}


class NotAReport(ValueError):
    """The source holds no measures table: nothing is imported."""


@dataclass
class _Builder:
    year: int
    data_dir: Path | None = None
    measures: list[Measure] = field(default_factory=list)
    readings: dict[str, TaskReading] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    tool: str = ""
    indicator: int = 0
    indicator_name: str = ""

    def note(self, where: str, th: str, en: str) -> None:
        self.notes.append(Note(where, th, en))


def _columns(row: Row) -> dict[str, int] | None:
    """The column of each role when ``row`` is the table's header row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        for role, words in _HEADER:
            if role not in found and re.search(words, cell):
                found[role] = index
                break
    return found if {"issue", "steps", "reporting"} <= set(found) else None


def _section(text: str, builder: _Builder) -> str:
    """Take the tool and indicator a heading names (they hold for the rows that follow) and
    return what is left of ``text``."""
    if m := _TOOL.search(text):
        builder.tool = m.group(1).upper()
        text = text[:m.start()] + text[m.end():]
    arabic = thai.to_arabic_digits(text)
    if m := _INDICATOR.search(arabic):
        builder.indicator = int(m.group(1))
        builder.indicator_name = one_line(text[m.start(2):m.end(2)])
        builder.tool = builder.tool or _TOOL_OF_INDICATOR.get(builder.indicator, "")
        text = text[:m.start()] + text[m.end():]
    return text.strip()


def build_draft(blocks: list[Block], source: str, data_dir: Path | None = None) -> PlanDraft:
    """The plan the blocks describe, with every guess noted; NotAReport when there is no
    five-column measures table."""
    first_row = next((i for i, b in enumerate(blocks) if isinstance(b, Row)), len(blocks))
    head = [b.text for b in blocks[:first_row] if isinstance(b, Paragraph)]
    columns = next((c for b in blocks if isinstance(b, Row) and (c := _columns(b))), None)
    if columns is None:
        wide = [b for b in blocks if isinstance(b, Row)]
        if not wide:
            raise NotAReport("ไม่พบตารางมาตรการในไฟล์ (no table of measures found: expected the five columns "
                             "ประเด็น… | ผู้รับผิดชอบ | ขั้นตอน… | การรายงานผล… | การดำเนินการ)")
        raise NotAReport("ไม่พบหัวตารางมาตรการ ๕ คอลัมน์ (no header row of the five-column measures table: "
                         "ประเด็น… | ผู้รับผิดชอบ | ขั้นตอน… | การรายงานผล… | การดำเนินการ)")
    if len(columns) < COLUMNS:
        missing = ", ".join(r for r in ROLES if r not in columns)
        raise NotAReport(f"ตารางมาตรการไม่ครบ ๕ คอลัมน์ (the measures table lacks columns: {missing}; "
                         "expected ประเด็น… | ผู้รับผิดชอบ | ขั้นตอน… | การรายงานผล… | การดำเนินการ)")
    builder = _Builder(year=_year(head), data_dir=data_dir)
    plan_head = _plan_head(head, builder)
    for block in blocks[first_row:]:
        if isinstance(block, Paragraph):
            _section(block.text, builder)
        elif _columns(block) is None:
            _row(block, columns, builder)
    if not builder.measures:
        raise NotAReport("ตารางมาตรการไม่มีแถวข้อมูล (the measures table has no rows)")
    plan = Plan(year=builder.year, measures=tuple(builder.measures), **plan_head)
    return PlanDraft(plan, source, builder.readings, tuple(builder.notes), tuple(builder.results))


def _year(head: list[str]) -> int:
    for text in head:
        if m := _YEAR.search(thai.to_arabic_digits(text)):
            return int(m.group(1))
    raise NotAReport("ไม่พบปีงบประมาณในหัวรายงาน (no fiscal year found in the report's title, e.g. "
                     "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖)")


def _plan_head(head: list[str], builder: _Builder) -> dict[str, object]:
    """Organisation, district, province and intro from the paragraphs above the table."""
    lines = [line for text in head for line in text.split("\n")]
    org = next((m.group(0) for line in lines if not line.startswith(("จาก", "มาตรการ", "รายงาน"))
                and (m := _AGENCY.match(line.strip()))), "")
    if not org:
        builder.note("plan", "ไม่พบชื่อหน่วยงาน: กรอกในหน้าแก้ไขแผน",
                     "the organisation's name was not found: fill it in the plan editor")
    district = next((m.group(1) for line in lines if (m := _DISTRICT.search(line))), "")
    province = next((m.group(1) for line in lines if (m := _PROVINCE.search(line))), "")
    intro = next((one_line(t) for t in head if t.startswith("จาก") or t.rstrip().endswith("ดังนี้")), "")
    return {"organisation": Organisation(one_line(org), district, province), "intro": intro}


def _row(row: Row, columns: dict[str, int], builder: _Builder) -> None:
    cells = {role: row.cells[i] if i < len(row.cells) else "" for role, i in columns.items()}
    filled = [c for c in row.cells if c.strip()]
    if len(filled) == 1 and not (cells["steps"] or cells["reporting"]):  # a section row across the table
        _section(filled[0], builder)
        return
    issue = _section(cells["issue"], builder)
    code = ""
    if m := _CODE.match(thai.to_arabic_digits(issue)):
        code = f"{m.group(1).lower()}{int(m.group(2))}"
        issue = issue[m.end():]
    issue, fixes = fix_typos(_issue_text(issue))
    mid = _measure_id(code or f"{builder.tool.lower()}{builder.indicator}", builder)
    if not builder.tool or not builder.indicator:
        builder.note(mid, "ไม่พบเครื่องมือหรือตัวชี้วัดของมาตรการนี้: ตรวจสอบ",
                     "this measure's tool or indicator was not found: check it")
    tool = builder.tool or {"e": "EIT", "i": "IIT", "o": "OIT"}.get(code[:1], "OIT")
    indicator = builder.indicator or 10
    if problem := catalogue_for(builder.year, builder.data_dir).check_measure(tool, indicator):
        builder.note(mid, f"ตัวชี้วัดไม่ตรงกับแคตตาล็อก ITA: {problem}", problem)
    tasks = _tasks(mid, cells["steps"], cells["reporting"], builder, fixes)
    for fix in fixes:
        builder.note(mid, f"แก้คำที่พิมพ์ผิด: {fix}", f"typing slip fixed: {fix}")
    responsible = tuple(one_line(u) for u in re.split(r"[\n,]+|\s{1,}", cells.get("responsible", "")) if u.strip())
    builder.measures.append(Measure(id=mid, tool=tool, indicator=indicator, indicator_name=builder.indicator_name,
                                    issue=issue, responsible=responsible, tasks=tasks, code=code))
    if result := one_line(cells.get("results", "").lstrip("-– ")):
        builder.results.append(Result(mid, result, dates_in(result)))


def _issue_text(text: str) -> str:
    """The issue: one line per paragraph (a check-box list stays a list), the leading dash of a
    lone bullet dropped."""
    lines = [one_line(line) for line in text.split("\n") if line.strip()]
    if lines and lines[0].startswith("-") and not any(line.startswith("-") for line in lines[1:]):
        lines[0] = lines[0].lstrip("-– ")
    return "\n".join(lines)


def _measure_id(base: str, builder: _Builder) -> str:
    taken = {m.id.lower() for m in builder.measures}
    base = base or "m"
    mid, n = base, 2
    while mid.lower() in taken:
        mid, n = f"{base}-{n}", n + 1
    return mid


def _items(mid: str, role: str, cell: str, builder: _Builder,
           fixes: list[str]) -> list[tuple[str, Cadence | None, str]]:
    """Each item of a steps or reporting cell: its text, the cadence its wording names, the words."""
    items, lost_first = split_items(cell)
    if lost_first:
        builder.note(mid, f"{'การรายงาน' if role == 'reporting' else 'ขั้นตอน'}ข้อ ๑ ไม่มีเลขข้อ: ถือเป็นข้อ ๑",
                     f"{role} item 1 had lost its number: read as item 1")
    out = []
    for text in items:
        text, slips = fix_typos(text)
        fixes.extend(slips)
        out.append((text, *cadence_of(text)))
    return out


def _tasks(mid: str, steps_cell: str, reporting_cell: str, builder: _Builder, fixes: list[str]) -> tuple[Task, ...]:
    """Steps and reporting items with their cadences: read from each item's own words, else
    inferred (and said so): a step takes the deadline of the reporting item with its number,
    else the latest deadline of the measure's reporting items, else the end of the half-year
    round; a reporting item with no time is checked once a year."""
    reports = _items(mid, "reporting", reporting_cell, builder, fixes)
    steps = _items(mid, "step", steps_cell, builder, fixes)
    report_months = next((c.due_months for _, c, _ in reports if c and c.kind == "semiannual" and c.due_months), ())
    deadlines = [c.due for _, c, _ in reports if c and c.kind == "once" and c.due]
    half_end = fiscal_round(builder.year, "half").end
    step_tasks, report_tasks = [], []
    for n, (text, cadence, words) in enumerate(reports, start=1):
        tid = f"{mid}-r{n}"
        if cadence is None:
            cadence = Cadence("yearly")
            _reading(builder, tid, "", "ไม่ระบุเวลา: ถือว่ากำกับติดตามปีละ ๑ ครั้ง (ตรวจสอบ)",
                     "no time given: taken as once a year (check it)")
        elif cadence.kind == "semiannual" and not cadence.due_months and report_months:
            cadence = Cadence("semiannual", due_months=report_months)
            _reading(builder, tid, words, "ทุก ๖ เดือน ในเดือนเดียวกับข้อก่อนหน้า",
                     "every 6 months, in the same months as the item before")
        else:
            _reading(builder, tid, words, "จากข้อความของรายการนี้", "from this item's own wording")
        report_tasks.append(Task(tid, "reporting", text, cadence))
    for n, (text, cadence, words) in enumerate(steps, start=1):
        tid = f"{mid}-s{n}"
        same_number = reports[n - 1][1] if n <= len(reports) else None
        if cadence is not None:
            _reading(builder, tid, words, "จากข้อความของขั้นตอนนี้", "from this step's own wording")
        elif same_number is not None and same_number.kind == "once":
            cadence = same_number
            _reading(builder, tid, "", f"ตามกำหนดของการรายงานข้อ {thai.format_number(n)}",
                     f"the deadline of reporting item {n}")
        elif deadlines:
            cadence = Cadence("once", due=max(deadlines))
            _reading(builder, tid, "", "ไม่ระบุเวลา: ใช้กำหนดสุดท้ายของการรายงานในมาตรการนี้",
                     "no time given: the measure's latest reporting deadline")
        else:
            cadence = Cadence("once", due=half_end)
            _reading(builder, tid, "", "ไม่ระบุเวลา: ให้เสร็จภายในรอบ ๖ เดือน "
                     f"({thai.format_date(half_end, style='short')})",
                     f"no time given: due by the end of the half-year round ({half_end.isoformat()})")
        step_tasks.append(Task(tid, "step", text, cadence))
    return (*step_tasks, *report_tasks)


def _reading(builder: _Builder, task_id: str, words: str, how_th: str, how_en: str) -> None:
    builder.readings[task_id] = TaskReading(words, how_th, how_en)
