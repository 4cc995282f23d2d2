"""Checks of a meeting before it is circulated: what a careful reader catches that a tired clerk
typed. Each finding says how serious it is, where it is (item number and field), what is wrong
and how to fix it, in Thai.

- amounts in words that disagree with the figure before them;
- weekdays that disagree with their dates;
- totals typed into a table that disagree with the sum of its rows; table cells and formulas;
- counts written in the text (`จำนวน ๓ เรื่อง`, `ผู้มาประชุม จำนวน ๓๖ คน`) that disagree;
- items with no resolution or no content, duplicate attendees, a meeting number used twice in a
  year, a next-meeting number that does not follow this one;
- the letter: deadline before its date, no signer, no Garuda, dated before the meeting;
- a meeting year (`ครั้งที่ ๘/๒๕๖๖`) that is not the Buddhist year of the meeting's date (nor, from
  October on, the fiscal year that began);
- characters that cannot be seen: control characters a document cannot hold (in text stored
  before it was cleaned at the door) and bidirectional controls, in any text (warnings);
- Thai words the dictionary does not know, with suggestions (warnings; names on the roster and
  the office's own word list are accepted).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, DecimalException, localcontext
from enum import StrEnum
from typing import TYPE_CHECKING

from models import recognize, thai
from models.dictionary import spelling_suggestions, word_trie
from models.meeting import (
    Attachment,
    AttendeeStatus,
    BulletList,
    Item,
    Meeting,
    MeetingDocument,
    Node,
    Paragraph,
    Section,
    Table,
    all_blocks,
    walk_items,
)
from models.presenter import derived_wording
from models.roster import quorum
from models.tables import ComputedTable, column_letter, compute_table, is_percent_column
from models.text import bidi_controls, code_points, forbidden_characters, shorten

if TYPE_CHECKING:  # reading files needs jsonschema, which the window's F7 never does
    from models.meetingfile import MeetingFileError


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "ผิดพลาด" if self is Severity.ERROR else "คำเตือน"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: str  # `วาระ ๓.๑ ย่อหน้าที่ ๒`, or a JSON path for a file problem
    message: str
    fix: str = ""
    node: Node | None = field(default=None, compare=False, repr=False)  # where the window jumps

    def __str__(self) -> str:
        text = f"{self.severity.label}: {self.where}: {self.message}"
        return f"{text} (แก้ไข: {self.fix})" if self.fix else text


@dataclass(frozen=True)
class OtherMeeting:
    """Another meeting of the same database, for the numbering checks."""

    id: int
    seq: int
    year: int


def file_findings(error: MeetingFileError) -> list[Finding]:
    """A meeting file that does not validate, as findings (one per problem)."""
    if not error.problems:
        return [Finding(Severity.ERROR, "ไฟล์", error.summary)]
    fix = "แก้ไขไฟล์ให้ตรงตามรูปแบบ thai-minutes รุ่น 1"
    return [Finding(Severity.ERROR, p.path, p.message, fix) for p in error.problems]


def check_meeting(meeting: Meeting) -> list[Finding]:
    """The checks of the meeting itself (no letter, no other meetings, no spelling)."""
    return check_document(MeetingDocument(meeting), spelling=False)


def check_document(
    document: MeetingDocument,
    others: Sequence[OtherMeeting] = (),
    accepted_words: Iterable[str] = (),
    spelling: bool = True,
) -> list[Finding]:
    """Every check of the meeting, its letter and its spelling."""
    meeting = document.meeting
    places = _places(meeting)
    with localcontext(thai.figure_context()):  # sums of long figures are exact
        findings = [
            *_table_findings(meeting, places),
            *_text_findings(meeting, places),
            *_structure_findings(meeting, places),
            *_vote_findings(meeting, places),
            *_wording_findings(meeting, places),
            *_numbering_findings(meeting, others, places),
            *_year_findings(meeting),
            *_letter_findings(document),
            *_character_findings(document, places),
        ]
    if spelling:
        findings.extend(_spelling_findings(document, places, accepted_words))
    return findings


# --- where things are -----------------------------------------------------------------------


def _places(meeting: Meeting) -> dict[int, str]:
    names: dict[int, str] = {}
    for section in meeting.sections:
        number = meeting.section_number(section)
        names[id(section)] = thai.section_heading_number(number) if number else "ส่วนก่อนระเบียบวาระ"
        for path, item in walk_items(section.items):
            names[id(item)] = f"วาระ {thai.item_number(number, path)}"
    return names


@dataclass(frozen=True)
class _Text:
    node: Node | None
    where: str
    text: str
    block_index: int = -1


def _texts(meeting: Meeting, places: dict[int, str]) -> Iterator[_Text]:
    """Every piece of text of the meeting with its place, in printing order."""
    for node in _nodes(meeting):
        where = places[id(node)]
        yield _Text(node, f"{where} หัวข้อ", node.title)
        if isinstance(node, Section) and node.presenter_wording.strip():
            yield _Text(node, f"{where} {WORDING_PLACE}", node.presenter_wording)
        if isinstance(node, Item) and node.presenter:
            yield _Text(node, f"{where} ผู้รายงาน", node.presenter)
        paragraph = 0
        for index, block in enumerate(node.blocks):
            if isinstance(block, Paragraph):
                paragraph += 1
                yield _Text(node, f"{where} ย่อหน้าที่ {thai.to_thai_digits(str(paragraph))}", block.text, index)
            elif isinstance(block, BulletList):
                for number, text in enumerate(block.items, start=1):
                    yield _Text(node, f"{where} รายการที่ {thai.to_thai_digits(str(number))}", text, index)
        if node.resolution:
            yield _Text(node, f"{where} มติที่ประชุม", node.resolution)


def _nodes(meeting: Meeting) -> Iterator[Node]:
    for section in meeting.sections:
        yield section
        for _, item in walk_items(section.items):
            yield item


# --- tables ---------------------------------------------------------------------------------

_TOTAL_WORDS = ("รวม", "รวมทั้งสิ้น", "รวมทั้งหมด", "ยอดรวม")


def _table_findings(meeting: Meeting, places: dict[int, str]) -> Iterator[Finding]:
    counts: dict[int, int] = {}
    for node, block in all_blocks(meeting):
        if not isinstance(block, Table):
            continue
        counts[id(node)] = counts.get(id(node), 0) + 1
        where = f"{places[id(node)]} ตารางที่ {thai.to_thai_digits(str(counts[id(node)]))}"
        computed = compute_table(block)
        for problem in computed.problems:
            cell = column_letter(problem.column) + ("" if problem.row is None else str(problem.row + 1))
            if problem.row is None:
                yield Finding(Severity.ERROR, f"{where} คอลัมน์ {cell}", problem.message, "แก้สูตรของคอลัมน์", node)
            elif not _is_typed_total(block.rows[problem.row]):
                fix = "พิมพ์เป็นตัวเลข หรือใช้ - เมื่อไม่มีข้อมูล"
                yield Finding(Severity.WARNING, f"{where} ช่อง {cell}", problem.message, fix, node)
        yield from _typed_totals(block, where, node)
        yield from _typed_formula_cells(block, computed, where, node)


def _typed_formula_cells(table: Table, computed: ComputedTable, where: str, node: Node) -> Iterator[Finding]:
    """A figure typed into a computed column (a percentage pasted from Word, say) must agree
    with what the formula gives, as printed."""
    for row_index, row in enumerate(table.rows):
        for column_index, column in enumerate(table.columns):
            if not column.formula or column_index >= len(row):
                continue
            typed = thai.parse_figure(row[column_index])
            shown = computed.rows[row_index][column_index]
            value = thai.parse_figure(shown)
            if typed is None or value is None or _same_as_shown(typed, value):
                continue
            cell = f"{column_letter(column_index)}{row_index + 1}"
            message = f"พิมพ์ไว้ {row[column_index]} แต่สูตร {shorten(column.formula)} ได้ {shown}"
            yield Finding(
                Severity.ERROR, f"{where} ช่อง {cell}", message, f"แก้เป็น {shown} หรือลบค่าที่พิมพ์ไว้", node
            )


def _same_as_shown(typed: Decimal, shown: Decimal) -> bool:
    """The typed figure, rounded as the computed one prints, is the computed one."""
    try:
        return typed.quantize(shown) == shown
    except DecimalException:  # pragma: no cover - figure_context holds every digit of a figure
        return False


def _is_typed_total(row: Sequence[str]) -> bool:
    first = next((cell.strip() for cell in row if cell.strip()), "")
    return first in _TOTAL_WORDS


def _typed_totals(table: Table, where: str, node: Node) -> Iterator[Finding]:
    """A total row the clerk typed must equal the sum of the rows above it (a percentage column
    is never a sum: its figure in a total row is an average or a rate). One pass over the rows,
    keeping each column's running sum."""
    summed_columns = [
        index
        for index, column in enumerate(table.columns)
        if column.kind.is_numeric and not column.formula and not is_percent_column(table, index)
    ]
    running = dict.fromkeys(summed_columns, Decimal(0))
    for row_index, row in enumerate(table.rows):
        total_row = _is_typed_total(row)
        for column_index in summed_columns:
            if column_index >= len(row):
                continue
            typed = thai.parse_figure(row[column_index])
            if typed is None:
                continue
            computed = running[column_index]
            running[column_index] = computed + typed
            if total_row and typed != computed:
                shown = thai.format_figure(computed, thai.decimals_of(row[column_index]))
                cell = f"{column_letter(column_index)}{row_index + 1}"
                message = f"ยอดรวมที่พิมพ์ไว้ {row[column_index]} ไม่เท่ากับผลรวมของแถวด้านบน ({shown})"
                yield Finding(Severity.ERROR, f"{where} ช่อง {cell}", message, f"แก้เป็น {shown}", node)


