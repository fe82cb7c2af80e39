"""The report as a Word document, for agencies that retouch it in Word before signing.

Written from the same content model as the PDF (`itacheck.report.content`), so every word is the
PDF's; only the medium differs. Word lays the text out itself (it breaks Thai lines with its own
dictionary), so nothing of the PDF's layout is used: A4 landscape, the title block on its own page,
the five-column table with its header row repeated on every page Word starts, one band per
section and its summary sentence, the summary table, the signatures, and "หน้า 2/3" at the foot
of every page but the first. The page numbers are Word fields in Arabic digits whatever the
report's digits: Word's Thai-digit field switch (ThaiArabic) is read by LibreOffice as Thai
letters (ข for 2, ฎ for 11), and a wrong page number is worse than a Latin one.

Thai is a complex script for Word: its font, size and bold come from the ``cs`` attributes
(``w:rFonts/@w:cs``, ``w:szCs``, ``w:bCs``), which python-docx does not set, so they are set here.
The font named is TH SarabunPSK, the face the Thai government prescribes for official documents
and so installed on agency computers (the PDF embeds Sarabun, its open counterpart); it runs
smaller than Sarabun, so sizes are about a third larger than the PDF's.

The same data gives the same bytes: python-docx stamps each part of the zip with the current
time, so the parts are written again with the as-of date (or ``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from itacheck.domain.status import PlanStatus
from itacheck.report.content import Cell, ReportContent, report_content
from itacheck.report.wording import Para

FONT = "TH SarabunPSK"
LANGUAGE = "th-TH"
#: Sizes (pt) for TH SarabunPSK, which looks as large as the PDF's Sarabun at three quarters of these.
TITLE, SUBTITLE, COVER_TEXT, HEADING, INTRO, BODY, SMALL = 28, 24, 22, 18, 16, 14, 12
MARGIN_MM = 15
#: Column widths (mm) of the measures table and of the summary table, over the 267 mm between margins.
MEASURE_WIDTHS = (50, 27, 61, 57, 72)
SUMMARY_WIDTHS = (83, 27, 24, 24, 24, 24, 27, 34)
INDENT_MM = 3
HANG_TEXT_MM = 6
HEADER_FILL, BAND_FILL, TOTAL_FILL = "DBDBDB", "EDEDED", "F7F7F7"
LINK_BLUE = RGBColor(0x1F, 0x4E, 0xA8)
#: The order the WordprocessingML schema gives the children of run, row and cell properties.
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
             "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
             "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
              "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
              "w:trPrChange")
TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
              "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
              "w:cellDel", "w:cellMerge", "w:tcPrChange")


def build_word(status: PlanStatus, digits: str = "thai") -> bytes:
    """The report of ``status`` as .docx bytes; the same status gives the same bytes."""
    report = report_content(status, digits)
    document = Document()
    _page_setup(document, report)
    _styles(document)
    _properties(document, report)
    _cover(document, report)
    _intro(document, report)
    _measures(document, report)
    _summary(document, report)
    _signatures(document, report)
    out = io.BytesIO()
    document.save(out)
    return _fixed_times(out.getvalue(), _stamp(report))


# --- document-wide ------------------------------------------------------------------------------

def _page_setup(document: Document, report: ReportContent) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.footer_distance = Mm(8)
    section.different_first_page_header_footer = True  # the cover has no page number, as in the PDF
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _sized(footer.add_run("หน้า "), SMALL)
    _field(footer, "PAGE", "2")
    _sized(footer.add_run("/"), SMALL)
    _field(footer, "NUMPAGES", "2")


def _styles(document: Document) -> None:
    """Normal text in the Thai font for every script, Thai as the language of complex script."""
    normal = document.styles["Normal"]
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    _size(rpr, BODY)
    lang = _child(rpr, "w:lang", RPR_ORDER)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:bidi"), LANGUAGE)


def _properties(document: Document, report: ReportContent) -> None:
    props = document.core_properties
    props.title, props.author, props.subject = report.document_title, report.author, report.subject
    props.last_modified_by = report.author
    props.comments = props.keywords = props.category = ""
    props.revision = 1
    props.created = props.modified = _stamp(report)


def _stamp(report: ReportContent) -> datetime:
    """The document's date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the as-of date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).replace(tzinfo=None)
    return datetime(report.as_of_date.year, report.as_of_date.month, report.as_of_date.day)


