"""Printing (Ctrl+P) and the print preview (Ctrl+F2): a document of the meeting chosen in a small
Thai dialog, set as its PDF export sets it (in a worker, behind a busy cursor), then printed
through the system's print dialog or shown page by page.

What goes to paper is always the program's own PDF: its pages are rendered by PDFium
(`exporters.pages`) at the printer's resolution and painted on the printer, so paper and PDF never
differ. When the chosen "printer" is a PDF file (Qt's dialog offers one on Linux), the PDF's own
pages are written instead, text layer and all, rather than pictures of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from exporters import DOCUMENT_TITLES
from exporters.pages import PageImage, page_count, page_size_points, pages_subset, render_pages
from models import thai
from models.fileio import WriteError, atomic_output
from models.meeting import MeetingDocument, has_confidential_items
from ui.plain import plain_label
from ui.worker import Job, progress_box

PRINTABLE = ("minutes", "letter", "distribution", "amendments", "resolutions", "agenda", "public")
MOST_PRINT_DPI = 300  # finer than this only makes the print job larger, not the letters sharper
PAGE_GAP_PX = 16  # between pages in the preview
KEPT_PAGES = 8  # rendered pages the preview keeps (a page at the largest zoom is ~40 MB)
LEAST_ZOOM, MOST_ZOOM = 0.25, 3.0


@dataclass(frozen=True)
class Printable:
    """A document set for printing: its name and its PDF."""

    document: str
    data: bytes

    @property
    def title(self) -> str:
        return DOCUMENT_TITLES[self.document]


def image_of(page: PageImage) -> QImage:
    """A page's pixels as a QImage of its own (the bytes are copied: the page may go)."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()


def printable_documents(document: MeetingDocument) -> list[tuple[str, bool]]:
    """Each printable document and whether this meeting has it (a distribution list needs
    recipients; an amendment list, amendments; a public version, an item marked confidential)."""
    letter = document.letter
    return [
        ("minutes", True),
        ("letter", True),
        ("distribution", bool(letter is not None and letter.recipients)),
        ("amendments", bool(document.amendments)),
        ("resolutions", True),
        ("agenda", True),
        ("public", has_confidential_items(document.meeting)),
    ]