# --- text: amounts in words, weekdays, counts -------------------------------------------------

_DIGIT = "[0-9๐-๙]"
# A figure, `บาท` perhaps, and the words in brackets. Linear in the text: a figure starts only
# where no digit or comma stands before it, and the possessive quantifiers never give back what
# they took (`[0-9,]*(...)` tried every start and every length of a 20,000-digit run).
_AMOUNT = re.compile(
    rf"(?<![0-9๐-๙,])({_DIGIT}[0-9๐-๙,]*+(?:\.{_DIGIT}++)?)\s*+(?:บาท\s*+)?"
    r"\(\s*+([ก-๙][ก-๙\s]*?(?:บาทถ้วน|บาท|สตางค์))\s*\)"
)
_WEEKDAY = re.compile(
    rf"วัน({'|'.join(thai.THAI_WEEKDAYS)})ที่\s*({_DIGIT}{{1,2}})\s+({'|'.join(thai.THAI_MONTHS)})\s+(?:พ\.ศ\.\s*)?({_DIGIT}{{4}})"
)
WORDING_PLACE = "ถ้อยคำบรรทัดผู้รายงาน"
_ITEM_COUNT = re.compile(rf"จำนวน\s*({_DIGIT}+)\s*เรื่อง")
_PEOPLE_COUNT = re.compile(rf"(ผู้มาประชุม|ผู้เข้าร่วมประชุม|ผู้เข้าประชุม)\s*จำนวน\s*({_DIGIT}+)\s*คน")


