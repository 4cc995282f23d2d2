"""Text shown as typed: every label, message box and tooltip of the window is plain text.

Qt guesses whether a string is HTML (`Qt.mightBeRichText`) and then renders it, so a meeting's
title, a recipient's name or a file's `format` field holding `<img src='/dev/zero'>` would make
Qt read that file. Everything that shows text goes through here and is plain text from the start
(the format is set before the text, so the guess is never made).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` exactly as it is."""
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setText(text)
    return label


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that shows `text` exactly as it is (add its buttons, then show it)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(PLAIN)
    box.setText(text)
    return box


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` exactly as it is. Qt has no plain-text tooltips: it guesses
    from the text, so the text is escaped into HTML that says what was typed."""
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def make_plain(widget: QWidget) -> None:
    """Every label inside `widget` plain text (for labels Qt makes itself, as a dialog's)."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(PLAIN)


class PlainForm(QFormLayout):
    """A form whose row labels are plain text (QFormLayout makes its own labels rich-text
    capable when given a string)."""

    def addRow(self, *args: Any) -> None:
        if args and isinstance(args[0], str):
            args = (plain_label(args[0]), *args[1:])
        super().addRow(*args)
