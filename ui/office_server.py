"""The window on an office's PostgreSQL server (issue 17): the open meeting's edit lease, kept
alive while the window is open and let go when another meeting is opened or the window closes;
the others' changes heard (`models.server.ServerWatcher`) and shown within moments: the
meetings list follows, and a meeting another clerk is editing, open here to read, is read again.
The status bar says whether the server is reached.

Only a window on a server loads this module (and psycopg with it).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from models.server import RENEW_SECONDS, ServerDatabase, ServerWatcher
from models.storage import StorageError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LEASE_LOST = (
    "ขาดการติดต่อกับเซิร์ฟเวอร์นานจนสิทธิ์แก้ไขรายงานการประชุมนี้หมดไป และมีผู้อื่นเปิดแก้ไขแล้ว "
    "สิ่งที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ กรุณาเปิดการประชุมนี้ใหม่เพื่อดูฉบับล่าสุด"
)
NOW_EDITABLE = "ไม่มีผู้อื่นแก้ไขรายงานการประชุมนี้แล้ว ตอนนี้แก้ไขได้"
CONNECTED = "เซิร์ฟเวอร์: เชื่อมต่อแล้ว"
DISCONNECTED = "เซิร์ฟเวอร์: ขาดการติดต่อ กำลังลองใหม่"
LIST_SETTLE_MS = 300  # several changes heard at once refresh the meetings list once


class OfficeServer(QObject):
    heard = Signal(str, int)  # from the watcher's thread: (changed | added | deleted, meeting id)
    reached = Signal(bool)  # from the watcher's thread: the server reached or lost

    def __init__(self, window: MainWindow, database: ServerDatabase) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.current: int | None = None  # the meeting open in the window
        self.stopped = False
        self.state = QLabel(CONNECTED)
        window.statusBar().addPermanentWidget(self.state)
        self.renewal = QTimer(self)
        self.renewal.setInterval(RENEW_SECONDS * 1000)
        self.renewal.timeout.connect(self._renew)
        self.renewal.start()
        self.list_refresh = QTimer(self)
        self.list_refresh.setSingleShot(True)
        self.list_refresh.setInterval(LIST_SETTLE_MS)
        self.list_refresh.timeout.connect(window.reload_meetings)
        self.heard.connect(self._heard)
        self.reached.connect(self._reached)
        self.watcher = ServerWatcher(database.conninfo, self.heard.emit, self.reached.emit)
        self.watcher.start()

    def enter(self, meeting_id: int) -> str | None:
        """Opening a meeting: the previous one's lease let go, this one's taken. Returns why it
        opens read-only (another clerk edits it), in Thai, or None."""
        if self.current is not None and self.current != meeting_id:
            self._let_go(self.current)
        self.current = meeting_id
        try:
            holder = self.database.take_lease(meeting_id)
        except StorageError as error:
            return str(error)
        return holder.message() if holder is not None else None

    def stop(self) -> None:
        self.stopped = True  # what the watcher heard meanwhile, still queued, is let go
        self.renewal.stop()
        self.list_refresh.stop()
        self.watcher.stop()
        if self.current is not None:
            self._let_go(self.current)

    def _let_go(self, meeting_id: int) -> None:
        with contextlib.suppress(StorageError):  # unreachable: the lease lapses by itself
            self.database.release_lease(meeting_id)

    def _renew(self) -> None:
        """Every few seconds: this clerk's lease kept alive; a meeting open to read only is
        tried again (its holder may have closed it, or gone without a word)."""
        session = self.window.session
        if self.stopped:
            return
        try:
            lost = self.database.renew_leases()
            self._try_again()
        except StorageError:
            self._reached(False)
            return
        if self.current in lost and session.held_by is None:
            session.held_by = LEASE_LOST
            self.window.refused(LEASE_LOST)

    def _try_again(self) -> None:
        """The meeting open to read only, taken when its lease is free now."""
        session = self.window.session
        if self.current is None or not session.is_open or session.held_by is None:
            return
        if self.database.take_lease(self.current) is None:
            self.window.open_meeting(self.current)
            self.window.statusBar().showMessage(NOW_EDITABLE, 8000)

    def _heard(self, kind: str, meeting_id: int) -> None:
        if self.stopped:
            return
        self.list_refresh.start()
        session = self.window.session
        if (
            meeting_id == self.current
            and session.is_open
            and session.held_by is not None
            and kind == "changed"
        ):
            self.window.open_meeting(meeting_id)  # read again; the lease too, should it be free now

    def _reached(self, reached: bool) -> None:
        self.state.setText(CONNECTED if reached else DISCONNECTED)
        self.state.setStyleSheet("" if reached else "color: #b00020; font-weight: bold;")