def _fixed_times(data: bytes, when: datetime) -> bytes:
    """The zip ``data`` with every part dated ``when``, in the same order and compression."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = zipfile.ZipInfo(info.filename, stamp)
            part.compress_type = zipfile.ZIP_DEFLATED
            part.external_attr = 0o644 << 16
            target.writestr(part, source.read(info))
    return out.getvalue()


# --- the parts of the report -----------------------------------------------------------------------

def _cover(document: Document, report: ReportContent) -> None:
    _centred(document, "", TITLE).paragraph_format.space_before = Mm(40)
    for line in report.title_lines:
        _centred(document, line, TITLE, bold=True)
    _centred(document, report.fiscal_year, SUBTITLE, bold=True).paragraph_format.space_before = Mm(6)
    _centred(document, report.months, COVER_TEXT)
    _centred(document, report.organisation, SUBTITLE, bold=True).paragraph_format.space_before = Mm(28)
    if report.place:
        _centred(document, report.place, COVER_TEXT)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _intro(document: Document, report: ReportContent) -> None:
    _centred(document, report.heading, HEADING, bold=True).paragraph_format.space_after = Mm(3)
    intro = document.add_paragraph()
    intro.paragraph_format.first_line_indent = Mm(12)
    intro.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _sized(intro.add_run(report.intro), INTRO)
    as_of = document.add_paragraph()
    as_of.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    as_of.paragraph_format.space_after = Mm(3)
    _sized(as_of.add_run(report.as_of), SMALL)


def _measures(document: Document, report: ReportContent) -> None:
    table = _table(document, MEASURE_WIDTHS)
    _header(table, report.columns)
    for section in report.sections:
        _band(table, section.title, BAND_FILL, bold=True)
        for row in section.rows:
            cells = table.add_row().cells
            for cell, paras in zip(cells, row):
                _write_cell(cell, paras)
        _band(table, section.summary, TOTAL_FILL, bold=False)


def _summary(document: Document, report: ReportContent) -> None:
    heading = _centred(document, report.summary_title, HEADING, bold=True)
    heading.paragraph_format.space_before = Mm(6)
    heading.paragraph_format.space_after = Mm(2)
    heading.paragraph_format.keep_with_next = True
    table = _table(document, SUMMARY_WIDTHS)
    _header(table, report.summary_columns)
    last = len(report.summary_rows) - 1
    for i, values in enumerate(report.summary_rows):
        row = table.add_row()
        for j, (cell, value) in enumerate(zip(row.cells, values)):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if j == 0 else WD_ALIGN_PARAGRAPH.CENTER
            _bold(paragraph.add_run(value), i == last)
            if i == last:
                _shade(cell, TOTAL_FILL)


def _signatures(document: Document, report: ReportContent) -> None:
    """Reporter and approver side by side, in a table without borders that Word keeps whole."""
    document.add_paragraph().paragraph_format.space_before = Mm(10)
    table = document.add_table(rows=1, cols=len(report.signatures))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: Word keeps the column widths
    _cant_split(table.rows[0])
    for cell, lines in zip(table.rows[0].cells, report.signatures):
        cell.width = Mm(267 / len(report.signatures))
        for n, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _sized(paragraph.add_run(line), INTRO)


# --- tables ----------------------------------------------------------------------------------------

def _table(document: Document, widths_mm: tuple[int, ...]) -> Table:
    table = document.add_table(rows=0, cols=len(widths_mm))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: Word keeps the column widths
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    return table


def _header(table: Table, titles: tuple[str, ...]) -> None:
    """The title row, marked as a header row: Word repeats it at the top of every page."""
    row = table.add_row()
    _child(row._tr.get_or_add_trPr(), "w:tblHeader", TRPR_ORDER).set(qn("w:val"), "true")
    _cant_split(row)
    for cell, title in zip(row.cells, titles):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _bold(paragraph.add_run(title), True)
        _shade(cell, HEADER_FILL)


def _band(table: Table, text: str, fill: str, *, bold: bool) -> None:
    """A row across the whole table: a section's title, or its completion sentence."""
    cells = table.add_row().cells
    cell = cells[0].merge(cells[-1])
    _bold(cell.paragraphs[0].add_run(text), bold)
    _shade(cell, fill)


