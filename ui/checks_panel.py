"""ตรวจก่อนเวียน: the findings of the checks beside the meeting; a click goes to the place, and
an unknown word can be accepted for the office so that it is not reported again.

The checks run in the program's checking process (`models.checkjob`, through `ui.worker`) on the
meeting as it was when F7 was pressed (pickled then, on the UI thread), so the clerk goes on
typing while they run; a busy cursor and a busy bar say they are running. Their findings come back
by a signal and are pointed at the meeting's own sections and items, by their place at the time
of F7: a place that was removed meanwhile is left out, and when the meeting changed while the
checks ran the summary says so (F7 checks the meeting as it now is).
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import thai
from models.checkjob import PlacedFinding, check_pickled, meeting_nodes, prepare
from models.checks import Finding, OtherMeeting, Severity
from models.editing import MeetingEditor
from models.meeting import Node
from ui.plain import plain_label
from ui.session import MeetingSession
from ui.worker import Job, failure_reason, in_own_process, log_failure, start_own_process

ERROR_COLOUR = QColor("#b00020")
RUNNING = "กำลังตรวจ... พิมพ์ต่อได้ระหว่างตรวจ"
CHANGED_MEANWHILE = " (มีการแก้ไขระหว่างตรวจ กด F7 เพื่อตรวจฉบับล่าสุด)"


class Host(Protocol):
    @property
    def editor(self) -> MeetingEditor: ...

    @property
    def session(self) -> MeetingSession: ...

    def go_to(self, finding: Finding) -> None: ...

    def accept_word(self, office_id: int, word: str) -> object: ...


Checker = Callable[[bytes, Sequence[OtherMeeting], Sequence[str]], list[PlacedFinding]]
"""Runs the checks of a pickled meeting document (in the worker's thread) and returns them."""

PROCESS = "checks"


def check_in_own_process(
    payload: bytes, others: Sequence[OtherMeeting], accepted: Sequence[str]
) -> list[PlacedFinding]:
    """The checks in the checking process; in this thread when no process can be started (the
    checks still run, only sharing the interpreter with the window)."""
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    try:
        return in_own_process(PROCESS, prepare, check_pickled, payload, others, accepted)
    except (BrokenProcessPool, OSError) as error:
        log_failure("เริ่มโปรเซสตรวจก่อนเวียนไม่ได้ จึงตรวจในโปรแกรมเอง", error)
        return check_pickled(payload, others, accepted)


def start_checking_process() -> None:
    """Start the checking process ahead of the first F7 (it loads the word list meanwhile)."""
    start_own_process(PROCESS, prepare)


@dataclasses.dataclass
class _Run:
    """One run of the checks: the meeting's editor and its nodes as they were at F7."""

    editor: MeetingEditor
    nodes: list[Node]  # the meeting's own sections and items, in `meeting_nodes` order
    changed: bool = False  # the meeting was edited while the checks ran


class ChecksPanel(QWidget):
    started = Signal()  # the checks began (for the benchmark's probe)
    shown = Signal(int)  # findings are shown: how many

    def __init__(self, host: Host, checker: Checker = check_in_own_process) -> None:
        super().__init__()
        self.host = host
        self.checker = checker
        self.findings: list[Finding] = []
        self.job: Job | None = None
        self._run: _Run | None = None
        self._again = False  # F7 pressed while a run was going: run again when it ends
        self.summary = plain_label("กด F7 เพื่อตรวจรายงานการประชุมก่อนเวียน")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: Qt draws it as busy
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        run = QPushButton("ตรวจอีกครั้ง (F7)")
        run.clicked.connect(self.run)
        self.accept_word = QPushButton("ยอมรับคำนี้สำหรับหน่วยงาน")
        self.accept_word.clicked.connect(self.accept_current_word)
        buttons = QHBoxLayout()
        buttons.addWidget(run)
        buttons.addWidget(self.accept_word)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        host.session.changed.connect(self._meeting_changed)

    @property
    def running(self) -> bool:
        return self.job is not None

    def run(self) -> None:
        """Check the meeting as it is now, in the worker; the findings are shown when they come.
        The copy is taken here, on the UI thread, so no edit can change it halfway."""
        if self.job is not None:
            self._again = True
            return
        editor = self.host.editor
        database = editor.database
        others = [
            OtherMeeting(m.id, m.seq, m.year) for m in self.host.session.archive_database.list_meetings()
        ]
        office = editor.document.office
        accepted = database.office_words(office.id) if office is not None and office.id is not None else []
        payload = pickle.dumps(editor.document, pickle.HIGHEST_PROTOCOL)  # the snapshot
        self._run = _Run(editor, list(meeting_nodes(editor.document.meeting)))
        checker = self.checker
        job = Job(lambda _job: checker(payload, others, accepted), "checks")
        job.succeeded.connect(self._checked)
        job.failed.connect(self._failed)
        self.job = job
        self.summary.setText(RUNNING)
        self.busy.show()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.started.emit()
        job.start()

    def _meeting_changed(self, *_: object) -> None:
        if self._run is not None:
            self._run.changed = True

    def _checked(self, placed: list[PlacedFinding]) -> None:
        run = self._end_run()
        if run is None or not self.host.session.is_open or self.host.editor is not run.editor:
            self._say("เปิดการประชุมอื่นระหว่างตรวจ กด F7 เพื่อตรวจการประชุมนี้")
            return
        present = {id(node) for node in meeting_nodes(run.editor.document.meeting)}
        shown: list[Finding] = []
        for finding, place in placed:
            if place is None:
                shown.append(finding)
            elif id(run.nodes[place]) in present:
                shown.append(dataclasses.replace(finding, node=run.nodes[place]))
            # else its place was removed while the checks ran
        self.show_findings(shown, run.changed)
        self._run_again()

    def show_findings(self, findings: list[Finding], changed_meanwhile: bool = False) -> None:
        self.findings = findings
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(str(finding))
            if finding.severity is Severity.ERROR:
                item.setForeground(QBrush(ERROR_COLOUR))
            self.list.addItem(item)
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        summary = (
            thai.to_thai_digits(f"ผิดพลาด {errors} รายการ · คำเตือน {warnings} รายการ")
            if findings
            else "ไม่พบข้อผิดพลาด"
        )
        self.summary.setText(summary + (CHANGED_MEANWHILE if changed_meanwhile else ""))
        self.shown.emit(len(findings))

    def _failed(self, error: Exception) -> None:
        self._end_run()
        log_failure("ตรวจก่อนเวียนไม่สำเร็จ", error)
        self._say(f"ตรวจไม่สำเร็จ: {failure_reason(error)}")
        self._run_again()

    def _say(self, summary: str) -> None:
        """No findings to show, and why."""
        self.findings = []
        self.list.clear()
        self.summary.setText(summary)
        self.shown.emit(0)

    def _end_run(self) -> _Run | None:
        """The run that ended; the busy cursor and bar go before anything is shown."""
        run, self._run, self.job = self._run, None, None
        self.busy.hide()
        QApplication.restoreOverrideCursor()
        return run

    def _run_again(self) -> None:
        """F7 was pressed while the checks ran: the meeting as it is now is checked."""
        if self._again:
            self._again = False
            if self.host.session.is_open:
                self.run()

    def _activated(self, item: QListWidgetItem) -> None:
        self.host.go_to(self.findings[self.list.row(item)])

    def accept_current_word(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        finding = self.findings[row]
        word = _unknown_word(finding)
        office = self.host.editor.document.office
        if word is None or office is None or office.id is None:
            return
        self.host.accept_word(office.id, word)
        self.run()


def _unknown_word(finding: Finding) -> str | None:
    prefix = "ไม่รู้จักคำว่า “"
    if finding.message.startswith(prefix) and finding.message.endswith("”"):
        return finding.message[len(prefix) : -1]
    return None
