"""Fonts: which files stand for the family a document names, and measurement with them.

The DOCX names a family (`TH Sarabun New` unless the clerk chose another); the PDF embeds a file
of that family when the machine has one installed, found by the family name written inside the
font files (an installed `THSarabun.ttf` is TH SarabunPSK), else the bundled TH Sarabun New.
`--font Sarabun` chooses the bundled Google Sarabun, a redrawing with wider letters.

Everything that decides a width — columns, table sizes, the roster, signature leaders, the
letter's blocks — measures with the same files the PDF embeds, so a layout made for TH Sarabun
New is never computed with another font's metrics. Line pitch is Word's "single" spacing for the
font (`word_line_metrics`), so the PDF paginates as Word does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from models.cache import read_cached, source_key, write_cached
from models.paths import RESOURCES, cache_folder

FONT_FOLDER = RESOURCES / "fonts"
BUNDLED_FAMILY = "TH Sarabun New"
SARABUN = "Sarabun"  # Google's redrawing, bundled too; a choice, never a fallback
BUNDLED_FILES = {
    BUNDLED_FAMILY: ("THSarabunNew.ttf", "THSarabunNew-Bold.ttf"),
    SARABUN: ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"),
}
_POINTS_PER_CM = 72 / 2.54

Measure = Callable[[str, bool], float]
"""Width in centimetres of a text, regular or bold, at the layout's size."""


def _squeezed(name: str) -> str:
    return "".join(char for char in name.lower() if char.isalnum())


# --- installed fonts, by the family name inside the files ------------------------------------


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


def _font_files() -> Iterator[Path]:
    for folder in _font_folders():
        for path in folder.rglob("*"):
            if path.suffix.lower() == ".ttf" and path.is_file():
                yield path


@dataclass(frozen=True)
class FaceName:
    family: str  # squeezed: "thsarabunnew"
    bold: bool
    italic: bool


_STYLE_WORDS = ("bolditalic", "italic", "bold", "regular", "normal", "book")


def face_name(path: Path) -> FaceName | None:
    """The family and style a TrueType file declares in its name table (None when it cannot be
    read). TH Sarabun New's bold file calls its family `THSarabunNew-Bold`: a style word at the
    end of a family name is taken as the style."""
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415  (read only when not indexed)
    from fontTools.ttLib import TTLibError  # noqa: PLC0415

    try:
        with FontFile(path, lazy=True, fontNumber=0) as font:
            names = font["name"]
            family = names.getBestFamilyName() or ""
            style = names.getBestSubFamilyName() or ""
            mac_style = font["head"].macStyle
    except (TTLibError, OSError, KeyError, ValueError, AssertionError):
        return None
    squeezed = _squeezed(family)
    for word in _STYLE_WORDS:
        if squeezed.endswith(word) and len(squeezed) > len(word):
            squeezed = squeezed.removesuffix(word)
            break
    style_words = _squeezed(style)
    bold = "bold" in style_words or bool(mac_style & 1) or _squeezed(family).endswith(("bold", "bolditalic"))
    italic = "italic" in style_words or "oblique" in style_words or bool(mac_style & 2)
    return FaceName(squeezed, bold, italic)


def find_system_font(family: str) -> tuple[Path, Path] | None:
    """The regular and bold TrueType files of an installed family, found by the family name the
    files declare (`TH SarabunPSK` finds `THSarabun.ttf` and `THSarabun Bold.ttf`), or None.

    Files whose name looks like the family are read first; the rest only when those fail, since
    a Windows machine has hundreds of fonts. What a file declares is kept in the font index, so
    a later export reads only files that are new or changed."""
    wanted = _squeezed(family)
    if not wanted:
        return None
    files = list(_font_files())
    likely = [path for path in files if _squeezed(path.stem)[:3] == wanted[:3]]
    index = FontIndex.load()
    found = _faces_of(wanted, likely, index)
    if found is None:
        found = _faces_of(wanted, [path for path in files if path not in set(likely)], index)
    index.save()
    return found


def _faces_of(wanted: str, paths: list[Path], index: FontIndex) -> tuple[Path, Path] | None:
    regular = bold = None
    for path in sorted(paths):
        face = index.face(path)
        if face is None or face.family != wanted or face.italic:
            continue
        if face.bold:
            bold = bold or path
        else:
            regular = regular or path
    return (regular, bold or regular) if regular else None


