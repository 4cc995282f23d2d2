"""Searching all meetings from the window while the background indexer keeps the index current:
what is typed and what is imported is found without anyone asking for an index, and a search
made while meetings are still being indexed says so in Thai, then shows everything when done."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.meeting import MeetingDocument, Paragraph
from models.meetingfile import write_meeting_file
from models.storage import Database
from tests.keyboard import press, type_text
from tests.test_search import distinct_meetings
from tests.test_typing import CTRL, click_into, open_item
from ui.main_window import FEW_TO_INDEX, MainWindow

INDEXED = 15_000  # ms to wait for the background indexer (it starts after a second of quiet)


def search_from_the_box(window: MainWindow, qtbot: QtBot, words: str) -> None:
    click_into(qtbot, window.filter)
    type_text(words)
    press(Qt.Key.Key_Return)


def test_words_typed_in_a_paragraph_are_found_from_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    item = window.editor.document.meeting.sections[4].items[0]
    editor = open_item(window, item)
    paragraph = editor.block_widgets[0].field
    click_into(qtbot, paragraph)
    press(Qt.Key.Key_End, CTRL)
    type_text("\nที่ประชุมเห็นชอบ ให้ตั้งสหกรณ์ออมทรัพย์ ของหมู่บ้าน\nเริ่มเดือนมกราคม\t")
    # indexed in the background once the clerk pauses, before any search asks for it
    qtbot.waitUntil(lambda: window.database.search_backlog() == 0, timeout=INDEXED)
    assert [h.place for h in window.database.search("เริ่มเดือนมกราคม", wait=0)] == ["วาระ ๔.๑"]
    search_from_the_box(window, qtbot, "สหกรณ์ออมทรัพย์ ของหมู่บ้าน")
    assert [h.place for h in window.hit_places] == ["วาระ ๔.๑"]
    assert window.hits.count() == 1 and "ตั้งสหกรณ์ออมทรัพย์ ของหมู่บ้าน" in window.hits.item(0).text()


def test_a_meeting_imported_in_the_window_is_indexed_in_the_background(
    window: MainWindow, qtbot: QtBot, demo: MeetingDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = copy.deepcopy(demo)
    document.meeting.seq = 11
    document.meeting.sections[1].items[0].blocks.insert(0, Paragraph("แต่งตั้งคณะทำงานชุดใหม่"))
    file = tmp_path / "next.minutes.json"
    write_meeting_file(document, file)
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(file))
    window.import_file()
    meeting_id = window.editor.meeting_id
    qtbot.waitUntil(lambda: window.database.search_backlog() == 0, timeout=INDEXED)
    hits = window.database.search("คณะทำงาน", wait=0)
    assert [(h.meeting_id, h.place) for h in hits] == [(meeting_id, "วาระ ๑.๑")]


def held_indexer(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the background indexer before each meeting until the event is set."""
    gate = threading.Event()
    real: Callable[..., bool] = Database.index_meeting

    def held(self: Database, meeting_id: int, pause: Callable[[], None] | None = None) -> bool:
        if threading.current_thread().name == "search-indexer":
            gate.wait(60)
        return real(self, meeting_id, pause)

    monkeypatch.setattr(Database, "index_meeting", held)
    return gate


def test_a_search_while_meetings_are_being_indexed_says_so_then_shows_them_all(
    window: MainWindow, qtbot: QtBot, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = FEW_TO_INDEX + 5
    gate = held_indexer(monkeypatch)
    try:
        for document in distinct_meetings(demo, count):
            window.database.add_document(document)
        search_from_the_box(window, qtbot, "คณะทำงาน")
        assert len(window.hit_places) < count  # what is indexed, at once
        note = window.hits.item(window.hits.count() - 1).text()
        assert note.startswith("กำลังจัดทำดัชนีค้นหา ยังเหลืออีก") and "ผลที่แสดงจึงอาจยังไม่ครบ" in note
        assert window.statusBar().currentMessage() == note
    finally:
        gate.set()
    qtbot.waitUntil(lambda: len(window.hit_places) == count, timeout=INDEXED)  # searched again by itself
    assert window.hits.count() == count  # the note is gone
    assert {h.place for h in window.hit_places} == {"วาระ ๑.๑"}
