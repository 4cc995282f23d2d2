"""PDF writer: renders a composition (`exporters.compose`) with ReportLab's platypus.

Pages, frames and tables are platypus'; every piece of text is a `ThaiParagraph`
(`exporters.pdf_text`), which breaks Thai lines on word boundaries and draws shaped glyphs with
a true text layer. Page numbers `- ๒ -` are drawn from page 2 on; the letter's contact block and
slogan sit at the foot of its first page, whose frame is shortened to make room for them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader

from exporters.compose import (
    Align,
    Composition,
    Element,
    Grid,
    GridCell,
    PageBreak,
    Para,
    Picture,
    Rule,
    Span,
    compose_agenda,
    compose_amendments,
    compose_distribution,
    compose_letter,
    compose_minutes,
    compose_public,
    compose_resolutions,
)
from exporters.fonts import PdfFonts, pdf_fonts
from exporters.layout import Layout
from exporters.pdf_streams import CompressingCanvas
from exporters.pdf_text import ANCHOR_PLACES, Line, ThaiParagraph, align_line, break_lines, draw_line
from exporters.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    LayoutError,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from exporters.platypus import PageBreak as PlatypusPageBreak
from models.fileio import atomic_output
from models.meeting import MeetingDocument
from models.text import clean_text

AUTHOR = "thai-minutes"
CELL_PADDING_TOP = 0.5  # Word's cells have no top or bottom margin; a border's width
CELL_PADDING_BOTTOM = 0.0
# Headings kept with what follows fill at most this share of a page; earlier ones go ahead alone.
KEPT_HEADS_SHARE = 1 / 3
ROWS_PER_TABLE = 250  # a long list without header rows is set as tables of this many rows


def write_minutes_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    composition = compose_minutes(document, layout)
    _save(composition, path, layout)


def write_letter_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    composition = compose_letter(document, layout)
    _save(composition, path, layout)


def write_amendments_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_amendments(document, layout), path, layout)


def write_resolutions_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_resolutions(document, layout), path, layout)


def write_agenda_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_agenda(document, layout), path, layout)


def write_public_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_public(document, layout), path, layout)


def _save(composition: Composition, path: Path, layout: Layout) -> None:
    with atomic_output(path) as stream:
        build_pdf(composition, layout, stream)


COMPOSERS: dict[str, Callable[[MeetingDocument, Layout], Composition]] = {
    "minutes": compose_minutes,
    "letter": compose_letter,
    "distribution": compose_distribution,
    "amendments": compose_amendments,
    "resolutions": compose_resolutions,
    "agenda": compose_agenda,
    "public": compose_public,
}


AnchorPlaces = dict[int, tuple[int, float]]
"""Where each section's and item's heading starts (`Para.anchor`): its page (from 1) and the
height of its top above the page's foot, in points."""


@dataclass(frozen=True)
class PdfPages:
    """A document's PDF in memory (what is printed, previewed and shown beside the editor), with
    where each section and item heading starts."""

    data: bytes
    anchor_places: AnchorPlaces

    @property
    def anchor_pages(self) -> dict[int, int]:
        return {anchor: page for anchor, (page, _) in self.anchor_places.items()}


def pdf_pages(document: MeetingDocument, name: str, layout: Layout) -> PdfPages:
    """The PDF of one document of the meeting, byte for byte what its export writes."""
    stream = io.BytesIO()
    places = build_pdf(COMPOSERS[name](document, layout), layout, stream)
    return PdfPages(stream.getvalue(), places)


def build_pdf(composition: Composition, layout: Layout, stream: Any) -> AnchorPlaces:
    """Write the composition's PDF to the stream; returns where each anchored heading is."""
    fonts = pdf_fonts(layout.font_name)
    document = _Document(stream, composition, layout, fonts)
    room = document.room
    flowables = [
        flowable for element in composition.body for flowable in _flowables(element, layout, fonts, room)
    ]
    document.build(_keep_with_next(flowables, document.width, room), canvasmaker=CompressingCanvas)
    return document.anchor_places


