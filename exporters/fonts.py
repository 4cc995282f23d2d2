"""Fonts: the bundled Sarabun (SIL OFL 1.1) and text measurement with its metrics.

Sarabun has the advance widths of the TH Sarabun family the offices use (a line of Thai measures
the same in both), so measuring with the bundled files lays out table and roster columns right
whichever of the two the reader's Word or the PDF finally uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from models.paths import RESOURCES

FONT_FOLDER = RESOURCES / "fonts"
BUNDLED_FAMILY = "Sarabun"
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


# --- fonts for the PDF ----------------------------------------------------------------------


def _font_folders() -> list[Path]:
    home = Path.home()
    folders = [
        home / ".fonts",
        home / ".local/share/fonts",
        home / "Library/Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path("/Library/Fonts"),
    ]
    windows = os.environ.get("WINDIR")
    if windows:
        folders.append(Path(windows) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft/Windows/Fonts")
    return [folder for folder in folders if folder.is_dir()]


def _squeezed(name: str) -> str:
    return "".join(char for char in name.lower() if char.isalnum())


def find_system_font(family: str) -> tuple[Path, Path] | None:
    """The regular and bold TrueType files of an installed family (`TH Sarabun New` finds
    `THSarabunNew.ttf` and `THSarabunNew Bold.ttf`), or None."""
    wanted = _squeezed(family)
    regular = bold = None
    for folder in _font_folders():
        for path in folder.rglob("*"):
            if path.suffix.lower() != ".ttf":
                continue
            stem = _squeezed(path.stem)
            if stem in (wanted, wanted + "regular") and regular is None:
                regular = path
            elif stem == wanted + "bold" and bold is None:
                bold = path
    return (regular, bold or regular) if regular else None


@dataclass(frozen=True)
class PdfFonts:
    """Fonts registered with ReportLab for one family, with HarfBuzz shaping on."""

    family: str
    regular: str
    bold: str
    ascent: float  # above the baseline, per 1000 units of the font size
    descent: float  # below the baseline (positive), per 1000
    files: tuple[Path, Path]

    def name(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def leading(self, size_pt: float) -> float:
        return (self.ascent + self.descent) * size_pt / 1000


@cache
def pdf_fonts(family: str) -> PdfFonts:
    """The family for the PDF: an installed TH Sarabun (or the font named) when found, else the
    bundled Sarabun, which has the same design and widths."""
    found = None if _squeezed(family) == _squeezed(BUNDLED_FAMILY) else find_system_font(family)
    files = found or (bundled_font_file(False), bundled_font_file(True))
    used = family if found else BUNDLED_FAMILY
    names = []
    for weight, path in zip(("regular", "bold"), files, strict=True):
        name = f"tm-{_squeezed(used)}-{weight}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), shapable=True))
        names.append(name)
    face = pdfmetrics.getFont(names[0]).face
    return PdfFonts(used, names[0], names[1], float(face.ascent), float(-face.descent), files)
