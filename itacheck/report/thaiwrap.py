"""Thai line breaking for the report: segment once, shape each piece once, fill lines greedily,
then set each paragraph as a typesetter would.

fpdf2's own ``multi_cell`` re-shapes the growing line for every character it adds (tens of
thousands of HarfBuzz calls for a five-page report) and breaks Thai only at spaces and ZWSPs.
Here lines are filled by :func:`itacheck.thaitext.lines.fill`, the breaker the terminal uses too,
with each piece shaped once (widths cached by :class:`shaping.Face`); a line that comes close to
the edge is shaped whole once more, so kerning across pieces can never push it past the column.

Paper, unlike a terminal, is read as a page, so two rules apply here only:

* a compound word or a short bracket is broken only when that saves a line: the paragraph is
  filled with every group and word whole where it fits on a line, and with breaks inside them
  where a line would otherwise stay too empty, and the fewer lines win (ties: whole words);
* a paragraph does not end with one lone word (``…การรายงานติดตาม`` / ``ผล``) when it can be set
  in as many lines with more on the last one: the column is narrowed, just enough to bring the
  last word of the line before down, until the last line holds two words.
"""

from __future__ import annotations

from collections.abc import Callable

from itacheck.report.shaping import Face
from itacheck.thaitext.lines import fill
from itacheck.thaitext.segment import break_units

#: Narrowings tried before a paragraph is left with its lone last word.
MAX_REBALANCE_STEPS = 8
_NARROWER = 0.01  # mm: just under a line's own width, so its last piece no longer fits


def wrap(text: str, face: Face, size_pt: float, width: float, hang: float = 0.0) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (continuation lines: ``width - hang``).

    Newlines end paragraphs (an empty paragraph gives an empty line). Every character of ``text``
    except ZWSPs and newlines appears in exactly one line, in order, so joining the lines gives the
    text back: trailing spaces stay on their line, where they are invisible."""
    def measure(piece: str) -> float:
        return face.width(piece, size_pt)

    def exact(line: str) -> float:
        return face.exact_width(line, size_pt)

    def set_at(column: float) -> list[str]:
        whole = fill(paragraph, column, measure, hang=hang, exact=exact, min_fill=0.0)
        filled = fill(paragraph, column, measure, hang=hang, exact=exact)
        return filled if len(filled) < len(whole) else whole

    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(_rebalanced(set_at(width), width, hang, set_at, exact))
    return out


def _rebalanced(lines: list[str], width: float, hang: float, set_at: Callable[[float], list[str]],
                exact: Callable[[str], float]) -> list[str]:
    """``lines``, or the same paragraph set narrower in as many lines when that gives its last
    line more than one word."""
    column = width
    candidate = lines
    for _ in range(MAX_REBALANCE_STEPS):
        if len(candidate) != len(lines):
            return lines
        if len(candidate) < 2 or not _lone(candidate[-1]):
            return candidate
        before = candidate[-2]
        column = min(column, exact(before.rstrip()) + (hang if len(candidate) > 2 else 0.0)) - _NARROWER
        candidate = set_at(column)
    return lines


def _lone(line: str) -> bool:
    """A last line holding one word the segmenter would not break (``ผล``, ``ทุจริต``)."""
    return len(break_units(line.strip())) == 1


def text_width(text: str, face: Face, size_pt: float) -> float:
    """Width in mm of one line as it will be drawn (trailing spaces do not count)."""
    return face.exact_width(text.rstrip(), size_pt)
