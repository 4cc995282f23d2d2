"""A spreadsheet-like table view for the roster and the agenda's data tables.

Keys as in a spreadsheet: Tab / Shift+Tab go to the next / previous editable cell of the row and
on to the next row (Tab on the last cell adds a row), Enter stores and moves down, F2 edits, typing
starts editing, Escape cancels the edit, Delete clears the cell. The open editor stores what is
typed at each keystroke (nothing is lost if the program is killed while a cell is open); Escape
puts the cell back as it was when the editor opened, in the same undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

Choices = dict[int, tuple[list[str], bool]]  # column -> (values, whether other text may be typed)
_EDIT = Qt.ItemDataRole.EditRole


def editor_text(editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        return editor.currentText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


class SheetDelegate(QStyledItemDelegate):
    """Cell editors that store each keystroke; a list of choices for some columns."""

    def __init__(self, parent: QTableView, choices: Choices | None = None) -> None:
        super().__init__(parent)  # owned by Qt: the view keeps using it
        self.choices = choices or {}
        self.originals: dict[int, object] = {}  # id(editor) -> the cell's value when it opened
        self.places: dict[int, QPersistentModelIndex] = {}  # id(editor) -> the cell it edits
        self.typing: set[int] = set()  # editors the clerk has typed into

    def createEditor(
        self, parent: QWidget, option: Any, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor: QWidget
        choice = self.choices.get(index.column())
        if choice is not None:
            values, free = choice
            combo = QComboBox(parent)
            combo.setEditable(free)
            combo.addItems(values)
            line = combo.lineEdit()
            if line is not None:
                line.textEdited.connect(lambda _text, e=combo: self._typed(e))
            else:
                combo.activated.connect(lambda _row, e=combo: self._typed(e))
            editor = combo
        else:
            line_editor = QLineEdit(parent)
            line_editor.setFrame(False)
            line_editor.textEdited.connect(lambda _text, e=line_editor: self._typed(e))
            editor = line_editor
        key = id(editor)
        self.originals[key] = index.data(_EDIT)
        self.places[key] = QPersistentModelIndex(index)

        def forget(*_: object) -> None:
            self.originals.pop(key, None)
            self.places.pop(key, None)
            self.typing.discard(key)

        editor.destroyed.connect(forget)
        return editor

    def _typed(self, editor: QWidget) -> None:
        """Store the cell as typed. Straight to the model: emitting `commitData` from Python on
        every keystroke ran into a reference-count bug of PySide6 6.10 (the process aborted in
        `bool_dealloc` after some hundreds of keystrokes)."""
        self.typing.add(id(editor))
        place = self.places.get(id(editor))
        if place is not None and place.isValid():
            model = place.model()
            assert model is not None
            model.setData(model.index(place.row(), place.column()), editor_text(editor), _EDIT)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if id(editor) in self.typing:
            return  # the editor holds what is being typed: never rewrite it under the cursor
        value = index.data(_EDIT)
        text = "" if value is None else str(value)
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        model.setData(index, editor_text(editor), _EDIT)


class SheetView(QTableView):
    """The table view with spreadsheet keys. `append_row` adds a row at the end and returns its
    index (Tab past the last cell); `insert_row` adds one below the current row."""

    def __init__(self, choices: Choices | None = None) -> None:
        super().__init__()
        self.sheet_delegate = SheetDelegate(self, choices)
        self.setItemDelegate(self.sheet_delegate)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.append_row: Callable[[], int] | None = None

    # --- moving -----------------------------------------------------------------------------

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self._step(1)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(-1)
        return super().moveCursor(action, modifiers)

    def _step(self, direction: int) -> QModelIndex:
        """The next (or previous) editable cell in reading order; past the end, a new row."""
        model, current = self.model(), self.currentIndex()
        columns = model.columnCount()
        position = current.row() * columns + current.column() if current.isValid() else -1
        while True:
            position += direction
            if position < 0:
                return current
            if position >= model.rowCount() * columns:
                if direction < 0 or self.append_row is None:
                    return current
                position = self.append_row() * columns - 1
                continue
            index = model.index(position // columns, position % columns)
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                return index

    def move_down(self) -> None:
        current = self.currentIndex()
        below = self.model().index(current.row() + 1, current.column())
        if below.isValid() and below.flags() & Qt.ItemFlag.ItemIsEditable:
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index = self.currentIndex()
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            original = self.sheet_delegate.originals.get(id(editor))
            if index.isValid() and index.data(_EDIT) != original:
                self.model().setData(index, "" if original is None else original, _EDIT)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            self.move_down()

    def keyPressEvent(self, event: Any) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        key = event.key()
        if not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down()
        elif not editing and key == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.model().setData(index, "", _EDIT)
        else:
            super().keyPressEvent(event)

    def edit_current(self) -> None:
        """F2: edit the current cell (the first editable one when none is chosen)."""
        index = self.currentIndex()
        if not index.isValid():
            index = self._step(1)
        if index.isValid():
            self.setCurrentIndex(index)
            self.edit(index)

    def start_editing(self, row: int, column: int) -> None:
        index = self.model().index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.edit(index)
