"""Issue 17: the connection to the office's server cut in the middle of typing.

The clerk goes on typing while the server is down: every key is taken at once, kept in the
meeting's copy on her computer, the status bar says the server is not reached and how many
edits wait; when the server is back the edits are sent in order and the server holds exactly
what was typed.
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from models.meeting import MeetingDocument
from models.server import ServerDatabase
from models.storage import StorageError
from tests.keyboard import focused, type_text
from tests.pg_server import ServerForTests, running_server
from ui.main_window import MainWindow
from ui.office_server import DISCONNECTED


@pytest.fixture
def own_server() -> Iterator[ServerForTests]:
    """A server of this test's own: it is stopped and started again."""
    with running_server() as server:
        yield server


def test_typing_while_the_server_is_down_is_kept_and_sent_when_it_returns(
    qtbot: QtBot, own_server: ServerForTests, demo: MeetingDocument
) -> None:
    from ui.app import create_window  # noqa: PLC0415

    conninfo = own_server.new_database()
    with ServerDatabase.open_server(conninfo) as setup:
        meeting_id = setup.add_document(copy.deepcopy(demo))
    database = ServerDatabase.open_server(conninfo)
    window: MainWindow = create_window(database)
    window.quiet = True  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.office is not None and window.office.sync is not None
    window.office.sync.retry_seconds = 0.3
    window.office.renewal.setInterval(300)
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("การประชุม ก่อนไฟดับ\t")
    qtbot.waitUntil(lambda: on_server(conninfo, meeting_id).meeting.title == "การประชุม ก่อนไฟดับ", timeout=5000)

    own_server.stop()
    assert focused() is header.period
    header.period.selectAll()
    started = time.monotonic()
    typed = "ประจำเดือน ตุลาคม ๒๕๖๗ ระหว่างที่ เซิร์ฟเวอร์ ดับ"
    type_text(typed)
    assert time.monotonic() - started < 5  # no key waited for the network (a try takes 5 s)
    assert window.editor.document.meeting.period == typed
    qtbot.waitUntil(
        lambda: window.office is not None and window.office.state.text() == DISCONNECTED, timeout=5000
    )
    assert window.office.replica is not None and window.office.replica.pending() > 0
    waiting = window.office.pending.text()
    assert "รอส่งถึงเซิร์ฟเวอร์" in waiting and re.search("[๑-๙]", waiting) and not re.search("[0-9]", waiting)

    own_server.start()
    qtbot.waitUntil(lambda: period_on_server(conninfo, meeting_id) == typed, timeout=15000)
    expected = copy.deepcopy(window.editor.document)
    assert on_server(conninfo, meeting_id) == expected  # nothing else changed, nothing lost
    qtbot.waitUntil(lambda: window.office is not None and window.office.pending.text() == "", timeout=5000)
    window.close()
    database.close()


def on_server(conninfo: str, meeting_id: int) -> MeetingDocument:
    with ServerDatabase.open_server(conninfo) as other:
        return other.load_document(meeting_id)


def period_on_server(conninfo: str, meeting_id: int) -> str | None:
    try:
        return on_server(conninfo, meeting_id).meeting.period
    except StorageError:  # the server still starting
        return None


def test_another_meeting_chosen_while_the_server_is_down_leaves_the_open_one_editable(
    qtbot: QtBot, own_server: ServerForTests, demo: MeetingDocument
) -> None:
    """The clerk clicks another meeting in the list while the server is out of reach: the open
    meeting stays open and editable (its copy is not closed), she is told why, the list and a
    search fail in words, not tracebacks; what she types then reaches the server when it is back."""
    from ui.app import create_window  # noqa: PLC0415
    from ui.main_window import SERVER_OUT_OF_REACH  # noqa: PLC0415

    conninfo = own_server.new_database()
    with ServerDatabase.open_server(conninfo) as setup:
        other = setup.add_document(copy.deepcopy(demo))
        meeting_id = setup.add_document(copy.deepcopy(demo))  # the newest: opened
    database = ServerDatabase.open_server(conninfo)
    window: MainWindow = create_window(database)
    window.quiet = True  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert (
        window.office is not None
        and window.office.sync is not None
        and window.editor.meeting_id == meeting_id
    )
    window.office.sync.retry_seconds = 0.3
    own_server.stop()
    window.open_meeting(other)  # as a click in the list does
    assert window.editor.meeting_id == meeting_id and window.session.held_by is None
    assert window.statusBar().currentMessage() == SERVER_OUT_OF_REACH
    window.filter.setText("ครัวเรือน")
    assert window.search_all() == []  # said in the list, no traceback
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("พิมพ์ตอนเซิร์ฟเวอร์ดับ")
    own_server.start()
    qtbot.waitUntil(
        lambda: on_server(conninfo, meeting_id).meeting.title == "พิมพ์ตอนเซิร์ฟเวอร์ดับ", timeout=15000
    )
    window.close()
    database.close()
