"""A clerk's hands for the window tests: key events sent where the keyboard focus is, one event
per character as a Thai keyboard sends them (the character as the event's text), with Space,
Enter and Tab as real keys. Events go through Qt's shortcut handling as a real keyboard's do, so
window shortcuts and a field's own keys meet as they would for the clerk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

SPECIAL = {" ": Qt.Key.Key_Space, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """One key (with modifiers) to the focused widget, then let queued work run (Enter in a
    table commits through a queued call)."""
    QTest.keyClick(focused(), key, modifiers)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Type `text` at the focus: Space, Enter (\\n) and Tab (\\t) as keys, every other character
    as a key event carrying it."""
    for char in text:
        if char in SPECIAL:
            press(SPECIAL[char])
            continue
        target = focused()
        for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
            QTest.sendKeyEvent(action, target, Qt.Key.Key_unknown, char, NONE)
