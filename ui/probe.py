"""What the window benchmark reads from outside the process: with `THAI_MINUTES_PROBE=FILE` in
the environment, the window appends one line to FILE for each key press it has handled and for
each run of the checks, with the time on the system-wide monotonic clock (CLOCK_MONOTONIC on
Linux, the clock the benchmark reads before it sends a key), so that the benchmark measures what
the clerk waits for: from starting the program, or from pressing a key, to the key taken.

    key <seconds> <class of the focused widget> <the key's text as code points>
    checks-started <seconds>
    checks-shown <seconds> <number of findings>
    page-shown <seconds> <page number>        (the page view beside the editor was updated)

Without the variable nothing is installed and nothing is written.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

PROBE = "THAI_MINUTES_PROBE"


class KeyProbe(QObject):
    """Appends a line once each key press delivered to the focused widget has been handled."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path

    def write(self, line: str) -> None:
        # One short append a line, flushed at once: the benchmark polls the file.
        with self.path.open("a", encoding="utf-8") as file:
            file.write(line + "\n")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched is QApplication.focusWidget()
        ):
            kind = type(watched).__name__
            text = " ".join(f"{ord(ch):04x}" for ch in event.text()) or f"key-{event.key():x}"
            # Queued behind the key's own handling (which runs as soon as this returns): the
            # time written is when the key has been taken, not when it arrived.
            QTimer.singleShot(0, lambda: self.write(f"key {time.monotonic():.6f} {kind} {text}"))
        return False

    def checks_started(self) -> None:
        self.write(f"checks-started {time.monotonic():.6f}")

    def checks_shown(self, count: int) -> None:
        self.write(f"checks-shown {time.monotonic():.6f} {count}")

    def page_shown(self, view: object) -> None:
        self.write(f"page-shown {time.monotonic():.6f} {getattr(view, 'page', 0)}")

    def watch_page_view(self, panel: QObject) -> None:
        panel.updated.connect(self.page_shown)  # type: ignore[attr-defined]


def install_probe(application: QApplication) -> KeyProbe | None:
    """The probe on the whole application when `THAI_MINUTES_PROBE` names a file, else None."""
    target = os.environ.get(PROBE)
    if not target:
        return None
    probe = KeyProbe(Path(target), application)
    application.installEventFilter(probe)
    return probe
