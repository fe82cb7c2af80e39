"""Helpers for the report tests: a built PDF read back with pypdf and poppler."""

from __future__ import annotations

import bisect
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pypdf
import pytest

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import PlanStatus, plan_status
from itacheck.locations import data_files_dir
from itacheck.report.compose import MEASURE_COLUMNS
from itacheck.report.layout import BODY, MARGIN_LEFT
from itacheck.store.planfile import read_plan_file

HALF_YEAR_AS_OF = date(2023, 3, 31)
FULL_YEAR_AS_OF = date(2023, 9, 30)


@dataclass
class Built:
    """A built report and its text as real PDF readers see it."""

    data: bytes
    path: object

    @cached_property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(self.path)

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        """All pages, lines joined: a line that broke at a space kept the space at its end."""
        return "".join(self.pages).replace("\n", "")

    @cached_property
    def columns(self) -> list[str]:
        """The text of each column of the measures table, over all pages, as one string each."""
        return column_streams(self.reader, MEASURE_COLUMNS)

    @cached_property
    def poppler_text(self) -> str:
        return pdftotext(self.path)


def column_streams(reader: pypdf.PdfReader, widths_mm: tuple[float, ...]) -> list[str]:
    """Body lines (regular face, body size) grouped by the table column they start in, read with
    pypdf's text visitor. A row split over two pages is whole again here: headers, section titles
    (bold) and page numbers (smaller) between its two parts are left out."""
    to_pt = 72 / 25.4
    edges = [MARGIN_LEFT * to_pt]
    for width in widths_mm:
        edges.append(edges[-1] + width * to_pt)
    streams: list[list[str]] = [[] for _ in widths_mm]
    for page in reader.pages:
        def visit(text, cm, tm, font, size) -> None:
            if font is None or not text.strip("\n") or "Bold" in str(font["/BaseFont"]):
                return
            if abs(size - BODY.size) > 0.01:
                return
            column = bisect.bisect_right(edges, tm[4]) - 1
            if 0 <= column < len(widths_mm):
                # pypdf puts a space before text that starts on a baseline it has seen
                streams[column].append(text.replace("\n", "").lstrip(" "))
        page.extract_text(visitor_text=visit)
    return ["".join(s) for s in streams]


