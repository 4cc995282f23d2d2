"""Thin Qt item models over the domain objects of the open meeting.

They write only through the session's undo commands, so every change a view makes is undoable
and stored at once. Each keeps the rows it has told its views about (`shadow` lists) and follows
the session's changes with `dataChanged` / `rowsInserted` / `rowsRemoved` / `rowsMoved`, never a
reset, so the current cell and an open editor survive every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from models.changes import Change, ChangeKind
from models.editing import Removed
from models.meeting import CONFIDENTIAL_MARK, Attendee, AttendeeStatus, Item, Node, Section, Table
from models.roster import STATUS_LABELS, STATUS_WORDS
from models.tables import ComputedTable, column_letter, compute_table
from ui.plain import plain_tooltip
from ui.session import MeetingSession

Index = QModelIndex | QPersistentModelIndex
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
_CELL_ROLES = frozenset({_DISPLAY, _EDIT, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole})


def sync_rows(
    model: QAbstractItemModel,
    parent: QModelIndex,
    shadow: list[Any],
    live: Sequence[Any],
    added: Callable[[list[Any]], None] = lambda rows: None,
) -> None:
    """Bring `shadow` (the rows the views know) to `live` (the meeting's) by identity, with row
    signals: runs of rows removed, runs inserted, single rows moved. `added` sees inserted rows
    before the views are told of them."""
    row = 0
    while row < len(shadow) or row < len(live):
        if row < len(shadow) and row < len(live) and shadow[row] is live[row]:
            row += 1
            continue
        live_ids, shadow_ids = {id(x) for x in live}, {id(x) for x in shadow}
        if row < len(shadow) and id(shadow[row]) not in live_ids:
            end = row
            while end < len(shadow) and id(shadow[end]) not in live_ids:
                end += 1
            model.beginRemoveRows(parent, row, end - 1)
            del shadow[row:end]
            model.endRemoveRows()
        elif row < len(live) and id(live[row]) not in shadow_ids:
            end = row
            while end < len(live) and id(live[end]) not in shadow_ids:
                end += 1
            model.beginInsertRows(parent, row, end - 1)
            added(list(live[row:end]))
            shadow[row:row] = live[row:end]
            model.endInsertRows()
        else:
            source = next(n for n in range(row, len(shadow)) if shadow[n] is live[row])
            model.beginMoveRows(parent, source, source, parent, row)
            shadow.insert(row, shadow.pop(source))
            model.endMoveRows()


def _index_by_identity(rows: Sequence[Any], wanted: object) -> int:
    return next((n for n, row in enumerate(rows) if row is wanted), -1)


class RosterModel(QAbstractTableModel):
    """The roster, a row an attendee; follows roster changes row by row."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.rows: list[Attendee] = list(session.editor.document.meeting.attendees)
        session.changed.connect(self._follow)

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind is ChangeKind.ROSTER:
            sync_rows(self, QModelIndex(), self.rows, self.session.editor.document.meeting.attendees)
        elif change.kind is ChangeKind.ATTENDEE:
            row = _index_by_identity(self.rows, change.target)
            if row >= 0:  # the whole row: a one-cell signal would rewrite an open editor
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(ROSTER_COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

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
        attendee = self.rows[index.row()]
        name = ROSTER_COLUMNS[index.column()][0]
        value = getattr(attendee, name)
        return STATUS_LABELS[value] if name == "status" else value

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        """A cell as typed (the open editor commits each keystroke); a cell edit is one undo step."""
        if role != _EDIT or not index.isValid():
            return False
        name = ROSTER_COLUMNS[index.column()][0]
        stored: object = str(value)
        if name == "status":
            text = str(value).strip()
            status = STATUS_WORDS.get(text) or next(
                (s for s, label in STATUS_LABELS.items() if label == text), None
            )
            if status is None:
                return False
            stored = AttendeeStatus(status)
        attendee = self.rows[index.row()]
        if getattr(attendee, name) == stored:
            return False
        editor = self.session.editor

        def apply(new: object) -> Change:
            row = _index_by_identity(editor.document.meeting.attendees, attendee)
            return editor.set_attendee_field(row, name, new)

        return self.session.set_field((id(attendee), name), apply, stored, whole=True)


class AgendaModel(QAbstractItemModel):
    """Sections and items as a tree; the text shows the live Thai number. Follows tree changes
    with row signals, so the current item and an open title editor survive them."""

    def __init__(
        self,
        session: MeetingSession,
        title_edited: Callable[[Node, str], None],
        moved: Callable[[Node, Node | None, int], None] = lambda node, parent, row: None,
    ) -> None:
        super().__init__()
        self.session = session
        self.editor = session.editor
        self.title_edited = title_edited  # renaming and moving go through the window's undo stack
        self.moved = moved
        self._kids: dict[int, list[Node]] = {}  # id(parent) (0: the top) -> children the views know
        self._parent_of: dict[int, Node | None] = {}
        self._nodes: dict[int, Node] = {}
        self._learn(None, self.editor.document.meeting.sections)
        session.changed.connect(self._follow)

    def _key(self, parent: Node | None) -> int:
        return 0 if parent is None else id(parent)

    def _learn(self, parent: Node | None, children: Sequence[Any]) -> None:
        """Know these children (and everything below them) under `parent`."""
        self._kids[self._key(parent)] = list(children)
        for child in children:
            self._parent_of[id(child)] = parent
            self._nodes[id(child)] = child
            self._learn(child, child.items)

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind is ChangeKind.NODE:
            index = self.index_of(change.target)  # type: ignore[arg-type]
            if index.isValid():
                self.dataChanged.emit(index, index)
        elif change.kind is ChangeKind.TREE:
            if change.field == "move":
                self._move(change)
            else:
                self._sync(change.target)  # type: ignore[arg-type]
            self._renumber(None)

    def _sync(self, parent: Node | None) -> None:
        def added(nodes: list[Any]) -> None:
            for node in nodes:
                self._parent_of[id(node)] = parent
                self._nodes[id(node)] = node
                self._learn(node, node.items)

        parent_index = self.index_of(parent) if parent is not None else QModelIndex()
        sync_rows(self, parent_index, self._kids[self._key(parent)], self.editor.children_of(parent), added)

    def _move(self, change: Change) -> None:
        was = change.old
        assert isinstance(was, Removed)
        node, parent = was.node, change.target
        assert parent is None or isinstance(parent, Section | Item)
        source = self._kids[self._key(was.parent)]
        row = _index_by_identity(source, node)
        target = self._kids[self._key(parent)]
        new_row = _index_by_identity(self.editor.children_of(parent), node)
        destination = new_row + 1 if target is source and new_row > row else new_row
        source_index = self.index_of(was.parent) if was.parent is not None else QModelIndex()
        target_index = self.index_of(parent) if parent is not None else QModelIndex()
        if row == new_row and target is source:
            return
        self.beginMoveRows(source_index, row, row, target_index, destination)
        source.pop(row)
        target.insert(new_row, node)
        self._parent_of[id(node)] = parent
        self.endMoveRows()

    def _renumber(self, parent: Node | None) -> None:
        """Numbers follow positions: after a tree change every shown number may differ."""
        kids = self._kids.get(self._key(parent), [])
        if kids:
            parent_index = self.index_of(parent) if parent is not None else QModelIndex()
            self.dataChanged.emit(self.index(0, 0, parent_index), self.index(len(kids) - 1, 0, parent_index))
        for kid in kids:
            self._renumber(kid)

    def contains(self, node: Node) -> bool:
        return id(node) in self._parent_of and _index_by_identity(self._siblings(node), node) >= 0

    def _siblings(self, node: Node) -> list[Node]:
        return self._kids.get(self._key(self._parent_of.get(id(node))), [])

    def children_of(self, parent: Node | None) -> list[Any]:
        return self._kids.get(self._key(parent), [])

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, node: Node) -> QModelIndex:
        if id(node) not in self._parent_of:
            return QModelIndex()
        row = _index_by_identity(self._siblings(node), node)
        return self.createIndex(row, 0, node) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self.children_of(self.node(parent))
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None:
            return QModelIndex()
        parent = self._parent_of.get(id(node))
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
        if role == _DISPLAY:
            secret = f"  {CONFIDENTIAL_MARK}" if isinstance(node, Item) and node.confidential else ""
            return f"{self.number(node)}  {node.title}{secret}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:  # what a narrow tree elides, as typed (never as HTML)
            return plain_tooltip(f"{self.number(node)}  {node.title}".strip())
        return None

    def number(self, node: Node) -> str:
        meeting = self.editor.document.meeting
        if isinstance(node, Section):
            number = meeting.section_number(node)
            return thai.section_heading_number(number) if number else ""
        path = []
        current: Node | None = node
        while isinstance(current, Item):
            path.append(_index_by_identity(self._siblings(current), current) + 1)
            current = self._parent_of[id(current)]
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
        old_parent = self._parent_of[id(node)]
        old_row = _index_by_identity(self._siblings(node), node)
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
            target = self._parent_of[id(target)]
        return False

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        node = self.node(index)
        if node is None or role != _EDIT or str(value) == node.title:
            return False
        self.title_edited(node, str(value))
        return True


class CellsModel(QAbstractTableModel):
    """A data table's cells as typed; formula columns and the total row are shown computed."""

    def __init__(self, session: MeetingSession, table: Table) -> None:
        super().__init__()
        self.session, self.table = session, table
        self.rows: list[list[str]] = list(table.rows)
        self.columns = len(table.columns)  # the columns the views know
        self._computed: ComputedTable | None = None
        session.changed.connect(self._follow)

    @property
    def computed(self) -> ComputedTable:
        """Totals and formulas, worked out once per change of the table, not once per painted cell."""
        if self._computed is None:
            self._computed = compute_table(self.table)
        return self._computed

    def _follow(self, change: Change, origin: object) -> None:
        if change.target is not self.table:
            return
        self._computed = None
        if change.kind is ChangeKind.TABLE:
            self._follow_columns()
        last = self.columnCount() - 1
        if change.kind is ChangeKind.CELL:  # the row (its formula cells) and the total follow
            row = change.index[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            if self.table.has_total:
                self.dataChanged.emit(self.index(len(self.rows), 0), self.index(len(self.rows), last))
            return
        sync_rows(self, QModelIndex(), self.rows, self.table.rows)
        if self.rowCount() and self.columnCount():  # a row's place changed: every number may differ
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))

    def _follow_columns(self) -> None:
        """Columns added or removed at the end, titles and kinds changed: column signals and a
        header change, not a reset, so the view keeps its current cell."""
        count = len(self.table.columns)
        if count < self.columns:
            self.beginRemoveColumns(QModelIndex(), count, self.columns - 1)
            self.columns = count
            self.endRemoveColumns()
        elif count > self.columns:
            self.beginInsertColumns(QModelIndex(), self.columns, count - 1)
            self.columns = count
            self.endInsertColumns()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, count - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows) + (1 if self.table.has_total else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            column = self.table.columns[section]
            return f"{column_letter(section)}  {column.title}"
        return "รวม" if section >= len(self.rows) else thai.to_thai_digits(str(section + 1))

    def _is_computed(self, index: Index) -> bool:
        return index.row() >= len(self.rows) or bool(self.table.columns[index.column()].formula)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role not in _CELL_ROLES:
            return None  # views ask for many roles per cell; answer the others at once
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
        if index.row() >= len(self.rows):
            return (computed.total_text or [""] * len(self.table.columns))[index.column()]
        if self.table.columns[index.column()].formula and role == _DISPLAY:
            return computed.rows[index.row()][index.column()]
        row = self.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base if self._is_computed(index) else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        """A cell as typed (the open editor commits each keystroke); a cell edit is one undo step."""
        if role != _EDIT or not index.isValid() or self._is_computed(index):
            return False
        cells, column, text = self.rows[index.row()], index.column(), str(value)
        if (cells[column] if column < len(cells) else "") == text:
            return False
        if _index_by_identity(self.table.rows, cells) < 0:
            return False  # the row is gone (a refused edit put the table back): nothing to set
        editor, table = self.session.editor, self.table

        def apply(new: object) -> Change:
            return editor.set_cell(table, _index_by_identity(table.rows, cells), column, str(new))

        return self.session.set_field((id(cells), column), apply, text, whole=True)
