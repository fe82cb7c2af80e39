"""Make text copied out of the report equal the text that was typed (the ``ประจำ#ปี`` bug).

HarfBuzz's Thai shaper draws สระอำ (U+0E33) as two glyphs, nikhahit and sara aa, that share one
cluster (with a tone mark before it, three: ``น้ำ``). fpdf2 2.8.9 gives the cluster's text to its
first glyph and leaves the others with no ToUnicode entry, so pypdf prints ``ประจำ\x06ปี``,
pdfminer ``ประจำ(cid:6)ปี``, and poppler drops the glyph but, seeing a gap the width of sara aa
after the zero-width nikhahit, inserts a space (``ประจำ ปี``).

The fix, for the fonts this module adopts only:

* :meth:`ClusterTextFont.glyph_run` gives each cluster's text to a glyph that has an advance
  (for ำ: sara aa, the last one), and the text of a cluster made only of marks (the ั and ้ of
  ``ปั้น``) to the glyph before it. Glyphs without an advance then carry no text, so no extractor
  sees a gap or a stray code, wherever HarfBuzz moved them. Text is shaped by
  :func:`shaping.shape`, the function the line breaker measures with.
* :class:`ReportOutput`, passed to ``FPDF.output(output_producer_class=...)`` (fpdf2's public
  hook), writes the text-less glyphs into the ToUnicode CMap as ``<code> <>``, an explicit empty
  string (fpdf2 would omit them, and an unmapped code is printed as itself). It also gives each
  embedded subset a tag of its own: fpdf2 names every one ``MPDFAA+``, and a reader that caches
  fonts by name may then draw one subset with another's glyphs.

Both touch fpdf2 internals (``SubsetMap``, the ToUnicode stream, ``shape_text``'s result format);
pyproject pins fpdf2, and tests/report check the copied text with pypdf and poppler.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any, NamedTuple

from fpdf.fonts import Glyph, TTFFont
from fpdf.output import OutputProducer
from fpdf.syntax import Name

from itacheck.report.shaping import hb_direction, shape

#: Glyph names and advances by (font file, glyph id): fontTools lookups are slow per glyph.
_METRICS: dict[tuple[str, int], tuple[str, int]] = {}


class PlacedGlyph(NamedTuple):
    """One glyph to draw: its code in the subset, its width as the PDF font declares it
    (thousandths of an em), and HarfBuzz's advances and offsets (font units)."""

    code: int
    width: int
    x_advance: int
    y_advance: int
    x_offset: int
    y_offset: int


class ClusterTextFont(TTFFont):
    """A TTFFont whose copied text comes out as typed; see the module docstring."""

    __slots__ = ()  # same layout as TTFFont, so an existing font object can adopt this class

    def perform_harfbuzz_shaping(self, text: str, font_size_pt: float,
                                 text_shaping_params: dict[str, Any] | None) -> tuple[Any, Any]:
        self.hbfont.ptem = font_size_pt
        buf = shape(self.hbfont, text, hb_direction(text_shaping_params))
        return buf.glyph_infos, buf.glyph_positions

    def glyph_run(self, text: str, font_size_pt: float, direction: str | None = None) -> list[PlacedGlyph]:
        """``text`` shaped, as subset codes with their widths, advances and offsets."""
        if not text:
            return []
        self.hbfont.ptem = font_size_pt
        buf = shape(self.hbfont, text, direction)
        infos, positions = buf.glyph_infos, buf.glyph_positions
        glyph_ids = [info.codepoint for info in infos]
        placements = [(p.x_advance, p.y_advance, p.x_offset, p.y_offset) for p in positions]
        spans = _text_owners([info.cluster for info in infos], [p[0] for p in placements], len(text))
        known = self._codes()
        run = []
        for index, (glyph_id, placement) in enumerate(zip(glyph_ids, placements)):
            span = spans.get(index)
            key = (glyph_id, text[span[0]:span[1]] if span else "")
            entry = known.get(key)
            if entry is None:
                entry = known[key] = self._register(*key)
            if entry[0] is not None:
                run.append(PlacedGlyph(entry[0], entry[1], *placement))
        return run

    def shape_text(self, text: str, font_size_pt: float,
                   text_shaping_params: dict[str, Any] | None) -> list[dict[str, Any]]:
        """fpdf2's own drawing path (cell, multi_cell), with the same text assignment."""
        return [{
            "mapped_char": g.code,
            "x_advance": g.x_advance,
            "y_advance": g.y_advance,
            "x_offset": g.x_offset,
            "y_offset": g.y_offset,
            "force_positioning": bool(g.width != g.x_advance or g.x_offset or g.y_offset or g.y_advance),
        } for g in self.glyph_run(text, font_size_pt, hb_direction(text_shaping_params))]

    def _codes(self) -> dict[tuple[int, str], tuple[int | None, int]]:
        """(glyph, text) → (subset code, width) for this document; kept on the document's subset
        map, so it lives and dies with the document."""
        codes = self.subset.__dict__.get("_itacheck_codes")
        if codes is None:
            codes = self.subset.__dict__["_itacheck_codes"] = {}
        return codes

    def _register(self, glyph_id: int, chars: str) -> tuple[int | None, int]:
        """Add a glyph carrying ``chars`` to the subset (a glyph with other text is another code)."""
        key = (str(self.ttffile), glyph_id)
        metrics = _METRICS.get(key)
        if metrics is None:
            name = self.ttfont.getGlyphName(glyph_id)
            metrics = _METRICS[key] = (name, round(self.scale * self.ttfont["hmtx"].metrics[name][0]))
        name, width = metrics
        codes = tuple(ord(c) for c in chars)
        if glyph_id == 0:
            # A character the font lacks: fpdf2 would drop it. Draw the font's .notdef box and
            # keep the character in the text, so nothing typed is silently lost.
            return self.subset.pick_glyph(Glyph(0, codes, name, width)), width
        glyph = self.subset.get_glyph(glyph=glyph_id, unicode=codes, glyph_name=name, glyph_width=width)
        return (None if glyph is None else self.subset.pick_glyph(glyph)), width