class FontIndex:
    """The family and style of each installed font file, by path, size and modification time, in
    the cache folder: reading the name tables of every installed font took 45 ms of every export
    on a machine without TH Sarabun New (and far more on one with hundreds of fonts). The index
    is only a cache: one that cannot be read is rebuilt, one that cannot be written is skipped."""

    VERSION = 1

    def __init__(self, path: Path, entries: dict[str, list[object]]) -> None:
        self.path = path
        self.entries = entries
        self.changed = False

    @classmethod
    def load(cls) -> FontIndex:
        path = cache_folder() / "fonts.json"
        try:
            stored = json.loads(path.read_text("utf-8"))
            entries = stored["fonts"] if stored.get("version") == cls.VERSION else {}
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            entries = {}
        return cls(path, entries if isinstance(entries, dict) else {})

    def face(self, path: Path) -> FaceName | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp: list[object] = [stat.st_size, stat.st_mtime_ns]
        entry = self.entries.get(str(path))
        if isinstance(entry, list) and entry[:2] == stamp:
            return _face_from(entry[2:])
        face = face_name(path)
        self.entries[str(path)] = stamp + ([face.family, face.bold, face.italic] if face else [])
        self.changed = True
        return face

    def save(self) -> None:
        if not self.changed:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps({"version": self.VERSION, "fonts": self.entries}), "utf-8")
            temporary.replace(self.path)
        except OSError:
            temporary.unlink(missing_ok=True)


def _face_from(stored: list[object]) -> FaceName | None:
    if len(stored) != 3:
        return None
    family, bold, italic = stored
    if not isinstance(family, str) or not isinstance(bold, bool) or not isinstance(italic, bool):
        return None
    return FaceName(family, bold, italic)


# --- the family a document is set in ---------------------------------------------------------


@dataclass(frozen=True)
class VerticalMetrics:
    """Per em of the font size: where the baseline sits below a line's top, and the line pitch
    of Word's single spacing."""

    ascent: float
    descent: float
    pitch: float


USE_TYPO_METRICS = 1 << 7  # OS/2 fsSelection: "use the typographic ascender, descender, gap"


def word_line_metrics(path: Path) -> VerticalMetrics:
    """Word (through GDI) sets a single-spaced line at the Windows ascent plus descent of the
    OS/2 table, plus the external leading GDI derives from the hhea line gap (TH Sarabun New:
    1.331 em). A font that sets USE_TYPO_METRICS (Google's Sarabun) is set by current Word, as by
    LibreOffice, at its typographic ascender, descender and line gap instead."""
    return font_measures(path).line


def _read_line_metrics(font: Any) -> VerticalMetrics:
    units = float(font["head"].unitsPerEm)
    os2, hhea = font["OS/2"], font["hhea"]
    if os2.fsSelection & USE_TYPO_METRICS:
        ascent, descent = os2.sTypoAscender, -os2.sTypoDescender
        return VerticalMetrics(ascent / units, descent / units, (ascent + descent + os2.sTypoLineGap) / units)
    height = os2.usWinAscent + os2.usWinDescent
    external = max(0, hhea.lineGap - (height - (hhea.ascent - hhea.descent)))
    return VerticalMetrics(os2.usWinAscent / units, os2.usWinDescent / units, (height + external) / units)


@dataclass(frozen=True)
class FontChoice:
    """The files that stand for a family: installed ones when found, else bundled."""

    family: str  # the family embedded in the PDF
    regular: Path
    bold: Path
    installed: bool


@cache
def choose_font(family: str) -> FontChoice:
    """Sarabun is always the bundled one; another family is the installed one when the machine
    has it, else the bundled TH Sarabun New (what the offices' fonts measure like)."""
    found = None if _squeezed(family) == _squeezed(SARABUN) else find_system_font(family)
    if found is not None:
        return FontChoice(family, found[0], found[1], installed=True)
    bundled = SARABUN if _squeezed(family) == _squeezed(SARABUN) else BUNDLED_FAMILY
    regular, bold = BUNDLED_FILES[bundled]
    return FontChoice(bundled, FONT_FOLDER / regular, FONT_FOLDER / bold, installed=False)


