"""Blocks of a Word report (python-docx): paragraphs and table rows in document order.

Agencies lay the table out by hand: a section row merged across all five columns ("เครื่องมือการ
ประเมิน EIT ตัวชี้วัดที่ ๗ …"), the header row repeated on every page, steps as numbered paragraphs in
one cell, sometimes several tables. A merged cell is reported once per row (python-docx repeats it
for every grid column it spans).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from itacheck.reportimport.blocks import Block, Paragraph, Row, clean_cell
from itacheck.reportimport.measures import NotAReport

#: Bytes of XML a report may unpack to: guards against a zip bomb posing as a .docx.
MAX_UNPACKED = 200 * 2**20


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise NotAReport(f"{path} ใหญ่เกินไปเมื่อแตกไฟล์ ({path} unpacks to more than "
                                 f"{MAX_UNPACKED // 2**20} MB: not a measures report)")
            if "word/document.xml" not in z.namelist():
                raise NotAReport(f"{path} ไม่ใช่เอกสาร Word (.docx) ({path} is a zip file but not a Word document)")
    except zipfile.BadZipFile:
        with open(path, "rb") as f:
            ole = f.read(4) == b"\xd0\xcf\x11\xe0"
        if ole:
            raise NotAReport(f"{path} มีรหัสผ่านหรือเป็น Word รุ่นเก่า (.doc): เปิดใน Word แล้วบันทึกเป็น .docx ที่ไม่มีรหัสผ่าน "
                             f"({path} is password-protected or an old .doc file: save it from Word as a .docx "
                             "without a password)") from None
        raise NotAReport(f"{path} ไม่ใช่ไฟล์ .docx ที่อ่านได้ หรือไฟล์เสียหาย ({path} is not a readable .docx file; "
                         "it may be damaged)") from None


def docx_blocks(path: Path) -> list[Block]:
    import docx  # python-docx: imported only when a Word file is read
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    _check_package(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises a variety of errors on damaged packages
        raise NotAReport(f"{path} อ่านไม่ได้: ไฟล์ .docx เสียหาย ({path} cannot be read as a Word document: "
                         f"{type(exc).__name__})") from None
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            if text := clean_cell(item.text):
                blocks.append(Paragraph(text))
        elif isinstance(item, Table):
            blocks.extend(_table_rows(item))
    return blocks


def _table_rows(table) -> list[Block]:  # noqa: ANN001 - python-docx's Table
    rows: list[Block] = []
    for row in table.rows:
        seen: list[object] = []  # the cells' XML elements, kept alive so that `is` compares them
        cells = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # the same merged cell again
                continue
            seen.append(cell._tc)
            cells.append(clean_cell("\n".join(p.text for p in cell.paragraphs)))
        if len([c for c in cells if c]) == 1 and len(cells) < 5:
            rows.append(Paragraph(next(c for c in cells if c)))  # a section row merged across the table
        elif any(cells):
            rows.append(Row(tuple(cells)))
    return rows
