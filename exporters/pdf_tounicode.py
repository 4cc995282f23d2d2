"""The PDF fonts' glyph-to-text maps (ToUnicode) for the glyphs Thai shaping brings in.

HarfBuzz replaces a tone mark over a tall vowel or a tall consonant by a raised or shifted
alternate (`ปู่`, `ผู้ใหญ่`). ReportLab writes each glyph's code in its font's cmap into the font's
ToUnicode map, and TH Sarabun New (like most Thai fonts) keeps these alternates in the Private
Use Area (U+F700-U+F71A), so every reader that reads glyphs (all but Acrobat) got a private
character where the tone mark is. Here each subset's map
is written again with the character the glyph stands for, read from its name (`uni0E48.alt1`
stands for U+0E48), leaving ReportLab's own layout of codes untouched; and a glyph drawn for other
text than its own (SARA AM's AA where its ring is drawn apart) gets a code of its own whose entry
says that text (`TextMappedTTFont.code_for`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from exporters.fonts import font_cache_entry
from models.cache import read_cached, write_cached

_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:[._].*)?$")
_U_NAME = re.compile(r"^u([0-9A-F]{4,6})(?:[._].*)?$")


def text_of_glyph_name(name: str) -> str | None:
    """The characters a glyph stands for by the Adobe naming convention (`uni0E48.alt1`, `uni0E4D0E32`,
    `u1F600`), or None for a name that does not say."""
    match = _UNI_NAME.match(name)
    if match:
        hexes = match.group(1)
        return "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
    match = _U_NAME.match(name)
    return chr(int(match.group(1), 16)) if match else None


@cache
def glyph_names(path: str) -> tuple[str, ...]:
    """The font's glyph names, by glyph id."""
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415

    with FontFile(path, lazy=True) as font:
        return tuple(font.getGlyphOrder())


_PRIVATE_USE_VERSION = 1  # of the cached form: a change to what is read asks the file again


@cache
def private_use_texts(path: str) -> dict[int, str]:
    """For each Private Use Area code point of the font's cmap, the text its glyph stands for;
    kept in the cache folder per font file (fontTools loads only when it is not there)."""
    name, key = font_cache_entry(path, "private-use", _PRIVATE_USE_VERSION)
    try:
        stored = json.loads(read_cached(name, key) or b"null")
        return {int(code): str(text) for code, text in stored.items()}
    except (ValueError, TypeError, AttributeError):
        texts = _read_private_use_texts(path)
        write_cached(name, key, json.dumps(texts).encode())
        return texts


def _read_private_use_texts(path: str) -> dict[int, str]:
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415

    with FontFile(path, lazy=True) as font:
        cmap = font["cmap"].getBestCmap()
    texts = {}
    for code, name in cmap.items():
        if 0xE000 <= code <= 0xF8FF:
            text = text_of_glyph_name(name)
            if text is not None:
                texts[code] = text
    return texts


def to_unicode_cmap(font_name: str, subset: list[int], texts: dict[int, str]) -> str:
    """ReportLab's ToUnicode CMap for one subset, with private code points replaced by the text
    their glyphs stand for (several UTF-16 units where a glyph stands for several characters)."""

    def target(code: int) -> str:
        text = texts.get(code, chr(code))
        return "".join(f"{unit:04X}" for unit in _utf16(text))

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{target(code)}>" for index, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


# Codes of glyphs drawn for another text than their own (`TextMappedTTFont.code_for`): the
# Supplementary Private Use Area-A, which no Thai font's cmap uses.
VIRTUAL_CODES = 0xF0000


class TextMappedTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type hints
    """ReportLab's TrueType font whose subsets' ToUnicode maps give each glyph the text it stands
    for: a shaped alternate's character, not its private code point, and, through codes of its
    own, a glyph drawn for other text than its own (SARA AM's ring and its AA)."""

    def __init__(self, name: str, path: Path, **options: Any) -> None:
        super().__init__(name, str(path), **options)
        self.path = str(path)
        self.texts = dict(private_use_texts(self.path))
        self.virtual: dict[tuple[int, str, float | None], int] = {}

    def text_of(self, code: int) -> str:
        """What the glyph of a code (as ReportLab's shaping assigns them) stands for."""
        if code < 0xE000:  # a character of the font's cmap below the private ones: itself
            return chr(code)
        text = self.texts.get(code)
        if text is not None:
            return text
        if 0xE000 <= code <= 0xF8FF and code in self.face.charToGlyph:
            # a glyph HarfBuzz brought in that the cmap lacks: ReportLab gave it a private code
            named = text_of_glyph_name(glyph_names(self.path)[self.face.charToGlyph[code]])
            if named is not None:
                self.texts[code] = named
                return named
        return chr(code)

    def code_for(self, code: int, text: str, width: float | None = None) -> int:
        """A code drawing the glyph of `code` that readers read as `text` (which may be empty)
        and whose advance in the PDF is `width` (thousandths of the size; None: the glyph's
        own): the code itself where it is so, else a code of its own."""
        own_width = self.face.charWidths[code]
        if width == own_width:
            width = None
        if self.text_of(code) == text and width is None:
            return code
        virtual = self.virtual.get((code, text, width))
        if virtual is None:
            virtual = self.virtual[code, text, width] = VIRTUAL_CODES + len(self.virtual)
            self.face.charToGlyph[virtual] = self.face.charToGlyph[code]
            self.face.charWidths[virtual] = own_width if width is None else width
            self.texts[virtual] = text
        return virtual

    def addObjects(self, doc: Any) -> None:  # noqa: N802  (ReportLab's name)
        subsets = [list(subset) for subset in self.state[doc].subsets]  # ReportLab drops its state
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None and any(self.text_of(code) != chr(code) for code in subset):
                stream.content = to_unicode_cmap(base, subset, {code: self.text_of(code) for code in subset})