def _keep_with_next(flowables: list[Flowable], width: float, room: float) -> list[Flowable]:
    """Headings (and signature lines) marked keep-with-next travel with what follows them."""
    grouped: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable in flowables:
        if getattr(flowable, "keep_next", False):
            heads.append(flowable)
            continue
        free, kept = _kept_heads(heads, width, room * KEPT_HEADS_SHARE)
        grouped.extend(free)
        grouped.append(KeepWithFirstPart(kept, flowable) if kept else flowable)
        heads = []
    grouped.extend(heads)
    return grouped


def _kept_heads(heads: list[Flowable], width: float, most: float) -> tuple[list[Flowable], list[Flowable]]:
    """The headings that go ahead on their own and those kept with what follows: the last
    ones, as many as fill `most` points (an agenda draft of titles only keeps its last few
    titles with what follows, not all of them); of a single heading taller than that, only
    its last two lines."""
    kept: list[Flowable] = []
    height = 0.0
    for head in reversed(heads):
        head_height = head.wrap(width, 1e6)[1] + (head.getSpaceBefore() if kept else 0.0)
        if kept and height + head_height > most:
            break
        kept.insert(0, head)
        height += head_height
    free = heads[: len(heads) - len(kept)]
    first = kept[0] if kept else None
    if height > most and isinstance(first, ThaiParagraph):  # one heading taller than `most`
        lines = len(first.lines(width))
        if lines >= 4:  # its last two lines stay with what follows, as no line is left alone
            parts = first.split(width, (lines - 2 + 0.5) * first.leading)
            if len(parts) == 2:
                free.append(parts[0])
                kept[0] = parts[1]
    return free, kept


