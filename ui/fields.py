"""Input widgets bound to one value of the meeting.

Each reports the clerk's changes through `on_change(value)` as they are typed (the window turns
that into an undo command that stores the change at once), and `show(value)` puts a value back
without reporting it, leaving the cursor alone when the text is already the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QLocale, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from models import thai

OnChange = Callable[[Any], None]
OnDraft = Callable[[str | None], None]  # keeps the text of a field that cannot store it yet


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a multi-line field, trimmed: one entry a line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


_INVALID_STYLE = "background: #ffe0e0;"


class TextField(QLineEdit):
    def __init__(self, on_change: OnChange, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(on_change)

    def show_value(self, value: str) -> None:
        if self.text() != value:
            self.setText(value)

    def show_draft(self, text: str) -> None:
        """What was typed and not yet stored (a meeting number half typed), marked."""
        self.setText(text)
        mark_problem(self, "ยังไม่ได้บันทึกเป็นตัวเลข (ที่พิมพ์ไว้ยังเก็บไว้)")


class BuddhistCalendar(QFrame):
    """A month calendar whose year is in the Buddhist era (Qt's calendars have no such system):
    Qt's own navigation bar is hidden and replaced by Thai months and a พ.ศ. year."""

    def __init__(self, day: dt.date, chosen: Callable[[dt.date], None]) -> None:
        super().__init__(None, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.Box)
        self.chosen = chosen
        self.month = QComboBox()
        self.month.addItems(thai.THAI_MONTHS)
        self.year = QSpinBox()
        self.year.setRange(2400, 2700)
        self.calendar = QCalendarWidget()
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        header = QHBoxLayout()
        header.addWidget(self.month, 1)
        header.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.calendar)
        self.show_month(day)
        self.month.currentIndexChanged.connect(self._page)
        self.year.valueChanged.connect(self._page)
        self.calendar.currentPageChanged.connect(self._follow)
        self.calendar.activated.connect(self._choose)
        self.calendar.clicked.connect(self._choose)

    def show_month(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.month.setCurrentIndex(day.month - 1)
        self.year.setValue(thai.buddhist_year(day.year))

    def _page(self) -> None:
        self.calendar.setCurrentPage(thai.gregorian_year(self.year.value()), self.month.currentIndex() + 1)

    def _follow(self, year: int, month: int) -> None:
        self.month.blockSignals(True)
        self.year.blockSignals(True)
        self.month.setCurrentIndex(month - 1)
        self.year.setValue(thai.buddhist_year(year))
        self.month.blockSignals(False)
        self.year.blockSignals(False)

    def _choose(self, date: QDate) -> None:
        self.chosen(dt.date(date.year(), date.month(), date.day()))
        self.close()


class DateField(QLineEdit):
    """A date typed as clerks do (`27/12/2566`, `27/12/2023`, `๒๗ ธันวาคม ๒๕๖๖`), stored as soon as
    it reads as a whole date (a four-digit year), shown in full Thai form once finished. While
    half typed, or when it never reads, the text is kept as the field's draft and marked."""

    def __init__(
        self,
        on_change: OnChange,
        weekday: bool = True,
        optional: bool = False,
        on_draft: OnDraft | None = None,
    ) -> None:
        super().__init__()
        self.weekday, self.optional, self.on_change = weekday, optional, on_change
        self.on_draft: OnDraft = on_draft or _no_draft
        self._sent: dt.date | None = None
        self.setPlaceholderText("เช่น ๒๗/๑๒/๒๕๖๖ หรือ 27/12/2023 (Alt+↓ ปฏิทิน)")
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finish)
        self.popup: BuddhistCalendar | None = None
        arrow = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        action = self.addAction(arrow, QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip("ปฏิทิน (Alt+↓)")
        action.triggered.connect(self.open_calendar)

    def keyPressEvent(self, event: Any) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_calendar()
        else:
            super().keyPressEvent(event)

    def open_calendar(self) -> None:
        day = thai.parse_date(self.text()) or dt.date.today()
        self.popup = BuddhistCalendar(day, self._picked)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: dt.date) -> None:
        mark_problem(self, "")
        self._store(day)
        self.show_value(day)

    def _typed(self, text: str) -> None:
        """Each keystroke: a whole date is stored at once, anything else kept as a draft."""
        stripped = text.strip()
        if not stripped and self.optional:
            self._store(None)
        elif _WHOLE_YEAR.search(thai.to_arabic_digits(stripped)) and (day := thai.parse_date(stripped)):
            mark_problem(self, "")
            self._store(day)
        else:
            self.on_draft(text)

    def _finish(self) -> None:
        text = self.text().strip()
        if not text and self.optional:
            mark_problem(self, "")
            self._store(None)
            return
        day = thai.parse_date(text)
        if day is None:
            mark_problem(self, "อ่านวันที่ไม่ได้ พิมพ์เช่น ๒๗/๑๒/๒๕๖๖ (ที่พิมพ์ไว้ยังเก็บไว้)")
            return
        mark_problem(self, "")
        self._store(day)
        self.show_value(day)

    def _store(self, day: dt.date | None) -> None:
        if day != self._sent:
            self._sent = day
            self.on_change(day)
        self.on_draft(None)

    def show_value(self, day: dt.date | None) -> None:
        self._sent = day
        text = thai.format_date(day, weekday=self.weekday) if day else ""
        if self.text() != text:
            self.setText(text)

    def show_draft(self, text: str) -> None:
        """What was typed and not yet read as a date, marked."""
        self.setText(text)
        mark_problem(self, "ยังอ่านวันที่ไม่ได้ (ที่พิมพ์ไว้ยังเก็บไว้)")


