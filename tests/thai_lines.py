"""Judging lines of Thai text as a reader would: does a line end inside a word or a date? The
segmenter that decides is the app's own (thaibreak with its compound words)."""

from __future__ import annotations

import re
import unicodedata

from itacheck.thaitext.cells import cell_width
from itacheck.thaitext.segment import KEEP_TOGETHER, break_units

_THAI = re.compile("[\u0e01-\u0e4e]")


def words_broken(lines: list[str], width: int) -> list[str]:
    """Line ends inside a Thai word (a line ending in a Thai letter followed by one starting with
    one where the segmenter sees no boundary between them) or inside a date. A word or date wider
    than ``width`` may break."""
    problems = []
    for line, following in zip(lines, lines[1:]):
        before, after = line.rstrip(), following.strip()
        if not before or not after:
            continue
        joined = f"{before} {after}"
        if any(m.start() < len(before) < m.end() and cell_width(m.group()) <= width
               for m in KEEP_TOGETHER.finditer(joined)):
            problems.append(f"{line!r} / {following!r}")
            continue
        if not (_THAI.match(before[-1]) or unicodedata.category(before[-1]) == "Mn") or not _THAI.match(after[0]):
            continue
        tail, lead = before.split(" ")[-1], after.split(" ")[0]
        at, bounds = 0, {0}
        units = break_units(tail + lead)
        for unit in units:
            at += len(unit)
            bounds.add(at)
        if len(tail) in bounds:
            continue
        start = max(b for b in bounds if b < len(tail))
        word = next(u for u, b in zip(units, sorted(bounds)) if b == start)
        if cell_width(word) > width:
            continue
        problems.append(f"{line!r} / {following!r}")
    return problems
