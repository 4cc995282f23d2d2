"""Killing the program (SIGKILL) a second after the last keystroke loses nothing typed."""

from __future__ import annotations

import copy
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.drafts import Drafts
from models.meeting import MeetingDocument, Table, all_blocks
from models.storage import Database

DRIVER = Path(__file__).with_name("typing_driver.py")


def type_then_kill(db_path: Path, words: str, *where: str) -> None:
    """Type `words` in a child window, then SIGKILL it a second after the last key."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(DRIVER), str(db_path), words, *where]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None
            for line in child.stdout:
                if line.strip() == "done":
                    break
            else:
                pytest.fail(f"the window stopped before typing everything (exit {child.wait()})")
            time.sleep(1.0)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_nothing_typed_is_lost_when_the_program_is_killed(db_path: Path) -> None:
    words = "การประชุมประจำเดือนของผู้ใหญ่บ้านและกำนัน ครั้งที่ ๑๒"
    type_then_kill(db_path, words)
    with Database.open(db_path, backup=False) as database:
        (summary,) = database.list_meetings()
        assert summary.title == words


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_roster_cell_still_open_is_not_lost_when_killed(db_path: Path) -> None:
    words = "พัฒนาการจังหวัด รักษาราชการแทน"
    type_then_kill(db_path, words, "roster")
    with Database.open(db_path, backup=False) as database:
        (summary,) = database.list_meetings()
        assert database.load_document(summary.id).meeting.attendees[0].position == words


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_date_typed_and_killed_before_leaving_the_field_is_stored(db_path: Path) -> None:
    type_then_kill(db_path, "15/09/2565", "date")
    with Database.open(db_path, backup=False) as database:
        (summary,) = database.list_meetings()
        assert database.load_document(summary.id).meeting.date == dt.date(2022, 9, 15)
        assert Drafts(database, summary.id).get("meeting.date") is None


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_half_typed_date_is_kept_as_typed_when_killed(db_path: Path) -> None:
    type_then_kill(db_path, "15/09/25", "date")
    with Database.open(db_path, backup=False) as database:
        (summary,) = database.list_meetings()
        assert database.load_document(summary.id).meeting.date == dt.date(2024, 10, 29)  # the demo's
        assert Drafts(database, summary.id).get("meeting.date") == "15/09/25"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
@pytest.mark.parametrize("after", [0.3, 0.8, 1.5])
def test_a_table_killed_while_changing_shape_has_one_shape_or_the_other(
    db_path: Path, demo: MeetingDocument, after: float
) -> None:
    """Columns and rows change in one transaction: a kill at any moment leaves the old shape or
    the new one, never a table with part of its rows (a kill once left 128 of 3,000)."""
    from tests.shape_driver import SHAPES  # noqa: PLC0415

    with Database.open(db_path, backup=False) as database:
        database.add_document(copy.deepcopy(demo))
    command = [sys.executable, str(Path(__file__).with_name("shape_driver.py")), str(db_path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "begun"
        time.sleep(after)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    with Database.open(db_path, backup=False) as database:
        document = database.load_document(database.list_meetings()[0].id)
    (table, *_) = [block for _, block in all_blocks(document.meeting) if isinstance(block, Table)]
    original = next(block for _, block in all_blocks(demo.meeting) if isinstance(block, Table))
    shapes = [(original.columns, original.rows), *SHAPES]
    assert (table.columns, table.rows) in shapes
