"""Rich and Textual taught to lay out Thai: lines break between words, text is cut between clusters.

Rich, and Textual's `Content` which uses Rich's line breaker, break lines only at spaces and fold
a longer run at the last column; Thai has no spaces between words, so every pane, form title,
dialog and toast broke words in two (``…การติดต่อห`` / ``น่วยงาน…``). Both also cut text by
cells: the vowel or tone mark after a cut was lost (``ติ`` shown as ``ต``, also under the edge of a
toast) and an ellipsis could part ``ำ`` from its letter (``ประจ…``). Neither offers a hook, and all
text on screen passes through the same three functions, so :func:`install` replaces those three
for text that holds Thai:

* the line breaker (``divide_line``, as imported by `rich.text` and `textual.content`), with
  :func:`itacheck.thaitext.lines.break_offsets`, the PDF's line filler counting cells;
* `Content.truncate` (``text-overflow: ellipsis``), which cuts between clusters before the ``…``;
* `Segment.split_cells` (crops, and the edges of toasts and dialogs over text), which keeps the
  zero-width marks after a cut with their letter.

Text being typed goes through a fourth: the `TextArea`'s own line breaker
(``compute_wrap_offsets``, as imported by its wrapped document), which gets the same Thai breaks.

Text without Thai (or a date) keeps Rich's and Textual's own behaviour. The replaced names are Rich's and
Textual's internals (Textual is pinned below 9): tests/tui/test_thai_layout.py fails when an
upgrade goes around them.
"""

from __future__ import annotations

import re
import unicodedata

import rich._wrap
import rich.text
import textual.content
import textual.document._wrapped_document
from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content

from itacheck.thaitext.cells import ELLIPSIS, head
from itacheck.thaitext.lines import break_offsets
from itacheck.thaitext.segment import KEEP_TOGETHER

_THAI = re.compile("[\u0e01-\u0e5b]")

_rich_divide_line = rich._wrap.divide_line
_textual_truncate = Content.truncate
_rich_split_cells = Segment.split_cells
_textual_wrap_offsets = textual.document._wrapped_document.compute_wrap_offsets


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Rich's contract (offsets at which to break one line) with Thai broken between words and
    dates (``๓๑ มี.ค. ๖๖``, ``31 Mar 2023``) kept whole."""
    if width < 2 or not (_THAI.search(text) or KEEP_TOGETHER.search(text)):
        return _rich_divide_line(text, width, fold)
    return break_offsets(text, width, cell_len, fold=fold)


def compute_wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                         precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
    """The `TextArea`'s line breaker: Thai as :func:`divide_line` breaks it; a line with a tab
    keeps Textual's (tab stops are its business)."""
    if "\t" in text or width < 2 or not _THAI.search(text):
        return _textual_wrap_offsets(text, width, tab_size, fold, precomputed_tab_sections)
    return break_offsets(text, width, cell_len, fold=fold)


def truncate(self: Content, max_width: int, *, ellipsis: bool = False, pad: bool = False) -> Content:
    """Textual's `Content.truncate`, cutting Thai between clusters (padded to ``max_width``)."""
    if self.cell_length <= max_width or max_width < 1 or not _THAI.search(self.plain):
        return _textual_truncate(self, max_width, ellipsis=ellipsis, pad=pad)
    kept = self[:len(head(self.plain, max_width - 1 if ellipsis else max_width))]
    if ellipsis:
        kept = kept.extend_right(1, ELLIPSIS)
    return kept.pad_right(max_width - kept.cell_length)


def split_cells(self: Segment, cut: int) -> tuple[Segment, Segment]:
    """Rich's `Segment.split_cells`, with the marks right after the cut kept with their letter:
    they take no cell, so both parts keep their widths."""
    before, after = _rich_split_cells(self, cut)
    text = after.text
    marks = 0
    while marks < len(text) and unicodedata.category(text[marks]) in ("Mn", "Me"):
        marks += 1
    if not marks or not before.text:
        return before, after
    return (Segment(before.text + text[:marks], before.style, before.control),
            Segment(text[marks:], after.style, after.control))


def install() -> None:
    """Put the three in place (idempotent)."""
    rich.text.divide_line = divide_line  # type: ignore[attr-defined]
    textual.content.divide_line = divide_line  # type: ignore[attr-defined]
    Content.truncate = truncate  # type: ignore[method-assign]
    Segment.split_cells = split_cells  # type: ignore[method-assign]
    textual.document._wrapped_document.compute_wrap_offsets = compute_wrap_offsets  # type: ignore[attr-defined]
