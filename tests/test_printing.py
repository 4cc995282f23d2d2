"""Printing and the print preview: what reaches the printer is the program's own PDF, page for page;
the preview shows those pages; Ctrl+P and Ctrl+F2 work from the window's fields."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import pdf_pages, write_minutes_pdf
from models.meeting import MeetingDocument, Recipient
from models.thai import to_thai_digits
from ui.main_window import MainWindow
from ui.printing import (
    ChooseDocumentDialog,
    PreviewDialog,
    Printable,
    new_printer,
    paint_pages,
    print_pdf,
)


def page_texts(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


def page_ink(data: bytes, dpi: float = 40) -> list[set[tuple[int, int]]]:
    """Each page's inked pixels (any grey darker than light) at a low resolution."""
    pdf = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for page in pdf:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            width, stride, grey = bitmap.width, bitmap.stride, bytes(bitmap.buffer)
            pages.append(
                {(i % stride, i // stride) for i, v in enumerate(grey) if v < 200 and i % stride < width}
            )
        return pages
    finally:
        pdf.close()


def unmatched_ink(page: set[tuple[int, int]], other: set[tuple[int, int]]) -> float:
    """The share of the page's ink with no ink of the other page within a pixel."""
    near = {(x + dx, y + dy) for x, y in other for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return len(page - near) / max(len(page), 1)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def exported(demo: MeetingDocument, tmp_path: Path) -> bytes:
    """The demo minutes as `export` writes them."""
    path = tmp_path / "exported.pdf"
    write_minutes_pdf(demo, path, DEFAULT_LAYOUT)
    return path.read_bytes()


def test_printing_to_a_pdf_file_writes_the_exported_pages_with_their_text(
    demo: MeetingDocument, exported: bytes, tmp_path: Path, qapp: QApplication
) -> None:
    printable = Printable("minutes", pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data)
    printer = pdf_printer(tmp_path / "printed.pdf")

    assert print_pdf(printable, printer) == len(page_texts(exported))

    printed = (tmp_path / "printed.pdf").read_bytes()
    assert page_texts(printed) == page_texts(exported)
    assert "ระเบียบวาระที่" in page_texts(printed)[1]


@pytest.mark.parametrize(("first", "last", "printed"), [(2, 3, slice(1, 3)), (40, 41, None)])
def test_a_page_range_prints_only_those_pages(
    demo: MeetingDocument,
    exported: bytes,
    tmp_path: Path,
    qapp: QApplication,
    first: int,
    last: int,
    printed: slice | None,
) -> None:
    """Pages 2-3 print those two; a range past the last page prints nothing at all."""
    printable = Printable("minutes", pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data)
    printer = pdf_printer(tmp_path / "printed.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(first, last)

    if printed is None:
        assert print_pdf(printable, printer) == 0
        assert not (tmp_path / "printed.pdf").exists()
    else:
        assert print_pdf(printable, printer) == 2
        assert page_texts((tmp_path / "printed.pdf").read_bytes()) == page_texts(exported)[printed]


def test_pages_painted_on_a_printer_look_like_the_exported_pdf(
    demo: MeetingDocument, exported: bytes, tmp_path: Path, qapp: QApplication
) -> None:
    """The path a paper printer takes: each page rendered and painted over the whole sheet."""
    printer = new_printer(exported)  # as the window makes it: the PDF's paper, the whole sheet
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))
    count = len(page_texts(exported))

    assert paint_pages(exported, list(range(count)), printer) == count

    painted = (tmp_path / "painted.pdf").read_bytes()
    pdf = pypdfium2.PdfDocument(painted)
    sizes = [tuple(round(side) for side in page.get_size()) for page in pdf]
    pdf.close()
    assert sizes == [(595, 842)] * count  # A4, as the export's pages
    for printed_page, exported_page in zip(page_ink(painted), page_ink(exported), strict=True):
        assert len(printed_page) > 1000  # not a blank sheet
        # the same page: all but a table's hairlines (drawn lighter or darker at this size) match
        # within a pixel, 0-11 % of the ink on the demo's pages; two different pages: 68-89 %
        assert unmatched_ink(printed_page, exported_page) < 0.2
        assert unmatched_ink(exported_page, printed_page) < 0.2


def test_the_preview_shows_the_pages_and_pages_through_them_by_keys(
    demo: MeetingDocument, qtbot: QtBot
) -> None:
    printable = Printable("minutes", pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data)
    printed: list[Printable] = []

    def print_it(chosen: Printable, _parent: QWidget | None) -> int:
        printed.append(chosen)
        return 1

    dialog = PreviewDialog(printable, None, print_it)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    count = len(page_texts(printable.data))
    assert dialog.canvas.count == count
    assert dialog.where.text() == to_thai_digits(f"หน้า 1 จาก {count}")

    shot = dialog.view.viewport().grab().toImage()
    dark = sum(
        shot.pixelColor(x, y).lightness() < 100
        for x in range(0, shot.width(), 3)
        for y in range(0, shot.height(), 3)
    )
    assert dark > 50  # the first page's heading is drawn, not an empty grey area

    QTest.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.current_page() == 1 and dialog.where.text().startswith("หน้า ๒ จาก")
    width = dialog.canvas.width()
    QTest.keyClick(dialog, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.canvas.width() > width
    QTest.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [printable] and dialog.result() == QDialog.DialogCode.Accepted


def test_the_chooser_offers_only_the_documents_the_meeting_has(demo: MeetingDocument, qtbot: QtBot) -> None:
    meeting = copy.deepcopy(demo)
    assert meeting.letter is not None
    meeting.letter.recipients = []
    dialog = ChooseDocumentDialog(meeting, "พิมพ์")
    qtbot.addWidget(dialog)
    enabled = [button.text() for button in dialog.group.buttons() if button.isEnabled()]
    assert enabled == ["รายงานการประชุม", "หนังสือนำส่ง", "สรุปมติ", "ระเบียบวาระการประชุม"]
    meeting.letter.recipients = [Recipient("อำเภอเมือง")]
    dialog = ChooseDocumentDialog(meeting, "พิมพ์")
    qtbot.addWidget(dialog)
    assert dialog.group.buttons()[2].isEnabled()


def answer_modal(steps: list[tuple[type[QWidget], object]]) -> list[str]:
    """Answer the modal dialogs as they come, each by its step (a callable given the dialog);
    the class names of the dialogs answered are returned."""
    seen: list[str] = []
    give_up = time.monotonic() + 30

    def look() -> None:
        if not steps:
            return
        modal = QApplication.activeModalWidget()
        kind, answer = steps[0]
        if isinstance(modal, kind) and modal.isVisible() and modal.isActiveWindow():
            steps.pop(0)
            seen.append(type(modal).__name__)
            answer(modal)  # type: ignore[operator]
        if steps and time.monotonic() < give_up:
            QTimer.singleShot(20, look)
        elif steps and isinstance(modal, QDialog):  # never answered as expected: fail, not hang
            modal.reject()

    QTimer.singleShot(0, look)
    return seen


def test_ctrl_p_from_a_field_prints_the_chosen_document(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clerk is typing in the meeting's title, presses Ctrl+P, picks the letter with the
    arrow key, Enter, and the system's print dialog prints it to a PDF file."""
    target = tmp_path / "letter-printed.pdf"

    class PrintDialog:  # the system's dialog, in which the clerk chose "print to file"
        def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:  # noqa: N802
            self.title = title

        def setMinMax(self, first: int, last: int) -> None:  # noqa: N802
            self.pages = (first, last)

        def setOption(self, *_: object) -> None:  # noqa: N802
            pass

        def deleteLater(self) -> None:  # noqa: N802
            pass

        def exec(self) -> int:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr("ui.printing.QPrintDialog", PrintDialog)
    window.tabs.setCurrentIndex(0)
    field = window.header_tab.title
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    before = copy.deepcopy(window.editor.document)

    def choose_letter(dialog: QWidget) -> None:
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Down)
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    seen = answer_modal([(ChooseDocumentDialog, choose_letter)])
    QTest.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(target.exists, timeout=30_000)
    assert seen == ["ChooseDocumentDialog"]
    letter = pdf_pages(window.editor.document, "letter", DEFAULT_LAYOUT).data
    assert page_texts(target.read_bytes()) == page_texts(letter)
    assert "ส่งหนังสือนำส่งไปพิมพ์แล้ว" in window.statusBar().currentMessage()
    assert window.editor.document == before  # printing changed nothing in the meeting


def test_ctrl_f2_shows_the_preview_of_the_minutes(window: MainWindow, qtbot: QtBot) -> None:
    shown: list[int] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PreviewDialog)
        shown.append(dialog.canvas.count)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    def go(dialog: QWidget) -> None:
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    answer_modal([(ChooseDocumentDialog, go), (PreviewDialog, look)])
    field = window.header_tab.title
    window.tabs.setCurrentIndex(0)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown == [len(page_texts(pdf_pages(window.editor.document, "minutes", DEFAULT_LAYOUT).data))]


def test_a_printer_that_refuses_is_said_in_thai_from_the_preview_too(
    demo: MeetingDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.printing import PrintError  # noqa: PLC0415
    from ui.worker import failure_reason  # noqa: PLC0415

    said: list[str] = []
    monkeypatch.setattr("ui.dialogs.warn", lambda _parent, _title, text: said.append(text))

    def refusing(*_: object) -> int:
        raise PrintError("เริ่มพิมพ์ไม่ได้: เครื่องพิมพ์ไม่ตอบรับ")

    monkeypatch.setattr("ui.printing.print_with_dialog", refusing)
    dialog = PreviewDialog(Printable("minutes", pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert said == ["พิมพ์รายงานการประชุมไม่สำเร็จ: เริ่มพิมพ์ไม่ได้: เครื่องพิมพ์ไม่ตอบรับ"]
    assert dialog.isVisible()  # nothing printed: the preview stays
    assert failure_reason(PrintError("ข้อความ")) == "ข้อความ"  # said as it is, not as a file error


def test_cancelled_printing_stops_between_pages_and_withdraws_the_job(
    demo: MeetingDocument, tmp_path: Path, qapp: QApplication
) -> None:
    data = pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data
    printer = new_printer(data)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))

    class CancelledAfterTwo:  # the clerk pressed ยกเลิก while the third page was coming
        def __init__(self) -> None:
            self.reported: list[int] = []

        @property
        def cancelled(self) -> bool:
            return len(self.reported) >= 2

        def report(self, step: int) -> None:
            self.reported.append(step)

    assert paint_pages(data, list(range(6)), printer, CancelledAfterTwo()) == 2  # type: ignore[arg-type]
    # a real printer is told to drop the job (QPrinter.abort); a PDF file keeps what was sent
    assert len(page_texts((tmp_path / "painted.pdf").read_bytes())) <= 2


def test_the_preview_keeps_only_a_few_rendered_pages(
    demo: MeetingDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.printing.KEPT_PAGES", 2)
    dialog = PreviewDialog(Printable("minutes", pdf_pages(demo, "minutes", DEFAULT_LAYOUT).data))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    seen = 0
    for index in range(dialog.canvas.count):
        dialog.go_to_page(index)
        dialog.view.viewport().grab()  # painted as the screen would
        seen = max(seen, len(dialog.canvas._rendered))
    assert seen == 2  # pages were rendered, never more than kept
    dialog.canvas.set_zoom(100)
    assert dialog.canvas.zoom == 3.0  # the largest zoom (a page there is ~40 MB)


def test_print_is_refused_while_a_document_is_being_set(window: MainWindow) -> None:
    window.setting_for_print = True
    assert window.print_document() == 0
    assert "กำลังจัดหน้าเอกสาร" in window.statusBar().currentMessage()


def test_the_preview_is_freed_when_closed(window: MainWindow, qtbot: QtBot) -> None:
    def close(dialog: QWidget) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    def go(dialog: QWidget) -> None:
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    for _ in range(2):
        seen = answer_modal([(ChooseDocumentDialog, go), (PreviewDialog, close)])
        window.preview_document()
        assert seen == ["ChooseDocumentDialog", "PreviewDialog"]
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    alive = [w for w in QApplication.allWidgets() if isinstance(w, PreviewDialog | ChooseDocumentDialog)]
    assert alive == []


def test_qt_s_print_dialog_speaks_thai(qtbot: QtBot) -> None:
    from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel  # noqa: PLC0415

    from ui.qt_thai import install_thai_qt  # noqa: PLC0415

    install_thai_qt()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    words = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    words += [box.title() for box in dialog.findChildren(QGroupBox)]
    shown = " ".join(word for word in words if word)
    for thai in ("พิมพ์", "จำนวนชุด", "ช่วงที่จะพิมพ์", "เครื่องพิมพ์"):
        assert thai in shown
    for english in ("Copies", "Print range", "Printer", "Cancel", "Properties", "Options"):
        assert english not in shown.replace("&", "")
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    # a word not in the list stays Qt's (an empty answer would blank every other word of Qt)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
