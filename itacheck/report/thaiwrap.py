"""Thai line breaking for the report: segment once, shape each piece once, fill lines greedily.

fpdf2's own ``multi_cell`` re-shapes the growing line for every character it adds (tens of
thousands of HarfBuzz calls for a five-page report) and breaks Thai only at spaces and ZWSPs.
Here lines are filled by :func:`itacheck.thaitext.lines.fill`, the breaker the terminal uses too,
with each piece shaped once (widths cached by :class:`shaping.Face`); a line that comes close to
the edge is shaped whole once more, so kerning across pieces can never push it past the column.
"""

from __future__ import annotations

from itacheck.report.shaping import Face
from itacheck.thaitext.lines import fill


def wrap(text: str, face: Face, size_pt: float, width: float, hang: float = 0.0) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (continuation lines: ``width - hang``).

    Newlines end paragraphs (an empty paragraph gives an empty line). Every character of ``text``
    except ZWSPs and newlines appears in exactly one line, in order, so joining the lines gives the
    text back: trailing spaces stay on their line, where they are invisible."""
    def measure(piece: str) -> float:
        return face.width(piece, size_pt)

    def exact(line: str) -> float:
        return face.exact_width(line, size_pt)

    return [line for paragraph in text.split("\n")
            for line in fill(paragraph, width, measure, hang=hang, exact=exact)]


def text_width(text: str, face: Face, size_pt: float) -> float:
    """Width in mm of one line as it will be drawn (trailing spaces do not count)."""
    return face.exact_width(text.rstrip(), size_pt)
