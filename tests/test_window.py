"""The window driven as a clerk would: keyboard, typing Thai, pasting, undo, reopening."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from models.meeting import AttendeeStatus, Column, Item, MeetingDocument, Paragraph, Section
from models.storage import Database
from tests.conftest import reopened
from ui.app import create_window
from ui.main_window import MainWindow


def type_thai(widget: QWidget, text: str) -> None:
    """Type as a Thai keyboard does: key events that carry the character. (QTest.keyClicks maps
    every character to an ASCII key and aborts on Thai.)"""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def test_the_agenda_model_is_a_valid_item_model(window: MainWindow) -> None:
    model = window.agenda_tab.model
    assert model is not None
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.data(model.index(0, 0, model.index(4, 0))).startswith("๔.๑")


def test_typing_the_title_is_stored_at_once(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    window.tabs.setCurrentWidget(window.header_tab)
    title = window.header_tab.title
    title.clear()
    type_thai(title, "การประชุมคณะทำงานผู้ใหญ่บ้าน")
    assert reopened(db_path).meeting.title == "การประชุมคณะทำงานผู้ใหญ่บ้าน"
    assert window.undo_stack.count() >= 1


def test_adding_items_by_keyboard_and_typing_a_paragraph(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    window.tabs.setCurrentWidget(window.agenda_tab)
    tree, model = window.agenda_tab.tree, window.agenda_tab.model
    assert model is not None
    tree.setFocus()
    tree.setCurrentIndex(model.index(6, 0))  # ระเบียบวาระที่ ๖
    QTest.keyClick(tree, Qt.Key.Key_Return)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    type_thai(editor.title, "เรื่องการจัดงานวันเด็ก")
    editor.add_block(Paragraph(""))
    paragraph = window.agenda_tab.item_editor.block_widgets[-1].field  # type: ignore[union-attr]
    type_thai(paragraph, "ที่ประชุมมอบหมายให้ผู้ใหญ่บ้านทุกหมู่ดำเนินการ")
    section = reopened(db_path).meeting.sections[6]
    assert [i.title for i in section.items][-1] == "เรื่องการจัดงานวันเด็ก"
    assert section.items[-1].blocks == [Paragraph("ที่ประชุมมอบหมายให้ผู้ใหญ่บ้านทุกหมู่ดำเนินการ")]
    assert model.data(window.agenda_tab.tree.currentIndex()).startswith("๖.๒")

    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Tab)  # indent under ๖.๑
    assert window.editor.document.meeting.sections[6].items[0].items[-1].title == "เรื่องการจัดงานวันเด็ก"
    assert reopened(db_path).meeting.sections[6].items[0].items[-1].title == "เรื่องการจัดงานวันเด็ก"


def test_undo_and_redo_of_typing_and_of_structure(window: MainWindow, qtbot: QtBot, db_path: Path) -> None:
    before = copy.deepcopy(window.editor.document)
    title = window.header_tab.title
    type_thai(title, " (ต่อ)")
    window.agenda_tab.select(window.editor.document.meeting.sections[1].items[0])
    window.delete_node(confirm=False)
    assert reopened(db_path) != before
    window.undo()  # the deletion
    window.undo()  # the typing of the word "(ต่อ)": one step
    assert reopened(db_path).meeting.title == before.meeting.title + " "  # a step for each word
    window.undo()
    assert reopened(db_path) == before
    assert window.header_tab.title.text() == before.meeting.title
    window.redo()
    window.redo()
    assert reopened(db_path).meeting.title.endswith("(ต่อ)")


def test_pasting_a_roster_from_a_spreadsheet(window: MainWindow, db_path: Path) -> None:
    roster = window.roster_tab
    roster.select(0, 1)
    roster.paste("นางสาวสมใจ ใจดี\tนักวิชาการ\n2\tนาย\tมานะ\tขยัน\tเจ้าหน้าที่\tไม่มา\tลาป่วย\n")
    attendees = reopened(db_path).meeting.attendees
    assert [(a.prefix, a.first, a.last) for a in attendees[1:3]] == [
        ("นางสาว", "สมใจ", "ใจดี"),
        ("นาย", "มานะ", "ขยัน"),
    ]
    assert attendees[2].status is AttendeeStatus.ABSENT
    assert "มาประชุม ๑๙ คน" in roster.counts.text()
    window.undo_stack.undo()
    assert len(reopened(db_path).meeting.attendees) == 20


def test_pasting_a_block_into_a_table_grows_it(window: MainWindow, db_path: Path) -> None:
    item = window.editor.document.meeting.sections[4].items[0]
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    table_widget = next(w.field for w in editor.block_widgets if w.field.__class__.__name__ == "TableEditor")
    table_widget.view.setCurrentIndex(table_widget.model.index(4, 0))
    table_widget.paste("๕\tงบดำเนินงาน\t๔๐๐,๐๐๐.๐๐\t๓๙๙,๐๐๐.๐๐\n๖\tงบลงทุน\t๑๐,๐๐๐\t-\n")
    rows = reopened(db_path).meeting.sections[4].items[0].blocks[1].rows  # type: ignore[union-attr]
    assert len(rows) == 6
    assert rows[5][:4] == ["๖", "งบลงทุน", "๑๐,๐๐๐", "-"]
    assert table_widget.model.data(table_widget.model.index(6, 2)) == "๑,๑๐๐,๙๐๐.๐๐"


def test_moving_items_with_alt_arrows(window: MainWindow, db_path: Path) -> None:
    section = window.editor.document.meeting.sections[4]
    first, second = section.items[0], section.items[1]
    window.agenda_tab.select(second)
    window.move_node(-1)
    assert [i.title for i in reopened(db_path).meeting.sections[4].items][:2] == [second.title, first.title]


def test_new_meeting_has_the_six_standard_sections(window: MainWindow, db_path: Path) -> None:
    window.new_meeting()
    sections = window.editor.document.meeting.sections
    assert next(s.title for s in sections if s.is_agenda) == "เรื่องที่ประธานแจ้งให้ทราบ"
    assert len([s for s in sections if isinstance(s, Section) and s.is_agenda]) == 6
    with Database.open(db_path, backup=False) as database:
        assert database.meeting_count() == 2


def test_export_from_the_window_writes_what_is_chosen(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    window.quiet = True  # type: ignore[attr-defined]
    dialog = ExportDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    written = window.export_documents(Accepting(dialog))
    assert sorted(p.name for p in written) == ["letter.docx", "letter.pdf", "minutes.docx", "minutes.pdf"]
    dialog.boxes[("letter", "docx")].setChecked(False)
    dialog.boxes[("minutes", "docx")].setChecked(False)
    asked = answer_next_box("แทนที่")
    assert [p.name for p in window.export_documents(Accepting(dialog))] == ["minutes.pdf", "letter.pdf"]
    assert len(asked) == 1 and "minutes.pdf" in asked[0] and "letter.pdf" in asked[0]
    assert window.settings.value("export_jobs") == ["minutes.pdf", "letter.pdf"]


def answer_next_box(button: str) -> list[str]:
    """Click `button` on the next modal message box; its text is appended to the list returned."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    seen: list[str] = []
    give_up = time.monotonic() + 30

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if time.monotonic() < give_up:
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    return seen


