"""วาระการประชุม: the agenda tree, and the chosen section or item with its blocks and tables.

Fields send their changes through the session with themselves as origin and show the session's
changes of what they hold, except their own. Blocks follow block changes one by one (a block
widget that stays keeps its cursor); tables are spreadsheet views (`ui.sheet`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
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
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from exporters.layout import DEFAULT_LAYOUT, Layout
from models import thai
from models.changes import Change, ChangeKind
from models.markup import split_bold
from models.meeting import (
    Attachment,
    Block,
    BulletList,
    Column,
    ColumnKind,
    Item,
    Meeting,
    Node,
    Paragraph,
    Section,
    Table,
    Vote,
    nodes_containing,
)
from models.presenter import derived_wording, line_covering
from models.wording import VOTE_KINDS
from ui.commands import (
    EditCommand,
    FieldCommand,
    InsertBlock,
    InsertNode,
    MoveBlock,
    MoveTableRow,
    RemoveBlock,
    Steps,
)
from ui.fields import GrowingTextEdit, TextField, mark_problem
from ui.plain import PlainForm, plain_label
from ui.qt_models import AgendaModel, CellsModel
from ui.session import MeetingSession
from ui.sheet import SheetView


def _lines_as_typed(text: str) -> list[str]:
    return text.split("\n")


def _new_table() -> Table:
    return Table([Column("รายการ"), Column("จำนวน", kind=ColumnKind.NUMBER)], [["", ""]], total_label="รวม")


RESOLUTIONS = ("รับทราบ", "รับรอง", "เห็นชอบ", "อนุมัติ", "มอบหมาย", "รับทราบและถือปฏิบัติ")
NEW_BLOCKS: tuple[tuple[str, str, Callable[[], Block]], ...] = (
    ("+ ย่อหน้า", "Ctrl+Alt+P", lambda: Paragraph("")),
    ("+ รายการ", "Ctrl+Alt+L", lambda: BulletList([""])),
    ("+ ตาราง", "Ctrl+Alt+T", _new_table),
    ("+ เอกสารแนบ", "Ctrl+Alt+A", lambda: Attachment("")),
)


def presenter_line_preview(meeting: Meeting, item: Item, layout: Layout = DEFAULT_LAYOUT) -> str:
    """The presenter line that covers the item, as plain text exactly as it prints (the export
    uses the same layout), and where it prints when not above this item."""
    covering = line_covering(meeting, item)
    if covering is None:
        return "ไม่มีบรรทัดผู้รายงาน (ยังไม่ได้ใส่ผู้รายงาน)"
    text = covering.line.text(layout.presenter_line)
    printed = "".join(layout.digits(piece) for piece, _ in split_bold(text))
    if covering.is_first:
        return printed
    return f"{printed}\n(พิมพ์ครั้งเดียวเหนือเรื่อง {covering.first_number} ซึ่งเป็นเรื่องแรกของผู้รายงานคนนี้)"


def _wording_placeholder(title: str) -> str:
    return f"{derived_wording(title)} (ตามหัวข้อ)"


class VoteFields(QWidget):
    """The votes a resolution was carried by, typed as counts (Thai or Arabic digits): เห็นด้วย,
    ไม่เห็นด้วย, งดออกเสียง, one field each in that order (Tab between them). All empty: the
    votes were not counted. A count that is not a number is marked, and nothing is stored."""

    def __init__(self, store: Callable[[Vote | None], None]) -> None:
        super().__init__()
        self.store = store
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.fields: list[TextField] = []
        for kind in VOTE_KINDS:
            field = TextField(self._typed, "-")
            field.setMaximumWidth(80)
            field.setAccessibleName(kind)
            row.addWidget(plain_label(kind))
            row.addWidget(field)
            self.fields.append(field)
        row.addWidget(plain_label("เสียง (เว้นว่าง: ไม่ได้นับคะแนน)"))
        row.addStretch()

    def _typed(self, _text: str) -> None:
        counts: list[int] = []
        for field in self.fields:
            typed = thai.to_arabic_digits(field.text().strip())
            valid = not typed or (typed.isdigit() and int(typed) <= MOST_VOTES)
            mark_problem(field, "" if valid else "ใส่จำนวนเสียงเป็นตัวเลข")
            if not valid:
                return
            counts.append(int(typed) if typed else 0)
        typed_any = any(field.text().strip() for field in self.fields)
        self.store(Vote(*counts) if typed_any else None)

    def show_vote(self, vote: Vote | None) -> None:
        counts = (vote.in_favour, vote.against, vote.abstained) if vote else (None, None, None)
        for field, count in zip(self.fields, counts, strict=True):
            field.show_value("" if count is None else thai.to_thai_digits(str(count)))
            mark_problem(field, "")


MOST_VOTES = 100000  # a count larger than any meeting's: a slip of the keyboard

CONFIDENTIAL_LABEL = "เรื่องลับ: ไม่พิมพ์ในฉบับเผยแพร่ (พร้อมเรื่องย่อย)"


def _button(label: str, action: Callable[[], object], tip: str = "") -> QPushButton:
    """A button for the mouse; the keyboard has a shortcut for it, and Tab passes it by so that
    Tab never lands on a button whose Space would move or remove something."""
    button = QPushButton(label)
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(lambda _=False: action())
    return button


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
        elif event.matches(QKeySequence.StandardKey.Paste) and self.paste_handler is not None:
            self.paste_handler(QApplication.clipboard().mimeData())
        else:
            super().keyPressEvent(event)

    paste_handler: Callable[[QMimeData], None] | None = None  # Ctrl+V on the tree (AgendaTab)


class AgendaTab(QSplitter):
    """The tree on the left, the chosen section or item on the right."""

    node_chosen = Signal()  # another section or item is shown (the page view follows it)

    def __init__(self, session: MeetingSession, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.session = session
        self.tree = AgendaTree(actions)
        self.tree.paste_handler = self.paste
        self.model: AgendaModel | None = None
        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("ค้นหาในการประชุม (Ctrl+F, Enter ไปที่ถัดไป)")
        self.find_field.returnPressed.connect(self.find_next)
        self.found = plain_label()
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
        old = self.model
        self.model = AgendaModel(self.session, rename, moved)
        self.tree.setModel(self.model)
        if old is not None:
            self.session.changed.disconnect(old._follow)
            old.deleteLater()
        self.tree.expandAll()
        self.model.rowsInserted.connect(lambda parent, *_: self.tree.expand(parent))
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.show_current())
        self.item_editor = None
        self.tree.setCurrentIndex(self.model.index(0, 0))
        self.show_current()

    def current_node(self) -> Node | None:
        return self.model.node(self.tree.currentIndex()) if self.model else None

    def paste(self, source: QMimeData) -> None:
        """Ctrl+V on the tree: what Word (or text) put on the clipboard becomes items after the
        current item (under the current section); lines before the first numbered one go into the
        current section or item, a resolution into an empty one. A single line is one item.
        One undo step."""
        from importers.paste import Pasted, pasted_agenda  # noqa: PLC0415

        node = self.current_node()
        if node is None:
            return
        session = self.session
        meeting = session.editor.document.meeting
        number = meeting.section_number(session.editor.section_of(node))
        pasted = pasted_agenda(source.text(), source.html() if source.hasHtml() else None, number)
        if pasted is None:
            title = " ".join(source.text().split())
            if not title:
                return
            pasted = Pasted(items=[Item(title)])
        blocks = [
            InsertBlock(session.editor, node, len(node.blocks) + n, block)
            for n, block in enumerate(pasted.blocks)
        ]
        after = paste_steps(session, node, len(node.blocks) + len(blocks), pasted.resolution, pasted.items)
        steps: list[EditCommand] = [*blocks, *after]
        if not session.apply(Steps("วางข้อความจาก Word", steps)):
            return
        if pasted.items:
            self.select(pasted.items[0])

    def find_next(self) -> Node | None:
        """Go to the next section or item holding the words, after the current one."""
        found = nodes_containing(self.session.editor.document.meeting, self.find_field.text())
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
            index = self.model.index_of(node)
            self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)

    def show_current(self) -> None:
        """Show the current node's editor; a node already shown keeps its editor (and cursor)."""
        node = self.current_node()
        if self.item_editor is not None and self.item_editor.node is node:
            return
        if node is None:
            self.editor_area.takeWidget()
            self.item_editor = None
        else:
            self.item_editor = ItemEditor(self.session, node)
            self.editor_area.setWidget(self.item_editor)
        self.node_chosen.emit()


