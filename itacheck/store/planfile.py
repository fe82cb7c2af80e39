"""Plan files: the human-editable TOML form of a year's plan and its recorded results.

An officer writes or corrects a plan in a text editor, `itacheck plan import` reads it and
`itacheck plan export` writes it back; the round trip loses nothing.
"""

from __future__ import annotations

import re
import sys
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from itacheck import thai
from itacheck.domain.fiscal import fiscal_year_end, fiscal_year_start
from itacheck.domain.limits import MAX_RECORDS_PER_YEAR, check_count
from itacheck.domain.model import InvalidId, Plan, Record
from itacheck.domain.text import check_link
from itacheck.store.codec import FormatError, plan_from_dict, plan_to_dict, record_from_dict, record_to_dict
from itacheck.store.filetext import clean_document
from itacheck.store.inputfile import read_input_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

FORMAT = 1
MAX_PLAN_FILE = 5 * 2**20
"""A plan file is a few hundred kilobytes at most; anything larger is refused before it is read."""

_HEADER = """\
# itacheck plan file: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (one fiscal year).
# Edit it in any UTF-8 text editor, then `itacheck plan import FILE`.
# cadence = { kind = "once", due = 2023-03-31 } | "monthly" | "quarterly" | "continuous" | "yearly"
#         | { kind = "semiannual", due_months = [4, 10] } | { kind = "rrule", rule = "FREQ=WEEKLY;BYDAY=MO" }
"""

_RECORD_NAMESPACE = uuid.UUID("0b6f4c1e-3a57-4d0e-9a2f-6f1d2c3b4a59")


def parse_plan_document(doc: dict[str, Any], data_dir: Path | None = None) -> tuple[Plan, tuple[Record, ...]]:
    """A plan and its records from a parsed plan file, checked against each other."""
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        raise FormatError(f"plan file format {fmt!r} is not supported (this itacheck reads format {FORMAT})")
    doc = clean_plan_document(doc)
    try:
        plan = _with_catalogue_names(plan_from_dict(doc), data_dir)
    except InvalidId as exc:  # kept as the cause: `read_plan_file` finds the id's line from it
        raise FormatError(str(exc)) from exc
    for task in plan.tasks():
        if task.cadence.due is not None:
            check_date_in_year(task.cadence.due, plan.year, f"task {task.id!r}: due date")
    raw = doc.get("records", [])
    if not isinstance(raw, list):
        raise FormatError("'records' must be a list of [[records]] tables")
    try:
        check_count(len(raw), MAX_RECORDS_PER_YEAR, "บันทึกของปีหนึ่ง", "records in a year")
    except ValueError as exc:
        raise FormatError(str(exc)) from None
    records = []
    for n, item in enumerate(raw, start=1):
        # Records without an id get one derived from their content, so importing the same file
        # twice yields the same ids instead of duplicates.
        seed = f"{plan.year}|{n}|{item.get('task')}|{item.get('occurrence')}|{item.get('done_on')}" if isinstance(item, dict) else str(n)
        record = record_from_dict(item, default_id=str(uuid.uuid5(_RECORD_NAMESPACE, seed)))
        try:
            plan.occurrence(record.task_id, record.occurrence)
            check_date_in_year(record.done_on, plan.year, "done_on")
            for link in record.links:
                check_link(link)
        except ValueError as exc:
            raise FormatError(f"record {n}: {exc}") from None
        records.append(record)
    return plan, tuple(records)


def clean_plan_document(doc: Any) -> Any:
    """The plan document with every text cleaned (control characters and terminal escape sequences
    removed) and within its size limit, else FormatError naming the field: plan texts come from
    files and reach terminals, screens and published reports. Year files follow the same rules."""
    return clean_document(doc, where="plan")


def check_date_in_year(day: date, year: int, what: str) -> None:
    """FormatError (a ValueError) when ``day`` is more than a year away from fiscal year ``year``:
    almost always a year typed in the wrong era (2565 for 2022, or 22 read as BE 2522)."""
    start, end = fiscal_year_start(year), fiscal_year_end(year)
    if start - relativedelta(years=1) <= day <= end + relativedelta(years=1):
        return
    hint = ""
    for shift in (-543, 543):
        try:
            guess = day.replace(year=day.year + shift)
        except ValueError:
            continue
        if start <= guess <= end + relativedelta(years=1):
            hint = f"; did you mean {guess.isoformat()} ({thai.format_date(guess, digits='arabic')})?"
    raise FormatError(
        f"{what} {day.isoformat()} ไม่อยู่ในปีงบประมาณ {year} (is far outside fiscal year {year}, "
        f"{start.isoformat()} – {end.isoformat()}: a year in the wrong era? Two-digit years are Buddhist-Era "
        f"(65 = 2565 = 2022) and plan files use Christian-era dates such as {start.isoformat()}){hint}")