def _text_owners(clusters: list[int], advances: list[int], length: int) -> dict[int, tuple[int, int]]:
    """Which glyphs carry text, and which span of the text each one carries.

    Text goes only to glyphs that have an advance: a cluster's text goes to its last such glyph
    (for ำ: sara aa), and a cluster of marks alone (the ั and ้ of ปั้น) joins the text of the
    glyph before it. Zero-width glyphs then carry nothing, which matters because fpdf2 draws a
    mark moved by HarfBuzz at its own position: a mark shifted left over ป looked to pypdf and
    poppler like a gap before น, and they printed "ปั้ น"."""
    starts = sorted(set(clusters))
    ends = dict(zip(starts, starts[1:] + [length]))
    spans: dict[int, tuple[int, int]] = {}
    previous = -1  # the glyph that took the previous cluster's text
    index, count = 0, len(clusters)
    while index < count:
        cluster, first, owner = clusters[index], index, -1
        while index < count and clusters[index] == cluster:
            if advances[index]:
                owner = index
            index += 1
        if owner < 0 and previous >= 0 and spans[previous][1] == cluster:
            spans[previous] = (spans[previous][0], ends[cluster])
            continue
        previous = owner if owner >= 0 else first
        spans[previous] = (cluster, ends[cluster])
    return spans


def adopt(font: TTFFont) -> None:
    """Make an fpdf2 font (from ``FPDF.add_font``) a :class:`ClusterTextFont`."""
    if type(font) is TTFFont:
        font.__class__ = ClusterTextFont


class ReportOutput(OutputProducer):
    """fpdf2's output with explicit empty ToUnicode entries for glyphs that carry no text, and a
    subset tag of its own for each font."""

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        font_objects = super()._add_fonts(*args, **kwargs)
        for font in self.fpdf.fonts.values():
            if not isinstance(font, ClusterTextFont):
                continue
            silent = sorted(code for glyph, code in font.subset.items()
                            if glyph is not None and glyph.unicode == ())
            font_object = font_objects.get(font.i)
            to_unicode = getattr(font_object, "to_unicode", None)
            if silent and to_unicode is not None:
                _add_empty_entries(to_unicode, silent)
            if font_object is not None:
                _name_subset(font, font_object)
        return font_objects


def _name_subset(font: ClusterTextFont, font_object: Any) -> None:
    """``ABCDEF+Sarabun``: six capitals drawn from the font and the glyphs of its subset, so each
    subset has its own tag and the same document always gets the same one (ISO 32000-1, 9.6.4)."""
    glyphs = sorted(glyph.glyph_id for glyph, _ in font.subset.items() if glyph is not None)
    digest = hashlib.sha256(f"{font.name}:{glyphs}".encode()).digest()
    tag = "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
    name = Name(f"{tag}+{font.name}")
    font_object.base_font = name
    font_object.descendant_fonts[0].base_font = name
    font.desc.font_name = name


def _add_empty_entries(stream: Any, codes: list[int]) -> None:
    compressed = stream.filter is not None
    cmap = zlib.decompress(stream._contents) if compressed else bytes(stream._contents)
    blocks = "".join(
        f"{len(chunk)} beginbfchar\n" + "".join(f"<{code:04X}> <>\n" for code in chunk) + "endbfchar\n"
        for chunk in (codes[i:i + 100] for i in range(0, len(codes), 100))  # 100 per block (TN 5014)
    ).encode("ascii")
    head, sep, tail = cmap.rpartition(b"endcmap")
    if not sep:
        raise RuntimeError("unexpected ToUnicode CMap from fpdf2: no 'endcmap'")
    cmap = head + blocks + sep + tail
    stream._contents = zlib.compress(cmap) if compressed else cmap
    stream.length = len(stream._contents)