class ItemEditor(QWidget):
    """The chosen section or item: title, presenter, its blocks in order, resolution."""

    def __init__(self, session: MeetingSession, node: Node) -> None:
        super().__init__()
        self.session, self.node = session, node
        layout = QVBoxLayout(self)
        form = PlainForm()
        self.title = TextField(self._node_field("title"))
        form.addRow("หัวข้อ", self.title)
        self.presenter: TextField | None = None
        self.presenter_line: QLabel | None = None  # an item's presenter line as it prints
        self.presenter_wording: TextField | None = None  # a section's wording of its presenter lines
        if isinstance(node, Section):
            self._add_section_rows(form, node)
        else:
            self._add_item_rows(form, node)
        layout.addLayout(form)
        self.blocks = QVBoxLayout()
        layout.addLayout(self.blocks)
        add = QHBoxLayout()
        for label, key, make in NEW_BLOCKS:
            adder = functools.partial(self._add_new, make)
            add.addWidget(_button(label, adder, key))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(adder)
        add.addStretch()
        layout.addLayout(add)
        resolution_form = PlainForm()
        self.resolution = QComboBox()
        self.resolution.setEditable(True)
        self.resolution.addItems(["", *RESOLUTIONS])
        self.resolution.setCurrentText(node.resolution)
        self.resolution.editTextChanged.connect(self._node_field("resolution"))
        resolution_form.addRow("มติที่ประชุม", self.resolution)
        self.votes = VoteFields(self._store_vote)
        self.votes.show_vote(node.vote)
        resolution_form.addRow("คะแนนเสียง", self.votes)
        layout.addLayout(resolution_form)
        layout.addStretch()
        self.block_widgets: list[BlockWidget] = []
        self.title.show_value(node.title)
        if self.presenter is not None:
            self.presenter.show_value(getattr(node, "presenter", ""))
        if self.presenter_wording is not None:
            self.presenter_wording.show_value(getattr(node, "presenter_wording", ""))
        self._show_presenter_line()
        self._follow_blocks()
        session.changed.connect(self._follow)

    def _add_section_rows(self, form: QFormLayout, section: Section) -> None:
        self.presenter_wording = TextField(
            self._node_field("presenter_wording"), _wording_placeholder(section.title)
        )
        self.presenter_wording.setToolTip(
            "ถ้อยคำต่อจากชื่อผู้รายงาน เช่น เสนอที่ประชุมพิจารณา เว้นว่างไว้: ตามหัวข้อระเบียบวาระ "
            "(จำนวนเรื่องและคำว่า ดังนี้ โปรแกรมเติมให้เอง)"
        )
        form.addRow("ถ้อยคำบรรทัดผู้รายงาน", self.presenter_wording)

    def _add_item_rows(self, form: QFormLayout, item: Item) -> None:
        editor = self.session.editor
        self.presenter = TextField(self._node_field("presenter"), "ผู้รายงาน ชื่อ-สกุล ตำแหน่ง")
        names = [
            a.full_name + (f" {a.position}" if a.position else "") for a in editor.document.meeting.attendees
        ]
        earlier = [name for name in self.session.archive_database.presenters() if name not in names]
        completer = QCompleter(names + earlier, self.presenter)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.presenter.setCompleter(completer)
        form.addRow("ผู้รายงาน", self.presenter)
        self.presenter_line = QLabel()
        self.presenter_line.setTextFormat(Qt.TextFormat.PlainText)
        self.presenter_line.setWordWrap(True)
        self.presenter_line.setToolTip("บรรทัดผู้รายงานตามที่จะพิมพ์ในรายงานการประชุม")
        form.addRow("บรรทัดผู้รายงาน", self.presenter_line)
        self.follow_up = QCheckBox("ติดตามในการประชุมครั้งต่อไป (ยกไปเรื่องสืบเนื่อง)")
        self.follow_up.setChecked(item.follow_up)
        self.follow_up.toggled.connect(self._node_field("follow_up"))
        form.addRow("", self.follow_up)
        self.confidential = QCheckBox(CONFIDENTIAL_LABEL)
        self.confidential.setChecked(item.confidential)
        self.confidential.toggled.connect(self._node_field("confidential"))
        form.addRow("", self.confidential)

    def _store_vote(self, vote: Vote | None) -> None:
        session, node = self.session, self.node
        session.set_field(
            (id(node), "vote"), lambda v: session.editor.set_node_field(node, "vote", v), vote, self.votes
        )

    def _node_field(self, name: str) -> Callable[[Any], None]:
        def change(value: Any) -> None:
            session, node = self.session, self.node
            origin = getattr(self, name, None)  # the field of that name is the one typed into
            session.set_field(
                (id(node), name), lambda v: session.editor.set_node_field(node, name, v), value, origin
            )

        return change

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind in (ChangeKind.NODE, ChangeKind.TREE):
            self._show_presenter_line()  # a presenter, a neighbour or the section's wording changed
        if change.target is not self.node:
            return
        if change.kind is ChangeKind.BLOCKS:
            self._follow_blocks()
        elif change.kind is ChangeKind.NODE:
            self._show_field(change.field, origin)

    def _show_field(self, name: str, origin: object) -> None:
        node = self.node
        if name == "title" and self.presenter_wording is not None:
            self.presenter_wording.setPlaceholderText(_wording_placeholder(node.title))
        if name == "title" and origin is not self.title:
            self.title.show_value(node.title)
        elif name == "presenter_wording" and self.presenter_wording is not None:
            if origin is not self.presenter_wording:
                self.presenter_wording.show_value(getattr(node, "presenter_wording", ""))
        elif name == "presenter" and self.presenter is not None and origin is not self.presenter:
            self.presenter.show_value(getattr(node, "presenter", ""))
        elif name == "resolution" and origin is not self.resolution:
            if self.resolution.currentText() != node.resolution:
                self.resolution.setCurrentText(node.resolution)
        elif name == "follow_up" and hasattr(self, "follow_up"):
            self.follow_up.setChecked(bool(getattr(node, "follow_up", False)))
        elif name == "vote" and origin is not self.votes:
            self.votes.show_vote(node.vote)
        elif name == "confidential" and hasattr(self, "confidential"):
            self.confidential.setChecked(bool(getattr(node, "confidential", False)))

    def _show_presenter_line(self) -> None:
        if self.presenter_line is not None and isinstance(self.node, Item):
            meeting = self.session.editor.document.meeting
            self.presenter_line.setText(presenter_line_preview(meeting, self.node))

    def _follow_blocks(self) -> None:
        """One widget a block, in the blocks' order; widgets of blocks that stay are kept."""
        kept = {id(widget.block): widget for widget in self.block_widgets}
        widgets = []
        for block in self.node.blocks:
            widget = kept.pop(id(block), None) or BlockWidget(self.session, self.node, block)
            widgets.append(widget)
        for widget in kept.values():
            self.blocks.removeWidget(widget)
            widget.deleteLater()  # Qt deletes it, in its own time
        for position, widget in enumerate(widgets):
            self.blocks.insertWidget(position, widget)
        self.block_widgets = widgets

    def _add_new(self, make: Callable[[], Block]) -> None:
        self.add_block(make())

    def add_block(self, block: Block) -> None:
        """A new block after the one being typed in (at the end when none is)."""
        focused = QApplication.focusWidget()
        index = next(
            (
                n + 1
                for n, widget in enumerate(self.block_widgets)
                if focused and widget.isAncestorOf(focused)
            ),
            len(self.node.blocks),
        )
        if self.session.apply(InsertBlock(self.session.editor, self.node, index, block)):
            self.block_widgets[index].focus_field()


