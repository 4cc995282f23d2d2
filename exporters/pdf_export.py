"""PDF writer: renders a composition (`exporters.compose`) with ReportLab's platypus.

Pages, frames and tables are platypus'; every piece of text is a `ThaiParagraph`
(`exporters.pdf_text`), which breaks Thai lines on word boundaries and draws shaped glyphs with
a true text layer. Page numbers `- ๒ -` are drawn from page 2 on; the letter's contact block and
slogan sit at the foot of its first page, whose frame is shortened to make room for them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as PlatypusPageBreak

from exporters.compose import (
    Align,
    Composition,
    Element,
    Grid,
    PageBreak,
    Para,
    Picture,
    Rule,
    Span,
    compose_amendments,
    compose_letter,
    compose_minutes,
)
from exporters.fonts import PdfFonts, pdf_fonts
from exporters.layout import Layout
from exporters.pdf_text import Line, ThaiParagraph, align_line, break_lines, draw_line
from models.fileio import atomic_output
from models.meeting import MeetingDocument

AUTHOR = "thai-minutes"
CELL_PADDING_TOP = 0.5  # Word's cells have no top or bottom margin; a border's width
CELL_PADDING_BOTTOM = 0.0


def write_minutes_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    composition = compose_minutes(document, layout)
    _save(composition, path, layout)


def write_letter_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    composition = compose_letter(document, layout)
    _save(composition, path, layout)


def write_amendments_pdf(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_amendments(document, layout), path, layout)


def _save(composition: Composition, path: Path, layout: Layout) -> None:
    with atomic_output(path) as stream:
        build_pdf(composition, layout, stream)


def build_pdf(composition: Composition, layout: Layout, stream: Any) -> None:
    fonts = pdf_fonts(layout.font_name)
    flowables = [flowable for element in composition.body for flowable in _flowables(element, layout, fonts)]
    document = _Document(stream, composition, layout, fonts)
    document.build(_keep_with_next(flowables))


def _keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """Headings (and signature lines) marked keep-with-next travel with what follows them."""
    grouped: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable in flowables:
        if getattr(flowable, "keep_next", False):
            heads.append(flowable)
            continue
        grouped.append(KeepWithFirstPart(heads, flowable) if heads else flowable)
        heads = []
    grouped.extend(heads)
    return grouped


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
            title=composition.title,
            author=AUTHOR,
            creator=AUTHOR,
            lang="th-TH",
            initialFontName=fonts.regular,
        )
        self.composition = composition
        self.layout = layout
        self.fonts = fonts
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


def _flowables(element: Element, layout: Layout, fonts: PdfFonts) -> list[Flowable]:
    if isinstance(element, Para):
        return [ThaiParagraph(element, fonts, layout.font_size_pt)]
    if isinstance(element, Grid):
        return [_table(element, layout, fonts)]
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


def _table(grid: Grid, layout: Layout, fonts: PdfFonts) -> Table:
    size = grid.size_pt or layout.font_size_pt
    data = [
        [
            _cell_content(cell.text, cell.bold, cell.align, fonts, size) if cell is not None else ""
            for cell in row
        ]
        for row in grid.rows
    ]
    padding = layout.table_cell_padding_cm * cm
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_TOP if grid.borders else 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_BOTTOM if grid.borders else 0),
    ]
    if grid.borders:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:  # a borderless list's first column (the roster's numbers, the letter's ที่) at the margin
        commands.append(("LEFTPADDING", (0, 0), (0, -1), 0))
    if grid.header_rows:
        commands.append(("VALIGN", (0, 0), (-1, grid.header_rows - 1), "MIDDLE"))
    for first, last in grid.unbroken:
        commands.append(("NOSPLIT", (0, first), (-1, last)))
    for row_index, row in enumerate(grid.rows):
        for col_index, cell in enumerate(row):
            if cell is not None and (cell.colspan > 1 or cell.rowspan > 1):
                end = (col_index + cell.colspan - 1, row_index + cell.rowspan - 1)
                commands.append(("SPAN", (col_index, row_index), end))
                commands.append(("VALIGN", (col_index, row_index), end, "MIDDLE"))
    table = Table(
        data,
        colWidths=[width * cm for width in grid.widths_cm],
        repeatRows=grid.header_rows,
        splitByRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def _cell_content(text: str, bold: bool, align: Align, fonts: PdfFonts, size: float) -> list[Flowable]:
    return [
        ThaiParagraph(Para((Span(line, bold),) if line else (), align), fonts, size)
        for line in text.split("\n")
    ]


def lines_of(paragraph: ThaiParagraph) -> list[Line]:
    """The lines a paragraph was laid out in (for tests and checks)."""
    return paragraph.lines(paragraph.width)