def pdftotext(path: object, *args: str) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run([exe, "-enc", "UTF-8", *args, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def sample_status(round_name: str = "half", as_of: date = HALF_YEAR_AS_OF) -> PlanStatus:
    plan, records = read_plan_file(data_files_dir() / "sample-2566.toml")
    return plan_status(plan, records, fiscal_round(plan.year, round_name), as_of)


def squash(text: str) -> str:
    """Text without any whitespace: for poppler, which drops the space at the end of a line."""
    return "".join(text.split())


def make_plan(measures, year: int = 2566, reporter=None, approver=None):
    """A plan built in Python (no store), with the sample's organisation."""
    from itacheck.domain.model import Organisation, Plan, Signatory

    return Plan(year=year, organisation=Organisation("เทศบาลตำบลทดสอบ", "เมือง", "ศรีสะเกษ"),
                reporter=reporter or Signatory(), approver=approver or Signatory(),
                measures=tuple(measures))


LONG_ISSUE = ("หน่วยงานที่ท่านติดต่อ มีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน มากน้อยเพียงใด "
              "โดยเฉพาะข้อมูลการจัดซื้อจัดจ้าง งบประมาณรายจ่ายประจำปี และผลการดำเนินงานตามแผนพัฒนาท้องถิ่น")
LONG_STEP = ("เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อให้มีมากกว่า ๑ ช่องทาง และติดต่อได้สะดวกมากยิ่งขึ้น "
             "เช่น เว็บไซต์หน่วยงาน ที่อยู่สำนักงาน เบอร์โทรศัพท์หน่วยงาน เบอร์โทรศัพท์ผู้บริหาร และเจ้าหน้าที่ "
             "facebook หน่วยงาน ไลน์หน่วยงาน พร้อมทั้งประชาสัมพันธ์ให้ประชาชนในพื้นที่รับทราบอย่างทั่วถึง")
LONG_REPORT = ("ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ให้ครบทุกขั้นตอน และให้เป็นไปตามกำหนดระยะเวลา "
               "โดยให้เจ้าหน้าที่รายงานผลการดำเนินการต่อผู้บริหารเป็นลายลักษณ์อักษร")


def stress_plan(count: int = 60):
    """``count`` measures of long Thai text over every tool and many indicators, with records
    (notes, links) on some occurrences; one issue is long enough to fill more than a page."""
    from itacheck.domain.cadence import Cadence
    from itacheck.domain.model import Measure, Record, Task

    cadences = [Cadence("once", due=date(2023, 1, 31)), Cadence("monthly"), Cadence("quarterly"),
                Cadence("semiannual", due_months=(4, 10)), Cadence("continuous")]
    measures, records = [], []
    for i in range(1, count + 1):
        tool = ("IIT", "EIT", "OIT")[i % 3]
        issue = f"ประเด็นทดสอบที่ {i} {LONG_ISSUE}" + (f" {LONG_ISSUE}" * 30 if i == 7 else "")
        tasks = [Task(f"m{i}-s{j}", "step", f"ขั้นตอนทดสอบ {i}.{j} {LONG_STEP}", cadences[(i + j) % 5])
                 for j in range(1, 5)]
        tasks += [Task(f"m{i}-r{j}", "reporting", f"การรายงานทดสอบ {i}.{j} {LONG_REPORT}", cadences[(i * j) % 5],
                       responsible="สำนักปลัด") for j in range(1, 4)]
        measures.append(Measure(f"m{i}", tool, 1 + i % 10, f"ตัวชี้วัดทดสอบ {1 + i % 10}", issue,
                                ("สำนักปลัด", "กองคลัง", "กองช่าง") if i % 2 else ("ผู้บริหาร",), tuple(tasks),
                                code=f"{tool[0].lower()}{i}"))
        for task in tasks[:3]:
            key = {"once": "once", "monthly": "2566-M01", "quarterly": "2566-Q1", "semiannual": "2566-H1",
                   "continuous": "2566-M02"}[task.cadence.kind]
            records.append(Record(f"rec-{task.id}", task.id, key, date(2022, 11, 15),
                                  note=f"บันทึกผลการดำเนินงานของ {task.id} ตามแผน",
                                  links=(f"https://www.example.go.th/ita/2566/{task.id}/หลักฐาน.pdf",)))
    return make_plan(measures), records


MIXED_AS_OF = date(2023, 6, 20)


def mixed_plan():
    """Three indicators whose counts all differ: on 20 June 2023 (annual round) one has late and
    skipped periods, one open and due-soon ones, one nothing but a few on time; no count equals
    another in the same indicator where a swap could hide, and the percentages need their decimal."""
    from itacheck.domain.cadence import Cadence
    from itacheck.domain.model import Measure, Record, Task

    monthly, quarterly = Cadence("monthly"), Cadence("quarterly")
    half = Cadence("semiannual", due_months=(4, 10))
    once = Cadence("once", due=date(2023, 1, 31))
    measures = [
        Measure("i1", "IIT", 1, "การปฏิบัติหน้าที่", "ประเด็นการปฏิบัติหน้าที่", ("สำนักปลัด",),
                (Task("i1-s1", "step", "รายงานผลทุกเดือน", monthly),
                 Task("i1-s2", "step", "จัดทำแผนภายในเดือนมกราคม ๒๕๖๖", once)), code="i1"),
        Measure("e5", "EIT", 5, "คุณภาพการดำเนินงาน", "ประเด็นคุณภาพการดำเนินงาน", ("กองคลัง",),
                (Task("e5-s1", "step", "รายงานไตรมาสละ ๑ ครั้ง", quarterly),
                 Task("e5-r1", "reporting", "รายงานผู้บริหารทุก ๖ เดือน", half)), code="e5"),
        Measure("o9", "OIT", 9, "การเปิดเผยข้อมูล", "ประเด็นการเปิดเผยข้อมูล", ("กองช่าง",),
                (Task("o9-s1", "step", "เผยแพร่ข้อมูลทุกเดือน", monthly),), code="o9"),
    ]
    on_time = [("i1-s1", "2566-M01", date(2022, 10, 20)), ("i1-s1", "2566-M04", date(2023, 1, 30)),
               ("i1-s1", "2566-M05", date(2023, 2, 10)), ("e5-s1", "2566-Q1", date(2022, 12, 15)),
               ("e5-r1", "2566-H1", date(2023, 4, 25)), ("o9-s1", "2566-M01", date(2022, 10, 5)),
               ("o9-s1", "2566-M02", date(2022, 11, 5)), ("o9-s1", "2566-M03", date(2022, 12, 5)),
               ("o9-s1", "2566-M04", date(2023, 1, 5)), ("o9-s1", "2566-M05", date(2023, 2, 5))]
    late = [("i1-s1", "2566-M02", date(2022, 12, 12)), ("i1-s2", "once", date(2023, 2, 20)),
            ("e5-s1", "2566-Q2", date(2023, 4, 10))]
    skipped = [("i1-s1", "2566-M03"), ("i1-s1", "2566-M06")]
    records = [Record(f"r{n}", task, key, done) for n, (task, key, done) in enumerate(on_time + late)]
    records += [Record(f"s{n}", task, key, date(2023, 1, 2), note="ไม่มีเรื่องในเดือนนี้", skipped=True)
                for n, (task, key) in enumerate(skipped)]
    return make_plan(measures), records


def mixed_status() -> PlanStatus:
    plan, records = mixed_plan()
    return plan_status(plan, records, fiscal_round(plan.year, "full"), MIXED_AS_OF)

