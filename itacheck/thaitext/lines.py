"""Filling lines with Thai text, the same way on paper and on a terminal.

A paragraph is cut into groups, words and break units by :func:`segment.groups` and lines are
filled greedily, breaking by preference between groups, then inside a short bracket and then
inside a compound word (each only when the line would otherwise be less than :data:`MIN_FILL`
full), and, for a piece wider than a line, at its spaces and then between character clusters
(:func:`cells.clusters`). The PDF measures pieces in
millimetres with HarfBuzz, the terminal in cells: both pass their measure to :func:`fill`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from itacheck.thaitext.cells import cell_width, clusters
from itacheck.thaitext.segment import ZWSP, groups, space_pieces

#: A line is broken inside a compound word rather than before it when it is less full than this.
MIN_FILL = 0.6
#: Lines whose summed width is above this share of the limit are checked with ``exact``.
_CHECK_ABOVE = 0.97

Measure = Callable[[str], float]


def fill(paragraph: str, width: float, measure: Measure, *, hang: float = 0.0,
         exact: Measure | None = None, fold: bool = True, min_fill: float = MIN_FILL) -> list[str]:
    """Lines of one ``paragraph`` (no newline) no wider than ``width`` (continuation lines:
    ``width - hang``), as ``measure`` counts.

    ``measure`` gives a piece's width; ``exact``, when the sum of the pieces' widths may differ
    from the width of the line they make (kerning across pieces), measures a line that comes close
    to the edge as a whole. With ``fold=False`` a piece wider than a line gets a line of its own
    instead of being cut between clusters (the caller cuts it short); ``min_fill`` replaces
    :data:`MIN_FILL` (0: a group or word goes whole to the next line whenever it fits there).
    Every character but ZWSPs appears in exactly one line, in order; trailing spaces stay on their
    line."""
    if not paragraph.replace(ZWSP, ""):
        return [""]
    if exact is None and measure(paragraph.rstrip()) <= width:  # fits: no need to segment it
        return [paragraph.replace(ZWSP, "")]
    lines: list[str] = []
    current: list[str] = []
    used = 0.0  # width of `current`, trailing spaces included

    def limit() -> float:
        return width if not lines else width - hang

    def flush() -> None:
        nonlocal current, used
        lines.append("".join(current))
        current, used = [], 0.0

    def fits(piece: str, estimate: float) -> bool:
        if estimate > limit():
            return False
        if exact is None or estimate < _CHECK_ABOVE * limit():
            return True
        return exact(("".join(current) + piece).rstrip()) <= limit()

    def place(piece: str) -> bool:
        """Put ``piece`` on the current line if it fits there; False if it does not."""
        nonlocal used
        ink = measure(piece.rstrip())
        if current and not fits(piece, used + ink):
            return False
        if not current and ink > limit():
            return False
        current.append(piece)
        used += measure(piece)
        return True

    def force(piece: str) -> None:
        """Start a line with ``piece`` however wide it is."""
        nonlocal used
        if current:
            flush()
        current.append(piece)
        used += measure(piece)

    def place_whole(whole: str) -> bool:
        """Put a group or word on this line, or on the next one when this one is full enough."""
        if place(whole):
            return True
        if current and used >= min_fill * limit():
            flush()  # the preferred break: before the group or word
            return place(whole)
        return False

    def place_units(word: tuple[str, ...]) -> None:
        """A word that cannot go whole: break between its units."""
        for unit in word:
            if place(unit):
                continue
            if current:
                flush()
                if place(unit):
                    continue
            for piece in space_pieces(unit):  # a date wider than a line: at its spaces
                if place(piece):
                    continue
                if current:
                    flush()
                    if place(piece):
                        continue
                if not fold:
                    force(piece)
                    continue
                for cluster in clusters(piece):  # wider than a line: between clusters
                    if not place(cluster):
                        force(cluster)  # a single cluster always goes somewhere

    for group in groups(paragraph):
        if place_whole("".join(map("".join, group))):
            continue
        for word in group:  # the group cannot go whole: break between its words
            if not place_whole("".join(word)):
                place_units(word)
    if current:
        flush()
    return lines


def wrap(text: str, width: int, *, hang: int = 0) -> list[str]:
    """Lines of plain ``text`` for a terminal ``width`` columns wide, trailing spaces removed;
    newlines end paragraphs and continuation lines are ``hang`` columns narrower."""
    return [line.rstrip() for paragraph in text.split("\n")
            for line in fill(paragraph, width, _piece_width, hang=hang)]


#: The pieces of a terminal's lines (words, dates, the spaces after them) recur across a status
#: table's thousand paragraphs: each is measured once.
_piece_width = lru_cache(maxsize=4096)(cell_width)


def break_offsets(line: str, width: int, measure: Measure = cell_width, *, fold: bool = True) -> list[int]:
    """Where to break one line of text (no newline) to fit ``width`` cells: the offsets into
    ``line`` at which each following line starts (zero-width spaces count, as hints)."""
    lengths = [len(piece) for piece in fill(line, width, measure, fold=fold)][:-1]
    offsets: list[int] = []
    at = kept = 0  # index into `line`; characters of it kept by `fill` (all but ZWSPs)
    for length in lengths:
        target = kept + length
        while kept < target:
            if line[at] != ZWSP:
                kept += 1
            at += 1
        while at < len(line) and line[at] == ZWSP:  # a hint stays at the end of the line it ends
            at += 1
        offsets.append(at)
    return offsets
