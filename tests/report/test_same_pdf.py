"""The sample plan's reports read and draw exactly as recorded in tests/report/golden/: the same
page count, the same text per page (pypdf) and the same content stream on every page.

The report is made faster by not repeating work (a line's glyphs worked out once per document, a
paragraph wrapped once per width): none of that may change a page. When a change to the layout or
wording is meant to change the PDF, rewrite the record with ``python tests/report/golden.py``.
"""

from __future__ import annotations

import json

import pytest
from golden import path_for, summary


def _recorded(name: str) -> dict:
    return json.loads(path_for(name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, fixture", [("half", "half_year"), ("half-arabic", "half_year_arabic"),
                                           ("full", "full_year"), ("mixed", "mixed")])
def test_the_report_is_the_recorded_one(name: str, fixture: str, request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue(fixture)
    if isinstance(built, tuple):  # `mixed` gives its status too
        built = built[1]
    now, recorded = summary(built.data), _recorded(name)
    assert now["pages"] == recorded["pages"]
    assert now["text"] == recorded["text"]
    assert now["content_sha256"] == recorded["content_sha256"]


def test_a_line_drawn_again_at_another_size_is_drawn_for_that_size() -> None:
    """The glyphs of a line are worked out once per document and face and size: the same words
    at 21 pt after 10.5 pt must get their own raised marks (``Ts`` scales with the size), exactly as
    in a document that draws them only at 21 pt."""
    import io
    from datetime import date

    import pypdf

    from itacheck.report.layout import BODY, Style, Text
    from itacheck.report.render import Metadata, render

    meta = Metadata("t", "a", "s", date(2023, 3, 31))

    def line(style: Style) -> Text:
        return Text(20, 40, "ปั้น ที่นี่ น้ำ ผู้", style)

    def streams(pages: list) -> list[bytes]:
        return [p.get_contents().get_data() for p in pypdf.PdfReader(io.BytesIO(render(pages, meta))).pages]

    both = streams([[line(BODY)], [line(Style(21))]])
    alone = streams([[line(Style(21))]])
    assert b" Ts " in alone[0]
    assert both[1] == alone[0]


@pytest.mark.parametrize("url", ["https://www.example.go.th/ita/o1-s1/2566-M01.pdf",
                                 "https://example.go.th/a_(b)\\c?q=1&r=ก", "http://ตัวอย่าง.ไทย/รายงาน"])
def test_a_link_is_written_as_fpdf2_writes_it(url: str) -> None:
    """Links are written directly rather than through fpdf2's generic writer: the same bytes."""
    from fpdf import FPDF
    from fpdf.annotations import AnnotationDict

    from itacheck.report.render import LinkAnnotation

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.add_page()
    link = pdf.link(12.5, 40.25, 61.0, 5.2, url)
    assert type(link) is AnnotationDict
    expected = link.serialize()
    link.__class__ = LinkAnnotation
    assert link.serialize() == expected
