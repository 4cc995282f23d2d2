"""The four tabs of an open meeting: header, roster, agenda with its item editor, cover letter.

Tabs show the meeting held by the window's `MeetingEditor` and report every change to the
window (`Window` protocol), which turns it into an undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.editing import MeetingEditor
from models.letter import default_body
from models.meeting import Attachment, AttendeeStatus, BulletList, Node, Paragraph, Person, Section, Table
from models.roster import parse_pasted_rows
from ui.fields import DateField, GrowingTextEdit, TextField, TimeField, text_lines
from ui.qt_models import AgendaModel, CellsModel, RosterModel

RESOLUTIONS = ("รับทราบ", "รับรอง", "เห็นชอบ", "อนุมัติ", "มอบหมาย", "รับทราบและถือปฏิบัติ")


class Window(Protocol):
    @property
    def editor(self) -> MeetingEditor: ...

    def set_field(self, part: str, key: object, apply: Callable[[Any], Any], value: Any) -> None: ...

    def push(self, command: Any) -> None: ...

    def changed(self, part: str) -> None: ...


class FormTab(QScrollArea):
    """A tab that is one form of labelled fields, scrolling when the window is small."""

    def __init__(self, window: Window) -> None:
        super().__init__()
        self.window_ = window
        self.setWidgetResizable(True)
        self.page = QWidget()
        self.form = QFormLayout(self.page)
        self.setWidget(self.page)


class HeaderTab(FormTab):
    """ข้อมูลการประชุม: title, period, number, date, times, venue, recorder and checker."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        form = self.form

        def meeting(name: str) -> Callable[[Any], None]:
            return lambda value: window.set_field(
                "header", ("meeting", name), lambda v: window.editor.set_meeting_field(name, v), value
            )

        self.title = TextField(meeting("title"), "การประชุม...")
        self.period = TextField(meeting("period"), "เช่น ประจำเดือน สิงหาคม ๒๕๖๗")
        self.seq = TextField(self._number("seq"))
        self.year = TextField(self._number("year"))
        self.date = DateField(meeting("date"))
        self.start = TimeField(meeting("start"))
        self.end = TimeField(meeting("end"))
        self.venue = TextField(meeting("venue"), "ห้องประชุม...")
        self.recorder = (TextField(self._person("recorder")), TextField(self._person("recorder")))
        self.checker = (TextField(self._person("checker")), TextField(self._person("checker")))
        number = QHBoxLayout()
        number.addWidget(self.seq)
        number.addWidget(QLabel("/"))
        number.addWidget(self.year)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("ถึง"))
        times.addWidget(self.end)
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
        self.recorder[0].setPlaceholderText("ชื่อ-สกุล")
        self.checker[0].setPlaceholderText("ชื่อ-สกุล")

    def _number(self, name: str) -> Callable[[str], None]:
        def change(text: str) -> None:
            from models import thai  # noqa: PLC0415

            digits = thai.to_arabic_digits(text.strip())
            if digits.isdigit():
                value = int(digits) if name == "seq" else thai.buddhist_year(thai.gregorian_year(int(digits)))
                if name == "seq" or value > 2400:
                    editor = self.window_.editor
                    self.window_.set_field(
                        "header", ("meeting", name), lambda v: editor.set_meeting_field(name, v), value
                    )

        return change

    def _person(self, name: str) -> Callable[[str], None]:
        def change(_: str) -> None:
            fields = self.recorder if name == "recorder" else self.checker
            who, position = fields[0].text().strip(), fields[1].text().strip()
            person = Person(who, position) if who or position else None
            editor = self.window_.editor
            self.window_.set_field(
                "header", ("meeting", name), lambda v: editor.set_meeting_field(name, v), person
            )

        return change

    def refresh(self) -> None:
        meeting = self.window_.editor.document.meeting
        from models import thai  # noqa: PLC0415

        self.title.show_value(meeting.title)
        self.period.show_value(meeting.period)
        self.seq.show_value(thai.to_thai_digits(str(meeting.seq)))
        self.year.show_value(thai.to_thai_digits(str(meeting.year)))
        self.date.show_value(meeting.date)
        self.start.show_value(meeting.start)
        self.end.show_value(meeting.end)
        self.venue.show_value(meeting.venue)
        for fields, person in ((self.recorder, meeting.recorder), (self.checker, meeting.checker)):
            fields[0].show_value(person.name if person else "")
            fields[1].show_value(person.position if person else "")


