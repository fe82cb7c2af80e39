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
