"""What the window shows is what was typed (never HTML), an export that fails says so in Thai,
and the Garuda image is checked when the clerk chooses it."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from models.meeting import Item, MeetingDocument, Recipient
from models.storage import Database
from tests.conftest import reopened
from tests.test_window import Accepting
from ui.main_window import MainWindow

IMG = "<img src='/nonexistent/x.png'>"
BOLD = "<b>x</b>"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class Shown:
    """A label or message box the clerk saw, with how Qt was told to read its text."""

    kind: str
    text: str
    plain: bool


@dataclass
class Screen:
    """Watches what appears: every label and message box shown, and each modal box or dialog
    answered as soon as it appears (as a clerk pressing Escape), its text kept."""

    shown: list[Shown] = field(default_factory=list)
    boxes: list[Shown] = field(default_factory=list)
    before: set[QWidget] = field(default_factory=lambda: set(QApplication.allWidgets()))  # other tests'

    def see(self, widget: QWidget) -> None:
        if isinstance(widget, QMessageBox):
            self.shown.append(
                Shown("QMessageBox", widget.text(), widget.textFormat() == Qt.TextFormat.PlainText)
            )
        elif isinstance(widget, QLabel) and widget.text() and widget.metaObject().className() != "QTipLabel":
            # (a tooltip is a QLabel that Qt makes; tooltips are tested through their text)
            self.shown.append(Shown("QLabel", widget.text(), widget.textFormat() == Qt.TextFormat.PlainText))

    def answer(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.isVisible():
            self.see(modal)
            self.boxes.append(self.shown[-1])
            modal.done(0)
        elif isinstance(modal, QDialog) and modal.isVisible() and not isinstance(modal, QProgressDialog):
            # (a progress box is no question: rejecting it, as Escape does, cancels the work)
            for label in modal.findChildren(QLabel):
                self.see(label)
            modal.reject()

    def not_plain(self) -> list[Shown]:
        for widget in set(QApplication.allWidgets()) - self.before:  # and those made but not (yet) shown
            self.see(widget)
        return [shown for shown in self.shown if not shown.plain]


class _ShowFilter(QObject):
    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.screen = screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            self.screen.see(watched)
        return False


@pytest.fixture
def screen() -> Iterator[Screen]:
    application = QApplication.instance()
    assert application is not None
    watching = Screen()
    show_filter = _ShowFilter(watching)
    application.installEventFilter(show_filter)
    timer = QTimer()
    timer.timeout.connect(watching.answer)
    timer.start(10)
    yield watching
    timer.stop()
    application.removeEventFilter(show_filter)


def hostile(demo: MeetingDocument) -> MeetingDocument:
    """The demo meeting with markup typed where names and titles go."""
    document = copy.deepcopy(demo)
    document.meeting.title = f"การประชุม {BOLD}"
    document.meeting.venue = IMG
    document.meeting.attendees[0].first = BOLD
    item = document.meeting.sections[3].items[0]
    assert isinstance(item, Item)
    item.title = IMG
    item.presenter = BOLD
    assert document.letter is not None and document.office is not None
    document.letter.recipients = [Recipient(IMG), Recipient(BOLD)]
    document.letter.subject = BOLD
    document.letter.certify_by = None  # certifying waits for every answer
    document.office.name = IMG
    return document


@pytest.fixture
def hostile_window(qtbot: QtBot, db_path: Path, demo: MeetingDocument) -> Iterator[MainWindow]:
    from ui.app import create_window  # noqa: PLC0415

    database = Database.open(db_path)
    database.add_document(hostile(demo))
    main = create_window(database)
    main.settings.clear()
    main.quiet = True  # type: ignore[attr-defined]
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    main.close()
    database.close()


def image_bytes(file_format: str, size: tuple[int, int] = (90, 100), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "black").save(buffer, format=file_format)
    return buffer.getvalue()


# --- plain text -----------------------------------------------------------------------------


def test_certifying_names_a_waiting_recipient_literally(hostile_window: MainWindow, screen: Screen) -> None:
    hostile_window.certify()
    assert len(screen.boxes) == 1
    box = screen.boxes[0]
    assert IMG in box.text and BOLD in box.text  # the names as typed, not a picture and bold x
    assert box.plain


def test_an_import_error_shows_the_files_format_field_literally(
    window: MainWindow, screen: Screen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.minutes.json"
    bad.write_text(f'{{"format": "{IMG}", "version": 1}}', encoding="utf-8")
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(bad))
    window.import_file()
    assert len(screen.boxes) == 1
    assert IMG in screen.boxes[0].text and screen.boxes[0].plain


def test_every_label_and_message_box_of_a_few_flows_is_plain_text(
    hostile_window: MainWindow,
    screen: Screen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    from ui.dialogs import AnswerDialog, ExportDialog, OfficeDialog  # noqa: PLC0415

    window = hostile_window
    for index in range(window.tabs.count()):  # every tab shown
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    node = window.editor.document.meeting.sections[3].items[0]
    window.agenda_tab.select(node)
    with qtbot.waitSignal(window.checks.shown):  # the findings come from the worker
        window.run_checks()
    window.agenda_tab.find_field.setText("ไม่มีคำนี้ในการประชุม")
    window.agenda_tab.find_next()
    window.certify()  # a box naming the recipients
    window.delete_node()  # a question quoting the item's title; answered no
    window.begin_amendment()  # a text dialog; cancelled
    window.record_answer((0, "certified", BOLD))
    window.edit_template("สั้น")  # too short: a box
    office = OfficeDialog(window.editor.document.office, window)
    office.show()
    picture = tmp_path / "<u>garuda.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>', encoding="utf-8")
    office.load_garuda(picture)  # refused: a box naming the file
    office.close()
    for dialog in (AnswerDialog([IMG, BOLD], window), ExportDialog(str(tmp_path / IMG), None, window)):
        dialog.show()
        if isinstance(dialog, ExportDialog):
            dialog._accept()  # no such folder: a box naming it
        dialog.close()
    bad = tmp_path / "bad.minutes.json"
    bad.write_text(f'{{"format": "{BOLD}", "version": 1}}', encoding="utf-8")
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(bad))
    window.import_file()
    QApplication.processEvents()

    assert len(screen.boxes) >= 6, screen.boxes
    assert any(IMG in shown.text for shown in screen.shown)  # the data was on screen
    assert screen.not_plain() == []


def test_the_agenda_trees_tooltip_shows_the_title_as_typed(hostile_window: MainWindow) -> None:
    model = hostile_window.agenda_tab.model
    assert model is not None
    node = hostile_window.editor.document.meeting.sections[3].items[0]
    tip = model.data(model.index_of(node), Qt.ItemDataRole.ToolTipRole)
    shown = QTextDocument()  # what QToolTip shows: HTML when the text looks like HTML
    if QtGui.mightBeRichText(tip):
        shown.setHtml(tip)
    else:
        shown.setPlainText(tip)
    assert shown.toPlainText().endswith(IMG)


# --- export failures --------------------------------------------------------------------------


def test_an_export_that_fails_says_which_document_in_thai_and_writes_nothing_half(
    window: MainWindow,
    screen: Screen,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reportlab.platypus.doctemplate import LayoutError  # noqa: PLC0415

    from ui.dialogs import ExportDialog  # noqa: PLC0415

    def failing_build(composition: object, layout: object, stream: io.BufferedWriter) -> None:
        stream.write(b"%PDF-1.4 half a document")
        raise LayoutError("Flowable <Table at 0x7f> too large on page 1")

    monkeypatch.setattr("exporters.pdf_export.build_pdf", failing_build)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "letter.pdf").write_bytes(b"the letter exported yesterday")
    dialog = ExportDialog(str(folder), [("minutes", "docx"), ("minutes", "pdf"), ("letter", "pdf")])
    qtbot.addWidget(dialog)
    monkeypatch.setattr("ui.main_window.ask", lambda *_: True)  # yesterday's letter may be replaced

    written = window.export_documents(Accepting(dialog))

    assert [p.name for p in written] == ["minutes.docx"]
    assert sorted(p.name for p in folder.iterdir()) == ["letter.pdf", "minutes.docx"]  # no .tmp left
    assert (folder / "letter.pdf").read_bytes() == b"the letter exported yesterday"
    assert len(screen.boxes) == 1
    message = screen.boxes[0]
    assert message.plain
    assert "รายงานการประชุม (PDF)" in message.text and "หนังสือนำส่ง (PDF)" in message.text
    assert "ไม่สำเร็จ" in message.text and "minutes.docx" in message.text
    assert "Traceback" not in message.text and "Flowable" not in message.text
    errors = capsys.readouterr().err
    assert "Traceback" in errors and "LayoutError" in errors  # for whoever looks after the program


def test_a_folder_that_cannot_be_written_is_said_for_each_document(
    window: MainWindow, screen: Screen, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.fileio import WriteError  # noqa: PLC0415
    from ui.dialogs import ExportDialog  # noqa: PLC0415

    def refused(*_: object) -> None:
        raise WriteError(f"เขียนไฟล์ในโฟลเดอร์ {tmp_path} ไม่ได้: Permission denied")

    monkeypatch.setattr("exporters.writer_for", lambda *_: refused)
    dialog = ExportDialog(str(tmp_path), [("minutes", "docx"), ("letter", "docx")])
    qtbot.addWidget(dialog)
    assert window.export_documents(Accepting(dialog)) == []
    assert len(screen.boxes) == 1
    text = screen.boxes[0].text
    assert "รายงานการประชุม (DOCX)" in text and "หนังสือนำส่ง (DOCX)" in text and "ไม่ได้" in text


# --- the Garuda image -----------------------------------------------------------------------


def test_a_webp_garuda_is_converted_to_png_when_chosen(
    window: MainWindow, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    from ui.dialogs import OfficeDialog  # noqa: PLC0415

    picture = tmp_path / "garuda.webp"
    picture.write_bytes(image_bytes("WEBP"))
    dialog = OfficeDialog(window.editor.document.office)
    qtbot.addWidget(dialog)
    assert dialog.load_garuda(picture)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    assert "PNG" in dialog.preview_note.text()
    window.edit_office(Accepting(dialog))
    office = reopened(db_path).office
    assert office is not None and office.garuda is not None and office.garuda.startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("garuda.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>', "SVG"),
        ("garuda.png", image_bytes("PNG")[:70], "เสีย"),
        ("garuda.jpg", image_bytes("JPEG")[:300], "เสีย"),
        ("huge.png", image_bytes("PNG", (4001, 20), "L"), "ใหญ่เกินไป"),
        ("notes.png", "บันทึกการประชุม".encode(), "ไม่รู้จัก"),
    ],
    ids=["svg", "png-cut", "jpeg-cut", "too-wide", "text"],
)
def test_an_image_that_cannot_be_the_garuda_is_refused_in_thai(
    window: MainWindow, screen: Screen, tmp_path: Path, qtbot: QtBot, name: str, data: bytes, said: str
) -> None:
    from ui.dialogs import OfficeDialog  # noqa: PLC0415

    before = image_bytes("PNG")
    assert window.editor.document.office is not None
    office = copy.deepcopy(window.editor.document.office)
    office.garuda = before
    dialog = OfficeDialog(office)
    qtbot.addWidget(dialog)
    picture = tmp_path / name
    picture.write_bytes(data)
    assert not dialog.load_garuda(picture)
    assert dialog.garuda == before  # the image chosen before stays
    assert len(screen.boxes) == 1
    assert name in screen.boxes[0].text and said in screen.boxes[0].text and screen.boxes[0].plain


def test_a_damaged_garuda_in_the_database_is_shown_as_unusable(window: MainWindow, qtbot: QtBot) -> None:
    from ui.dialogs import OfficeDialog  # noqa: PLC0415

    assert window.editor.document.office is not None
    office = copy.deepcopy(window.editor.document.office)
    office.garuda = image_bytes("PNG")[:70]
    dialog = OfficeDialog(office)
    qtbot.addWidget(dialog)
    assert "ใช้ไม่ได้" in dialog.preview_note.text() and "ภาพครุฑมาตรฐาน" in dialog.preview_note.text()
    assert not dialog.preview.pixmap().isNull()  # the standard emblem the letter will print instead
    dialog.use_standard_garuda()
    assert dialog.office().garuda is None and dialog.preview_note.text().startswith("ภาพครุฑมาตรฐาน")
