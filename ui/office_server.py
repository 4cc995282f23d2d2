"""The window on an office's PostgreSQL server (issue 17): the open meeting's edit lease, kept
alive while the window is open and let go when another meeting is opened or the window closes;
the others' changes heard (`models.server.ServerWatcher`) and shown within moments: the
meetings list follows, and a meeting another clerk is editing, open here to read, is read again.
The status bar says whether the server is reached.

Only a window on a server loads this module (and psycopg with it).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from models import thai
from models.paths import data_folder
from models.replica import (
    Replica,
    ReplicaSync,
    SyncState,
    keep_unsent_as_new_meeting,
    lease_of_abandoned_copy,
    set_aside_copy,
    unsent_records,
)
from models.server import RENEW_SECONDS, ServerDatabase, ServerWatcher
from models.storage import Database, StorageError

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


KEEP_MINE = "เก็บฉบับของฉันเป็นการประชุมใหม่"
USE_THEIRS = "ใช้ฉบับบนเซิร์ฟเวอร์"
DECIDE_LATER = "ตัดสินใจภายหลัง"
CONFLICT_QUESTION = (
    "การแก้ไขที่พิมพ์ไว้ในเครื่องนี้ส่งถึงเซิร์ฟเวอร์ไม่ได้ เพราะระหว่างนั้นผู้อื่นแก้ไขรายงานการประชุมนี้แล้ว\n\n"
    f"{KEEP_MINE}: ฉบับที่พิมพ์ไว้ในเครื่องนี้เก็บบนเซิร์ฟเวอร์เป็นอีกการประชุมหนึ่ง "
    "แล้วเปิดฉบับบนเซิร์ฟเวอร์ให้แก้ไขต่อ\n"
    f"{USE_THEIRS}: เปิดฉบับบนเซิร์ฟเวอร์ให้แก้ไขต่อ ฉบับในเครื่องนี้ย้ายไปเก็บไว้เป็นไฟล์ ไม่ลบทิ้ง\n\n"
    "ตัดสินใจภายหลังได้ที่ ไฟล์ → การแก้ไขที่ส่งถึงเซิร์ฟเวอร์ไม่ได้… (Ctrl+Alt+U)"
)

CLOSE_FLUSH_SECONDS = 3.0  # how long closing the window waits for the last edits to reach the server


def copies_folder(database: ServerDatabase) -> Path:
    """Where the meetings this computer edits on the server are kept: one folder a server
    database, named by the identity the database keeps (`ServerDatabase.identity`), so that the
    same copies are found whatever string reaches it (a URL or key=value, another password, a
    service name) and nothing of a password is in the name. A folder named the old way (from the
    whole connection string) is taken over, with the edits it still holds."""
    folder = data_folder() / "server-copies" / database.identity()
    old = data_folder() / "server-copies" / hashlib.sha256(database.conninfo.encode()).hexdigest()[:16]
    if old.is_dir() and not folder.exists():
        with contextlib.suppress(OSError):  # not movable: the copies stay, sent from where they are
            old.replace(folder)
    return folder


class OfficeServer(QObject):
    heard = Signal(str, int)  # from the watcher's thread: (changed | added | deleted, meeting id)
    reached = Signal(bool)  # from the watcher's thread: the server reached or lost
    synced = Signal(object)  # from the sending thread: SyncState
    listed = Signal(object)  # from the listing thread: the meetings' summaries, or the StorageError
    renewed = Signal(object)  # from the renewing thread: (meetings renewed, kept) or the StorageError

    def __init__(self, window: MainWindow, database: ServerDatabase) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.current: int | None = None  # the meeting open in the window
        self.stopped = False
        self.replica: Replica | None = None  # the open meeting's copy, while this clerk edits it
        self.sync: ReplicaSync | None = None
        self.leaving: list[tuple[ReplicaSync, Replica | None, int]] = []  # left, still sending
        self.asked_about_conflict = False  # the question is put once a conflict; the menu asks again
        self.asking = False  # the conflict's box is open
        self.unsent_copy: Path | None = None  # a copy with unsent edits of a meeting another holds
        self.pending = QLabel("")
        window.statusBar().addPermanentWidget(self.pending)
        self.synced.connect(self._synced)
        self.state = QLabel(CONNECTED)
        window.statusBar().addPermanentWidget(self.state)
        self.renewal = QTimer(self)
        self.renewal.setInterval(RENEW_SECONDS * 1000)
        self.renewal.timeout.connect(self._renew)
        self.renewed.connect(self._renewed)
        self.keeper: ServerDatabase | None = None  # the renewing thread's own connection
        self.renewing = False
        self.renewal.start()
        self.list_refresh = QTimer(self)
        self.list_refresh.setSingleShot(True)
        self.list_refresh.setInterval(LIST_SETTLE_MS)
        self.list_refresh.timeout.connect(self.refresh_list)
        self.listed.connect(self._listed)
        self.lister: ServerDatabase | None = None  # the listing thread's own connection
        self.listing = False  # a list is being fetched
        self.list_again = False  # news came meanwhile: fetch once more when it is in
        self.heard.connect(self._heard)
        self.reached.connect(self._reached)
        self.watcher = ServerWatcher(database.conninfo, self.heard.emit, self.reached.emit)
        self.watcher.start()

    def enter(self, meeting_id: int) -> tuple[Database, str | None]:
        """Opening a meeting: the previous one's copy closed and lease let go, this one's lease
        taken. Returns the database the window edits it in (its copy on this computer; the
        server's to read when another clerk edits it) and why it is read-only, in Thai, or None."""
        if self.current is not None and (self.current != meeting_id or self.replica is not None):
            self._leave(self.current)
        self.current = meeting_id
        if self.database.read_only:  # a reader's account: no lease, the window says why at opening
            return self.database, None
        self.unsent_copy = None
        path = copies_folder(self.database) / f"meeting-{meeting_id}.sqlite3"
        try:
            holder = self.database.take_lease(meeting_id)
            if holder is not None:  # perhaps her own, left by this computer's program killed
                holder = self.database.take_lease(meeting_id, abandoned=lease_of_abandoned_copy(path))
            if holder is not None:
                return self.database, self._held_with_unsent_copy(meeting_id, holder.message())
            self.replica = Replica.open(path, self.database, meeting_id)
        except StorageError as error:
            return self.database, str(error)
        self.sync = ReplicaSync(path, self.database, meeting_id, self.synced.emit)
        self.sync.start()
        return self.replica.database, None

    def reachable(self) -> bool:
        """Whether the server answers now (within the stalled network's limits)."""
        try:
            self.database.conn.execute("SELECT 1").fetchone()
        except StorageError:
            self._reached(False)
            return False
        return True

    def _held_with_unsent_copy(self, meeting_id: int, held: str) -> str:
        """A meeting another clerk holds, while this computer keeps edits of it not yet sent (the
        lease lost during a long outage): said, and open to ไฟล์ → การแก้ไขที่ส่งถึงเซิร์ฟเวอร์
        ไม่ได้… (keep them as a meeting of their own, or set them aside)."""
        path = copies_folder(self.database) / f"meeting-{meeting_id}.sqlite3"
        if not path.exists() or not unsent_records(path):
            return held
        self.unsent_copy = path
        QTimer.singleShot(0, self._ask_unless_quiet)
        return f"{held} และเครื่องนี้ยังมีการแก้ไขที่ส่งไม่ได้ (Ctrl+Alt+U)"

    def _ask_unless_quiet(self) -> None:
        if not getattr(self.window, "quiet", False):  # a window of the tests answers no boxes
            self.ask_about_conflict()

    def poke(self) -> None:
        """An edit was stored in the copy: send it."""
        if self.sync is not None:
            self.sync.poke()

    def refresh_list(self) -> None:
        """The meetings list fetched again after the others' changes, in a thread of its own
        (a stalled network or a server waiting on a lock never freezes the window), shown when
        it comes; news heard meanwhile fetches it once more."""
        if self.stopped:
            return
        if self.listing:
            self.list_again = True
            return
        self.listing = True
        threading.Thread(target=self._fetch_list, name="meetings-list", daemon=True).start()

    def _fetch_list(self) -> None:
        try:
            if self.lister is None:
                self.lister = ServerDatabase.open_server(self.database.conninfo, connect_timeout=5)
            self.listed.emit(self.lister.list_meetings())
        except StorageError as error:
            lister, self.lister = self.lister, None
            if lister is not None:
                with contextlib.suppress(StorageError):
                    lister.close()
            self.listed.emit(error)

    def _listed(self, result: object) -> None:
        self.listing = False
        if self.stopped:
            return
        if isinstance(result, StorageError):  # the list stays as it was
            self.window.statusBar().showMessage(f"ยังแสดงรายการการประชุมล่าสุดไม่ได้: {result}", 10000)
        elif isinstance(result, list):
            self.window.show_meetings(result)
        if self.list_again:
            self.list_again = False
            self.refresh_list()

    def stop(self) -> None:
        self.stopped = True  # what the watcher heard meanwhile, still queued, is let go
        self.renewal.stop()
        self.list_refresh.stop()
        for attribute, busy in (("lister", self.listing), ("keeper", self.renewing)):
            connection = getattr(self, attribute)
            if connection is not None and not busy:  # a thread still waiting keeps its own
                with contextlib.suppress(StorageError):
                    connection.close()
                setattr(self, attribute, None)
        self.watcher.stop()
        if self.current is not None:
            self._leave(self.current)
        for sync, replica, _ in self.leaving:  # the program ends: what is unsent stays in the copies
            sync.stop()
            if replica is not None:
                replica.close()
        self.leaving.clear()

    def _leave(self, meeting_id: int) -> None:
        """The copy's last edits sent (briefly waited for), the copy closed, the lease let go.
        What could not be sent yet goes on being sent in the background (the lease kept until
        it is: `_finish_leaving`); a copy in conflict keeps its edits on this computer and lets
        the meeting go."""
        sync, replica = self.sync, self.replica
        self.sync = self.replica = None
        if sync is not None and not sync.flush(CLOSE_FLUSH_SECONDS) and sync.state.conflict is None:
            self.leaving.append((sync, replica, meeting_id))
            return
        if sync is not None:
            sync.stop()
        if replica is not None:
            replica.close()
        self._let_go(meeting_id)

    def _finish_leaving(self) -> None:
        """Copies of meetings already left, still sending: closed, their leases let go, once
        everything is on the server (or they fell into a conflict)."""
        for entry in list(self.leaving):
            sync, replica, meeting_id = entry
            if sync.state.conflict is None and not sync.flush(0.05):
                continue  # still sending
            if sync.state.conflict is not None:
                self.window.statusBar().showMessage(
                    f"การแก้ไขการประชุมหมายเลข {thai.to_thai_digits(str(meeting_id))} ส่งถึงเซิร์ฟเวอร์ไม่ได้ "
                    "ยังเก็บอยู่ในเครื่องนี้ครบ เปิดการประชุมนั้นแล้วกด Ctrl+Alt+U เพื่อจัดการ",
                    30000,
                )
            self.leaving.remove(entry)
            sync.stop()
            if replica is not None:
                replica.close()
            self._let_go(meeting_id)

    def _let_go(self, meeting_id: int) -> None:
        with contextlib.suppress(StorageError):  # unreachable: the lease lapses by itself
            self.database.release_lease(meeting_id)

    def _renew(self) -> None:
        """Every few seconds: this clerk's leases kept alive, from a thread with a connection of
        its own (a stalled network never freezes the window); then, back here, a meeting open to
        read only is tried again (its holder may have closed it, or gone without a word)."""
        if self.stopped or self.renewing:
            return
        held = sorted(self.database.leased)
        if not held:  # nothing to renew (a reader, a meeting open to read only): no thread
            self._renewed(([], set()))
            return
        self.renewing = True
        threading.Thread(
            target=self._renew_in_thread, args=(held,), name="lease-renewal", daemon=True
        ).start()

    def _renew_in_thread(self, held: list[int]) -> None:
        try:
            if self.keeper is None:
                self.keeper = ServerDatabase.open_server(self.database.conninfo, connect_timeout=5)
            self.renewed.emit((held, self.keeper.renew_leases_of(self.database.token, held)))
        except StorageError as error:
            keeper, self.keeper = self.keeper, None
            if keeper is not None:
                with contextlib.suppress(StorageError):
                    keeper.close()
            self.renewed.emit(error)

    def _renewed(self, result: object) -> None:
        self.renewing = False
        if self.stopped:
            return
        session = self.window.session
        if not isinstance(result, tuple):  # the server out of reach
            self._reached(False)
            return
        held, kept = result
        lost = self.database.forget_lost_leases(set(held) - kept)
        try:
            self._finish_leaving()
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

    def _synced(self, state: SyncState) -> None:
        if self.stopped:
            return
        if state.conflict is not None:
            self.pending.setText("ส่งการแก้ไขไม่ได้ (Ctrl+Alt+U)")
            self.pending.setStyleSheet("color: #b00020; font-weight: bold;")
            self.window.session.held_by = state.conflict
            self.window.refused(state.conflict)
            self.window._mark_saved()
            if not self.asked_about_conflict:
                self.asked_about_conflict = True
                QTimer.singleShot(0, self._ask_unless_quiet)
            return
        self.pending.setStyleSheet("" if state.connected else "color: #b00020; font-weight: bold;")
        waiting = thai.to_thai_digits(str(state.pending))
        self.pending.setText(f"รอส่งถึงเซิร์ฟเวอร์ {waiting} รายการ" if state.pending else "")
        self._reached(state.connected)

    @property
    def in_conflict(self) -> bool:
        """Whether the open meeting's copy holds edits the server can no longer take (or this
        computer keeps unsent edits of a meeting another clerk now holds)."""
        return (
            self.sync is not None and self.sync.state.conflict is not None
        ) or self.unsent_copy is not None

    def ask_about_conflict(self) -> None:
        """The clerk chooses what becomes of the edits the server could not take: one box at a
        time, however many ways the conflict was heard of (the sending thread, the lease's
        renewal, opening the meeting again)."""
        if not self.in_conflict or self.asking:
            return
        self.asking = True
        try:
            self._ask_once()
        finally:
            self.asking = False

    def _ask_once(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "การแก้ไขที่ส่งถึงเซิร์ฟเวอร์ไม่ได้", CONFLICT_QUESTION, parent=self.window
        )
        keep = box.addButton(KEEP_MINE, QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton(USE_THEIRS, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(DECIDE_LATER, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() in (keep, theirs):
            said = self.resolve_conflict(keep_mine=box.clickedButton() is keep)
            self.window.statusBar().showMessage(said, 15000)

    def resolve_conflict(self, keep_mine: bool) -> str:
        """The copy in conflict: its meeting kept on the server as a meeting of its own (when
        `keep_mine`), the copy moved aside (never deleted), and the meeting opened again from the
        server, to edit. Returns what was done, in Thai."""
        meeting_id, sync, replica = self.current, self.sync, self.replica
        if meeting_id is None or ((sync is None or replica is None) and self.unsent_copy is None):
            return "ไม่มีการแก้ไขที่ค้างส่งไม่ได้"
        if sync is not None and replica is not None:
            path = replica.database.path
            sync.stop()
            replica.close()
        else:
            assert self.unsent_copy is not None
            path = self.unsent_copy
        self.sync = self.replica = None
        self.unsent_copy = None
        kept = ""
        if keep_mine:
            try:
                new_id = keep_unsent_as_new_meeting(path, self.database, meeting_id)
            except StorageError as error:  # nothing changed: the copy stays, and so does the question
                self.window.open_meeting(meeting_id)
                return f"เก็บฉบับในเครื่องนี้ไม่ได้ ({error}) การแก้ไขยังอยู่ในเครื่องนี้ครบ"
            kept = f"ฉบับที่พิมพ์ไว้เก็บเป็นการประชุมหมายเลข {thai.to_thai_digits(str(new_id))} แล้ว "
        try:
            aside = set_aside_copy(path)
        except OSError as error:  # the copy stays where it is, whole; the server's meeting is untouched
            self.window.open_meeting(meeting_id)
            return f"{kept}ย้ายฉบับในเครื่องนี้ไม่ได้ ({error.strerror or error}) การแก้ไขยังอยู่ในเครื่องนี้ครบ"
        self.asked_about_conflict = False
        self.window.session.held_by = None
        self.current = None  # the lease is still held: entering again keeps it
        self.window.open_meeting(meeting_id)
        self.pending.setText("")
        self.pending.setStyleSheet("")
        return f"{kept}ฉบับในเครื่องนี้ย้ายไปเก็บที่ {aside.name} เปิดฉบับบนเซิร์ฟเวอร์ให้แก้ไขต่อแล้ว"

    def _reached(self, reached: bool) -> None:
        self.state.setText(CONNECTED if reached else DISCONNECTED)
        self.state.setStyleSheet("" if reached else "color: #b00020; font-weight: bold;")
