"""Thai paragraphs for the PDF: line breaking on word boundaries, justification, shaped drawing
with a true text layer.

ReportLab breaks lines only at spaces and draws Thai marks unshaped. Here a paragraph is cut into
words with the cached PyThaiNLP segmentation (`models.thai.segment`: ๆ, ฯ and closing
punctuation already stay with the word before), each word is shaped with HarfBuzz and measured,
and lines are filled greedily, never breaking inside a word; a word longer than a whole line
breaks between a compound's dictionary words, else between its syllables, and between grapheme
clusters only where it has none (a URL). A justified line is Thai distributed, as Word's
`thaiDistribute`: its slack is spread evenly between grapheme clusters, a space taking a little
more, so that no gap reads as a space and no space balloons; marks stay on their bases. A line
that would still gape because the next word is a long compound (`เศรษฐกิจพอเพียง`) takes the
compound's first dictionary words. The last line of a paragraph is never stretched.

The text layer is the glyphs themselves, readable by every reader (poppler, PDFium, MuPDF,
pdf.js): each word's glyphs are written in the order of the text they stand for, each at the
place HarfBuzz gave it, every glyph's ToUnicode entry says its character (`exporters.pdf_glyphs`,
`exporters.pdf_tounicode`), and each space or tab of the text is a space glyph at the start of
its gap, so a reader reads the line's words and spaces and nothing between a word's letters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from exporters.compose import Align, Para, Span
from exporters.fonts import PdfFonts
from exporters.pdf_glyphs import NARROW_SPACE_STEP, Space, TextWriter, Word, narrow_space, prepare
from exporters.platypus import Flowable
from models import thai
from models.text import clean_text

# Thai distributed justification: every gap between grapheme clusters takes an equal share of
# a line's slack and a space SPACE_SHARE shares, so spaces carry a little more. When the share
# between letters would grow visible (above COMFORT_GAP_EM), spaces take more, up to
# MAX_SPACE_EM wide in all; only a line with no space left to widen spreads its letters further.
SPACE_SHARE = 2.0
COMFORT_GAP_EM = 0.035
MAX_SPACE_EM = 0.45
# A line whose letters would move this far apart breaks a long compound between its words.
LOOSE_GAP_EM = 0.055
# A line whose letters would still move further apart than this is left unjustified, as the
# official layout asks ("without visible gaps, else left-aligned"); rare in TH Sarabun New.
MAX_LETTER_GAP_EM = 0.08
DEFAULT_TAB_CM = 1.25


@lru_cache(maxsize=200_000)
def shaped(text: str, font: str, size: float) -> tuple[Any, float]:
    """The text shaped by HarfBuzz in the font, and its advance width in points."""
    glyphs = shapeStr(text, font, size, force=True)
    if isinstance(glyphs, ShapedStr):
        width = sum(data.x_advance for data in glyphs.__shapeData__) * size / 1000
    else:  # a font HarfBuzz cannot shape
        width = pdfmetrics.stringWidth(text, font, size)
    return glyphs, width


@lru_cache(maxsize=200_000)
def cluster_ends(text: str, font: str, size: float) -> tuple[int, ...]:
    """Indexes of the shaped glyphs after which a justified line may open a gap: the last glyph
    of each grapheme cluster but the text's last. HarfBuzz gives marks clusters of their own and
    merges SARA AM with what precedes it, so clusters are taken from the text and found among
    the glyphs by the source index each glyph carries."""
    glyphs = shaped(text, font, size)[0]
    data = getattr(glyphs, "__shapeData__", None)
    if not data:
        return ()
    starts = set(thai.cluster_starts(text))
    return tuple(
        index
        for index in range(len(data) - 1)
        if data[index + 1].cluster in starts and data[index + 1].cluster > data[index].cluster
    )


def spread_glyphs(text: str, font: str, size: float, spread: float) -> Any:
    """The shaped text with `spread` points added after every cluster but the last."""
    glyphs = shaped(text, font, size)[0]
    ends = cluster_ends(text, font, size)
    if not ends or not spread:
        return glyphs
    extra = spread * 1000 / size
    data = list(glyphs.__shapeData__)
    for index in ends:
        data[index] = data[index]._replace(x_advance=data[index].x_advance + extra)
    return ShapedStr(str(glyphs), data)


@dataclass(frozen=True)
class Atom:
    """A piece of one word in one weight."""

    text: str
    bold: bool


@dataclass
class Unit:
    kind: str  # "word", "space", "tab" or "break"
    atoms: list[Atom] = field(default_factory=list)
    width: float = 0.0

    @property
    def text(self) -> str:
        return "".join(atom.text for atom in self.atoms)


@dataclass
class Placed:
    x: float
    atom: Atom
    spread: float = 0.0  # points added between the atom's grapheme clusters (justification)


@dataclass
class Line:
    placed: list[Placed]
    source: str  # what the line says, for the text layer
    start: float  # where the line may start (after the indent)
    end: float  # where it must end
    used: float  # where its last word ends
    last: bool = False
    word_starts: list[int] = field(default_factory=list)  # index in `placed` of each word's first atom
    after_space: list[bool] = field(default_factory=list)  # whether each word follows a space
    after_tab: set[int] = field(default_factory=set)  # index in `placed` of each word after a tab
    justify_from: int = 0  # words before this (up to the last tab) keep their places


def units_of(spans: tuple[Span, ...], fonts: PdfFonts, size: float) -> list[Unit]:
    """The paragraph as words, spaces, tabs and forced breaks, each measured; without the
    characters a document cannot hold (a lone surrogate cannot even be written to the PDF)."""
    spans = tuple(Span(clean_text(span.text), span.bold) for span in spans)
    plain = "".join(span.text for span in spans)
    runs = _weight_runs(spans)  # (start, end, bold) of each stretch in one weight
    units: list[Unit] = []
    position = 0
    run = 0
    for piece in thai.segment(plain):
        end = position + len(piece)
        if piece.isspace():
            units.extend(_whitespace_units(piece, fonts, size))
        else:
            while runs[run][1] <= position:
                run += 1
            atoms: list[Atom] = []
            index = run
            while index < len(runs) and runs[index][0] < end:
                start, stop, bold = runs[index]
                atoms.append(Atom(plain[max(start, position) : min(stop, end)], bold))
                index += 1
            width = sum(shaped(a.text, fonts.name(a.bold), size)[1] for a in atoms)
            units.append(Unit("word", atoms, width))
        position = end
    return units


def _weight_runs(spans: tuple[Span, ...]) -> list[tuple[int, int, bool]]:
    """Where the paragraph's text is regular and where bold: neighbouring spans of one weight
    make one run, so a word is cut into atoms only where its weight changes."""
    runs: list[tuple[int, int, bool]] = []
    position = 0
    for span in spans:
        if not span.text:
            continue
        end = position + len(span.text)
        if runs and runs[-1][2] == span.bold:
            runs[-1] = (runs[-1][0], end, span.bold)
        else:
            runs.append((position, end, span.bold))
        position = end
    return runs


def _whitespace_units(piece: str, fonts: PdfFonts, size: float) -> list[Unit]:
    units = []
    for char in piece:
        if char == "\t":
            units.append(Unit("tab"))
        elif char == "\n":
            units.append(Unit("break"))
        else:
            units.append(Unit("space", [Atom(" ", False)], shaped(" ", fonts.regular, size)[1]))
    return units


def _split_long_word(unit: Unit, room: float, fonts: PdfFonts, size: float) -> list[Unit]:
    """A word wider than a whole line, cut into pieces that fit: between the dictionary words of a
    compound, else between its syllables, and between grapheme clusters only inside a syllable
    that is itself too wide (a URL)."""
    pieces: list[Unit] = []
    current: list[Atom] = []
    width = 0.0
    for atom in unit.atoms:
        for part in _parts_that_fit(atom, room, fonts, size):
            part_width = shaped(part, fonts.name(atom.bold), size)[1]
            if current and width + part_width > room:
                pieces.append(Unit("word", current, width))
                current, width = [], 0.0
            if current and current[-1].bold == atom.bold:
                current[-1] = Atom(current[-1].text + part, atom.bold)
            else:
                current.append(Atom(part, atom.bold))
            width += part_width
    if current:
        pieces.append(Unit("word", current, width))
    return pieces


def _parts_that_fit(atom: Atom, room: float, fonts: PdfFonts, size: float) -> list[str]:
    """The atom's dictionary words (a compound's parts), each too wide one as its syllables, each
    still too wide syllable as its grapheme clusters."""
    font = fonts.name(atom.bold)
    parts: list[str] = []
    for word in thai.compound_parts(atom.text):
        if shaped(word, font, size)[1] <= room:
            parts.append(word)
            continue
        for syllable in thai.word_parts(word):
            if shaped(syllable, font, size)[1] <= room:
                parts.append(syllable)
            else:
                parts.extend(thai.grapheme_clusters(syllable))
    return parts


def break_lines(para: Para, width: float, fonts: PdfFonts, size: float) -> list[Line]:
    """Fill lines greedily with whole words; positions are from the paragraph's left edge."""
    left = para.left_indent_cm * cm
    right = width - para.right_indent_cm * cm
    tab_stop = para.tab_cm * cm if para.tab_cm is not None else None
    lines: list[Line] = []
    line = _new_line(left + para.first_indent_cm * cm, right)
    space_pending: Unit | None = None
    queue = units_of(para.spans, fonts, size)
    index = 0
    while index < len(queue):
        unit = queue[index]
        index += 1
        if unit.kind == "space":
            if line.placed:
                space_pending = unit
            continue
        if unit.kind == "break":
            lines.append(_finish(line, last=True))
            line, space_pending = _new_line(left, right), None
            continue
        if unit.kind == "tab":
            line.used = _tab_position(line.used, tab_stop, line.start)
            line.source += " "
            line.justify_from = len(line.word_starts)
            line.after_tab.add(len(line.placed))
            space_pending = None
            continue
        gap = space_pending.width if space_pending else 0.0
        if line.placed and line.used + gap + unit.width > line.end:
            parts = _compound_head(para.align, line, unit, gap, fonts, size)
            if parts is not None:  # the head of a compound fills a line that would gape
                unit = parts[0]
                queue.insert(index, parts[1])
            else:
                lines.append(_finish(line, last=False))
                line, space_pending, gap = _new_line(left, right), None, 0.0
        if unit.width > line.end - line.used and not line.placed:
            if unit.width <= right - left:  # fits a whole line, only not this indented one
                lines.append(_finish(line, last=False))
                line, space_pending, gap = _new_line(left, right), None, 0.0
            else:  # wider than any line (a long URL): cut between grapheme clusters
                pieces = _split_long_word(unit, line.end - line.used, fonts, size)
                queue[index:index] = pieces[1:]
                unit = pieces[0]
        _place(line, unit, gap, space_pending is not None, fonts, size)
        space_pending = None
    lines.append(_finish(line, last=True))
    return lines