class ChoiceDelegate(QStyledItemDelegate):
    """An editable combo box of common values (prefixes), or a fixed list (statuses)."""

    def __init__(self, choices: list[str], editable: bool, parent: QWidget) -> None:
        super().__init__(parent)  # owned by Qt: the view keeps using it
        self.choices, self.editable = choices, editable

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self.editable)
        combo.addItems(self.choices)
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class RosterTab(QWidget):
    """ผู้เข้าประชุม: the roster as a table, with the counts always in view."""

    def __init__(self, window: Window) -> None:
        super().__init__()
        self.window_ = window
        self.view = QTableView()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.counts = QLabel()
        buttons = QHBoxLayout()
        for label, key, action in (
            ("เพิ่มคน (Insert)", "Insert", self.add),
            ("ลบ (Ctrl+Delete)", "Ctrl+Delete", self.remove),
            ("เลื่อนขึ้น (Alt+↑)", "Alt+Up", lambda: self.move_row(-1)),
            ("เลื่อนลง (Alt+↓)", "Alt+Down", lambda: self.move_row(1)),
            ("วางจากตาราง (Ctrl+Shift+V)", "Ctrl+Shift+V", self.paste),
        ):
            button = QPushButton(label)
            button.clicked.connect(action)
            buttons.addWidget(button)
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.model: RosterModel | None = None
        from models.roster import PREFIXES, STATUS_LABELS  # noqa: PLC0415

        common = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร."]
        prefixes = common + [p for p in PREFIXES if p not in common]
        self.prefix_delegate = ChoiceDelegate(prefixes, editable=True, parent=self)
        self.status_delegate = ChoiceDelegate(list(STATUS_LABELS.values()), editable=False, parent=self)

    def bind(self) -> None:
        self.model = RosterModel(self.window_.editor, self.window_.push, self.window_.changed)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(0, self.prefix_delegate)
        self.view.setItemDelegateForColumn(4, self.status_delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 140), (2, 140), (4, 140), (5, 160)):
            self.view.setColumnWidth(column, width)
        self.refresh()

    def refresh(self) -> None:
        if self.model is not None:
            self.model.beginResetModel()
            self.model.endResetModel()
        meeting = self.window_.editor.document.meeting
        count = {status: len(meeting.attendees_with(status)) for status in AttendeeStatus}
        from models import thai  # noqa: PLC0415

        self.counts.setText(
            thai.to_thai_digits(
                f"มาประชุม {count[AttendeeStatus.PRESENT]} คน · ไม่มาประชุม {count[AttendeeStatus.ABSENT]} คน"
                f" · ผู้เข้าร่วมประชุม {count[AttendeeStatus.GUEST]} คน"
            )
        )

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add(self) -> None:
        from models.meeting import Attendee  # noqa: PLC0415
        from ui.commands import InsertAttendees  # noqa: PLC0415

        row = (
            self.current_row() + 1
            if self.current_row() >= 0
            else len(self.window_.editor.document.meeting.attendees)
        )
        self.window_.push(InsertAttendees(self.window_.editor, row, [Attendee("")], self.window_.changed))
        self.select(row, 1)

    def remove(self) -> None:
        from ui.commands import RemoveAttendee  # noqa: PLC0415

        row = self.current_row()
        if row >= 0:
            self.window_.push(RemoveAttendee(self.window_.editor, row, self.window_.changed))
            self.select(min(row, len(self.window_.editor.document.meeting.attendees) - 1), 1)

    def move_row(self, step: int) -> None:
        from ui.commands import MoveAttendee  # noqa: PLC0415

        row, count = self.current_row(), len(self.window_.editor.document.meeting.attendees)
        if row >= 0 and 0 <= row + step < count:
            self.window_.push(MoveAttendee(self.window_.editor, row, row + step, self.window_.changed))
            self.select(row + step, self.view.currentIndex().column())

    def paste(self, text: str | None = None) -> None:
        from ui.commands import InsertAttendees  # noqa: PLC0415

        pasted = parse_pasted_rows(text if text is not None else QApplication.clipboard().text())
        if pasted:
            row = (
                self.current_row() + 1
                if self.current_row() >= 0
                else len(self.window_.editor.document.meeting.attendees)
            )
            self.window_.push(InsertAttendees(self.window_.editor, row, pasted, self.window_.changed))

    def select(self, row: int, column: int) -> None:
        if self.model is not None and row >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))