def _number(text: str) -> int:
    return int(thai.to_arabic_digits(text))


def _text_findings(meeting: Meeting, places: dict[int, str]) -> Iterator[Finding]:
    present = len(meeting.attendees_with(AttendeeStatus.PRESENT))
    for piece in _texts(meeting, places):
        yield from _amounts(piece)
        yield from _weekdays(piece)
        yield from _item_counts(piece)
        for match in _PEOPLE_COUNT.finditer(piece.text):
            written = _number(match[2])
            if written != present and meeting.attendees:
                message = (
                    f"เขียนว่า{match[1]} {match[2]} คน แต่รายชื่อผู้มาประชุมมี {thai.to_thai_digits(str(present))} คน"
                )
                yield Finding(Severity.ERROR, piece.where, message, "แก้จำนวนหรือรายชื่อให้ตรงกัน", piece.node)


def _amounts(piece: _Text) -> Iterator[Finding]:
    for match in _AMOUNT.finditer(piece.text):
        figure = thai.parse_figure(match[1])
        if figure is None:
            continue
        written = "".join(match[2].split())
        expected = thai.amount_in_words(figure)
        if written != expected and written + "ถ้วน" != expected:
            message = f"ตัวเลข {match[1]} บาท แต่ตัวอักษรเขียนว่า “{written}”"
            yield Finding(Severity.ERROR, piece.where, message, f"({expected})", piece.node)


