"""Fonts: the bundled Sarabun (SIL OFL 1.1) and text measurement with its metrics.

Sarabun has the advance widths of the TH Sarabun family the offices use (a line of Thai measures
the same in both), so measuring with the bundled files lays out table and roster columns right
whichever of the two the reader's Word or the PDF finally uses.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from models.paths import RESOURCES

FONT_FOLDER = RESOURCES / "fonts"
BUNDLED_FACES = {
    (False, False): "Sarabun-Regular.ttf",
    (True, False): "Sarabun-Bold.ttf",
    (False, True): "Sarabun-Italic.ttf",
    (True, True): "Sarabun-BoldItalic.ttf",
}
_POINTS_PER_CM = 72 / 2.54

Measure = Callable[[str, bool], float]
"""Width in centimetres of a text, regular or bold, at the layout's size."""


def bundled_font_file(bold: bool = False, italic: bool = False) -> Path:
    return FONT_FOLDER / BUNDLED_FACES[(bold, italic)]


@cache
def _metrics_font(bold: bool) -> str:
    name = f"thai-minutes-metrics-{'bold' if bold else 'regular'}"
    pdfmetrics.registerFont(TTFont(name, str(bundled_font_file(bold))))
    return name


def text_width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    return float(pdfmetrics.stringWidth(text, _metrics_font(bold), size_pt)) / _POINTS_PER_CM


def measure_at(size_pt: float) -> Measure:
    return lambda text, bold: text_width_cm(text, size_pt, bold)