class AgendaTree(QTreeView):
    """The agenda tree; the keys a clerk uses while people speak."""

    def __init__(self, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__()
        self.actions_ = actions
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )

    def event(self, event: Any) -> bool:
        """Tab and Shift+Tab indent and outdent here; Qt would otherwise move the focus."""
        is_key = event.type() == QEvent.Type.KeyPress
        if (
            is_key
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:
        key, modifiers = event.key(), event.modifiers()
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.actions_["add_child" if modifiers & Qt.KeyboardModifier.ShiftModifier else "add_sibling"]()
        elif key == Qt.Key.Key_Tab:
            self.actions_["indent"]()
        elif key == Qt.Key.Key_Backtab:
            self.actions_["outdent"]()
        elif key == Qt.Key.Key_Delete:
            self.actions_["delete"]()
        else:
            super().keyPressEvent(event)


class AgendaTab(QSplitter):
    """วาระการประชุม: the tree on the left, the chosen section or item on the right."""

    def __init__(self, window: Window, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.window_ = window
        self.tree = AgendaTree(actions)
        self.model: AgendaModel | None = None
        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("ค้นหาในการประชุม (Ctrl+F, Enter ไปที่ถัดไป)")
        self.find_field.returnPressed.connect(self.find_next)
        self.found = QLabel()
        self.found.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.find_field)
        left_layout.addWidget(self.found)
        left_layout.addWidget(self.tree)
        self.addWidget(left)
        self.addWidget(self.editor_area)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([420, 680])
        self.item_editor: ItemEditor | None = None

    def bind(
        self, rename: Callable[[Node, str], None], moved: Callable[[Node, Node | None, int], None]
    ) -> None:
        self.model = AgendaModel(self.window_.editor, rename, moved)
        self.tree.setModel(self.model)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.show_current())
        first = self.model.index(0, 0)
        self.tree.setCurrentIndex(first)
        self.show_current()

    def current_node(self) -> Node | None:
        return self.model.node(self.tree.currentIndex()) if self.model else None

    def find_next(self) -> Node | None:
        """Go to the next section or item holding the words, after the current one."""
        from models import thai  # noqa: PLC0415
        from models.meeting import nodes_containing  # noqa: PLC0415

        found = nodes_containing(self.window_.editor.document.meeting, self.find_field.text())
        self.found.show()
        if not found:
            self.found.setText("ไม่พบ")
            return None
        current = self.current_node()
        position = next((i for i, node in enumerate(found) if node is current), -1)
        target = found[(position + 1) % len(found)]
        self.select(target)
        self.found.setText(thai.to_thai_digits(f"พบ {len(found)} แห่ง"))
        return target

    def select(self, node: Node | None) -> None:
        if self.model is not None and node is not None:
            self.tree.setCurrentIndex(self.model.index_of(node))

    def refresh_tree(self) -> None:
        """After a structural change: rebuild the tree, keep the current node chosen."""
        if self.model is None:
            return
        current = self.current_node()
        self.model.reset()
        self.tree.expandAll()
        if current is not None and self.model.contains(current):
            self.select(current)
        else:
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self.show_current()

    def refresh_numbers(self) -> None:
        if self.model is not None:
            self.model.layoutChanged.emit()
        if self.item_editor is not None:
            self.item_editor.refresh()

    def show_current(self) -> None:
        node = self.current_node()
        if node is None:
            self.editor_area.takeWidget()
            self.item_editor = None
            return
        self.item_editor = ItemEditor(self.window_, node)
        self.editor_area.setWidget(self.item_editor)


