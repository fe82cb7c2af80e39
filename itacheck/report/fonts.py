"""The bundled Thai typeface and how the report finds it.

Sarabun (Google Fonts, SIL OFL 1.1: ``fonts/OFL.txt``) is the open design behind TH Sarabun New,
the face of Thai government documents, and it has Latin letters and both kinds of digits. The
files ship with the package (see ``itacheck.locations.fonts_dir``), so a report never depends on
the fonts of the server it is made on.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from itacheck.locations import fonts_dir
from itacheck.report.shaping import Face

FAMILY = "Sarabun"
FILES = {False: "Sarabun-Regular.ttf", True: "Sarabun-Bold.ttf"}
LICENCE = "OFL.txt"


class FontMissingError(FileNotFoundError):
    """A bundled font file is not where the package keeps it (a broken installation)."""


def font_path(bold: bool) -> Path:
    path = fonts_dir() / FILES[bold]
    if not path.is_file():
        raise FontMissingError(
            f"ไม่พบแบบอักษรสำหรับรายงาน {path} (the report font {path} is missing; reinstall itacheck)")
    return path


@cache
def face_for(bold: bool) -> Face:
    """The HarfBuzz face used to measure text, one per process (it keeps the width cache)."""
    return Face(font_path(bold))


def fpdf_style(bold: bool) -> str:
    return "B" if bold else ""