class KeepWithFirstPart(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Headings kept on the same page as the start of what follows them: the first lines of a
    paragraph, the first rows of a table. Unlike platypus's KeepTogether, a long table or
    paragraph is not pushed whole to the next page."""

    def __init__(self, heads: list[Flowable], body: Flowable) -> None:
        super().__init__()
        self.heads = heads
        self.body = body
        self._sizes: list[tuple[float, float, float]] = []  # (space before, height, width)

    def getSpaceBefore(self) -> float:  # noqa: N802  (ReportLab's name)
        return float(self.heads[0].getSpaceBefore())

    def _heads_height(self, width: float) -> float:
        self._sizes = []
        for index, head in enumerate(self.heads):
            space = head.getSpaceBefore() if index else 0.0
            head_width, height = head.wrap(width, 1e6)
            self._sizes.append((space, height, head_width))
        return sum(space + height for space, height, _ in self._sizes)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        heads = self._heads_height(available_width)
        self._body_space = self.body.getSpaceBefore()
        self._body_width, self._body_height = self.body.wrap(
            available_width, max(available_height - heads - self._body_space, 0)
        )
        self.width = available_width
        self.height = heads + self._body_space + self._body_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        heads = self._heads_height(available_width)
        room = available_height - heads - self.body.getSpaceBefore()
        if room <= 0:
            return []
        self.body.wrap(available_width, room)
        parts = self.body.split(available_width, room)
        if not parts:
            return []
        return [*self.heads, *parts]

    def draw(self) -> None:
        y = self.height
        # `_sW` (the room beside a flowable) lets each align itself as its hAlign says: the
        # rule under the minutes' heading is centred
        for head, (space, height, width) in zip(self.heads, self._sizes, strict=True):
            y -= space + height
            head.drawOn(self.canv, 0, y, _sW=self.width - width)
        y -= self._body_space + self._body_height
        self.body.drawOn(self.canv, 0, y, _sW=self.width - self._body_width)


class _Document(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type hints
    def __init__(self, stream: Any, composition: Composition, layout: Layout, fonts: PdfFonts) -> None:
        super().__init__(
            stream,
            pagesize=(layout.page_width_cm * cm, layout.page_height_cm * cm),
            leftMargin=layout.margin_left_cm * cm,
            rightMargin=layout.margin_right_cm * cm,
            topMargin=layout.margin_top_cm * cm,
            bottomMargin=layout.margin_bottom_cm * cm,
            title=clean_text(composition.title),
            author=AUTHOR,
            creator=AUTHOR,
            lang="th-TH",
            initialFontName=fonts.regular,
        )
        self.composition = composition
        self.layout = layout
        self.fonts = fonts
        self.anchor_places: AnchorPlaces = {}
        width = layout.text_width_cm * cm
        self.footer = [
            ThaiParagraph(para, fonts, layout.font_size_pt) for para in composition.first_page_footer
        ]
        footer_height = sum(paragraph.wrap(width, 1e6)[1] for paragraph in self.footer)
        # As in Word: the footer stands on the footer distance; the text reaches down to the
        # bottom margin, or to the footer's top where the footer is taller than that
        self.footer_bottom = layout.footer_distance_cm * cm
        first = self._frame("first", max(self.footer_bottom + footer_height - self.bottomMargin, 0.0))
        later = self._frame("later", 0.0)
        self.room = min(first._aH, later._aH)  # the height every page's frame has at least
        self.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=self._decorate, autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=self._decorate),
            ]
        )

    def _frame(self, name: str, reserved_at_foot: float) -> Frame:
        return Frame(
            self.leftMargin,
            self.bottomMargin + reserved_at_foot,
            self.width,
            self.height - reserved_at_foot,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    def beforeDocument(self) -> None:  # noqa: N802  (ReportLab's name)
        """Headings note their page on the canvas as they are drawn (`ThaiParagraph.draw`)."""
        setattr(self.canv, ANCHOR_PLACES, self.anchor_places)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Place the next flowable; one that fits no page even alone (platypus's LayoutError)
        is loosened and placed again rather than failing the export: headings part from what
        follows, a table drops its unbroken rows and repeated header."""
        flowable = flowables[0] if flowables else None
        try:
            super().handle_flowable(flowables)
        except LayoutError:
            loosened = _loosened(flowable)
            if loosened is None:
                raise
            flowables[0:0] = loosened

    def _decorate(self, canvas: Any, document: Any) -> None:
        page = canvas.getPageNumber()
        if page == 1 and self.footer:
            y = self.footer_bottom
            for paragraph in reversed(self.footer):
                paragraph.drawOn(canvas, self.leftMargin, y)
                y += paragraph.height
        if page >= self.composition.page_numbers_from:
            self._page_number(canvas, page)

    def _page_number(self, canvas: Any, page: int) -> None:
        layout, fonts = self.layout, self.fonts
        para = Para((Span(layout.digits(f"- {page} -")),), Align.CENTER)
        width = layout.text_width_cm * cm
        (line,) = break_lines(para, width, fonts, layout.font_size_pt)
        align_line(line, Align.CENTER, layout.font_size_pt, fonts)
        baseline = (
            layout.page_height_cm * cm - layout.header_distance_cm * cm - fonts.ascent_pt(layout.font_size_pt)
        )
        draw_line(canvas, line, self.leftMargin, baseline, fonts, layout.font_size_pt)


def _loosened(flowable: Flowable | None) -> list[Flowable] | None:
    """What to place instead of a flowable that fits no page, or None when nothing is looser."""
    if isinstance(flowable, KeepWithFirstPart):
        return [*flowable.heads, flowable.body]
    if isinstance(flowable, Table) and not getattr(flowable, "_loosened", False):
        flowable._nosplitCmds = []
        flowable.repeatRows = 0
        flowable._loosened = True
        return [flowable]
    return None


def _flowables(element: Element, layout: Layout, fonts: PdfFonts, room: float) -> list[Flowable]:
    """The platypus flowables of an element; `room` is the height of a page's frame."""
    if isinstance(element, Para):
        return [ThaiParagraph(element, fonts, layout.font_size_pt)]
    if isinstance(element, Grid):
        return _tables(element, layout, fonts, room)
    if isinstance(element, Rule):
        return [
            HRFlowable(
                width=element.width_cm * cm,
                thickness=0.6,
                color=colors.black,
                spaceBefore=8,
                spaceAfter=8,
                hAlign="CENTER",
            )
        ]
    if isinstance(element, Picture):
        return [_picture(element)]
    if isinstance(element, PageBreak):
        return [PlatypusPageBreak()]
    return [Spacer(1, element.height_cm * cm)]


def _picture(picture: Picture) -> Flowable:
    reader = ImageReader(io.BytesIO(picture.data))
    width, height = reader.getSize()
    target_height = picture.height_cm * cm
    image = Image(io.BytesIO(picture.data), width=target_height * width / height, height=target_height)
    image.hAlign = "CENTER"
    return image


def _tables(grid: Grid, layout: Layout, fonts: PdfFonts, room: float) -> list[Flowable]:
    """A grid as platypus tables: one, or for a long grid without header rows (a roster of
    thousands) several of at most ROWS_PER_TABLE rows each, one under the other with the same
    columns, which prints the same. Platypus copies all the rows left of a table each time it
    splits it at a page's foot, which is quadratic in a table's length."""
    if not grid.widths_cm or not grid.rows:  # a table without columns prints nothing
        return []
    rows, header_height = _table_rows(grid, layout, fonts, room)
    if grid.header_rows and header_height > room / 2:  # too tall to repeat: set as body rows
        grid = replace(grid, rows=_without_row_spans(grid.rows), header_rows=0)
        rows, _ = _table_rows(grid, layout, fonts, room)
    if grid.header_rows or len(rows) <= ROWS_PER_TABLE:
        return [_platypus_table(grid, rows, layout, fonts)]
    joined = {  # rows that must stay in the table of the row above them
        index for first, last in grid.unbroken for index in range(first + 1, last + 1)
    } | {
        row_index + below
        for row_index, row in enumerate(grid.rows)
        for cell in row
        if cell is not None
        for below in range(1, cell.rowspan)
    }
    pieces: list[list[_Row]] = [[]]
    for row in rows:
        if len(pieces[-1]) >= ROWS_PER_TABLE and row.line == 0 and row.source not in joined:
            pieces.append([])
        pieces[-1].append(row)
    return [_platypus_table(grid, piece, layout, fonts) for piece in pieces]


@dataclass
class _Row:
    """A row of the platypus table: a row of the grid, or one line of a grid row too tall for a
    page (`line` of `lines`)."""

    source: int  # the grid row
    cells: list[list[Flowable] | str]
    height: float | None  # None: left to ReportLab (rows under a cell spanning rows)
    line: int = 0
    lines: int = 1


def _without_row_spans(
    rows: tuple[tuple[GridCell | None, ...], ...],
) -> tuple[tuple[GridCell | None, ...], ...]:
    """The rows with each cell spanning rows kept in its first row only, empty cells below."""
    cells = [list(row) for row in rows]
    for row_index, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is not None and cell.rowspan > 1:
                cells[row_index][column] = replace(cell, rowspan=1)
                for below in range(row_index + 1, min(row_index + cell.rowspan, len(rows))):
                    cells[below][column] = GridCell("", colspan=cell.colspan)
    return tuple(tuple(row) for row in cells)


def _paddings(grid: Grid, layout: Layout) -> list[tuple[float, float]]:
    """Each column's left and right cell padding: a borderless list's first column (the
    roster's numbers, the letter's ที่) at the margin; less in a column too narrow for it."""
    padding: float = layout.table_cell_padding_cm * cm
    sides: list[tuple[float, float]] = []
    for column, width_cm in enumerate(grid.widths_cm):
        most = width_cm * cm / 4
        left = 0.0 if column == 0 and not grid.borders else min(padding, most)
        sides.append((left, min(padding, most)))
    return sides


def _table_rows(grid: Grid, layout: Layout, fonts: PdfFonts, room: float) -> tuple[list[_Row], float]:
    """A grid's rows as platypus table rows with their contents and heights, and the height of
    its header rows.

    Row heights are measured here, once, exactly as ReportLab would: given none, ReportLab
    measures all the rows left at every page, which is quadratic in a roster of thousands. A row
    taller than a page (platypus parts tables between rows only, so it could place it nowhere)
    becomes one table row per line of its cells, with no rule between them: it breaks between
    lines, and the rules close it at the foot of the page and open it at the head of the next."""
    size = grid.size_pt or layout.font_size_pt
    sides = _paddings(grid, layout)
    top, bottom = (CELL_PADDING_TOP, CELL_PADDING_BOTTOM) if grid.borders else (0.0, 0.0)
    widths: list[float] = [width * cm for width in grid.widths_cm]
    edges = [0.0]
    for width in widths:
        edges.append(edges[-1] + width)
    under_spans = {
        row_index + below
        for row_index, row in enumerate(grid.rows)
        for cell in row
        if cell is not None and cell.rowspan > 1
        for below in range(cell.rowspan)
    }

    def inner_width(column: int, cell: GridCell) -> float:
        """The width a cell's text is set in (ReportLab's, for a cell spanning columns too)."""
        width = widths[column]
        if cell.colspan > 1:
            width = max(edges[min(column + cell.colspan, len(widths))] - edges[column], width)
        left, right = sides[column]
        return width - left - right

    rows: list[_Row] = []
    header_height = 0.0
    for row_index, grid_row in enumerate(grid.rows):
        cells: list[list[Flowable] | str] = []
        height = 0.0
        for column, cell in enumerate(grid_row):
            if cell is None:
                cells.append("")
                continue
            content = _cell_content(cell.text, cell.bold, cell.align, fonts, size)
            cells.append(content)
            text_height = 0.0
            for paragraph in content:
                text_height += paragraph.wrap(inner_width(column, cell), 72000 - top - bottom)[1]
            cell_height = text_height + (bottom + top)
            if cell.rowspan == 1 and cell_height > height:
                height = cell_height
            elif cell.rowspan > 1:  # a header cell spanning rows: the header is at least as tall
                header_height = max(header_height, cell_height)
        if row_index < grid.header_rows:
            header_height = max(header_height, sum(row.height or 0.0 for row in rows) + height)
        rows.append(_Row(row_index, cells, None if row_index in under_spans else height))
    # a taller row is set by lines: it could not stand whole on a page below kept headings
    tallest = room * (1 - KEPT_HEADS_SHARE) - header_height - 1.0
    parts = [
        part
        for row in rows
        for part in (
            _by_line(grid, row, inner_width, fonts, size, (top, bottom))
            if row.height is not None and row.height > tallest and row.source >= grid.header_rows
            else [row]
        )
    ]
    return parts, header_height


def _platypus_table(grid: Grid, rows: list[_Row], layout: Layout, fonts: PdfFonts) -> Table:
    """The table of some consecutive rows of a grid (the header rows repeat on every page)."""
    header_rows = grid.header_rows if rows[0].source == 0 else 0
    table = Table(
        [row.cells for row in rows],
        colWidths=[width * cm for width in grid.widths_cm],
        rowHeights=[row.height for row in rows],
        repeatRows=header_rows,
        splitByRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(_table_style(grid, rows, header_rows, layout, fonts)))
    return table


def _by_line(
    grid: Grid,
    row: _Row,
    inner_width: Callable[[int, GridCell], float],
    fonts: PdfFonts,
    size: float,
    padding: tuple[float, float],
) -> list[_Row]:
    """A row too tall for a page as one row per line of its cells: the cell's padding above the
    first line and below the last, none between."""
    top, bottom = padding
    columns: list[list[ThaiParagraph]] = []
    for column, (cell, content) in enumerate(zip(grid.rows[row.source], row.cells, strict=True)):
        lines: list[ThaiParagraph] = []
        if cell is not None and isinstance(content, list):
            for paragraph in content:
                assert isinstance(paragraph, ThaiParagraph)
                for line in paragraph.lines(inner_width(column, cell)):
                    lines.append(ThaiParagraph(paragraph.para, fonts, size, [line]))
        columns.append(lines)
    count = max(len(lines) for lines in columns)
    parts = []
    for index in range(count):
        cells: list[list[Flowable] | str] = [
            [lines[index]] if index < len(lines) else "" for lines in columns
        ]
        height = 0.0
        for lines in columns:
            if index < len(lines):
                line_padding = (bottom if index == count - 1 else 0.0) + (top if index == 0 else 0.0)
                cell_height = lines[index].leading + line_padding
                height = max(height, cell_height)
        parts.append(_Row(row.source, cells, height, index, count))
    return parts


def _table_style(
    grid: Grid, rows: list[_Row], header_rows: int, layout: Layout, fonts: PdfFonts
) -> list[tuple[Any, ...]]:
    padding = layout.table_cell_padding_cm * cm
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_TOP if grid.borders else 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_BOTTOM if grid.borders else 0),
    ]
    by_line = any(row.lines > 1 for row in rows)
    if grid.borders and not by_line:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif grid.borders:  # a rule below each grid row, none between the lines of a tall one
        commands.append(("BOX", (0, 0), (-1, -1), 0.5, colors.black))
        # a table split at a page's foot is closed there and opened again on the next page
        commands.append(("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black))
        commands.append(("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black))
        if len(grid.widths_cm) > 1:
            commands.append(("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black))
        ends = [index for index, row in enumerate(rows[:-1]) if row.line == row.lines - 1]
        for first, last in _runs(ends):
            commands.append(("LINEBELOW", (0, first), (-1, last), 0.5, colors.black))
    for column, (left, right) in enumerate(_paddings(grid, layout)):
        if left != padding:
            commands.append(("LEFTPADDING", (column, 0), (column, -1), left))
        if right != padding:
            commands.append(("RIGHTPADDING", (column, 0), (column, -1), right))
    if header_rows:
        commands.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    for index, row in enumerate(rows):
        first_of.setdefault(row.source, index)
        last_of[row.source] = index
        if row.lines > 1 and row.line == row.lines - 1:  # the lines of a tall row: no padding between
            first = first_of[row.source]
            commands.append(("TOPPADDING", (0, first + 1), (-1, index), 0))
            commands.append(("BOTTOMPADDING", (0, first), (-1, index - 1), 0))
    for first, last in grid.unbroken:
        if first in last_of and last in first_of:
            commands.append(("NOSPLIT", (0, last_of[first]), (-1, first_of[last])))
    for index, row in enumerate(rows):
        for column, cell in enumerate(grid.rows[row.source]):
            if cell is not None and (cell.colspan > 1 or cell.rowspan > 1):
                end = (column + cell.colspan - 1, index + cell.rowspan - 1)
                commands.append(("SPAN", (column, index), end))
                if row.lines == 1:
                    commands.append(("VALIGN", (column, index), end, "MIDDLE"))
    return commands


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Consecutive indexes as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _cell_content(text: str, bold: bool, align: Align, fonts: PdfFonts, size: float) -> list[Flowable]:
    return [
        ThaiParagraph(Para((Span(line, bold),) if line else (), align), fonts, size)
        for line in text.split("\n")
    ]


def lines_of(paragraph: ThaiParagraph) -> list[Line]:
    """The lines a paragraph was laid out in (for tests and checks)."""
    return paragraph.lines(paragraph.width)