class ChooseDocumentDialog(QDialog):
    """Which document to print or preview: arrow keys choose, Enter goes on."""

    def __init__(self, document: MeetingDocument, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{action}เอกสาร")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"{action}เอกสารใด"))
        self.group = QButtonGroup(self)
        for index, (name, available) in enumerate(printable_documents(document)):
            button = QRadioButton(DOCUMENT_TITLES[name])
            button.setEnabled(available)
            button.setChecked(index == 0)
            self.group.addButton(button, index)
            layout.addWidget(button)
        go = QPushButton(f"{action}...")
        go.setDefault(True)
        go.clicked.connect(self.accept)
        cancel = QPushButton("ยกเลิก")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(go)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        first = self.group.button(0)
        first.setFocus()  # the arrow keys choose at once; Enter goes on

    def chosen(self) -> str:
        return PRINTABLE[max(self.group.checkedId(), 0)]


class PrintError(WriteError):
    """The printer refused; the message is in Thai and is said as it is."""


def set_in_worker(document: MeetingDocument, name: str) -> Printable | None:
    """The document's PDF, set in a worker while the window repaints under a busy cursor; None
    when the wait ended without it (the program is closing)."""
    import copy  # noqa: PLC0415

    from exporters.layout import DEFAULT_LAYOUT  # noqa: PLC0415

    snapshot = copy.deepcopy(document)  # taken here: no edit can change it halfway

    def work(_job: Job) -> Printable:
        from exporters.pdf_export import pdf_pages  # noqa: PLC0415  (ReportLab loads on first use)

        return Printable(name, pdf_pages(snapshot, name, DEFAULT_LAYOUT).data)

    results: list[Printable] = []
    failures: list[Exception] = []
    job = Job(work, "print")
    job.succeeded.connect(results.append)
    job.failed.connect(failures.append)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        _wait_for(job)
    finally:
        QApplication.restoreOverrideCursor()
    if failures:
        raise failures[0]
    return results[0] if results else None


def _wait_for(job: Job) -> None:
    """Run the job and answer events until it ends (or the program quits meanwhile)."""
    loop = QEventLoop()
    job.ended.connect(loop.quit)
    job.start()
    loop.exec()


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The page indexes (from 0) the print dialog asked for: a range, or every page."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(count))
    return list(range(first - 1, min(last, count)))


def print_pdf(printable: Printable, printer: QPrinter, parent: QWidget | None = None) -> int:
    """Print the chosen pages of the document's PDF on the printer; returns how many pages
    went (0: none chosen, or the clerk cancelled before the first)."""
    pages = chosen_pages(printer, page_count(printable.data))
    if not pages:
        return 0
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        with atomic_output(Path(target)) as stream:  # the PDF's own pages, with their text
            stream.write(pages_subset(printable.data, pages))
        return len(pages)
    return paint_in_worker(printable, pages, printer, parent)


def paint_in_worker(printable: Printable, pages: list[int], printer: QPrinter, parent: QWidget | None) -> int:
    """The pages painted on the printer in a worker (QPainter paints on a QPrinter in any
    thread), behind a progress box whose ยกเลิก (Esc) stops between pages and withdraws the job."""
    done: list[int] = []
    failures: list[Exception] = []
    job = Job(lambda job: paint_pages(printable.data, pages, printer, job), "printing")
    progress = progress_box(parent, f"พิมพ์{printable.title}", "กำลังส่งหน้ากระดาษไปยังเครื่องพิมพ์...", len(pages))

    def step(sent: int) -> None:
        progress.setValue(sent)
        progress.setLabelText(thai.to_thai_digits(f"กำลังส่งหน้า {sent + 1} จาก {len(pages)} ไปยังเครื่องพิมพ์..."))

    job.progressed.connect(step)
    job.succeeded.connect(done.append)
    job.failed.connect(failures.append)
    progress.canceled.connect(job.cancel)
    progress.rejected.connect(job.cancel)  # Escape while the box is not the active window
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        _wait_for(job)
    finally:
        QApplication.restoreOverrideCursor()
        progress.close()
        progress.deleteLater()
    if failures:
        raise failures[0]
    return done[0] if done else 0


def paint_pages(data: bytes, pages: list[int], printer: QPrinter, job: Job | None = None) -> int:
    """Each page rendered at the printer's resolution and painted over the sheet, scaled to fit
    the paper chosen (the PDF's own margins are the page's); returns how many pages were sent.
    Cancelled (`job`), the printer is told to drop the job."""
    dpi = min(printer.resolution(), MOST_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("เริ่มพิมพ์ไม่ได้: เครื่องพิมพ์ไม่ตอบรับ (ตรวจว่าเปิดเครื่องพิมพ์และต่อสายไว้แล้ว)")
    sent = 0
    try:
        sheet = printer.pageLayout().fullRectPixels(printer.resolution())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in pages:
            if job is not None and job.cancelled:
                printer.abort()
                return sent
            if sent and not printer.newPage():
                raise PrintError("พิมพ์หน้าถัดไปไม่ได้: เครื่องพิมพ์ไม่ตอบรับ")
            if job is not None:
                job.report(sent)
            (page,) = render_pages(data, [index], dpi)
            painter.drawImage(_fitted(page, sheet.width(), sheet.height()), image_of(page))
            sent += 1
    finally:
        painter.end()
    return sent


def _fitted(page: PageImage, width: int, height: int) -> QRect:
    """The page scaled to the sheet, its proportions kept, centred (A4 on A4 fills it)."""
    scale = min(width / page.width, height / page.height)
    fitted = QSize(round(page.width * scale), round(page.height * scale))
    return QRect(QPoint((width - fitted.width()) // 2, (height - fitted.height()) // 2), fitted)


def print_with_dialog(printable: Printable, parent: QWidget | None, printer: QPrinter | None = None) -> int:
    """The system's print dialog (printer, copies, page range), then the printing; returns how
    many pages were printed (0: the clerk cancelled)."""
    from ui.qt_thai import install_thai_qt  # noqa: PLC0415

    install_thai_qt()  # Qt's own print dialog in Thai (on Linux; Windows shows its own)
    printer = printer or new_printer(printable.data)
    printer.setDocName(printable.title)
    count = page_count(printable.data)
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setFromTo(1, count)
    dialog = QPrintDialog(printer, parent)
    try:
        dialog.setWindowTitle(f"พิมพ์{printable.title}")
        dialog.setMinMax(1, count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
    finally:
        dialog.deleteLater()
    return print_pdf(printable, printer, parent)


def new_printer(data: bytes) -> QPrinter:
    """A printer set for the PDF's paper (A4) on the whole sheet; the window keeps it, so the
    printer, copies and paper chosen last are offered again."""
    from PySide6.QtCore import QSizeF  # noqa: PLC0415
    from PySide6.QtGui import QPageSize  # noqa: PLC0415

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    width, height = page_size_points(data, 0)
    printer.setPageSize(
        QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setFullPage(True)
    return printer


def print_and_say(printable: Printable, parent: QWidget | None, printer: QPrinter | None = None) -> int:
    """`print_with_dialog`, a failure said in Thai in a box (its traceback on stderr)."""
    from ui.dialogs import warn  # noqa: PLC0415
    from ui.worker import failure_reason, log_failure  # noqa: PLC0415

    try:
        return print_with_dialog(printable, parent, printer)
    except Exception as error:  # never a traceback in the window
        log_failure(f"พิมพ์{printable.title}ไม่สำเร็จ", error)
        warn(parent, "พิมพ์ไม่ได้", f"พิมพ์{printable.title}ไม่สำเร็จ: {failure_reason(error)}")
        return 0


class PagesCanvas(QWidget):
    """Every page of a PDF one under another at a zoom; only the pages in view are rendered,
    and kept while the zoom stays."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.count = page_count(data)
        self.size_points = page_size_points(data, 0)
        self.zoom = 1.0  # 1.0: the page at the screen's own size (96 pixels an inch)
        self._rendered: dict[int, QImage] = {}
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.gray)
        self.setPalette(palette)
        self._resize()

    def page_pixels(self) -> QSize:
        width, height = self.size_points
        scale = self.zoom * 96 / 72
        return QSize(round(width * scale), round(height * scale))

    def page_top(self, index: int) -> int:
        return PAGE_GAP_PX + index * (self.page_pixels().height() + PAGE_GAP_PX)

    def page_at(self, y: int) -> int:
        return min(max(y // (self.page_pixels().height() + PAGE_GAP_PX), 0), self.count - 1)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, LEAST_ZOOM), MOST_ZOOM)
        self._rendered.clear()
        self._resize()
        self.update()

    def _resize(self) -> None:
        page = self.page_pixels()
        self.setFixedSize(page.width() + 2 * PAGE_GAP_PX, self.page_top(self.count))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        page = self.page_pixels()
        area = event.rect()
        for index in range(self.page_at(area.top()), self.page_at(area.bottom()) + 1):
            target = QRect(QPoint(PAGE_GAP_PX, self.page_top(index)), page)
            if target.intersects(area):
                painter.drawImage(target, self._image(index))
        painter.end()

    def _image(self, index: int) -> QImage:
        image = self._rendered.pop(index, None)
        if image is None:
            ratio = self.devicePixelRatioF()
            (page,) = render_pages(self.data, [index], self.zoom * 96 * ratio)
            image = image_of(page)
            image.setDevicePixelRatio(ratio)
        self._rendered[index] = image  # the most recently shown last
        while len(self._rendered) > KEPT_PAGES:
            del self._rendered[next(iter(self._rendered))]
        return image


class PreviewDialog(QDialog):
    """The pages as they will print: zoom, page by page, and พิมพ์ (Ctrl+P) from here."""

    def __init__(
        self,
        printable: Printable,
        parent: QWidget | None = None,
        print_it: Callable[[Printable, QWidget | None], int] = print_and_say,
    ) -> None:
        super().__init__(parent)
        self.printable = printable
        self.print_it = print_it
        self.setWindowTitle(f"ตัวอย่างก่อนพิมพ์: {printable.title}")
        self.canvas = PagesCanvas(printable.data)
        self.view = QScrollArea()
        self.view.setWidget(self.canvas)
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.view.verticalScrollBar().valueChanged.connect(self._show_page_number)
        self.where = plain_label()
        tools = QToolBar()
        for label, keys, slot in (
            ("พิมพ์...", ["Ctrl+P"], self.print_now),
            ("ขยาย", ["Ctrl++", "Ctrl+="], lambda: self.canvas.set_zoom(self.canvas.zoom * 1.25)),
            ("ย่อ", ["Ctrl+-"], lambda: self.canvas.set_zoom(self.canvas.zoom / 1.25)),
            ("พอดีความกว้าง", ["Ctrl+2"], self.fit_width),
            ("ทั้งหน้า", ["Ctrl+1"], self.fit_page),
            ("หน้าก่อน", ["PgUp"], lambda: self.go_to_page(self.current_page() - 1)),
            ("หน้าถัดไป", ["PgDown"], lambda: self.go_to_page(self.current_page() + 1)),
            ("ปิด", ["Esc"], self.reject),
        ):
            action = QAction(f"{label} ({keys[0]})", self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            tools.addAction(action)
            self.addAction(action)
        layout = QVBoxLayout(self)
        layout.addWidget(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.where)
        self.resize(900, 1000)
        self._show_page_number()

    def current_page(self) -> int:
        """The page at the middle of the view, from 0."""
        middle = self.view.verticalScrollBar().value() + self.view.viewport().height() // 2
        return self.canvas.page_at(middle)

    def go_to_page(self, index: int) -> None:
        index = min(max(index, 0), self.canvas.count - 1)
        self.view.verticalScrollBar().setValue(self.canvas.page_top(index) - PAGE_GAP_PX)
        self._show_page_number()

    def fit_width(self) -> None:
        self._fit(self.view.viewport().width() - 2 * PAGE_GAP_PX, None)

    def fit_page(self) -> None:
        self._fit(self.view.viewport().width() - 2 * PAGE_GAP_PX, self.view.viewport().height() - PAGE_GAP_PX)

    def _fit(self, width: int, height: int | None) -> None:
        page = self.current_page()
        natural_width, natural_height = (side * 96 / 72 for side in self.canvas.size_points)
        zoom = width / natural_width
        if height is not None:
            zoom = min(zoom, height / natural_height)
        self.canvas.set_zoom(zoom)
        self.go_to_page(page)

    def _show_page_number(self, *_: object) -> None:
        self.where.setText(thai.to_thai_digits(f"หน้า {self.current_page() + 1} จาก {self.canvas.count}"))

    def print_now(self) -> None:
        if self.print_it(self.printable, self):
            self.accept()
