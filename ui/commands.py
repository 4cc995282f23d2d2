"""Undo commands: each calls domain edits (`models.editing.MeetingEditor`) and nothing else.

Commands never tell views what to repaint: the editor announces each `Change` and the session
(`ui.session`) passes it on. The session runs a command's edit before it enters the undo stack
(so a refused write never leaves a half-done command there); the stack's own first `redo()` is
then skipped. Typing in one field merges into one undo step per word or pause.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from models.changes import Change
from models.editing import MeetingEditor, Removed
from models.meeting import Attendee, Block, Node, Table

_FIELD_ID = 1001
PAUSE_SECONDS = 2.0  # typing after a longer pause is a new undo step, as in Word

Report = Callable[[Exception], None]


class EditCommand(QUndoCommand):
    """One undoable edit. `forward` applies it; `backward` puts back what it changed."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.skip_next = False  # set by the session, which has already run the edit
        self.report: Report | None = None  # where a refused write goes when Qt runs the edit

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[], None]) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        try:
            step()
        except Exception as error:  # an exception must never cross into Qt's undo stack
            if self.report is None:
                raise
            self.report(error)


class FieldCommand(EditCommand):
    """Set one value through an editor method that returns the `Change` it made.

    `key` names the field: consecutive changes of the same field merge into one step, until a
    word ends (the text typed so far ends in a space or line break) or the clerk pauses. With
    `whole`, every change of the field merges (one step for one cell edit). Key None: always a
    step of its own.
    """

    def __init__(
        self,
        label: str,
        apply: Callable[[Any], Change],
        new: object,
        key: object = None,
        whole: bool = False,
    ) -> None:
        super().__init__(label)
        self.apply, self.new, self.key, self.whole = apply, new, key, whole
        self.old: object = None
        self._first = True
        self.at = time.monotonic()

    def forward(self) -> None:
        change = self.apply(self.new)
        if self._first:
            self.old, self._first = change.old, False

    def backward(self) -> None:
        self.apply(self.old)

    def id(self) -> int:
        return _FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if self.key is None or not isinstance(other, FieldCommand) or other.key != self.key:
            return False
        if not self.whole and (other.at - self.at > PAUSE_SECONDS or _word_ended(self.new, other.new)):
            return False
        self.apply, self.new, self.at = other.apply, other.new, other.at
        if self.new == self.old:
            self.setObsolete(True)  # typed and taken back: nothing to undo
        return True


def _word_ended(before: object, after: object) -> bool:
    """A new word starts: the text so far ended with a space or line break, and more is typed."""
    if not isinstance(before, str) or not isinstance(after, str):
        return False
    return before[-1:].isspace() and len(after) > len(before) and not after[-1:].isspace()


class Steps(EditCommand):
    """Several edits as one undo step (a paste that brings paragraphs, tables and items). A step
    that fails takes back the steps before it, so nothing is left half done."""

    def __init__(self, label: str, steps: list[EditCommand]) -> None:
        super().__init__(label)
        self.steps = steps

    def forward(self) -> None:
        done: list[EditCommand] = []
        try:
            for step in self.steps:
                step.forward()
                done.append(step)
        except Exception:
            for step in reversed(done):
                step.backward()
            raise

    def backward(self) -> None:
        for step in reversed(self.steps):
            step.backward()


class InsertNode(EditCommand):
    def __init__(self, editor: MeetingEditor, parent: Node | None, index: int, node: Node) -> None:
        super().__init__("เพิ่มเรื่อง")
        self.editor, self.parent, self.index, self.node = editor, parent, index, node

    def forward(self) -> None:
        self.editor.insert_node(self.parent, self.index, self.node)

    def backward(self) -> None:
        self.editor.remove_node(self.node)


class RemoveNode(EditCommand):
    def __init__(self, editor: MeetingEditor, node: Node) -> None:
        super().__init__("ลบเรื่อง")
        self.editor, self.node = editor, node
        self.removed: Removed | None = None

    def forward(self) -> None:
        removed = self.editor.remove_node(self.node).old
        assert isinstance(removed, Removed)
        self.removed = removed

    def backward(self) -> None:
        assert self.removed is not None
        self.editor.restore_node(self.removed)


