"""Glyphs drawn as paths in the PDF: a glyph's outline as PDF path operators.

Kept apart from `exporters.pdf_glyphs` so that fontTools' pens load only for the rare glyph the
text layer cannot carry as text (a mark with no character of its own).
"""

from __future__ import annotations

from typing import Any

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont as FontFile
from reportlab.lib.rl_accel import fp_str


def pdf_path_of_glyph(path: str, glyph: int) -> tuple[str, int]:
    """The glyph's outline as PDF path operators in font units, and the font's units per em."""
    with FontFile(path, lazy=True) as font:
        pen = _PdfPathPen(font.getGlyphSet())
        font.getGlyphSet()[font.getGlyphName(glyph)].draw(pen)
        return " ".join(pen.operators) + " f", font["head"].unitsPerEm


class _PdfPathPen(BasePen):  # type: ignore[misc]  # fontTools has no type hints here
    """A fontTools pen writing PDF path operators (quadratic curves as cubic ones)."""

    def __init__(self, glyph_set: Any) -> None:
        super().__init__(glyph_set)
        self.operators: list[str] = []

    def _moveTo(self, point: tuple[float, float]) -> None:  # noqa: N802  (fontTools' names)
        self.operators.append(f"{fp_str(*point)} m")

    def _lineTo(self, point: tuple[float, float]) -> None:  # noqa: N802
        self.operators.append(f"{fp_str(*point)} l")

    def _curveToOne(self, *points: tuple[float, float]) -> None:  # noqa: N802
        self.operators.append(f"{' '.join(fp_str(*point) for point in points)} c")

    def _closePath(self) -> None:  # noqa: N802
        self.operators.append("h")
