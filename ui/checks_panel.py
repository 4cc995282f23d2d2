"""ตรวจก่อนเวียน: the findings of the checks beside the meeting; a click goes to the place, and
an unknown word can be accepted for the office so that it is not reported again."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import thai
from models.checks import Finding, OtherMeeting, Severity, check_document
from models.editing import MeetingEditor
from ui.plain import plain_label

ERROR_COLOUR = QColor("#b00020")


class Host(Protocol):
    @property
    def editor(self) -> MeetingEditor: ...

    def go_to(self, finding: Finding) -> None: ...

    def accept_word(self, office_id: int, word: str) -> object: ...


class ChecksPanel(QWidget):
    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.findings: list[Finding] = []
        self.summary = plain_label("กด F7 เพื่อตรวจรายงานการประชุมก่อนเวียน")
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
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def run(self) -> list[Finding]:
        editor = self.host.editor
        database = editor.database
        others = [OtherMeeting(m.id, m.seq, m.year) for m in database.list_meetings()]
        office = editor.document.office
        accepted = database.office_words(office.id) if office is not None and office.id is not None else []
        self.findings = check_document(editor.document, others, accepted, garuda_known=True)
        self.list.clear()
        for finding in self.findings:
            item = QListWidgetItem(str(finding))
            if finding.severity is Severity.ERROR:
                item.setForeground(QBrush(ERROR_COLOUR))
            self.list.addItem(item)
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = len(self.findings) - errors
        self.summary.setText(
            thai.to_thai_digits(f"ผิดพลาด {errors} รายการ · คำเตือน {warnings} รายการ")
            if self.findings
            else "ไม่พบข้อผิดพลาด"
        )
        return self.findings

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
