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
def _isolated_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's database or window settings."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415  (Qt only once the platform is chosen)

    monkeypatch.setenv("THAI_MINUTES_DB", str(tmp_path / "user" / "minutes.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # child processes
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "config"))


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