def test_export_names_files_after_the_meeting_and_asks_before_replacing(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    from exporters import NameStyle  # noqa: PLC0415
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    window.quiet = True  # type: ignore[attr-defined]
    meeting = window.editor.document.meeting
    meeting.seq, meeting.year = 8, 2566
    folder = tmp_path / "exported"
    folder.mkdir()
    dialog = ExportDialog(str(folder), [("minutes", "pdf"), ("letter", "docx")], window, meeting)
    qtbot.addWidget(dialog)
    assert "รายงานการประชุม-๘-๒๕๖๖.pdf" in dialog.names.text()
    written = window.export_documents(Accepting(dialog))
    assert [p.name for p in written] == ["รายงานการประชุม-๘-๒๕๖๖.pdf", "หนังสือนำส่ง-๘-๒๕๖๖.docx"]
    before = {p: p.read_bytes() for p in written}

    asked = answer_next_box("ไม่แทนที่")  # the clerk keeps the files already there
    assert window.export_documents(Accepting(dialog)) == []
    assert "รายงานการประชุม-๘-๒๕๖๖.pdf" in asked[0] and "หนังสือนำส่ง-๘-๒๕๖๖.docx" in asked[0]
    assert {p: p.read_bytes() for p in written} == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)

    dialog.naming.setCurrentIndex(dialog.naming.findData(NameStyle.ASCII.value))
    assert [p.name for p in window.export_documents(Accepting(dialog))] == [
        "minutes-8-2566.pdf",
        "letter-8-2566.docx",
    ]
    dialog.naming.setCurrentIndex(dialog.naming.findData(NameStyle.ARABIC.value))
    assert window.export_documents(Accepting(dialog))[0].name == "รายงานการประชุม-8-2566.pdf"
    assert window.settings.value("export_names") == "arabic"


