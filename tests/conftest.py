"""Shared fixtures. Every test works in its own temporary folder; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.meeting import MeetingDocument
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.storage import Database


@pytest.fixture(autouse=True)
def _isolated_user_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's database."""
    monkeypatch.setenv("THAI_MINUTES_DB", str(tmp_path / "user" / "minutes.sqlite3"))


@pytest.fixture
def demo() -> MeetingDocument:
    return read_meeting_file(DEMO_MEETING)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "minutes.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    with Database.open(db_path) as opened:
        yield opened