def _weekdays(piece: _Text) -> Iterator[Finding]:
    for match in _WEEKDAY.finditer(piece.text):
        try:
            day = dt.date(
                thai.gregorian_year(_number(match[4])),
                thai.THAI_MONTHS.index(match[3]) + 1,
                _number(match[2]),
            )
        except ValueError:
            yield Finding(Severity.ERROR, piece.where, f"ไม่มีวันที่ “{match[0]}”", "ตรวจวันที่", piece.node)
            continue
        actual = thai.THAI_WEEKDAYS[day.weekday()]
        if actual != match[1]:
            message = f"“{match[0]}” ไม่ใช่วัน{match[1]} แต่เป็นวัน{actual}"
            yield Finding(
                Severity.ERROR, piece.where, message, thai.format_date(day, weekday=True), piece.node
            )


def _item_counts(piece: _Text) -> Iterator[Finding]:
    """`จำนวน ๓ เรื่อง ดังนี้` counts the list right after it, or else the sub-items."""
    node = piece.node
    if node is None or piece.block_index < 0:
        return
    for match in _ITEM_COUNT.finditer(piece.text):
        following = node.blocks[piece.block_index + 1] if piece.block_index + 1 < len(node.blocks) else None
        if isinstance(following, BulletList):
            actual, what = len(following.items), "รายการที่ตามมา"
        elif node.items:
            actual, what = len(node.items), "เรื่องย่อยที่ตามมา"
        else:
            continue
        if _number(match[1]) != actual:
            message = f"เขียนว่าจำนวน {match[1]} เรื่อง แต่{what}มี {thai.to_thai_digits(str(actual))} เรื่อง"
            yield Finding(Severity.ERROR, piece.where, message, "แก้จำนวนให้ตรงกับเรื่องที่ตามมา", node)


def _wording_findings(meeting: Meeting, places: dict[int, str]) -> Iterator[Finding]:
    """A section's own presenter wording holds the words only: the count and `ดังนี้` are added
    when the line prints, so typing them there prints them twice."""
    for section in meeting.sections:
        own = section.presenter_wording
        if own.strip() and (_ITEM_COUNT.search(own) or "ดังนี้" in own):
            message = f"ถ้อยคำ “{shorten(own.strip())}” มีจำนวนเรื่องหรือคำว่า ดังนี้ ซึ่งโปรแกรมเติมให้เองแล้ว จึงจะพิมพ์ซ้ำ"
            fix = f"พิมพ์เฉพาะถ้อยคำ เช่น {derived_wording(section.title)}"
            yield Finding(Severity.WARNING, f"{places[id(section)]} {WORDING_PLACE}", message, fix, section)


# --- structure and numbering ------------------------------------------------------------------


