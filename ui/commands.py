"""Undo commands: each calls domain edits (`models.editing.MeetingEditor`) and nothing else.

Typing in one field makes one undo step: consecutive changes of the same field merge. After every
redo and undo the window is told what changed (`Changed`), so that it refreshes the views that
show it and the status bar can say when the meeting was last saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from models.editing import MeetingEditor, Removed
from models.meeting import Attendee, Block, Node

Changed = Callable[[str], None]  # "header", "roster", "agenda", "letter"

_FIELD_ID = 1001


class FieldCommand(QUndoCommand):
    """Set one value through an editor method that returns the value it replaced."""

    def __init__(
        self, label: str, apply: Callable[[Any], Any], new: Any, key: object, part: str, changed: Changed
    ) -> None:
        super().__init__(label)
        self.apply = apply
        self.new = new
        self.old: Any = None
        self.key = key
        self.part = part
        self.changed = changed
        self._first = True

    def redo(self) -> None:
        old = self.apply(self.new)
        if self._first:
            self.old, self._first = old, False
        self.changed(self.part)

    def undo(self) -> None:
        self.apply(self.old)
        self.changed(self.part)

    def id(self) -> int:
        return _FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if self.key is None or not isinstance(other, FieldCommand) or other.key != self.key:
            return False  # key None: a step of its own (a cell, a pasted block)
        self.new = other.new
        return True


class InsertNode(QUndoCommand):
    def __init__(
        self, editor: MeetingEditor, parent: Node | None, index: int, node: Node, changed: Changed
    ) -> None:
        super().__init__("เพิ่มเรื่อง")
        self.editor, self.parent, self.index, self.node, self.changed = editor, parent, index, node, changed

    def redo(self) -> None:
        self.editor.insert_node(self.parent, self.index, self.node)
        self.changed("agenda")

    def undo(self) -> None:
        self.editor.remove_node(self.node)
        self.changed("agenda")


class RemoveNode(QUndoCommand):
    def __init__(self, editor: MeetingEditor, node: Node, changed: Changed) -> None:
        super().__init__("ลบเรื่อง")
        self.editor, self.node, self.changed = editor, node, changed
        self.removed: Removed | None = None

    def redo(self) -> None:
        self.removed = self.editor.remove_node(self.node)
        self.changed("agenda")

    def undo(self) -> None:
        assert self.removed is not None
        self.editor.restore_node(self.removed)
        self.changed("agenda")


class MoveNode(QUndoCommand):
    def __init__(
        self, editor: MeetingEditor, node: Node, parent: Node | None, index: int, changed: Changed
    ) -> None:
        super().__init__("ย้ายเรื่อง")
        self.editor, self.node, self.parent, self.index, self.changed = editor, node, parent, index, changed
        self.was: Removed | None = None

    def redo(self) -> None:
        self.was = self.editor.move_node(self.node, self.parent, self.index)
        self.changed("agenda")

    def undo(self) -> None:
        assert self.was is not None
        self.editor.move_node(self.node, self.was.parent, self.was.index)
        self.changed("agenda")


class InsertAttendees(QUndoCommand):
    def __init__(
        self, editor: MeetingEditor, index: int, attendees: list[Attendee], changed: Changed
    ) -> None:
        super().__init__("เพิ่มผู้เข้าประชุม")
        self.editor, self.index, self.attendees, self.changed = editor, index, attendees, changed

    def redo(self) -> None:
        for offset, attendee in enumerate(self.attendees):
            self.editor.insert_attendee(self.index + offset, attendee)
        self.changed("roster")

    def undo(self) -> None:
        for _ in self.attendees:
            self.editor.remove_attendee(self.index)
        self.changed("roster")


class RemoveAttendee(QUndoCommand):
    def __init__(self, editor: MeetingEditor, index: int, changed: Changed) -> None:
        super().__init__("ลบผู้เข้าประชุม")
        self.editor, self.index, self.changed = editor, index, changed
        self.attendee: Attendee | None = None

    def redo(self) -> None:
        self.attendee = self.editor.remove_attendee(self.index)
        self.changed("roster")

    def undo(self) -> None:
        assert self.attendee is not None
        self.editor.insert_attendee(self.index, self.attendee)
        self.changed("roster")


class MoveAttendee(QUndoCommand):
    def __init__(self, editor: MeetingEditor, index: int, new_index: int, changed: Changed) -> None:
        super().__init__("ย้ายผู้เข้าประชุม")
        self.editor, self.index, self.new_index, self.changed = editor, index, new_index, changed

    def redo(self) -> None:
        self.editor.move_attendee(self.index, self.new_index)
        self.changed("roster")

    def undo(self) -> None:
        self.editor.move_attendee(self.new_index, self.index)
        self.changed("roster")


class InsertBlock(QUndoCommand):
    def __init__(self, editor: MeetingEditor, node: Node, index: int, block: Block, changed: Changed) -> None:
        super().__init__("เพิ่มย่อหน้า")
        self.editor, self.node, self.index, self.block, self.changed = editor, node, index, block, changed

    def redo(self) -> None:
        self.editor.insert_block(self.node, self.index, self.block)
        self.changed("blocks")

    def undo(self) -> None:
        self.editor.remove_block(self.node, self.index)
        self.changed("blocks")


class RemoveBlock(QUndoCommand):
    def __init__(self, editor: MeetingEditor, node: Node, index: int, changed: Changed) -> None:
        super().__init__("ลบย่อหน้า")
        self.editor, self.node, self.index, self.changed = editor, node, index, changed
        self.block: Block | None = None

    def redo(self) -> None:
        self.block = self.editor.remove_block(self.node, self.index)
        self.changed("blocks")

    def undo(self) -> None:
        assert self.block is not None
        self.editor.insert_block(self.node, self.index, self.block)
        self.changed("blocks")


class MoveBlock(QUndoCommand):
    def __init__(
        self, editor: MeetingEditor, node: Node, index: int, new_index: int, changed: Changed
    ) -> None:
        super().__init__("ย้ายย่อหน้า")
        self.editor, self.node, self.index, self.new_index, self.changed = (
            editor,
            node,
            index,
            new_index,
            changed,
        )

    def redo(self) -> None:
        self.editor.move_block(self.node, self.index, self.new_index)
        self.changed("blocks")

    def undo(self) -> None:
        self.editor.move_block(self.node, self.new_index, self.index)
        self.changed("blocks")
