"""ไฟล์ → ฐานข้อมูลของสำนักงาน… (issue 17): where the office's PostgreSQL server is, tried before
it is used; or back to the database file on this computer.

The connection string kept in the window's settings never holds a password: a server that
asks for one gets it typed in for this session only (kept in memory), or from libpq's own
password file or service file as the office's IT sets them up (README). Encryption is libpq's
`sslmode`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from models.storage import StorageError
from ui.dialogs import stack, warn
from ui.plain import PlainForm, plain_label

if TYPE_CHECKING:  # psycopg loads only when a server is tried
    from models.server import ServerDatabase

SERVER_SETTING = "office_server"  # the connection string, never a password
SSL_MODES = (
    ("prefer", "เข้ารหัสเมื่อเซิร์ฟเวอร์รองรับ"),
    ("require", "เข้ารหัสเสมอ"),
    ("verify-full", "เข้ารหัสและตรวจใบรับรองของเซิร์ฟเวอร์"),
)
PASSWORD_WORDS = ("password", "รหัสผ่าน")


def conninfo_of(fields: dict[str, str]) -> str:
    """libpq's `key=value` string of the fields given (values quoted as libpq reads them)."""

    def quoted(value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"

    return " ".join(f"{key}={quoted(value)}" for key, value in fields.items() if value)


def needs_password(error: Exception) -> bool:
    return any(word in str(error).lower() for word in PASSWORD_WORDS)


WRONG_PASSWORD = "กรุณาตรวจชื่อผู้ใช้ แล้วใส่รหัสผ่านอีกครั้ง"


def ask_password(parent: QWidget | None, where: str, wrong: str = "") -> str | None:
    """The password for this session only; None when cancelled. `wrong`: why the server refused
    the one given before (a wrong password, or no such user), which the box says."""
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

    dialog = QInputDialog(parent)
    dialog.setWindowTitle("รหัสผ่านฐานข้อมูลของสำนักงาน")
    asked = f"รหัสผ่านสำหรับ {where} (โปรแกรมไม่บันทึกรหัสผ่านนี้)"
    dialog.setLabelText(f"{wrong} {WRONG_PASSWORD}\n{asked}" if wrong else asked)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("ตกลง")
    dialog.setCancelButtonText("ยกเลิก")
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None


def connect_asking(parent: QWidget | None, conninfo: str) -> tuple[ServerDatabase, str] | None:
    """The server's database opened (asking a password when the server wants one), with the
    connection string used (the password in it, for this session); None when the clerk gave
    up. Raises StorageError for any other refusal."""
    from models.server import ServerDatabase, display_name  # noqa: PLC0415  (psycopg: only here)

    used = conninfo
    while True:
        try:
            return ServerDatabase.open_server(used), used
        except StorageError as error:
            if not needs_password(error):
                raise
            refused = getattr(error, "reason", "") or str(error)
            password = ask_password(parent, display_name(conninfo), wrong=refused if used != conninfo else "")
            if password is None:
                return None
            used = f"{conninfo} {conninfo_of({'password': password})}"


class OfficeServerDialog(QDialog):
    """The server's address, database, account and encryption (or a libpq service name)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ฐานข้อมูลของสำนักงาน")
        self.chosen: str | None = None  # the connection string to use; "" for the file here
        self.host = QLineEdit()
        self.port = QLineEdit("5432")
        self.dbname = QLineEdit("minutes")
        self.user = QLineEdit()
        self.ssl = QComboBox()
        for _, label in SSL_MODES:
            self.ssl.addItem(label)
        self.service = QLineEdit()  # made after the others: Tab follows the form
        self._fill(current)
        self.note = plain_label(
            "รหัสผ่านไม่ต้องใส่ที่นี่: โปรแกรมจะถามเมื่อเซิร์ฟเวอร์ต้องการ และไม่บันทึกไว้ "
            "(ผู้ดูแลระบบอาจตั้งไฟล์รหัสผ่านหรือชื่อบริการให้แทน)"
        )
        self.note.setWordWrap(True)
        form = PlainForm()
        form.addRow("เซิร์ฟเวอร์", self.host)
        form.addRow("พอร์ต", self.port)
        form.addRow("ชื่อฐานข้อมูล", self.dbname)
        form.addRow("ชื่อผู้ใช้", self.user)
        form.addRow("การเข้ารหัส", self.ssl)
        form.addRow("หรือชื่อบริการ (service)", self.service)
        buttons = QDialogButtonBox()
        self.test = QPushButton("ทดสอบการเชื่อมต่อ")
        self.test.clicked.connect(self.try_connection)
        buttons.addButton(self.test, QDialogButtonBox.ButtonRole.ActionRole)
        use = buttons.addButton("ใช้ฐานข้อมูลนี้", QDialogButtonBox.ButtonRole.AcceptRole)
        local = buttons.addButton("ใช้ไฟล์ในเครื่องนี้", QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        use.clicked.connect(self.use_server)
        local.clicked.connect(self.use_local_file)
        buttons.rejected.connect(self.reject)
        stack(self, form, self.note, buttons)
        self.opened: ServerDatabase | None = None  # the database the test or the choice opened
        self.used = ""  # its connection string, a password typed in included

    def _fill(self, current: str) -> None:
        if not current:
            return
        from psycopg import ProgrammingError  # noqa: PLC0415  (psycopg: only for a server)
        from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415

        try:
            parts = conninfo_to_dict(current)
        except ProgrammingError:  # a setting libpq no longer reads: start empty
            return
        self.host.setText(str(parts.get("host", "")))
        self.port.setText(str(parts.get("port", "5432")))
        self.dbname.setText(str(parts.get("dbname", "")))
        self.user.setText(str(parts.get("user", "")))
        self.service.setText(str(parts.get("service", "")))
        modes = [mode for mode, _ in SSL_MODES]
        if parts.get("sslmode") in modes:
            self.ssl.setCurrentIndex(modes.index(str(parts["sslmode"])))

    def conninfo(self) -> str:
        if self.service.text().strip():
            return conninfo_of({"service": self.service.text().strip()})
        return conninfo_of(
            {
                "host": self.host.text().strip(),
                "port": self.port.text().strip(),
                "dbname": self.dbname.text().strip(),
                "user": self.user.text().strip(),
                "sslmode": SSL_MODES[self.ssl.currentIndex()][0],
            }
        )

    def try_connection(self) -> bool:
        """Connect now; say how it went. True when the server answered."""
        self._close_opened()
        try:
            opened = connect_asking(self, self.conninfo())
        except StorageError as error:
            warn(self, "เชื่อมต่อไม่ได้", str(error))
            return False
        if opened is None:
            return False
        self.opened, self.used = opened
        self.note.setText("เชื่อมต่อได้แล้ว")
        return True

    def use_server(self) -> None:
        if self.opened is None and not self.try_connection():
            return
        self.chosen = self.conninfo()
        self.accept()

    def use_local_file(self) -> None:
        self._close_opened()
        self.chosen = ""
        self.accept()

    def reject(self) -> None:
        self._close_opened()
        super().reject()

    def _close_opened(self) -> None:
        if self.opened is not None:
            self.opened.close()
        self.opened = None
