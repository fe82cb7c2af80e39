"""The Thai report (half-year or annual) in the format of the reference report, as a PDF and as
a Word copy.

``build_report(status)`` gives the PDF's bytes, ``build_word(status)`` the .docx's;
``write_report(status, path, format=...)`` writes either atomically. Importing this package is
cheap: fpdf2, HarfBuzz, the segmenter and python-docx load on the first build, so the CLI and TUI
pay for them only when a report is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itacheck.domain.status import PlanStatus

__all__ = ["FORMATS", "build_report", "build_word", "write_report"]

#: The report's file formats: the PDF to print and publish, the Word copy to retouch.
FORMATS = ("pdf", "docx")


def build_report(status: PlanStatus, *, digits: str = "thai") -> bytes:
    """The report for ``status`` (a plan's statuses for one round as of a date) as PDF bytes.

    Deterministic: the same status gives the same bytes (the creation date is the as-of date, or
    ``SOURCE_DATE_EPOCH``). ``digits="arabic"`` prints every number with Arabic digits."""
    from itacheck.report.document import build

    return build(status, digits)


def build_word(status: PlanStatus, *, digits: str = "thai") -> bytes:
    """The same report as a Word document (.docx), every word as in the PDF; deterministic too."""
    from itacheck.report.word import build_word as build

    return build(status, digits)


def write_report(status: PlanStatus, path: Path, *, digits: str = "thai", format: str = "pdf") -> bytes:
    """Write the report (``format`` "pdf" or "docx") to ``path`` (``-``: standard output) as every
    output file is written (see `itacheck.store.outputs`): atomically, so a reader never sees half
    a file and a failure leaves any old file intact, and only over a regular file. Made to be
    published, it gets the permissions a newly created file would (an existing one keeps its own).
    Returns the bytes written, for a copy elsewhere (the publish directory)."""
    from itacheck.store.outputs import write_output

    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    data = build_word(status, digits=digits) if format == "docx" else build_report(status, digits=digits)
    write_output(path, data, private=False)
    return data
