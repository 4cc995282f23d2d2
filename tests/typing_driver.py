"""A child process for the kill test: opens the window on a database and types into the meeting's
title (or, with `roster`, into the first person's position cell, its editor left open; or into the
header field named, `date`), one key event every few milliseconds, telling the parent after each
one. The field is never left: what a field stores only on leaving would be lost."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ui.app import application, create_window, open_database


def main() -> None:
    database = open_database(Path(sys.argv[1]))
    text = sys.argv[2]
    app = application()
    window = create_window(database)
    window.show()
    if sys.argv[3:] == ["roster"]:
        roster = window.roster_tab
        window.tabs.setCurrentWidget(roster)
        roster.view.setFocus()
        roster.select(0, 3)
        roster.view.edit_current()
        app.processEvents()
        title = QApplication.focusWidget()
        assert title is not None
        title.selectAll()  # type: ignore[attr-defined]
        title.del_()  # type: ignore[attr-defined]
        title.textEdited.emit(title.text())  # type: ignore[attr-defined]
    else:  # the meeting's title, or the header field named (`date`, `start`)
        title = getattr(window.header_tab, sys.argv[3]) if sys.argv[3:] else window.header_tab.title
        title.setFocus()
        title.selectAll()
        title.del_()
    typed = iter(enumerate(text, start=1))

    def type_next() -> None:
        step = next(typed, None)
        if step is None:
            print("done", flush=True)
            return  # and wait: the parent kills this process
        count, char = step
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                title, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
        print(f"typed {count}", flush=True)
        QTimer.singleShot(5, type_next)

    QTimer.singleShot(0, type_next)
    app.exec()


if __name__ == "__main__":
    main()
