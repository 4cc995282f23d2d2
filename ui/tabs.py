"""The header, roster and cover-letter tabs of an open meeting (the agenda tab is `ui.agenda`).

Every field sends its changes through the session (`ui.session`) with itself as the origin, and
shows the session's changes of what it holds, except its own: the field being typed into is never
rewritten by its own keystroke, so the cursor, spaces and line breaks stay where the clerk put them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models import thai
from models.changes import Change, ChangeKind
from models.drafts import Drafts
from models.letter import default_body
from models.meeting import Attendee, AttendeeStatus, Person
from models.roster import PREFIXES, STATUS_LABELS, parse_pasted_rows, quorum
from ui.commands import InsertAttendees, MoveAttendee, RemoveAttendee
from ui.fields import DateField, GrowingTextEdit, OnDraft, TextField, TimeField, mark_problem, text_lines
from ui.plain import PlainForm, plain_label
from ui.qt_models import RosterModel
from ui.session import WRITE_ERRORS, MeetingSession, write_failure_message
from ui.sheet import SheetView

_NUMBER_PROBLEMS = {
    "seq": "ครั้งที่ต้องเป็นตัวเลข ๑–๙๙๙ (ที่พิมพ์ไว้ยังเก็บไว้)",
    "year": "ปีต้องเป็น พ.ศ. ๒๔๐๐–๒๗๐๐ หรือ ค.ศ. (ที่พิมพ์ไว้ยังเก็บไว้)",
}
COMMON_PREFIXES = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร."]


class FormTab(QScrollArea):
    """A tab that is one form of labelled fields, scrolling when the window is small.

    Fields whose text is not a value yet (a half-typed date, time or number) keep it as a draft
    of the meeting (`models.drafts`), shown again when the meeting is opened next."""

    scope = ""  # the drafts' name space: "meeting" or "letter"

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.setWidgetResizable(True)
        self.page = QWidget()
        self.form = PlainForm(self.page)
        self.setWidget(self.page)
        self.drafted: dict[str, Any] = {}  # field name → a widget with show_draft
        self._drafts: Drafts | None = None
        session.changed.connect(self._follow)

    def drafts(self) -> Drafts:
        editor = self.session.editor
        known = self._drafts
        if known is None or known.store is not editor.database or known.meeting_id != editor.meeting_id:
            self._drafts = known = Drafts(editor.database, editor.meeting_id)
        return known

    def _draft(self, name: str) -> OnDraft:
        def keep(text: str | None) -> None:
            editor = self.session.editor if self.session.is_open else None
            if editor is None or (editor.certified and editor.amendment is None):
                return
            try:
                self.drafts().put(f"{self.scope}.{name}", text)
            except WRITE_ERRORS as error:
                self.session.failed.emit(write_failure_message(error))

        return keep

    def show_drafts(self) -> None:
        """Put back what was typed and not yet stored as a value."""
        for name, field in self.drafted.items():
            text = self.drafts().get(f"{self.scope}.{name}")
            if text is not None:
                field.show_draft(text)

    def drop_draft(self, name: str, origin: object) -> None:
        """A value shown from elsewhere (undo, redo) replaces the field's draft."""
        if name in self.drafted and origin is not self.drafted[name]:
            self._draft(name)(None)

    def _follow(self, change: Change, origin: object) -> None:
        """Show a change made elsewhere (another field, undo, redo)."""

    def show_unless(self, field: Any, origin: object, value: Any) -> None:
        if field is not origin:
            field.show_value(value)


def _person_parts(person: Person | None) -> tuple[str, str]:
    return (person.name, person.position) if person else ("", "")


def _person_from(name: str, position: str) -> Person | None:
    """A person as typed (spaces kept); None when both parts are empty."""
    return Person(name, position) if name.strip() or position.strip() else None


