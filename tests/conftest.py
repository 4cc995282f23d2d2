"""Shared fixtures. Every test works in its own temporary folder; Qt runs offscreen."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3

from models.meeting import MeetingDocument
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.storage import Database, StorageError
from tests.pg_server import ServerForTests, running_server

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's database or window settings."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415  (Qt only once the platform is chosen)

    monkeypatch.setenv("THAI_MINUTES_DB", str(tmp_path / "user" / "minutes.sqlite3"))
    # beside the test's folder, not in it: tests list what a command wrote there
    monkeypatch.setenv("THAI_MINUTES_CACHE", str(tmp_path.with_name(tmp_path.name + "-cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # child processes
    # the program's data folder (the office server's copies): the test's, never the user's
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path.with_name(tmp_path.name + "-data")))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "config"))


@pytest.fixture
def demo() -> MeetingDocument:
    return read_meeting_file(DEMO_MEETING)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "minutes.sqlite3"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module with `BOTH_BACKENDS = True` runs its tests of `database` twice: on an SQLite
    file and on the tests' PostgreSQL server (issue 17)."""
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if (
        "database" in metafunc.fixturenames
        and getattr(metafunc.module, "BOTH_BACKENDS", False)
        and not sqlite_only
    ):
        metafunc.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    if getattr(request, "param", "sqlite") == "postgresql":
        from models.server import ServerDatabase  # noqa: PLC0415

        server: ServerForTests = request.getfixturevalue("pg_server")
        with ServerDatabase.open_server(server.new_database()) as on_server:
            yield on_server
        return
    with Database.open(db_path) as opened:
        yield opened


def refuse_writes(database: Database, refused: bool) -> None:
    """Make the database refuse every write from now on (or take them again), as a read-only
    file or server does: SQLite's `query_only`, the server's read-only transactions."""
    from models.server import ServerDatabase  # noqa: PLC0415

    if isinstance(database, ServerDatabase):
        database.conn.execute(f"SET default_transaction_read_only = {'on' if refused else 'off'}")
    else:
        database.sqlite.execute(f"PRAGMA query_only = {'ON' if refused else 'OFF'}")


WRITE_REFUSED = (sqlite3.OperationalError, StorageError)  # what a refused write raises, per backend


def reopen(database: Database) -> Database:
    """A second connection to the database `database` is connected to, the way the program
    opens it again (a file by its path, a server by its connection string)."""
    from models.server import ServerDatabase  # noqa: PLC0415

    if isinstance(database, ServerDatabase):
        return ServerDatabase.open_server(database.conninfo)
    return Database.open(database.path, backup=False)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, demo: MeetingDocument) -> Iterator[MainWindow]:
    """The window on a database holding the demo meeting, shown and active (keys go to it)."""

    database = Database.open(db_path)
    database.add_document(copy.deepcopy(demo))
    main = shown_window(qtbot, database)
    yield main
    main.close()
    database.close()


def shown_window(qtbot: QtBot, database: Database) -> MainWindow:
    """The window on `database`, shown and active (keys go to it), its settings fresh."""
    from ui.app import create_window  # noqa: PLC0415

    main = create_window(database)
    main.settings.clear()
    main.quiet = True  # type: ignore[attr-defined]  # no message boxes waiting for a click
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def reopened(db_path: Path) -> MeetingDocument:
    """The first meeting as the database holds it, read through a new connection."""
    with Database.open(db_path, backup=False) as database:
        return database.load_document(database.list_meetings()[0].id)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ServerForTests]:
    """A PostgreSQL server of the tests' own for the whole run (tests/pg_server.py)."""
    with running_server() as server:
        yield server


@pytest.fixture
def pg_database(pg_server: ServerForTests) -> str:
    """A new empty database on the tests' server: its connection string."""
    return pg_server.new_database()
