"""What the minutes and the cover letter say, in order, as simple layout elements.

Composition decides the words (numbers, dates, counts, headings), their order, indents, weights
and alignment, all from the shared `Layout`. The DOCX and PDF writers only render these elements,
so the two documents agree by construction and neither has to know the rules of Thai minutes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from exporters.fonts import Measure, measure_at
from exporters.layout import Layout
from models import thai
from models.letter import letter_body
from models.markup import split_bold
from models.meeting import (
    DEFAULT_CLOSING,
    Attachment,
    Attendee,
    AttendeeStatus,
    Block,
    BulletList,
    ColumnKind,
    Item,
    Meeting,
    MeetingDocument,
    Paragraph,
    Person,
    Section,
    Table,
)
from models.presenter import line_at
from models.tables import compute_table
from models.wording import vote_words


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"  # Thai distributed: DOCX thaiDistribute, PDF spread on word boundaries


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph. Indents are from the text margin; `first_indent_cm` is relative to
    `left_indent_cm` (negative: a hanging indent). A tab in the text goes to `tab_cm`."""

    spans: tuple[Span, ...]
    align: Align = Align.LEFT
    left_indent_cm: float = 0.0
    first_indent_cm: float = 0.0
    right_indent_cm: float = 0.0
    tab_cm: float | None = None
    space_before_pt: float = 0.0
    keep_with_next: bool = False
    size_pt: float | None = None
    role: str = "body"
    # the heading of a section or item: its index in printing order (`models.checkjob.meeting_nodes`),
    # by which the page view finds the page the clerk is editing
    anchor: int | None = None

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class GridCell:
    text: str  # lines separated by "\n"
    align: Align = Align.LEFT
    bold: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Grid:
    """A table. `rows` hold None where a span from the left or above covers the cell."""

    widths_cm: tuple[float, ...]
    rows: tuple[tuple[GridCell | None, ...], ...]
    header_rows: int = 0
    borders: bool = True
    role: str = "table"
    size_pt: float | None = None  # smaller than the body's when the table could not fit otherwise
    # (first, last) row ranges a page must not part: a sub-heading and its first row, the last
    # row and the total, so no page holds only a repeated header and a total
    unbroken: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Rule:
    """A short centred line under the minutes' heading."""

    width_cm: float


@dataclass(frozen=True)
class Picture:
    data: bytes
    height_cm: float


@dataclass(frozen=True)
class Spacer:
    height_cm: float


@dataclass(frozen=True)
class PageBreak:
    pass


Element = Para | Grid | Rule | Picture | Spacer | PageBreak


@dataclass
class Composition:
    title: str
    body: list[Element]
    first_page_footer: list[Para] = field(default_factory=list)
    page_numbers_from: int = 2


# --- helpers --------------------------------------------------------------------------------


def _spans(layout: Layout, text: str, bold: bool = False) -> tuple[Span, ...]:
    """Spans of a text with its `**bold**` marks, digits in the layout's script."""
    return tuple(Span(layout.digits(piece), bold or piece_bold) for piece, piece_bold in split_bold(text))


def _para(layout: Layout, text: str, bold: bool = False, **options: Any) -> Para:
    return Para(_spans(layout, text, bold), **options)


_SLACK_CM = 0.15  # renderers round widths and metrics differently: a line that just fits may not
MIN_TABLE_SIZE_PT = 12.0


@dataclass(frozen=True)
class Text:
    """One cell's text for sharing out column widths."""

    text: str
    bold: bool = False
    header: bool = False  # a heading may wrap inside a long word when room is short; figures never


def column_widths(
    columns: Sequence[Sequence[Text]], total_cm: float, measure: Measure, padding_cm: float
) -> tuple[float, ...]:
    """Share the width among columns: each as wide as its longest line would like, but never
    narrower than its longest word or figure, and all within `total_cm`. When even the longest
    words do not fit, the headings' words give way first, between their syllables (`หมาย|เหตุ`)
    and only then anywhere: a figure is never cut."""
    natural: list[float] = []
    minimum: list[float] = []
    minimum_parts: list[float] = []  # headings' words cut between their syllables
    minimum_body: list[float] = []
    for cells in columns:
        lines = [(line, cell.bold, cell.header) for cell in cells for line in cell.text.split("\n")]
        lines = lines or [("", False, False)]
        natural.append(max(measure(line, bold) for line, bold, _ in lines) + 2 * padding_cm + _SLACK_CM)
        words = [(word, bold, header) for line, bold, header in lines for word in _words(line)]
        body = max((measure(word, bold) for word, bold, header in words if not header), default=0.0)
        whole = max((measure(word, bold) for word, bold, _ in words), default=0.0)
        minimum.append(whole + 2 * padding_cm + _SLACK_CM)
        minimum_parts.append(max(body, _widest_part(words, measure)) + 2 * padding_cm + _SLACK_CM)
        minimum_body.append(body + 2 * padding_cm + _SLACK_CM)
    for fallback in (minimum_parts, minimum_body):  # a heading's word gives way before a figure
        if sum(minimum) > total_cm and sum(fallback) < sum(minimum):
            minimum = fallback
    minimum = [max(m, 0.6) for m in minimum]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(natural) <= total_cm:
        spare = total_cm - sum(natural)
        return tuple(n + spare * n / sum(natural) for n in natural)
    if sum(minimum) >= total_cm:
        return tuple(total_cm * m / sum(minimum) for m in minimum)
    return _fill_narrow_first(natural, minimum, total_cm)


