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
* a paragraph does not end with one short word alone (``…การรายงานติดตาม`` / ``ผล``, ``ไตรมาสละ`` /
  ``๑ ครั้ง``) when it can be set in as many lines with more on the last one: the last lines are
  set again in a column narrowed just enough to bring the last word of the line before down, until
  the last line holds two words or a third of the column.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from itacheck.report.shaping import Face
from itacheck.thaitext.lines import fill
from itacheck.thaitext.segment import groups

#: A lone last word is brought company from at most this many lines before it...
REBALANCED_LINES = 4
#: ...each set narrower at most this many times.
MAX_NARROWINGS = 8
_NARROWER = 0.01  # mm: just under a line's own width, so its last piece no longer fits

Setter = Callable[[str, float, float], list[str]]


#: How many distinct paragraphs, and lines, a process keeps set or measured (a guard on memory,
#: not a tuning knob): a report sets the same text in the same column many times (a step shared by
#: many measures, a date, a heading measured then drawn), and centres the same header on every page.
REMEMBERED = 20_000


def wrap(text: str, face: Face, size_pt: float, width: float, hang: float = 0.0) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (continuation lines: ``width - hang``).

    Newlines end paragraphs (an empty paragraph gives an empty line). Every character of ``text``
    except ZWSPs and newlines appears in exactly one line, in order, so joining the lines gives the
    text back: trailing spaces stay on their line, where they are invisible. Set once per process
    for each (face, size, width, hang, text): each face is one per process (`fonts.face_for`)."""
    return list(_set(text, face, size_pt, width, hang))


@lru_cache(maxsize=REMEMBERED)
def _set(text: str, face: Face, size_pt: float, width: float, hang: float) -> tuple[str, ...]:
    def measure(piece: str) -> float:
        return face.width(piece, size_pt)

    def exact(line: str) -> float:
        return face.exact_width(line.rstrip(), size_pt)

    def set_at(paragraph: str, column: float, indent: float) -> list[str]:
        whole = fill(paragraph, column, measure, hang=indent, exact=exact, min_fill=0.0)
        if len(whole) == 1:
            return whole  # breaking inside words cannot make fewer lines than one
        filled = fill(paragraph, column, measure, hang=indent, exact=exact)
        return filled if len(filled) < len(whole) else whole

    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(_rebalanced(set_at(paragraph, width, hang), width, hang, set_at, exact))
    return tuple(out)


def _rebalanced(lines: list[str], width: float, hang: float, set_at: Setter,
                exact: Callable[[str], float]) -> list[str]:
    """``lines``, with their last few set again narrower, in as many lines, when that gives the
    last line company; the fewest lines possible are touched."""
    count = len(lines)
    if count < 2 or not _lone(lines[-1], exact, width - hang):
        return lines
    for first in range(count - 2, max(count - 1 - REBALANCED_LINES, -1), -1):
        column, indent = (width, hang) if first == 0 else (width - hang, 0.0)
        rest = _narrowed("".join(lines[first:]), column, indent, count - first, set_at, exact, width - hang)
        if rest:
            return lines[:first] + rest
    return lines


def _narrowed(text: str, column: float, indent: float, count: int, set_at: Setter,
              exact: Callable[[str], float], last_width: float) -> list[str] | None:
    """``text`` in ``count`` lines whose last is not a lone word, set in a column narrowed just
    enough each time to bring a word down; None when that cannot be done."""
    lines = set_at(text, column, indent)
    for _ in range(MAX_NARROWINGS):
        if len(lines) != count:
            return None
        if not _lone(lines[-1], exact, last_width):
            return lines
        column = min(column, exact(lines[-2]) + (indent if count > 2 else 0.0)) - _NARROWER
        lines = set_at(text, column, indent)
    return None


def _lone(line: str, exact: Callable[[str], float], width: float) -> bool:
    """A last line holding one short word or number with its unit (``ผล``, ``ทุจริต``, ``๑ ครั้ง``)."""
    return len(groups(line.strip())) == 1 and exact(line) < width / 3


@lru_cache(maxsize=REMEMBERED)
def text_width(text: str, face: Face, size_pt: float) -> float:
    """Width in mm of one line as it will be drawn (trailing spaces do not count); measured once
    per process for each face, size and text."""
    return face.exact_width(text.rstrip(), size_pt)
