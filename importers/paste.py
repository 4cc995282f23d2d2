"""Text pasted from Word into the agenda, read as the agenda's parts rather than one paragraph.

Word puts on the clipboard both plain text (a paragraph a line, table cells parted by tabs) and
HTML (paragraphs, lists and tables as such). Either is read here as the importer reads a document
(`importers.minutes`): numbered lines of the section (`๓.๒ …`) become items, `-` and `๑)` lines
lists, tables tables, `มติที่ประชุม …` the resolution, the rest paragraphs. A single paragraph
is no agenda: the field takes it as typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html.parser import HTMLParser

from importers.minutes import ImportReport, _Agenda, _Reader
from importers.source import Grid, Line, SourceBlock, read_text
from models.meeting import Block, Item, Meeting, Section
from models.text import normal_thai


@dataclass
class Pasted:
    """What a paste holds: blocks for the item being typed in, items to follow it, and the
    resolution when one was pasted."""

    blocks: list[Block] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    resolution: str = ""


def pasted_agenda(text: str, html: str | None, section_number: int | None) -> Pasted | None:
    """The parts of the agenda a paste holds, read as under the agenda's section number
    `section_number` (None: the part before the agenda); None for a single paragraph."""
    blocks = html_blocks(normal_thai(html)) if html else []  # from a PDF: ำ as ํ + า
    if not blocks:
        blocks = read_text(text)
    if len(blocks) <= 1 and all(isinstance(block, Line) for block in blocks):
        return None
    number = section_number or 0
    target = Section("", is_agenda=section_number is not None)
    meeting = Meeting("", 1, 2500, dt.date.today())
    meeting.sections = [Section(str(n)) for n in range(1, number)] + [target]
    reader = _Reader(blocks)
    reader.meeting = meeting
    reader.report = ImportReport()
    agenda = _Agenda(reader)
    agenda.section = target
    agenda.read()
    items = list(target.items)
    for section in meeting.sections[number:]:  # a pasted `ระเบียบวาระที่ …` heads an item of its own
        items.append(
            Item(section.title, blocks=section.blocks, items=section.items, resolution=section.resolution)
        )
    return Pasted(target.blocks, items, target.resolution)


def html_blocks(html: str) -> list[SourceBlock]:
    """Word's HTML on the clipboard as lines and grids: paragraphs, headings and list entries as
    lines (a `<br>` as a line break; a list entry marked `-` or with its number), tables as grids
    (a cell spanning columns repeated in each)."""
    parser = _ClipboardHtml()
    parser.feed(html)
    parser.close()
    return parser.blocks


_LINE_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div"}


class _ClipboardHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[SourceBlock] = []
        self.text: list[str] = []
        self.in_line = False
        self.heading: int | None = None  # the level of the `<h1>`…`<h6>` being read
        self.ordered: list[int | None] = []  # for each open list: the next number, or None (bullets)
        self.skip = 0  # inside <style>, <script>, <head>
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.span = self.down = 1
        self.carried: dict[int, tuple[str, int]] = {}  # column: (text, rows below still merged)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
        elif tag == "table":
            self._end_line()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
            self._carry_down()
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
            values = dict(attrs)
            self.span = _count(values.get("colspan"))
            self.down = _count(values.get("rowspan"))
        elif tag == "br":
            (self.cell if self.cell is not None else self.text).append("\n")
        elif tag in ("ol", "ul"):
            self.ordered.append(1 if tag == "ol" else None)
        elif tag in _LINE_TAGS and self.cell is None:
            self._end_line()
            self.in_line, self.heading = True, int(tag[1]) if tag.startswith("h") else None
            if tag == "li" and self.ordered:
                number = self.ordered[-1]
                self.text.append(f"{number})\t" if number is not None else "-\t")
                if number is not None:
                    self.ordered[-1] = number + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.rows is not None and self.cell is not None:
            text = (
                " ".join("".join(self.cell).split())
                if "\n" not in "".join(self.cell)
                else "".join(self.cell).strip()
            )
            if self.rows:
                row = self.rows[-1]
                for _ in range(self.span):
                    if self.down > 1:  # merged down: the rows below hold it in this column too
                        self.carried[len(row)] = (text, self.down - 1)
                    row.append(text)
                    self._carry_down()
            self.cell = None
        elif tag == "table" and self.rows is not None:
            rows = tuple(tuple(row) for row in self.rows if any(cell.strip() for cell in row))
            if rows:
                self.blocks.append(Grid(rows, f"ตารางที่ {sum(isinstance(b, Grid) for b in self.blocks) + 1}"))
            self.rows = None
            self.carried = {}
        elif tag in ("ol", "ul") and self.ordered:
            self.ordered.pop()
        elif tag in _LINE_TAGS and self.cell is None:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = data.replace("\r", "").replace("\n", " ")
        if self.cell is not None:
            self.cell.append(text)
        elif self.rows is None:
            self.text.append(text)

    def _carry_down(self) -> None:
        """Cells merged down from the rows above, where the current row has reached them."""
        if self.rows is None or not self.rows:
            return
        row = self.rows[-1]
        while len(row) in self.carried:
            text, left = self.carried.pop(len(row))
            if left > 1:
                self.carried[len(row)] = (text, left - 1)
            row.append(text)

    def _end_line(self) -> None:
        text = "".join(self.text).strip(" \u00a0")
        self.text = []
        if text.strip():
            place = f"ย่อหน้าที่ {len(self.blocks) + 1}"
            heading = self.heading is not None
            self.blocks.append(Line(text, place, bold=heading, indented=not heading, level=self.heading))
        self.in_line, self.heading = False, None

    def close(self) -> None:
        super().close()
        self._end_line()


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1
