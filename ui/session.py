"""The open meeting's one change pipeline: the editor, the one undo stack, and the changes.

Every edit the window makes goes through `MeetingSession.apply` with the widget that made it
(its origin). The session runs the edit first and pushes the command only when the database took
it; a refused write (locked, full, read-only) leaves the meeting, the database and the undo stack
as they were and is said in Thai through `failed`. Each `Change` the editor announces is passed on
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
from models.storage import StorageError
from ui.commands import EditCommand, FieldCommand

CERTIFIED_MESSAGE = "รายงานการประชุมนี้รับรองแล้ว แก้ไขได้ทาง การรับรอง → เริ่มแก้ไขหลังรับรอง (ระบุผู้แก้และเหตุผล)"
WRITE_ERRORS = (sqlite3.Error, StorageError, OSError)


def write_failure_message(error: Exception) -> str:
    """What a refused write means for the clerk, in Thai."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        reason = "ฐานข้อมูลถูกโปรแกรมอื่นใช้งานอยู่ (ล็อก)"
    elif "full" in text or "no space" in text:
        reason = "พื้นที่ดิสก์เต็ม"
    elif "readonly" in text or "read-only" in text or "read only" in text or "permission" in text:
        reason = "ไฟล์ฐานข้อมูลเป็นแบบอ่านอย่างเดียวหรือไม่มีสิทธิ์เขียน"
    else:
        reason = f"ฐานข้อมูลไม่ยอมรับการบันทึก ({error})"
    return f"บันทึกการแก้ไขล่าสุดไม่สำเร็จ: {reason} สิ่งที่พิมพ์ก่อนหน้านี้บันทึกไว้ครบแล้ว เมื่อแก้ปัญหาแล้ว พิมพ์ต่อได้ตามปกติ"


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

    @property
    def editor(self) -> MeetingEditor:
        if self._editor is None:
            raise LookupError("no meeting is open")
        return self._editor

    @property
    def is_open(self) -> bool:
        return self._editor is not None

    def open(self, editor: MeetingEditor) -> None:
        if self._editor is not None:
            self._editor.listeners.remove(self._heard)
        self._editor = editor
        editor.listeners.append(self._heard)
        self.stack.clear()
        self.failing = False

    def _heard(self, change: Change) -> None:
        self.changed.emit(change, self._origin)

    # --- edits ------------------------------------------------------------------------------

    def apply(self, command: EditCommand, origin: object | None = None) -> bool:
        """Run the edit, then keep it on the undo stack; False when it was refused."""
        if not self.is_open:
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
        self.failing = True
        self.failed.emit(write_failure_message(error))