def _words(line: str) -> list[str]:
    return [word for word in thai.segment(line) if not word.isspace()]


def _widest_part(words: Sequence[tuple[str, bool, bool]], measure: Measure) -> float:
    """The widest syllable of the headings' words (the narrowest a heading's column may be
    without cutting a syllable)."""
    return max(
        (measure(part, bold) for word, bold, header in words if header for part in thai.word_parts(word)),
        default=0.0,
    )


def _fill_narrow_first(natural: list[float], minimum: list[float], total_cm: float) -> tuple[float, ...]:
    """Columns that fit within a fair share of the room left keep their whole natural width, so
    that short figures and words never wrap; the long columns share the rest above their minimum
    by how much more each would like."""
    widths: dict[int, float] = {}
    remaining = total_cm
    waiting = set(range(len(natural)))
    while waiting:
        fair = remaining / len(waiting)
        fitting = [i for i in waiting if natural[i] <= fair]
        if not fitting or sum(minimum[i] for i in waiting if i not in fitting) > remaining - sum(
            natural[i] for i in fitting
        ):
            break
        for i in fitting:
            widths[i] = natural[i]
            remaining -= natural[i]
            waiting.remove(i)
    if waiting:
        spare = remaining - sum(minimum[i] for i in waiting)
        wants = {i: natural[i] - minimum[i] for i in waiting}
        total_wants = sum(wants.values()) or 1.0
        for i in waiting:
            widths[i] = minimum[i] + spare * wants[i] / total_wants
    return tuple(widths[i] for i in range(len(natural)))


# --- the minutes ----------------------------------------------------------------------------


@dataclass
class _MinutesState:
    layout: Layout
    meeting: Meeting
    measure: Measure
    attachments: int = 0
    out: list[Element] = field(default_factory=list)
    anchors: Iterator[int] = field(default_factory=itertools.count)  # of sections and items, in order
    # or "public" (the minutes without confidential items), "resolutions" (titles and
    # resolutions) or "agenda" (titles, presenters)
    form: str = "minutes"


def compose_minutes(document: MeetingDocument, layout: Layout, measure: Measure | None = None) -> Composition:
    return _minutes(document, layout, measure, "minutes")


def compose_public(document: MeetingDocument, layout: Layout, measure: Measure | None = None) -> Composition:
    """The public version of the minutes (ฉบับเผยแพร่): the minutes without the items marked
    confidential (ลับ) and their sub-items; the other items keep the numbers the signed minutes
    give them, and the heading says which version this is."""
    return _minutes(document, layout, measure, "public")


PUBLIC_VERSION = "(ฉบับเผยแพร่ ไม่รวมเรื่องลับ)"


def _minutes(document: MeetingDocument, layout: Layout, measure: Measure | None, form: str) -> Composition:
    meeting = document.meeting
    state = _MinutesState(layout, meeting, measure or measure_at(layout.font_size_pt, layout.font_name))
    state.form = form
    title = f"{layout.title_prefix}{meeting.title}"
    _heading(state, title)
    _roster(state)
    if layout.show_start and meeting.start:
        state.out.append(
            _para(layout, f"{layout.start_words} {thai.format_time(meeting.start)}", role="start")
        )
    for section in meeting.sections:
        _section(state, section)
    if meeting.end:
        state.out.append(
            _para(
                layout,
                f"{layout.end_words} {thai.format_time(meeting.end)}",
                space_before_pt=6,
                keep_with_next=meeting.recorder is not None or meeting.checker is not None,
                role="end",
            )
        )
    signers = [
        (person, role)
        for person, role in ((meeting.recorder, layout.recorder_role), (meeting.checker, layout.checker_role))
        if person is not None
    ]
    if signers:
        leader = SignatureLeader.fitting(layout, [role for _, role in signers], state.measure)
        for index, (person, role) in enumerate(signers):
            # the signatures stay on one page: the recorder's never ends a page without the checker's
            state.out.extend(_signature(layout, person, role, leader, last=index == len(signers) - 1))
    return Composition(layout.digits(title), state.out)


