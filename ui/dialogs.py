"""Dialogs: a table's columns, the office profile the cover letter is printed with, what to
export and how its files are named."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters import NameStyle, meeting_file_name, output_name
from models.meeting import Column, ColumnKind, Meeting, Office, Table
from models.tables import FormulaError, column_letter, parse_formula
from ui.fields import text_lines
from ui.plain import PlainForm, make_plain, message_box, plain_label

GARUDA_FILES = "ภาพ (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.ico *.tif *.tiff *.ppm *.pgm *.pbm)"

KIND_LABELS = {
    ColumnKind.TEXT: "ข้อความ",
    ColumnKind.NUMBER: "จำนวน",
    ColumnKind.MONEY: "จำนวนเงิน",
    ColumnKind.PERCENT: "ร้อยละ",
}


def ok_cancel(
    dialog: QDialog, accept: Callable[[], None] | None = None, ok: str = "ตกลง", cancel: str = "ยกเลิก"
) -> QDialogButtonBox:
    """The dialog's OK and Cancel buttons, in Thai; OK runs `accept` (which may refuse) or closes."""
    buttons = QDialogButtonBox()
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = message_box(parent, icon, title, text)
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A message with a Thai ตกลง button (Qt ships no Thai translation of its own buttons)."""
    _message(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, QMessageBox.Icon.Warning, title, text)


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A question answered with Thai buttons named after what they do; Escape answers no."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose_path(
    parent: QWidget | None, title: str, kind: str = "open", name_filter: str = "", start: str = ""
) -> str | None:
    """A file to open (`open`), a file to write (`save`) or a folder (`folder`); None when
    cancelled. Qt's own file dialog is labelled in Thai here; a system dialog (Windows) speaks
    the system's language."""
    dialog = QFileDialog(parent, title, start, name_filter)
    accept = {"open": "เปิด", "save": "บันทึก", "folder": "เลือกโฟลเดอร์"}[kind]
    if kind == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif kind == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    for label, text in (
        (QFileDialog.DialogLabel.Accept, accept),
        (QFileDialog.DialogLabel.Reject, "ยกเลิก"),
        (QFileDialog.DialogLabel.LookIn, "ค้นหาใน"),
        (QFileDialog.DialogLabel.FileName, "ชื่อไฟล์"),
        (QFileDialog.DialogLabel.FileType, "ชนิดไฟล์"),
    ):
        dialog.setLabelText(label, text)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def ask_text(
    parent: QWidget | None, title: str, label: str, text: str = "", multiline: bool = False
) -> str | None:
    """A line (or lines) of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    if multiline:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setTextValue(text)
    dialog.setOkButtonText("ตกลง")
    dialog.setCancelButtonText("ยกเลิก")
    make_plain(dialog)
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None


def stack(dialog: QDialog, *parts: QWidget | QFormLayout | QHBoxLayout) -> QVBoxLayout:
    """Lay out a dialog's parts from top to bottom."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)
    return layout


