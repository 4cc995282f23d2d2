"""Layout check: the minutes of the demo meeting and of a meeting four times the Lampang size,
as our PDF prints them and as LibreOffice prints our DOCX. Not timed: it counts.

Reports, each beside its goal:
  (a) pages of our PDF minutes and of LibreOffice's rendering of our DOCX minutes, set in the
      bundled TH Sarabun New (checked with `pdffonts`): within 5% of each other;
  (b) over the justified lines of the PDF that are not a paragraph's last: the share with a
      gap of 1 pt or more between letters with no space between them (≤ 1%), with a space
      wider than 10 pt (≤ 1%), ending short of the margin by more than 0.5 pt (≤ 2%); gaps are
      counted after a line's last tab, the part justification spreads;
  (c) line breaks of the PDF that cut a word, i.e. fall inside a piece of
      `models.thai.segment` of the paragraph's text (table cells included): 0; breaks between
      the dictionary words of a compound (`เศรษฐกิจ|พอเพียง`, taken only where a justified line
      would otherwise gape) are counted apart.
The laid-out lines are the ones printed: every `ThaiParagraph` drawn while the PDF is built is
recorded, with the pieces a paragraph was split into across pages put back together. Exits 1
when a goal is missed.

    python bench/bench_layout.py [--scale 4] [--keep DIR] [--font FAMILY] [MEETING.json ...]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sized_meeting import lampang_sized, text_size
from exporters.compose import Align, Composition, Para, compose_minutes
from exporters.docx_export import write_minutes_docx
from exporters.fonts import FONT_FOLDER, PdfFonts, choose_font
from exporters.layout import DEFAULT_LAYOUT, Layout
from exporters.pdf_export import build_pdf
from exporters.pdf_text import Line, ThaiParagraph, line_gaps, line_right
from models import thai
from models.meeting import MeetingDocument
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING

PAGES_GOAL = 0.05  # LibreOffice's pages within 5% of ours
LETTER_GAP_PT = 1.0
LETTER_GAP_GOAL = 0.01
WIDE_SPACE_PT = 10.0
WIDE_SPACE_GOAL = 0.01
SHORT_PT = 0.5
SHORT_GOAL = 0.02
SHOWN = 10  # examples printed of each kind of miss
CONTEXT = 12  # characters each side of a cut word


# --- the PDF's lines as printed --------------------------------------------------------------


@dataclass
class Printed:
    """One paragraph of the composition (or table cell) with every line it was printed in."""

    para: Para
    fonts: PdfFonts
    size: float
    where: str  # "body", "footer" or "cell"
    lines: list[Line] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # the page of each line


@contextmanager
def recording(composition: Composition) -> Iterator[list[Printed]]:
    """Record every ThaiParagraph drawn while a PDF is built. A paragraph split across pages
    is drawn as pieces that point back to the whole; a repeated table header row is drawn again
    by the same objects and counted once."""
    body = {id(element) for element in composition.body}
    footer = {id(para) for para in composition.first_page_footer}
    printed: list[Printed] = []
    by_whole: dict[int, Printed] = {}
    drawn: set[int] = set()
    alive: list[ThaiParagraph] = []  # what the ids above stand for, so that none is reused
    original_draw: Callable[[ThaiParagraph], None] = ThaiParagraph.draw
    original_split: Callable[[ThaiParagraph, float, float], list[Any]] = ThaiParagraph.split

    def split(self: ThaiParagraph, width: float, height: float) -> list[Any]:
        parts = original_split(self, width, height)
        whole = getattr(self, "_bench_whole", self)
        for part in parts:
            part._bench_whole = whole
        return parts

    def draw(self: ThaiParagraph) -> None:
        if id(self) not in drawn:
            whole = cast(ThaiParagraph, getattr(self, "_bench_whole", self))
            drawn.add(id(self))
            alive.extend((self, whole))
            record = by_whole.get(id(whole))
            if record is None:
                para = whole.para
                where = "body" if id(para) in body else "footer" if id(para) in footer else "cell"
                record = Printed(para, self.fonts, self.size, where)
                by_whole[id(whole)] = record
                printed.append(record)
            lines = list(self._lines or [])
            record.lines.extend(lines)
            record.pages.extend([self.canv.getPageNumber()] * len(lines))
        original_draw(self)

    with patch.object(ThaiParagraph, "split", split), patch.object(ThaiParagraph, "draw", draw):
        yield printed


def print_pdf(composition: Composition, layout: Layout, target: Path) -> list[Printed]:
    with recording(composition) as printed, target.open("wb") as stream:
        build_pdf(composition, layout, stream)
    return printed


# --- (a) pages, ours and LibreOffice's -----------------------------------------------------


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def embedded_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name without its subset tag, embedded) for each font `pdffonts` lists."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in listing.splitlines()[2:]:
        columns = line.split()
        if columns:
            # name, type (one or two words), encoding, emb, sub, uni, object, ID
            embedded = columns[-5] == "yes"
            fonts.append((columns[0].split("+")[-1], embedded))
    return fonts


def libreoffice_pdf(docx: Path, folder: Path, font: str) -> Path:
    """LibreOffice's PDF of the DOCX, with the bundled fonts visible to it and a profile of its
    own; fails loudly unless it really embedded the font (`font`: its PostScript name's start)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: the page goal cannot be checked")
    fonts_conf = folder / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_FOLDER}</dir><cachedir>{folder / 'fontcache'}</cachedir></fontconfig>",
        "utf-8",
    )
    out = folder / "libreoffice"
    environment = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf), "HOME": str(folder)}
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(docx),
    ]
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=600)
    pdf = out / docx.with_suffix(".pdf").name
    if not pdf.exists():
        raise SystemExit(f"LibreOffice wrote no PDF for {docx.name}")
    fonts = embedded_fonts(pdf)
    if not any(name.startswith(font) and embedded for name, embedded in fonts):
        raise SystemExit(
            f"LibreOffice's PDF of {docx.name} does not embed {font} (fonts: {fonts}): "
            "its page count would say nothing"
        )
    print(f"  LibreOffice's PDF of {docx.name} uses {', '.join(sorted({name for name, _ in fonts}))}")
    return pdf