def paste_steps(
    session: MeetingSession, node: Node, at: int, resolution: str, items: list[Item]
) -> list[EditCommand]:
    """The steps of a paste after its blocks: the resolution (a paragraph `มติที่ประชุม …` at
    block `at`, after the pasted ones, when the node has one already), and the items after
    `node` among its siblings (under it, when it is a section)."""
    from models.meeting import find_parent  # noqa: PLC0415

    steps: list[EditCommand] = []
    if resolution and node.resolution:  # kept where it was pasted, as a paragraph: nothing is lost
        steps.append(InsertBlock(session.editor, node, at, Paragraph(f"มติที่ประชุม {resolution}")))
    elif resolution:
        steps.append(
            FieldCommand(
                "มติที่ประชุม", lambda value: session.editor.set_node_field(node, "resolution", value), resolution
            )
        )
    if isinstance(node, Section):
        parent: Node | None = node
        index = len(node.items)
    else:
        parent, siblings = find_parent(session.editor.document.meeting, node)
        index = next(i for i, sibling in enumerate(siblings) if sibling is node) + 1
    steps.extend(InsertNode(session.editor, parent, index + n, item) for n, item in enumerate(items))
    return steps


class BlockWidget(QWidget):
    """One block of an item, with its own editor; ▲ ▼ ลบ for the mouse (Alt+↑ / Alt+↓ and
    Ctrl+Shift+Delete from the keyboard)."""

    def __init__(self, session: MeetingSession, node: Node, block: Block) -> None:
        super().__init__()
        self.session, self.node, self.block = session, node, block
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field: Any
        if isinstance(block, Paragraph):
            self.field = GrowingTextEdit(self._set("text"), "พิมพ์ข้อความ... (Ctrl+B ตัวหนา)")
            self.field.paste_handler = self._paste
            QShortcut(QKeySequence("Ctrl+B"), self.field).activated.connect(self._bold)
        elif isinstance(block, BulletList):
            self.field = GrowingTextEdit(self._set("items", _lines_as_typed), "หนึ่งบรรทัดต่อหนึ่งข้อ")
        elif isinstance(block, Attachment):
            self.field = TextField(self._set("title"), "ชื่อเอกสารแนบ")
        else:
            self.field = TableEditor(session, block)
        layout.addWidget(self.field, 1)
        remove = QShortcut(QKeySequence("Ctrl+Shift+Delete"), self)
        remove.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.activated.connect(self.remove)
        side = QVBoxLayout()
        side.addWidget(_button("▲", lambda: self.move_by(-1), "เลื่อนขึ้น (Alt+↑)"))
        side.addWidget(_button("▼", lambda: self.move_by(1), "เลื่อนลง (Alt+↓)"))
        side.addWidget(_button("ลบ", self.remove, "ลบบล็อกนี้ (Ctrl+Shift+Delete)"))
        side.addStretch()
        layout.addLayout(side)
        self.refresh()
        session.changed.connect(self._follow)

    def _set(self, name: str, convert: Callable[[str], object] = str) -> Callable[[str], None]:
        def change(text: str) -> None:
            session, block = self.session, self.block
            session.set_field(
                (id(block), name),
                lambda v: session.editor.set_block_field(block, name, v),
                convert(text),
                self.field,
            )

        return change

    def _follow(self, change: Change, origin: object) -> None:
        if change.kind is ChangeKind.BLOCK and change.target is self.block and origin is not self.field:
            self.refresh()

    def refresh(self) -> None:
        if isinstance(self.block, Paragraph):
            self.field.show_value(self.block.text)
        elif isinstance(self.block, BulletList):
            self.field.show_value("\n".join(self.block.items))
        elif isinstance(self.block, Attachment):
            self.field.show_value(self.block.title)

    def focus_field(self) -> None:
        target = self.field.view if isinstance(self.field, TableEditor) else self.field
        target.setFocus()

    def _bold(self) -> None:
        cursor = self.field.textCursor()
        if cursor.hasSelection():
            cursor.insertText(f"**{cursor.selectedText()}**")

    def _index(self) -> int:
        return next(i for i, b in enumerate(self.node.blocks) if b is self.block)

    def _paste(self, source: QMimeData) -> bool:
        """Paragraphs, lists and tables pasted from Word (or several lines of text) become
        blocks after this one, the first paragraph going where the cursor is; numbered items of
        the section become items after this one's; a pasted resolution fills an empty one. One
        undo step. A single paragraph is left to the field (False)."""
        from importers.paste import pasted_agenda  # noqa: PLC0415

        session, node, block = self.session, self.node, self.block
        meeting = session.editor.document.meeting
        number = meeting.section_number(session.editor.section_of(node))
        pasted = pasted_agenda(source.text(), source.html() if source.hasHtml() else None, number)
        if pasted is None or not isinstance(block, Paragraph):
            return False
        steps: list[EditCommand] = []
        blocks = list(pasted.blocks)
        cursor = self.field.textCursor()
        typed_to = cursor.selectionStart()
        first = blocks[0] if blocks else None
        if isinstance(first, Paragraph):
            blocks.pop(0)
            text = self.field.toPlainText()
            text = text[:typed_to] + first.text + text[cursor.selectionEnd() :]
            typed_to += len(first.text)
            steps.append(
                FieldCommand(
                    "ข้อความ", lambda value: session.editor.set_block_field(block, "text", value), text
                )
            )
        index = self._index() + 1
        steps.extend(InsertBlock(session.editor, node, index + n, new) for n, new in enumerate(blocks))
        steps.extend(paste_steps(session, node, index + len(blocks), pasted.resolution, pasted.items))
        if session.apply(Steps("วางข้อความจาก Word", steps)):
            cursor = self.field.textCursor()
            cursor.setPosition(min(typed_to, len(self.field.toPlainText())))
            self.field.setTextCursor(cursor)
        return True

    def move_by(self, step: int) -> None:
        index = self._index()
        if 0 <= index + step < len(self.node.blocks):
            self.session.apply(MoveBlock(self.session.editor, self.node, index, index + step))
            self.focus_field()

    def remove(self) -> None:
        self.session.apply(RemoveBlock(self.session.editor, self.node, self._index()))