def _place(line: Line, unit: Unit, gap: float, after_space: bool, fonts: PdfFonts, size: float) -> None:
    """Put a word at the end of a line, `gap` after what is there."""
    if after_space:
        line.source += " "
    x = line.used + gap
    line.word_starts.append(len(line.placed))
    line.after_space.append(after_space)
    for atom in unit.atoms:
        line.placed.append(Placed(x, atom))
        x += shaped(atom.text, fonts.name(atom.bold), size)[1]
    line.used = x
    line.source += unit.text


def _compound_head(
    align: Align, line: Line, unit: Unit, gap: float, fonts: PdfFonts, size: float
) -> tuple[Unit, Unit] | None:
    """When a justified line would open visible gaps between its letters because the next word
    is a long compound (`เศรษฐกิจพอเพียง`), the compound's first dictionary words that fit,
    and the rest for the next line; None otherwise."""
    if align is not Align.JUSTIFY:
        return None
    plan = _plan(line, line.end - line.used, size, fonts)
    if plan is None or plan.spread.letters < LOOSE_GAP_EM * size:
        return None
    parts = thai.compound_parts(unit.text)
    room = line.end - line.used - gap
    for count in range(len(parts) - 1, 0, -1):
        head, rest = _split_unit(unit, len("".join(parts[:count])), fonts, size)
        if head.width <= room:
            return head, rest
    return None