# --- (b) justified lines -------------------------------------------------------------------


@dataclass
class JustifiedLine:
    record: Printed
    index: int
    letter_gap: float  # the widest gap between letters with no space between them
    widest_space: float
    short_by: float  # from where the last glyph ends to the margin


def after_last_tab(line: Line) -> Line:
    """The part of a line that justification spreads: what follows its last tab. The room a
    tab leaves (after `- ` of a list, `มติที่ประชุม`, a section's number) is no gap between
    letters, and the words before it keep their places."""
    if not line.justify_from:
        return line
    first = (
        line.word_starts[line.justify_from] if line.justify_from < len(line.word_starts) else len(line.placed)
    )
    return Line(
        line.placed[first:],
        line.source,
        line.start,
        line.end,
        line.used,
        line.last,
        [start - first for start in line.word_starts[line.justify_from :]],
        line.after_space[line.justify_from :],
    )


def justified_lines(printed: list[Printed]) -> list[JustifiedLine]:
    found = []
    for record in printed:
        if record.para.align is not Align.JUSTIFY:
            continue
        for index, line in enumerate(record.lines):
            if line.last or not line.placed:
                continue
            gaps = line_gaps(after_last_tab(line), record.fonts, record.size)
            letters = [gap.width for gap in gaps if not gap.is_space]
            spaces = [gap.width for gap in gaps if gap.is_space]
            short = line.end - line_right(line, record.fonts, record.size)
            found.append(
                JustifiedLine(record, index, max(letters, default=0.0), max(spaces, default=0.0), short)
            )
    return found


# --- (c) line breaks that cut a word -------------------------------------------------------


@dataclass
class Break:
    record: Printed
    index: int  # the line the break ends
    position: int  # in the paragraph's text


def breaks_of(record: Printed) -> Iterator[Break]:
    """Where in the paragraph's text each line but the last ends. A line's source holds its
    words with a space for each space or tab, so lines are matched to the text by their
    characters other than white space."""
    text = record.para.text
    position = 0
    for index, line in enumerate(record.lines):
        for char in line.source:
            if char.isspace():
                continue
            while position < len(text) and text[position].isspace():
                position += 1
            if position >= len(text) or text[position] != char:
                raise SystemExit(f"line {line.source!r} is not found in its paragraph {text!r}")
            position += 1
        if index + 1 < len(record.lines):
            yield Break(record, index, position)


@dataclass(frozen=True)
class Boundaries:
    """Where a line may break in a text: between the pieces of its segmentation (`words`);
    between the dictionary words of a compound piece, which a justified line may use rather
    than gape (`compounds`); between the syllables of a piece, which only a word wider than its
    whole column may use (`syllables`)."""

    words: set[int]
    compounds: set[int]
    syllables: set[int]


def boundaries(text: str) -> Boundaries:
    found = Boundaries({0}, set(), set())
    start = 0
    for piece in thai.segment(text):
        compounds = itertools.accumulate(len(part) for part in thai.compound_parts(piece)[:-1])
        found.compounds.update(start + end for end in compounds)
        syllables = itertools.accumulate(len(part) for part in thai.word_parts(piece))
        found.syllables.update(start + end for end in syllables)
        start += len(piece)
        found.words.add(start)
    return found


