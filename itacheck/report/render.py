"""Draw laid-out pages with fpdf2: fonts embedded, text shaped, metadata fixed, bytes reproducible.

Text is drawn here rather than with ``FPDF.cell``: a cell costs ~0.8 ms (bidi analysis, markdown
parsing, shaping through fontTools lookups), and fpdf2 positions each shifted Thai mark with an
absolute text matrix, which text extractors read as a gap (``ปั้ น``). Each line becomes one text
object: glyph codes in a ``TJ`` array whose numbers carry HarfBuzz's advances and x offsets, and
``Ts`` (text rise) for y offsets. Rightward moves are written in steps of at most
:data:`MAX_TJ_STEP` thousandths of an em, below any extractor's word-gap threshold (pypdf's is
95% of the space width: 231 for Sarabun, while a mark can sit 243 left of its pen in Sarabun Bold).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from fpdf import FPDF, FPDF_VERSION, ViewerPreferences

from itacheck import __version__
from itacheck.domain.text import is_web_link
from itacheck.report.fonts import FAMILY, font_path, fpdf_style
from itacheck.report.layout import LINK_COLOUR, PAGE_HEIGHT, Box, Item, Text
from itacheck.report.textmap import ClusterTextFont, ReportOutput, adopt

MAX_TJ_STEP = 100
BANGKOK = timezone(timedelta(hours=7))
RULE_WIDTH = 0.2


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    as_of: date


def creation_date(as_of: date) -> datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds); else the report's as-of date, so the
    same data always gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass  # a malformed value is ignored, as reproducible-builds.org recommends
    return datetime.combine(as_of, time(0, 0), tzinfo=BANGKOK)


def render(pages: Iterable[list[Item]], meta: Metadata) -> bytes:
    """The PDF of ``pages``, drawn in order; an iterator that lets go of each page once drawn
    keeps a long report's memory down (see `document.build`)."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for bold in (False, True):
        pdf.add_font(FAMILY, fpdf_style(bold), font_path(bold))
        adopt(pdf.fonts[FAMILY.lower() + fpdf_style(bold)])
    pdf.set_title(meta.title)
    pdf.set_author(meta.author)
    pdf.set_subject(meta.subject)
    pdf.set_creator(f"itacheck {__version__}")
    pdf.set_producer(f"fpdf2 {FPDF_VERSION}")
    pdf.set_lang("th")
    pdf.set_creation_date(creation_date(meta.as_of))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)  # the Thai title, not the file name
    pdf.set_line_width(RULE_WIDTH)
    fonts = {bold: pdf.fonts[FAMILY.lower() + fpdf_style(bold)] for bold in (False, True)}
    runs: dict[tuple[bool, float, str], str] = {}
    for items in pages:
        pdf.add_page()
        _draw_page(pdf, items, fonts, runs)
    return bytes(pdf.output(output_producer_class=ReportOutput))


def _draw_page(pdf: FPDF, items: list[Item], fonts: dict[bool, ClusterTextFont],
               runs: dict[tuple[bool, float, str], str]) -> None:
    boxes = [i for i in items if isinstance(i, Box)]
    for box in boxes:  # fills first, so that rules and text lie on top
        if box.fill is not None:
            pdf.set_fill_color(round(box.fill * 255))
            pdf.rect(box.x, box.y, box.w, box.h, style="F")
    for box in boxes:
        if box.stroke:
            pdf.rect(box.x, box.y, box.w, box.h, style="D")
    for item in items:
        if isinstance(item, Text) and item.text.strip():
            draw_text(pdf, item, fonts[item.style.bold], runs)


def draw_text(pdf: FPDF, item: Text, font: ClusterTextFont, runs: dict[tuple[bool, float, str], str]) -> None:
    """One line as one PDF text object (see the module docstring for why not ``cell``).

    ``runs`` keeps, for this document, the glyph operators of each (face, size, text) already
    drawn: a report repeats many lines (dates, headings, the same step on every measure), and the
    operators depend only on the text and the document's subset codes, not on where the line is."""
    size = item.style.size
    k = pdf.k
    key = (item.style.bold, size, item.text)
    glyphs = runs.get(key)
    if glyphs is None:
        glyphs = runs[key] = _glyph_ops(font, size, item.text)
    body = (f"{pdf._set_font_for_page(font, size, wrap_in_text_object=False)} "
            f"{item.x * k:.2f} {(PAGE_HEIGHT - item.baseline) * k:.2f} Td{glyphs}")
    colour = "0 g"  # text is painted with the fill colour, which the shaded boxes changed
    if item.link and is_web_link(item.link):  # a published report never carries a javascript: or file: link
        colour = "{:.3f} {:.3f} {:.3f} rg".format(*LINK_COLOUR)
        pdf.link(item.x, item.top, item.width, item.style.line_height, item.link)
    pdf._out(f"q {colour} BT {body} ET Q")


def _glyph_ops(font: ClusterTextFont, size: float, text: str) -> str:
    """The operators that draw ``text`` from the pen's start (each preceded by a space)."""
    ops: list[str] = []
    # Built inline rather than with helpers: this loop runs once per glyph of the report.
    scale = font.scale  # font units -> thousandths of an em
    array: list[str] = []
    codes: list[str] = []
    rise = 0.0
    pen = 0.0  # where the pen is, minus where HarfBuzz wants it, in thousandths of an em
    # Trailing spaces are drawn too: invisible, but a line broken at a space keeps it in copied text.
    for glyph in font.glyph_run(text, size):
        if glyph.y_offset or rise:
            wanted_rise = round(glyph.y_offset * scale * size / 1000, 2)
            if wanted_rise != rise:
                if codes:
                    array.append("<" + "".join(codes) + ">")
                    codes.clear()
                if array:
                    ops.append("[" + " ".join(array) + "] TJ")
                    array.clear()
                ops.append(f"{wanted_rise:.2f} Ts")
                rise = wanted_rise
        x_offset = glyph.x_offset * scale
        move = x_offset - pen  # rightwards, in thousandths of an em (TJ numbers count leftwards)
        if move >= 0.05 or move <= -0.05:
            if codes:
                array.append("<" + "".join(codes) + ">")
                codes.clear()
            while move > MAX_TJ_STEP:
                array.append(f"{-MAX_TJ_STEP}")
                move -= MAX_TJ_STEP
            array.append(_number(-move))
        codes.append(f"{glyph.code:04X}")
        pen = x_offset + glyph.width - glyph.x_advance * scale
    if codes:
        array.append("<" + "".join(codes) + ">")
    if array:
        ops.append("[" + " ".join(array) + "] TJ")
    if rise:
        ops.append("0 Ts")
    return "".join(" " + op for op in ops)


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
