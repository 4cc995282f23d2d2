"""Edits of one open meeting: each stores the change at once, as one transaction
(`models.storage`), and only then changes the meeting in memory.

The window's undo commands call these methods and nothing else, so what the clerk sees, what
is stored and what undo restores cannot drift apart. Every method returns a `Change` (what
changed, its old and new value: what undo needs to put it back) and announces it to the
editor's listeners. Storage comes first: when SQLite refuses a write (locked, full, read-only)
the exception leaves the meeting in memory as it was, equal to the database.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from models import thai
from models.changes import Change, ChangeKind
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
                change: Change = method(self, *args, **kwargs)
            finally:
                self._inside_change = False
            self._record(place, _text(change.old), _text(change.new))
            return change

        return guarded  # type: ignore[return-value]

    return decorate


@dataclass(frozen=True)
class Removed:
    """Where a removed node stood, to put it back."""

    parent: Node | None
    index: int
    node: Node


Listener = Callable[[Change], None]


class MeetingEditor:
    def __init__(self, database: Database, meeting_id: int) -> None:
        self.database = database
        self.document: MeetingDocument = database.load_document(meeting_id)
        self.amendment: tuple[str, str] | None = None  # (who, why) while an amendment is open
        self.listeners: list[Listener] = []
        self._inside_change = False

    @property
    def meeting_id(self) -> int:
        meeting_id = self.document.meeting.id
        assert meeting_id is not None  # a loaded meeting always has its id
        return meeting_id

    def _announce(self, change: Change) -> Change:
        for listener in list(self.listeners):
            listener(change)
        return change

    @contextlib.contextmanager
    def _all_or_nothing(self, restore: Callable[[], None]) -> Iterator[None]:
        """Several stored steps as one transaction; when one fails, the database rolls back and
        `restore` puts the meeting in memory back as it was."""
        try:
            with self.database.transaction():
                yield
        except BaseException:
            restore()
            raise

    # --- certification ------------------------------------------------------------------------

    @property
    def certified(self) -> bool:
        return self.document.meeting.certified is not None

    def record_answer(
        self, index: int, status: RecipientStatus, note: str = "", on: dt.date | None = None
    ) -> Change:
        """A recipient's answer: certified, or corrections with a note."""
        letter = self.document.letter
        assert letter is not None
        recipient = letter.recipients[index]
        answered = on or dt.date.today()
        assert recipient.id is not None
        self.database.update_recipient(recipient.id, status=status.value, note=note, answered=answered)
        recipient.status, recipient.note, recipient.answered = status, note, answered
        return self._announce(Change(ChangeKind.CERTIFICATION, recipient, "answer", new=status))

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

    def certify(self, today: dt.date) -> Change:
        reason = self.why_not_certifiable(today)
        if reason is not None:
            raise CertificationError(f"ยังรับรองรายงานการประชุมไม่ได้: {reason}")
        self.database.update_meeting(self.meeting_id, certified=today)
        self.document.meeting.certified = today
        return self._announce(Change(ChangeKind.CERTIFICATION, None, "certified", new=today))

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
    def set_meeting_field(self, name: str, value: Any) -> Change:
        """Set a header field; the change's `old` is the value it had."""
        if name not in MEETING_FIELDS:
            raise KeyError(name)
        meeting = self.document.meeting
        old = getattr(meeting, name)
        self.database.update_meeting(self.meeting_id, **{name: value})
        setattr(meeting, name, value)
        return self._announce(Change(ChangeKind.MEETING, meeting, name, old, value))

    # --- roster -------------------------------------------------------------------------------

    def insert_attendee(self, index: int, attendee: Attendee) -> Change:
        return self.insert_attendees(index, [attendee])

    @_minutes_change("เพิ่มผู้เข้าประชุม")
    def insert_attendees(self, index: int, attendees: list[Attendee]) -> Change:
        """Insert people at `index`, all or none (a pasted list is one transaction)."""
        roster = self.document.meeting.attendees
        index = max(0, min(index, len(roster)))
        with self.database.transaction():
            for offset, attendee in enumerate(attendees):
                self.database.insert_attendee(self.meeting_id, index + offset, attendee)
        roster[index:index] = attendees
        return self._announce(Change(ChangeKind.ROSTER, None, "insert", None, list(attendees), (index,)))

    @_minutes_change("ลบผู้เข้าประชุม")
    def remove_attendee(self, index: int) -> Change:
        attendee = self.document.meeting.attendees[index]
        assert attendee.id is not None
        self.database.delete_attendee(attendee.id)
        self.document.meeting.attendees.pop(index)
        return self._announce(Change(ChangeKind.ROSTER, attendee, "remove", attendee, None, (index,)))

    @_minutes_change("ลบผู้เข้าประชุม")
    def remove_attendees(self, index: int, count: int) -> Change:
        """Remove `count` people from `index` on, all or none; `old` is the people removed."""
        roster = self.document.meeting.attendees
        removed = roster[index : index + count]
        with self.database.transaction():
            for attendee in removed:
                assert attendee.id is not None
                self.database.delete_attendee(attendee.id)
        del roster[index : index + count]
        return self._announce(Change(ChangeKind.ROSTER, None, "remove", removed, None, (index,)))

    @_minutes_change("ลำดับผู้เข้าประชุม")
    def move_attendee(self, index: int, new_index: int) -> Change:
        attendees = self.document.meeting.attendees
        attendee = attendees[index]
        new_index = max(0, min(new_index, len(attendees) - 1))
        assert attendee.id is not None
        self.database.move_attendee(attendee.id, new_index)
        attendees.insert(new_index, attendees.pop(index))
        return self._announce(
            Change(ChangeKind.ROSTER, attendee, "move", index, new_index, (index, new_index))
        )

    @_minutes_change("ผู้เข้าประชุม")
    def set_attendee_field(self, index: int, name: str, value: Any) -> Change:
        attendee = self.document.meeting.attendees[index]
        old = getattr(attendee, name)
        assert attendee.id is not None
        self.database.update_attendee(attendee.id, **{name: value})
        setattr(attendee, name, value)
        return self._announce(Change(ChangeKind.ATTENDEE, attendee, name, old, value, (index,)))

    # --- agenda tree --------------------------------------------------------------------------

    def children_of(self, parent: Node | None) -> list[Any]:
        return self.document.meeting.sections if parent is None else parent.items

    @_minutes_change("เพิ่มเรื่อง")
    def insert_node(self, parent: Node | None, index: int, node: Node) -> Change:
        """A section at the top (parent None) or an item under a section or item."""
        siblings = self.children_of(parent)
        index = max(0, min(index, len(siblings)))
        self.database.insert_node(self.meeting_id, parent.id if parent else None, index, node)
        siblings.insert(index, node)
        return self._announce(Change(ChangeKind.TREE, parent, "insert", None, node, (index,)))

    @_minutes_change("ลบเรื่อง")
    def remove_node(self, node: Node) -> Change:
        """Remove a node with everything below it; the change's `old` says where it stood."""
        parent, siblings = find_parent(self.document.meeting, node)
        index = next(i for i, sibling in enumerate(siblings) if sibling is node)
        assert node.id is not None
        self.database.delete_node(node.id)
        siblings.pop(index)
        return self._announce(
            Change(ChangeKind.TREE, parent, "remove", Removed(parent, index, node), None, (index,))
        )

    @_minutes_change("เพิ่มเรื่อง")
    def restore_node(self, removed: Removed) -> Change:
        """Put back a removed node with everything below it (new ids, same content)."""
        return self.insert_node(removed.parent, removed.index, removed.node)

    @_minutes_change("ย้ายเรื่อง")
    def move_node(self, node: Node, parent: Node | None, index: int) -> Change:
        """Move a node under `parent` at `index`; the change's `old` says where it stood before."""
        old_parent, siblings = find_parent(self.document.meeting, node)
        old_index = next(i for i, sibling in enumerate(siblings) if sibling is node)
        target = self.children_of(parent)
        index = max(0, min(index, len(target) - (1 if target is siblings else 0)))
        assert node.id is not None
        self.database.move_node(node.id, parent.id if parent else None, index)
        siblings.pop(old_index)
        target.insert(index, node)
        was = Removed(old_parent, old_index, node)
        return self._announce(Change(ChangeKind.TREE, parent, "move", was, node, (index,)))

    @_minutes_change("เรื่อง")
    def set_node_field(self, node: Node, name: str, value: Any) -> Change:
        """Set a field of a section or item: title, presenter, resolution, follow_up, or a
        section's presenter_wording (empty: the wording follows the title)."""
        if not hasattr(node, name):
            raise KeyError(f"{type(node).__name__} has no field {name}")
        old = getattr(node, name)
        assert node.id is not None
        self.database.update_node(node.id, **{name: value})
        setattr(node, name, value)
        return self._announce(Change(ChangeKind.NODE, node, name, old, value))

    # --- blocks -------------------------------------------------------------------------------

    @_minutes_change("เพิ่มย่อหน้า")
    def insert_block(self, node: Node, index: int, block: Block) -> Change:
        index = max(0, min(index, len(node.blocks)))
        assert node.id is not None
        self.database.insert_block(node.id, index, block)
        node.blocks.insert(index, block)
        return self._announce(Change(ChangeKind.BLOCKS, node, "insert", None, block, (index,)))

    @_minutes_change("ลบย่อหน้า")
    def remove_block(self, node: Node, index: int) -> Change:
        block = node.blocks[index]
        assert block.id is not None
        self.database.delete_block(block.id)
        node.blocks.pop(index)
        return self._announce(Change(ChangeKind.BLOCKS, node, "remove", block, None, (index,)))

    @_minutes_change("ลำดับย่อหน้า")
    def move_block(self, node: Node, index: int, new_index: int) -> Change:
        block = node.blocks[index]
        new_index = max(0, min(new_index, len(node.blocks) - 1))
        assert block.id is not None and node.id is not None
        self.database.move_block(block.id, node.id, new_index)
        node.blocks.insert(new_index, node.blocks.pop(index))
        return self._announce(Change(ChangeKind.BLOCKS, node, "move", index, new_index, (index, new_index)))

    @_minutes_change("ข้อความ")
    def set_block_field(self, block: Block, name: str, value: Any) -> Change:
        old = copy.deepcopy(getattr(block, name))
        assert block.id is not None
        self.database.update_block(block.id, **{name: value})
        setattr(block, name, value)
        return self._announce(Change(ChangeKind.BLOCK, block, name, old, value))

    @_minutes_change("ช่องในตาราง")
    def set_cell(self, table: Table, row: int, column: int, text: str) -> Change:
        cells = table.rows[row]
        padded = [*cells, *[""] * (column + 1 - len(cells))]
        old = padded[column]
        padded[column] = text
        assert table.id is not None
        self.database.update_table_row(table.id, row, padded)
        cells[:] = padded  # the same row object: views keep their place
        return self._announce(Change(ChangeKind.CELL, table, "cell", old, text, (row, column)))

    @_minutes_change("เพิ่มแถวในตาราง")
    def insert_table_row(self, table: Table, index: int, cells: list[str]) -> Change:
        index = max(0, min(index, len(table.rows)))
        assert table.id is not None
        self.database.insert_table_row(table.id, index, cells)
        table.rows.insert(index, cells)
        return self._announce(Change(ChangeKind.ROWS, table, "insert", None, cells, (index,)))

    @_minutes_change("ลบแถวในตาราง")
    def remove_table_row(self, table: Table, index: int) -> Change:
        assert table.id is not None
        self.database.delete_table_row(table.id, index)
        cells = table.rows.pop(index)
        return self._announce(Change(ChangeKind.ROWS, table, "remove", cells, None, (index,)))

    @_minutes_change("ลำดับแถวในตาราง")
    def move_table_row(self, table: Table, index: int, new_index: int) -> Change:
        new_index = max(0, min(new_index, len(table.rows) - 1))
        assert table.id is not None
        self.database.move_table_row(table.id, index, new_index)
        table.rows.insert(new_index, table.rows.pop(index))
        return self._announce(Change(ChangeKind.ROWS, table, "move", index, new_index, (index, new_index)))

    @_minutes_change("แถวในตาราง")
    def set_table_rows(self, table: Table, rows: list[list[str]]) -> Change:
        """Make the table's rows these (paste, added rows), all or none; rows that stay the
        same keep their objects. `old` is the rows it had."""
        old = [list(row) for row in table.rows]
        with self._all_or_nothing(_restorer(table)):
            self._write_rows(table, rows)
        return self._announce(Change(ChangeKind.ROWS, table, "replace", old, rows))

    def _write_rows(self, table: Table, rows: list[list[str]]) -> None:
        assert table.id is not None
        while len(table.rows) > len(rows):
            self.database.delete_table_row(table.id, len(table.rows) - 1)
            table.rows.pop()
        for index, cells in enumerate(rows):
            if index < len(table.rows):
                if table.rows[index] != cells:
                    self.database.update_table_row(table.id, index, cells)
                    table.rows[index][:] = cells
            else:
                self.database.insert_table_row(table.id, index, cells)
                table.rows.append(list(cells))

    @_minutes_change("คอลัมน์ของตาราง")
    def set_table_shape(self, table: Table, shape: tuple[list[Column], list[list[str]]]) -> Change:
        """Give a table new columns and rows at once (columns added, removed or changed), all or
        none; `old` is the columns and rows it had."""
        columns, rows = shape
        old = (copy.deepcopy(table.columns), [list(row) for row in table.rows])
        assert table.id is not None
        with self._all_or_nothing(_restorer(table)):
            self.database.update_block(table.id, columns=copy.deepcopy(columns))
            table.columns = copy.deepcopy(columns)
            self._write_rows(table, [list(cells) for cells in rows])
        return self._announce(Change(ChangeKind.TABLE, table, "shape", old, shape))

    # --- office -------------------------------------------------------------------------------

    def set_office(self, office: Office | None) -> Change:
        """Change the sending office's profile (shared by its meetings); `old` is the old one."""
        old = copy.deepcopy(self.document.office)
        current = self.document.office
        new = office or Office("")
        if current is not None and current.id is not None:
            fields = {name: getattr(new, name) for name in OFFICE_FIELDS}
            self.database.update_office(current.id, **fields)
            for name, value in fields.items():
                setattr(current, name, copy.deepcopy(value))
        else:
            fresh = copy.deepcopy(new)
            self.database.set_meeting_office(self.meeting_id, fresh)
            self.document.office = fresh
        return self._announce(Change(ChangeKind.OFFICE, self.document.office, "office", old, office))

    # --- letter -------------------------------------------------------------------------------

    def set_letter_field(self, name: str, value: Any) -> Change:
        letter = self.document.letter or Letter()
        old = getattr(letter, name)
        self.database.update_letter(self.meeting_id, **{name: value})
        setattr(letter, name, value)
        self.document.letter = letter
        return self._announce(Change(ChangeKind.LETTER, letter, name, old, value))

    def set_recipients(self, recipients: list[Recipient]) -> Change:
        """Replace the distribution list; `old` is the old one."""
        letter = self.document.letter or Letter()
        old = copy.deepcopy(letter.recipients)
        fresh = copy.deepcopy(recipients)
        self.database.replace_recipients(self.meeting_id, fresh)
        letter.recipients = fresh
        self.document.letter = letter
        return self._announce(Change(ChangeKind.RECIPIENTS, letter, "recipients", old, recipients))

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


def _restorer(table: Table) -> Callable[[], None]:
    """What puts a table back as it is now, after a failed edit: the same column list and the
    same row objects (views hold them by identity), with their cells as they are now."""
    columns, rows, cells = list(table.columns), list(table.rows), [list(row) for row in table.rows]

    def restore() -> None:
        table.columns = columns
        table.rows[:] = rows
        for row, saved in zip(rows, cells, strict=True):
            row[:] = saved

    return restore


def _contains(items: list[Item], node: Node) -> bool:
    return any(item is node or _contains(item.items, node) for item in items)
