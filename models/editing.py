"""Edits of one open meeting: each stores the change at once, as one transaction
(`models.storage`), and only then changes the meeting in memory.

The window's undo commands call these methods and nothing else, so what the clerk sees, what
is stored and what undo restores cannot drift apart. Every method returns a `Change` (what
changed, its old and new value: what undo needs to put it back) and announces it to the
editor's listeners. Storage comes first: when SQLite refuses a write (locked, full, read-only)
the exception leaves the meeting in memory as it was, equal to the database.

Text is cleaned at the door: every method that stores text (typed, pasted, restored) stores it
without the characters a document cannot hold (`models.text.clean_value`), so what is stored
never holds them, and the change it returns carries the text as stored.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import difflib
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
from models.text import clean_text, clean_value

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
            # The change and its amendment are one transaction: a kill or a refused write between
            # them cannot leave certified minutes changed with no amendment recorded. Until it
            # commits, the views hear nothing; when it fails, the meeting in memory is put back.
            restore = _snapshot(self.document)
            held: list[Change] = []
            self._inside_change, self._held = True, held  # its steps are not recorded one by one
            try:
                with self.database.transaction():
                    change: Change = method(self, *args, **kwargs)
                    self._record(place, _text(change.old), _text(change.new))
            except BaseException:
                restore()
                raise
            finally:
                self._inside_change, self._held = False, None
            for heard in held:
                self._announce(heard)
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
        self._held: list[Change] | None = None  # changes announced once an amendment commits

    @property
    def meeting_id(self) -> int:
        meeting_id = self.document.meeting.id
        assert meeting_id is not None  # a loaded meeting always has its id
        return meeting_id

    def _announce(self, change: Change) -> Change:
        if self._held is not None:
            self._held.append(change)
            return change
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
        note = clean_text(note)
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
        who, why = clean_text(who).strip(), clean_text(why).strip()
        if not who or not why:
            raise CertificationError("การแก้ไขหลังรับรองต้องระบุผู้แก้และเหตุผล")
        self.amendment = (who, why)

    def end_amendment(self) -> None:
        self.amendment = None

    def amendments(self) -> list[Amendment]:
        return self.database.amendments(self.meeting_id)

    def _record(self, place: str, before: str, after: str) -> None:
        assert self.amendment is not None
        who, why = self.amendment
        self.database.add_amendment(
            self.meeting_id,
            Amendment(dt.datetime.now(), who, why, clean_text(place), clean_text(before), clean_text(after)),
        )

    # --- header -------------------------------------------------------------------------------

    @_minutes_change("ข้อมูลการประชุม")
    def set_meeting_field(self, name: str, value: Any) -> Change:
        """Set a header field; the change's `old` is the value it had."""
        if name not in MEETING_FIELDS:
            raise KeyError(name)
        value = clean_value(value)
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
        attendees = clean_value(attendees)
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
        value = clean_value(value)
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
        node = clean_value(node)
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
        value = clean_value(value)
        assert node.id is not None
        self.database.update_node(node.id, **{name: value})
        setattr(node, name, value)
        return self._announce(Change(ChangeKind.NODE, node, name, old, value))

    # --- blocks -------------------------------------------------------------------------------

    @_minutes_change("เพิ่มย่อหน้า")
    def insert_block(self, node: Node, index: int, block: Block) -> Change:
        index = max(0, min(index, len(node.blocks)))
        block = clean_value(block)
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
        value = clean_value(value)
        assert block.id is not None
        self.database.update_block(block.id, **{name: value})
        setattr(block, name, value)
        return self._announce(Change(ChangeKind.BLOCK, block, name, old, value))

    @_minutes_change("ช่องในตาราง")
    def set_cell(self, table: Table, row: int, column: int, text: str) -> Change:
        cells = table.rows[row]
        padded = [*cells, *[""] * (column + 1 - len(cells))]
        old = padded[column]
        text = clean_text(text)
        padded[column] = text
        self.database.update_table_row(self._row_id(table, row), padded)
        cells[:] = padded  # the same row object: views keep their place
        return self._announce(Change(ChangeKind.CELL, table, "cell", old, text, (row, column)))

    @_minutes_change("เพิ่มแถวในตาราง")
    def insert_table_row(self, table: Table, index: int, cells: list[str]) -> Change:
        index = max(0, min(index, len(table.rows)))
        cells = clean_value(cells)
        assert table.id is not None
        self._row_ids(table)
        row_id = self.database.insert_table_row(table.id, index, cells)
        table.rows.insert(index, cells)
        table.row_ids.insert(index, row_id)
        return self._announce(Change(ChangeKind.ROWS, table, "insert", None, cells, (index,)))

    @_minutes_change("ลบแถวในตาราง")
    def remove_table_row(self, table: Table, index: int) -> Change:
        self.database.delete_table_row(self._row_id(table, index))
        cells = table.rows.pop(index)
        table.row_ids.pop(index)
        return self._announce(Change(ChangeKind.ROWS, table, "remove", cells, None, (index,)))

    @_minutes_change("ลำดับแถวในตาราง")
    def move_table_row(self, table: Table, index: int, new_index: int) -> Change:
        new_index = max(0, min(new_index, len(table.rows) - 1))
        self.database.move_table_row(self._row_id(table, index), new_index)
        table.rows.insert(new_index, table.rows.pop(index))
        table.row_ids.insert(new_index, table.row_ids.pop(index))
        return self._announce(Change(ChangeKind.ROWS, table, "move", index, new_index, (index, new_index)))

    @_minutes_change("แถวในตาราง")
    def set_table_rows(self, table: Table, rows: list[list[str]]) -> Change:
        """Make the table's rows these (paste, added rows), all or none; rows that stay the
        same keep their objects. `old` is the rows it had."""
        old = [list(row) for row in table.rows]
        rows = clean_value(rows)
        with self._all_or_nothing(_restorer(table)):
            self._write_rows(table, rows)
        return self._announce(Change(ChangeKind.ROWS, table, "replace", old, rows))

    def _row_ids(self, table: Table) -> list[int]:
        """The stored ids of the table's rows, in order (read again should they not match)."""
        assert table.id is not None
        if len(table.row_ids) != len(table.rows):
            table.row_ids = self.database.table_row_ids(table.id)
            if len(table.row_ids) != len(table.rows):
                raise LookupError(f"the table {table.id} in memory and in the database differ")
        return table.row_ids

    def _row_id(self, table: Table, index: int) -> int:
        return self._row_ids(table)[index]

    def _write_rows(self, table: Table, rows: list[list[str]]) -> None:
        """Store the rows at once; a row that stays keeps its id and its object (views hold it),
        a row that is edited in place keeps its id, the others are inserted or deleted."""
        assert table.id is not None
        old_ids = self._row_ids(table)
        kept = _kept_rows(table.rows, rows)
        ids = self.database.replace_table_rows(
            table.id,
            [(old_ids[k] if k is not None else None, cells) for k, cells in zip(kept, rows, strict=True)],
        )
        objects: list[list[str]] = []
        for k, cells in zip(kept, rows, strict=True):
            if k is None:
                objects.append(list(cells))
            else:
                row = table.rows[k]
                if row != cells:
                    row[:] = cells
                objects.append(row)
        table.rows[:] = objects
        table.row_ids[:] = ids

    @_minutes_change("คอลัมน์ของตาราง")
    def set_table_shape(self, table: Table, shape: tuple[list[Column], list[list[str]]]) -> Change:
        """Give a table new columns and rows at once (columns added, removed or changed), all or
        none; `old` is the columns and rows it had."""
        shape = clean_value(shape)
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
        office = clean_value(office)
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
        value = clean_value(value)
        self.database.update_letter(self.meeting_id, **{name: value})
        setattr(letter, name, value)
        self.document.letter = letter
        return self._announce(Change(ChangeKind.LETTER, letter, name, old, value))

    def set_recipients(self, recipients: list[Recipient]) -> Change:
        """Replace the distribution list; `old` is the old one."""
        letter = self.document.letter or Letter()
        old = copy.deepcopy(letter.recipients)
        recipients = clean_value(recipients)
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
    row_ids = list(table.row_ids)

    def restore() -> None:
        table.columns = columns
        table.rows[:] = rows
        table.row_ids[:] = row_ids
        for row, saved in zip(rows, cells, strict=True):
            row[:] = saved

    return restore


