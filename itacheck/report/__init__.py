"""The Thai PDF report (half-year or annual) in the format of the reference report.

``build_report(status)`` gives the PDF's bytes; ``write_report(status, path)`` writes them
atomically. Importing this package is cheap: fpdf2, HarfBuzz and the segmenter load on the first
build, so the CLI and TUI pay for them only when a report is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itacheck.domain.status import PlanStatus

__all__ = ["build_report", "write_report"]


def build_report(status: PlanStatus, *, digits: str = "thai") -> bytes:
    """The report for ``status`` (a plan's statuses for one round as of a date) as PDF bytes.

    Deterministic: the same status gives the same bytes (the creation date is the as-of date, or
    ``SOURCE_DATE_EPOCH``). ``digits="arabic"`` prints every number with Arabic digits."""
    from itacheck.report.document import build

    return build(status, digits)


def write_report(status: PlanStatus, path: Path, *, digits: str = "thai") -> None:
    """Write the report to ``path`` (``-``: standard output) as every output file is written (see
    `itacheck.store.outputs`): atomically, so a reader never sees half a PDF and a failure leaves
    any old file intact, and only over a regular file. Made to be published, it gets the
    permissions a newly created file would (an existing one keeps its own)."""
    from itacheck.store.outputs import write_output

    write_output(path, build_report(status, digits=digits), private=False)