def compose_resolutions(
    document: MeetingDocument, layout: Layout, measure: Measure | None = None
) -> Composition:
    """The resolutions alone (สรุปมติ), from the same meeting as the minutes: the heading, then
    each section and item under which something was resolved, numbered as in the minutes, with
    its resolution; no roster, no text, no signatures."""
    meeting = document.meeting
    state = _MinutesState(layout, meeting, measure or measure_at(layout.font_size_pt, layout.font_name))
    state.form = "resolutions"
    title = f"สรุปมติ{meeting.title}"
    _heading(state, title)
    resolved = [section for section in meeting.sections if _holds_a_resolution(section, section.items)]
    for section in resolved:
        _section(state, section)
    if not resolved:
        state.out.append(_para(layout, "การประชุมครั้งนี้ยังไม่มีมติที่ประชุม", space_before_pt=12, role="body"))
    return Composition(layout.digits(title), state.out)


def compose_agenda(document: MeetingDocument, layout: Layout, measure: Measure | None = None) -> Composition:
    """The agenda sent before the meeting (ระเบียบวาระการประชุม), from the meeting the minutes
    will be written in: the heading, every section and item numbered as the minutes will number
    them, their presenter lines and attachments; no text, no resolutions yet."""
    meeting = document.meeting
    state = _MinutesState(layout, meeting, measure or measure_at(layout.font_size_pt, layout.font_name))
    state.form = "agenda"
    title = f"ระเบียบวาระ{meeting.title}"
    _heading(state, title)
    for section in meeting.sections:
        if section.is_agenda or section.items:  # the part before the agenda is the minutes' own
            _section(state, section)
    return Composition(layout.digits(title), state.out)


def _holds_a_resolution(node: Section | Item, items: Sequence[Item]) -> bool:
    return (
        bool(node.resolution.strip())
        or node.vote is not None
        or any(_holds_a_resolution(item, item.items) for item in items)
    )


def _heading(state: _MinutesState, title: str) -> None:
    layout, meeting = state.layout, state.meeting
    lines = [title]
    if meeting.period:
        lines.append(meeting.period)
    lines.append(f"ครั้งที่ {meeting.seq}/{meeting.year}")
    when = thai.format_date(meeting.date, weekday=True)
    if meeting.start:
        when += f" เวลา {thai.format_time(meeting.start)}"
    lines.append(when)
    if meeting.venue:
        lines.append(f"ณ {meeting.venue}")
    if state.form == "public":
        lines.append(PUBLIC_VERSION)
    for line in lines:
        state.out.append(
            _para(layout, line, bold=True, align=Align.CENTER, keep_with_next=True, role="title")
        )
    state.out.append(Rule(width_cm=5.0))


def _roster(state: _MinutesState) -> None:
    """The present, the absent (with their reason) and the invited guests, each under its
    heading, in columns shared by all three lists so that names and positions line up."""
    layout, meeting = state.layout, state.meeting
    headings = (
        (AttendeeStatus.PRESENT, layout.present_heading),
        (AttendeeStatus.ABSENT, layout.absent_heading),
        (AttendeeStatus.GUEST, layout.guest_heading),
    )
    groups = [
        (status, heading, _roster_rows(layout, people, status is AttendeeStatus.ABSENT))
        for status, heading in headings
        if (people := meeting.attendees_with(status))
    ]
    if not groups:
        return
    shared = _roster_name_widths(layout, [row for _, _, rows in groups for row in rows], state.measure)
    for status, heading, rows in groups:
        words = heading
        if status is AttendeeStatus.PRESENT and layout.present_count:
            words += f" จำนวน {len(rows)} คน"
        state.out.append(
            _para(layout, words, bold=True, keep_with_next=True, space_before_pt=6, role="roster-heading")
        )
        widths = _roster_widths(layout, rows, state.measure, shared)
        state.out.append(Grid(widths, tuple(rows), borders=False, role="roster"))


def _roster_rows(layout: Layout, people: Sequence[Attendee], with_reason: bool) -> list[tuple[GridCell, ...]]:
    rows = []
    for number, person in enumerate(people, start=1):
        position = person.position
        if person.note and not with_reason:
            position = f"{position} {_as_the_regulation_says(person.note)}".strip()
        cells = [f"{number}.", f"{person.prefix}{person.first}", person.last, position]
        if with_reason:
            cells.append(person.note)
        rows.append(tuple(GridCell(layout.digits(text)) for text in cells))
    return rows


# a substitute's note as typed: `แทน นายสมชาย ใจดี`, `(แทน) …`, `แทน`; not `ผู้แทน…` (an office's
# representative) nor one already worded `มาประชุมแทน …`
_SUBSTITUTE = re.compile(r"^\(?แทน\)?\s*(.*)$")


