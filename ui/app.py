"""Starting the window: the bundled Sarabun registered for the editors, the database opened
(with the demo meeting when it is empty), the window shown."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from exporters.fonts import BUNDLED_FILES, FONT_FOLDER, SARABUN
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.storage import Database
from ui.main_window import MainWindow

UI_FONT_SIZE = 12
EXIT_AFTER_SHOW = "THAI_MINUTES_EXIT_AFTER_SHOW"  # for tests and the start-up benchmark
STARTED = time.perf_counter()


def register_fonts() -> str:
    """Register the bundled Sarabun with Qt (on screen its larger letters read better than TH
    Sarabun New's at the same size); returns its family name."""
    family = SARABUN
    for file in BUNDLED_FILES[SARABUN]:
        font_id = QFontDatabase.addApplicationFont(str(FONT_FOLDER / file))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def open_database(path: Path) -> Database:
    """Open the database; an empty one gets the demo meeting so a newcomer sees a real one."""
    database = Database.open(path)
    if database.meeting_count() == 0:
        database.add_document(read_meeting_file(DEMO_MEETING))
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
    return MainWindow(database)


def run(path: Path) -> int:
    database = open_database(path)
    window = create_window(database)
    window.resize(1366, 768)
    window.show()
    if os.environ.get(EXIT_AFTER_SHOW):
        from PySide6.QtCore import QTimer  # noqa: PLC0415

        def report_and_quit() -> None:
            print(f"usable after {time.perf_counter() - STARTED:.3f} s", file=sys.stderr)
            application().quit()

        QTimer.singleShot(0, report_and_quit)
    try:
        return int(application().exec())
    finally:
        database.close()
