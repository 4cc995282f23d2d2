"""Edits of one open meeting: each changes the meeting in memory and stores the change at once,
as one small transaction (`models.storage`).

The window's undo commands call these methods and nothing else, so what the clerk sees, what
is stored and what undo restores cannot drift apart. Every method that removes something returns
what undo needs to put it back.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from models import thai
from models.meeting import (
    Amendment,
    Attendee,
    Block,
    Column,
    Item,
    Letter,
    MeetingDocument,
    Node,
    Office,
    Paragraph,
    Person,
    Recipient,
    RecipientStatus,
    Section,
    Table,
    find_parent,
)
from models.storage import Database

OFFICE_FIELDS = ("name", "address", "doc_prefix", "unit", "phone", "fax", "email", "slogan", "garuda")
MEETING_FIELDS = ("title", "period", "seq", "year", "date", "start", "end", "venue", "recorder", "checker")


class MinutesCertifiedError(Exception):
    """An edit of certified minutes outside an amendment; the message is in Thai."""


class CertificationError(Exception):
    """The minutes cannot be certified yet; the message says why, in Thai."""


Method = TypeVar("Method", bound=Callable[..., Any])


def _text(value: Any) -> str:
    """A value as the amendment list prints it."""
    if value is None:
        return ""
    if isinstance(value, Removed):
        return _text(value.node)
    if isinstance(value, Item | Section):
        return value.title
    if isinstance(value, Paragraph):
        return value.text
    if isinstance(value, Attendee):
        return f"{value.full_name} {value.position}".strip()
    if isinstance(value, Person):
        return f"{value.name} {value.position}".strip()
    if isinstance(value, dt.date | dt.time):
        return thai.format_date(value) if isinstance(value, dt.date) else thai.format_time(value)
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    return thai.to_thai_digits(str(value)) if isinstance(value, int) else str(value)


def _minutes_change(place: str) -> Callable[[Method], Method]:
    """Mark a method that changes the minutes: refused once they are certified, unless an
    amendment is open, in which case the change is recorded with what it was and became."""

    def decorate(method: Method) -> Method:
        @functools.wraps(method)
        def guarded(self: MeetingEditor, *args: Any, **kwargs: Any) -> Any:
            if self.document.meeting.certified is None or self._inside_change:
                return method(self, *args, **kwargs)
            if self.amendment is None:
                raise MinutesCertifiedError(
                    "รายงานการประชุมนี้รับรองแล้ว แก้ไขได้โดยบันทึกการแก้ไขหลังรับรอง (ระบุผู้แก้และเหตุผล) เท่านั้น"
                )
            self._inside_change = True  # the steps of this change are not recorded one by one
            try:
                result = method(self, *args, **kwargs)
            finally:
                self._inside_change = False
            new = args[-1] if args else next(iter(kwargs.values()), None)
            removes = method.__name__.startswith("remove")
            before, after = (_text(result), "") if removes else (_text(result), _text(new))
            if method.__name__.startswith(("insert", "restore")):
                before, after = "", _text(new)
            self._record(place, before, after)
            return result

        return guarded  # type: ignore[return-value]

    return decorate


@dataclass(frozen=True)
class Removed:
    """Where a removed node stood, to put it back."""

    parent: Node | None
    index: int
    node: Node


class MeetingEditor:
    def __init__(self, database: Database, meeting_id: int) -> None:
        self.database = database
        self.document: MeetingDocument = database.load_document(meeting_id)
        self.amendment: tuple[str, str] | None = None  # (who, why) while an amendment is open
        self._inside_change = False

    @property
    def meeting_id(self) -> int:
        meeting_id = self.document.meeting.id
        assert meeting_id is not None  # a loaded meeting always has its id
        return meeting_id

    # --- certification ------------------------------------------------------------------------

    @property
    def certified(self) -> bool:
        return self.document.meeting.certified is not None

    def record_answer(
        self, index: int, status: RecipientStatus, note: str = "", on: dt.date | None = None
    ) -> None:
        """A recipient's answer: certified, or corrections with a note."""
        letter = self.document.letter
        assert letter is not None
        recipient = letter.recipients[index]
        recipient.status, recipient.note, recipient.answered = status, note, on or dt.date.today()
        assert recipient.id is not None
        self.database.update_recipient(
            recipient.id, status=status.value, note=note, answered=recipient.answered
        )

    def why_not_certifiable(self, today: dt.date) -> str | None:
        """None when the minutes may be certified: every recipient answered, or the deadline passed."""
        if self.certified:
            return "รายงานการประชุมนี้รับรองแล้ว"
        letter = self.document.letter
        waiting = [r.name for r in letter.recipients if r.status is RecipientStatus.PENDING] if letter else []
        deadline = letter.certify_by if letter else None
        if not waiting or (deadline is not None and today > deadline):
            return None
        until = f" หรือพ้นกำหนดวันที่ {thai.format_date(deadline)}" if deadline else ""
        return f"ยังรอคำตอบจาก {thai.to_thai_digits(str(len(waiting)))} ราย ({', '.join(waiting[:3])}){until}"

    def certify(self, today: dt.date) -> None:
        reason = self.why_not_certifiable(today)
        if reason is not None:
            raise CertificationError(f"ยังรับรองรายงานการประชุมไม่ได้: {reason}")
        self.document.meeting.certified = today
        self.database.update_meeting(self.meeting_id, certified=today)

    def begin_amendment(self, who: str, why: str) -> None:
        if not self.certified:
            raise CertificationError("รายงานการประชุมยังไม่ได้รับรอง แก้ไขได้ตามปกติ")
        if not who.strip() or not why.strip():
            raise CertificationError("การแก้ไขหลังรับรองต้องระบุผู้แก้และเหตุผล")
        self.amendment = (who.strip(), why.strip())

    def end_amendment(self) -> None:
        self.amendment = None

    def amendments(self) -> list[Amendment]:
        return self.database.amendments(self.meeting_id)

    def _record(self, place: str, before: str, after: str) -> None:
        assert self.amendment is not None
        who, why = self.amendment
        self.database.add_amendment(
            self.meeting_id, Amendment(dt.datetime.now(), who, why, place, before, after)
        )

    # --- header -------------------------------------------------------------------------------

    @_minutes_change("ข้อมูลการประชุม")
    def set_meeting_field(self, name: str, value: Any) -> Any:
        """Set a header field; returns the value it had."""
        if name not in MEETING_FIELDS:
            raise KeyError(name)
        meeting = self.document.meeting
        old = getattr(meeting, name)
        setattr(meeting, name, value)
        self.database.update_meeting(self.meeting_id, **{name: value})
        return old

    # --- roster -------------------------------------------------------------------------------

    @_minutes_change("เพิ่มผู้เข้าประชุม")
    def insert_attendee(self, index: int, attendee: Attendee) -> None:
        attendees = self.document.meeting.attendees
        index = max(0, min(index, len(attendees)))
        self.database.insert_attendee(self.meeting_id, index, attendee)
        attendees.insert(index, attendee)

    @_minutes_change("ลบผู้เข้าประชุม")
    def remove_attendee(self, index: int) -> Attendee:
        attendee = self.document.meeting.attendees.pop(index)
        assert attendee.id is not None
        self.database.delete_attendee(attendee.id)
        return attendee

    @_minutes_change("ลำดับผู้เข้าประชุม")
    def move_attendee(self, index: int, new_index: int) -> None:
        attendees = self.document.meeting.attendees
        attendee = attendees.pop(index)
        new_index = max(0, min(new_index, len(attendees)))
        attendees.insert(new_index, attendee)
        assert attendee.id is not None
        self.database.move_attendee(attendee.id, new_index)

    @_minutes_change("ผู้เข้าประชุม")
    def set_attendee_field(self, index: int, name: str, value: Any) -> Any:
        attendee = self.document.meeting.attendees[index]
        old = getattr(attendee, name)
        setattr(attendee, name, value)
        assert attendee.id is not None
        self.database.update_attendee(attendee.id, **{name: value})
        return old

    # --- agenda tree --------------------------------------------------------------------------

    def children_of(self, parent: Node | None) -> list[Any]:
        return self.document.meeting.sections if parent is None else parent.items

    @_minutes_change("เพิ่มเรื่อง")
    def insert_node(self, parent: Node | None, index: int, node: Node) -> None:
        """A section at the top (parent None) or an item under a section or item."""
        siblings = self.children_of(parent)
        index = max(0, min(index, len(siblings)))
        self.database.insert_node(self.meeting_id, parent.id if parent else None, index, node)
        siblings.insert(index, node)

    @_minutes_change("ลบเรื่อง")
    def remove_node(self, node: Node) -> Removed:
        parent, siblings = find_parent(self.document.meeting, node)
        index = next(i for i, sibling in enumerate(siblings) if sibling is node)
        siblings.pop(index)
        assert node.id is not None
        self.database.delete_node(node.id)
        return Removed(parent, index, node)

    @_minutes_change("เพิ่มเรื่อง")
    def restore_node(self, removed: Removed) -> None:
        """Put back a removed node with everything below it (new ids, same content)."""
        self.insert_node(removed.parent, removed.index, removed.node)

    @_minutes_change("ย้ายเรื่อง")
    def move_node(self, node: Node, parent: Node | None, index: int) -> Removed:
        """Move a node under `parent` at `index`; returns where it stood before."""
        old_parent, siblings = find_parent(self.document.meeting, node)
        old_index = next(i for i, sibling in enumerate(siblings) if sibling is node)
        siblings.pop(old_index)
        target = self.children_of(parent)
        index = max(0, min(index, len(target)))
        target.insert(index, node)
        assert node.id is not None
        self.database.move_node(node.id, parent.id if parent else None, index)
        return Removed(old_parent, old_index, node)

    @_minutes_change("เรื่อง")
    def set_node_field(self, node: Node, name: str, value: Any) -> Any:
        attribute = "is_agenda" if name == "is_agenda" else name
        old = getattr(node, attribute)
        setattr(node, attribute, value)
        assert node.id is not None
        self.database.update_node(node.id, **{name: value})
        return old

    # --- blocks -------------------------------------------------------------------------------

    @_minutes_change("เพิ่มย่อหน้า")
    def insert_block(self, node: Node, index: int, block: Block) -> None:
        index = max(0, min(index, len(node.blocks)))
        assert node.id is not None
        self.database.insert_block(node.id, index, block)
        node.blocks.insert(index, block)

    @_minutes_change("ลบย่อหน้า")
    def remove_block(self, node: Node, index: int) -> Block:
        block = node.blocks.pop(index)
        assert block.id is not None
        self.database.delete_block(block.id)
        return block

    @_minutes_change("ลำดับย่อหน้า")
    def move_block(self, node: Node, index: int, new_index: int) -> None:
        block = node.blocks.pop(index)
        new_index = max(0, min(new_index, len(node.blocks)))
        node.blocks.insert(new_index, block)
        assert block.id is not None and node.id is not None
        self.database.move_block(block.id, node.id, new_index)

    @_minutes_change("ข้อความ")
    def set_block_field(self, block: Block, name: str, value: Any) -> Any:
        old = copy.deepcopy(getattr(block, name))
        setattr(block, name, value)
        assert block.id is not None
        self.database.update_block(block.id, **{name: value})
        return old

    @_minutes_change("ช่องในตาราง")
    def set_cell(self, table: Table, row: int, column: int, text: str) -> str:
        cells = table.rows[row]
        while len(cells) <= column:
            cells.append("")
        old = cells[column]
        cells[column] = text
        assert table.id is not None
        self.database.update_table_row(table.id, row, cells)
        return old

    @_minutes_change("เพิ่มแถวในตาราง")
    def insert_table_row(self, table: Table, index: int, cells: list[str]) -> None:
        index = max(0, min(index, len(table.rows)))
        assert table.id is not None
        self.database.insert_table_row(table.id, index, cells)
        table.rows.insert(index, cells)

    @_minutes_change("ลบแถวในตาราง")
    def remove_table_row(self, table: Table, index: int) -> list[str]:
        cells = table.rows.pop(index)
        assert table.id is not None
        self.database.delete_table_row(table.id, index)
        return cells

    @_minutes_change("คอลัมน์ของตาราง")
    def set_table_shape(
        self, table: Table, shape: tuple[list[Column], list[list[str]]]
    ) -> tuple[list[Column], list[list[str]]]:
        """Give a table new columns and rows at once (columns added, removed or changed);
        returns the columns and rows it had."""
        columns, rows = shape
        old = (copy.deepcopy(table.columns), [list(row) for row in table.rows])
        self.set_block_field(table, "columns", copy.deepcopy(columns))
        while table.rows:
            self.remove_table_row(table, len(table.rows) - 1)
        for index, cells in enumerate(rows):
            self.insert_table_row(table, index, list(cells))
        return old

    # --- office -------------------------------------------------------------------------------

    def set_office(self, office: Office) -> Office | None:
        """Change the sending office's profile (shared by its meetings); returns the old one."""
        old = copy.deepcopy(self.document.office)
        current = self.document.office
        if current is not None and current.id is not None:
            fields = {name: getattr(office, name) for name in OFFICE_FIELDS}
            self.database.update_office(current.id, **fields)
            for name, value in fields.items():
                setattr(current, name, copy.deepcopy(value))
        else:
            fresh = copy.deepcopy(office)
            self.database.set_meeting_office(self.meeting_id, fresh)
            self.document.office = fresh
        return old

    # --- letter -------------------------------------------------------------------------------

    def set_letter_field(self, name: str, value: Any) -> Any:
        if self.document.letter is None:
            self.document.letter = Letter()
        old = getattr(self.document.letter, name)
        setattr(self.document.letter, name, value)
        self.database.update_letter(self.meeting_id, **{name: value})
        return old

    def set_recipients(self, recipients: list[Recipient]) -> list[Recipient]:
        """Replace the distribution list; returns the old one."""
        if self.document.letter is None:
            self.document.letter = Letter()
        old = copy.deepcopy(self.document.letter.recipients)
        self.document.letter.recipients = copy.deepcopy(recipients)
        self.database.replace_recipients(self.meeting_id, self.document.letter.recipients)
        return old

    def recipients_named(self, names: list[str]) -> list[Recipient]:
        """Recipients for these names; a name already listed keeps its status and note."""
        known = {r.name: r for r in self.document.letter.recipients} if self.document.letter else {}
        return [copy.deepcopy(known[name]) if name in known else Recipient(name) for name in names]

    def section_of(self, node: Node) -> Section:
        """The section an item stands in (a section is its own)."""
        if isinstance(node, Section):
            return node
        for section in self.document.meeting.sections:
            if _contains(section.items, node):
                return section
        raise ValueError("the item is not in this meeting")


def _contains(items: list[Item], node: Node) -> bool:
    return any(item is node or _contains(item.items, node) for item in items)