def _contains(items: list[Item], node: Node) -> bool:
    return any(item is node or _contains(item.items, node) for item in items)


_MATCHED_AT_MOST = 400  # rows between the unchanged start and end matched by content, beyond: by place


def _kept_rows(old: list[list[str]], new: list[list[str]]) -> list[int | None]:
    """For each new row, the old row it keeps (its index), or None for a new row. Rows equal at
    the start and the end keep theirs; in between rows are matched by content (a removed or an
    inserted row shifts no other row's id), and rows edited in place keep theirs."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    kept: list[int | None] = list(range(start)) + [None] * (len(new) - start)
    for offset in range(end):
        kept[len(new) - end + offset] = len(old) - end + offset
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    if len(middle_old) + len(middle_new) > _MATCHED_AT_MOST:
        for offset in range(min(len(middle_old), len(middle_new))):
            kept[start + offset] = start + offset
        return kept
    matcher = difflib.SequenceMatcher(None, list(map(tuple, middle_old)), list(map(tuple, middle_new)), False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for offset in range(min(i2 - i1, j2 - j1)):
                kept[start + j1 + offset] = start + i1 + offset
    return kept


def _snapshot(document: MeetingDocument) -> Callable[[], None]:
    """What puts the meeting in memory back as it is now, in place: every object keeps its
    identity (views hold them) and gets back its fields, every list its items."""
    objects: list[tuple[Any, dict[str, Any]]] = []
    lists: list[tuple[list[Any], list[Any]]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            lists.append((value, list(value)))
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
                objects.append((value, dict(vars(value))))
            for item in vars(value).values():
                walk(item)

    walk(document)

    def restore() -> None:
        for obj, fields in objects:
            vars(obj).update(fields)
        for items, saved in lists:
            items[:] = saved

    return restore