def _write_cell(cell: _Cell, paras: Cell) -> None:
    for n, para in enumerate(paras):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        _write_para(paragraph, para)


def _write_para(paragraph: Paragraph, para: Para) -> None:
    """A paragraph of a cell, indented and hanging as the PDF's; a numbered one hangs under its
    text after the number (a tab to the hanging indent, as Word's own lists do)."""
    fmt = paragraph.paragraph_format
    text = para.text
    if para.hang_text and text.startswith(para.hang_text):
        fmt.left_indent = Mm(para.indent * INDENT_MM + HANG_TEXT_MM)
        fmt.first_line_indent = Mm(-HANG_TEXT_MM)
        _bold(paragraph.add_run(para.hang_text.rstrip()), para.bold)
        paragraph.add_run().add_tab()
        text = text[len(para.hang_text):]
    elif para.indent or para.hang:
        fmt.left_indent = Mm((para.indent + para.hang) * INDENT_MM)
        fmt.first_line_indent = Mm(-para.hang * INDENT_MM)
    if para.link.startswith(("http://", "https://")):
        _hyperlink(paragraph, para.link, text)
    else:
        _bold(paragraph.add_run(text), para.bold)


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A live link (python-docx writes runs only): an external relationship and a w:hyperlink."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = Run(OxmlElement("w:r"), paragraph)
    run.text = text
    run.font.color.rgb = LINK_BLUE
    run.font.underline = True
    link.append(run._r)
    paragraph._p.append(link)


def _cant_split(row: _Row) -> None:
    _child(row._tr.get_or_add_trPr(), "w:cantSplit", TRPR_ORDER).set(qn("w:val"), "true")


def _shade(cell: _Cell, fill: str) -> None:
    shading = _child(cell._tc.get_or_add_tcPr(), "w:shd", TCPR_ORDER)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


# --- runs ------------------------------------------------------------------------------------------

def _centred(document: Document, text: str, size: float, *, bold: bool = False) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        _bold(_sized(paragraph.add_run(text), size), bold)
    return paragraph


def _sized(run: Run, size: float) -> Run:
    _size(run._r.get_or_add_rPr(), size)
    return run


def _bold(run: Run, bold: bool) -> Run:
    """Bold for Latin and for Thai (``w:bCs``: Word ignores ``w:b`` for complex script)."""
    if bold:
        rpr = run._r.get_or_add_rPr()
        for tag in ("w:b", "w:bCs"):
            _child(rpr, tag, RPR_ORDER)
    return run


def _size(rpr: BaseOxmlElement, size: float) -> None:
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag, RPR_ORDER).set(qn("w:val"), str(round(size * 2)))


def _child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...]) -> BaseOxmlElement:
    """``parent``'s ``tag`` child, added in its place in the schema's ``order`` when missing (Word
    refuses a document whose property elements are out of order)."""
    element = parent.find(qn(tag))
    if element is None:
        element = parent.insert_element_before(OxmlElement(tag), *order[order.index(tag) + 1:])
    return element


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (page number, page count) with the value shown until Word updates it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("shown", shown),
                       ("end", None)):
        run = _sized(paragraph.add_run(), SMALL)
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {text} "
            run._r.append(code)
        elif kind == "shown":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