class ColumnsDialog(QDialog):
    """Titles, merged group headings, kinds and formulas of a table's columns; add and remove."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("คอลัมน์ของตาราง")
        self.table = table
        self.grid = QTableWidget(0, 4)
        self.grid.setHorizontalHeaderLabels(["หัวคอลัมน์", "หัวกลุ่ม (รวมช่อง)", "ชนิด", "สูตร เช่น =D/C*100"])
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setColumnWidth(0, 220)
        self.grid.setColumnWidth(1, 160)
        self.sources: list[int | None] = []  # which old column each row came from
        for index, column in enumerate(table.columns):
            self.add_column(column, index)
        add = QPushButton("+ คอลัมน์")
        add.clicked.connect(lambda: self.add_column(Column(""), None))
        remove = QPushButton("ลบคอลัมน์")
        remove.clicked.connect(self._remove_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        stack(self, self.grid, row, ok_cancel(self, self._accept))
        self.resize(820, 360)

    def add_column(self, column: Column, source: int | None = None) -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        self.grid.setVerticalHeaderItem(row, QTableWidgetItem(column_letter(row)))
        self.grid.setItem(row, 0, QTableWidgetItem(column.title))
        self.grid.setItem(row, 1, QTableWidgetItem(column.group))
        kind = QComboBox()
        for value, label in KIND_LABELS.items():
            kind.addItem(label, value)
        kind.setCurrentIndex(list(KIND_LABELS).index(column.kind))
        self.grid.setCellWidget(row, 2, kind)
        self.grid.setItem(row, 3, QTableWidgetItem(column.formula))
        self.sources.append(source)

    def _remove_row(self) -> None:
        row = self.grid.currentRow()
        if row >= 0 and self.grid.rowCount() > 1:
            self.grid.removeRow(row)
            self.sources.pop(row)

    def columns(self) -> list[Column]:
        result = []
        for row in range(self.grid.rowCount()):
            kind = self.grid.cellWidget(row, 2)
            assert isinstance(kind, QComboBox)
            result.append(
                Column(
                    self._text(row, 0),
                    self._text(row, 1),
                    ColumnKind(kind.currentData()),
                    self._text(row, 3),
                )
            )
        return result

    def _text(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return item.text().strip() if item else ""

    def rows(self) -> list[list[str]]:
        """The table's cells rearranged for the new columns."""
        rows = []
        for cells in self.table.rows:
            rows.append(
                [
                    cells[source] if source is not None and source < len(cells) else ""
                    for source in self.sources
                ]
            )
        return rows

    def _accept(self) -> None:
        for index, column in enumerate(self.columns()):
            if column.formula:
                try:
                    parse_formula(column.formula)
                except FormulaError as error:
                    warn(self, "สูตรไม่ถูกต้อง", f"คอลัมน์ {column_letter(index)}: {error}")
                    return
        self.accept()