class TimeField(QLineEdit):
    """`13:30`, `13.30` or `๑๓.๓๐ น.`; stored as soon as it reads as a time, shown as `๑๓.๓๐ น.`
    once finished; half typed, it is kept as the field's draft."""

    def __init__(self, on_change: OnChange, on_draft: OnDraft | None = None) -> None:
        super().__init__()
        self.on_change = on_change
        self.on_draft: OnDraft = on_draft or _no_draft
        self._sent: dt.time | None = None
        self.setPlaceholderText("เช่น ๑๓.๓๐")
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finish)

    def _typed(self, text: str) -> None:
        stripped = text.strip()
        time = thai.parse_time(stripped) if stripped else None
        if stripped and time is None:
            self.on_draft(text)
            return
        mark_problem(self, "")
        self._store(time)

    def _finish(self) -> None:
        text = self.text().strip()
        time = thai.parse_time(text) if text else None
        if text and time is None:
            mark_problem(self, "อ่านเวลาไม่ได้ พิมพ์เช่น ๑๓.๓๐ (ที่พิมพ์ไว้ยังเก็บไว้)")
            return
        mark_problem(self, "")
        self._store(time)
        self.show_value(time)

    def _store(self, time: dt.time | None) -> None:
        if time != self._sent:
            self._sent = time
            self.on_change(time)
        self.on_draft(None)

    def show_value(self, time: dt.time | None) -> None:
        self._sent = time
        text = thai.format_time(time) if time else ""
        if self.text() != text:
            self.setText(text)

    def show_draft(self, text: str) -> None:
        self.setText(text)
        mark_problem(self, "ยังอ่านเวลาไม่ได้ (ที่พิมพ์ไว้ยังเก็บไว้)")


_WHOLE_YEAR = re.compile(r"\d{4}$")  # a date is whole once its year has four digits


def _no_draft(_: str | None) -> None:
    """Fields outside a meeting's form keep no drafts."""


def mark_problem(field: QLineEdit, problem: str) -> None:
    """Mark a field whose text does not read (tooltip says why), or clear the mark."""
    field.setStyleSheet(_INVALID_STYLE if problem else "")
    field.setToolTip(problem)


class GrowingTextEdit(QPlainTextEdit):
    """A paragraph editor as tall as its text, so a long item reads as one page."""

    focused = Signal()

    def __init__(self, on_change: OnChange, placeholder: str = "", min_lines: int = 2) -> None:
        super().__init__()
        self.min_lines = min_lines
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # Tab goes to the next field, never into the text
        self.setUndoRedoEnabled(False)  # Ctrl+Z is the meeting's one undo stack
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self._grow)
        self._silent = False
        self.textChanged.connect(lambda: None if self._silent else on_change(self.toPlainText()))
        self._grow()

    def show_value(self, text: str) -> None:
        if self.toPlainText() != text:
            self._silent = True
            self.setPlainText(text)
            self._silent = False

    paste_handler: Callable[[QMimeData], bool] | None = None  # True: the paste was taken care of

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste goes to the paste handler first (Word's paragraphs, lists and tables become
        the agenda's: `ui.agenda.BlockWidget`), else in as plain text."""
        if self.paste_handler is not None and self.paste_handler(source):
            return
        super().insertFromMimeData(source)

    def _grow(self) -> None:
        lines = max(self.min_lines, int(self.document().size().height()) + 1)
        height = QFontMetrics(self.font()).lineSpacing() * lines + 12
        self.setFixedHeight(min(height, 600))

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._grow()  # the width decides how many lines the text wraps into

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.focused.emit()
