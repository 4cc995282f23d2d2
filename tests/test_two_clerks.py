"""Issue 17: two clerks on one office server, each in a process of their own.

Clerk A (tests/clerk_process.py) opens the meeting first and holds its lease; clerk B's window
(here) opens it read-only, named A's, refuses B's typing without writing, and shows A's changes
within moments (LISTEN/NOTIFY); when A's program vanishes without letting go, the lease lapses
and B's window becomes editable by itself, and what B types then reaches the server.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from models.meeting import MeetingDocument
from models.server import ServerDatabase
from tests.conftest import shown_window
from tests.keyboard import type_text
from ui.main_window import MainWindow

CLERK = Path(__file__).resolve().parent / "clerk_process.py"
LAPSE_SECONDS = 2  # the lease's life in this test (60 in the program)


class Clerk:
    """Clerk A's program: commands in, answers out."""

    def __init__(self, conninfo: str, meeting_id: int, name: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CLERK), conninfo, str(meeting_id), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.first = self.answer()

    def say(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.answer() if line != "vanish" else ""

    def answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def wait(self) -> None:
        """The program's end (after `vanish`, or once its input is closed), its pipes closed."""
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()
        self.process.wait(timeout=10)


@pytest.fixture
def meeting_on_server(pg_database: str, demo: MeetingDocument) -> int:
    with ServerDatabase.open_server(pg_database) as database:
        return database.add_document(copy.deepcopy(demo))


@pytest.fixture
def clerk_a(pg_database: str, meeting_on_server: int) -> Iterator[Clerk]:
    """Clerk A, who opened the meeting first."""
    a = Clerk(pg_database, meeting_on_server, "นางสาวเอ")
    yield a
    if a.process.poll() is None:
        a.process.kill()
    a.wait()


@pytest.fixture
def clerk_b(qtbot: QtBot, pg_database: str, clerk_a: Clerk) -> Iterator[MainWindow]:
    """Clerk B's window, opened after A has the meeting."""
    database = ServerDatabase.open_server(pg_database, clerk="นายบี")
    database.lease_seconds = LAPSE_SECONDS
    main = shown_window(qtbot, database)
    assert main.office is not None
    main.office.renewal.setInterval(300)
    yield main
    main.close()
    database.close()


def test_two_clerks_lease_read_only_changes_seen_and_lease_lapse(
    qtbot: QtBot, pg_database: str, meeting_on_server: int, clerk_a: Clerk, clerk_b: MainWindow
) -> None:
    a, window = clerk_a, clerk_b
    assert a.first == "leased"
    assert window.editor.meeting_id == meeting_on_server  # B's window opened the meeting A edits
    held = window.session.read_only
    assert held is not None and "นางสาวเอ" in held
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    before = header.title.text()
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("ของบี\t")
    qtbot.waitUntil(lambda: header.title.text() == before)  # refused: the stored title shown again
    with ServerDatabase.open_server(pg_database) as other:
        assert other.load_document(meeting_on_server).meeting.title == before

    assert a.say("title การประชุม ที่นางสาวเอ แก้ไข") == "ok"
    qtbot.waitUntil(lambda: header.title.text() == "การประชุม ที่นางสาวเอ แก้ไข", timeout=5000)
    assert window.session.read_only is not None  # still A's

    a.say("vanish")
    a.wait()
    qtbot.waitUntil(lambda: window.session.read_only is None, timeout=(LAPSE_SECONDS + 5) * 1000)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("การประชุม ที่นายบี แก้ไขต่อ\t")
    qtbot.waitUntil(lambda: title_on_server(pg_database, meeting_on_server) == "การประชุม ที่นายบี แก้ไขต่อ")


def title_on_server(conninfo: str, meeting_id: int) -> str:
    with ServerDatabase.open_server(conninfo) as other:
        return other.load_document(meeting_id).meeting.title


def test_a_clerk_who_comes_second_is_told_who_holds_the_meeting(
    pg_database: str, meeting_on_server: int
) -> None:
    a = Clerk(pg_database, meeting_on_server, "นางสาวเอ")
    b = Clerk(pg_database, meeting_on_server, "นายบี")
    assert (a.first, b.first) == ("leased", "held นางสาวเอ")
    refused = b.say("title ของบี")
    assert refused.startswith("refused") and "นางสาวเอ" in refused
    assert a.say("release") == "ok"
    for clerk in (a, b):
        clerk.wait()
    c = Clerk(pg_database, meeting_on_server, "นายซี")
    assert c.first == "leased" and c.say("title ของซี") == "ok"
    c.wait()