def test_the_export_dialog_is_filled_in_from_the_keyboard(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Ctrl+E from the title field; Tab past the documents to the folder, type a Thai folder
    name with spaces, Tab to ชื่อไฟล์, ↓ for Arabic digits, Enter: the files are written there."""
    from exporters import NameStyle, meeting_file_name  # noqa: PLC0415
    from tests.keyboard import press, type_text  # noqa: PLC0415
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    folder = tmp_path / "รายงาน ปี ๒๕๖๗"
    folder.mkdir()
    window.settings.setValue("export_jobs", ["minutes.pdf", "letter.docx"])
    window.tabs.setCurrentIndex(0)
    window.header_tab.title.setFocus()
    qtbot.waitUntil(window.header_tab.title.hasFocus)
    before = copy.deepcopy(window.editor.document)
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog) or not dialog.isActiveWindow():
            QTimer.singleShot(20, fill)
            return
        for _ in ExportDialog.CHOICES:
            press(Qt.Key.Key_Tab)
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(str(folder))
        press(Qt.Key.Key_Tab)  # the folder chooser's button
        press(Qt.Key.Key_Tab)  # ชื่อไฟล์
        press(Qt.Key.Key_Down)
        seen.append(dialog.names.text())
        press(Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    QTest.keyClick(window.header_tab.title, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    meeting = window.editor.document.meeting
    names = [
        meeting_file_name(meeting, *job, NameStyle.ARABIC) for job in (("minutes", "pdf"), ("letter", "docx"))
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert seen == ["จะบันทึกเป็น: " + ", ".join(names)]
    assert window.settings.value("export_names") == "arabic"
    assert window.settings.value("export_folder") == str(folder)
    assert window.editor.document == before  # exporting changed nothing in the meeting


def test_the_export_folder_is_remembered_per_meeting_series(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    window.quiet = True  # type: ignore[attr-defined]
    shown: list[str] = []

    class Refused:  # records the folder the dialog would open in, and is cancelled
        DialogCode = ExportDialog.DialogCode

        def __init__(self, folder: str, *args: object) -> None:
            shown.append(folder)

        def exec(self) -> int:
            return 0

    meeting = window.editor.document.meeting
    monthly, other = tmp_path / "monthly", tmp_path / "committee"
    monthly.mkdir()
    other.mkdir()
    dialog = ExportDialog(str(monthly), [("minutes", "pdf")], window, meeting)
    qtbot.addWidget(dialog)
    first_title = meeting.title
    window.export_documents(Accepting(dialog))  # this series goes to `monthly`
    meeting.title = "การประชุมคณะกรรมการอื่น"  # another series, exported elsewhere
    dialog.folder.setText(str(other))
    window.export_documents(Accepting(dialog))
    monkeypatch.setattr("ui.dialogs.ExportDialog", Refused)
    for title in (first_title, "การประชุมคณะกรรมการอื่น", "การประชุมที่ยังไม่เคยส่งออก"):
        meeting.title = title
        window.export_documents()
    assert shown == [str(monthly), str(other), str(other)]  # a new series: the last folder used


def test_items_keep_their_content_when_the_tree_changes(window: MainWindow) -> None:
    node = window.editor.document.meeting.sections[3].items[0]
    assert isinstance(node, Item)
    window.agenda_tab.select(node)
    window.add_sibling()
    window.undo_stack.undo()
    assert window.agenda_tab.current_node() is node or window.agenda_tab.current_node() is not None


class Accepting:
    """A dialog stand-in that the clerk has filled in and accepted."""

    def __init__(self, dialog: object) -> None:
        self.dialog = dialog

    def exec(self) -> int:
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        return QDialog.DialogCode.Accepted.value

    def __getattr__(self, name: str) -> object:
        return getattr(self.dialog, name)


def test_a_column_added_with_a_formula_and_undone(window: MainWindow, db_path: Path, qtbot: QtBot) -> None:
    from ui.agenda import TableEditor  # noqa: PLC0415
    from ui.dialogs import ColumnsDialog  # noqa: PLC0415

    window.agenda_tab.select(window.editor.document.meeting.sections[4].items[0])
    editor = window.agenda_tab.item_editor
    assert editor is not None
    table_widget = next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    dialog = ColumnsDialog(table_widget.table)
    qtbot.addWidget(dialog)
    dialog.add_column(Column("คงเหลือ", formula="=C-D"))
    table_widget.edit_columns(Accepting(dialog))
    table = reopened(db_path).meeting.sections[4].items[0].blocks[1]
    assert [c.title for c in table.columns][-1] == "คงเหลือ"  # type: ignore[union-attr]
    assert table_widget.model.data(table_widget.model.index(0, 5)) == "๐.๐๐"
    window.undo_stack.undo()
    assert len(reopened(db_path).meeting.sections[4].items[0].blocks[1].columns) == 5  # type: ignore[union-attr]


def test_the_office_profile_and_garuda_from_the_window(
    window: MainWindow, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    import io  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    from ui.dialogs import OfficeDialog  # noqa: PLC0415

    picture = tmp_path / "garuda.png"
    buffer = io.BytesIO()
    Image.new("RGB", (90, 100), "black").save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())
    dialog = OfficeDialog(window.editor.document.office)
    qtbot.addWidget(dialog)
    dialog.load_garuda(picture)
    dialog.phone.setText("๐ ๕๔๔๔ ๑๒๓๔")
    window.edit_office(Accepting(dialog))
    office = reopened(db_path).office
    assert office is not None and office.phone == "๐ ๕๔๔๔ ๑๒๓๔" and office.garuda == picture.read_bytes()
    window.undo_stack.undo()
    office = reopened(db_path).office
    assert office is not None and office.garuda is None


def test_the_distribution_list_keeps_answers_of_names_kept(window: MainWindow, db_path: Path) -> None:
    from models.meeting import RecipientStatus  # noqa: PLC0415

    letter = window.editor.document.letter
    assert letter is not None
    window.editor.database.update_recipient(letter.recipients[0].id or 0, status="certified")
    window.open_meeting(window.editor.meeting_id)
    window.letter_tab.recipients.setPlainText("พัฒนาการอำเภอเมืองพะเยา\nพัฒนาการอำเภอใหม่")
    recipients = reopened(db_path).letter.recipients  # type: ignore[union-attr]
    assert [(r.name, r.status) for r in recipients] == [
        ("พัฒนาการอำเภอเมืองพะเยา", RecipientStatus.CERTIFIED),
        ("พัฒนาการอำเภอใหม่", RecipientStatus.PENDING),
    ]


def test_find_in_the_meeting_goes_from_place_to_place(window: MainWindow) -> None:
    window.find_in_meeting()
    window.agenda_tab.find_field.setText("๓๘,๔๐๐")
    first = window.agenda_tab.find_next()
    assert first is not None and window.agenda_tab.current_node() is first
    assert first.title.startswith("ผลการเบิกจ่ายงบประมาณ")
    window.agenda_tab.find_field.setText("OTOP")
    places = [window.agenda_tab.find_next() for _ in range(4)]
    assert places[0] is not places[1] and places[:2] == places[2:]  # two items mention it; Enter cycles
    window.agenda_tab.find_field.setText("ไม่มีคำนี้ในการประชุม")
    assert window.agenda_tab.find_next() is None and window.agenda_tab.found.text() == "ไม่พบ"


def test_drag_and_drop_moves_an_item_and_refuses_moving_into_itself(
    window: MainWindow, db_path: Path
) -> None:
    from PySide6.QtCore import QModelIndex  # noqa: PLC0415

    model = window.agenda_tab.model
    assert model is not None
    section_four = model.index(4, 0)
    dragged = model.index(2, 0, section_four)  # ๔.๓
    title = model.node(dragged).title  # type: ignore[union-attr]
    model.dropMimeData(model.mimeData([dragged]), Qt.DropAction.MoveAction, 0, 0, model.index(6, 0))
    assert reopened(db_path).meeting.sections[6].items[0].title == title
    window.undo_stack.undo()
    assert reopened(db_path).meeting.sections[4].items[2].title == title

    parent = model.index(0, 0, model.index(1, 0))  # ๑.๑, which has sub-items
    child = model.index(1, 0, parent)
    before = reopened(db_path)
    model.dropMimeData(model.mimeData([parent]), Qt.DropAction.MoveAction, 0, 0, child)
    model.dropMimeData(
        model.mimeData([model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0, parent
    )  # a section
    model.dropMimeData(model.mimeData([parent]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # item to top
    assert reopened(db_path) == before


def test_removing_a_table_row_and_undoing_it(window: MainWindow, db_path: Path) -> None:
    from ui.agenda import TableEditor  # noqa: PLC0415

    window.agenda_tab.select(window.editor.document.meeting.sections[4].items[0])
    editor = window.agenda_tab.item_editor
    assert editor is not None
    table_widget = next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    table_widget.view.setCurrentIndex(table_widget.model.index(1, 1))
    table_widget.remove_row()
    rows = reopened(db_path).meeting.sections[4].items[0].blocks[1].rows  # type: ignore[union-attr]
    assert [row[1][:12] for row in rows] == ["โครงการพัฒนา", "โครงการขับเค", "ค่าจ้างอาสาส", "งบดำเนินงานส"]
    window.undo_stack.undo()
    assert len(reopened(db_path).meeting.sections[4].items[0].blocks[1].rows) == 5  # type: ignore[union-attr]


def test_the_calendar_shows_buddhist_years_and_sets_the_date(window: MainWindow, db_path: Path) -> None:
    import datetime as dt  # noqa: PLC0415

    from PySide6.QtCore import QDate  # noqa: PLC0415

    field = window.header_tab.date
    field.open_calendar()
    popup = field.popup
    assert popup is not None
    assert popup.year.value() == 2567 and popup.month.currentText() == "ตุลาคม"
    popup.year.setValue(2568)
    assert popup.calendar.yearShown() == 2025
    popup.calendar.clicked.emit(QDate(2025, 10, 30))
    assert reopened(db_path).meeting.date == dt.date(2025, 10, 30)
    assert field.text() == "วันพฤหัสบดีที่ ๓๐ ตุลาคม ๒๕๖๘"


def test_blocks_reorder_and_the_roster_offers_choices(window: MainWindow, db_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox  # noqa: PLC0415

    item = window.editor.document.meeting.sections[4].items[0]
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    first_kind = type(item.blocks[0])
    editor.block_widgets[0].move_by(1)
    assert type(reopened(db_path).meeting.sections[4].items[0].blocks[1]) is first_kind
    window.undo_stack.undo()
    assert reopened(db_path).meeting.sections[4].items[0].blocks[0] == item.blocks[0]

    roster = window.roster_tab
    model = roster.model
    assert model is not None
    status = model.index(0, 4)
    delegate = roster.view.sheet_delegate
    combo = delegate.createEditor(roster.view, None, status)
    assert isinstance(combo, QComboBox) and combo.count() == 3 and not combo.isEditable()
    combo.setCurrentText("ไม่มาประชุม")
    delegate.setModelData(combo, model, status)
    combo.deleteLater()
    assert reopened(db_path).meeting.attendees[0].status is AttendeeStatus.ABSENT


def test_a_section_added_by_keyboard_is_numbered(window: MainWindow, db_path: Path) -> None:
    window.agenda_tab.select(window.editor.document.meeting.sections[5])
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Alt+N")
    action.trigger()
    editor = window.agenda_tab.item_editor
    assert editor is not None
    type_thai(editor.title, "เรื่องเร่งด่วน")
    meeting = reopened(db_path).meeting
    titles = [(meeting.section_number(s), s.title) for s in meeting.sections]
    assert titles[6] == (6, "เรื่องเร่งด่วน") and titles[7][0] == 7
    model = window.agenda_tab.model
    assert model is not None and model.data(model.index(6, 0)) == "ระเบียบวาระที่ ๖  เรื่องเร่งด่วน"


def test_the_last_meeting_and_window_state_are_remembered(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.new_meeting()
    new_id = window.editor.meeting_id
    window.splitter.setSizes([333, 1033])
    window.close()
    again = create_window(window.database)
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    assert again.editor.meeting_id == new_id
    assert again.splitter.sizes()[0] == 333
    assert Path(again.settings.fileName()).is_relative_to(tmp_path)  # never the user's own settings


def test_the_checks_panel_goes_to_the_place_and_accepts_words(window: MainWindow, qtbot: QtBot) -> None:
    item = window.editor.document.meeting.sections[4].items[0]
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.add_block(Paragraph(""))
    type_thai(editor.block_widgets[-1].field, "รวมเป็นเงิน ๕๐๐ บาท (หกร้อยบาทถ้วน)")
    with qtbot.waitSignal(window.checks.shown):
        window.run_checks()
    assert window.checks_dock.isVisible() or window.checks_dock.isVisibleTo(window)
    findings = window.checks.findings
    wrong = next(i for i, f in enumerate(findings) if "หกร้อย" in f.message)
    window.tabs.setCurrentWidget(window.header_tab)
    window.checks.list.setCurrentRow(wrong)
    window.checks._activated(window.checks.list.currentItem())
    assert window.tabs.currentWidget() is window.agenda_tab
    assert window.agenda_tab.current_node() is item
    word_row = next(i for i, f in enumerate(findings) if "จปฐ" in f.message)
    window.checks.list.setCurrentRow(word_row)
    with qtbot.waitSignal(window.checks.shown):
        window.checks.accept_current_word()
    assert not any("จปฐ" in f.message for f in window.checks.findings)


def test_the_next_meeting_from_the_window_carries_follow_ups(window: MainWindow, db_path: Path) -> None:
    item = window.editor.document.meeting.sections[4].items[1]
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.follow_up.setChecked(True)
    window.next_meeting()
    meeting = window.editor.document.meeting
    assert (meeting.seq, meeting.year) == (11, 2567)
    assert [i.title for i in meeting.sections[3].items] == [item.title]
    with Database.open(db_path, backup=False) as database:
        assert database.meeting_count() == 2


def test_the_next_meeting_asks_once_a_series_whether_guests_stay(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Shift+M on a meeting with a guest: the clerk is asked once for the series (the box
    answered from the keyboard: Escape is "no"); the next meeting has no guest, and the one
    after it is made without asking again."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    window.quiet = False  # type: ignore[attr-defined]  # the clerk at the window is asked
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(20, answer)
    window.header_tab.title.setFocus()
    QTest.keyClick(
        window.header_tab.title,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(asked) == 1 and "ผู้เข้าร่วมประชุม" in asked[0]
    meeting = window.editor.document.meeting
    assert meeting.seq == 11 and meeting.attendees_with(AttendeeStatus.GUEST) == []
    guest = copy.deepcopy(meeting.attendees[0])
    guest.status, guest.first, guest.id = AttendeeStatus.GUEST, "แขกใหม่", None
    window.editor.insert_attendee(len(meeting.attendees), guest)  # a guest again this time
    window.next_meeting()  # no box: the answer is the series'
    assert len(asked) == 1
    assert window.editor.document.meeting.attendees_with(AttendeeStatus.GUEST) == []


def test_search_in_all_meetings_opens_the_place(window: MainWindow) -> None:
    window.new_meeting()
    window.filter.setText("ครัวเรือน")
    hits = window.search_all()
    assert hits and window.hits.count() == len(hits)
    target = next(i for i, h in enumerate(hits) if h.place == "วาระ ๓.๑")
    window._hit_chosen(window.hits.item(target))
    assert window.editor.meeting_id == hits[target].meeting_id
    node = window.agenda_tab.current_node()
    assert node is not None and node.title.startswith("ผลการบันทึกข้อมูลความจำเป็นพื้นฐาน")


def test_certified_minutes_refuse_edits_in_the_window_until_an_amendment(
    window: MainWindow, db_path: Path
) -> None:
    import datetime as dt  # noqa: PLC0415

    window.editor.certify(dt.date(2024, 11, 16))
    window.open_meeting(window.editor.meeting_id)
    assert "รับรองแล้ว" in window.windowTitle()
    title = window.header_tab.title
    type_thai(title, "ก")
    assert reopened(db_path).meeting.title == window.editor.document.meeting.title
    assert title.text() == window.editor.document.meeting.title  # the view shows what is stored
    assert "รับรองแล้ว" in window.statusBar().currentMessage()

    window.begin_amendment("นางบุษบา ยอดดี", "มติที่ประชุมครั้งที่ ๑๑/๒๕๖๗")
    type_thai(title, " (แก้ไข)")
    window.end_amendment()
    assert reopened(db_path).meeting.title.endswith("(แก้ไข)")
    with Database.open(db_path, backup=False) as database:
        amendments = database.amendments(window.editor.meeting_id)
    assert amendments and amendments[0].who == "นางบุษบา ยอดดี"


def test_the_agenda_template_is_editable_and_used(window: MainWindow) -> None:
    window.edit_template("ประธานแจ้ง\nรับรองรายงาน\nสืบเนื่อง\nเพื่อทราบ\nเพื่อพิจารณา\nอื่น ๆ\nนัดหมายครั้งต่อไป")
    window.new_meeting()
    assert [s.title for s in window.editor.document.meeting.sections][-1] == "นัดหมายครั้งต่อไป"
    window.next_meeting()
    sections = window.editor.document.meeting.sections
    assert len(sections) == 8 and sections[2].title.startswith("รับรองรายงานการประชุมครั้งที่")


def test_the_first_keys_after_start_go_into_the_open_meeting(qtbot: QtBot, window: MainWindow) -> None:
    """Started, the window's keyboard is in the meeting's title, not the meetings filter: the
    first words typed land in the meeting and the list of meetings stays whole."""
    from tests.keyboard import type_text  # noqa: PLC0415

    meetings = window.meetings.topLevelItemCount()
    title = window.header_tab.title
    assert QApplication.focusWidget() is title
    title.setCursorPosition(len(title.text()))
    before = title.text()
    type_text(" ครั้งที่ ๒")
    assert title.text() == before + " ครั้งที่ ๒"
    assert window.filter.text() == "" and window.meetings.topLevelItemCount() == meetings


def test_the_window_first_fits_the_screen_then_opens_as_it_was_left(
    qtbot: QtBot, db_path: Path, demo: MeetingDocument
) -> None:
    """(Issue 14.) The first start fits the screen's free area with its title bar; later starts
    restore the size the clerk left (a resize after restoring used to undo it)."""
    from ui.app import run  # noqa: PLC0415

    with Database.open(db_path) as database:
        database.add_document(copy.deepcopy(demo))
    sizes: list[tuple[int, int]] = []
    least: list[tuple[int, int]] = []

    def look_then_resize(wanted: tuple[int, int] | None) -> None:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        sizes.append((window.width(), window.height()))
        hint = window.minimumSizeHint()
        least.append((hint.width(), hint.height()))
        if wanted is not None:
            window.resize(window.width(), wanted[1])  # (this test's screen leaves no room for a wider one)
        window.close()

    free = QApplication.primaryScreen().availableGeometry()
    for wanted in ((0, 500), None):
        QTimer.singleShot(300, lambda wanted=wanted: look_then_resize(wanted))
        run(db_path)
    first, second = sizes
    fitting = (min(1366, free.width()), min(768, free.height()) - 40)  # the screen's free area
    # (this test's screen is smaller than a laptop's; there the window's least size wins)
    assert first == (max(fitting[0], least[0][0]), max(fitting[1], least[0][1]))
    # (on X11 without a window manager Qt guesses the frame: a restored size may be 2 px off)
    assert abs(second[0] - first[0]) <= 4 and abs(second[1] - 500) <= 4
