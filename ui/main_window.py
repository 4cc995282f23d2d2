"""The main window: the meetings list beside the open meeting's four tabs.

Every change is stored the moment it is made (through `models.editing`), so there is no save
button and closing never asks; Ctrl+S only confirms it. Undo and redo cover every edit, and the
stack's clean state says whether anything changed since the meeting was opened.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import queue
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QDialog,
    QDockWidget,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import thai, wording
from models.changes import Change, ChangeKind
from models.editing import MeetingEditor
from models.meeting import Item, MeetingDocument, Node, Section, find_parent
from models.storage import SEARCH_WAIT, Database, MeetingSummary, StorageError
from ui.agenda import AgendaTab
from ui.commands import InsertNode, MoveNode, RemoveNode
from ui.dialogs import ask, ask_text, choose_path, inform, warn
from ui.exporting import Failure, Outcome, Target, failure_message
from ui.plain import message_box, plain_label
from ui.session import WRITE_ERRORS, MeetingSession, read_only_message, write_failure_message
from ui.sheet import SheetView
from ui.tabs import HeaderTab, LetterTab, RosterTab
from ui.worker import Job, failure_reason, log_failure, progress_box

if TYPE_CHECKING:  # PDFium and the page view load at the first F9
    from ui.office_server import OfficeServer
    from ui.page_view import PageViewPanel

SAVED_HERE_ONLY = "บันทึกไว้ในเครื่องนี้เท่านั้น ยังส่งถึงเซิร์ฟเวอร์ไม่ได้"
FEW_TO_INDEX = 20  # meetings behind in the index that a search waits for (a few tenths of a second)
SEARCH_AGAIN_MS = 500  # while meetings are being indexed, how often the search box looks again
INDEX_BEHIND = "กำลังจัดทำดัชนีค้นหา ยังเหลืออีก {count} การประชุม ผลที่แสดงจึงอาจยังไม่ครบ จะค้นให้ใหม่เมื่อเสร็จ"
INDEX_BEHIND_READ_ONLY = (
    "ดัชนีค้นหายังขาดอีก {count} การประชุม ผลที่แสดงจึงอาจยังไม่ครบ (หน้าต่างที่เปิดแก้ไขฐานข้อมูลนี้จะจัดทำดัชนีให้ แล้วจะค้นให้ใหม่)"
)

SHORTCUTS = (
    ("Ctrl+N", "การประชุมใหม่"),
    ("Ctrl+Shift+M", "การประชุมครั้งถัดไป ต่อจากครั้งนี้"),
    ("Ctrl+Shift+N", "เพิ่มเรื่องถัดจากเรื่องที่เลือก"),
    ("Ctrl+Alt+N", "เพิ่มระเบียบวาระถัดไป"),
    ("Enter / Shift+Enter (ในต้นวาระ)", "เพิ่มเรื่องถัดไป / เรื่องย่อย"),
    ("Tab / Shift+Tab (ในต้นวาระ)", "ย่อหน้าเข้า / ออก"),
    ("Alt+↑ / Alt+↓", "เลื่อนเรื่อง ผู้เข้าประชุม แถวในตาราง หรือย่อหน้าที่กำลังพิมพ์ ขึ้น / ลง"),
    ("F2", "แก้ชื่อเรื่อง (ในตาราง: แก้ช่องนั้น)"),
    ("Delete (ในต้นวาระ)", "ลบเรื่อง"),
    ("Ctrl+Z / Ctrl+Y", "เลิกทำ / ทำซ้ำ"),
    ("F7", "ตรวจก่อนเวียน (คลิกรายการเพื่อไปยังจุดนั้น)"),
    ("Ctrl+S", "ยืนยันการบันทึก (ทุกการแก้ไขบันทึกทันทีอยู่แล้ว)"),
    ("Ctrl+E", "ส่งออกรายงานการประชุมและหนังสือนำส่ง"),
    ("Ctrl+F", "ค้นหาข้อความในการประชุม (Enter ไปที่ถัดไป)"),
    ("Ctrl+Shift+F", "ค้นหาการประชุมในรายการ (Enter ค้นข้อความในทุกการประชุม)"),
    ("Ctrl+1 ... Ctrl+4", "ไปที่แท็บ ข้อมูล / ผู้เข้าประชุม / วาระ / หนังสือนำส่ง"),
    ("Insert / Ctrl+Delete (ในรายชื่อหรือตาราง)", "เพิ่มแถวแล้วพิมพ์ต่อ / ลบแถว"),
    ("Tab / Shift+Tab (ในรายชื่อหรือตาราง)", "ช่องถัดไป / ก่อนหน้า (Tab ที่ช่องสุดท้ายเพิ่มแถว)"),
    ("Enter / Esc / Delete (ในรายชื่อหรือตาราง)", "บันทึกแล้วลงแถวล่าง / ยกเลิกการแก้ช่องนี้ / ล้างช่อง"),
    ("Ctrl+Alt+P / L / T / A (ในเรื่อง)", "เพิ่มย่อหน้า / รายการ / ตาราง / เอกสารแนบ"),
    ("Ctrl+Shift+Delete (ในย่อหน้า)", "ลบย่อหน้านี้"),
    ("Tab (ในย่อหน้า)", "ไปช่องถัดไป (ไม่แทรกอักขระ ไม่ไปที่ปุ่ม)"),
    ("Ctrl+Shift+V", "วางรายชื่อหรือตารางจากโปรแกรมตารางคำนวณ"),
    ("Ctrl+B (ในย่อหน้า)", "ตัวหนา"),
)


_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def _writes(
    action: Callable[Concatenate[MainWindow, _Params], _Result],
) -> Callable[Concatenate[MainWindow, _Params], _Result | None]:
    """A window action that writes to the database outside the undo stack (a new meeting, an
    import, certification, the agenda template): refused with a message when the database is
    open read-only, and a write the database refuses is said in Thai, never raised in a Qt slot."""

    @functools.wraps(action)
    def run(window: MainWindow, /, *args: _Params.args, **kwargs: _Params.kwargs) -> _Result | None:
        if window.database.read_only:
            window.refused(read_only_message(window.database.read_only_reason))
            return None
        try:
            return action(window, *args, **kwargs)
        except WRITE_ERRORS as error:
            window._write_failed(write_failure_message(error))
            return None

    return run


IMPORT_FILTER = (
    "รายงานการประชุม (*.json *.docx *.txt);;ไฟล์การประชุม (*.json);;"
    "รายงานการประชุมที่พิมพ์ใน Word (*.docx);;ข้อความ (*.txt)"
)
IMPORT_SUMMARY_LINES = 14  # lines of an import's report in its box; the rest are counted


def _import_summary(path: Path, lines: list[str]) -> str:
    """An import's report for its box: what was found, the places to look at and the checks'
    first findings (at most IMPORT_SUMMARY_LINES lines, the rest counted)."""
    shown = lines[:IMPORT_SUMMARY_LINES]
    more = len(lines) - len(shown)
    tail = [f"และอีก {more} รายการ"] if more > 0 else []
    return "\n".join([f"{path.name}", *shown, *tail])


def _read_minutes_files(
    job: Job, files: list[Path], read: queue.Queue[tuple[Path, MeetingDocument | str]]
) -> int:
    """In the worker: each Word file read into a meeting (or the reason it cannot be), put on
    `read` for the UI thread to store; stops before the next file when cancelled."""
    from importers.minutes import NotMinutesError, import_file_meetings  # noqa: PLC0415
    from importers.source import SourceError  # noqa: PLC0415

    for number, path in enumerate(files):
        if job.cancelled:
            return number
        try:
            for document, _ in import_file_meetings(path):  # a file may hold several meetings
                read.put((path, document))
        except (SourceError, NotMinutesError) as error:
            read.put((path, f"{path.name}: {error}"))
        except Exception as error:  # said in the summary; the next file goes on
            log_failure(f"นำเข้า {path} ไม่สำเร็จ", error)
            read.put((path, f"{path.name}: {failure_reason(error)}"))
        job.report(number + 1)
    return len(files)


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """The busy cursor over the window while a short piece of work runs on the UI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