def _as_the_regulation_says(note: str) -> str:
    """A substitute's note in the regulation's words (ระเบียบงานสารบรรณ: ลงว่ามาประชุมแทนผู้ใด
    หรือตำแหน่งใด): `แทน นายสมชาย ใจดี` prints `มาประชุมแทน นายสมชาย ใจดี`; any other note as
    typed."""
    found = _SUBSTITUTE.match(note.strip())
    if found is None:
        return note
    return f"มาประชุมแทน {found[1]}".strip()


_NAME_COLUMNS = 3  # number, prefix and first name, surname


def _roster_name_widths(
    layout: Layout, rows: Sequence[Sequence[GridCell]], measure: Measure
) -> tuple[float, ...] | None:
    """Number, name and surname as wide as their longest entry in any of the lists, so that
    they never wrap and line up from list to list; None when they would leave the position
    too little room (each list then shares its own width out)."""
    padding = layout.table_cell_padding_cm
    widths = tuple(
        max(measure(row[i].text, False) for row in rows) + 2 * padding + _SLACK_CM
        for i in range(_NAME_COLUMNS)
    )
    if layout.text_width_cm - sum(widths) < layout.text_width_cm * 0.3:
        return None
    return widths


def _roster_widths(
    layout: Layout, rows: Sequence[Sequence[GridCell]], measure: Measure, names: tuple[float, ...] | None
) -> tuple[float, ...]:
    """The shared name columns, then the position (and the reason of absence) sharing the rest
    and wrapping inside their columns."""
    padding = layout.table_cell_padding_cm
    if names is None:  # names so long that the position would be crushed
        texts = [[Text(row[i].text) for row in rows] for i in range(len(rows[0]))]
        return column_widths(texts, layout.text_width_cm, measure, padding)
    flexible = [[Text(row[i].text) for row in rows] for i in range(_NAME_COLUMNS, len(rows[0]))]
    return (*names, *column_widths(flexible, layout.text_width_cm - sum(names), measure, padding))


def _section(state: _MinutesState, section: Section) -> None:
    layout = state.layout
    number = state.meeting.section_number(section)
    if number is None:
        heading = _para(
            layout,
            section.title,
            bold=True,
            keep_with_next=True,
            space_before_pt=6,
            role="section",
            anchor=next(state.anchors),
        )
    else:
        label = f"{layout.agenda_words} {number}"
        heading = Para(
            (*_spans(layout, label, bold=True), Span("\t", True), *_spans(layout, section.title, bold=True)),
            left_indent_cm=layout.section_tab_cm,
            first_indent_cm=-layout.section_tab_cm,
            tab_cm=layout.section_tab_cm,
            keep_with_next=True,
            space_before_pt=6,
            role="section",
            anchor=next(state.anchors),
        )
    state.out.append(heading)
    _form_blocks(state, section.blocks)
    _items(state, section, section.items, depth=1)
    if state.form != "agenda":
        _resolution(state, section)


def _items(
    state: _MinutesState, section: Section, items: Sequence[Item], depth: int, path: tuple[int, ...] = ()
) -> None:
    layout = state.layout
    section_number = state.meeting.section_number(section)
    for index, item in enumerate(items):
        if state.form == "resolutions" and not _holds_a_resolution(item, item.items):
            continue  # numbered as in the minutes all the same: `index` counts every item
        if state.form == "public" and item.confidential:
            continue  # left out with its sub-items; the others keep the signed minutes' numbers
        presenter_line = None if state.form == "resolutions" else line_at(section, items, index, path)
        if presenter_line is not None:
            state.out.append(
                _para(
                    layout,
                    presenter_line.text(layout.presenter_line),
                    align=Align.JUSTIFY,
                    first_indent_cm=layout.first_line_indent_cm,
                    keep_with_next=True,
                    space_before_pt=6,
                    role="presenter",
                )
            )
        item_path = (*path, index + 1)
        number = thai.item_number(section_number, item_path, layout.thai_digits)
        state.out.append(
            Para(
                (Span(number + " ", True), *_spans(layout, item.title, bold=True)),
                first_indent_cm=layout.item_indent_cm * depth,
                keep_with_next=True,
                space_before_pt=3,
                role="item",
                anchor=next(state.anchors),
            )
        )
        _form_blocks(state, item.blocks)
        _items(state, section, item.items, depth + 1, item_path)
        if state.form != "agenda":
            _resolution(state, item)


def _form_blocks(state: _MinutesState, blocks: Sequence[Block]) -> None:
    """A node's blocks as its form has them: all in the minutes, the attachments in the agenda
    (what is sent with it), none among the resolutions."""
    if state.form in ("minutes", "public"):
        _blocks(state, blocks)
    elif state.form == "agenda":
        _blocks(state, [block for block in blocks if isinstance(block, Attachment)])