class HeaderTab(FormTab):
    """ข้อมูลการประชุม: title, period, number, date, times, venue, recorder and checker."""

    scope = "meeting"

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session)
        self.title = TextField(self._meeting("title"), "การประชุม...")
        self.period = TextField(self._meeting("period"), "เช่น ประจำเดือน สิงหาคม ๒๕๖๗")
        self.seq = TextField(self._number("seq"))
        self.year = TextField(self._number("year"))
        self.date = DateField(self._meeting("date"), on_draft=self._draft("date"))
        self.start = TimeField(self._meeting("start"), on_draft=self._draft("start"))
        self.end = TimeField(self._meeting("end"), on_draft=self._draft("end"))
        self.venue = TextField(self._meeting("venue"), "ห้องประชุม...")
        self.recorder = (TextField(self._person("recorder", 0)), TextField(self._person("recorder", 1)))
        self.checker = (TextField(self._person("checker", 0)), TextField(self._person("checker", 1)))
        self.recorder[0].setPlaceholderText("ชื่อ-สกุล")
        self.checker[0].setPlaceholderText("ชื่อ-สกุล")
        number = QHBoxLayout()
        number.addWidget(self.seq)
        number.addWidget(plain_label("/"))
        number.addWidget(self.year)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(plain_label("ถึง"))
        times.addWidget(self.end)
        form = self.form
        form.addRow("ชื่อการประชุม", self.title)
        form.addRow("ประจำเดือน", self.period)
        form.addRow("ครั้งที่ (ลำดับ/ปี พ.ศ.)", number)
        form.addRow("วันที่", self.date)
        form.addRow("เวลา", times)
        form.addRow("สถานที่", self.venue)
        form.addRow("ผู้จดรายงาน", self.recorder[0])
        form.addRow("ตำแหน่งผู้จด", self.recorder[1])
        form.addRow("ผู้ตรวจรายงาน", self.checker[0])
        form.addRow("ตำแหน่งผู้ตรวจ", self.checker[1])
        self.fields: dict[str, Any] = {
            "title": self.title,
            "period": self.period,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "venue": self.venue,
        }
        self.drafted = {
            "seq": self.seq,
            "year": self.year,
            "date": self.date,
            "start": self.start,
            "end": self.end,
        }

    def _set(self, name: str, value: object, origin: object) -> None:
        session = self.session
        session.set_field(
            ("meeting", name), lambda v: session.editor.set_meeting_field(name, v), value, origin
        )

    def _meeting(self, name: str) -> Callable[[Any], None]:
        return lambda value: self._set(name, value, self.fields.get(name))

    def _number(self, name: str) -> Callable[[str], None]:
        """`ครั้งที่` (1–999) and its year (2400–2700, typed in either era), stored as soon as they
        read as such; till then, or when they never do, the text is a draft."""
        keep = self._draft(name)

        def change(text: str) -> None:
            digits = thai.to_arabic_digits(text.strip())
            value = None
            if digits.isdigit():
                value = int(digits) if name == "seq" else thai.buddhist_year(thai.gregorian_year(int(digits)))
            field = self.seq if name == "seq" else self.year
            allowed = range(1, 1000) if name == "seq" else thai.YEARS_BE  # as the meeting file allows
            if value is not None and value in allowed:
                mark_problem(field, "")
                self._set(name, value, field)
                keep(None)
            else:
                mark_problem(field, _NUMBER_PROBLEMS[name])
                keep(text)

        return change

    def _person(self, name: str, part: int) -> Callable[[str], None]:
        def change(_: str) -> None:
            fields = self.recorder if name == "recorder" else self.checker
            self._set(name, _person_from(fields[0].text(), fields[1].text()), fields[part])

        return change

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind is not ChangeKind.MEETING:
            return
        meeting = self.session.editor.document.meeting
        name = change.field
        self.drop_draft(name, origin)
        if name in self.fields:
            self.show_unless(self.fields[name], origin, getattr(meeting, name))
        elif name == "seq":
            self.show_unless(self.seq, origin, thai.to_thai_digits(str(meeting.seq)))
        elif name == "year":
            self.show_unless(self.year, origin, thai.to_thai_digits(str(meeting.year)))
        elif name in ("recorder", "checker"):
            fields = self.recorder if name == "recorder" else self.checker
            for field, value in zip(fields, _person_parts(getattr(meeting, name)), strict=True):
                if origin not in fields:  # typing one part never rewrites either part
                    field.show_value(value)

    def refresh(self) -> None:
        meeting = self.session.editor.document.meeting
        for name, field in self.fields.items():
            field.show_value(getattr(meeting, name))
        self.seq.show_value(thai.to_thai_digits(str(meeting.seq)))
        self.year.show_value(thai.to_thai_digits(str(meeting.year)))
        for fields, person in ((self.recorder, meeting.recorder), (self.checker, meeting.checker)):
            for field, value in zip(fields, _person_parts(person), strict=True):
                field.show_value(value)
        self.show_drafts()