def _structure_findings(meeting: Meeting, places: dict[int, str]) -> Iterator[Finding]:
    for section in meeting.sections:
        if section.is_agenda and not section.items and not section.resolution.strip():
            message = "ระเบียบวาระนี้ไม่มีมติที่ประชุม"
            yield Finding(Severity.WARNING, places[id(section)], message, "ใส่มติ เช่น รับทราบ", section)
        for item in section.items:
            if not item.resolution.strip() and not _any_resolution(item.items):
                message = "เรื่องนี้ไม่มีมติที่ประชุม"
                yield Finding(Severity.WARNING, places[id(item)], message, "ใส่มติ เช่น รับทราบ", item)
        for _, item in walk_items(section.items):
            if not item.title.strip():
                yield Finding(Severity.ERROR, places[id(item)], "เรื่องนี้ไม่มีหัวข้อ", "พิมพ์หัวข้อเรื่อง", item)
            elif not item.blocks and not item.items and not item.resolution.strip():
                yield Finding(
                    Severity.WARNING, places[id(item)], "เรื่องนี้ไม่มีเนื้อหา", "พิมพ์รายละเอียด หรือลบเรื่องนี้", item
                )
    counted = quorum(meeting)
    if meeting.attendees_with(AttendeeStatus.ABSENT) and not counted.met:
        message = thai.to_thai_digits(f"ผู้มาประชุม {counted.present} คน ") + counted.words()
        yield Finding(Severity.WARNING, "ผู้เข้าประชุม", message, "ตรวจว่าใครมาหรือไม่มาประชุม")
    seen: dict[tuple[str, str], int] = {}
    for number, attendee in enumerate(meeting.attendees, start=1):
        key = (attendee.first.strip(), attendee.last.strip())
        if key[0] and key in seen:
            where = f"ผู้เข้าประชุมลำดับที่ {thai.to_thai_digits(str(number))}"
            message = f"{attendee.full_name} มีชื่อซ้ำกับลำดับที่ {thai.to_thai_digits(str(seen[key]))}"
            yield Finding(Severity.ERROR, where, message, "ลบรายชื่อที่ซ้ำ")
        seen.setdefault(key, number)


def _vote_findings(meeting: Meeting, places: dict[int, str]) -> Iterator[Finding]:
    """Votes no more than those present (members and guests who came: a guest may have a vote
    in some bodies); votes counted for a resolution not yet written."""
    present = len(meeting.attendees_with(AttendeeStatus.PRESENT))
    nodes: list[Section | Item] = []
    for section in meeting.sections:
        nodes.append(section)
        nodes.extend(item for _, item in walk_items(section.items))
    for node in nodes:
        vote = node.vote
        if vote is None:
            continue
        if meeting.attendees and vote.total > present:
            message = thai.to_thai_digits(f"คะแนนเสียงรวม {vote.total} เสียง มากกว่าผู้มาประชุม {present} คน")
            yield Finding(Severity.ERROR, places[id(node)], message, "ตรวจคะแนนเสียงหรือรายชื่อผู้มาประชุม", node)
        if not node.resolution.strip():
            message = "มีคะแนนเสียงแต่ยังไม่มีข้อความมติที่ประชุม"
            yield Finding(Severity.WARNING, places[id(node)], message, "พิมพ์มติ เช่น อนุมัติ", node)


def _any_resolution(items: list[Item]) -> bool:
    return any(item.resolution.strip() or _any_resolution(item.items) for item in items)


def _numbering_findings(
    meeting: Meeting, others: Sequence[OtherMeeting], places: dict[int, str]
) -> Iterator[Finding]:
    label = thai.to_thai_digits(f"{meeting.seq}/{meeting.year}")
    for other in others:
        if other.id != meeting.id and other.seq == meeting.seq and other.year == meeting.year:
            message = f"ครั้งที่ {label} ซ้ำกับการประชุมอื่นในปีเดียวกัน"
            yield Finding(Severity.ERROR, "ข้อมูลการประชุม", message, "แก้ลำดับครั้งที่ประชุม")
            break
    for piece in _texts(meeting, places):
        node = piece.node
        if node is None or "ครั้งต่อไป" not in node.title + piece.text:
            continue
        for number in recognize.meeting_numbers(piece.text):
            seq, year = number.seq, number.year
            follows = (seq == meeting.seq + 1 and year == meeting.year) or (
                seq == 1 and year == meeting.year + 1
            )
            if not follows and (seq, year) != (meeting.seq, meeting.year):
                expected = thai.to_thai_digits(f"{meeting.seq + 1}/{meeting.year}")
                message = f"การประชุมครั้งต่อไปเขียนว่าครั้งที่ {number.written} แต่ครั้งนี้คือ {label}"
                yield Finding(Severity.ERROR, piece.where, message, f"ครั้งที่ {expected}", node)


