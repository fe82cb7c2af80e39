"""The common shape every source is read into: paragraphs and table rows, in document order.

A Word file gives them directly; pasted text gives rows as tab-separated lines (a multi-line cell
quoted, as Word and LibreOffice copy it), and text extracted from a PDF adds HTML fragments
(``<p>``, check boxes) and lines broken in the middle of a cell. Cell text keeps its line breaks:
numbered steps are often one paragraph each.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass

from itacheck.domain.text import clean_text

COLUMNS = 5


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]


Block = Paragraph | Row

_BREAK_TAGS = re.compile(r"</?(?:p|br|div|li|tr)\b[^>]*>", re.I)
_CHECKBOX = re.compile(r"<input\b[^>]*type\s*=\s*[\"']?checkbox[^>]*>|[☐☑☒□■]", re.I)
_TAG = re.compile(r"<[^>]{0,200}>")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


def clean_cell(text: str) -> str:
    """A cell's text without HTML fragments: paragraphs become lines, check boxes become "- "
    bullets, entities are decoded, runs of spaces become one; control characters and terminal
    escape sequences are removed as from any input (`clean_text`)."""
    text = _CHECKBOX.sub("\n- ", _BREAK_TAGS.sub("\n", text))
    text = html.unescape(_TAG.sub(" ", text))  # entities first: "&#27;" is an escape too
    text = clean_text(text, limit=len(text) + 1)
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    out = "\n".join(line for line in lines if line)
    return re.sub(r"(^|\n)- +", r"\1- ", out)


def _rows_of(text: str) -> list[list[str]]:
    """Lines split at tabs; a cell in double quotes may hold line breaks (Word's and LibreOffice's
    clipboard text). Quotes are only honoured when reading them so leaves every row whole."""
    plain = [line.split("\t") for line in text.split("\n")]
    if '"' not in text:
        return plain
    try:
        quoted = list(csv.reader(io.StringIO(text), delimiter="\t", strict=True))
    except csv.Error:
        return plain
    wide = [r for r in quoted if len(r) > 1]
    if wide and sum(len(r) == COLUMNS for r in wide) >= 0.8 * len(wide) and len(quoted) < len(plain):
        return quoted
    return plain


def text_blocks(text: str) -> list[Block]:
    """Blocks of pasted or extracted text. A row with fewer than five cells continues the row
    before it (a line break inside a cell); so does a line without tabs right after such a row."""
    blocks: list[Block] = []
    partial: list[str] | None = None  # the cells of a row still missing some
    for cells in _rows_of(text.replace("\r\n", "\n").replace("\r", "\n")):
        if len(cells) == 1:
            line = cells[0]
            if partial is not None:
                partial[-1] += "\n" + line
            elif line.strip():
                blocks.append(Paragraph(clean_cell(line)))
            continue
        if partial is not None:
            partial[-1] += "\n" + cells[0]
            partial.extend(cells[1:])
        else:
            partial = list(cells)
        if len(partial) >= COLUMNS:
            blocks.append(Row(tuple(clean_cell(c) for c in partial)))
            partial = None
    if partial is not None:
        blocks.append(Row(tuple(clean_cell(c) for c in partial)))
    return [b for b in blocks if not (isinstance(b, Paragraph) and not b.text)]
