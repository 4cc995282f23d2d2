"""Shaped Thai words written as PDF text operators, once per word and document, readable.

ReportLab's text object formats every glyph of every word it draws again (grouping, number
formatting and escaping in Python: 40% of a large meeting's PDF). A word's glyphs are the same
wherever it stands, so here each distinct word is turned, once per document, into its glyph codes
in the font's subsets and the adjustments that put each glyph where HarfBuzz placed it; drawing a
word is then joining prepared pieces, with a justified line's spread added after each grapheme
cluster.

Readers that read glyphs (all but Acrobat's ActualText) take the text in the order glyphs are
written, each glyph as its ToUnicode entry says. HarfBuzz's order is the drawing order (`น้ำ`:
น ◌ํ ◌้ า, SARA AM's ring before the tone mark), so each cluster's glyphs are written here in
the order of the characters they stand for, each still at its own place (explicit TJ
adjustments: the page looks the same). SARA AM, split by HarfBuzz into ring and AA, is written as
the font's SARA AM glyph where that draws the same; where the font shifts the ring (after
ป ฝ ฟ), the AA reads as SARA AM and the ring is drawn as a filled outline, which no reader reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

from exporters.fonts import font_cache_entry
from models.cache import read_cached, write_cached

SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"


@dataclass(frozen=True)
class Glyph:
    subset: int
    code: int
    # The TJ adjustment before the glyph, in thousandths of the size: `shift`, less a justified
    # line's spread times `steps` (the grapheme-cluster ends between it and the glyph before).
    shift: float
    steps: int
    rise: float  # points above the baseline


@dataclass(frozen=True)
class Outline:
    """A glyph drawn as a filled path, not as text, because no reader must read anything from
    it: SARA AM's ring where the font's SARA AM glyph cannot stand in for ring and AA."""

    operators: str  # the path in font units, filled
    units_per_em: int
    place: float  # from the word's origin, in thousandths of the size
    steps: int  # grapheme-cluster ends before it (each moves it by a justified line's spread)
    rise: float


@dataclass(frozen=True)
class Space:
    """A space glyph written before a word, at the start of the gap between it and the word
    before."""

    subset: int
    code: int
    advance: float  # the glyph's own, in thousandths of the size
    gap_pt: float


# A TJ array's piece: glyph codes (formatted), or an adjustment (shift, steps) that depends on
# the spread a justified line gives the word (the steps are rarely other than 0 or 1).
Piece = str | tuple[float, int]


@dataclass(frozen=True)
class Word:
    """A shaped word ready to write: its glyphs in the order of the text they stand for, each
    at the place HarfBuzz gave it."""

    glyphs: tuple[Glyph, ...]
    outlines: tuple[Outline, ...] = ()
    # For a word with a mark (a glyph of no advance): its text as an ActualText string's UTF-16
    # hex, without the byte-order mark (see `TextWriter.word`); None for any other word.
    actual: str | None = None
    # For a word in one subset and on the baseline (nearly all): its TJ array as pieces, glyph
    # runs and fixed adjustments formatted. None for any other word.
    array: tuple[Piece, ...] | None = None


def _array(glyphs: tuple[Glyph, ...]) -> tuple[Piece, ...] | None:
    if not glyphs or len({(g.subset, g.rise) for g in glyphs}) > 1 or glyphs[0].rise:
        return None
    pieces: list[Piece] = []
    run = bytearray()
    for glyph in glyphs:
        if glyph.shift or glyph.steps:
            if run:
                pieces.append(f"({escapePDF(bytes(run))})")
                run.clear()
            pieces.append((glyph.shift, glyph.steps) if glyph.steps else fp_str(glyph.shift))
        run.append(glyph.code)
    pieces.append(f"({escapePDF(bytes(run))})")
    return tuple(pieces)


def reading_order(text: str, glyph_texts: list[str], clusters: list[int]) -> list[tuple[int, str]]:
    """The glyphs (by index) in the order of the text they stand for, each with the text a
    reader should get from it, so that reading the glyphs in that order gives `text` back.

    HarfBuzz keeps each cluster's glyphs in drawing order: a mark's alternate comes where its
    base's shape needs it, and SARA AM is split into its ring, put before any tone mark, and its
    AA (`น้ำ` is drawn น ◌ํ ◌้ า). Within each cluster the glyphs are matched to the cluster's
    characters in order; SARA AM's ring reads as nothing and its AA as SARA AM. A cluster whose
    glyphs cannot be matched (a ligature, a glyph without a name) reads as a whole from its
    first glyph. A glyph that reads as nothing is drawn as its outline (`prepare`)."""
    order: list[tuple[int, str]] = []
    start = 0
    while start < len(glyph_texts):
        end = start
        while end < len(glyph_texts) and clusters[end] == clusters[start]:
            end += 1
        following = [c for c in clusters[end:] if c > clusters[start]]
        source = text[clusters[start] : min(following, default=len(text))]
        order.extend(_cluster_order(source, range(start, end), glyph_texts))
        start = end
    return order


def _cluster_order(source: str, indexes: range, glyph_texts: list[str]) -> list[tuple[int, str]]:
    """The cluster's glyphs in reading order with their texts: each glyph's characters (a
    ligature's several) are matched to the cluster's, SARA AM standing for its ring and its AA."""
    whole = [(indexes[0], source), *((index, "") for index in indexes[1:])]
    units: list[tuple[str, str]] = []  # (character, part of SARA AM: "", "ring" or "aa")
    for char in source:
        units.extend([(NIKHAHIT, "ring"), (SARA_AA, "aa")] if char == SARA_AM else [(char, "")])
    free = list(range(len(units)))
    covered: dict[int, list[int]] = {}
    for index in indexes:
        taken = []
        for char in glyph_texts[index]:
            unit = next((u for u in free if units[u][0] == char), None)
            if unit is None:
                return whole
            free.remove(unit)
            taken.append(unit)
        if not taken:
            return whole
        covered[index] = sorted(taken)
    if free:
        return whole

    def reading(index: int) -> str:
        # a ring reads with its AA, as SARA AM; a glyph holding only a ring reads as nothing
        return "".join(
            SARA_AM if units[u][1] == "aa" else units[u][0] for u in covered[index] if units[u][1] != "ring"
        )

    return [(index, reading(index)) for index in sorted(indexes, key=lambda i: covered[i][0])]


@dataclass(frozen=True)
class _Drawn:
    index: int  # the HarfBuzz glyph
    code: int  # the code drawing it (ReportLab's code of the glyph, or SARA AM's for ring + AA)
    text: str  # what a reader gets from it; empty for a glyph drawn as an outline


def prepare(
    text: str, glyphs: ShapedStr, ends: tuple[int, ...], font_name: str, size: float, doc: Any
) -> Word:
    """The word's glyphs in reading order, in the document's subsets of the font (assigning codes
    to new glyphs), each placed where HarfBuzz put it."""
    font = pdfmetrics.getFont(font_name)
    data = glyphs.__shapeData__
    codes = [ord(char) for char in str(glyphs)]
    places: list[float] = []  # where each glyph is drawn, from the word's origin
    pen = 0.0
    for shape in data:
        places.append(pen + shape.x_offset)
        pen += shape.x_advance
    steps_before = [0] * len(data)  # cluster ends before each glyph: its share of the spread
    for index in range(1, len(data)):
        steps_before[index] = steps_before[index - 1] + (index - 1 in ends)
    texts = [font.text_of(code) for code in codes]
    if "".join(texts) == text:  # most words: HarfBuzz's order is already the text's
        drawn = [
            _Drawn(index, code, reader) for index, (code, reader) in enumerate(zip(codes, texts, strict=True))
        ]
    else:
        order = reading_order(text, texts, [shape.cluster for shape in data])
        drawn = [_Drawn(index, codes[index], reader) for index, reader in order]
        if SARA_AM in text:
            drawn = _with_sara_am(font, drawn, places, data)
    if any(data[d.index].y_offset for d in drawn):
        drawn = _on_the_baseline(drawn, data)
    as_text = [d for d in drawn if d.text]
    # A glyph HarfBuzz gives no advance and draws where the pen is (a joiner drawn as a space)
    # gets a code of no width, so that no reader sees it reach over the glyph after it. (A
    # monospaced font's mark, drawn back over its base, keeps its width: its box is the base's.)
    widths = [0.0 if data[d.index].x_advance == 0 and data[d.index].x_offset == 0 else None for d in as_text]
    codes_drawn = [font.code_for(d.code, d.text, width) for d, width in zip(as_text, widths, strict=True)]
    ordered = "".join(map(chr, codes_drawn))
    subset_codes = [(subset, code) for subset, chunk in font.splitString(ordered, doc) for code in chunk]
    prepared: list[Glyph] = []
    pen, pen_steps = 0.0, 0
    for d, drawn_code, (subset, code) in zip(as_text, codes_drawn, subset_codes, strict=True):
        i = d.index
        shift, steps = pen - places[i], steps_before[i] - pen_steps
        prepared.append(Glyph(subset, code, shift, steps, size * data[i].y_offset / 1000))
        pen, pen_steps = places[i] + font.face.charWidths[drawn_code], steps_before[i]
    outlines = tuple(
        Outline(
            *glyph_outline(font.path, font.face.charToGlyph[d.code]),
            places[d.index],
            steps_before[d.index],
            size * data[d.index].y_offset / 1000,
        )
        for d in drawn
        if not d.text
    )
    # poppler's layout reading parts a word at a glyph of no advance or one drawn back over the
    # glyph before; such a word carries its text as ActualText (see `TextWriter.word`)
    overlapping = any(width == 0 for width in widths) or any(glyph.shift < 0 for glyph in prepared[1:])
    actual = text.encode("utf-16-be").hex().upper() if overlapping else None
    return Word(tuple(prepared), outlines, actual, _array(tuple(prepared)))


def _on_the_baseline(drawn: list[_Drawn], data: list[Any]) -> list[_Drawn]:
    """Glyphs a font raises or lowers (Kinnari's and Garuda's marks) as outlines, their text read
    from the glyph before them (or after, for a word's first): a word then stays one TJ array on
    its baseline, which every reader, and an ActualText span over it, takes whole (PDFium parted
    a word whose marks had a text rise of their own, and read an ActualText over several text
    operators twice)."""
    result = list(drawn)
    carried = ""
    last_text: int | None = None
    for position, d in enumerate(drawn):
        if d.text and data[d.index].y_offset:
            if last_text is not None:
                before = result[last_text]
                result[last_text] = _Drawn(before.index, before.code, before.text + d.text)
            else:
                carried += d.text
            result[position] = _Drawn(d.index, d.code, "")
        elif d.text:
            if carried:
                result[position] = _Drawn(d.index, d.code, carried + d.text)
                carried = ""
            last_text = position
    if carried:  # nothing on the baseline: the first glyph keeps the text
        first = drawn[0]
        result[0] = _Drawn(first.index, first.code, carried)
    return result


def _with_sara_am(font: Any, drawn: list[_Drawn], places: list[float], data: list[Any]) -> list[_Drawn]:
    """Each SARA AM's ring and AA as the font's SARA AM glyph where that draws the same (the ring
    unshifted, over the AA's place), so the text reads SARA AM from one glyph; elsewhere the
    ring stays an outline beside an AA that reads as SARA AM."""
    joined: list[_Drawn] = []
    for d in drawn:
        ring = joined[-1] if joined else None
        if (
            d.text == SARA_AM
            and ring is not None
            and not ring.text
            and (ring.code, d.code) == (ord(NIKHAHIT), ord(SARA_AA))
            and places[ring.index] == places[d.index]
            and data[ring.index].y_offset == data[d.index].y_offset == 0
            and sara_am_is_ring_and_aa(font.path)
            and ord(SARA_AM) in font.face.charToGlyph
        ):
            joined[-1] = _Drawn(d.index, ord(SARA_AM), SARA_AM)
        else:
            joined.append(d)
    return joined


@cache
def sara_am_is_ring_and_aa(path: str) -> bool:
    """Whether the font's SARA AM glyph draws exactly its NIKHAHIT and its AA at one origin; the
    answer kept in the cache folder per font file (reading the outlines took 9 ms a font)."""
    name, key = font_cache_entry(path, "sara-am", _SARA_AM_CHECK)
    cached = read_cached(name, key)
    if cached in (b"yes", b"no"):
        return cached == b"yes"
    answer = _draws_ring_and_aa(path)
    write_cached(name, key, b"yes" if answer else b"no")
    return answer


_SARA_AM_CHECK = 1  # the cached answers' version: a change to the check below asks again


def _draws_ring_and_aa(path: str) -> bool:
    from fontTools.pens.recordingPen import DecomposingRecordingPen  # noqa: PLC0415  (when not cached)
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415

    with FontFile(path, lazy=True) as font:
        cmap = font.getBestCmap()
        names = [cmap.get(ord(char)) for char in (SARA_AM, NIKHAHIT, SARA_AA)]
        if None in names:
            return False
        glyphs = font.getGlyphSet()
        drawings = []
        for name in names:
            pen = DecomposingRecordingPen(glyphs)
            glyphs[name].draw(pen)
            drawings.append(pen.value)
        advances = [font["hmtx"][name][0] for name in names]
    same_outlines = sorted(map(repr, drawings[0])) == sorted(map(repr, drawings[1] + drawings[2]))
    return same_outlines and advances[0] == advances[2]


@cache
def glyph_outline(path: str, glyph: int) -> tuple[str, int]:
    """A glyph's outline as PDF path operators in font units, and the font's units per em (for
    the few glyphs drawn as paths; fontTools loads only then)."""
    from exporters.pdf_outlines import pdf_path_of_glyph  # noqa: PLC0415

    return pdf_path_of_glyph(path, glyph)


NARROW_SPACE_STEP = 25  # thousandths of the size: the narrow spaces' widths (few codes)


def narrow_space(font_name: str, width: float, doc: Any) -> tuple[int, int]:
    """The subset and code of a space `width` thousandths of the size wide (see
    `exporters.pdf_text._space`)."""
    font = pdfmetrics.getFont(font_name)
    code = font.code_for(ord(" "), " ", width)
    subset, codes = font.splitString(chr(code), doc)[0]
    return subset, codes[0]


class TextWriter:
    """Operators of one text object (BT … ET) built from prepared words."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.parts: list[str] = ["BT"]
        self.outlines: list[str] = []  # paths, drawn after the text object
        self.font: tuple[str, int] | None = None
        self.size = 0.0
        self.rise = 0.0

    def word(
        self,
        word: Word,
        font_name: str,
        size: float,
        x: float,
        y: float,
        spread_pt: float,
        space: Space | None = None,
    ) -> None:
        """The word with its origin at (x, y), `spread_pt` points added after each of its
        grapheme clusters but the last; after the space glyph, if given, which then starts the
        gap before the word (in the word's own TJ array where both are in one subset: PDFium
        reads a space only from an array that holds more than spaces)."""
        start = x - space.gap_pt if space else x
        self.parts.append(f"1 0 0 1 {fp_str(start)} {fp_str(y)} Tm")
        extra = spread_pt * 1000 / size
        for outline in word.outlines:
            scale = size / outline.units_per_em
            left = x + outline.place * size / 1000 + spread_pt * outline.steps
            self.outlines.append(
                f"q {fp_str(scale)} 0 0 {fp_str(scale)} {fp_str(left)} {fp_str(y + outline.rise)} cm "
                f"{outline.operators} Q"
            )
        glyphs = word.glyphs
        lead: list[str] = []
        if space is not None:
            to_word = space.advance - space.gap_pt * 1000 / size  # from the space's end to the word
            if word.array is not None and space.subset == glyphs[0].subset:
                lead = [f"({escapePDF(bytes([space.code]))})", fp_str(to_word)]
            else:
                glyphs = (Glyph(space.subset, space.code, 0.0, 0, 0.0), *self._after(glyphs, to_word))
        if word.array is None or glyphs is not word.glyphs:
            # several text operators (a change of subset or of rise): no ActualText over them,
            # which PDFium would read twice or squeeze into the first operator's place
            self._write(glyphs, font_name, size, extra)
            return
        if word.actual is not None:
            # poppler's reading of a page's layout (Evince's and Okular's copy, `pdftotext`) ends
            # a word after each glyph of no advance and parts it with a space where a justified
            # line spreads it; a span with the word's text has it read the word whole. Its
            # leading space stays inside (PDFium drops a space standing alone in its object).
            actual = ("0020" if space else "") + word.actual
            self.parts.append(f"/Span <</ActualText <FEFF{actual}>>> BDC")
        self._state(font_name, glyphs[0].subset, size, 0.0)
        pieces = (
            piece if isinstance(piece, str) else fp_str(piece[0] - extra * piece[1]) for piece in word.array
        )
        self.parts.append(f"[{' '.join([*lead, *pieces])}] TJ")
        if word.actual is not None:
            self.parts.append("EMC")

    def _write(self, glyphs: tuple[Glyph, ...], font_name: str, size: float, extra: float) -> None:
        """Glyphs in TJ arrays, a new one where the subset or the rise changes."""
        array: list[str] = []
        run = bytearray()
        for glyph in glyphs:
            if (font_name, glyph.subset) != self.font or size != self.size or glyph.rise != self.rise:
                self._flush(array, run)
                self._state(font_name, glyph.subset, size, glyph.rise)
            adjustment = glyph.shift - extra * glyph.steps
            if adjustment:
                if run:
                    array.append(f"({escapePDF(bytes(run))})")
                    run.clear()
                array.append(fp_str(adjustment))
            run.append(glyph.code)
        self._flush(array, run)
        if self.rise:
            self.parts.append("0 Ts")
            self.rise = 0.0

    @staticmethod
    def _after(glyphs: tuple[Glyph, ...], shift: float) -> tuple[Glyph, ...]:
        """The glyphs with `shift` more before the first."""
        first = glyphs[0]
        return (Glyph(first.subset, first.code, first.shift + shift, first.steps, first.rise), *glyphs[1:])

    def _flush(self, array: list[str], run: bytearray) -> None:
        """End the TJ array being built."""
        if run:
            array.append(f"({escapePDF(bytes(run))})")
            run.clear()
        if array:
            self.parts.append(f"[{' '.join(array)}] TJ" if len(array) > 1 else f"{array[0]} Tj")
            array.clear()

    def _state(self, font_name: str, subset: int, size: float, rise: float) -> None:
        if (font_name, subset) != self.font or size != self.size:
            font = pdfmetrics.getFont(font_name)
            self.parts.append(f"{font.getSubsetInternalName(subset, self.doc)} {fp_str(size)} Tf")
            self.font, self.size = (font_name, subset), size
        if rise != self.rise:
            self.parts.append(f"{fp_str(rise)} Ts")
            self.rise = rise

    def code(self) -> str:
        return " ".join([*self.parts, "ET", *self.outlines])