@dataclass(frozen=True)
class PdfFonts:
    """Fonts registered with ReportLab for one family, with HarfBuzz shaping on."""

    family: str
    regular: str
    bold: str
    metrics: VerticalMetrics
    files: tuple[Path, Path]

    def name(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def leading(self, size_pt: float) -> float:
        """Word's single line pitch at this size, in points."""
        return self.metrics.pitch * size_pt

    def ascent_pt(self, size_pt: float) -> float:
        return self.metrics.ascent * size_pt


@cache
def pdf_fonts(family: str) -> PdfFonts:
    """The family registered for the PDF (see `choose_font`)."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415  (only a PDF needs ReportLab)

    from exporters.pdf_tounicode import TextMappedTTFont  # noqa: PLC0415

    choice = choose_font(family)
    names = []
    for weight, path in (("regular", choice.regular), ("bold", choice.bold)):
        name = f"tm-{_squeezed(choice.family)}-{'installed' if choice.installed else 'bundled'}-{weight}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TextMappedTTFont(name, path, shapable=True))
        names.append(name)
    return PdfFonts(
        choice.family, names[0], names[1], word_line_metrics(choice.regular), (choice.regular, choice.bold)
    )


@dataclass(frozen=True)
class GlyphWidths:
    """The advance of each character's glyph in a font file, in thousandths of the size, as
    ReportLab's `stringWidth` measures (its widths, read here with fontTools, so that a DOCX is
    laid out without loading ReportLab and exactly as the PDF is)."""

    widths: dict[int, float]
    default: float  # the advance of glyph 0, for characters the font lacks

    def points(self, text: str, size_pt: float) -> float:
        width = self.widths.get
        return 0.001 * size_pt * sum(width(ord(char), self.default) for char in text)


def glyph_widths(path: Path) -> GlyphWidths:
    return font_measures(path).widths


@dataclass(frozen=True)
class FontMeasures:
    """What layout needs of a font file: its glyphs' advances and Word's line metrics."""

    widths: GlyphWidths
    line: VerticalMetrics


_MEASURES_VERSION = 1  # of the cached form below: a change to what is read asks the file again


@cache
def font_measures(path: Path) -> FontMeasures:
    """The font file's measures, kept in the cache folder per file (its size and time): reading
    them took fontTools' import and the file's tables, 20 ms of every export."""
    name, key = font_cache_entry(path, "measures", _MEASURES_VERSION)
    measures = _measures_from(read_cached(name, key))
    if measures is None:
        measures = _read_measures(path)
        write_cached(name, key, _measures_json(measures).encode())
    return measures


def font_cache_entry(path: Path | str, kind: str, version: int) -> tuple[str, str]:
    """The cache folder's name and key for something read from a font file (`models.cache`):
    the key changes with the file's size and time and with the version of what is read."""
    made = Path(path).stat()
    key = source_key(f"font-{kind}", version, path, made.st_size, made.st_mtime_ns)
    return f"font-{kind}-{_squeezed(Path(path).stem)}-{made.st_size}", key


def _read_measures(path: Path) -> FontMeasures:
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415  (only when not cached)

    with FontFile(path, lazy=True) as font:
        units = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        order = font.getGlyphOrder()
        cmap = font["cmap"].getBestCmap()
        line = _read_line_metrics(font)

    def scaled(advance: int) -> float:
        return advance if units == 1000 else advance * (1000 / units)

    widths = {code: scaled(advances[name][0]) for code, name in cmap.items()}
    if 0x20 in widths:  # ReportLab measures a no-break space as a space
        widths[0xA0] = widths[0x20]
    elif 0xA0 in widths:
        widths[0x20] = widths[0xA0]
    return FontMeasures(GlyphWidths(widths, scaled(advances[order[0]][0])), line)


def _measures_json(measures: FontMeasures) -> str:
    line = measures.line
    return json.dumps(
        {
            "widths": measures.widths.widths,
            "default": measures.widths.default,
            "line": [line.ascent, line.descent, line.pitch],
        }
    )


def _measures_from(body: bytes | None) -> FontMeasures | None:
    """The cached measures, or None when there are none or they are not what was written."""
    if body is None:
        return None
    try:
        stored = json.loads(body)
        widths = {int(code): float(advance) for code, advance in stored["widths"].items()}
        ascent, descent, pitch = (float(value) for value in stored["line"])
        default = float(stored["default"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return FontMeasures(GlyphWidths(widths, default), VerticalMetrics(ascent, descent, pitch))


def text_width_cm(text: str, size_pt: float, bold: bool = False, family: str = BUNDLED_FAMILY) -> float:
    """The width of a text set in the family's font (as `choose_font` resolves it)."""
    choice = choose_font(family)
    return glyph_widths(choice.bold if bold else choice.regular).points(text, size_pt) / _POINTS_PER_CM


def measure_at(size_pt: float, family: str = BUNDLED_FAMILY) -> Measure:
    return lambda text, bold: text_width_cm(text, size_pt, bold, family)
