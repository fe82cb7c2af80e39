"""HarfBuzz shaping, done one way for both measuring and drawing.

Thai needs shaping: without it tone marks collide with upper vowels (ที่, กี่) and สระอำ is not
decomposed. The report measures text to break lines and fpdf2 later shapes the same lines to draw
them; both go through :func:`shape`, so a line measured to fit is drawn exactly as wide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import uharfbuzz as hb

#: Cluster level 1 (monotone characters) is what fpdf2 uses: marks keep their own clusters, so
#: copied text maps back character by character. Stray marks (a typo such as "กำกั บ") are drawn
#: as they are rather than on a dotted circle.
_FLAGS = hb.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE

PT_TO_MM = 25.4 / 72


def shape(font: hb.Font, text: str, direction: str | None = None) -> hb.Buffer:
    """Shape ``text`` with default features; script and language are guessed from the text."""
    buf = hb.Buffer()
    buf.cluster_level = 1
    buf.flags = _FLAGS
    buf.add_str(text)
    buf.guess_segment_properties()
    if direction:
        buf.direction = direction
    hb.shape(font, buf, {})
    return buf


class Face:
    """One font file as HarfBuzz sees it, with the advance of every piece of text it has shaped.

    Widths are cached in font units, which do not depend on the size, so a word shaped once serves
    every size and every later report in the same process (the TUI builds reports repeatedly)."""

    #: Beyond this many cached pieces the cache starts again (a guard, not a tuning knob).
    CACHE_LIMIT = 200_000

    def __init__(self, path: Path) -> None:
        self.path = path
        self._font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
        self.upem: int = self._font.face.upem
        self._advances: dict[str, int] = {}

    def advance(self, text: str) -> int:
        """Width of ``text`` in font units (cached)."""
        known = self._advances.get(text)
        if known is None:
            if len(self._advances) >= self.CACHE_LIMIT:
                self._advances.clear()
            known = self._advances[text] = self.measure_units(text)
        return known

    def measure_units(self, text: str) -> int:
        """Width of ``text`` in font units, shaped now (for whole lines, which rarely repeat)."""
        if not text:
            return 0
        return sum(p.x_advance for p in shape(self._font, text).glyph_positions)

    def width(self, text: str, size_pt: float) -> float:
        """Width in millimetres at ``size_pt`` (cached by text)."""
        return self.advance(text) * size_pt / self.upem * PT_TO_MM

    def exact_width(self, text: str, size_pt: float) -> float:
        """Width in millimetres of ``text`` shaped as one run, as fpdf2 will draw it."""
        return self.measure_units(text) * size_pt / self.upem * PT_TO_MM

    def has_glyph(self, char: str) -> bool:
        return self._font.get_nominal_glyph(ord(char)) is not None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Face({self.path.name!r}, {len(self._advances)} cached)"


def hb_direction(params: dict[str, Any] | None) -> str | None:
    """The direction fpdf2 asks for ("ltr"/"rtl"), if any, as HarfBuzz names it."""
    if not params:
        return None
    direction = params.get("fragment_direction")
    return getattr(direction, "value", direction) if direction is not None else None
