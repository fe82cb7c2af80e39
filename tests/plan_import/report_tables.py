"""The sample plan laid out as agencies lay out their report: section rows, a header row, one row
per measure with numbered steps and reporting items. The tests turn it into a Word file and into
pasted text, and expect the importer to give the sample plan back."""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.model import Measure, Plan

HEADER = ("ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", "ผู้รับผิดชอบ", "ขั้นตอนหรือวิธีการ/มาตรการ",
          "การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ", "การดำเนินการ")


def numbered(texts: list[str]) -> list[str]:
    return [f"{thai.to_thai_digits(str(n))}. {text}" for n, text in enumerate(texts, start=1)]


def section(m: Measure) -> str:
    return f"เครื่องมือการประเมิน {m.tool} ตัวชี้วัดที่ {thai.to_thai_digits(str(m.indicator))} {m.indicator_name}"


def measure_cells(m: Measure) -> tuple[list[str], ...]:
    """Each cell as its paragraphs."""
    code = thai.to_thai_digits(m.code) + " " if m.code else ""
    issue = (code + m.issue).split("\n")
    return (issue, list(m.responsible), numbered([t.text for t in m.steps]),
            numbered([t.text for t in m.reporting]), ["ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕"])


def title_lines(plan: Plan) -> list[str]:
    org = plan.organisation
    return ["รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            f"ประจำปีงบประมาณ พ.ศ. {thai.to_thai_digits(str(plan.year))} รอบ ๖ เดือน",
            org.name, f"อำเภอ{org.district} จังหวัด{org.province}", plan.intro]
