"""Thin Qt item models over the domain objects of the open meeting.

They read the meeting directly and write only through undo commands, so every change a view
makes is undoable and stored at once. After a structural change the window resets them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models import thai
from models.editing import MeetingEditor
from models.meeting import AttendeeStatus, Item, Node, Section, Table
from models.roster import STATUS_LABELS, STATUS_WORDS
from models.tables import ComputedTable, column_letter, compute_table
from ui.commands import Changed, FieldCommand

Index = QModelIndex | QPersistentModelIndex
Push = Callable[[Any], None]
ROSTER_COLUMNS = (
    ("prefix", "คำนำหน้า"),
    ("first", "ชื่อ"),
    ("last", "นามสกุล"),
    ("position", "ตำแหน่ง"),
    ("status", "สถานะ"),
    ("note", "หมายเหตุ"),
)
NODE_MIME = "application/x-thai-minutes-node"
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole


class RosterModel(QAbstractTableModel):
    def __init__(self, editor: MeetingEditor, push: Push, changed: Changed) -> None:
        super().__init__()
        self.editor, self.push, self.changed = editor, push, changed

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.editor.document.meeting.attendees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROSTER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return ROSTER_COLUMNS[section][1]
        return thai.to_thai_digits(str(section + 1))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in (_DISPLAY, _EDIT) or not index.isValid():
            return None
        attendee = self.editor.document.meeting.attendees[index.row()]
        name = ROSTER_COLUMNS[index.column()][0]
        value = getattr(attendee, name)
        return STATUS_LABELS[value] if name == "status" else value

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid():
            return False
        name = ROSTER_COLUMNS[index.column()][0]
        text = str(value).strip()
        if name == "status":
            status = STATUS_WORDS.get(text) or next(
                (s for s, label in STATUS_LABELS.items() if label == text), None
            )
            if status is None:
                return False
            text = AttendeeStatus(status)
        row = index.row()
        attendee = self.editor.document.meeting.attendees[row]
        if getattr(attendee, name) == text:
            return False
        label = f"แก้{ROSTER_COLUMNS[index.column()][1]}"
        self.push(
            FieldCommand(
                label,
                functools.partial(self.editor.set_attendee_field, row, name),
                text,
                key=None,  # a cell edit is a step of its own
                part="roster",
                changed=self.changed,
            )
        )
        return True


class AgendaModel(QAbstractItemModel):
    """Sections and items as a tree; the text shows the live Thai number."""

    def __init__(
        self,
        editor: MeetingEditor,
        title_edited: Callable[[Node, str], None],
        moved: Callable[[Node, Node | None, int], None] = lambda node, parent, row: None,
    ) -> None:
        super().__init__()
        self.editor = editor
        self.title_edited = title_edited  # renaming and moving go through the window's undo stack
        self.moved = moved
        self._parents: dict[int, tuple[Node | None, int]] = {}
        self._nodes: dict[int, Node] = {}
        self._reindex()

    def reset(self) -> None:
        self.beginResetModel()
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._parents.clear()
        self._nodes.clear()

        def walk(parent: Node | None, children: list[Any]) -> None:
            for row, child in enumerate(children):
                self._parents[id(child)] = (parent, row)
                self._nodes[id(child)] = child
                walk(child, child.items)

        walk(None, self.editor.document.meeting.sections)

    def contains(self, node: Node) -> bool:
        return id(node) in self._parents

    def children_of(self, parent: Node | None) -> list[Any]:
        return self.editor.children_of(parent)

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, node: Node) -> QModelIndex:
        entry = self._parents.get(id(node))
        if entry is None:
            return QModelIndex()
        return self.createIndex(entry[1], 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self.children_of(self.node(parent))
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None:
            return QModelIndex()
        parent, _ = self._parents.get(id(node), (None, 0))
        return self.index_of(parent) if parent is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children_of(self.node(parent)))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == _EDIT:
            return node.title
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):  # the tooltip shows what a narrow tree elides
            return f"{self.number(node)}  {node.title}".strip()
        return None

    def number(self, node: Node) -> str:
        meeting = self.editor.document.meeting
        if isinstance(node, Section):
            number = meeting.section_number(node)
            return thai.section_heading_number(number) if number else ""
        path = []
        current: Node | None = node
        while isinstance(current, Item):
            parent, row = self._parents[id(current)]
            path.append(row + 1)
            current = parent
        section = current
        assert isinstance(section, Section)
        return thai.item_number(meeting.section_number(section), tuple(reversed(path)))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled

    # --- drag and drop: a dropped node moves through the window's undo stack ----------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODE_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        nodes = [self.node(index) for index in indexes if index.isValid()]
        if nodes:
            data.setData(NODE_MIME, QByteArray(str(id(nodes[0])).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(NODE_MIME):
            return False
        node = self._nodes.get(int(bytes(data.data(NODE_MIME).data()).decode()))
        target = self.node(parent)
        if node is None or isinstance(node, Section) != (target is None) or self._inside(target, node):
            return False
        old_parent, old_row = self._parents[id(node)]
        siblings = self.children_of(target)
        row = len(siblings) if row < 0 else row
        if old_parent is target and old_row < row:
            row -= 1  # the node leaves its old place first
        if old_parent is not target or old_row != row:
            self.moved(node, target, row)
        return False  # the move is done; Qt must not remove the dragged rows itself

    def _inside(self, target: Node | None, node: Node) -> bool:
        """Whether `target` is `node` or stands below it (a node cannot move into itself)."""
        while target is not None:
            if target is node:
                return True
            target = self._parents[id(target)][0]
        return False

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        node = self.node(index)
        if node is None or role != _EDIT or str(value) == node.title:
            return False
        self.title_edited(node, str(value))
        return True


class CellsModel(QAbstractTableModel):
    """A data table's cells as typed; formula columns and the total row are shown computed."""

    def __init__(self, editor: MeetingEditor, table: Table, push: Push, changed: Changed) -> None:
        super().__init__()
        self.editor, self.table, self.push, self.changed = editor, table, push, changed
        self._computed: ComputedTable | None = None

    @property
    def computed(self) -> ComputedTable:
        """Totals and formulas, worked out once per change of the table, not once per painted cell."""
        if self._computed is None:
            self._computed = compute_table(self.table)
        return self._computed

    def refresh(self) -> None:
        self._computed = None
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows) + (1 if self.table.has_total else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            column = self.table.columns[section]
            return f"{column_letter(section)}  {column.title}"
        return "รวม" if section >= len(self.table.rows) else thai.to_thai_digits(str(section + 1))

    def _is_computed(self, index: Index) -> bool:
        return index.row() >= len(self.table.rows) or bool(self.table.columns[index.column()].formula)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        computed = self.computed
        if role == Qt.ItemDataRole.BackgroundRole:
            bad = any(p.row == index.row() and p.column == index.column() for p in computed.problems)
            if bad:
                from PySide6.QtGui import QColor  # noqa: PLC0415  (only for marked cells)

                return QColor("#ffd6d6")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.table.columns[index.column()].kind.is_numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (_DISPLAY, _EDIT):
            return None
        if index.row() >= len(self.table.rows):
            return (computed.total_text or [""] * len(self.table.columns))[index.column()]
        if self.table.columns[index.column()].formula and role == _DISPLAY:
            return computed.rows[index.row()][index.column()]
        row = self.table.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base if self._is_computed(index) else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid() or self._is_computed(index):
            return False
        row, column = index.row(), index.column()
        self.push(
            FieldCommand(
                "แก้ช่องในตาราง",
                functools.partial(self.editor.set_cell, self.table, row, column),
                str(value),
                key=None,
                part="table",
                changed=self.changed,
            )
        )
        return True
