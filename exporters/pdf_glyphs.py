"""Shaped Thai words written as PDF text operators, once per word and document.

ReportLab's text object formats every glyph of every word it draws again (grouping, number
formatting and escaping in Python: 40% of a large meeting's PDF). A word's glyphs are the same
wherever it stands, so here each distinct word is turned, once per document, into its glyph codes
in the font's subsets and the adjustments HarfBuzz asks for; drawing a word is then joining
prepared pieces, with a justified line's spread added after each grapheme cluster.

The operators are those ReportLab writes for a shaped string: the glyph code of each HarfBuzz
glyph in a TJ array, preceded by the glyph's horizontal offset and followed by the difference
between the font's advance and HarfBuzz's, a vertical offset as text rise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr


@dataclass(frozen=True)
class Glyph:
    subset: int
    code: int
    before: float  # TJ adjustment before the glyph (thousandths of the size)
    after: float  # after it
    rise: float  # points above the baseline


@dataclass(frozen=True)
class Word:
    """A shaped word ready to write: its glyphs, and which of them end a grapheme cluster
    (where a justified line adds its spread)."""

    glyphs: tuple[Glyph, ...]
    cluster_ends: frozenset[int]
    # For a word in one subset and on the baseline (nearly all): its TJ array as pieces, the
    # glyph runs and fixed adjustments formatted, the adjustment after each cluster a number
    # from which the spread is taken when written. None for any other word.
    array: tuple[str | float, ...] | None = None


def _array(glyphs: tuple[Glyph, ...], ends: frozenset[int]) -> tuple[str | float, ...] | None:
    if not glyphs or len({(g.subset, g.rise) for g in glyphs}) > 1 or glyphs[0].rise:
        return None
    pieces: list[str | float] = []
    run = bytearray()
    for index, glyph in enumerate(glyphs):
        adjustment = glyph.before + (glyphs[index - 1].after if index else 0.0)
        if index - 1 in ends or adjustment:
            if run:
                pieces.append(f"({escapePDF(bytes(run))})")
                run.clear()
            pieces.append(adjustment if index - 1 in ends else fp_str(adjustment))
        run.append(glyph.code)
    pieces.append(f"({escapePDF(bytes(run))})")
    return tuple(pieces)


def prepare(glyphs: ShapedStr, ends: tuple[int, ...], font_name: str, size: float, doc: Any) -> Word:
    """The word's glyphs in the document's subsets of the font (assigning codes to new glyphs)."""
    font = pdfmetrics.getFont(font_name)
    data = glyphs.__shapeData__
    prepared: list[Glyph] = []
    for subset, codes in font.splitString(glyphs, doc):
        for code in codes:
            shape = data[len(prepared)]
            prepared.append(
                Glyph(
                    subset,
                    code,
                    -shape.x_offset,
                    shape.width - shape.x_advance + shape.x_offset,
                    size * shape.y_offset / 1000,
                )
            )
    cluster_ends = frozenset(ends)
    return Word(tuple(prepared), cluster_ends, _array(tuple(prepared), cluster_ends))


class TextWriter:
    """Operators of one text object (BT … ET) built from prepared words."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.parts: list[str] = ["BT"]
        self.font: tuple[str, int] | None = None
        self.size = 0.0
        self.rise = 0.0

    def word(self, word: Word, font_name: str, size: float, x: float, y: float, spread_pt: float) -> None:
        """The word with its first glyph's origin at (x, y), `spread_pt` points added after each
        of its grapheme clusters but the last."""
        self.parts.append(f"1 0 0 1 {fp_str(x)} {fp_str(y)} Tm")
        extra = spread_pt * 1000 / size
        if word.array is not None:
            self._state(font_name, word.glyphs[0].subset, size, 0.0)
            pieces = (piece if isinstance(piece, str) else fp_str(piece - extra) for piece in word.array)
            self.parts.append(f"[{' '.join(pieces)}] TJ")
            return
        array: list[str] = []
        run = bytearray()
        pending = 0.0
        for index, glyph in enumerate(word.glyphs):
            if (font_name, glyph.subset) != self.font or size != self.size or glyph.rise != self.rise:
                pending = self._flush(array, run, pending)
                self._state(font_name, glyph.subset, size, glyph.rise)
            pending += glyph.before
            if pending:
                if run:
                    array.append(f"({escapePDF(bytes(run))})")
                    run.clear()
                array.append(fp_str(pending))
            run.append(glyph.code)
            pending = glyph.after - (extra if index in word.cluster_ends else 0.0)
        self._flush(array, run, 0.0)
        if self.rise:
            self.parts.append("0 Ts")
            self.rise = 0.0

    def _flush(self, array: list[str], run: bytearray, pending: float) -> float:
        """End the TJ array being built; what was pending moves to the next array's start."""
        if run:
            array.append(f"({escapePDF(bytes(run))})")
            run.clear()
        if array:
            self.parts.append(f"[{' '.join(array)}] TJ" if len(array) > 1 else f"{array[0]} Tj")
            array.clear()
        return pending

    def _state(self, font_name: str, subset: int, size: float, rise: float) -> None:
        if (font_name, subset) != self.font or size != self.size:
            font = pdfmetrics.getFont(font_name)
            self.parts.append(f"{font.getSubsetInternalName(subset, self.doc)} {fp_str(size)} Tf")
            self.font, self.size = (font_name, subset), size
        if rise != self.rise:
            self.parts.append(f"{fp_str(rise)} Ts")
            self.rise = rise

    def code(self) -> str:
        return " ".join([*self.parts, "ET"])