class MoveNode(EditCommand):
    def __init__(self, editor: MeetingEditor, node: Node, parent: Node | None, index: int) -> None:
        super().__init__("ย้ายเรื่อง")
        self.editor, self.node, self.parent, self.index = editor, node, parent, index
        self.was: Removed | None = None

    def forward(self) -> None:
        was = self.editor.move_node(self.node, self.parent, self.index).old
        assert isinstance(was, Removed)
        self.was = was

    def backward(self) -> None:
        assert self.was is not None
        self.editor.move_node(self.node, self.was.parent, self.was.index)


class InsertAttendees(EditCommand):
    def __init__(self, editor: MeetingEditor, index: int, attendees: list[Attendee]) -> None:
        super().__init__("เพิ่มผู้เข้าประชุม")
        self.editor, self.index, self.attendees = editor, index, attendees

    def forward(self) -> None:
        self.editor.insert_attendees(self.index, self.attendees)

    def backward(self) -> None:
        self.editor.remove_attendees(self.index, len(self.attendees))


class RemoveAttendee(EditCommand):
    def __init__(self, editor: MeetingEditor, index: int) -> None:
        super().__init__("ลบผู้เข้าประชุม")
        self.editor, self.index = editor, index
        self.attendee: Attendee | None = None

    def forward(self) -> None:
        attendee = self.editor.remove_attendee(self.index).old
        assert isinstance(attendee, Attendee)
        self.attendee = attendee

    def backward(self) -> None:
        assert self.attendee is not None
        self.editor.insert_attendee(self.index, self.attendee)


class MoveAttendee(EditCommand):
    def __init__(self, editor: MeetingEditor, index: int, new_index: int) -> None:
        super().__init__("ย้ายผู้เข้าประชุม")
        self.editor, self.index, self.new_index = editor, index, new_index

    def forward(self) -> None:
        self.editor.move_attendee(self.index, self.new_index)

    def backward(self) -> None:
        self.editor.move_attendee(self.new_index, self.index)


class InsertBlock(EditCommand):
    def __init__(self, editor: MeetingEditor, node: Node, index: int, block: Block) -> None:
        super().__init__("เพิ่มย่อหน้า")
        self.editor, self.node, self.index, self.block = editor, node, index, block

    def forward(self) -> None:
        self.editor.insert_block(self.node, self.index, self.block)

    def backward(self) -> None:
        self.editor.remove_block(self.node, self.index)


class RemoveBlock(EditCommand):
    def __init__(self, editor: MeetingEditor, node: Node, index: int) -> None:
        super().__init__("ลบย่อหน้า")
        self.editor, self.node, self.index = editor, node, index
        self.block: Block | None = None

    def forward(self) -> None:
        block = self.editor.remove_block(self.node, self.index).old
        self.block = block  # type: ignore[assignment]  # remove_block's old is the block

    def backward(self) -> None:
        assert self.block is not None
        self.editor.insert_block(self.node, self.index, self.block)


class MoveBlock(EditCommand):
    def __init__(self, editor: MeetingEditor, node: Node, index: int, new_index: int) -> None:
        super().__init__("ย้ายย่อหน้า")
        self.editor, self.node, self.index, self.new_index = editor, node, index, new_index

    def forward(self) -> None:
        self.editor.move_block(self.node, self.index, self.new_index)

    def backward(self) -> None:
        self.editor.move_block(self.node, self.new_index, self.index)


class MoveTableRow(EditCommand):
    def __init__(self, editor: MeetingEditor, table: Table, index: int, new_index: int) -> None:
        super().__init__("ย้ายแถวในตาราง")
        self.editor, self.table, self.index, self.new_index = editor, table, index, new_index

    def forward(self) -> None:
        self.editor.move_table_row(self.table, self.index, self.new_index)

    def backward(self) -> None:
        self.editor.move_table_row(self.table, self.new_index, self.index)
