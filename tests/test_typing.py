"""Every editable field of the window, typed into as a clerk's hands do (`tests.keyboard`): Thai
with spaces, Enter in multi-line fields and Tab between fields and cells. After each, the widget,
the meeting in memory and the reopened database hold exactly what was typed, and nothing else
changed. Runs offscreen in CI; `QT_QPA_PLATFORM=xcb` under `xvfb-run` runs it on a real X server (README)."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from exporters.compose import Para, compose_minutes
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import (
    Attachment,
    Attendee,
    AttendeeStatus,
    BulletList,
    Column,
    Item,
    Letter,
    MeetingDocument,
    Paragraph,
    Person,
    Section,
    Table,
)
from tests.conftest import reopened
from tests.keyboard import focused, press, type_text
from tests.test_window import Accepting
from ui.agenda import BlockWidget, ItemEditor, TableEditor
from ui.main_window import MainWindow

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def click_into(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def holds(window: MainWindow, db_path: Path, expected: MeetingDocument) -> None:
    """Memory and the reopened database are exactly `expected`: what was typed, nothing else."""
    assert window.editor.document == expected
    assert reopened(db_path) == expected


def item_with_table(window: MainWindow) -> Item:
    return window.editor.document.meeting.sections[4].items[0]


def open_item(window: MainWindow, item: Item) -> ItemEditor:
    """The agenda tab in view with the item chosen; its editor."""
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    return editor


# --- header ------------------------------------------------------------------------------------


def test_header_fields_take_spaces_and_tab_moves_on(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, header.title)
    header.title.selectAll()
    type_text("การประชุม คณะทำงาน ผู้ใหญ่บ้าน\t")
    assert focused() is header.period
    header.period.selectAll()
    type_text("ประจำเดือน กันยายน ๒๕๖๗\t")
    assert focused() is header.seq
    header.seq.selectAll()
    type_text("๑๒\t")
    header.year.selectAll()
    type_text("๒๕๖๗\t")
    assert focused() is header.date
    header.date.selectAll()
    type_text("15/09/2567\t")
    header.start.selectAll()
    type_text("13.30\t")
    header.end.selectAll()
    type_text("๑๖.๐๐ น.\t")
    header.venue.selectAll()
    type_text("ห้องประชุม ๑ ชั้น ๒\t")
    header.recorder[0].selectAll()
    type_text("นางสาวรินรดา มะโนสร้อย\t")
    header.recorder[1].selectAll()
    type_text("นักพัฒนาชุมชน ปฏิบัติการ\t")
    header.checker[0].selectAll()
    type_text("นายสมชาย ใจดี\t")
    header.checker[1].selectAll()
    type_text("หัวหน้ากลุ่ม งานอำนวยการ")
    meeting = expected.meeting
    meeting.title, meeting.period = "การประชุม คณะทำงาน ผู้ใหญ่บ้าน", "ประจำเดือน กันยายน ๒๕๖๗"
    meeting.seq, meeting.year, meeting.date = 12, 2567, dt.date(2024, 9, 15)
    meeting.start, meeting.end = dt.time(13, 30), dt.time(16, 0)
    meeting.venue = "ห้องประชุม ๑ ชั้น ๒"
    meeting.recorder = Person("นางสาวรินรดา มะโนสร้อย", "นักพัฒนาชุมชน ปฏิบัติการ")
    meeting.checker = Person("นายสมชาย ใจดี", "หัวหน้ากลุ่ม งานอำนวยการ")
    holds(window, db_path, expected)
    assert header.title.text() == "การประชุม คณะทำงาน ผู้ใหญ่บ้าน"
    assert header.recorder[0].text() == "นางสาวรินรดา มะโนสร้อย"
    assert header.date.text() == "วันอาทิตย์ที่ ๑๕ กันยายน ๒๕๖๗"
    assert header.end.text() == "๑๖.๐๐ น."


def test_the_meetings_list_and_window_title_follow_the_header(window: MainWindow, qtbot: QtBot) -> None:
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    click_into(qtbot, header.title)
    type_text(" สมัยพิเศษ")
    item = window.meetings.currentItem()
    assert item is not None and item.text(0).endswith("สมัยพิเศษ")
    assert "สมัยพิเศษ" in window.windowTitle()
    click_into(qtbot, header.seq)
    header.seq.selectAll()
    type_text("๑๑")
    item = window.meetings.currentItem()
    assert item is not None and item.text(0).startswith("ครั้งที่ ๑๑/๒๕๖๗")
    assert "ครั้งที่ ๑๑/๒๕๖๗" in window.windowTitle()
    assert focused() is header.seq and header.seq.text() == "๑๑"


# --- roster ------------------------------------------------------------------------------------


def test_roster_insert_type_tab_and_enter(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    roster = window.roster_tab
    window.tabs.setCurrentWidget(roster)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, roster.view)
    roster.select(2, 1)
    press(Qt.Key.Key_Insert)
    type_text("สมศรี\tมีสุข ใจงาม\tนักวิชาการ พัฒนาชุมชน\t")
    index = roster.view.currentIndex()
    assert (index.row(), index.column()) == (3, 4)  # Tab went along the new row, not to row 1
    press(Qt.Key.Key_Tab)
    type_text("ลาป่วย 2 วัน\n")
    expected.meeting.attendees.insert(
        3, Attendee("สมศรี", AttendeeStatus.PRESENT, "", "มีสุข ใจงาม", "นักวิชาการ พัฒนาชุมชน", "ลาป่วย 2 วัน")
    )
    holds(window, db_path, expected)
    model = roster.model
    assert model is not None and model.data(model.index(3, 2)) == "มีสุข ใจงาม"
    assert roster.view.currentIndex().row() == 4  # Enter stored and moved down
    assert "มาประชุม ๑๙ คน" in roster.counts.text()


def test_roster_keys_f2_escape_delete_and_alt_arrows(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    roster = window.roster_tab
    window.tabs.setCurrentWidget(roster)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, roster.view)
    roster.select(1, 3)
    press(Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is roster and roster.is_editing()
    press(Qt.Key.Key_End)
    type_text(" รักษาการ")
    press(Qt.Key.Key_Escape)  # cancelled: back as it was, and no undo step left behind
    assert not roster.is_editing()
    holds(window, db_path, expected)
    assert window.undo_stack.count() == 0
    press(Qt.Key.Key_Delete)  # clears the position
    expected.meeting.attendees[1].position = ""
    press(Qt.Key.Key_Down, ALT)  # moves the person down
    moved = expected.meeting.attendees.pop(1)
    expected.meeting.attendees.insert(2, moved)
    holds(window, db_path, expected)
    assert roster.view.currentIndex().row() == 2
    press(Qt.Key.Key_Up, ALT)
    expected.meeting.attendees.insert(1, expected.meeting.attendees.pop(2))
    holds(window, db_path, expected)
    assert window.tabs.currentWidget() is roster  # Alt+↑ did not move an agenda item


def test_roster_status_is_chosen_by_keyboard(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    roster = window.roster_tab
    window.tabs.setCurrentWidget(roster)
    click_into(qtbot, roster.view)
    roster.select(0, 4)
    press(Qt.Key.Key_F2)
    combo: QWidget | None = focused()
    while combo is not None and not isinstance(combo, QComboBox):
        combo = combo.parentWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("ไม่มาประชุม"))
    combo.activated.emit(combo.currentIndex())
    press(Qt.Key.Key_Return)
    assert reopened(db_path).meeting.attendees[0].status is AttendeeStatus.ABSENT
    # the quorum follows what is typed: 17 of the demo's 20 members now (more than half)
    assert "มาประชุม ๑๗ คน" in roster.counts.text() and "ครบองค์ประชุม" in roster.counts.text()


# --- agenda ------------------------------------------------------------------------------------


def test_an_item_typed_from_the_tree_with_paragraph_list_and_resolution(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    window.tabs.setCurrentWidget(window.agenda_tab)
    tree, model = window.agenda_tab.tree, window.agenda_tab.model
    assert model is not None
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, tree)
    tree.setCurrentIndex(model.index(6, 0))
    press(Qt.Key.Key_Return)  # a new item under ระเบียบวาระที่ ๖; the cursor is in its title
    editor = window.agenda_tab.item_editor
    assert editor is not None and focused() is editor.title
    type_text("การจัดงาน วันเด็กแห่งชาติ\t")
    assert focused() is editor.presenter
    type_text("นายสมชาย ใจดี หัวหน้ากลุ่ม\t")
    assert focused() is editor.follow_up
    press(Qt.Key.Key_P, CTRL | ALT)  # a paragraph, the cursor in it
    type_text("ที่ประชุม มอบหมายให้ทุกหมู่บ้าน\nจัดกิจกรรมวันเด็ก")
    press(Qt.Key.Key_L, CTRL | ALT)  # a list after it
    type_text("จัดเตรียมสถานที่\nจัดหาของขวัญ ๒๐๐ ชิ้น")
    press(Qt.Key.Key_A, CTRL | ALT)
    type_text("กำหนดการ วันเด็ก ๒๕๖๘")
    click_into(qtbot, editor.resolution)
    type_text("รับทราบ และมอบหมาย")
    new = Item(
        "การจัดงาน วันเด็กแห่งชาติ",
        "นายสมชาย ใจดี หัวหน้ากลุ่ม",
        [
            Paragraph("ที่ประชุม มอบหมายให้ทุกหมู่บ้าน\nจัดกิจกรรมวันเด็ก"),
            BulletList(["จัดเตรียมสถานที่", "จัดหาของขวัญ ๒๐๐ ชิ้น"]),
            Attachment("กำหนดการ วันเด็ก ๒๕๖๘"),
        ],
        "รับทราบ และมอบหมาย",
    )
    expected.meeting.sections[6].items.append(new)
    holds(window, db_path, expected)
    assert model.data(tree.currentIndex()).startswith("๖.๒  การจัดงาน วันเด็กแห่งชาติ")
    paragraph = editor.block_widgets[0].field
    assert isinstance(paragraph, QPlainTextEdit)
    assert paragraph.toPlainText() == "ที่ประชุม มอบหมายให้ทุกหมู่บ้าน\nจัดกิจกรรมวันเด็ก"


def test_tab_in_a_paragraph_inserts_nothing_and_never_lands_on_a_button(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    item = item_with_table(window)
    editor = open_item(window, item)
    paragraph = editor.block_widgets[0].field
    click_into(qtbot, paragraph)
    before = copy.deepcopy(window.editor.document)
    press(Qt.Key.Key_Tab)
    assert not isinstance(focused(), QPushButton)
    type_text(" ")  # Space on a button would have moved or removed a block
    assert [type(b) for b in window.editor.document.meeting.sections[4].items[0].blocks] == [
        type(b) for b in before.meeting.sections[4].items[0].blocks
    ]
    assert "\t" not in paragraph.toPlainText()
    assert all(not b.hasFocus() for b in editor.findChildren(QPushButton))


def test_table_cells_typed_with_tab_and_enter(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    item = item_with_table(window)
    editor = open_item(window, item)
    table_widget = next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    table = table_widget.table
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, table_widget.view)
    table_widget.view.setCurrentIndex(table_widget.model.index(len(table.rows) - 1, 4))  # the last cell
    press(Qt.Key.Key_Tab)  # past the last cell: a new row, in its first cell
    index = table_widget.view.currentIndex()
    assert (index.row(), index.column()) == (5, 0)
    type_text("๖\tอำเภอเมือง พะเยา\t1,015,560\t4000\n")
    expected_table = expected.meeting.sections[4].items[0].blocks[1]
    assert isinstance(expected_table, Table)
    expected_table.rows.append(["๖", "อำเภอเมือง พะเยา", "1,015,560", "4000", ""])
    holds(window, db_path, expected)
    assert table.rows[0] == expected_table.rows[0]  # row 1 untouched
    click_into(qtbot, table_widget.title)
    type_text(" (ต่อ)")
    expected_table.title += " (ต่อ)"
    holds(window, db_path, expected)


def test_ctrl_z_in_a_field_brings_back_a_removed_paragraph(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    item = item_with_table(window)
    editor = open_item(window, item)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, editor.block_widgets[0].field)
    press(Qt.Key.Key_Delete, CTRL | SHIFT)  # the paragraph goes
    blocks_before = len(expected.meeting.sections[4].items[0].blocks)
    assert len(reopened(db_path).meeting.sections[4].items[0].blocks) == blocks_before - 1
    click_into(qtbot, editor.title)
    press(Qt.Key.Key_Z, CTRL)  # from the title field: the meeting's undo, not the field's
    holds(window, db_path, expected)
    type_text(" ก")
    press(Qt.Key.Key_Z, CTRL)
    press(Qt.Key.Key_Z, CTRL)
    holds(window, db_path, expected)
    assert editor.title.text() == expected.meeting.sections[4].items[0].title


def test_window_shortcuts_work_from_a_line_field(window: MainWindow, qtbot: QtBot) -> None:
    called: list[str] = []

    def export(dialog: object = None) -> list[Path]:
        called.append("export")
        return []

    window.export_documents = export  # type: ignore[method-assign]
    window.tabs.setCurrentWidget(window.header_tab)
    click_into(qtbot, window.header_tab.venue)
    press(Qt.Key.Key_E, CTRL)
    assert called == ["export"]
    press(Qt.Key.Key_F, CTRL)
    assert focused() is window.agenda_tab.find_field


# --- letter ------------------------------------------------------------------------------------


def test_letter_fields_keep_words_in_order(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    letter_tab = window.letter_tab
    window.tabs.setCurrentWidget(letter_tab)
    expected = copy.deepcopy(window.editor.document)
    letter = expected.letter or Letter()
    fields: list[tuple[QWidget, str, Callable[[Letter], None]]] = [
        (letter_tab.number, "พย ๐๐๑๙.๑/ว ๑๒๓", lambda v: setattr(v, "number", "พย ๐๐๑๙.๑/ว ๑๒๓")),
        (letter_tab.subject, "ขอส่ง รายงานการประชุม", lambda v: setattr(v, "subject", "ขอส่ง รายงานการประชุม")),
        (letter_tab.to, "พัฒนาการอำเภอ ทุกอำเภอ", lambda v: setattr(v, "to", "พัฒนาการอำเภอ ทุกอำเภอ")),
        (
            letter_tab.references,
            "หนังสือจังหวัด ที่ พย ๐๐๑๙/ว ๑\nหนังสือกรม ที่ มท ๐๔๐๑/ว ๒",
            lambda v: setattr(v, "references", ["หนังสือจังหวัด ที่ พย ๐๐๑๙/ว ๑", "หนังสือกรม ที่ มท ๐๔๐๑/ว ๒"]),
        ),
        (
            letter_tab.enclosures,
            "รายงานการประชุม จำนวน ๑ ชุด",
            lambda v: setattr(v, "enclosures", ["รายงานการประชุม จำนวน ๑ ชุด"]),
        ),
        (
            letter_tab.body,
            "ตามที่ได้มีการประชุม นั้น\nจึงเรียนมา เพื่อโปรดทราบ",
            lambda v: setattr(v, "body", ["ตามที่ได้มีการประชุม นั้น", "จึงเรียนมา เพื่อโปรดทราบ"]),
        ),
        (letter_tab.closing, "ขอแสดง ความนับถือ", lambda v: setattr(v, "closing", "ขอแสดง ความนับถือ")),
        (
            letter_tab.signer[0],
            "นายวีระพงษ์ คำแสน",
            lambda v: setattr(v, "signer", Person("นายวีระพงษ์ คำแสน", v.signer.position if v.signer else "")),
        ),
        (
            letter_tab.signer[1],
            "พัฒนาการจังหวัด พะเยา",
            lambda v: setattr(v, "signer", Person("นายวีระพงษ์ คำแสน", "พัฒนาการจังหวัด พะเยา")),
        ),
    ]
    for widget, text, apply in fields:
        click_into(qtbot, widget)
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        widget.selectAll()
        type_text(text)
        apply(letter)
        shown = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        assert shown == text
    expected.letter = letter
    holds(window, db_path, expected)


def test_the_letters_default_body_follows_the_meeting(window: MainWindow, qtbot: QtBot) -> None:
    window.editor.set_letter_field("body", [])
    window.tabs.setCurrentWidget(window.header_tab)
    click_into(qtbot, window.header_tab.venue)
    window.header_tab.venue.selectAll()
    type_text("หอประชุม อำเภอ")
    assert "ณ หอประชุม อำเภอ" in window.letter_tab.body.placeholderText()


# --- dialogs -----------------------------------------------------------------------------------


def test_office_dialog_typed_and_accepted(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    from ui.dialogs import OfficeDialog  # noqa: PLC0415

    dialog = OfficeDialog(window.editor.document.office, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for field, text in (
        (dialog.name, "สำนักงาน พัฒนาชุมชนจังหวัดพะเยา"),
        (dialog.doc_prefix, "พย ๐๐๑๙.๑"),
        (dialog.unit, "กลุ่มงาน ยุทธศาสตร์"),
        (dialog.phone, "๐ ๕๔๔๔ ๙๙๙๙"),
        (dialog.fax, "๐ ๕๔๔๔ ๙๙๙๘"),
        (dialog.email, "phayao@cdd.go.th"),
    ):
        click_into(qtbot, field)
        field.selectAll()
        type_text(text)
    for area, text in (
        (dialog.address, "ศาลากลางจังหวัด ชั้น ๒\nถนนพหลโยธิน พะเยา ๕๖๐๐๐"),
        (dialog.slogan, "ยึดมั่นธรรมาภิบาล\nบริการ ด้วยใจ"),
    ):
        click_into(qtbot, area)
        area.selectAll()
        type_text(text)
    buttons = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "ตกลง" in buttons and "ยกเลิก" in buttons and "OK" not in buttons
    window.edit_office(Accepting(dialog))
    office = reopened(db_path).office
    assert office is not None
    assert (office.name, office.doc_prefix, office.unit) == (
        "สำนักงาน พัฒนาชุมชนจังหวัดพะเยา",
        "พย ๐๐๑๙.๑",
        "กลุ่มงาน ยุทธศาสตร์",
    )
    assert (office.phone, office.fax, office.email) == ("๐ ๕๔๔๔ ๙๙๙๙", "๐ ๕๔๔๔ ๙๙๙๘", "phayao@cdd.go.th")
    assert office.slogan == ["ยึดมั่นธรรมาภิบาล", "บริการ ด้วยใจ"]
    assert office.address == ["ศาลากลางจังหวัด ชั้น ๒", "ถนนพหลโยธิน พะเยา ๕๖๐๐๐"]
    assert window.editor.document.office == office


def test_columns_dialog_typed_and_accepted(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    from ui.dialogs import ColumnsDialog  # noqa: PLC0415

    editor = open_item(window, item_with_table(window))
    table_widget = next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    dialog = ColumnsDialog(table_widget.table, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.add_column(_column())
    grid = dialog.grid
    click_into(qtbot, grid)
    grid.setCurrentCell(grid.rowCount() - 1, 0)
    press(Qt.Key.Key_F2)
    type_text("คงเหลือ ทั้งสิ้น")
    press(Qt.Key.Key_Return)
    grid.setCurrentCell(grid.rowCount() - 1, 3)
    press(Qt.Key.Key_F2)
    type_text("=C-D")
    press(Qt.Key.Key_Return)
    table_widget.edit_columns(Accepting(dialog))
    stored = reopened(db_path).meeting.sections[4].items[0].blocks[1]
    assert isinstance(stored, Table)
    assert (stored.columns[-1].title, stored.columns[-1].formula) == ("คงเหลือ ทั้งสิ้น", "=C-D")
    assert window.editor.document.meeting.sections[4].items[0].blocks[1] == stored


def _column() -> Column:
    return Column("")


# --- a refused write ---------------------------------------------------------------------------


def test_a_refused_write_is_said_and_memory_database_and_undo_agree(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    click_into(qtbot, header.venue)
    type_text(" ก")
    stored = copy.deepcopy(window.editor.document)
    steps = window.undo_stack.count()
    window.database.conn.execute("PRAGMA query_only = ON")  # SQLite now refuses every write
    type_text("ข")
    assert window.editor.document == stored  # memory still equals the database
    assert reopened(db_path) == stored
    assert window.undo_stack.count() == steps  # no half-done command
    assert window.session.failing
    assert "บันทึกการแก้ไขล่าสุดไม่สำเร็จ" in window.statusBar().currentMessage()
    assert "พิมพ์ก่อนหน้านี้บันทึกไว้ครบแล้ว" in window.statusBar().currentMessage()
    assert window.saved.text() == "บันทึกไม่สำเร็จ"
    window.database.conn.execute("PRAGMA query_only = OFF")
    type_text("ค")  # the next keystroke stores the whole field as shown
    assert reopened(db_path).meeting.venue == stored.meeting.venue + "ขค"
    assert not window.session.failing and window.saved.text().startswith("บันทึกแล้ว")


def test_a_refused_undo_keeps_the_stack_where_it_was(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    item = item_with_table(window)
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(item)
    window.delete_node(confirm=False)
    window.database.conn.execute("PRAGMA query_only = ON")
    window.undo()
    assert window.undo_stack.index() == 1 and window.session.failing
    window.database.conn.execute("PRAGMA query_only = OFF")
    window.undo()
    assert window.undo_stack.index() == 0
    assert reopened(db_path).meeting.sections[4].items[0].title == item.title


def test_block_keys_alt_arrows_move_the_block_being_typed(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    item = item_with_table(window)
    editor = open_item(window, item)
    first = item.blocks[0]
    click_into(qtbot, editor.block_widgets[0].field)
    press(Qt.Key.Key_Down, ALT)
    assert reopened(db_path).meeting.sections[4].items[0].blocks[1] == first
    assert isinstance(QApplication.focusWidget(), QPlainTextEdit)
    widget = next(w for w in editor.block_widgets if w.block is first)
    assert isinstance(widget, BlockWidget) and widget.field.hasFocus()


def test_roster_prefix_typed_after_shift_tab(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    roster = window.roster_tab
    window.tabs.setCurrentWidget(roster)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, roster.view)
    roster.select(5, 2)
    press(Qt.Key.Key_Backtab, SHIFT)  # back to the first name, then the prefix
    press(Qt.Key.Key_Backtab, SHIFT)
    assert roster.view.currentIndex().column() == 0
    press(Qt.Key.Key_F2)
    combo = focused()
    assert isinstance(combo, QComboBox) and combo.isEditable()  # a list of prefixes, or type one
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    type_text("ว่าที่ร้อยตรีหญิง\n")
    expected.meeting.attendees[5].prefix = "ว่าที่ร้อยตรีหญิง"
    holds(window, db_path, expected)


def test_letter_dates_and_distribution_list(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    letter_tab = window.letter_tab
    window.tabs.setCurrentWidget(letter_tab)
    expected = copy.deepcopy(window.editor.document)
    assert expected.letter is not None
    click_into(qtbot, letter_tab.date)
    letter_tab.date.selectAll()
    type_text("๑ พฤศจิกายน ๒๕๖๗\t")
    click_into(qtbot, letter_tab.certify_by)
    letter_tab.certify_by.selectAll()
    type_text("15/11/2567\t")
    assert focused() is letter_tab.recipients
    letter_tab.recipients.selectAll()
    type_text("พัฒนาการอำเภอ เมืองพะเยา\nพัฒนาการอำเภอ จุน")
    expected.letter.date, expected.letter.certify_by = dt.date(2024, 11, 1), dt.date(2024, 11, 15)
    names = ["พัฒนาการอำเภอ เมืองพะเยา", "พัฒนาการอำเภอ จุน"]
    assert [r.name for r in window.editor.document.letter.recipients] == names  # type: ignore[union-attr]
    expected.letter.recipients = copy.deepcopy(window.editor.document.letter.recipients)  # type: ignore[union-attr]
    holds(window, db_path, expected)
    assert letter_tab.recipients.toPlainText() == "\n".join(names)
    assert letter_tab.date.text() == "๑ พฤศจิกายน ๒๕๖๗"


def test_an_agenda_title_renamed_in_the_tree_with_f2(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    window.tabs.setCurrentWidget(window.agenda_tab)
    tree, model = window.agenda_tab.tree, window.agenda_tab.model
    assert model is not None
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, tree)
    tree.setCurrentIndex(model.index(0, 0, model.index(3, 0)))  # ๓.๑
    press(Qt.Key.Key_F2)
    widget = focused()
    assert isinstance(widget, QLineEdit)
    widget.selectAll()
    type_text("ผลการบันทึกข้อมูล จปฐ. ปี ๒๕๖๗\n")
    expected.meeting.sections[3].items[0].title = "ผลการบันทึกข้อมูล จปฐ. ปี ๒๕๖๗"
    holds(window, db_path, expected)
    assert model.data(tree.currentIndex()) == "๓.๑  ผลการบันทึกข้อมูล จปฐ. ปี ๒๕๖๗"
    editor = window.agenda_tab.item_editor
    assert editor is not None and editor.title.text() == "ผลการบันทึกข้อมูล จปฐ. ปี ๒๕๖๗"


def test_a_table_row_moves_with_alt_arrows(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    editor = open_item(window, item_with_table(window))
    table_widget = next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, table_widget.view)
    table_widget.view.setCurrentIndex(table_widget.model.index(0, 1))
    press(Qt.Key.Key_Down, ALT)
    table = expected.meeting.sections[4].items[0].blocks[1]
    assert isinstance(table, Table)
    table.rows.insert(1, table.rows.pop(0))
    holds(window, db_path, expected)
    assert table_widget.view.currentIndex().row() == 1


def test_dialog_buttons_speak_thai(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    from ui.dialogs import ask, ask_text, choose_path  # noqa: PLC0415

    seen: list[list[str]] = []

    def look_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        if box is None:  # not shown yet: look again
            QTimer.singleShot(10, look_and_cancel)
            return
        seen.append(sorted(b.text() for b in box.findChildren(QPushButton) if b.isVisible()))
        box.close()  # as Escape: cancelled

    QTimer.singleShot(0, look_and_cancel)
    assert ask(None, "ลบเรื่อง", "ลบเรื่องนี้?", "ลบ", "ไม่ลบ") is False
    QTimer.singleShot(0, look_and_cancel)
    assert ask_text(None, "แก้ไขหลังรับรอง", "ผู้แก้ไข") is None
    QTimer.singleShot(0, look_and_cancel)
    assert choose_path(None, "นำเข้าไฟล์การประชุม", "open", "ไฟล์การประชุม (*.json)") is None
    assert seen == [["ลบ", "ไม่ลบ"], ["ตกลง", "ยกเลิก"], ["ยกเลิก", "เปิด"]]


# --- presenter lines ---------------------------------------------------------------------------


def open_section(window: MainWindow, section: Section) -> ItemEditor:
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(section)
    editor = window.agenda_tab.item_editor
    assert editor is not None and editor.node is section
    return editor


def printed_presenter_lines(window: MainWindow) -> list[str]:
    body = compose_minutes(window.editor.document, DEFAULT_LAYOUT).body
    return [e.text for e in body if isinstance(e, Para) and e.role == "presenter"]


def test_a_sections_presenter_wording_typed_then_shown_under_its_item(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    section = window.editor.document.meeting.sections[5]  # ระเบียบวาระที่ ๕ เรื่องเพื่อพิจารณา
    item = section.items[0]
    expected = copy.deepcopy(window.editor.document)
    derived_line = f"{item.presenter} เสนอที่ประชุมพิจารณา จำนวน ๑ เรื่อง ดังนี้"
    item_editor = open_item(window, item)
    assert item_editor.presenter_line is not None and item_editor.presenter_line.text() == derived_line
    assert derived_line in printed_presenter_lines(window)

    editor = open_section(window, section)
    wording = editor.presenter_wording
    assert wording is not None and wording.text() == ""
    assert "เสนอที่ประชุมพิจารณา" in wording.placeholderText()
    click_into(qtbot, wording)
    type_text("ขอเสนอ ที่ประชุม เพื่อโปรดพิจารณา\t")
    assert focused() is not wording and editor.isAncestorOf(focused())  # Tab went on to the next field
    assert wording.text() == "ขอเสนอ ที่ประชุม เพื่อโปรดพิจารณา"
    expected.meeting.sections[5].presenter_wording = "ขอเสนอ ที่ประชุม เพื่อโปรดพิจารณา"
    holds(window, db_path, expected)

    new_line = f"{item.presenter} ขอเสนอ ที่ประชุม เพื่อโปรดพิจารณา จำนวน ๑ เรื่อง ดังนี้"
    item_editor = open_item(window, item)
    assert item_editor.presenter_line is not None and item_editor.presenter_line.text() == new_line
    assert new_line in printed_presenter_lines(window)  # exactly what the documents print

    click_into(qtbot, item_editor.title)
    while window.undo_stack.index() > 0:
        press(Qt.Key.Key_Z, CTRL)  # the meeting's undo, word by word
    expected.meeting.sections[5].presenter_wording = ""
    holds(window, db_path, expected)
    assert item_editor.presenter_line.text() == derived_line


def test_the_presenter_line_follows_the_presenter_as_it_is_typed(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    items = window.editor.document.meeting.sections[4].items  # ๔.๒ and ๔.๓: the same presenter
    editor = open_item(window, items[2])
    assert editor.presenter is not None and editor.presenter_line is not None
    run_line = f"{items[1].presenter} แจ้งให้ที่ประชุมทราบ จำนวน ๒ เรื่อง ดังนี้"
    assert editor.presenter_line.text().split("\n") == [
        run_line,
        "(พิมพ์ครั้งเดียวเหนือเรื่อง ๔.๒ ซึ่งเป็นเรื่องแรกของผู้รายงานคนนี้)",
    ]
    click_into(qtbot, editor.presenter)
    editor.presenter.selectAll()
    type_text("นายมานะ")
    assert editor.presenter_line.text() == "นายมานะ แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้"
    type_text(" ขยัน นักวิชาการ 2")
    line = "นายมานะ ขยัน นักวิชาการ ๒ แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้"
    assert editor.presenter_line.text() == line
    assert reopened(db_path).meeting.sections[4].items[2].presenter == "นายมานะ ขยัน นักวิชาการ 2"
    printed = printed_presenter_lines(window)
    assert line in printed and f"{items[1].presenter} แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้" in printed
    click_into(qtbot, editor.presenter)
    editor.presenter.selectAll()
    press(Qt.Key.Key_Delete)
    assert editor.presenter_line.text() == "ไม่มีบรรทัดผู้รายงาน (ยังไม่ได้ใส่ผู้รายงาน)"


# --- dates, times and numbers are kept as they are typed ----------------------------------------


def test_dates_times_and_numbers_store_as_typed_and_a_half_typed_one_is_kept(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    """A whole date, time or year is stored at its last keystroke, before the field is left; what
    does not read yet stays as typed (a draft), marked, and comes back when the meeting is
    opened again."""
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    expected = copy.deepcopy(window.editor.document)
    meeting_id = window.editor.meeting_id

    click_into(qtbot, header.date)
    header.date.selectAll()
    type_text("15/09/2565")
    expected.meeting.date = dt.date(2022, 9, 15)
    assert focused() is header.date  # still in the field: stored all the same
    holds(window, db_path, expected)

    press(Qt.Key.Key_Tab)
    assert focused() is header.start
    header.start.selectAll()
    type_text("13.3")  # half typed: not a time yet
    holds(window, db_path, expected)
    type_text("0")
    expected.meeting.start = dt.time(13, 30)
    holds(window, db_path, expected)

    click_into(qtbot, header.year)
    header.year.selectAll()
    type_text("256")  # a year of three digits is no year yet
    holds(window, db_path, expected)
    click_into(qtbot, header.end)
    header.end.selectAll()
    type_text("16 นาฬิกา\t")  # never reads as a time
    assert header.end.styleSheet() and header.end.text() == "16 นาฬิกา"
    holds(window, db_path, expected)

    window.open_meeting(meeting_id)  # the meeting opened again, from the database
    assert header.year.text() == "256" and header.year.styleSheet()
    assert header.end.text() == "16 นาฬิกา" and header.end.styleSheet()
    assert header.date.text() == "วันพฤหัสบดีที่ ๑๕ กันยายน ๒๕๖๕" and not header.date.styleSheet()

    click_into(qtbot, header.year)
    header.year.selectAll()
    type_text("2568\t")
    expected.meeting.year = 2568
    holds(window, db_path, expected)
    window.open_meeting(meeting_id)
    assert header.year.text() == "๒๕๖๘" and not header.year.styleSheet()


def test_a_meeting_number_or_year_out_of_range_is_kept_as_a_draft_not_stored(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    expected = copy.deepcopy(window.editor.document)
    click_into(qtbot, header.seq)
    header.seq.selectAll()
    type_text("99999999999999999999\t")  # a 20-digit number: SQLite could not even hold it
    click_into(qtbot, header.year)
    header.year.selectAll()
    type_text("9999\t")
    click_into(qtbot, header.date)
    header.date.selectAll()
    type_text("1/1/9999\t")
    expected.meeting.seq = 999  # the last number typed on the way that a meeting may have
    holds(window, db_path, expected)
    for field in (header.seq, header.year, header.date):
        assert field.styleSheet()  # marked: it does not read
    window.open_meeting(window.editor.meeting_id)
    assert (header.seq.text(), header.year.text()) == ("99999999999999999999", "9999")
    assert header.date.text() == "1/1/9999" and header.date.styleSheet()