def _with_catalogue_names(plan: Plan, data_dir: Path | None = None) -> Plan:
    """Check each measure's tool and indicator against the ITA catalogue of the plan's year and
    fill in an indicator name the file left out."""
    from itacheck.store.catalogue_file import catalogue_for  # not needed by a tick, which checks dates here

    catalogue = catalogue_for(plan.year, data_dir)
    measures = []
    for m in plan.measures:
        if problem := catalogue.check_measure(m.tool, m.indicator):
            raise FormatError(f"measure {m.id!r}: {problem}")
        if not m.indicator_name:
            indicator = catalogue.indicator(m.indicator)
            m = replace(m, indicator_name=indicator.name if indicator else "")
        measures.append(m)
    return replace(plan, measures=tuple(measures))


def read_plan_file(path: Path, data_dir: Path | None = None) -> tuple[Plan, tuple[Record, ...]]:
    """Read and check a TOML plan file; FormatError (a ValueError) says what and where."""
    try:
        text = read_input_file(path, MAX_PLAN_FILE).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path} ไม่ใช่ข้อความ UTF-8 (not UTF-8 text at byte {exc.start}; save it as UTF-8)") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FormatError(f"{path} ไม่ใช่ไฟล์แผน TOML ที่ถูกต้อง ({path}: not a valid TOML plan file: {exc})") from None
    except RecursionError:
        raise FormatError(_too_deep(path)) from None
    except ValueError:  # a number longer than Python converts (4300 digits)
        raise FormatError(f"{path} มีตัวเลขยาวเกินไป ({path}: not a valid TOML plan file: a number is "
                          "too long)") from None
    if _depth(doc) > MAX_PLAN_DEPTH:  # valid TOML (dotted keys nest without limit) but no plan
        raise FormatError(_too_deep(path))
    try:
        return parse_plan_document(doc, data_dir)
    except FormatError as exc:
        line = _line_of_id(text, exc.__cause__) if isinstance(exc.__cause__, InvalidId) else None
        where = f"{path} บรรทัด {line} (line {line})" if line else str(path)
        raise FormatError(f"{where}: {exc}") from None


#: How deep tables and arrays nest in a plan file (a plan needs 4: measures, tasks, cadence, months).
MAX_PLAN_DEPTH = 16


def _depth(doc: Any) -> int:
    """How deep ``doc`` nests, counted without recursion (it may nest thousands deep)."""
    deepest, stack = 0, [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth <= MAX_PLAN_DEPTH:
            children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep(path: Path) -> str:
    return f"{path} ซ้อนกันลึกเกินไป ไม่ใช่ไฟล์แผน TOML ที่ถูกต้อง ({path}: not a valid TOML plan file: tables or arrays nested too deeply)"


# `id = "…"` or `id = '…'`, alone on its line or inside an inline table.
_ID_ASSIGNMENT = re.compile(r"""(?:^|[{,\s])id\s*=\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*')""", re.MULTILINE)


def _line_of_id(text: str, error: InvalidId) -> int | None:
    """The line of the plan file that holds the id ``error`` is about (tomllib keeps no line
    numbers): for an id used twice, its second use. None when it cannot be found."""
    lines = []
    for match in _ID_ASSIGNMENT.finditer(text):
        try:
            value = clean_document(tomllib.loads(f"v = {match.group(1)}")["v"], "id")  # as the model saw it
        except (tomllib.TOMLDecodeError, FormatError):
            continue
        if value == error.value or (error.duplicate and value.lower() == error.value.lower()):
            lines.append(text.count("\n", 0, match.start(1)) + 1)
    if not lines:
        return None
    return lines[1] if error.duplicate and len(lines) > 1 else lines[0]


def _native_dates(value: Any) -> Any:
    """ISO date strings back to TOML dates, so the file reads `due = 2023-03-31`."""
    if isinstance(value, dict):
        return {k: (date.fromisoformat(v) if k in ("due", "done_on") and isinstance(v, str) else _native_dates(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_native_dates(v) for v in value]
    return value


def plan_file_text(plan: Plan, records: tuple[Record, ...] | list[Record]) -> str:
    doc = {"format": FORMAT, **plan_to_dict(plan), "records": [record_to_dict(r) for r in records]}
    import tomli_w

    return _HEADER + tomli_w.dumps(_native_dates(doc), multiline_strings=True)
