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
from typing import Any

from fpdf import FPDF, FPDF_VERSION, ViewerPreferences
from fpdf.annotations import AnnotationDict

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
    drawn = _Drawn({bold: pdf.fonts[FAMILY.lower() + fpdf_style(bold)] for bold in (False, True)})
    for items in pages:
        pdf.add_page()
        _draw_page(pdf, items, drawn)
    return bytes(pdf.output(output_producer_class=ReportOutput))


class _Drawn:
    """What a document has already worked out, reused on every page: the glyph operators of each
    line (face, size, text), and whether each link may be published. A report repeats many lines
    (dates, headings, the same step under every measure); a line's operators depend only on its
    text and the document's subset codes, not on where it is drawn."""

    def __init__(self, fonts: dict[bool, ClusterTextFont]) -> None:
        self.fonts = fonts
        self.runs: dict[tuple[bool, float, str], str] = {}
        self.links: dict[str, bool] = {}

    def glyphs(self, bold: bool, size: float, text: str) -> str:
        key = (bold, size, text)
        ops = self.runs.get(key)
        if ops is None:
            ops = self.runs[key] = _glyph_ops(self.fonts[bold], size, text)
        return ops

    def publishable(self, link: str) -> bool:
        """A published report never carries a javascript: or file: link."""
        known = self.links.get(link)
        if known is None:
            known = self.links[link] = is_web_link(link)
        return known


def _draw_page(pdf: FPDF, items: list[Item], drawn: _Drawn) -> None:
    boxes = [i for i in items if isinstance(i, Box)]
    for box in boxes:  # fills first, so that rules and text lie on top
        if box.fill is not None:
            pdf.set_fill_color(round(box.fill * 255))
            pdf.rect(box.x, box.y, box.w, box.h, style="F")
    for box in boxes:
        if box.stroke:
            pdf.rect(box.x, box.y, box.w, box.h, style="D")
    fonts: dict[tuple[bool, float], str] = {}  # the page's font operators, each font added to its resources once
    lines = [draw_text(pdf, item, drawn, fonts) for item in items if isinstance(item, Text) and item.text.strip()]
    if lines:
        pdf._out("\n".join(lines))


def draw_text(pdf: FPDF, item: Text, drawn: _Drawn, fonts: dict[tuple[bool, float], str]) -> str:
    """One line as one PDF text object (see the module docstring for why not ``cell``): its
    operators, and its link added to the page."""
    style = item.style
    font_key = (style.bold, style.size)
    font = fonts.get(font_key)
    if font is None:
        font = fonts[font_key] = pdf._set_font_for_page(drawn.fonts[style.bold], style.size, wrap_in_text_object=False)
    k = pdf.k
    colour = "0 g"  # text is painted with the fill colour, which the shaded boxes changed
    if item.link and drawn.publishable(item.link):
        colour = "{:.3f} {:.3f} {:.3f} rg".format(*LINK_COLOUR)
        pdf.link(item.x, item.top, item.width, style.line_height, item.link).__class__ = LinkAnnotation
    return (f"q {colour} BT {font} {item.x * k:.2f} {(PAGE_HEIGHT - item.baseline) * k:.2f} Td"
            f"{drawn.glyphs(style.bold, style.size, item.text)} ET Q")


class LinkAnnotation(AnnotationDict):
    """A link made by ``FPDF.link`` to a web address, written out as fpdf2 writes it but directly:
    fpdf2's generic writer looks up some sixty attribute names per annotation, most of the time
    spent writing a report with thousands of links. Only the fields ``link`` sets are written, in
    fpdf2's order (alphabetical)."""

    __slots__ = ()  # same layout as AnnotationDict, so a link made by fpdf2 can adopt this class

    def serialize(self, _security_handler: Any = None, _obj_id: int | None = None) -> str:
        action = self.a.serialize(_security_handler=_security_handler, _obj_id=_obj_id)
        return (f"<</A {action}\n/Border {self.border}\n/F {self.f}\n/Rect {self.rect}\n"
                f"/Subtype {self.subtype.serialize()}\n/Type {self.type.serialize()}>>")


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