class RosterTab(QWidget):
    """ผู้เข้าประชุม: the roster as a sheet, with the counts always in view."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        prefixes = COMMON_PREFIXES + [p for p in PREFIXES if p not in COMMON_PREFIXES]
        self.view = SheetView({0: (prefixes, True), 4: (list(STATUS_LABELS.values()), False)})
        self.view.append_row = self._append
        self.counts = plain_label()
        buttons = QHBoxLayout()
        for label, action in (
            ("เพิ่มคน (Insert)", self.add),
            ("ลบ (Ctrl+Delete)", self.remove),
            ("เลื่อนขึ้น (Alt+↑)", lambda: self.move_row(-1)),
            ("เลื่อนลง (Alt+↓)", lambda: self.move_row(1)),
            ("วางจากตาราง (Ctrl+Shift+V)", self.paste),
        ):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys do this from the sheet; Tab stays in it
            button.clicked.connect(action)
            buttons.addWidget(button)
        for key, action in (("Insert", self.add), ("Ctrl+Delete", self.remove), ("Ctrl+Shift+V", self.paste)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.model: RosterModel | None = None
        session.changed.connect(self._follow)

    def bind(self) -> None:
        old = self.model
        self.model = RosterModel(self.session)
        self.view.setModel(self.model)
        if old is not None:
            self.session.changed.disconnect(old._follow)
            old.deleteLater()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 140), (2, 140), (4, 140), (5, 160)):
            self.view.setColumnWidth(column, width)
        self.show_counts()

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind in (ChangeKind.ROSTER, ChangeKind.ATTENDEE):
            self.show_counts()

    def show_counts(self) -> None:
        meeting = self.session.editor.document.meeting
        count = {status: len(meeting.attendees_with(status)) for status in AttendeeStatus}
        counts = thai.to_thai_digits(
            f"มาประชุม {count[AttendeeStatus.PRESENT]} คน · ไม่มาประชุม {count[AttendeeStatus.ABSENT]} คน"
            f" · ผู้เข้าร่วมประชุม {count[AttendeeStatus.GUEST]} คน"
        )
        counted = quorum(meeting)
        self.counts.setText(f"{counts} · {counted.words()}" if counted.members else counts)  # as typed

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _count(self) -> int:
        return len(self.session.editor.document.meeting.attendees)

    def _append(self) -> int:
        """Tab past the last cell: a new person at the end."""
        row = self._count()
        self.session.apply(InsertAttendees(self.session.editor, row, [Attendee("")]))
        return row

    def add(self) -> None:
        """Insert: a new person below the current one, editing the first name."""
        row = self.current_row() + 1 if self.current_row() >= 0 else self._count()
        if self.session.apply(InsertAttendees(self.session.editor, row, [Attendee("")])):
            self.view.setFocus()
            self.view.start_editing(row, 1)

    def remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.session.apply(RemoveAttendee(self.session.editor, row))
            self.select(min(row, self._count() - 1), max(self.view.currentIndex().column(), 0))

    def move_row(self, step: int) -> None:
        row, column = self.current_row(), self.view.currentIndex().column()
        if row >= 0 and 0 <= row + step < self._count():
            self.session.apply(MoveAttendee(self.session.editor, row, row + step))
            self.select(row + step, column)

    def paste(self, text: str | None = None) -> None:
        pasted = parse_pasted_rows(text if text is not None else QApplication.clipboard().text())
        if pasted:
            row = self.current_row() + 1 if self.current_row() >= 0 else self._count()
            self.session.apply(InsertAttendees(self.session.editor, row, pasted))

    def select(self, row: int, column: int) -> None:
        if self.model is not None and row >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))

    def is_editing(self) -> bool:
        return self.view.state() == QAbstractItemView.State.EditingState


class LetterTab(FormTab):
    """หนังสือนำส่ง: the cover letter; the body is written from the meeting until the clerk edits it."""

    scope = "letter"

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session)
        self.number = TextField(self._letter("number"), "เช่น พย ๐๐๑๙.๑/ว")
        self.date = DateField(
            self._letter("date"), weekday=False, optional=True, on_draft=self._draft("date")
        )
        self.subject = TextField(self._letter("subject"), "ขอส่งรายงานการประชุม")
        self.to = TextField(self._letter("to"), "เช่น พัฒนาการอำเภอ ทุกอำเภอ")
        self.references = GrowingTextEdit(self._letter("references", text_lines), "หนึ่งบรรทัดต่อหนึ่งเรื่อง")
        self.enclosures = GrowingTextEdit(
            self._letter("enclosures", text_lines), "เช่น รายงานการประชุม จำนวน ๑ ชุด"
        )
        self.body = GrowingTextEdit(self._letter("body", text_lines), min_lines=10)
        self.closing = TextField(self._letter("closing"), "ขอแสดงความนับถือ")
        self.signer = (TextField(self._signer(0)), TextField(self._signer(1)))
        self.certify_by = DateField(
            self._letter("certify_by"), weekday=False, optional=True, on_draft=self._draft("certify_by")
        )
        self.recipients = GrowingTextEdit(
            self._recipients, "หนึ่งบรรทัดต่อหนึ่งผู้รับ (พิมพ์บัญชีแจกจ่ายแนบท้าย)", min_lines=3
        )
        self.fields: dict[str, Any] = {
            "number": self.number,
            "date": self.date,
            "subject": self.subject,
            "to": self.to,
            "references": self.references,
            "enclosures": self.enclosures,
            "body": self.body,
            "closing": self.closing,
            "certify_by": self.certify_by,
        }
        self.drafted = {"date": self.date, "certify_by": self.certify_by}
        form = self.form
        form.addRow("ที่", self.number)
        form.addRow("วันที่", self.date)
        form.addRow("เรื่อง", self.subject)
        form.addRow("เรียน", self.to)
        form.addRow("อ้างถึง", self.references)
        form.addRow("สิ่งที่ส่งมาด้วย", self.enclosures)
        form.addRow("ข้อความ (ย่อหน้าละบรรทัด)", self.body)
        form.addRow("คำลงท้าย", self.closing)
        form.addRow("ผู้ลงนาม", self.signer[0])
        form.addRow("ตำแหน่งผู้ลงนาม", self.signer[1])
        form.addRow("แจ้งแก้ไขภายในวันที่", self.certify_by)
        form.addRow("บัญชีแจกจ่าย", self.recipients)

    def _letter(self, name: str, convert: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], None]:
        def change(value: Any) -> None:
            session = self.session
            session.set_field(
                ("letter", name),
                lambda v: session.editor.set_letter_field(name, v),
                convert(value),
                self.fields[name],
            )

        return change

    def _recipients(self, text: str) -> None:
        editor = self.session.editor
        names = [line.strip() for line in text.split("\n") if line.strip()]
        self.session.set_field(
            ("letter", "recipients"),
            editor.set_recipients,
            editor.recipients_named(names),
            self.recipients,
        )

    def _signer(self, part: int) -> Callable[[str], None]:
        def change(_: str) -> None:
            editor = self.session.editor
            self.session.set_field(
                ("letter", "signer"),
                lambda v: editor.set_letter_field("signer", v),
                _person_from(self.signer[0].text(), self.signer[1].text()),
                self.signer[part],
            )

        return change

    @staticmethod
    def _shown(name: str, value: Any) -> Any:
        return "\n".join(value) if name in ("references", "enclosures", "body") else value

    def _follow(self, change: Change, origin: object) -> None:
        letter = self.session.editor.document.letter
        if change.kind is ChangeKind.LETTER and letter is not None:
            self.drop_draft(change.field, origin)
            if change.field in self.fields:
                value = self._shown(change.field, getattr(letter, change.field))
                self.show_unless(self.fields[change.field], origin, value)
            elif change.field == "signer" and origin not in self.signer:
                for field, value in zip(self.signer, _person_parts(letter.signer), strict=True):
                    field.show_value(value)
        elif change.kind is ChangeKind.RECIPIENTS and letter is not None and origin is not self.recipients:
            self.recipients.show_value("\n".join(r.name for r in letter.recipients))
        if change.kind in (ChangeKind.MEETING, ChangeKind.OFFICE, ChangeKind.LETTER):
            self.body.setPlaceholderText("\n".join(default_body(self.session.editor.document)))

    def refresh(self) -> None:
        document = self.session.editor.document
        letter = document.letter
        for name, field in self.fields.items():
            default: Any = [] if name in ("references", "enclosures", "body") else None
            if name in ("number", "subject", "to", "closing"):
                default = ""
            field.show_value(self._shown(name, getattr(letter, name) if letter else default))
        for field, value in zip(self.signer, _person_parts(letter.signer if letter else None), strict=True):
            field.show_value(value)
        self.recipients.show_value("\n".join(r.name for r in letter.recipients) if letter else "")
        self.body.setPlaceholderText("\n".join(default_body(document)))
        self.show_drafts()