def _split_unit(unit: Unit, offset: int, fonts: PdfFonts, size: float) -> tuple[Unit, Unit]:
    """A word cut in two at a character offset, each part measured."""
    head: list[Atom] = []
    tail: list[Atom] = []
    position = 0
    for atom in unit.atoms:
        cut = min(max(offset - position, 0), len(atom.text))
        if cut:
            head.append(Atom(atom.text[:cut], atom.bold))
        if cut < len(atom.text):
            tail.append(Atom(atom.text[cut:], atom.bold))
        position += len(atom.text)

    def measured(atoms: list[Atom]) -> Unit:
        return Unit("word", atoms, sum(shaped(a.text, fonts.name(a.bold), size)[1] for a in atoms))

    return measured(head), measured(tail)


def _new_line(start: float, end: float) -> Line:
    return Line([], "", start, end, start)


def _tab_position(x: float, tab_stop: float | None, start: float) -> float:
    if tab_stop is not None and tab_stop > x + 0.5:
        return tab_stop
    step = float(DEFAULT_TAB_CM * cm)
    return start + ((x - start) // step + 1) * step


def _finish(line: Line, last: bool) -> Line:
    line.last = last
    line.source = line.source.rstrip()
    return line


def align_line(line: Line, align: Align, size: float, fonts: PdfFonts) -> None:
    """Move the words of a finished line for its alignment."""
    slack = line.end - line.used
    if slack <= 0 or not line.placed:
        return
    if align is Align.CENTER:
        _shift(line.placed, slack / 2)
    elif align is Align.RIGHT:
        _shift(line.placed, slack)
    elif align is Align.JUSTIFY and not line.last:
        _justify(line, slack, size, fonts)


def _shift(placed: list[Placed], dx: float) -> None:
    for item in placed:
        item.x += dx


@dataclass(frozen=True)
class Spread:
    """How a justified line shares its slack: points added at each gap between grapheme
    clusters, and at each space."""

    letters: float
    spaces: float


def share_slack(slack: float, letter_gaps: int, spaces: int, size: float, space_width: float) -> Spread:
    """Thai distributed: equal shares between clusters, SPACE_SHARE of them at a space; spaces
    take more (up to MAX_SPACE_EM wide) before letters move visibly apart."""
    if letter_gaps + spaces == 0:
        return Spread(0.0, 0.0)
    letters = slack / (letter_gaps + SPACE_SHARE * spaces)
    space_extra = SPACE_SHARE * letters
    comfort = COMFORT_GAP_EM * size
    if letters > comfort and spaces:
        most = max(MAX_SPACE_EM * size - space_width, space_extra)
        space_extra = min((slack - letter_gaps * comfort) / spaces, most)
        letters = (slack - spaces * space_extra) / letter_gaps if letter_gaps else 0.0
        if not letter_gaps:
            space_extra = slack / spaces
    return Spread(letters, space_extra)


@dataclass(frozen=True)
class _JustifyPlan:
    first: int  # index in `placed` of the first atom that moves (after the last tab)
    inner: list[int]  # gaps inside each moving atom
    space_before: dict[int, bool]  # whether the atom at an index starts a word after a space
    spread: Spread


def _plan(line: Line, slack: float, size: float, fonts: PdfFonts) -> _JustifyPlan | None:
    """How the slack after the last tab would be shared between grapheme clusters and spaces."""
    first_word = line.justify_from
    if first_word >= len(line.word_starts):
        return None
    first = line.word_starts[first_word]
    space_before = {
        line.word_starts[i]: line.after_space[i] for i in range(first_word + 1, len(line.word_starts))
    }
    inner = [
        len(cluster_ends(item.atom.text, fonts.name(item.atom.bold), size)) for item in line.placed[first:]
    ]
    spaces = sum(1 for index in space_before.values() if index)
    letter_gaps = sum(inner) + (len(line.placed) - first - 1 - spaces)
    spread = share_slack(slack, letter_gaps, spaces, size, shaped(" ", fonts.regular, size)[1])
    return _JustifyPlan(first, inner, space_before, spread)


def _justify(line: Line, slack: float, size: float, fonts: PdfFonts) -> None:
    """Spread the slack after the last tab between grapheme clusters and spaces."""
    plan = _plan(line, slack, size, fonts)
    if plan is None or plan.spread.letters > MAX_LETTER_GAP_EM * size:
        return
    shift = 0.0
    for offset, item in enumerate(line.placed[plan.first :]):
        if offset:
            after_space = plan.space_before.get(plan.first + offset, False)
            shift += plan.spread.spaces if after_space else plan.spread.letters
        item.x += shift
        item.spread = plan.spread.letters
        shift += plan.inner[offset] * plan.spread.letters


@dataclass(frozen=True)
class Gap:
    """Room between two neighbouring grapheme clusters of a printed line: extra points between
    letters with no space between them, or the whole width of a space."""

    width: float
    is_space: bool


def line_gaps(line: Line, fonts: PdfFonts, size: float) -> list[Gap]:
    """The gaps a reader sees on a laid-out line (for checks and the layout benchmark)."""
    gaps: list[Gap] = []
    words_after_space = {
        start for start, after in zip(line.word_starts, line.after_space, strict=True) if after
    }
    for index, item in enumerate(line.placed):
        font = fonts.name(item.atom.bold)
        inner = len(cluster_ends(item.atom.text, font, size))
        gaps.extend(Gap(item.spread, False) for _ in range(inner))
        if index + 1 < len(line.placed):
            end = item.x + shaped(item.atom.text, font, size)[1] + inner * item.spread
            gaps.append(Gap(line.placed[index + 1].x - end, index + 1 in words_after_space))
    return gaps


def line_right(line: Line, fonts: PdfFonts, size: float) -> float:
    """Where the last glyph of a laid-out line ends."""
    return atom_end(line.placed[-1], fonts, size) if line.placed else line.start


def atom_end(item: Placed, fonts: PdfFonts, size: float) -> float:
    """Where a placed atom's last glyph ends, its justified spread included."""
    font = fonts.name(item.atom.bold)
    inner = len(cluster_ends(item.atom.text, font, size))
    return float(item.x + shaped(item.atom.text, font, size)[1] + inner * item.spread)


ANCHOR_PLACES = "thai_minutes_anchor_places"  # the canvas's {anchor: (page, top)} while a PDF is set


class ThaiParagraph(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A platypus flowable that lays out and draws one `Para`."""

    def __init__(self, para: Para, fonts: PdfFonts, size: float, lines: list[Line] | None = None) -> None:
        super().__init__()
        self.para = para
        self.fonts = fonts
        self.size = para.size_pt or size
        self.leading = fonts.leading(self.size)
        self.keep_next = para.keep_with_next  # grouped by the PDF writer, not by platypus
        self._lines = lines
        self._width = -1.0

    def getSpaceBefore(self) -> float:  # noqa: N802  (ReportLab's name)
        return self.para.space_before_pt

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or (self._width != width and self._width >= 0):
            self._lines = break_lines(self.para, width, self.fonts, self.size)
            for line in self._lines:
                align_line(line, self.para.align, self.size, self.fonts)
            self._width = width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self.lines(available_width)) * self.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self.lines(available_width)
        fit = int(available_height // self.leading)
        if fit >= len(lines):
            return [self]
        if fit < 2 or len(lines) - fit < 2:  # no single line left alone on either page
            fit = min(fit, len(lines) - 2)
            if fit < 2:
                return []
        head = ThaiParagraph(self.para, self.fonts, self.size, lines[:fit])
        tail_para = Para(**{**self.para.__dict__, "space_before_pt": 0.0})
        tail = ThaiParagraph(tail_para, self.fonts, self.size, lines[fit:])
        head._width = tail._width = available_width
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        places = getattr(canvas, ANCHOR_PLACES, None)  # kept by the PDF writer: see exporters.pdf_export
        if self.para.anchor is not None and places is not None and self.para.anchor not in places:
            # a split heading: where its first part is; the top from the page's foot, in points
            places[self.para.anchor] = (canvas.getPageNumber(), canvas.absolutePosition(0, self.height)[1])
        for index, line in enumerate(self._lines or []):
            baseline = self.height - index * self.leading - self.fonts.ascent_pt(self.size)
            draw_line(canvas, line, 0.0, baseline, self.fonts, self.size)


def draw_line(canvas: Any, line: Line, x0: float, baseline: float, fonts: PdfFonts, size: float) -> None:
    """Draw one line's shaped words, their glyphs in reading order (see `exporters.pdf_glyphs`),
    and a space glyph filling each gap the text has a space or a tab for, so that every reader
    reads the line's words and spaces, and nothing between the letters of a word."""
    if not line.placed:
        return
    writer = TextWriter(canvas._doc)
    spaced = {start for start, after in zip(line.word_starts, line.after_space, strict=True) if after}
    spaced |= line.after_tab
    for index, item in enumerate(line.placed):
        font = fonts.name(item.atom.bold)
        space = None
        if index in spaced and index:
            previous_end = atom_end(line.placed[index - 1], fonts, size)
            if item.x > previous_end:
                space = _space(canvas, font, size, item.x - previous_end)  # in the word's font: its TJ
        word = _prepared(canvas, item.atom.text, font, size)
        if word is None:  # a font HarfBuzz cannot shape
            _draw_unshaped(canvas, item, x0, baseline, font, size)
            continue
        writer.word(word, font, size, x0 + item.x, baseline, item.spread, space)
    canvas.addLiteral(writer.code())


def _space(canvas: Any, font: str, size: float, gap: float) -> Space | None:
    """The space glyph opening a gap of `gap` points (None for a font HarfBuzz cannot shape):
    in a gap narrower than the space (a tab stop just past a word, the word's font's space
    wider than the one laid out), a code of the space glyph as wide as the gap, in steps of
    NARROW_SPACE_STEP, so that the space never reaches over the word after it."""
    word = _prepared(canvas, " ", font, size)
    if word is None or len(word.glyphs) != 1:
        return None
    advance = shaped(" ", font, size)[1] * 1000 / size
    gap_units = gap * 1000 / size
    if gap_units >= advance:
        glyph = word.glyphs[0]
        return Space(glyph.subset, glyph.code, advance, gap)
    width = NARROW_SPACE_STEP * math.floor(gap_units / NARROW_SPACE_STEP)
    subset, code = narrow_space(font, width, canvas._doc)
    return Space(subset, code, width, gap)


def _prepared(canvas: Any, text: str, font: str, size: float) -> Word | None:
    """The text's glyphs ready to write, prepared once per document (the subsets are the
    document's); None for a font HarfBuzz cannot shape."""
    words = canvas.__dict__.setdefault("_thai_prepared_words", {})
    key = (text, font, size)
    if key not in words:
        glyphs = shaped(text, font, size)[0]
        words[key] = (
            prepare(text, glyphs, cluster_ends(text, font, size), font, size, canvas._doc)
            if isinstance(glyphs, ShapedStr)
            else None
        )
    word: Word | None = words[key]
    return word


def _draw_unshaped(canvas: Any, item: Placed, x0: float, baseline: float, font: str, size: float) -> None:
    text = canvas.beginText()
    text.setFont(font, size)
    text.setTextOrigin(x0 + item.x, baseline)
    text.textOut(item.atom.text)
    canvas.drawText(text)