class ItemEditor(QWidget):
    """The chosen section or item: title, presenter, its blocks in order, resolution."""

    def __init__(self, window: Window, node: Node) -> None:
        super().__init__()
        self.window_, self.node = window, node
        editor = window.editor
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = TextField(self._node_field("title"))
        form.addRow("หัวข้อ", self.title)
        self.presenter: TextField | None = None
        if not isinstance(node, Section):
            self.presenter = TextField(self._node_field("presenter"), "ผู้รายงาน ชื่อ-สกุล ตำแหน่ง")
            names = [
                a.full_name + (f" {a.position}" if a.position else "")
                for a in editor.document.meeting.attendees
            ]
            earlier = [name for name in editor.database.presenters() if name not in names]
            completer = QCompleter(names + earlier)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.presenter.setCompleter(completer)
            form.addRow("ผู้รายงาน", self.presenter)
            self.follow_up = QCheckBox("ติดตามในการประชุมครั้งต่อไป (ยกไปเรื่องสืบเนื่อง)")
            self.follow_up.setChecked(node.follow_up)
            self.follow_up.toggled.connect(
                lambda on: window.set_field(
                    "agenda-text",
                    (id(node), "follow_up"),
                    lambda v: editor.set_node_field(node, "follow_up", v),
                    on,
                )
            )
            form.addRow("", self.follow_up)
        layout.addLayout(form)
        self.blocks = QVBoxLayout()
        layout.addLayout(self.blocks)
        add = QHBoxLayout()
        for label, make in (
            ("+ ย่อหน้า", lambda: Paragraph("")),
            ("+ รายการ", lambda: BulletList([""])),
            ("+ ตาราง", _new_table),
            ("+ เอกสารแนบ", lambda: Attachment("")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, make=make: self.add_block(make()))
            add.addWidget(button)
        add.addStretch()
        layout.addLayout(add)
        resolution_form = QFormLayout()
        self.resolution = QComboBox()
        self.resolution.setEditable(True)
        self.resolution.addItems(["", *RESOLUTIONS])
        self.resolution.setCurrentText(node.resolution)
        self.resolution.editTextChanged.connect(self._node_field("resolution"))
        resolution_form.addRow("มติที่ประชุม", self.resolution)
        layout.addLayout(resolution_form)
        layout.addStretch()
        self.block_widgets: list[BlockWidget] = []
        self.refresh()

    def _node_field(self, name: str) -> Callable[[str], None]:
        editor = self.window_.editor
        return lambda value: self.window_.set_field(
            "agenda-text", (id(self.node), name), lambda v: editor.set_node_field(self.node, name, v), value
        )

    def refresh(self) -> None:
        self.title.show_value(self.node.title)
        if self.presenter is not None:
            self.presenter.show_value(getattr(self.node, "presenter", ""))
        if self.resolution.currentText() != self.node.resolution:
            self.resolution.setCurrentText(self.node.resolution)
        self._rebuild_blocks()

    def _rebuild_blocks(self) -> None:
        if len(self.block_widgets) == len(self.node.blocks) and all(
            getattr(w, "block", None) is b for w, b in zip(self.block_widgets, self.node.blocks, strict=True)
        ):
            for widget in self.block_widgets:
                getattr(widget, "refresh", lambda: None)()
            return
        for widget in self.block_widgets:
            self.blocks.removeWidget(widget)
            widget.deleteLater()  # Qt deletes it, in its own time
        self.block_widgets = [
            BlockWidget(self.window_, self.node, index, block) for index, block in enumerate(self.node.blocks)
        ]
        for widget in self.block_widgets:
            self.blocks.addWidget(widget)

    def add_block(self, block: Any) -> None:
        from ui.commands import InsertBlock  # noqa: PLC0415

        self.window_.push(
            InsertBlock(self.window_.editor, self.node, len(self.node.blocks), block, self.window_.changed)
        )
        if self.block_widgets:
            self.block_widgets[-1].focus_field()


def _new_table() -> Table:
    from models.meeting import Column, ColumnKind  # noqa: PLC0415

    return Table([Column("รายการ"), Column("จำนวน", kind=ColumnKind.NUMBER)], [["", ""]], total_label="รวม")


class BlockWidget(QWidget):
    """One block of an item, with its own editor and a button to remove it."""

    def __init__(self, window: Window, node: Node, index: int, block: Any) -> None:
        super().__init__()
        self.window_, self.node, self.index, self.block = window, node, index, block
        editor = window.editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        key = (id(block), "text")
        if isinstance(block, Paragraph):
            self.field: Any = GrowingTextEdit(
                lambda text: window.set_field(
                    "blocks", key, lambda v: editor.set_block_field(block, "text", v), text
                ),
                "พิมพ์ข้อความ... (Ctrl+B ตัวหนา)",
            )
            QShortcut(QKeySequence("Ctrl+B"), self.field).activated.connect(self._bold)
        elif isinstance(block, BulletList):
            self.field = GrowingTextEdit(
                lambda text: window.set_field(
                    "blocks", key, lambda v: editor.set_block_field(block, "items", v), text.split("\n")
                ),
                "หนึ่งบรรทัดต่อหนึ่งข้อ",
            )
        elif isinstance(block, Attachment):
            self.field = TextField(
                lambda text: window.set_field(
                    "blocks", key, lambda v: editor.set_block_field(block, "title", v), text
                ),
                "ชื่อเอกสารแนบ",
            )
        else:
            self.field = TableEditor(window, block)
        layout.addWidget(self.field, 1)
        side = QVBoxLayout()
        for label, tip, action in (
            ("▲", "เลื่อนขึ้น", lambda: self.move_by(-1)),
            ("▼", "เลื่อนลง", lambda: self.move_by(1)),
            ("ลบ", "ลบบล็อกนี้", self.remove),
        ):
            button = QPushButton(label)
            button.setToolTip(tip)
            button.clicked.connect(action)
            side.addWidget(button)
        side.addStretch()
        layout.addLayout(side)
        self.refresh()

    def refresh(self) -> None:
        if isinstance(self.block, Paragraph):
            self.field.show_value(self.block.text)
        elif isinstance(self.block, BulletList):
            self.field.show_value("\n".join(self.block.items))
        elif isinstance(self.block, Attachment):
            self.field.show_value(self.block.title)
        else:
            self.field.refresh()

    def focus_field(self) -> None:
        self.field.setFocus()

    def _bold(self) -> None:
        cursor = self.field.textCursor()
        if cursor.hasSelection():
            cursor.insertText(f"**{cursor.selectedText()}**")

    def move_by(self, step: int) -> None:
        from ui.commands import MoveBlock  # noqa: PLC0415

        index = next(i for i, b in enumerate(self.node.blocks) if b is self.block)
        if 0 <= index + step < len(self.node.blocks):
            self.window_.push(
                MoveBlock(self.window_.editor, self.node, index, index + step, self.window_.changed)
            )

    def remove(self) -> None:
        from ui.commands import RemoveBlock  # noqa: PLC0415

        index = next(i for i, b in enumerate(self.node.blocks) if b is self.block)
        self.window_.push(RemoveBlock(self.window_.editor, self.node, index, self.window_.changed))


class TableEditor(QWidget):
    """A data table: cells as typed, formula columns and the total computed, wrong cells marked."""

    def __init__(self, window: Window, table: Table) -> None:
        super().__init__()
        self.window_, self.table = window, table
        self.model = CellsModel(window.editor, table, window.push, window.changed)
        self.view = QTableView()
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        for index, column in enumerate(table.columns):
            figures = column.kind.is_numeric or bool(column.formula)
            mode = QHeaderView.ResizeMode.ResizeToContents if figures else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(index, mode)
        self.view.setWordWrap(False)  # one line a row; the whole text shows while editing
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        add_row = QPushButton("+ แถว")
        add_row.clicked.connect(self.add_row)
        columns = QPushButton("คอลัมน์...")
        columns.clicked.connect(self.edit_columns)
        remove_row = QPushButton("ลบแถว")
        remove_row.clicked.connect(self.remove_row)
        paste = QShortcut(QKeySequence("Ctrl+Shift+V"), self.view)
        paste.activated.connect(lambda: self.paste(QApplication.clipboard().text()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLineEdit(table.title)
        title.setPlaceholderText("ชื่อตาราง (ถ้ามี)")
        title.textEdited.connect(
            lambda text: window.set_field(
                "blocks",
                (id(table), "title"),
                lambda v: window.editor.set_block_field(table, "title", v),
                text,
            )
        )
        layout.addWidget(title)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(add_row)
        row.addWidget(remove_row)
        row.addWidget(columns)
        row.addStretch()
        layout.addLayout(row)
        self._fit_height()

    def refresh(self) -> None:
        self.model.refresh()
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough to show every row and the total, up to a screenful."""
        rows = self.model.rowCount()
        height = self.view.horizontalHeader().height() + sum(self.view.rowHeight(r) for r in range(rows)) + 4
        self.view.setFixedHeight(min(max(height, 80), 480))

    def edit_columns(self, dialog: Any = None) -> None:
        """Columns' titles, groups, kinds and formulas; added and removed columns take their
        cells along. One undo step."""
        from ui.dialogs import ColumnsDialog  # noqa: PLC0415

        dialog = dialog or ColumnsDialog(self.table, self)
        if dialog.exec() != ColumnsDialog.DialogCode.Accepted:
            return
        editor = self.window_.editor
        self.window_.set_field(
            "table",
            None,
            lambda shape: editor.set_table_shape(self.table, shape),
            (dialog.columns(), dialog.rows()),
        )
        self.model.refresh()

    def add_row(self) -> None:
        editor = self.window_.editor
        self.window_.set_field(
            "table",
            None,
            lambda rows: _replace_rows(editor, self.table, rows),
            [*map(list, self.table.rows), [""] * len(self.table.columns)],
        )

    def remove_row(self) -> None:
        """Remove the chosen row (the total row is computed and cannot be removed)."""
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.table.rows):
            return
        rows = [list(row) for number, row in enumerate(self.table.rows) if number != index.row()]
        editor = self.window_.editor
        self.window_.set_field("table", None, lambda new: _replace_rows(editor, self.table, new), rows)

    def paste(self, text: str) -> None:
        """Tab-separated cells from a spreadsheet, from the current cell on; the table grows."""
        index = self.view.currentIndex()
        top, left = (index.row(), index.column()) if index.isValid() else (0, 0)
        rows = [list(row) for row in self.table.rows]
        for r, line in enumerate(line for line in text.splitlines() if line.strip()):
            while len(rows) <= top + r:
                rows.append([""] * len(self.table.columns))
            for c, cell in enumerate(line.split("\t")):
                if left + c < len(self.table.columns):
                    row = rows[top + r]
                    row.extend([""] * (len(self.table.columns) - len(row)))
                    row[left + c] = cell.strip()
        editor = self.window_.editor
        self.window_.set_field("table", None, lambda new: _replace_rows(editor, self.table, new), rows)


def _replace_rows(editor: MeetingEditor, table: Table, rows: list[list[str]]) -> list[list[str]]:
    """Make the table's rows these (for paste and added rows); returns the rows it had."""
    old = [list(row) for row in table.rows]
    while len(table.rows) > len(rows):
        editor.remove_table_row(table, len(table.rows) - 1)
    for index, cells in enumerate(rows):
        if index < len(table.rows):
            if table.rows[index] != cells:
                for column, text in enumerate(cells):
                    editor.set_cell(table, index, column, text)
        else:
            editor.insert_table_row(table, index, list(cells))
    return old


class LetterTab(FormTab):
    """หนังสือนำส่ง: the cover letter; the body is written from the meeting until the clerk edits it."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        form = self.form

        def letter(name: str, convert: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], None]:
            return lambda value: window.set_field(
                "letter", ("letter", name), lambda v: window.editor.set_letter_field(name, v), convert(value)
            )

        def paragraphs(text: str) -> list[str]:
            return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]

        self.number = TextField(letter("number"), "เช่น พย ๐๐๑๙.๑/ว")
        self.date = DateField(letter("date"), weekday=False, optional=True)
        self.subject = TextField(letter("subject"), "ขอส่งรายงานการประชุม")
        self.to = TextField(letter("to"), "เช่น พัฒนาการอำเภอ ทุกอำเภอ")
        self.references = GrowingTextEdit(letter("references", text_lines), "หนึ่งบรรทัดต่อหนึ่งเรื่อง")
        self.enclosures = GrowingTextEdit(letter("enclosures", text_lines), "เช่น รายงานการประชุม จำนวน ๑ ชุด")
        self.body = GrowingTextEdit(letter("body", paragraphs), min_lines=10)
        self.closing = TextField(letter("closing"), "ขอแสดงความนับถือ")
        self.signer = (TextField(self._signer), TextField(self._signer))
        self.certify_by = DateField(letter("certify_by"), weekday=False, optional=True)
        self.recipients = GrowingTextEdit(
            self._recipients, "หนึ่งบรรทัดต่อหนึ่งผู้รับ (พิมพ์บัญชีแจกจ่ายแนบท้าย)", min_lines=3
        )
        form.addRow("ที่", self.number)
        form.addRow("วันที่", self.date)
        form.addRow("เรื่อง", self.subject)
        form.addRow("เรียน", self.to)
        form.addRow("อ้างถึง", self.references)
        form.addRow("สิ่งที่ส่งมาด้วย", self.enclosures)
        form.addRow("ข้อความ (เว้นบรรทัดระหว่างย่อหน้า)", self.body)
        form.addRow("คำลงท้าย", self.closing)
        form.addRow("ผู้ลงนาม", self.signer[0])
        form.addRow("ตำแหน่งผู้ลงนาม", self.signer[1])
        form.addRow("แจ้งแก้ไขภายในวันที่", self.certify_by)
        form.addRow("บัญชีแจกจ่าย", self.recipients)

    def _recipients(self, text: str) -> None:
        editor = self.window_.editor
        names = [line.strip() for line in text.split("\n") if line.strip()]
        self.window_.set_field(
            "letter", ("letter", "recipients"), editor.set_recipients, editor.recipients_named(names)
        )

    def _signer(self, _: str) -> None:
        name, position = self.signer[0].text().strip(), self.signer[1].text().strip()
        person = Person(name, position) if name or position else None
        editor = self.window_.editor
        self.window_.set_field(
            "letter", ("letter", "signer"), lambda v: editor.set_letter_field("signer", v), person
        )

    def refresh(self) -> None:
        document = self.window_.editor.document
        letter = document.letter
        get: Callable[[str, Any], Any] = lambda name, default: getattr(letter, name) if letter else default  # noqa: E731
        self.number.show_value(get("number", ""))
        self.date.show_value(get("date", None))
        self.subject.show_value(get("subject", ""))
        self.to.show_value(get("to", ""))
        self.references.show_value("\n".join(get("references", [])))
        self.enclosures.show_value("\n".join(get("enclosures", [])))
        self.body.show_value("\n\n".join(get("body", [])))
        self.body.setPlaceholderText("\n\n".join(default_body(document)))
        self.closing.show_value(get("closing", ""))
        signer = get("signer", None)
        self.signer[0].show_value(signer.name if signer else "")
        self.signer[1].show_value(signer.position if signer else "")
        self.certify_by.show_value(get("certify_by", None))
        shown = text_lines(self.recipients.toPlainText())
        names = [r.name for r in get("recipients", [])]
        if shown != names:
            self.recipients.show_value("\n".join(names))