def _resolution(state: _MinutesState, node: Section | Item) -> None:
    """`มติที่ประชุม` and the resolution, the votes it was carried by after it."""
    text = node.resolution.strip()
    if node.vote is not None:
        votes = vote_words(node.vote.in_favour, node.vote.against, node.vote.abstained)
        text = f"{text} {votes}".strip()
    if not text:
        return
    layout = state.layout
    state.out.append(
        Para(
            (Span(layout.resolution_words, True), Span("\t"), *_spans(layout, text)),
            align=Align.JUSTIFY,
            first_indent_cm=layout.first_line_indent_cm,
            tab_cm=layout.resolution_tab_cm,
            space_before_pt=3,
            role="resolution",
        )
    )


LEAD_IN_CHARACTERS = 240  # a paragraph this short before a table stays on the table's page


def _blocks(state: _MinutesState, blocks: Sequence[Block]) -> None:
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            follows = blocks[index + 1] if index + 1 < len(blocks) else None
            leads_in = isinstance(follows, Table) and len(block.text) <= LEAD_IN_CHARACTERS
            _paragraph(state, block, keep_with_next=leads_in)
        elif isinstance(block, BulletList):
            _list(state, block)
        elif isinstance(block, Table):
            _table(state, block)
        elif isinstance(block, Attachment):
            _attachment(state, block)


def _paragraph(state: _MinutesState, block: Paragraph, keep_with_next: bool = False) -> None:
    """A paragraph of an item; one that leads into a table (`รายละเอียดดังตาราง`) keeps with it."""
    layout = state.layout
    indent = layout.first_line_indent_cm if block.indent else 0.0
    state.out.append(
        _para(layout, block.text, align=Align.JUSTIFY, first_indent_cm=indent, keep_with_next=keep_with_next)
    )


def _list(state: _MinutesState, block: BulletList) -> None:
    layout = state.layout
    text_at = layout.first_line_indent_cm + layout.list_hang_cm
    for number, text in enumerate(block.items, start=1):
        marker = f"{number})" if block.ordered else "-"
        state.out.append(
            Para(
                (*_spans(layout, marker), Span("\t"), *_spans(layout, text)),
                align=Align.JUSTIFY,
                left_indent_cm=text_at,
                first_indent_cm=-layout.list_hang_cm,
                tab_cm=text_at,
                role="list",
            )
        )


def _attachment(state: _MinutesState, block: Attachment) -> None:
    state.attachments += 1
    layout = state.layout
    line = layout.attachment_line.format(title=block.title, number=state.attachments)
    state.out.append(
        _para(
            layout, line, align=Align.JUSTIFY, first_indent_cm=layout.first_line_indent_cm, role="attachment"
        )
    )


def _table(state: _MinutesState, table: Table) -> None:
    layout = state.layout
    if table.title:
        state.out.append(
            _para(
                layout,
                table.title,
                bold=True,
                align=Align.CENTER,
                keep_with_next=True,
                space_before_pt=3,
                role="table-title",
            )
        )
    state.out.append(table_grid(table, layout, state.measure))
    if table.note:
        state.out.append(_para(layout, table.note, role="table-note"))


def table_grid(table: Table, layout: Layout, measure: Measure) -> Grid:
    """A data table as a grid: header rows with merged groups, figures right-aligned, the total."""
    computed = compute_table(table, layout.thai_digits)
    grouped = any(column.group for column in table.columns)
    header = (
        _group_header(table, layout)
        if grouped
        else [tuple(GridCell(layout.digits(c.title), Align.CENTER, True) for c in table.columns)]
    )
    data = [row for index, row in enumerate(computed.rows) if index not in computed.subheadings]
    aligns = [_column_align(table, index, data) for index in range(len(table.columns))]
    width = len(table.columns)
    body: list[tuple[GridCell | None, ...]] = [
        # a sub-heading (ภาคเหนือ) is one bold cell across the table, not a data row
        (GridCell(" ".join(t.strip() for t in row if t.strip()), Align.LEFT, True, colspan=width),)
        + (None,) * (width - 1)
        if index in computed.subheadings
        else tuple(GridCell(text, aligns[i]) for i, text in enumerate(row))
        for index, row in enumerate(computed.rows)
    ]
    rows: list[tuple[GridCell | None, ...]] = [*header, *body]
    if computed.total_text is not None:
        rows.append(_total_row(computed.total_text, computed.label_span, aligns))
    columns = _cell_texts(rows, header_rows=len(header))
    size = _table_size(columns, layout, measure)
    scaled: Measure = lambda text, bold: measure(text, bold) * size / layout.font_size_pt  # noqa: E731
    widths = column_widths(columns, layout.text_width_cm, scaled, layout.table_cell_padding_cm)
    smaller = None if size == layout.font_size_pt else size
    unbroken = [
        (len(header) + index, len(header) + index + 1)
        for index in sorted(computed.subheadings)
        if index + 1 < len(body)
    ]
    if computed.total_text is not None and body:
        unbroken.append((len(rows) - 2, len(rows) - 1))
    return Grid(
        widths,
        tuple(rows),
        header_rows=len(header),
        borders=True,
        role="table",
        size_pt=smaller,
        unbroken=tuple(unbroken),
    )


