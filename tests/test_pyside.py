"""The Qt binding the program is installed with keeps Python's reference counts right where the
window depends on it: every edit emits signals from Python (PySide6 6.12.0 dropped a reference
to True at each emit, and on Python 3.11 the process aborted after a few thousand edits)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object, object)


def test_emitting_a_signal_keeps_the_reference_count_of_true() -> None:
    emitter = _Emitter()
    heard: list[object] = []
    emitter.changed.connect(lambda change, origin: heard.append(change))
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.changed.emit(number, None)
    assert len(heard) == 200
    assert sys.getrefcount(True) >= before - 5  # a leak would have dropped it by 200
