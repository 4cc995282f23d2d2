"""The page view beside the editor (F9): the printed page that holds what the clerk is editing,
the agenda's current section or item in the minutes, or the cover letter while its tab is open.

It follows the clerk without ever making a key wait: a pause in typing (or another item chosen)
starts a short timer; when it fires, the meeting is pickled on the UI thread (the snapshot) and
set and rendered in the program's page-view process (`exporters.pages.page_view`), as the checks
are run in theirs, so the window's interpreter never sets a page. Only the finished picture comes
back; edits made meanwhile start one more update when it arrives.
"""

from __future__ import annotations

import pickle
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from exporters import DOCUMENT_TITLES
from exporters.pages import LAST_PAGE, PageView, page_view, prepare_page_view
from models import thai
from models.checkjob import meeting_nodes
from models.editing import MeetingEditor
from models.meeting import Node
from ui.plain import plain_label
from ui.printing import image_of
from ui.session import MeetingSession
from ui.worker import Job, failure_reason, in_own_process, log_failure, start_own_process

PROCESS = "pages"
PAUSE_MS = 500  # after the last key, the page is set again
CHOSEN_MS = 100  # after another item is chosen
POINTS_PER_PAGE_WIDTH = 595.0  # A4
LEAST_DPI, MOST_DPI = 40.0, 200.0


class Host(Protocol):
    @property
    def editor(self) -> MeetingEditor: ...

    @property
    def session(self) -> MeetingSession: ...

    @property
    def has_meeting(self) -> bool: ...

    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def letter_tab(self) -> QWidget: ...

    @property
    def agenda_tab(self) -> QWidget: ...

    def current_node(self) -> Node | None: ...


def view_in_own_process(payload: bytes, document: str, anchor: int | None, dpi: float) -> PageView:
    """The page set in the page-view process; in this thread when no process can be started
    (a page that takes too long, or fails in the process, is a failure, not a reason to set it
    here beside the clerk's typing)."""
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    try:
        return in_own_process(PROCESS, prepare_page_view, page_view, payload, document, anchor, dpi)
    except BrokenProcessPool as error:
        reason: Exception = error
    except OSError as error:
        if isinstance(error, TimeoutError):
            raise
        reason = error
    log_failure("เริ่มโปรเซสจัดหน้าไม่ได้ จึงจัดหน้าในโปรแกรมเอง", reason)
    return page_view(payload, document, anchor, dpi)


class PageViewPanel(QWidget):
    """The page as it will print, following the agenda's current item; updated after a pause."""

    updated = Signal(object)  # the PageView shown (for tests and the benchmark's probe)

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.view: PageView | None = None
        self.job: Job | None = None
        self._editor: MeetingEditor | None = None  # the meeting the running job sets
        self._again = False  # asked for while an update ran: run once more when it ends
        self.where = plain_label("กด F9 เพื่อซ่อนหน้ากระดาษ")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.picture)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.where)
        layout.addWidget(self.scroll_area, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        host.session.changed.connect(lambda *_: self.schedule(PAUSE_MS))
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._focus_moved)

    def start(self) -> None:
        """The page-view process starts loading the writers now, ahead of the first page."""
        start_own_process(PROCESS, prepare_page_view)
        self.schedule(0)

    def schedule(self, delay_ms: int = CHOSEN_MS) -> None:
        """Update after `delay_ms` without another call (each key restarts the wait)."""
        if self.isVisible():
            self.timer.start(delay_ms)

    def wanted(self) -> tuple[str, int | None]:
        """Which document and which heading the page should hold: the letter while its tab is
        open, else the minutes at the agenda's current section or item (None: the first page)."""
        host = self.host
        if host.tabs.currentWidget() is host.letter_tab:
            # the distribution list is the letter's last page
            return "letter", LAST_PAGE if self._in_recipients() else None
        node = host.current_node() if host.tabs.currentWidget() is host.agenda_tab else None
        if node is None:
            return "minutes", None
        for index, candidate in enumerate(meeting_nodes(host.editor.document.meeting)):
            if candidate is node:
                return "minutes", index
        return "minutes", None

    def _in_recipients(self) -> bool:
        field = getattr(self.host.letter_tab, "recipients", None)
        focused = QApplication.focusWidget()
        return field is not None and focused is not None and (focused is field or field.isAncestorOf(focused))

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """Into or out of the letter's distribution list: its page or the letter's first."""
        if self.host.tabs.currentWidget() is self.host.letter_tab and self.view is not None:
            wanted_last = self._in_recipients()
            if wanted_last != (self.view.page == self.view.page_count and self.view.page > 1):
                self.schedule()

    def dpi(self) -> float:
        """The page's width the view's, less the vertical scroll bar a page taller than the view
        brings (else a horizontal one appears too)."""
        room = self.scroll_area.width() - self.scroll_area.verticalScrollBar().sizeHint().width() - 4
        width = max(room, 1) * self.devicePixelRatioF()
        return min(max(width / POINTS_PER_PAGE_WIDTH * 72, LEAST_DPI), MOST_DPI)

    def refresh(self) -> None:
        if not self.isVisible() or not self.host.has_meeting:
            return
        if self.job is not None:
            self._again = True
            return
        document, anchor = self.wanted()
        payload = pickle.dumps(self.host.editor.document, pickle.HIGHEST_PROTOCOL)  # the snapshot
        dpi = self.dpi()
        job = Job(lambda _job: view_in_own_process(payload, document, anchor, dpi), "page view")
        # bound methods of the panel: Qt drops the calls if the panel is gone when the page comes
        job.succeeded.connect(self._show)
        job.failed.connect(self._failed)
        job.ended.connect(self._ended)
        self.job, self._editor = job, self.host.editor
        job.start()

    def _show(self, view: PageView) -> None:
        if not self.host.has_meeting or self.host.editor is not self._editor:
            return  # another meeting was opened meanwhile: its own update follows
        image = image_of(view.image)
        ratio = self.devicePixelRatioF()
        image.setDevicePixelRatio(ratio)
        self.picture.setPixmap(QPixmap.fromImage(image))
        # the heading near the top of the view, with a little of what comes before it (once the
        # picture's new size is laid out, so that the scroll bar reaches that far)
        above = round(view.heading_at * view.image.height / ratio) - self.scroll_area.viewport().height() // 8
        QTimer.singleShot(0, lambda: self.scroll_area.verticalScrollBar().setValue(max(above, 0)))
        title = DOCUMENT_TITLES[view.document]
        self.where.setText(thai.to_thai_digits(f"{title} หน้า {view.page} จาก {view.page_count}"))
        self.view = view
        self.updated.emit(view)

    def _failed(self, error: Exception) -> None:
        log_failure("จัดหน้ากระดาษไม่สำเร็จ", error)
        self.where.setText(f"แสดงหน้ากระดาษไม่ได้: {failure_reason(error)}")

    def _ended(self) -> None:
        self.job = None
        if self._again:
            self._again = False
            self.refresh()