def cut_words(printed: list[Printed]) -> tuple[int, list[Break], int, int]:
    """All line breaks inside paragraphs, those that fall inside a word, and those between the
    words of a compound and between the syllables of a word wider than its column."""
    total = compounds = syllables = 0
    cuts = []
    for record in printed:
        text = record.para.text
        allowed = boundaries(text)
        for found in breaks_of(record):
            total += 1
            at = found.position
            at_space = text[at - 1 : at].isspace() or text[at : at + 1].isspace()
            if at in allowed.words or at_space:
                continue
            if at in allowed.compounds:
                compounds += 1
            elif at in allowed.syllables:
                syllables += 1
            else:
                cuts.append(found)
    return total, cuts, compounds, syllables


# --- the report ----------------------------------------------------------------------------


def describe(record: Printed, index: int) -> str:
    line = record.lines[index]
    return f"page {record.pages[index]}, {record.where} ({record.para.role}), line {index + 1}: {line.source[:60]!r}"


def share(count: int, total: int) -> float:
    return count / total if total else 0.0


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def check(name: str, document: MeetingDocument, folder: Path, layout: Layout) -> bool:
    """Print the three checks for one meeting; True when every goal is met."""
    composition = compose_minutes(document, layout)
    pdf = folder / f"{name}.pdf"
    printed = print_pdf(composition, layout, pdf)
    docx = folder / f"{name}.docx"
    write_minutes_docx(document, docx, layout)
    print(f"{name}: {text_size(document):,} characters, {len(document.meeting.attendees)} attendees")
    met = True

    ours, theirs = (
        pages_of(pdf),
        pages_of(libreoffice_pdf(docx, folder, choose_font(layout.font_name).regular.stem.split("-")[0])),
    )
    apart = abs(ours - theirs) / ours
    met &= apart <= PAGES_GOAL
    print(
        f"  (a) pages: our PDF {ours}, LibreOffice's DOCX {theirs}: {apart:.1%} apart "
        f"(goal ≤ {PAGES_GOAL:.0%}) {verdict(apart <= PAGES_GOAL)}"
    )

    lines = justified_lines(printed)
    total = len(lines)
    kinds = [
        (
            "a gap ≥ 1 pt between letters",
            [j for j in lines if j.letter_gap >= LETTER_GAP_PT],
            LETTER_GAP_GOAL,
        ),
        ("a space wider than 10 pt", [j for j in lines if j.widest_space > WIDE_SPACE_PT], WIDE_SPACE_GOAL),
        ("short of the margin by > 0.5 pt", [j for j in lines if j.short_by > SHORT_PT], SHORT_GOAL),
    ]
    print(f"  (b) {total} justified lines that are not a paragraph's last:")
    for label, misses, goal in kinds:
        ok = share(len(misses), total) <= goal
        met &= ok
        print(
            f"      with {label}: {len(misses)} = {share(len(misses), total):.2%} "
            f"(goal ≤ {goal:.0%}) {verdict(ok)}"
        )
        for miss in misses[:SHOWN] if not ok else []:
            print(
                f"        {describe(miss.record, miss.index)}: letters {miss.letter_gap:.2f} pt, "
                f"space {miss.widest_space:.2f} pt, short {miss.short_by:.2f} pt"
            )

    breaks, cuts, compounds, syllables = cut_words(printed)
    met &= not cuts
    print(
        f"  (c) line breaks inside paragraphs: {breaks}; cutting a word: {len(cuts)} (goal 0) {verdict(not cuts)}"
    )
    print(f"      between the dictionary words of a compound (a line that would gape): {compounds}")
    print(f"      between the syllables of a word wider than its column: {syllables}")
    for cut in cuts[:SHOWN]:
        text = cut.record.para.text
        left = text[max(cut.position - CONTEXT, 0) : cut.position]
        right = text[cut.position : cut.position + CONTEXT]
        print(f"        …{left}|{right}…  ({describe(cut.record, cut.index)})")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=4, help="the large meeting in Lampang meetings")
    parser.add_argument("--keep", type=Path, help="keep the PDFs and DOCX files in this folder")
    parser.add_argument("--font", default=DEFAULT_LAYOUT.font_name, help="the family the documents name")
    parser.add_argument("meetings", nargs="*", type=Path, help="meeting files to check as well")
    args = parser.parse_args()
    layout = DEFAULT_LAYOUT.with_font(args.font)
    choice = choose_font(layout.font_name)
    where = "installed" if choice.installed else "bundled"
    print(f"font: {layout.font_name}; our PDF embeds the {where} {choice.regular.name}")
    meetings = [
        ("demo", read_meeting_file(DEMO_MEETING)),
        (f"lampang-x{args.scale}", lampang_sized(args.scale)),
        *((path.name.split(".")[0], read_meeting_file(path)) for path in args.meetings),
    ]
    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        results = [check(label, document, folder, layout) for label, document in meetings]
    print("goals: pages within 5%; justified lines with letter gaps ≥ 1 pt ≤ 1%, spaces > 10 pt ≤ 1%,")
    print("       short of the margin ≤ 2%; no line break inside a word")
    if not all(results):
        sys.exit(1)


if __name__ == "__main__":
    main()