class OfficeDialog(QDialog):
    """The office profile: name, address, document prefix, unit and contacts, slogan, Garuda."""

    def __init__(self, office: Office | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ข้อมูลหน่วยงาน")
        office = copy.deepcopy(office) if office else Office("")
        self.garuda = office.garuda
        self.name = QLineEdit(office.name)
        self.address = QPlainTextEdit("\n".join(office.address))
        self.doc_prefix = QLineEdit(office.doc_prefix)
        self.unit = QLineEdit(office.unit)
        self.phone = QLineEdit(office.phone)
        self.fax = QLineEdit(office.fax)
        self.email = QLineEdit(office.email)
        self.slogan = QPlainTextEdit("\n".join(office.slogan))
        self.preview = plain_label()
        self.preview.setFixedHeight(90)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview_note = plain_label()
        choose = QPushButton("เลือกภาพครุฑ...")
        choose.clicked.connect(self._choose_garuda)
        standard = QPushButton("ใช้ภาพครุฑมาตรฐาน")
        standard.clicked.connect(self.use_standard_garuda)
        form = PlainForm()
        form.addRow("ชื่อส่วนราชการ", self.name)
        form.addRow("ที่อยู่ (บรรทัดละส่วน)", self.address)
        form.addRow("รหัสหนังสือ (เช่น พย ๐๐๑๙.๑)", self.doc_prefix)
        form.addRow("ส่วนราชการเจ้าของเรื่อง", self.unit)
        form.addRow("โทร.", self.phone)
        form.addRow("โทรสาร", self.fax)
        form.addRow("ไปรษณีย์อิเล็กทรอนิกส์", self.email)
        form.addRow("คำขวัญ (บรรทัดละหนึ่ง)", self.slogan)
        form.addRow(choose, self.preview)
        form.addRow(standard, self.preview_note)
        stack(self, form, ok_cancel(self))
        self._show_garuda()
        self.resize(640, 560)

    def _choose_garuda(self) -> None:
        name = choose_path(self, "ภาพครุฑ", "open", GARUDA_FILES)
        if name:
            self.load_garuda(Path(name))

    def load_garuda(self, path: Path) -> bool:
        """The image the clerk chose, checked (PNG or JPEG; other images converted to PNG);
        refused with a message when it cannot be used."""
        from models.images import ImageError, garuda_from_file  # noqa: PLC0415  (Pillow: not before the window)

        try:
            chosen = garuda_from_file(path)
        except ImageError as error:
            warn(self, "ใช้ภาพนี้ไม่ได้", f"{path.name}: {error}")
            return False
        self.garuda = chosen.data
        self._show_garuda()
        if chosen.converted_from:
            self.preview_note.setText(f"แปลงภาพ {chosen.converted_from} เป็น PNG แล้ว")
        return True

    def use_standard_garuda(self) -> None:
        """Back to the emblem shipped with the program (the office's own image is dropped)."""
        self.garuda = None
        self._show_garuda()

    def _show_garuda(self) -> None:
        from models.images import letter_garuda, usable_garuda  # noqa: PLC0415

        own = usable_garuda(self.garuda) if self.garuda else None
        printed = letter_garuda(self.garuda)
        if own is not None:
            note = "ภาพครุฑของหน่วยงาน"
        elif self.garuda:
            note = "ภาพครุฑที่บันทึกไว้ใช้ไม่ได้ หนังสือนำส่งจะใช้ภาพครุฑมาตรฐาน กรุณาเลือกภาพใหม่"
        else:
            note = "ภาพครุฑมาตรฐานที่มากับโปรแกรม (สูง ๓ ซม. ตามระเบียบงานสารบรรณ)"
        self.preview_note.setText(note)
        pixmap = QPixmap()
        if printed is not None and pixmap.loadFromData(printed):
            self.preview.setPixmap(pixmap.scaledToHeight(86, Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setText("ไม่มีภาพครุฑ (หนังสือนำส่งจะเว้นที่ว่างไว้)")

    def office(self) -> Office:
        return Office(
            name=self.name.text().strip(),
            address=text_lines(self.address.toPlainText()),
            doc_prefix=self.doc_prefix.text().strip(),
            unit=self.unit.text().strip(),
            phone=self.phone.text().strip(),
            fax=self.fax.text().strip(),
            email=self.email.text().strip(),
            slogan=text_lines(self.slogan.toPlainText()),
            garuda=self.garuda,
        )


class ExportDialog(QDialog):
    """Which documents to write (minutes, letter × DOCX, PDF), the folder to write them to and
    how their files are named; the names to be written are shown as the choices change."""

    CHOICES = (
        (("minutes", "docx"), "รายงานการประชุม (DOCX สำหรับแก้ไขใน Word)"),
        (("minutes", "pdf"), "รายงานการประชุม (PDF สำหรับพิมพ์)"),
        (("letter", "docx"), "หนังสือนำส่ง (DOCX)"),
        (("letter", "pdf"), "หนังสือนำส่ง (PDF)"),
        (("agenda", "docx"), "ระเบียบวาระการประชุม ส่งก่อนการประชุม (DOCX)"),
        (("agenda", "pdf"), "ระเบียบวาระการประชุม ส่งก่อนการประชุม (PDF)"),
        (("resolutions", "docx"), "สรุปมติ (DOCX)"),
        (("resolutions", "pdf"), "สรุปมติ (PDF)"),
        (("public", "docx"), "รายงานการประชุม ฉบับเผยแพร่ ไม่รวมเรื่องลับ (DOCX)"),
        (("public", "pdf"), "รายงานการประชุม ฉบับเผยแพร่ ไม่รวมเรื่องลับ (PDF)"),
        (("amendments", "pdf"), "บันทึกการแก้ไขหลังรับรอง (PDF)"),
    )
    UNLESS_ASKED = ("amendments", "resolutions", "agenda", "public")  # written when ticked, not by default
    STYLES = (
        (NameStyle.THAI, "ภาษาไทย เลขไทย"),
        (NameStyle.ARABIC, "ภาษาไทย เลขอารบิก"),
        (NameStyle.ASCII, "อักษรอังกฤษ (สำหรับระบบที่ไม่รับชื่อไฟล์ภาษาไทย)"),
    )

    def __init__(
        self,
        folder: str,
        chosen: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        meeting: Meeting | None = None,
        style: NameStyle = NameStyle.THAI,
    ) -> None:
        from PySide6.QtWidgets import QCheckBox  # noqa: PLC0415

        super().__init__(parent)
        self.setWindowTitle("ส่งออกเอกสาร")
        self.meeting = meeting
        layout = QVBoxLayout(self)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        for job, label in self.CHOICES:
            box = QCheckBox(label)
            box.setChecked(job in chosen if chosen is not None else job[0] not in self.UNLESS_ASKED)
            box.toggled.connect(self._show_names)
            self.boxes[job] = box
            layout.addWidget(box)
        self.folder = QLineEdit(folder)
        browse = QPushButton("เลือกโฟลเดอร์...")
        browse.setAutoDefault(False)  # Enter in the folder's field exports, it never opens the chooser
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addWidget(plain_label("บันทึกไว้ที่โฟลเดอร์"))
        layout.addLayout(row)
        self.naming = QComboBox()
        for value, label in self.STYLES:
            self.naming.addItem(label, value.value)
        self.naming.setCurrentIndex(max(0, self.naming.findData(style.value)))
        self.naming.currentIndexChanged.connect(self._show_names)
        names = PlainForm()
        names.addRow("ชื่อไฟล์", self.naming)
        layout.addLayout(names)
        self.names = plain_label()
        self.names.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.names)
        buttons = ok_cancel(self, self._accept)
        ok = buttons.buttons()[0]
        if isinstance(ok, QPushButton):
            ok.setDefault(True)
        layout.addWidget(buttons)
        self._show_names()
        self.resize(560, 340)

    def _browse(self) -> None:
        folder = choose_path(self, "เลือกโฟลเดอร์ที่จะบันทึกเอกสาร", "folder", start=self.folder.text())
        if folder:
            self.folder.setText(folder)

    def jobs(self) -> list[tuple[str, str]]:
        return [job for job, box in self.boxes.items() if box.isChecked()]

    def name_style(self) -> NameStyle:
        return NameStyle(self.naming.currentData())

    def file_name(self, document: str, kind: str) -> str:
        if self.meeting is None:  # no meeting to name the files after
            return output_name(document, kind)
        return meeting_file_name(self.meeting, document, kind, self.name_style())

    def _show_names(self) -> None:
        names = [self.file_name(*job) for job in self.jobs()]
        self.names.setText("จะบันทึกเป็น: " + ", ".join(names) if names else "ยังไม่ได้เลือกเอกสาร")

    def _accept(self) -> None:
        if not self.jobs():
            inform(self, "ยังไม่ได้เลือก", "กรุณาเลือกเอกสารอย่างน้อยหนึ่งรายการ")
        elif not Path(self.folder.text()).is_dir():
            warn(self, "ไม่มีโฟลเดอร์นี้", f"ไม่มีโฟลเดอร์ {self.folder.text()} กรุณาเลือกโฟลเดอร์อื่น")
        else:
            self.accept()


class AnswerDialog(QDialog):
    """A recipient's answer to the minutes: certified, or corrections with what to correct."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("บันทึกคำตอบของผู้รับ")
        self.recipient = QComboBox()
        self.recipient.addItems(names)
        self.status = QComboBox()
        self.status.addItem("รับรอง", "certified")
        self.status.addItem("ขอแก้ไข", "corrections")
        self.note = QLineEdit()
        self.note.setPlaceholderText("สิ่งที่ขอแก้ไข")
        form = PlainForm()
        form.addRow("ผู้รับ", self.recipient)
        form.addRow("คำตอบ", self.status)
        form.addRow("หมายเหตุ", self.note)
        stack(self, form, ok_cancel(self))

    def answer(self) -> tuple[int, str, str]:
        return self.recipient.currentIndex(), str(self.status.currentData()), self.note.text().strip()
