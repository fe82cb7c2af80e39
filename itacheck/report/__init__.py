"""The Thai PDF report (half-year or annual) in the format of the reference report.

``build_report(status)`` gives the PDF's bytes; ``write_report(status, path)`` writes them
atomically. Importing this package is cheap: fpdf2, HarfBuzz and the segmenter load on the first
build, so the CLI and TUI pay for them only when a report is made.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
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
    """Write the report to ``path`` through a temporary file in the same directory and
    ``os.replace``, so a reader never sees half a PDF and a failure leaves any old file intact.
    The file gets the permissions a newly created file would (or keeps the old file's)."""
    data = build_report(status, digits=digits)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The old file's permissions, else 0666 less the umask (mkstemp's 0600 would hide a report
    meant for publishing). The umask is read from /proc, as os.umask() cannot read it without
    changing it, which is unsafe in the TUI's worker thread."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        pass
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644