def _table_size(columns: Sequence[Sequence[Text]], layout: Layout, measure: Measure) -> float:
    """The body's size, or the largest smaller one (not below MIN_TABLE_SIZE_PT) at which every
    figure and word of the table's body, and every syllable of its headings, fits its column:
    numbers are never cut, and a heading is cut between syllables only when it must."""
    padding = 2 * layout.table_cell_padding_cm + _SLACK_CM
    longest = []
    for cells in columns:
        words = [(word, cell.bold, cell.header) for cell in cells for word in _words(cell.text)]
        body = max((measure(word, bold) for word, bold, header in words if not header), default=0.0)
        longest.append(max(body, _widest_part(words, measure)))
    size = layout.font_size_pt
    while (
        size > MIN_TABLE_SIZE_PT
        and sum(w * size / layout.font_size_pt + padding for w in longest) > layout.text_width_cm
    ):
        size -= 1
    return size


def _cell_texts(rows: Sequence[Sequence[GridCell | None]], header_rows: int) -> list[list[Text]]:
    """Each column's texts; a cell spanning columns counts towards none of them alone."""
    columns: list[list[Text]] = [[] for _ in rows[0]]
    for row_index, row in enumerate(rows):
        for index, cell in enumerate(row):
            if cell is not None and cell.colspan == 1:
                columns[index].append(Text(cell.text, cell.bold, header=row_index < header_rows))
    return columns


def _group_header(table: Table, layout: Layout) -> list[tuple[GridCell | None, ...]]:
    top: list[GridCell | None] = []
    bottom: list[GridCell | None] = []
    index = 0
    columns = table.columns
    while index < len(columns):
        group = columns[index].group
        if not group:
            top.append(GridCell(layout.digits(columns[index].title), Align.CENTER, True, rowspan=2))
            bottom.append(None)
            index += 1
            continue
        end = index
        while end < len(columns) and columns[end].group == group:
            end += 1
        top.append(GridCell(layout.digits(group), Align.CENTER, True, colspan=end - index))
        top.extend([None] * (end - index - 1))
        bottom.extend(GridCell(layout.digits(c.title), Align.CENTER, True) for c in columns[index:end])
        index = end
    return [tuple(top), tuple(bottom)]


def _column_align(table: Table, index: int, rows: Sequence[Sequence[str]]) -> Align:
    column = table.columns[index]
    if column.kind is not ColumnKind.TEXT or column.formula:
        return Align.RIGHT
    cells = [row[index] for row in rows if index < len(row) and row[index].strip()]
    if cells and all(thai.parse_figure(cell) is not None and len(cell) <= 4 for cell in cells):
        return Align.CENTER  # a running number such as ที่
    return Align.LEFT


def _total_row(texts: Sequence[str], span: int, aligns: Sequence[Align]) -> tuple[GridCell | None, ...]:
    """The label across the leading columns that have no total (`span` of them, none when the
    first column has a total), then each column's total: a figure is never under the label."""
    figures = [GridCell(text, aligns[i], True) for i, text in enumerate(texts) if i >= span]
    if not span:
        return tuple(figures)
    return (GridCell(texts[0], Align.CENTER, True, colspan=span), *([None] * (span - 1)), *figures)


@dataclass(frozen=True)
class SignatureLeader:
    """The dotted line every signature of a document shares: the same number of dots for each,
    at least `layout.signature_leader_cm` long, and the indent that lets the longest
    `(ลงชื่อ) .... role` line stay on one line."""

    dots: int
    indent_cm: float

    @staticmethod
    def fitting(layout: Layout, roles: Sequence[str], measure: Measure) -> SignatureLeader:
        dot = measure(".", False) or 0.1
        dots = math.ceil(layout.signature_leader_cm / dot)
        widest = max(measure(f"(ลงชื่อ) {'.' * dots} {role}", False) for role in roles)
        room_needed = widest + 2 * _SLACK_CM
        indent = max(0.0, min(layout.signature_indent_cm, layout.text_width_cm - room_needed))
        return SignatureLeader(dots, indent)

    def line(self, role: str) -> str:
        return f"(ลงชื่อ) {'.' * self.dots} {role}"