def _year_findings(meeting: Meeting) -> Iterator[Finding]:
    """`ครั้งที่ ๘/๒๕๖๖` names the Buddhist year of the meeting's date, or, from October on, the
    fiscal year that began then (offices that number their meetings by fiscal year)."""
    calendar_year = thai.buddhist_year(meeting.date.year)
    fiscal_year = calendar_year + 1 if meeting.date.month >= 10 else calendar_year
    if meeting.year in (calendar_year, fiscal_year):
        return
    year = thai.to_thai_digits(str(meeting.year))
    expected = thai.to_thai_digits(str(calendar_year))
    message = (
        f"ครั้งที่ {meeting.number_label} ระบุปี {year} แต่วันประชุม {thai.format_date(meeting.date)} อยู่ในปี {expected}"
    )
    yield Finding(Severity.ERROR, "ข้อมูลการประชุม", message, f"แก้ปีเป็น {expected} หรือแก้วันประชุม")


# --- characters that cannot be seen -----------------------------------------------------------


def _character_findings(document: MeetingDocument, places: dict[int, str]) -> Iterator[Finding]:
    """Text stored before it was cleaned at the door may hold control characters a document
    cannot hold (they are left out when it is exported and when the text is next edited); any
    text may hold bidirectional controls, which make a line read in another order than it was
    typed."""
    for where, texts, node in _all_texts(document, places):
        forbidden = [char for text in texts for char in forbidden_characters(text)]
        if forbidden:
            message = f"มีอักขระควบคุมที่มองไม่เห็น ({code_points(list(dict.fromkeys(forbidden)))}) ซึ่งเอกสารใส่ไม่ได้"
            fix = "แก้ไขข้อความนี้ โปรแกรมจะตัดอักขระนั้นออกเมื่อบันทึก"
            yield Finding(Severity.WARNING, where, message, fix, node)
        bidi = [char for text in texts for char in bidi_controls(text)]
        if bidi:
            message = (
                f"มีอักขระกำหนดทิศทางข้อความที่มองไม่เห็น ({code_points(list(dict.fromkeys(bidi)))}) "
                "ซึ่งอาจทำให้ข้อความแสดงสลับลำดับจากที่พิมพ์"
            )
            yield Finding(Severity.WARNING, where, message, "ลบอักขระนั้นออก หากไม่ได้ตั้งใจใส่", node)


def _all_texts(
    document: MeetingDocument, places: dict[int, str]
) -> Iterator[tuple[str, list[str], Node | None]]:
    """Every text of the document, grouped by the place a finding names."""
    meeting = document.meeting
    header = [meeting.title, meeting.period, meeting.venue]
    for person in (meeting.recorder, meeting.checker):
        if person is not None:
            header.extend((person.name, person.position))
    yield "ข้อมูลการประชุม", header, None
    for number, attendee in enumerate(meeting.attendees, start=1):
        texts = [attendee.prefix, attendee.first, attendee.last, attendee.position, attendee.note]
        yield f"ผู้เข้าประชุมลำดับที่ {thai.to_thai_digits(str(number))}", texts, None
    for piece in _texts(meeting, places):
        yield piece.where, [piece.text], piece.node
    for node in _nodes(meeting):
        tables = 0
        for block in node.blocks:
            if isinstance(block, Table):
                tables += 1
                texts = [block.title, block.note, block.total_label or ""]
                texts.extend(
                    text for column in block.columns for text in (column.title, column.group, column.formula)
                )
                texts.extend(cell for row in block.rows for cell in row)
                yield f"{places[id(node)]} ตารางที่ {thai.to_thai_digits(str(tables))}", texts, node
            elif isinstance(block, Attachment):
                yield f"{places[id(node)]} สิ่งที่แนบ", [block.title], node
    letter = document.letter
    if letter is not None:
        texts = [letter.number, letter.subject, letter.to, letter.closing]
        texts.extend([*letter.references, *letter.enclosures, *letter.body])
        if letter.signer is not None:
            texts.extend((letter.signer.name, letter.signer.position))
        texts.extend(text for recipient in letter.recipients for text in (recipient.name, recipient.note))
        yield "หนังสือนำส่ง", texts, None
    office = document.office
    if office is not None:
        texts = [office.name, office.doc_prefix, office.unit, office.phone, office.fax, office.email]
        texts.extend([*office.address, *office.slogan])
        yield "ข้อมูลหน่วยงาน", texts, None


