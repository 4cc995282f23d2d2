"""The open meeting's one change pipeline: the editor, the one undo stack, and the changes.

Every edit the window makes goes through `MeetingSession.apply` with the widget that made it
(its origin). The session runs the edit first and pushes the command only when the database took
it; a refused write (locked, full, read-only) leaves the meeting, the database and the undo stack
as they were and is said in Thai through `failed`. On a database opened read-only (another window
has it open for writing, or it cannot be written where it is) every edit is refused with one
message, through `refused`, before anything is changed. Each `Change` the editor announces is passed on
through `changed(change, origin)`: views show it, except in the widget that typed it, which already
shows it (rewriting it would move the cursor and drop trailing spaces).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from models.changes import Change
from models.editing import MeetingEditor, MinutesCertifiedError
from models.storage import Database, LeaseLostError, MeetingLeasedError, StorageError, failure_reason
from ui.commands import EditCommand, FieldCommand

CERTIFIED_MESSAGE = "รายงานการประชุมนี้รับรองแล้ว แก้ไขได้ทาง การรับรอง → เริ่มแก้ไขหลังรับรอง (ระบุผู้แก้และเหตุผล)"
WRITE_ERRORS = (sqlite3.Error, StorageError, OSError)


def write_failure_message(error: Exception) -> str:
    """What a refused write means for the clerk, in Thai (the cause told by SQLite's error code)."""
    return (
        f"บันทึกการแก้ไขล่าสุดไม่สำเร็จ: {failure_reason(error)} สิ่งที่พิมพ์ก่อนหน้านี้บันทึกไว้ครบแล้ว "
        "เมื่อแก้ปัญหาแล้ว พิมพ์ต่อได้ตามปกติ"
    )


def read_only_message(reason: str) -> str:
    """Why an edit is refused in a window whose database is read-only, in Thai."""
    return f"แก้ไขไม่ได้: {reason}".strip()


class MeetingSession(QObject):
    changed = Signal(object, object)  # Change, origin (the widget that made it, or None)
    failed = Signal(str)  # a write was refused; the message is in Thai
    refused = Signal(str)  # the edit is not allowed (certified minutes); views show what is stored
    stored = Signal()  # an edit reached the database

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._editor: MeetingEditor | None = None
        self._origin: object | None = None
        self.failing = False  # the last write was refused
        # why the open meeting is someone else's to edit (the office server's lease), in Thai
        self.held_by: str | None = None
        # every meeting of the office (the window's database): on the office's server the
        # editor's database is the open meeting's copy alone
        self.archive: Database | None = None

    @property
    def editor(self) -> MeetingEditor:
        if self._editor is None:
            raise LookupError("no meeting is open")
        return self._editor

    @property
    def archive_database(self) -> Database:
        """Where the other meetings are (numbers used, presenters named before)."""
        return self.archive if self.archive is not None else self.editor.database

    @property
    def is_open(self) -> bool:
        return self._editor is not None

    @property
    def read_only(self) -> str | None:
        """Why the open meeting cannot be edited here (Thai), or None: its database is
        read-only, or another clerk holds it on the office's server."""
        if self._editor is None:
            return None
        if self.held_by is not None:
            return read_only_message(self.held_by)
        if not self._editor.database.read_only:
            return None
        return read_only_message(self._editor.database.read_only_reason)

    def check_writable(self) -> bool:
        """For actions that write outside the undo stack (new meeting, import, certification):
        False, with the refusal said through `refused`, when the database is read-only."""
        message = self.read_only
        if message is not None:
            self.refused.emit(message)
            return False
        return True

    def open(self, editor: MeetingEditor, held_by: str | None = None) -> None:
        """Edit `editor`'s meeting from now on; with `held_by` (why, in Thai) only show it."""
        if self._editor is not None:
            self._editor.listeners.remove(self._heard)
        self._editor = editor
        self.held_by = held_by
        editor.listeners.append(self._heard)
        self.stack.clear()
        self.failing = False

    def _heard(self, change: Change) -> None:
        self.changed.emit(change, self._origin)

    # --- edits ------------------------------------------------------------------------------

    def apply(self, command: EditCommand, origin: object | None = None) -> bool:
        """Run the edit, then keep it on the undo stack; False when it was refused."""
        if not self.is_open or not self.check_writable():
            return False
        if self.editor.certified and self.editor.amendment is None:
            self.refused.emit(CERTIFIED_MESSAGE)
            return False
        command.report = self._report
        if not self._run(command.forward, origin):
            return False
        command.skip_next = True
        self.stack.push(command)
        return True

    def set_field(
        self,
        key: object,
        apply: Callable[[Any], Change],
        value: object,
        origin: object | None = None,
        whole: bool = False,
    ) -> bool:
        return self.apply(FieldCommand("แก้ไข", apply, value, key, whole), origin)

    def undo(self) -> None:
        index = self.stack.index()
        command = self.stack.command(index - 1) if index > 0 else None
        if isinstance(command, EditCommand) and self._run(command.backward, None):
            command.skip_next = True
            self.stack.undo()

    def redo(self) -> None:
        index = self.stack.index()
        command = self.stack.command(index) if index < self.stack.count() else None
        if isinstance(command, EditCommand) and self._run(command.forward, None):
            command.skip_next = True
            self.stack.redo()

    def _run(self, step: Callable[[], None], origin: object | None) -> bool:
        self._origin = origin
        try:
            step()
        except MinutesCertifiedError as error:
            self.refused.emit(str(error))
            return False
        except WRITE_ERRORS as error:
            self._report(error)
            return False
        finally:
            self._origin = None
        self.failing = False
        self.stored.emit()
        return True

    def _report(self, error: Exception) -> None:
        if not isinstance(error, WRITE_ERRORS):
            raise error
        if isinstance(error, MeetingLeasedError | LeaseLostError):  # another clerk has the meeting now
            self.held_by = str(error)
            self.refused.emit(read_only_message(self.held_by))
            return
        self.failing = True
        self.failed.emit(write_failure_message(error))