def _signature(
    layout: Layout, person: Person, role: str, leader: SignatureLeader, last: bool = True
) -> list[Para]:
    """`(ลงชื่อ) ........ ผู้จดรายงานการประชุม`, the name in brackets and the position, as one
    centred block right of the signature indent."""
    lines = [leader.line(role), f"({person.name})", *person.position.split("\n")]
    paras = [
        _para(
            layout,
            line,
            align=Align.CENTER,
            left_indent_cm=leader.indent_cm,
            keep_with_next=True,
            space_before_pt=30 if index == 0 else 0,
            role="signature",
        )
        for index, line in enumerate(lines)
        if line.strip()
    ]
    paras[-1] = replace(paras[-1], keep_with_next=not last)
    return paras


# --- the cover letter -----------------------------------------------------------------------


def compose_letter(document: MeetingDocument, layout: Layout, measure: Measure | None = None) -> Composition:
    letter = document.letter
    office = document.office
    measure = measure or measure_at(layout.font_size_pt, layout.font_name)
    out: list[Element] = []
    from models.images import letter_garuda  # noqa: PLC0415  (Pillow, for the letter only)

    garuda = letter_garuda(office.garuda if office is not None else None)
    if garuda is not None:
        out.append(Picture(garuda, layout.garuda_height_cm))
    else:
        out.append(Spacer(layout.garuda_height_cm))
    number = letter.number if letter is not None else ""
    office_lines = [office.name, *office.address] if office is not None else []
    left = _office_block_start(layout, office_lines, measure)
    out.append(
        Grid(
            (left, layout.text_width_cm - left),
            (
                (
                    GridCell(layout.digits(f"ที่ {number}".rstrip())),
                    GridCell(layout.digits("\n".join(office_lines))),
                ),
            ),
            borders=False,
            role="letterhead",
        )
    )
    date_text = (
        thai.format_date(letter.date, thai_digits=layout.thai_digits) if letter and letter.date else ""
    )
    out.append(
        Para(
            _spans(layout, date_text),
            left_indent_cm=layout.letter_date_indent_cm,
            space_before_pt=6,
            role="date",
        )
    )
    subject = letter.subject if letter and letter.subject else "ขอส่งรายงานการประชุม"
    out.extend(_labelled(layout, "เรื่อง", [subject]))
    out.extend(_labelled(layout, "เรียน", [letter.to if letter else ""]))
    if letter is not None and letter.references:
        out.extend(_labelled(layout, "อ้างถึง", letter.references))
    if letter is not None and letter.enclosures:
        out.extend(_labelled(layout, "สิ่งที่ส่งมาด้วย", letter.enclosures))
    for text in letter_body(document):
        out.append(
            _para(
                layout,
                text,
                align=Align.JUSTIFY,
                first_indent_cm=layout.first_line_indent_cm,
                space_before_pt=layout.letter_space_before_pt,
                role="letter-body",
            )
        )
    closing = letter.closing if letter and letter.closing else DEFAULT_CLOSING
    out.append(
        _para(
            layout,
            closing,
            left_indent_cm=layout.letter_date_indent_cm,
            space_before_pt=layout.letter_space_before_pt,
            keep_with_next=True,
            role="closing",
        )
    )
    signer = letter.signer if letter is not None else None
    if signer is not None:
        lines = [f"({signer.name})", *signer.position.split("\n")]
        # the signer's name and position centred under the closing, whatever the font's widths
        closing_centre = layout.letter_date_indent_cm + measure(layout.digits(closing), False) / 2
        signer_indent = max(0.0, 2 * closing_centre - layout.text_width_cm)
        for index, line in enumerate(lines):
            out.append(
                _para(
                    layout,
                    line,
                    align=Align.CENTER,
                    left_indent_cm=signer_indent,
                    space_before_pt=3 * layout.font_size_pt * 1.2 if index == 0 else 0,
                    keep_with_next=index < len(lines) - 1,
                    role="signer",
                )
            )
    footer = _letter_footer(document, layout)
    if letter is not None and letter.recipients:
        out.append(PageBreak())
        out.extend(_distribution(document, layout))
    return Composition(layout.digits(subject), out, footer)


def compose_distribution(document: MeetingDocument, layout: Layout) -> Composition:
    """The distribution list alone (the letter's last page), for printing it on its own."""
    return Composition(layout.distribution_heading, _distribution(document, layout), page_numbers_from=2)