# --- the letter -----------------------------------------------------------------------------


def _letter_findings(document: MeetingDocument) -> Iterator[Finding]:
    letter = document.letter
    if letter is None:
        return
    where = "หนังสือนำส่ง"
    if letter.date and letter.certify_by and letter.certify_by < letter.date:
        message = f"กำหนดแจ้งแก้ไข {thai.format_date(letter.certify_by)} อยู่ก่อนวันที่ของหนังสือ {thai.format_date(letter.date)}"
        yield Finding(Severity.ERROR, where, message, "เลื่อนกำหนดแจ้งแก้ไขให้อยู่หลังวันที่ของหนังสือ")
    if letter.date and letter.date < document.meeting.date:
        message = (
            f"หนังสือลงวันที่ {thai.format_date(letter.date)} ก่อนวันประชุม {thai.format_date(document.meeting.date)}"
        )
        yield Finding(Severity.ERROR, where, message, "แก้วันที่ของหนังสือ")
    if letter.signer is None or not letter.signer.name.strip():
        yield Finding(Severity.ERROR, where, "ยังไม่มีผู้ลงนาม", "ใส่ชื่อและตำแหน่งผู้ลงนาม")


# --- spelling -------------------------------------------------------------------------------

_THAI_WORD = re.compile("^[ก-ฮะ-ฺเ-ๅ็-๎]+$")
MAX_SPELLING_FINDINGS = 60


def _unknown_stretches(tokens: list[str], known: Container[str]) -> Iterator[str]:
    """Unknown words as typed. A misspelling falls apart into dictionary pieces and a leftover
    (`ประชูม` → `ประ|ชู|ม`), so the short pieces around an unknown one are joined back to it."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _THAI_WORD.match(token) or token in known:
            index += 1
            continue
        start, end = index, index + 1
        while (
            start > 0
            and index - start < 2
            and _THAI_WORD.match(tokens[start - 1])
            and len(tokens[start - 1]) <= 3
        ):
            start -= 1
        while (
            end < len(tokens) and end - index < 3 and _THAI_WORD.match(tokens[end]) and len(tokens[end]) <= 2
        ):
            end += 1
        stretch = "".join(tokens[start:end])
        if len(stretch) >= 2 and stretch not in known:
            yield stretch
        index = end


def _spelling_findings(
    document: MeetingDocument, places: dict[int, str], accepted: Iterable[str]
) -> Iterator[Finding]:
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415

    names = {part for a in document.meeting.attendees for part in (a.first, a.last) if part}
    words = word_trie().with_words(set(accepted) | names)  # names and accepted words cut whole
    reported: set[str] = set()
    for piece in _texts(document.meeting, places):
        tokens = word_tokenize(piece.text, custom_dict=words, engine="newmm", keep_whitespace=True)
        for word in _unknown_stretches(tokens, words):
            if word in reported:
                continue
            reported.add(word)
            suggestions = spelling_suggestions(word)
            fix = " หรือ ".join(suggestions) if suggestions else "เพิ่มในรายการคำของหน่วยงานถ้าสะกดถูกแล้ว"
            message = f"ไม่รู้จักคำว่า “{word}”"
            yield Finding(Severity.WARNING, piece.where, message, fix, piece.node)
            if len(reported) >= MAX_SPELLING_FINDINGS:
                return
