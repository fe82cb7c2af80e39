"""Where a table row that does not fit on a page may go over to the next one.

Each cell of the row breaks on its own, as a typesetter breaks a column of text:

* between two paragraphs or bullets, unless the first is a heading kept with the paragraph after
  it (``การรายงานผลที่ ๑: ทุกเดือน`` with its first month);
* inside a paragraph only with at least :data:`MIN_LINES` lines of it on each side (no line left
  alone at the foot of a page or at the top of the next), and never just before a date: a label
  (``…แล้วเสร็จภายใน``, or a ``วันที่`` the line breaking could not keep with it) stays with it;
* and the row keeps at least :data:`MIN_LINES` lines on each page.

Pure functions over the lines of the cells, so the rules can be read and tested apart from the
drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from itacheck.thaitext.segment import KEEP_TOGETHER

#: Lines of a row on each side of a page break, and of a paragraph broken across pages.
MIN_LINES = 2


class Line(Protocol):
    """What the rules need to know of a line of a cell."""

    @property
    def text(self) -> str: ...
    @property
    def para(self) -> int: ...  # which paragraph of the cell it belongs to
    @property
    def keep_with_next(self) -> bool: ...  # its paragraph stays on the page of the next one


def split_row(cells: Sequence[Sequence[Line]], most: int) -> list[int] | None:
    """How many lines of each cell to put on this page, no cell more than ``most``, so that every
    rule holds; the fullest such split, or None when there is none (the row must move whole)."""
    for limit in range(most, MIN_LINES - 1, -1):
        counts = [_cell_split(cell, limit) for cell in cells]
        rest = max(len(cell) - count for cell, count in zip(cells, counts))
        if max(counts) >= MIN_LINES and rest >= MIN_LINES:
            return counts
    return None


def _cell_split(cell: Sequence[Line], limit: int) -> int:
    """The most lines of ``cell``, at most ``limit``, that may end a page (possibly none)."""
    if len(cell) <= limit:
        return len(cell)
    return next((at for at in range(limit, 0, -1) if may_break(cell, at)), 0)


def may_break(cell: Sequence[Line], at: int) -> bool:
    """Whether a page may end after ``cell[at - 1]`` and the next start with ``cell[at]``."""
    before, after = cell[at - 1], cell[at]
    if before.para != after.para:
        return not before.keep_with_next
    kept = sum(1 for line in cell[:at] if line.para == before.para)
    carried = sum(1 for line in cell[at:] if line.para == before.para)
    return kept >= MIN_LINES and carried >= MIN_LINES and not KEEP_TOGETHER.match(after.text)