def _distribution(document: MeetingDocument, layout: Layout) -> list[Element]:
    """The heading and the numbered list of the offices the letter goes to."""
    recipients = document.letter.recipients if document.letter is not None else []
    heading = _para(layout, layout.distribution_heading, bold=True, align=Align.CENTER, role="distribution")
    return [
        heading,
        *(
            _para(
                layout,
                f"{index}. {recipient.name}",
                left_indent_cm=layout.first_line_indent_cm,
                role="distribution",
            )
            for index, recipient in enumerate(recipients, start=1)
        ),
    ]


def _office_block_start(layout: Layout, lines: Sequence[str], measure: Measure) -> float:
    """Right of centre as the regulation asks: at the layout's indent, or nearer the centre when
    the office's name would otherwise wrap, never at or left of the centre (a longer name wraps
    inside its block)."""
    widest = max((measure(layout.digits(line), False) for line in lines), default=0.0)
    room_from = layout.text_width_cm - widest - 2 * layout.table_cell_padding_cm - _SLACK_CM
    return max(min(layout.letter_office_indent_cm, room_from), layout.text_width_cm / 2 + 0.5)


def _labelled(layout: Layout, label: str, texts: Sequence[str]) -> list[Para]:
    """`เรื่อง`, `เรียน` ... at the margin, the text at the common tab; numbered when several."""
    tab = layout.letter_label_tab_cm
    paras = []
    for index, text in enumerate(texts, start=1):
        shown = f"{index}. {text}" if len(texts) > 1 else text
        head = (Span(label), Span("\t")) if index == 1 else (Span("\t"),)
        paras.append(
            Para(
                (*head, *_spans(layout, shown)),
                left_indent_cm=tab,
                first_indent_cm=-tab,
                tab_cm=tab,
                space_before_pt=layout.letter_space_before_pt if index == 1 else 0,
                role="letter-label",
            )
        )
    return paras


def _letter_footer(document: MeetingDocument, layout: Layout) -> list[Para]:
    office = document.office
    if office is None:
        return []
    lines = [office.unit]
    if office.phone:
        lines.append(f"โทร. {office.phone}")
    if office.fax:
        lines.append(f"โทรสาร {office.fax}")
    if office.email:
        lines.append(f"ไปรษณีย์อิเล็กทรอนิกส์ {office.email}")
    footer = [_para(layout, line, role="contact") for line in lines if line]
    footer.extend(
        _para(layout, line, align=Align.CENTER, size_pt=layout.slogan_size_pt, role="slogan")
        for line in office.slogan
    )
    return footer


# --- amendments after certification ---------------------------------------------------------

AMENDMENT_LABELS = ("ส่วนที่แก้", "เดิม", "แก้เป็น", "เหตุผล")
AMENDMENT_TAB_CM = 2.5


def compose_amendments(
    document: MeetingDocument, layout: Layout, measure: Measure | None = None
) -> Composition:
    """The list of changes made to the minutes after they were certified: numbered entries, each
    with when and who, then the part changed, what it was, what it became and why."""
    meeting = document.meeting
    title = f"บันทึกการแก้ไขรายงาน{meeting.title}"
    out: list[Element] = [
        _para(layout, title, bold=True, align=Align.CENTER, keep_with_next=True, role="title"),
        _para(
            layout,
            f"ครั้งที่ {meeting.seq}/{meeting.year} {thai.format_date(meeting.date, weekday=True)}",
            bold=True,
            align=Align.CENTER,
            keep_with_next=True,
            role="title",
        ),
    ]
    if meeting.certified:
        out.append(
            _para(layout, f"รับรองรายงานการประชุมเมื่อ {thai.format_date(meeting.certified)}", align=Align.CENTER)
        )
    out.append(Rule(width_cm=5.0))
    if not document.amendments:
        out.append(_para(layout, "ไม่มีการแก้ไขหลังรับรอง", space_before_pt=12, role="body"))
        return Composition(layout.digits(title), out)
    tab = AMENDMENT_TAB_CM
    for number, amendment in enumerate(document.amendments, start=1):
        when = f"{thai.format_date(amendment.at.date())} เวลา {thai.format_time(amendment.at.time())}"
        out.append(
            _para(
                layout,
                f"{number}. {when} โดย {amendment.who}",
                bold=True,
                keep_with_next=True,
                space_before_pt=8,
            )
        )
        values = (amendment.place, amendment.before or "-", amendment.after or "-", amendment.why)
        for index, (label, value) in enumerate(zip(AMENDMENT_LABELS, values, strict=True)):
            out.append(
                Para(
                    (Span(label, True), Span("\t"), *_spans(layout, value)),
                    left_indent_cm=tab + layout.item_indent_cm,
                    first_indent_cm=-tab,
                    tab_cm=tab + layout.item_indent_cm,
                    keep_with_next=index < len(AMENDMENT_LABELS) - 1,
                    role="amendment",
                )
            )
    return Composition(layout.digits(title), out)
