"""The meeting domain: office, meeting header, roster, agenda tree with blocks and tables, and the
cover letter.

Plain dataclasses, no storage and no Qt. Storage ids ride along (`id`, excluded from equality) so
that an edit in the window can name the row it changes. Item numbers are never stored: they
follow from the position in the tree (`numbered_items`), and so do section numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from models import thai


class AttendeeStatus(StrEnum):
    PRESENT = "present"  # ผู้มาประชุม
    ABSENT = "absent"  # ผู้ไม่มาประชุม
    GUEST = "guest"  # ผู้เข้าร่วมประชุม


class ColumnKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    PERCENT = "percent"

    @property
    def is_numeric(self) -> bool:
        return self is not ColumnKind.TEXT


class RecipientStatus(StrEnum):
    PENDING = "pending"
    CERTIFIED = "certified"
    CORRECTIONS = "corrections"


DEFAULT_TOTAL_LABEL = "รวม"
DEFAULT_CLOSING = "ขอแสดงความนับถือ"


@dataclass
class Office:
    """The sending office, shared by every meeting it holds."""

    name: str
    address: list[str] = field(default_factory=list)
    doc_prefix: str = ""
    unit: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    slogan: list[str] = field(default_factory=list)
    garuda: bytes | None = field(default=None, repr=False)  # emblem image, kept in the database only
    id: int | None = field(default=None, compare=False)


@dataclass
class Person:
    """A name with prefix and a position that may span several lines (`\\n`)."""

    name: str
    position: str = ""


@dataclass
class Attendee:
    first: str
    status: AttendeeStatus = AttendeeStatus.PRESENT
    prefix: str = ""
    last: str = ""
    position: str = ""
    note: str = ""
    id: int | None = field(default=None, compare=False)

    @property
    def full_name(self) -> str:
        """`นางสาวสมใจ ใจดี`: the prefix is written against the first name, as Thai names are;
        a Latin one apart from it (`Mr. John Smith`)."""
        apart = " " if self.prefix[-1:].isascii() and self.prefix[:1].isascii() and self.prefix else ""
        return f"{self.prefix}{apart}{self.first} {self.last}".strip()


@dataclass
class Column:
    title: str
    group: str = ""
    kind: ColumnKind = ColumnKind.TEXT
    formula: str = ""


@dataclass
class Paragraph:
    text: str
    indent: bool = True
    id: int | None = field(default=None, compare=False)


@dataclass
class BulletList:
    items: list[str]
    ordered: bool = False
    id: int | None = field(default=None, compare=False)


@dataclass
class Table:
    """A table as the clerk typed it; totals and formula columns are computed (`models.tables`)."""

    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    title: str = ""
    total_label: str | None = None  # None: no total row
    note: str = ""
    id: int | None = field(default=None, compare=False)
    # the database ids of `rows`, in the same order (empty for a table not stored): edits address
    # rows by id (models.editing keeps the two lists together)
    row_ids: list[int] = field(default_factory=list, compare=False, repr=False)

    @property
    def has_total(self) -> bool:
        return self.total_label is not None


@dataclass
class Attachment:
    title: str
    id: int | None = field(default=None, compare=False)


Block = Paragraph | BulletList | Table | Attachment


@dataclass(frozen=True)
class Vote:
    """The votes a resolution was carried by (เห็นด้วย, ไม่เห็นด้วย, งดออกเสียง)."""

    in_favour: int = 0
    against: int = 0
    abstained: int = 0

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.abstained


@dataclass
class Item:
    title: str
    presenter: str = ""
    blocks: list[Block] = field(default_factory=list)
    resolution: str = ""
    items: list[Item] = field(default_factory=list)
    follow_up: bool = False  # carried to the next meeting's เรื่องสืบเนื่อง (kept in the database only)
    confidential: bool = False  # ลับ: left out of the public version of the minutes, with its sub-items
    vote: Vote | None = None  # the votes its resolution was carried by, when counted
    id: int | None = field(default=None, compare=False)


CONFIDENTIAL_MARK = "(ลับ)"  # after the title of an item marked confidential, in the window


@dataclass
class Section:
    """An agenda section (`ระเบียบวาระที่ n`), or the part before the agenda when not `is_agenda`."""

    title: str
    is_agenda: bool = True
    blocks: list[Block] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    resolution: str = ""
    presenter_wording: str = ""  # presenter lines: words after the name; empty: from the title
    vote: Vote | None = None  # the votes its resolution was carried by, when counted
    id: int | None = field(default=None, compare=False)


Node = Section | Item


@dataclass
class Meeting:
    title: str
    seq: int
    year: int  # Buddhist era
    date: dt.date
    period: str = ""
    start: dt.time | None = None
    end: dt.time | None = None
    venue: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    recorder: Person | None = None
    checker: Person | None = None
    certified: dt.date | None = None  # the day the minutes were certified (database only)
    id: int | None = field(default=None, compare=False)

    def attendees_with(self, status: AttendeeStatus) -> list[Attendee]:
        return [a for a in self.attendees if a.status is status]

    def section_number(self, section: Section) -> int | None:
        """`n` of `ระเบียบวาระที่ n`: the count of agenda sections up to this one."""
        if not section.is_agenda:
            return None
        number = 0
        for candidate in self.sections:
            number += candidate.is_agenda
            if candidate is section:
                return number
        raise ValueError("the section is not in this meeting")

    @property
    def number_label(self) -> str:
        """`๘/๒๕๖๖` of `ครั้งที่ ๘/๒๕๖๖`."""
        return thai.to_thai_digits(f"{self.seq}/{self.year}")


@dataclass
class Recipient:
    name: str
    status: RecipientStatus = RecipientStatus.PENDING
    note: str = ""
    answered: dt.date | None = None  # when the answer came (database only)
    id: int | None = field(default=None, compare=False)


@dataclass
class Letter:
    """The cover letter (หนังสือนำส่ง). Empty `body`: the exporter writes it from the meeting."""

    number: str = ""
    date: dt.date | None = None
    subject: str = ""
    to: str = ""
    references: list[str] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    closing: str = ""  # empty: DEFAULT_CLOSING
    signer: Person | None = None
    certify_by: dt.date | None = None
    recipients: list[Recipient] = field(default_factory=list)


@dataclass(frozen=True)
class Amendment:
    """A change made to certified minutes: who, when, where, what it was, what it became, why."""

    at: dt.datetime
    who: str
    why: str
    place: str
    before: str
    after: str


@dataclass
class MeetingDocument:
    """What one meeting file holds: the meeting with its office and cover letter."""

    meeting: Meeting
    office: Office | None = None
    letter: Letter | None = None
    amendments: list[Amendment] = field(default_factory=list, compare=False)  # database only


@dataclass(frozen=True)
class NumberedItem:
    section: Section
    item: Item
    path: tuple[int, ...]
    number: str  # printed form, Thai digits


def walk_items(items: list[Item], path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Item]]:
    """Every item below, depth first in printing order, with its 1-based path."""
    for index, item in enumerate(items, start=1):
        item_path = (*path, index)
        yield item_path, item
        yield from walk_items(item.items, item_path)


def has_confidential_items(meeting: Meeting) -> bool:
    """Whether an item of the meeting is marked confidential (it then has a public version)."""
    return any(item.confidential for section in meeting.sections for _, item in walk_items(section.items))


def numbered_items(meeting: Meeting, thai_digits: bool = True) -> Iterator[NumberedItem]:
    """Every item of the meeting with the number it prints with (`๓.๑๒`, `(๒)`, `(๕.๑)`)."""
    for section in meeting.sections:
        section_number = meeting.section_number(section)
        for path, item in walk_items(section.items):
            number = thai.item_number(section_number, path, thai_digits)
            yield NumberedItem(section, item, path, number)


def all_blocks(meeting: Meeting) -> Iterator[tuple[Node, Block]]:
    """Every block of the meeting in printing order with the section or item that holds it."""
    for section in meeting.sections:
        for block in section.blocks:
            yield section, block
        for _, item in walk_items(section.items):
            for block in item.blocks:
                yield item, block


def find_parent(meeting: Meeting, node: Node) -> tuple[Node | None, list[Item] | list[Section]]:
    """The section or item holding `node` (None for a section) and the list it stands in."""
    if isinstance(node, Section):
        return None, meeting.sections
    for section in meeting.sections:
        if any(child is node for child in section.items):
            return section, section.items
        for _, item in walk_items(section.items):
            if any(child is node for child in item.items):
                return item, item.items
    raise ValueError("the item is not in this meeting")


def node_text(node: Node) -> str:
    """Everything a clerk typed in a section or item (not its children), for finding."""
    parts = [
        node.title,
        getattr(node, "presenter", ""),
        getattr(node, "presenter_wording", ""),
        node.resolution,
    ]
    for block in node.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts.extend(block.items)
        elif isinstance(block, Table):
            parts.extend([block.title, block.note, *(c.title for c in block.columns)])
            parts.extend(cell for row in block.rows for cell in row)
        else:
            parts.append(block.title)
    return "\n".join(parts)


def nodes_containing(meeting: Meeting, words: str) -> list[Node]:
    """Sections and items whose own text contains the words, in printing order; Thai and Arabic
    digits match each other."""
    wanted = thai.to_thai_digits(words.strip())
    if not wanted:
        return []
    found: list[Node] = []
    for section in meeting.sections:
        if wanted in thai.to_thai_digits(node_text(section)):
            found.append(section)
        found.extend(
            item for _, item in walk_items(section.items) if wanted in thai.to_thai_digits(node_text(item))
        )
    return found
