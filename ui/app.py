"""Starting the window: the bundled Sarabun registered for the editors, the database opened
(with the demo meeting when it is empty), the window shown.

The window is the database's one writer: it holds the database's writer lock for its whole life.
A second window on the same database (or a database that cannot be written where it is: a
read-only file, folder or medium) opens read-only and says so in a box and in the status bar;
every edit there is refused with that message. A database that cannot be opened at all is
explained in a box before the program ends, and the backup made at opening reports in a box a
database it found damaged.

Nothing the first keystroke does not need is loaded before the window shows (the exporters,
jsonschema, Pillow, multiprocessing load on first use); half a second after it shows, the
checking process that F7 uses starts in the background. With `THAI_MINUTES_PROBE=FILE` the
window tells the start-up benchmark when it handled each key (`ui.probe`).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.paths import DEMO_MEETING, RESOURCES
from models.sql import DatabaseTarget
from models.storage import (
    Database,
    DatabaseDamagedError,
    DatabaseInUseError,
    DatabaseUnwritableError,
    StorageError,
    storage_error,
)
from ui.checks_panel import start_checking_process
from ui.main_window import MainWindow
from ui.plain import message_box, plain_label
from ui.probe import install_probe

UI_FONT_SIZE = 12
UI_FONT_FAMILY = "Sarabun"  # the bundled files below; the exporters' font module is not loaded for them
UI_FONT_FILES = (RESOURCES / "fonts" / "Sarabun-Regular.ttf", RESOURCES / "fonts" / "Sarabun-Bold.ttf")
EXIT_AFTER_SHOW = "THAI_MINUTES_EXIT_AFTER_SHOW"  # for tests and the start-up benchmark
STARTED = time.perf_counter()
CHECKING_PROCESS_DELAY_MS = 500  # after the window shows: the checking process starts
WINDOW_BUSY_TIMEOUT = 1.0  # seconds a keystroke waits for another program's lock before it is reported
IN_USE_REASON = (
    "ฐานข้อมูลนี้เปิดแก้ไขอยู่ในหน้าต่างอื่นของโปรแกรม หน้าต่างนี้จึงเปิดแบบอ่านอย่างเดียว: ดู ค้นหา และส่งออกได้ "
    "แต่แก้ไขไม่ได้ เพื่อไม่ให้สองหน้าต่างเขียนทับกัน กรุณาแก้ไขในหน้าต่างแรก หรือปิดหน้าต่างนั้นแล้วเปิดโปรแกรมใหม่"
)
UNWRITABLE_REASON = "{error} หน้าต่างนี้จึงเปิดแบบอ่านอย่างเดียว: ดู ค้นหา และส่งออกได้ แต่แก้ไขไม่ได้"


def register_fonts() -> str:
    """Register the bundled Sarabun with Qt (on screen its larger letters read better than TH
    Sarabun New's at the same size); returns its family name."""
    family = UI_FONT_FAMILY
    for file in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def open_database(path: DatabaseTarget) -> Database:
    """Open the database for writing; an empty one gets the demo meeting so a newcomer sees a
    real one. When another window has it, or it cannot be written where it is, it is opened
    read-only (`read_only_reason` says why). Raises StorageError when it cannot be opened.
    An office's server (a connection string, issue 17) never gets the demo: it is the office's
    archive, searched by everyone."""
    if isinstance(path, str):  # asking its password when the server wants one (--db)
        from models.server import display_name  # noqa: PLC0415  (psycopg: only for a server)
        from ui.server_dialog import connect_asking  # noqa: PLC0415

        opened = connect_asking(None, path)
        if opened is None:
            raise StorageError(f"ไม่ได้ใส่รหัสผ่าน จึงไม่ได้เปิดฐานข้อมูลของสำนักงาน {display_name(path)}")
        return opened[0]
    try:
        database = Database.open(path, busy_timeout=WINDOW_BUSY_TIMEOUT)
    except DatabaseInUseError:
        database = Database.open(path, read_only=True, reason=IN_USE_REASON)
    except DatabaseUnwritableError as error:
        if not path.is_file():
            raise  # a new database where none can be made: nothing to read either
        database = Database.open(path, read_only=True, reason=UNWRITABLE_REASON.format(error=error))
    if not database.read_only and database.meeting_count() == 0:
        from models.meetingfile import read_meeting_file  # noqa: PLC0415  (jsonschema: only for the demo)

        try:
            database.add_document(read_meeting_file(DEMO_MEETING))
        except sqlite3.Error as error:
            database.close()
            raise storage_error(error, path) from error
    return database


def keep_settings_in(folder: Path) -> None:
    """Window settings in `folder` instead of the user's (for scripts, benchmarks and tests)."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))


def application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(sys.argv)


def create_window(database: Database) -> MainWindow:
    app = application()
    app.setFont(QFont(register_fonts(), UI_FONT_SIZE))
    app.setApplicationName("thai-minutes")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "thai-minutes.png")))
    window = MainWindow(database)
    window.focus_the_open_meeting()
    if database.read_only:
        show_read_only(window, database.read_only_reason)
    else:
        database.start_search_indexer()  # meetings indexed as they are saved or imported
    return window


def show_read_only(window: MainWindow, reason: str) -> None:
    """The status bar says, for as long as the window is open, that nothing can be edited."""
    label = plain_label("อ่านอย่างเดียว")
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setToolTip(reason)
    window.statusBar().insertPermanentWidget(0, label)
    window.statusBar().showMessage(reason)


def show_problem(
    parent: QWidget | None, title: str, message: str, critical: bool = True, echo: bool = False
) -> QMessageBox:
    """A box with the message, plain text, with a Thai button (`echo`: on stderr too). Without a
    parent it waits for the clerk, unless `THAI_MINUTES_EXIT_AFTER_SHOW` is set (tests and
    benchmarks: then it is shown and closed)."""
    if echo:
        print(message, file=sys.stderr)
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
    box = message_box(parent, icon, title, message)
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    if os.environ.get(EXIT_AFTER_SHOW):
        box.show()
        application().processEvents()
        box.close()
    elif parent is None:
        box.exec()
    else:
        box.open()  # not modal: the window stays usable
    return box


def watch_backup(window: MainWindow, database: Database) -> QTimer:
    """When the backup made at opening ends: a box if it found the database damaged (and so made
    no copy), a status-bar message if it could not be made."""
    timer = QTimer(window)
    timer.setInterval(200)

    def check() -> None:
        if database.backup_running:
            return
        timer.stop()
        error = database.backup_error
        if isinstance(error, DatabaseDamagedError):
            show_problem(window, "ฐานข้อมูลเสียหาย", str(error), critical=False, echo=True)
        elif error is not None:
            reason = storage_error(error, database.path)
            window.statusBar().showMessage(f"สำรองฐานข้อมูลไม่สำเร็จ: {reason}", 15000)

    timer.timeout.connect(check)
    timer.start()
    return timer


def run(path: DatabaseTarget, meeting_file: Path | None = None, chosen: bool = True) -> int:
    """The window on the database at `path`. Unless `chosen` (`--db`), the office's server the
    clerk chose last (ไฟล์ → ฐานข้อมูลของสำนักงาน…) is opened instead; when it cannot be
    reached, the file here is, and the box says so. A database that cannot be opened is
    explained in a box, and the StorageError raised (the command line prints it and exits with
    status 2)."""
    app = application()
    probe = install_probe(app)
    try:
        database = _office_server(path) if not chosen else None
        database = database or open_database(path)
    except StorageError as error:
        show_problem(None, "เปิดฐานข้อมูลไม่ได้", str(error))
        raise
    try:
        window = create_window(database)
    except (StorageError, sqlite3.Error) as error:  # a meeting that cannot be read back
        database.close()
        problem = error if isinstance(error, StorageError) else storage_error(error, database.path)
        show_problem(None, "เปิดฐานข้อมูลไม่ได้", str(problem))
        raise problem from error
    if probe is not None:
        window.checks.started.connect(probe.checks_started)
        window.checks.shown.connect(probe.checks_shown)
        window.page_view_made.connect(probe.watch_page_view)
    window.show()
    window.activateWindow()  # the keyboard's, even where no window manager gives it (Xvfb)
    if database.read_only:
        show_problem(window, "เปิดแบบอ่านอย่างเดียว", database.read_only_reason, critical=False, echo=True)
    watch_backup(window, database)
    if meeting_file is not None:  # started with a meeting file ("Open with"): imported and opened
        QTimer.singleShot(0, lambda: window.import_path(meeting_file))
    if not os.environ.get(EXIT_AFTER_SHOW):
        # F7 then finds the word list loaded; it starts once the window has come up, niced
        QTimer.singleShot(CHECKING_PROCESS_DELAY_MS, start_checking_process)
    else:

        def report_and_quit() -> None:
            print(f"usable after {time.perf_counter() - STARTED:.3f} s", file=sys.stderr)
            application().quit()

        QTimer.singleShot(0, report_and_quit)
    try:
        return int(app.exec())
    finally:
        for opened in (database, *SWITCHED_TO):
            opened.close()


SWITCHED_TO: list[Database] = []  # databases a window switched to (ไฟล์ → ฐานข้อมูลของสำนักงาน…)


def _office_server(path: DatabaseTarget) -> Database | None:
    """The office's server the clerk chose last, when one was (asking its password if it wants
    one); None for the file. Unreachable, it is said and the file here is opened instead."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from ui.server_dialog import SERVER_SETTING, connect_asking  # noqa: PLC0415

    conninfo = str(QSettings("thai-minutes", "thai-minutes").value(SERVER_SETTING, "") or "")
    if not conninfo:
        return None
    try:
        opened = connect_asking(None, conninfo)
    except StorageError as error:
        show_problem(
            None,
            "เชื่อมต่อฐานข้อมูลของสำนักงานไม่ได้",
            f"{error} จึงเปิดฐานข้อมูลในเครื่องนี้ ({path}) แทน",
            critical=False,
            echo=True,
        )
        return None
    return opened[0] if opened is not None else None


def switch_database(window: MainWindow, database: Database | None) -> MainWindow:
    """The window again on another database (the office's server, or with None the file
    here): a new window opens on it and the old one closes with its database."""
    from models.paths import default_database_path  # noqa: PLC0415

    target = database or open_database(default_database_path())
    SWITCHED_TO.append(target)
    fresh = create_window(target)
    fresh.show()
    fresh.activateWindow()
    old = window.database
    window.close()
    old.close()
    return fresh
