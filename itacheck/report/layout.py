"""Page geometry, type styles, and the flow that places lines on A4 landscape pages.

The report is laid out completely before anything is drawn: every page becomes a list of
:class:`Text` and :class:`Box` items in millimetres. Only then does :mod:`render` draw them, so the
page count is known when page numbers (``หน้า ๑/๓``) are written, and the layout can be tested
without a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from itacheck.report.fonts import face_for
from itacheck.report.shaping import PT_TO_MM, Face
from itacheck.report.thaiwrap import text_width, wrap

PAGE_WIDTH = 297.0
PAGE_HEIGHT = 210.0
MARGIN_LEFT = MARGIN_RIGHT = 15.0
MARGIN_TOP = 14.0
MARGIN_BOTTOM = 16.0  # the page number sits inside it
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

#: Line height as a multiple of the type size: Sarabun's ascender + descender is 1.3 em, and
#: stacked Thai marks need all of it.
LEADING = 1.4
LINK_COLOUR = (0.05, 0.2, 0.6)


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False

    @property
    def face(self) -> Face:
        return face_for(self.bold)

    @property
    def line_height(self) -> float:
        return self.size * LEADING * PT_TO_MM

    @property
    def baseline(self) -> float:
        """Distance from a line's top to its baseline, centring Sarabun's ascent+descent."""
        ascent, descent = 1.068, 0.232
        return self.size * ((LEADING - ascent - descent) / 2 + ascent) * PT_TO_MM

    def wrap(self, text: str, width: float, hang: float = 0.0) -> list[str]:
        return wrap(text, self.face, self.size, width, hang)

    def width(self, text: str) -> float:
        return text_width(text, self.face, self.size)


BODY = Style(10.5)
BODY_BOLD = Style(10.5, bold=True)
SMALL = Style(9.5)
HEADING = Style(14, bold=True)
TITLE = Style(22, bold=True)
SUBTITLE = Style(18, bold=True)
COVER_TEXT = Style(17)


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text; ``x`` is where its first glyph starts, ``baseline`` its baseline."""

    x: float
    baseline: float
    text: str
    style: Style
    link: str = ""
    width: float = 0.0  # drawn width, for the link's clickable area
    top: float = 0.0


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: cell borders (stroked) and header or band shading (filled grey level)."""

    x: float
    y: float
    w: float
    h: float
    fill: float | None = None
    stroke: bool = True


Item = Text | Box


@dataclass
class Flow:
    """Pages being filled from top to bottom; ``page_hooks`` run on every new page (a table
    uses one to repeat its header)."""

    pages: list[list[Item]] = field(default_factory=list)
    y: float = MARGIN_TOP
    page_hooks: list[Callable[[], None]] = field(default_factory=list)

    @property
    def bottom(self) -> float:
        return PAGE_HEIGHT - MARGIN_BOTTOM

    @property
    def room(self) -> float:
        return self.bottom - self.y

    @property
    def body_height(self) -> float:
        return self.bottom - MARGIN_TOP

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN_TOP
        for hook in list(self.page_hooks):
            hook()

    def add(self, item: Item) -> None:
        if not self.pages:
            self.pages.append([])
        self.pages[-1].append(item)

    def line(self, x: float, top: float, text: str, style: Style, link: str = "",
             width: float | None = None) -> None:
        """Place one line whose box starts at ``top``."""
        if width is None and link:
            width = style.width(text)
        self.add(Text(x, top + style.baseline, text, style, link, width or 0.0, top))

    def paragraph(self, text: str, style: Style, x: float = MARGIN_LEFT, width: float = CONTENT_WIDTH,
                  align: str = "left", first_indent: float = 0.0, space_after: float = 0.0) -> None:
        """Wrap and place ``text``, starting new pages as needed."""
        lines = wrap(text, style.face, style.size, width - first_indent, hang=-first_indent)
        for i, line in enumerate(lines):
            if self.room < style.line_height:
                self.new_page()
            indent = first_indent if i == 0 else 0.0
            self.line(x + indent + aligned_offset(line, style, width - indent, align), self.y, line, style)
            self.y += style.line_height
        self.y += space_after


def aligned_offset(line: str, style: Style, width: float, align: str) -> float:
    """How far right of the box's left edge a line starts for ``align`` (left, center, right)."""
    if align == "left":
        return 0.0
    slack = max(0.0, width - style.width(line))
    return slack / 2 if align == "center" else slack


@cache
def number_width(style: Style, text: str) -> float:
    """Width of a short label such as "๑. ", cached (hanging indents use it for every item)."""
    return style.face.width(text, style.size)