SERVER_OUT_OF_REACH = (
    "ติดต่อเซิร์ฟเวอร์ของสำนักงานไม่ได้ จึงยังเปิดการประชุมอื่นไม่ได้ การประชุมที่เปิดอยู่แก้ไขต่อได้ "
    "ทุกการแก้ไขเก็บไว้ในเครื่องนี้ และส่งเมื่อติดต่อได้"
)


class MainWindow(QMainWindow):
    page_view_made = Signal(object)  # the page view's panel, made at the first F9 (for the probe)

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.session = MeetingSession(self)
        self.session.archive = database
        self.undo_stack = self.session.stack
        self.session.changed.connect(self._follow)
        self.session.failed.connect(self._write_failed)
        self.session.refused.connect(self.refused)
        self.session.stored.connect(self._mark_saved)
        self.settings = QSettings("thai-minutes", "thai-minutes")
        self.export_job: Job | None = None  # an export being written in its worker
        self.export_progress: QProgressDialog | None = None  # its progress box, while it runs
        self.setWindowTitle("thai-minutes — รายงานการประชุม")
        self._build()
        self._menus()
        self.office: OfficeServer | None = None  # the office's server: leases, the others' changes
        if database.is_server:  # psycopg and the server's modules load only here
            from models.server import ServerDatabase  # noqa: PLC0415
            from ui.office_server import OfficeServer  # noqa: PLC0415

            if isinstance(database, ServerDatabase):
                self.office = OfficeServer(self, database)
                self.session.stored.connect(self.office.poke)
        self.reload_meetings()
        self._restore()

    @property
    def editor(self) -> MeetingEditor:
        """The open meeting's editor; the tabs are only shown with a meeting open."""
        return self.session.editor

    @property
    def has_meeting(self) -> bool:
        return self.session.is_open

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("ค้นหาการประชุม (Ctrl+Shift+F, Enter ค้นทุกการประชุม)")
        self.filter.textChanged.connect(self.reload_meetings)
        self.filter.returnPressed.connect(self.search_all)
        self.meetings = QTreeWidget()
        self.meetings.setHeaderHidden(True)
        self.meetings.currentItemChanged.connect(self._meeting_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.itemActivated.connect(self._hit_chosen)
        self.hits.itemClicked.connect(self._hit_chosen)
        self.hits.hide()
        self.hit_places: list[Any] = []
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.meetings)
        left_layout.addWidget(self.hits)
        actions: dict[str, Callable[[], None]] = {
            "add_sibling": self.add_sibling,
            "add_child": self.add_child,
            "indent": self.indent,
            "outdent": self.outdent,
            "delete": self.delete_node,
        }
        self.header_tab = HeaderTab(self.session)
        self.roster_tab = RosterTab(self.session)
        self.agenda_tab = AgendaTab(self.session, actions)
        self.letter_tab = LetterTab(self.session)
        self.tabs = QTabWidget()
        for widget, label in (
            (self.header_tab, "ข้อมูลการประชุม"),
            (self.roster_tab, "ผู้เข้าประชุม"),
            (self.agenda_tab, "วาระการประชุม"),
            (self.letter_tab, "หนังสือนำส่ง"),
        ):
            self.tabs.addTab(widget, label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1100])
        self.setCentralWidget(self.splitter)
        from ui.checks_panel import ChecksPanel  # noqa: PLC0415

        self.checks = ChecksPanel(self)
        self.checks_dock = QDockWidget("ตรวจก่อนเวียน", self)
        self.checks_dock.setObjectName("checks")
        self.checks_dock.setWidget(self.checks)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks_dock)
        self.checks_dock.hide()
        self.page_view_dock: QDockWidget | None = None  # made at the first F9
        self.page_view: PageViewPanel | None = None  # its panel
        self.printer: Any = None  # the QPrinter of the last print, made at the first
        self.setting_for_print = False  # a document is being set for printing or its preview
        self.saved = plain_label()
        self.statusBar().addPermanentWidget(self.saved)
        self._warned = False  # a refused write is shown in a box once, then in the status bar

    def _action(self, menu: Any, label: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(label, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("ไฟล์")
        self._action(file, "การประชุมใหม่", "Ctrl+N", self.new_meeting)
        self._action(file, "การประชุมครั้งถัดไป (ต่อจากครั้งนี้)", "Ctrl+Shift+M", self.next_meeting)
        self._action(file, "แม่แบบระเบียบวาระ...", None, self.edit_template)
        self._action(file, "นำเข้าไฟล์การประชุม...", "Ctrl+O", self.import_file)
        self._action(file, "นำเข้ารายงานการประชุมทั้งโฟลเดอร์ (Word)...", "Ctrl+Shift+O", self.import_folder)
        self._action(file, "บันทึกเป็นไฟล์การประชุม...", "Ctrl+Shift+S", self.export_file)
        self._action(file, "ส่งออกรายงานและหนังสือนำส่ง...", "Ctrl+E", self.export_documents)
        self._action(file, "พิมพ์...", "Ctrl+P", self.print_document)
        self._action(file, "ตัวอย่างก่อนพิมพ์...", "Ctrl+F2", self.preview_document)
        self._action(file, "บันทึก", "Ctrl+S", self.save)
        self._action(file, "ข้อมูลหน่วยงานและภาพครุฑ...", None, self.edit_office)
        self._action(file, "ฐานข้อมูลของสำนักงาน...", "Ctrl+Alt+D", self.choose_office_server)
        self._action(file, "การแก้ไขที่ส่งถึงเซิร์ฟเวอร์ไม่ได้...", "Ctrl+Alt+U", self.resolve_unsent)
        file.addSeparator()
        self._action(file, "ออก", "Ctrl+Q", self.close)
        edit = bar.addMenu("แก้ไข")
        undo = self._action(edit, "เลิกทำ", "Ctrl+Z", self.undo)
        redo = self._action(edit, "ทำซ้ำ", "Ctrl+Y", self.redo)
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self._action(edit, "ค้นหาในการประชุม", "Ctrl+F", self.find_in_meeting)
        self._action(edit, "ค้นหาการประชุม", "Ctrl+Shift+F", self.filter.setFocus)
        self._action(edit, "ตรวจก่อนเวียน", "F7", self.run_checks)
        agenda = bar.addMenu("วาระ")
        self._action(agenda, "เพิ่มเรื่องถัดไป", "Ctrl+Shift+N", self.add_sibling)
        self._action(agenda, "เพิ่มเรื่องย่อย", "Ctrl+Shift+I", self.add_child)
        self._action(agenda, "เพิ่มระเบียบวาระ", "Ctrl+Alt+N", self.add_section)
        self._action(agenda, "แก้ชื่อเรื่อง / แก้ช่อง", "F2", self.edit_here)
        self._action(agenda, "เลื่อนขึ้น", "Alt+Up", lambda: self.move_here(-1))
        self._action(agenda, "เลื่อนลง", "Alt+Down", lambda: self.move_here(1))
        self._action(agenda, "ย่อหน้าเข้า", None, self.indent)
        self._action(agenda, "ย่อหน้าออก", None, self.outdent)
        self._action(agenda, "ลบเรื่อง", None, self.delete_node)
        certification = bar.addMenu("การรับรอง")
        self._action(certification, "บันทึกคำตอบของผู้รับ...", None, self.record_answer)
        self._action(certification, "รับรองรายงานการประชุม", None, self.certify)
        self._action(certification, "เริ่มแก้ไขหลังรับรอง...", None, self.begin_amendment)
        self._action(certification, "จบการแก้ไขหลังรับรอง", None, self.end_amendment)
        self._view_menu(bar.addMenu("มุมมอง"))
        help_menu = bar.addMenu("ช่วยเหลือ")
        self._action(help_menu, "แป้นลัด", "F1", self.show_shortcuts)
        self.window_keys = WindowKeys(self)
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self.window_keys)

    def _view_menu(self, view: Any) -> None:
        for number in range(4):
            self._action(
                view,
                self.tabs.tabText(number),
                f"Ctrl+{number + 1}",
                functools.partial(self.tabs.setCurrentIndex, number),
            )
        view.addSeparator()
        self.page_view_action = self._action(view, "หน้ากระดาษข้างตัวแก้ไข", "F9", self.toggle_page_view)
        self.page_view_action.setCheckable(True)

    # --- meetings list ----------------------------------------------------------------------

    def reload_meetings(self) -> None:
        try:
            summaries = self.database.list_meetings()
        except StorageError as error:  # the office's server out of reach: the list stays as it was
            self.statusBar().showMessage(f"ยังแสดงรายการการประชุมล่าสุดไม่ได้: {error}", 10000)
            return
        self.show_meetings(summaries)

    def show_meetings(self, summaries: list[MeetingSummary]) -> None:
        """The meetings list as given (fetched here, or by the office server's listing thread),
        filtered as the filter box says, the open meeting chosen."""
        wanted = self.filter.text().strip()
        current = self.editor.meeting_id if self.has_meeting else None
        self.meetings.blockSignals(True)
        self.meetings.clear()
        years: dict[int, QTreeWidgetItem] = {}
        chosen = None
        for summary in summaries:
            label = self._label(summary)
            if wanted and wanted not in label and thai.to_thai_digits(wanted) not in label:
                continue
            if summary.year not in years:
                year_item = QTreeWidgetItem([thai.to_thai_digits(f"ปี {summary.year}")])
                years[summary.year] = year_item
                self.meetings.addTopLevelItem(year_item)
            item = QTreeWidgetItem([label])
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            years[summary.year].addChild(item)
            if summary.id == current:
                chosen = item
        self.meetings.expandAll()
        if chosen is not None:
            self.meetings.setCurrentItem(chosen)
        self.meetings.blockSignals(False)

    def search_all(self) -> list[Any]:
        """Places in all meetings holding the words of the filter box (Enter). The few meetings
        changed since they were indexed are indexed first (at most SEARCH_WAIT); while many are
        still being indexed (an import, a database from an older version) what is indexed is shown
        at once, with a note saying so, and the search is made again once indexing is done."""
        words = self.filter.text().strip()
        self.hits.clear()
        try:
            wait = SEARCH_WAIT if words and self.database.search_backlog() <= FEW_TO_INDEX else 0.0
            self.hit_places = self.database.search(words, wait=wait) if words else []
        except StorageError as error:  # the office's server out of reach
            self.hit_places = []
            self.hits.addItem(QListWidgetItem(f"ค้นหาไม่ได้ในขณะนี้: {error}"))
            self.hits.setVisible(True)
            return []
        for hit in self.hit_places:
            label = thai.to_thai_digits(f"ครั้งที่ {hit.seq}/{hit.year} {hit.place}")
            self.hits.addItem(QListWidgetItem(f"{label}\n{hit.snippet}"))
        behind = self.database.search_backlog() if words else 0
        if behind:
            note = (INDEX_BEHIND_READ_ONLY if self.database.read_only else INDEX_BEHIND).format(
                count=thai.to_thai_digits(str(behind))
            )
            self.hits.addItem(QListWidgetItem(note))
            self.statusBar().showMessage(note, 10000)
            QTimer.singleShot(SEARCH_AGAIN_MS, self, functools.partial(self._search_when_indexed, words))
        elif words and not self.hit_places:
            self.hits.addItem(QListWidgetItem("ไม่พบในการประชุมใด"))
        self.hits.setVisible(bool(words))
        return self.hit_places

    def _search_when_indexed(self, words: str) -> None:
        if self.filter.text().strip() != words or not self.hits.isVisible():
            return  # another search, or none, since
        if self.database.search_backlog():
            QTimer.singleShot(SEARCH_AGAIN_MS, self, functools.partial(self._search_when_indexed, words))
        else:
            self.search_all()

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        row = self.hits.row(item)
        if row >= len(self.hit_places):
            return
        hit = self.hit_places[row]
        if not self.has_meeting or self.editor.meeting_id != hit.meeting_id:
            self.open_meeting(hit.meeting_id)
        if hit.node_id is None:
            self.tabs.setCurrentWidget(self.header_tab)
            return
        meeting = self.editor.document.meeting
        from models.meeting import walk_items  # noqa: PLC0415

        nodes: list[Node] = [
            *meeting.sections,
            *(i for s in meeting.sections for _, i in walk_items(s.items)),
        ]
        node = next((n for n in nodes if n.id == hit.node_id), None)
        if node is not None:
            self.tabs.setCurrentWidget(self.agenda_tab)
            self.agenda_tab.select(node)

    def _meeting_chosen(self, item: QTreeWidgetItem | None, *_: Any) -> None:
        meeting_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if meeting_id is not None:
            self.open_meeting(int(meeting_id))

    def _server_out_of_reach(self, meeting_id: int) -> bool:
        """Another meeting asked for while the office's server cannot be reached: the open one
        stays open and editable (its edits kept on this computer), the list shows it again, and
        the clerk is told why."""
        if self.office is None or not self.has_meeting or self.editor.meeting_id == meeting_id:
            return False
        if self.office.reachable():
            return False
        self._show_in_list(self.editor.meeting_id)
        self.statusBar().showMessage(SERVER_OUT_OF_REACH, 15000)
        return True

    def _show_in_list(self, meeting_id: int) -> None:
        """The meetings list's current row on this meeting again, without opening anything."""
        self.meetings.blockSignals(True)
        years = (self.meetings.topLevelItem(index) for index in range(self.meetings.topLevelItemCount()))
        rows = (year.child(row) for year in years if year is not None for row in range(year.childCount()))
        for item in rows:
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == meeting_id:
                self.meetings.setCurrentItem(item)
        self.meetings.blockSignals(False)

    def open_meeting(self, meeting_id: int) -> None:
        if self._server_out_of_reach(meeting_id):
            return
        database, held_by = (
            self.office.enter(meeting_id) if self.office is not None else (self.database, None)
        )
        self.session.open(MeetingEditor(database, meeting_id), held_by)
        if held_by is not None:
            self.statusBar().showMessage(held_by)
        self.settings.setValue("last_meeting", meeting_id)
        self.roster_tab.bind()
        self.agenda_tab.bind(self.rename_node, self.drop_node)
        self.header_tab.refresh()
        self.letter_tab.refresh()
        self.reload_meetings()
        self._show_title()
        self._mark_saved()

    def _show_title(self) -> None:
        meeting = self.editor.document.meeting
        state = ""
        if meeting.certified:
            state = " (รับรองแล้ว" + (" — กำลังแก้ไขหลังรับรอง)" if self.editor.amendment else ")")
        title = f"ครั้งที่ {meeting.seq}/{meeting.year}{state} — {meeting.title} — thai-minutes"
        self.setWindowTitle(thai.to_thai_digits(title))

    # --- certification ----------------------------------------------------------------------

    @_writes
    def record_answer(self, answer: tuple[int, str, str] | None = None) -> None:
        """A recipient's answer: certified, or corrections with a note."""
        from models.meeting import RecipientStatus  # noqa: PLC0415
        from ui.dialogs import AnswerDialog  # noqa: PLC0415

        letter = self.editor.document.letter if self.has_meeting else None
        if letter is None or not letter.recipients:
            inform(self, "ยังไม่มีผู้รับ", "ใส่บัญชีแจกจ่ายในแท็บหนังสือนำส่งก่อน")
            return
        if answer is None:
            dialog = AnswerDialog([r.name for r in letter.recipients], self)
            if dialog.exec() != AnswerDialog.DialogCode.Accepted:
                return
            answer = dialog.answer()
        index, status, note = answer
        self.editor.record_answer(index, RecipientStatus(status), note)
        self.statusBar().showMessage(f"บันทึกคำตอบของ {letter.recipients[index].name} แล้ว", 5000)

    @_writes
    def certify(self) -> None:
        from models.editing import CertificationError  # noqa: PLC0415

        if not self.has_meeting:
            return
        try:
            self.editor.certify(dt.date.today())
        except CertificationError as error:
            inform(self, "ยังรับรองไม่ได้", str(error))
            return
        self.undo_stack.clear()  # the certified minutes are what stands

    @_writes
    def begin_amendment(self, who: str | None = None, why: str | None = None) -> None:
        from models.editing import CertificationError  # noqa: PLC0415

        if not self.has_meeting:
            return
        if who is None or why is None:
            who = ask_text(self, "แก้ไขหลังรับรอง", "ผู้แก้ไข (ชื่อ-สกุล)")
            why = ask_text(self, "แก้ไขหลังรับรอง", "เหตุผลที่แก้ไข (เช่น มติที่ประชุมครั้งที่ ...)") if who else None
            if who is None or why is None:
                return
        try:
            self.editor.begin_amendment(who, why)
        except CertificationError as error:
            inform(self, "แก้ไขหลังรับรองไม่ได้", str(error))
            return
        self._show_title()

    @_writes
    def end_amendment(self) -> None:
        if self.has_meeting:
            self.editor.end_amendment()
            self.undo_stack.clear()  # undoing an amendment would be another amendment
            self._show_title()

    # --- changes ----------------------------------------------------------------------------

    def push(self, command: Any) -> bool:
        return self.session.apply(command)

    def undo(self) -> None:
        """Ctrl+Z from anywhere: the meeting's one undo stack (an open cell editor closes first)."""
        self._close_cell_editor()
        self.session.undo()

    def redo(self) -> None:
        self._close_cell_editor()
        self.session.redo()

    def _close_cell_editor(self) -> None:
        sheet = self._focused(SheetView)
        focused = QApplication.focusWidget()
        if isinstance(sheet, SheetView) and focused is not None and focused is not sheet:
            sheet.closeEditor(focused, QAbstractItemDelegate.EndEditHint.NoHint)

    def refused(self, message: str) -> None:
        """The edit was not allowed (certified minutes): say how, and show again what is stored."""
        self.statusBar().showMessage(message, 8000)
        self.header_tab.refresh()
        self.letter_tab.refresh()
        self.agenda_tab.item_editor = None
        self.agenda_tab.show_current()

    def _write_failed(self, message: str) -> None:
        """A write was refused: the status bar says so until one succeeds; a box says it once."""
        self.saved.setText("บันทึกไม่สำเร็จ")
        self.saved.setStyleSheet("color: #b00020; font-weight: bold;")
        self.statusBar().showMessage(message)
        if not self._warned and not getattr(self, "quiet", False):
            self._warned = True
            box = message_box(self, QMessageBox.Icon.Warning, "บันทึกไม่สำเร็จ", message)
            box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
            box.open()  # not modal: the clerk can go on typing

    def set_field(self, key: object, apply: Callable[[Any], Any], value: Any, origin: object = None) -> bool:
        return self.has_meeting and self.session.set_field(key, apply, value, origin)

    def _follow(self, change: Change, origin: object) -> None:
        """The meetings list and the window title follow what they show."""
        if change.kind is ChangeKind.MEETING and change.field in ("seq", "year", "date"):
            self.reload_meetings()
            self._show_title()
        elif change.kind is ChangeKind.MEETING and change.field == "title":
            self._relabel_current()
            self._show_title()
        elif change.kind is ChangeKind.CERTIFICATION:
            self._show_title()

    def _relabel_current(self) -> None:
        item = self.meetings.currentItem()
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == self.editor.meeting_id:
            item.setText(0, self._label(self.editor.document.meeting))

    @staticmethod
    def _label(summary: Any) -> str:
        return thai.to_thai_digits(
            f"ครั้งที่ {summary.seq}/{summary.year}  {thai.format_date(summary.date)}\n{summary.title}"
        )

    def _mark_saved(self) -> None:
        self._warned = False
        self.saved.setStyleSheet("")
        if self.office is not None and self.office.in_conflict:  # kept here, the server refuses it
            self.saved.setText(SAVED_HERE_ONLY)
            self.saved.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        if self.session.read_only is not None:  # nothing is saved here: say what the window is
            # (once: a read-only database has its own label for as long as the window is open)
            self.saved.setText("" if self.database.read_only else "อ่านอย่างเดียว")
            return
        self.saved.setText(f"บันทึกแล้ว {thai.to_thai_digits(dt.datetime.now().strftime('%H:%M:%S'))} น.")

    def choose_office_server(self) -> None:
        """ไฟล์ → ฐานข้อมูลของสำนักงาน…: the office's server (tried first), or the file here; the
        choice kept for the next start, and the window opened again on it."""
        from ui.app import switch_database  # noqa: PLC0415
        from ui.server_dialog import SERVER_SETTING, OfficeServerDialog  # noqa: PLC0415

        dialog = OfficeServerDialog(str(self.settings.value(SERVER_SETTING, "") or ""), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.settings.setValue(SERVER_SETTING, dialog.chosen)
        switch_database(self, dialog.opened if dialog.chosen else None)

    def resolve_unsent(self) -> None:
        """ไฟล์ → การแก้ไขที่ส่งถึงเซิร์ฟเวอร์ไม่ได้…: what to do with edits the office's server
        could not take (another clerk changed the meeting meanwhile)."""
        if self.office is None or not self.office.in_conflict:
            self.statusBar().showMessage("ไม่มีการแก้ไขที่ค้างส่งไม่ได้", 5000)
            return
        self.office.ask_about_conflict()

    def save(self) -> None:
        """Every edit is stored already; this moves the journal into the database file."""
        self.database.checkpoint()
        self._mark_saved()
        self.statusBar().showMessage("บันทึกทุกการแก้ไขเรียบร้อยแล้ว", 3000)

    # --- agenda actions ---------------------------------------------------------------------

    def _current(self) -> Node | None:
        return self.agenda_tab.current_node()

    def current_node(self) -> Node | None:
        """The agenda's current section or item (the page view shows its page)."""
        return self.agenda_tab.current_node()

    def toggle_page_view(self) -> None:
        """F9: the printed page beside the editor, following the current item (`ui.page_view`)."""
        if self.page_view_dock is None:
            self.page_view_dock = self._make_page_view()
        elif self.page_view_dock.isVisible():
            self.page_view_dock.hide()
        else:
            self.page_view_dock.show()
            self._schedule_page_view(0)
        self.settings.setValue("page_view", self.page_view_dock.isVisible())

    def _make_page_view(self) -> QDockWidget:
        from ui.page_view import PageViewPanel  # noqa: PLC0415  (PDFium loads on first use)

        panel = PageViewPanel(self)
        self.page_view = panel
        dock = QDockWidget("หน้ากระดาษ (F9)", self)
        dock.setObjectName("page_view")
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resizeDocks([dock], [max(self.width() // 3, 320)], Qt.Orientation.Horizontal)
        self.agenda_tab.node_chosen.connect(panel.schedule)
        self.tabs.currentChanged.connect(lambda _index: self._schedule_page_view())
        dock.visibilityChanged.connect(self.page_view_action.setChecked)
        dock.show()
        self.page_view_made.emit(panel)
        panel.start()
        return dock

    def _schedule_page_view(self, delay_ms: int | None = None) -> None:
        if self.page_view is not None:
            self.page_view.schedule() if delay_ms is None else self.page_view.schedule(delay_ms)

    def add_sibling(self) -> None:
        node = self._current()
        if not self.has_meeting or node is None:
            return
        new = Item("")
        if isinstance(node, Section):
            self.push(InsertNode(self.editor, node, len(node.items), new))
        else:
            parent, siblings = find_parent(self.editor.document.meeting, node)
            index = next(i for i, s in enumerate(siblings) if s is node) + 1
            self.push(InsertNode(self.editor, parent, index, new))
        self._edit_new(new)

    def add_child(self) -> None:
        node = self._current()
        if not self.has_meeting or node is None:
            return
        new = Item("")
        self.push(InsertNode(self.editor, node, len(node.items), new))
        self._edit_new(new)

    def add_section(self) -> None:
        if not self.has_meeting:
            return
        sections = self.editor.document.meeting.sections
        node = self._current()
        index = len(sections)
        if isinstance(node, Section):
            index = next(i for i, s in enumerate(sections) if s is node) + 1
        new = Section("")
        self.push(InsertNode(self.editor, None, index, new))
        self._edit_new(new)

    def _edit_new(self, node: Node) -> None:
        self.tabs.setCurrentWidget(self.agenda_tab)
        self.agenda_tab.select(node)
        self.agenda_tab.show_current()
        if self.agenda_tab.item_editor is not None:
            self.agenda_tab.item_editor.title.setFocus()

    @_writes
    def accept_word(self, office_id: int, word: str) -> None:
        """A word the checks did not know, accepted for the office (never reported again)."""
        self.database.add_office_word(office_id, word)

    def run_checks(self) -> None:
        if self.has_meeting:
            self.checks_dock.show()
            self.checks.run()

    def go_to(self, finding: Any) -> None:
        """Show the place a finding is about."""
        if finding.node is not None:
            self.tabs.setCurrentWidget(self.agenda_tab)
            self.agenda_tab.select(finding.node)
        elif finding.where.startswith("ผู้เข้าประชุม"):
            self.tabs.setCurrentWidget(self.roster_tab)
            digits = "".join(ch for ch in thai.to_arabic_digits(finding.where) if ch.isdigit())
            if digits:
                self.roster_tab.select(int(digits) - 1, 1)
        elif finding.where.startswith("หนังสือนำส่ง"):
            self.tabs.setCurrentWidget(self.letter_tab)
        else:
            self.tabs.setCurrentWidget(self.header_tab)

    def find_in_meeting(self) -> None:
        self.tabs.setCurrentWidget(self.agenda_tab)
        self.agenda_tab.find_field.setFocus()
        self.agenda_tab.find_field.selectAll()

    def _focused(self, kind: type[QWidget]) -> QWidget | None:
        """The widget of this kind that holds the keyboard focus or contains it."""
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, kind):
            widget = widget.parentWidget()
        return widget

    def edit_here(self) -> None:
        """F2: edit the current cell of the roster or a table, else rename the agenda item."""
        sheet = self._focused(SheetView)
        if isinstance(sheet, SheetView):
            if sheet.state() != SheetView.State.EditingState:
                sheet.edit_current()
            return
        self.rename()

    def move_here(self, step: int) -> None:
        """Alt+↑ / Alt+↓: move what the cursor is in (a person, a table row, a block, an item);
        Alt+↓ in a date field opens its calendar."""
        from ui.agenda import BlockWidget, TableEditor  # noqa: PLC0415
        from ui.fields import DateField  # noqa: PLC0415

        date = self._focused(DateField)
        table = self._focused(TableEditor)
        block = self._focused(BlockWidget)
        if isinstance(date, DateField):
            if step > 0:
                date.open_calendar()
        elif self._focused(RosterTab) is not None:
            self.roster_tab.move_row(step)
        elif isinstance(table, TableEditor):
            table.move_row(step)
        elif isinstance(block, BlockWidget):
            block.move_by(step)
        else:
            self.move_node(step)

    def rename(self) -> None:
        self.tabs.setCurrentWidget(self.agenda_tab)
        self.agenda_tab.tree.setFocus()
        self.agenda_tab.tree.edit(self.agenda_tab.tree.currentIndex())

    def rename_node(self, node: Node, title: str) -> None:
        if self.has_meeting:
            editor = self.editor
            self.set_field((id(node), "title"), lambda v: editor.set_node_field(node, "title", v), title)

    def drop_node(self, node: Node, parent: Node | None, index: int) -> None:
        """A node dragged in the tree and dropped under `parent` at `index`."""
        self.push(MoveNode(self.editor, node, parent, index))

    def move_node(self, step: int) -> None:
        node = self._current()
        if not self.has_meeting or node is None:
            return
        parent, siblings = find_parent(self.editor.document.meeting, node)
        index = next(i for i, s in enumerate(siblings) if s is node)
        if 0 <= index + step < len(siblings):
            self.push(MoveNode(self.editor, node, parent, index + step))

    def indent(self) -> None:
        """The item becomes the last child of the item (or section) before it."""
        node = self._current()
        if not self.has_meeting or not isinstance(node, Item):
            return
        _, siblings = find_parent(self.editor.document.meeting, node)
        index = next(i for i, s in enumerate(siblings) if s is node)
        if index > 0:
            target = siblings[index - 1]
            self.push(MoveNode(self.editor, node, target, len(target.items)))

    def outdent(self) -> None:
        """The item leaves its parent item and follows it."""
        node = self._current()
        if not self.has_meeting or not isinstance(node, Item):
            return
        meeting = self.editor.document.meeting
        parent, _ = find_parent(meeting, node)
        if isinstance(parent, Item):
            grandparent, uncles = find_parent(meeting, parent)
            index = next(i for i, s in enumerate(uncles) if s is parent) + 1
            self.push(MoveNode(self.editor, node, grandparent, index))

    def delete_node(self, confirm: bool = True) -> None:
        node = self._current()
        if not self.has_meeting or node is None:
            return
        question = f"ลบ “{node.title or 'เรื่องนี้'}” และทุกอย่างที่อยู่ภายใต้เรื่องนี้?"
        if confirm and not ask(self, "ลบเรื่อง", question, "ลบ", "ไม่ลบ"):
            return
        self.push(RemoveNode(self.editor, node))

    # --- files ------------------------------------------------------------------------------

    @_writes
    def new_meeting(self) -> None:
        from models.meeting import Meeting  # noqa: PLC0415

        today = dt.date.today()
        year = thai.buddhist_year(today.year)
        same_year = [m.seq for m in self.database.list_meetings() if m.year == year]
        office = self.editor.document.office if self.has_meeting else None
        previous = self.editor.document.meeting if self.has_meeting else None
        meeting = Meeting(
            title=previous.title if previous else "การประชุม",
            seq=max(same_year, default=0) + 1,
            year=year,
            date=today,
            sections=[Section(wording.PRE_AGENDA_TITLE, is_agenda=False)]
            + [Section(t) for t in self.section_template()],
        )
        meeting_id = self.database.add_document(MeetingDocument(meeting, office))
        self.open_meeting(meeting_id)
        self.tabs.setCurrentWidget(self.header_tab)
        self.header_tab.title.setFocus()

    def focus_the_open_meeting(self) -> None:
        """At start the keyboard belongs to the open meeting's page, not to the meetings filter
        (the first field in Qt's order): the first words the clerk types land in the meeting
        instead of hiding the list of meetings."""
        if self.tabs.currentWidget() is self.header_tab:
            self.header_tab.title.setFocus()

    @_writes
    def next_meeting(self) -> None:
        """The next meeting of the series: roster, certification of these minutes, follow-ups."""
        from models.series import next_meeting  # noqa: PLC0415

        if self.has_meeting:
            keep_guests = self.keeps_guests()
            document = next_meeting(self.editor.document, self.section_template(), keep_guests=keep_guests)
            self.open_meeting(self.database.add_document(document))
            self.tabs.setCurrentWidget(self.header_tab)

    def keeps_guests(self) -> bool:
        """Whether the series' next meetings keep the last one's guests (ผู้เข้าร่วมประชุม): asked
        once per series, the first time a meeting with guests is followed, then remembered."""
        from models.meeting import AttendeeStatus  # noqa: PLC0415
        from models.series import GUESTS_SETTING, series_key  # noqa: PLC0415

        chosen: dict[str, bool] = dict(self.database.setting(GUESTS_SETTING, {}))
        key = series_key(self.editor.document)
        if key in chosen:
            return bool(chosen[key])
        guests = self.editor.document.meeting.attendees_with(AttendeeStatus.GUEST)
        if not guests:
            return True
        if getattr(self, "quiet", False):
            return True  # asked only of a clerk at the window
        keep = ask(
            self,
            "ผู้เข้าร่วมประชุมในครั้งถัดไป",
            f"การประชุมครั้งนี้มีผู้เข้าร่วมประชุม {thai.to_thai_digits(str(len(guests)))} คน "
            "(ไม่ใช่กรรมการ) ให้การประชุมครั้งถัดไปของชุดนี้มีรายชื่อผู้เข้าร่วมประชุมของครั้งก่อนไว้ด้วยหรือไม่\n\n"
            "โปรแกรมจะจำคำตอบไว้สำหรับการประชุมชุดนี้",
            "คงรายชื่อไว้",
            "ไม่ต้องคงไว้",
        )
        chosen[key] = keep
        self.database.set_setting(GUESTS_SETTING, chosen)
        return keep

    def section_template(self) -> list[str]:
        from models.series import STANDARD_SECTIONS, TEMPLATE_SETTING  # noqa: PLC0415

        return list(self.database.setting(TEMPLATE_SETTING, list(STANDARD_SECTIONS)))

    @_writes
    def edit_template(self, text: str | None = None) -> None:
        """The section titles new meetings start with, one a line (section 2 certifies and
        section 3 follows up, whatever their titles)."""
        from models.series import TEMPLATE_SETTING  # noqa: PLC0415
        from ui.fields import text_lines  # noqa: PLC0415

        if text is None:
            current = "\n".join(self.section_template())
            text = ask_text(self, "แม่แบบระเบียบวาระ", "หัวข้อระเบียบวาระ บรรทัดละหนึ่ง", current, multiline=True)
            if text is None:
                return
        titles = text_lines(text)
        if len(titles) < 3:
            inform(self, "แม่แบบสั้นเกินไป", "ต้องมีอย่างน้อย ๓ ระเบียบวาระ (วาระที่ ๒ รับรองรายงาน วาระที่ ๓ เรื่องสืบเนื่อง)")
            return
        self.database.set_setting(TEMPLATE_SETTING, titles)

    @_writes
    def import_file(self) -> None:
        name = choose_path(self, "นำเข้าไฟล์การประชุม", "open", IMPORT_FILTER)
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> bool:
        """Add the meeting of a meeting file, or of minutes typed in Word (.docx) or as text
        (.txt), to the database and open it (Ctrl+O, or a file the program was started with:
        "Open with" on Windows). Typed minutes are followed by the import's report; a file that
        cannot be read, or is not minutes, is said and adds nothing."""
        from importers.minutes import ImportReport, NotMinutesError, import_file_meetings  # noqa: PLC0415
        from importers.source import TYPED_MINUTES_SUFFIXES, SourceError  # noqa: PLC0415
        from models.meetingfile import MeetingFileError, read_meeting_file  # noqa: PLC0415

        report = None
        try:
            with busy_cursor():
                read: list[tuple[MeetingDocument, ImportReport | None]]
                if path.suffix.lower() in TYPED_MINUTES_SUFFIXES:
                    read = list(import_file_meetings(path))  # a file may hold several meetings
                else:
                    read = [(read_meeting_file(path), None)]
                with self.database.transaction():  # all of the file's meetings, or none
                    added = [self.database.add_document(document) for document, _ in read]
                meeting_id, report = added[0], read[0][1]
        except MeetingFileError as error:
            warn(self, "นำเข้าไม่ได้", error.describe())
            return False
        except (SourceError, NotMinutesError) as error:
            warn(self, "นำเข้าไม่ได้", f"{path.name}: {error}")
            return False
        except Exception as error:  # never a traceback in the window
            log_failure(f"นำเข้า {path} ไม่สำเร็จ", error)
            warn(self, "นำเข้าไม่ได้", f"นำเข้าไฟล์ {path.name} ไม่สำเร็จ: {failure_reason(error)}")
            return False
        self.open_meeting(meeting_id)
        if report is not None:
            from models.checks import check_document  # noqa: PLC0415

            findings = check_document(self.editor.document, spelling=False)
            lines = [*report.lines(), *(f"- {finding}" for finding in findings[:5])]
            if findings:
                lines.insert(len(report.lines()), f"ผลการตรวจ {len(findings)} รายการ (F7 แสดงทั้งหมด):")
            inform(self, "นำเข้ารายงานการประชุมแล้ว", _import_summary(path, lines))
        return True

    def import_folder(self) -> None:
        chosen = choose_path(self, "นำเข้ารายงานการประชุมทั้งโฟลเดอร์", "folder")
        if chosen:
            self.import_folder_path(Path(chosen))

    @_writes
    def import_folder_path(self, folder: Path) -> tuple[int, list[str]]:
        """Every Word file (.docx) of a folder: read in a worker (`ui.worker.Job`), each stored
        on the UI thread as it comes, in a transaction of its own, behind a progress box whose
        ยกเลิก (Esc) stops before the next file; then a summary of what came in and of what was
        skipped and why. Returns (files imported, skipped reasons); a file may hold several
        meetings."""
        files = sorted(
            p for p in folder.glob("*") if p.suffix.lower() == ".docx" and not p.name.startswith("~$")
        )
        if not files:
            inform(self, "ไม่มีไฟล์ Word", f"ไม่มีไฟล์ .docx ในโฟลเดอร์ {folder.name}")
            return 0, []
        read: queue.Queue[tuple[Path, MeetingDocument | str]] = queue.Queue()
        job = Job(lambda job: _read_minutes_files(job, files, read), "import")
        progress = progress_box(self, "นำเข้ารายงานการประชุม", f"กำลังนำเข้า {len(files)} ไฟล์...", len(files))
        imported: list[int] = []
        imported_files: set[Path] = set()
        skipped: list[str] = []

        def store(done: int) -> None:  # on the UI thread: each meeting read so far, one transaction each
            while not read.empty():
                path, document = read.get()
                if isinstance(document, str):
                    skipped.append(document)
                    continue
                try:
                    imported.append(self.database.add_document(document))
                    imported_files.add(path)
                except WRITE_ERRORS as error:
                    skipped.append(f"{path.name}: {write_failure_message(error)}")
            progress.setValue(done)
            if done < len(files):
                progress.setLabelText(f"กำลังนำเข้า {files[done].name} ({done + 1}/{len(files)})")

        loop = QEventLoop()
        job.progressed.connect(store)
        job.failed.connect(lambda error: skipped.append(failure_reason(error)))
        job.ended.connect(loop.quit)
        progress.canceled.connect(job.cancel)
        progress.rejected.connect(job.cancel)
        job.start()
        loop.exec()
        store(len(files))
        progress.close()
        left = len(files) - len(imported_files) - len(skipped)
        if left > 0:
            skipped.append(f"ยกเลิกก่อนถึงไฟล์อีก {left} ไฟล์")
        if imported:
            self.open_meeting(imported[-1])
        meetings = f" ({len(imported)} การประชุม)" if len(imported) > len(imported_files) else ""
        summary = [
            f"นำเข้าแล้ว {len(imported_files)} ไฟล์{meetings} จาก {len(files)} ไฟล์",
            *(f"ข้าม {reason}" for reason in skipped),
        ]
        inform(self, "นำเข้ารายงานการประชุมแล้ว", "\n".join(summary[: IMPORT_SUMMARY_LINES + 1]))
        return len(imported_files), skipped

    def export_file(self) -> None:
        from models.meetingfile import write_meeting_file  # noqa: PLC0415

        if not self.has_meeting:
            return
        name = choose_path(self, "บันทึกเป็นไฟล์การประชุม", "save", "ไฟล์การประชุม (*.json)", "meeting.minutes.json")
        if name:
            try:
                write_meeting_file(self.editor.document, Path(name))
            except Exception as error:  # never a traceback in the window
                log_failure(f"บันทึก {name} ไม่สำเร็จ", error)
                warn(self, "บันทึกไม่ได้", f"บันทึกไฟล์ {Path(name).name} ไม่สำเร็จ: {failure_reason(error)}")

    def export_documents(self, dialog: Any = None) -> list[Path]:
        """The chosen documents into a folder, named after the meeting (`รายงานการประชุม-๘-๒๕๖๖.pdf`),
        asking before a file is replaced; the choices are remembered, the folder per meeting
        series. They are written in a worker from a copy of the meeting (`ui.exporting`) while
        a progress box offers ยกเลิก (Esc); a cancelled export leaves the folder as it was."""
        from exporters import NameStyle  # noqa: PLC0415
        from models.series import series_key  # noqa: PLC0415
        from ui.dialogs import ExportDialog  # noqa: PLC0415

        if not self.has_meeting:
            return []
        if self.export_progress is not None:  # Ctrl+E again before the progress box came up
            self.statusBar().showMessage("กำลังส่งออกเอกสารอยู่ กรุณารอให้เสร็จหรือกดยกเลิกก่อน", 5000)
            return []
        series_folder = f"export_folder/{series_key(self.editor.document)}"
        remembered = self.settings.value("export_jobs")
        chosen = [tuple(job.split(".")) for job in remembered] if isinstance(remembered, list) else None
        last_folder = str(self.settings.value("export_folder", str(Path.home())))
        style_name = str(self.settings.value("export_names", NameStyle.THAI.value))
        style = NameStyle(style_name) if style_name in NameStyle._value2member_map_ else NameStyle.THAI
        dialog = dialog or ExportDialog(
            str(self.settings.value(series_folder, last_folder)),
            chosen,
            self,
            self.editor.document.meeting,
            style,
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return []
        folder, jobs = dialog.folder.text(), dialog.jobs()
        targets = [Target(name, kind, Path(folder) / dialog.file_name(name, kind)) for name, kind in jobs]
        self.settings.setValue("export_folder", folder)
        self.settings.setValue(series_folder, folder)
        self.settings.setValue("export_jobs", [".".join(job) for job in jobs])
        self.settings.setValue("export_names", dialog.name_style().value)
        if not self._may_replace([t.path for t in targets if t.path.exists()]):
            self.statusBar().showMessage("ไม่ได้ส่งออก: ไฟล์เดิมยังอยู่เหมือนเดิม", 8000)
            return []
        outcome = self._export_in_worker(targets)
        if outcome.cancelled:
            self.statusBar().showMessage("ยกเลิกการส่งออกแล้ว ไม่ได้เขียนไฟล์ใด", 8000)
            return []
        if outcome.failures:
            written = outcome.written
            done = "\n\nเอกสารที่บันทึกแล้ว: " + ", ".join(p.name for p in written) if written else ""
            warn(self, "ส่งออกไม่สำเร็จ", "\n\n".join(map(failure_message, outcome.failures)) + done)
        if outcome.written and not getattr(self, "quiet", False):
            self._offer_folder(folder, outcome.written)
        return outcome.written

    def _may_replace(self, existing: list[Path]) -> bool:
        """Whether files already in the folder may be replaced: the clerk is asked, naming them."""
        if not existing:
            return True
        names = "\n".join(path.name for path in existing)
        question = f"มีไฟล์ชื่อนี้อยู่แล้วในโฟลเดอร์ {existing[0].parent}:\n{names}\n\nต้องการแทนที่ไฟล์เดิมหรือไม่"
        return ask(self, "แทนที่ไฟล์เดิม", question, "แทนที่", "ไม่แทนที่")

    def _export_in_worker(self, targets: list[Target]) -> Outcome:
        """Write the documents in a worker and wait for them here, the window repainting and the
        progress box answering; returns at once when the clerk cancels (what the worker was
        writing is then removed when it ends)."""
        from ui.exporting import document_label, write_documents  # noqa: PLC0415

        if self.export_job is not None:  # a cancelled export still ending its document
            self.export_job.wait()
        snapshot = copy.deepcopy(self.editor.document)  # taken here: no edit can change it halfway
        job = Job(lambda job: write_documents(job, snapshot, targets), "export", writes_files=True)
        self.export_job = job
        result: list[Outcome] = []
        loop = QEventLoop()
        progress = progress_box(self, "ส่งออกเอกสาร", "กำลังส่งออกเอกสาร...", len(targets))
        self.export_progress = progress

        def step(index: int) -> None:
            progress.setValue(index)
            progress.setLabelText(
                f"กำลังส่งออก{document_label(targets[index].document, targets[index].kind)}..."
            )

        def failed(error: Exception) -> None:  # the writing itself could not start
            first = targets[0]
            result.append(Outcome(failures=[Failure(first.document, first.kind, first.path, error)]))

        def cancel() -> None:
            if job.cancel():
                result.append(Outcome(cancelled=True))
                loop.quit()

        def ended() -> None:
            if self.export_job is job:
                self.export_job = None
            loop.quit()

        job.progressed.connect(step)
        job.succeeded.connect(result.append)
        job.failed.connect(failed)
        job.ended.connect(ended)
        progress.canceled.connect(cancel)
        # Escape reaches the box as its cancel shortcut only while it is the active window;
        # otherwise it rejects the dialog, which must cancel just the same
        progress.rejected.connect(cancel)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            job.start()
            loop.exec()
        finally:
            QApplication.restoreOverrideCursor()
            progress.canceled.disconnect(cancel)
            progress.rejected.disconnect(cancel)
            progress.close()
            progress.deleteLater()
            self.export_progress = None
        return result[0]

    def print_document(self, chooser: Any = None) -> int:
        """Ctrl+P: a document of the meeting printed through the system's print dialog, from
        its own PDF (`ui.printing`); returns how many pages went to the printer."""
        printable = self._printable("พิมพ์", chooser)
        return self._print(printable) if printable is not None else 0

    def _print(self, printable: Any, parent: QWidget | None = None) -> int:
        from ui.printing import new_printer, print_and_say  # noqa: PLC0415

        if self.printer is None:  # kept: the printer, copies and paper chosen last come back
            self.printer = new_printer(printable.data)
        pages = print_and_say(printable, parent or self, self.printer)
        if pages:
            self.statusBar().showMessage(
                thai.to_thai_digits(f"ส่ง{printable.title}ไปพิมพ์แล้ว {pages} หน้า"), 8000
            )
        return pages

    def preview_document(self, chooser: Any = None) -> None:
        """Ctrl+F2: the pages of a document as they will print; Ctrl+P there prints them."""
        from ui.printing import PreviewDialog  # noqa: PLC0415

        printable = self._printable("ดูตัวอย่างก่อนพิมพ์", chooser)
        if printable is not None:
            dialog = PreviewDialog(printable, self, self._print)
            dialog.exec()
            dialog.deleteLater()  # its pages go with it

    def _printable(self, action: str, chooser: Any) -> Any:
        """The document the clerk chose, set as its PDF; None when cancelled or it failed (said)."""
        from ui.printing import ChooseDocumentDialog, set_in_worker  # noqa: PLC0415

        if not self.has_meeting:
            return None
        if self.setting_for_print:  # Ctrl+P again while the document is being set
            self.statusBar().showMessage("กำลังจัดหน้าเอกสารอยู่ กรุณารอสักครู่", 5000)
            return None
        made = chooser is None
        chooser = chooser or ChooseDocumentDialog(self.editor.document, action, self)
        accepted = chooser.exec() == QDialog.DialogCode.Accepted
        chosen = chooser.chosen()
        if made:
            chooser.deleteLater()
        if not accepted:
            return None
        self.setting_for_print = True
        try:
            return set_in_worker(self.editor.document, chosen)
        except Exception as error:  # never a traceback in the window
            log_failure(f"จัดหน้าเอกสารเพื่อ{action}ไม่สำเร็จ", error)
            warn(self, f"{action}ไม่ได้", f"จัดหน้าเอกสารไม่สำเร็จ: {failure_reason(error)}")
            return None
        finally:
            self.setting_for_print = False

    def _offer_folder(self, folder: str, written: list[Path]) -> None:
        text = "บันทึกเอกสารแล้ว:\n" + "\n".join(p.name for p in written)
        box = message_box(self, QMessageBox.Icon.NoIcon, "ส่งออกเรียบร้อย", text)
        open_button = box.addButton("เปิดโฟลเดอร์", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("ปิด", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def edit_office(self, dialog: Any = None) -> None:
        """The office profile printed on the letter, shared by the office's meetings."""
        from ui.dialogs import OfficeDialog  # noqa: PLC0415

        if not self.has_meeting:
            return
        dialog = dialog or OfficeDialog(self.editor.document.office, self)
        if dialog.exec() == OfficeDialog.DialogCode.Accepted:
            editor = self.editor
            self.set_field(None, editor.set_office, dialog.office())

    def actions_with_keys(self) -> list[QAction]:
        return [action for action in self.findChildren(QAction) if action.shortcuts()]

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{keys}\t{what}" for keys, what in SHORTCUTS)
        inform(self, "แป้นลัด", text)

    # --- window state -----------------------------------------------------------------------

    def _restore(self) -> None:
        """The window where the clerk left it; the first time, as large as a 1366×768 laptop
        allows above its taskbar."""
        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_size(self))
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        meetings = self.database.list_meetings()
        last = self.settings.value("last_meeting")
        known = {m.id for m in meetings}
        if last is not None and int(last) in known:
            self.open_meeting(int(last))
        elif meetings:
            self.open_meeting(meetings[0].id)
        if self.settings.value("page_view") in (True, "true"):  # open when the program was last closed
            QTimer.singleShot(0, self.toggle_page_view)  # after the window is up: it never waits for PDFium

    def closeEvent(self, event: Any) -> None:
        if self.office is not None:
            self.office.stop()
        if self.export_job is not None:  # nothing half-written stays: the worker removes it
            self.export_job.cancel()
            self.export_job.wait()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        if self.page_view_dock is not None:  # closed by its own ✕ as well as by F9
            self.settings.setValue("page_view", self.page_view_dock.isVisible())
        super().closeEvent(event)


DEFAULT_WIDTH, DEFAULT_HEIGHT = 1366, 768
TITLE_BAR_ALLOWANCE = 40  # the window manager's frame above the window's own area


def default_size(window: QWidget) -> QSize:
    """1366×768 (the offices' laptops), shrunk to the screen's free area (its taskbar left out)
    with room for the title bar."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return QSize(DEFAULT_WIDTH, DEFAULT_HEIGHT - TITLE_BAR_ALLOWANCE)
    free = screen.availableGeometry()
    return QSize(min(DEFAULT_WIDTH, free.width()), min(DEFAULT_HEIGHT, free.height()) - TITLE_BAR_ALLOWANCE)


class WindowKeys(QObject):
    """The window's shortcuts win over a text field's own use of the same keys (a line edit
    takes Ctrl+Z for its private undo and Ctrl+E for end of line), so Ctrl+Z undoes the meeting's
    last edit and Ctrl+E exports wherever the cursor is. Copy, cut, paste and select-all stay the
    field's."""

    KEPT = ("Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+A")

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self._keys: set[str] | None = None  # the window's shortcuts, once its menus are built

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        widget = watched if isinstance(watched, QWidget) else None
        if widget is None or widget.window() is not self.window_:
            return False  # dialogs keep their fields' own keys
        pressed = QKeySequence(event.keyCombination()).toString()  # type: ignore[attr-defined]
        if self._keys is None:
            actions = self.window_.actions_with_keys()
            self._keys = {key.toString() for action in actions for key in action.shortcuts()} - set(self.KEPT)
        if pressed in self._keys:
            event.ignore()  # not taken by the field: Qt runs the window's shortcut
            return True
        return False
