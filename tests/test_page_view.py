"""The page view beside the editor (F9): it shows the printed page holding the current item, follows
the clerk from item to item and tab to tab, and shows what was typed after a pause, while the
keyboard stays where the clerk types."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exporters.layout import DEFAULT_LAYOUT
from exporters.pages import PageView
from exporters.pdf_export import pdf_pages
from models.checkjob import meeting_nodes
from models.meeting import Item, walk_items
from models.thai import to_thai_digits
from tests.conftest import reopened
from tests.keyboard import focused, press, type_text
from tests.test_printing import page_texts
from ui.main_window import MainWindow

UPDATE_MS = 60_000  # the first view waits for the page-view process to start


def shown_after(window: MainWindow, qtbot: QtBot, action: Callable[[], object]) -> PageView:
    """Do `action` and return the page view's next update (the first F9 makes the view)."""
    if window.page_view is None:
        action()
        qtbot.waitUntil(lambda: shown(window) is not None, timeout=UPDATE_MS)
        view = shown(window)
    else:
        with qtbot.waitSignal(window.page_view.updated, timeout=UPDATE_MS) as update:
            action()
        view = update.args[0]
    assert isinstance(view, PageView)
    return view


def shown(window: MainWindow) -> PageView | None:
    """The page the view shows, once it has been made and has shown one."""
    return window.page_view.view if window.page_view is not None else None


def test_f9_shows_the_page_and_leaves_the_keyboard_in_the_field(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(0)
    field = window.header_tab.title
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    view = shown_after(window, qtbot, lambda: press(Qt.Key.Key_F9))

    minutes = pdf_pages(window.editor.document, "minutes", DEFAULT_LAYOUT)
    assert (view.document, view.page) == ("minutes", 1)
    assert window.page_view is not None
    assert window.page_view.where.text() == to_thai_digits(f"รายงานการประชุม หน้า 1 จาก {view.page_count}")
    assert view.image.width > 200 and view.image.height > view.image.width  # a portrait page
    assert focused() is field
    assert window.page_view_action.isChecked() and window.settings.value("page_view") in (True, "true")
    assert view.page_count == len(page_texts(minutes.data))

    press(Qt.Key.Key_F9)  # hidden again, and remembered so
    assert window.page_view_dock is not None and not window.page_view_dock.isVisible()
    assert not window.page_view_action.isChecked()


def test_the_page_follows_the_current_item_and_shows_what_was_typed(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    shown_after(window, qtbot, window.toggle_page_view)
    meeting = window.editor.document.meeting
    nodes = list(meeting_nodes(meeting))
    anchor_pages = pdf_pages(window.editor.document, "minutes", DEFAULT_LAYOUT).anchor_pages
    last_item = next(
        node for node in reversed(nodes) if isinstance(node, Item) and anchor_pages[nodes.index(node)] > 1
    )
    window.tabs.setCurrentIndex(2)

    view = shown_after(window, qtbot, lambda: window.agenda_tab.select(last_item))
    assert view.page == anchor_pages[nodes.index(last_item)]
    assert window.page_view is not None
    bar = window.page_view.scroll_area.verticalScrollBar()
    heading = round(view.heading_at * view.image.height / window.page_view.devicePixelRatioF())
    qtbot.waitUntil(lambda: bar.value() > 0 or bar.maximum() == 0)
    viewport = window.page_view.scroll_area.viewport().height()
    assert bar.value() <= heading <= bar.value() + viewport or bar.value() == bar.maximum()  # in view

    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.title.setFocus()
    qtbot.waitUntil(editor.title.hasFocus)
    editor.title.end(False)
    before_pixels = view.image.pixels
    before = copy.deepcopy(window.editor.document)
    typed = " ผู้ใหญ่บ้านน้ำปู่ที่ดี"

    view = shown_after(window, qtbot, lambda: type_text(typed))

    assert view.page == anchor_pages[nodes.index(last_item)]
    assert view.image.pixels != before_pixels  # the typed words are on the page now
    assert last_item.title.endswith(typed)
    assert focused() is editor.title
    stored = reopened(db_path).meeting
    stored_items = [item for section in stored.sections for _, item in walk_items(section.items)]
    assert [item.title for item in stored_items if item.title.endswith(typed)] == [last_item.title]
    last_item.title = last_item.title.removesuffix(typed)
    assert window.editor.document == before  # nothing else changed


def test_the_letter_tab_shows_the_letter(window: MainWindow, qtbot: QtBot) -> None:
    shown_after(window, qtbot, window.toggle_page_view)
    view = shown_after(window, qtbot, lambda: window.tabs.setCurrentIndex(3))
    assert (view.document, view.page) == ("letter", 1)
    assert window.page_view is not None
    assert window.page_view.where.text().startswith("หนังสือนำส่ง หน้า ๑ จาก")


def test_closing_the_view_by_its_own_button_is_remembered(window: MainWindow, qtbot: QtBot) -> None:
    shown_after(window, qtbot, window.toggle_page_view)
    assert window.page_view_dock is not None
    window.page_view_dock.close()  # its ✕, not F9
    assert not window.page_view_action.isChecked()
    window.close()
    assert window.settings.value("page_view") in (False, "false")


def test_typing_the_distribution_list_shows_the_letter_s_last_page(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    shown_after(window, qtbot, window.toggle_page_view)
    shown_after(window, qtbot, lambda: window.tabs.setCurrentIndex(3))
    field = window.letter_tab.recipients
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    cursor = field.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    field.setTextCursor(cursor)
    typed = "\nที่ทำการปกครองอำเภอภูซาง ผู้ใหญ่บ้าน"

    view = shown_after(window, qtbot, lambda: type_text(typed))

    assert view.document == "letter" and view.page == view.page_count > 1
    letter = window.editor.document.letter
    assert letter is not None and letter.recipients[-1].name == typed.strip()
    stored = reopened(db_path).letter
    assert stored is not None and [r.name for r in stored.recipients] == [r.name for r in letter.recipients]