class TableEditor(QWidget):
    """A data table: cells as typed, formula columns and the total computed, wrong cells marked."""

    def __init__(self, session: MeetingSession, table: Table) -> None:
        super().__init__()
        self.session, self.table = session, table
        self.model = CellsModel(session, table)
        self.view = SheetView()
        self.view.setModel(self.model)
        self.view.append_row = self._append
        self.model.rowsInserted.connect(lambda *_: self._fit_height())
        self.model.rowsRemoved.connect(lambda *_: self._fit_height())
        self.model.headerDataChanged.connect(lambda *_: self._columns_changed())
        self.view.sheet_delegate.closeEditor.connect(lambda *_: self._fit_figures())
        self.view.setWordWrap(False)  # one line a row; the whole text shows while editing
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        for key, action in (
            ("Insert", self.insert_row),
            ("Ctrl+Delete", self.remove_row),
            ("Ctrl+Shift+V", lambda: self.paste(QApplication.clipboard().text())),
        ):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = TextField(self._set_title, "ชื่อตาราง (ถ้ามี)")
        self.title.show_value(table.title)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(_button("+ แถว", self.add_row, "Tab ที่ช่องสุดท้าย หรือ Insert"))
        row.addWidget(_button("ลบแถว", self.remove_row, "Ctrl+Delete"))
        row.addWidget(_button("คอลัมน์...", self.edit_columns))
        row.addStretch()
        layout.addLayout(row)
        self._columns_changed()
        session.changed.connect(self._follow)

    def _set_title(self, text: str) -> None:
        session, table = self.session, self.table
        session.set_field(
            (id(table), "title"),
            lambda v: session.editor.set_block_field(table, "title", v),
            text,
            self.title,
        )

    def _follow(self, change: Change, origin: object) -> None:
        if change.target is self.table and change.field == "title" and origin is not self.title:
            self.title.show_value(self.table.title)

    def _columns_changed(self) -> None:
        """Text columns share the width; figure columns are as wide as their figures. Sized
        here and when a cell editor closes, not at every keystroke (a header that sizes itself
        to its contents reads every cell of the table at each change)."""
        header = self.view.horizontalHeader()
        for index, column in enumerate(self.table.columns):
            stretch = not (column.kind.is_numeric or column.formula)
            mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(index, mode)
        self._fit_figures()
        self._fit_height()

    def _fit_figures(self) -> None:
        for index, column in enumerate(self.table.columns):
            if column.kind.is_numeric or column.formula:
                self.view.resizeColumnToContents(index)

    def _fit_height(self) -> None:
        """Tall enough to show every row and the total, up to a screenful."""
        rows = self.model.rowCount()
        height = self.view.horizontalHeader().height() + sum(self.view.rowHeight(r) for r in range(rows)) + 4
        self.view.setFixedHeight(min(max(height, 80), 480))

    def _set_rows(self, rows: list[list[str]]) -> bool:
        editor, table = self.session.editor, self.table
        return self.session.apply(
            FieldCommand("แก้แถวในตาราง", lambda new: editor.set_table_rows(table, new), rows)
        )

    def _blank(self) -> list[str]:
        return [""] * len(self.table.columns)

    def _append(self) -> int:
        """Tab past the last cell: a new row at the end; returns its index."""
        row = len(self.table.rows)
        self._set_rows([*map(list, self.table.rows), self._blank()])
        return row

    def add_row(self) -> None:
        self._append()

    def insert_row(self) -> None:
        """Insert: a new row below the current one, editing its first cell."""
        current = self.view.currentIndex()
        row = min(current.row() + 1, len(self.table.rows)) if current.isValid() else len(self.table.rows)
        rows = [list(cells) for cells in self.table.rows]
        rows.insert(row, self._blank())
        if self._set_rows(rows):
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.edit_current()

    def remove_row(self) -> None:
        """Remove the chosen row (the total row is computed and cannot be removed)."""
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.table.rows):
            return
        self._set_rows([list(row) for number, row in enumerate(self.table.rows) if number != index.row()])

    def move_row(self, step: int) -> None:
        index = self.view.currentIndex()
        row = index.row()
        if index.isValid() and row < len(self.table.rows) and 0 <= row + step < len(self.table.rows):
            self.session.apply(MoveTableRow(self.session.editor, self.table, row, row + step))
            self.view.setCurrentIndex(self.model.index(row + step, index.column()))

    def edit_columns(self, dialog: Any = None) -> None:
        """Columns' titles, groups, kinds and formulas; added and removed columns take their
        cells along. One undo step."""
        from ui.dialogs import ColumnsDialog  # noqa: PLC0415

        dialog = dialog or ColumnsDialog(self.table, self)
        if dialog.exec() != ColumnsDialog.DialogCode.Accepted:
            return
        editor, table = self.session.editor, self.table
        self.session.apply(
            FieldCommand(
                "คอลัมน์ของตาราง",
                lambda shape: editor.set_table_shape(table, shape),
                (dialog.columns(), dialog.rows()),
            )
        )

    def paste(self, text: str) -> None:
        """Tab-separated cells from a spreadsheet, from the current cell on; the table grows."""
        index = self.view.currentIndex()
        top, left = (index.row(), index.column()) if index.isValid() else (0, 0)
        rows = [list(row) for row in self.table.rows]
        for r, line in enumerate(line for line in text.splitlines() if line.strip()):
            while len(rows) <= top + r:
                rows.append(self._blank())
            for c, cell in enumerate(line.split("\t")):
                if left + c < len(self.table.columns):
                    row = rows[top + r]
                    row.extend([""] * (len(self.table.columns) - len(row)))
                    row[left + c] = cell.strip()
        self._set_rows(rows)
