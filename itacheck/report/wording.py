"""Every Thai sentence the report prints from the plan (the การดำเนินการ column, which comes from
the records, is in :mod:`outcomes`).

No layout here, so the wording can be read and tested as plain strings. Each function takes
``digits`` ("thai" or "arabic") and returns text already in those digits; plan text goes through
:func:`localise` too, so ``digits="arabic"`` switches every number in the report (links aside).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from itacheck import thai
from itacheck.domain.fiscal import Round
from itacheck.domain.model import Measure, Organisation, Plan, Signatory, Task
from itacheck.domain.status import Tally

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
    ``link`` makes every line of it clickable; ``keep_with_next`` keeps it on the page of the
    paragraph after it (a heading with its first bullet)."""

    text: str
    indent: int = 0
    hang: int = 0
    hang_text: str = ""
    link: str = ""
    bold: bool = False
    keep_with_next: bool = False


_CONTROL = {c: " " for c in range(32) if c != 10} | {0x7F: " ", 0x2028: "\n", 0x2029: "\n"}
#: Symbols pasted from questionnaires that Sarabun lacks, as the nearest ones it has: a list
#: bullet for an empty box or circle, and "/" (the tick of Thai forms) for a ticked box.
_SYMBOLS = str.maketrans({"☐": "•", "□": "•", "○": "•", "◦": "•", "●": "•", "▪": "•",
                          "☑": "/", "☒": "/", "✓": "/", "✔": "/"})


#: Control characters, symbols and digits in one table per kind of digits: none of them is
#: replaced by another of them, so one pass over a text does what one per kind would.
_LOCALISED = {"thai": {**_CONTROL, **_SYMBOLS, **str.maketrans("0123456789", thai.THAI_DIGITS)},
              "arabic": {**_CONTROL, **_SYMBOLS, **str.maketrans(thai.THAI_DIGITS, "0123456789")}}


def localise(text: str, digits: str) -> str:
    """``text`` with all its digits in the report's digits, Windows line ends as newlines, tabs
    and other control characters as spaces, and a few symbols the font lacks replaced."""
    table = _LOCALISED.get(digits)
    if table is None:
        raise ValueError(f"digits must be 'thai' or 'arabic', not {digits!r}")
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(table)


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
