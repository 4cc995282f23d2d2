"""Faults a clerk meets: a second window on the same database, a command run while the window is
open, another program's lock, a read-only file, folder or medium, a full disk, a kill in the middle
of an amendment, a byte changed on the disk, a mistyped --db. Each asserts that nothing typed is
lost and that the clerk is told the real cause in Thai (no traceback)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import json
import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

import main
from models import storage
from models.editing import MeetingEditor
from models.meeting import MeetingDocument, RecipientStatus, Table
from models.paths import DEMO_MEETING
from models.storage import (
    Database,
    DatabaseDamagedError,
    DatabaseInUseError,
    DatabaseUnwritableError,
    StorageError,
    backup_folder,
    backups_of,
)
from tests.conftest import reopened
from tests.test_cli import run
from tests.test_window import type_thai

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).with_name("typing_driver.py")
POSIX_ONLY = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL and flock are POSIX")


def stored(db_path: Path, meeting_id: int = 1) -> MeetingDocument:
    """A meeting as the database holds it, read without writing (another process may hold it)."""
    with Database.open(db_path, read_only=True) as database:
        return database.load_document(meeting_id)


def sqlite_error(kind: type[sqlite3.Error], message: str, code: int) -> sqlite3.Error:
    """An error as SQLite raises it, with its result code (injected faults)."""
    error = kind(message)
    error.sqlite_errorcode = code
    return error


def wait_for(child: subprocess.Popen[str], wanted: str, seconds: float = 120) -> None:
    """Read the child's lines until `wanted`; fail (not hang) when it stops or takes too long."""
    assert child.stdout is not None
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                break
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"the child process stopped before saying {wanted!r} (exit {child.wait()})")
            if line.strip() == wanted:
                return
    pytest.fail(f"the child process did not say {wanted!r} in {seconds} s")


@contextlib.contextmanager
def first_window(db_path: Path, words: str) -> Iterator[subprocess.Popen[str]]:
    """A window in another process that typed `words` into the meeting's title and stays open."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(DRIVER), str(db_path), words]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            wait_for(child, "done")
            yield child
        finally:
            child.kill()
            child.wait(timeout=30)


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """Files or folders no one can change, root included (a stand-in for a read-only medium)."""
    try:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=False, capture_output=True)


def imported(db_path: Path, demo: MeetingDocument, count: int = 1) -> None:
    with Database.open(db_path, backup=False) as database:
        for _ in range(count):
            database.add_document(copy.deepcopy(demo))


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """The command line in this process (so that faults can be injected): exit code, out, err."""
    code = main.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# --- one writer per database ----------------------------------------------------------------


@POSIX_ONLY
def test_a_second_window_opens_read_only_and_the_first_keeps_its_typing(qtbot: QtBot, db_path: Path) -> None:
    from ui.app import create_window, open_database  # noqa: PLC0415

    words = "การประชุมคณะกรรมการหมู่บ้าน ครั้งที่ ๓"
    with first_window(db_path, words):
        database = open_database(db_path)
        try:
            assert database.read_only
            assert "เปิดแก้ไขอยู่ในหน้าต่างอื่น" in database.read_only_reason
            second = create_window(database)
            qtbot.addWidget(second)
            second.show()
            assert "อ่านอย่างเดียว" in second.statusBar().currentMessage()
            said = [label.text() for label in second.statusBar().findChildren(QLabel) if label.isVisible()]
            assert said.count("อ่านอย่างเดียว") == 1, said  # said once, not by two labels
            title = second.header_tab.title
            title.setFocus()
            title.selectAll()
            type_thai(title, "พิมพ์ในหน้าต่างที่สอง")
            assert "อ่านอย่างเดียว" in second.statusBar().currentMessage()
            assert second.undo_stack.count() == 0
            assert stored(db_path).meeting.title == words  # the first window's typing stands
            second.close()
        finally:
            database.close()
    assert stored(db_path).meeting.title == words


@POSIX_ONLY
def test_a_command_that_writes_is_refused_while_a_window_has_the_database(db_path: Path) -> None:
    words = "การประชุมประจำเดือน"
    with first_window(db_path, words):
        refused = run("import", DEMO_MEETING, "--db", db_path)
        assert refused.returncode == 2
        assert "เปิดแก้ไขอยู่ในหน้าต่างหรือคำสั่งอื่น" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert run("new-from", "--meeting", "1", "--db", db_path).returncode == 2
        dumped = run("dump", "--meeting", "1", "--db", db_path)  # reading is fine
        assert dumped.returncode == 0, dumped.stderr
        assert json.loads(dumped.stdout)["meeting"]["title"] == words
    with Database.open(db_path, read_only=True) as database:
        assert database.meeting_count() == 1
    assert run("import", DEMO_MEETING, "--db", db_path).stdout.strip() == "2"  # once the window is closed


def test_a_command_waits_briefly_for_another_programs_lock_then_says_so(
    db_path: Path, demo: MeetingDocument
) -> None:
    imported(db_path, demo)
    holder = (
        "import sqlite3, sys, time\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(120)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(db_path)], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            wait_for(child, "locked")
            result = run("import", DEMO_MEETING, "--db", db_path)
        finally:
            child.kill()
            child.wait(timeout=30)
    assert result.returncode == 2
    assert "ถูกโปรแกรมอื่นใช้งานอยู่ (ล็อก)" in result.stderr
    assert "Traceback" not in result.stderr
    assert stored(db_path) == demo


def test_the_writer_lock_is_one_per_database_and_let_go_on_close(db_path: Path) -> None:
    database = Database.open(db_path)
    lock = storage.lock_file_of(db_path)
    assert lock.exists() and int(lock.read_text().split()[0]) == os.getpid()
    again = Database.open(db_path)  # the same process shares it
    again.close()
    assert lock.exists()
    database.close()
    assert not lock.exists()


@POSIX_ONLY
def test_the_lock_of_a_killed_window_is_let_go(db_path: Path) -> None:
    with first_window(db_path, "ก") as child:
        with pytest.raises(DatabaseInUseError, match=f"โปรเซสหมายเลข {child.pid}"):
            Database.open(db_path)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        Database.open(db_path).close()


# --- stable ids for table rows and recipients -----------------------------------------------


def demo_table(editor: MeetingEditor) -> Table:
    table = editor.document.meeting.sections[3].items[0].blocks[1]
    assert isinstance(table, Table)
    return table


def test_a_row_removed_by_one_editor_does_not_take_another_editors_cell(
    database: Database, demo: MeetingDocument
) -> None:
    """Rows are addressed by id: deleting row 1 in one window while editing row 2 in another
    (which still shows the old rows) once overwrote row 3."""
    meeting_id = database.add_document(copy.deepcopy(demo))
    first, second = MeetingEditor(database, meeting_id), MeetingEditor(database, meeting_id)
    rows = [list(row) for row in demo_table(first).rows]
    first.remove_table_row(demo_table(first), 1)
    second.set_cell(demo_table(second), 2, 1, "เชียงคำ (แก้ไข)")
    table = demo_table(MeetingEditor(database, meeting_id))
    assert table.rows == [rows[0], [rows[2][0], "เชียงคำ (แก้ไข)", *rows[2][2:]], *rows[3:]]


def test_rows_that_stay_keep_their_ids_when_the_table_is_rewritten(
    database: Database, demo: MeetingDocument
) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    editor = MeetingEditor(database, meeting_id)
    table = demo_table(editor)
    ids, objects = list(table.row_ids), list(table.rows)
    rows = [list(row) for row in table.rows]
    editor.set_table_rows(table, [rows[0], rows[2], ["๙", "ใหม่", "", "", "", ""], *rows[3:]])
    assert table.row_ids[:2] == [ids[0], ids[2]] and table.row_ids[3:] == ids[3:]
    assert table.rows[1] is objects[2]  # the views' row objects follow
    assert ids[1] not in table.row_ids and table.row_ids[2] not in ids
    assert database.table_row_ids(table.id or 0) == table.row_ids
    editor.set_cell(table, 1, 1, "เชียงคำ")
    assert demo_table(MeetingEditor(database, meeting_id)).rows[1][1] == "เชียงคำ"


def test_an_answer_reaches_its_recipient_after_the_list_changed_elsewhere(
    database: Database, demo: MeetingDocument
) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    first, second = MeetingEditor(database, meeting_id), MeetingEditor(database, meeting_id)
    assert first.document.letter is not None and second.document.letter is not None
    first.set_recipients(first.document.letter.recipients[1:])
    second.record_answer(3, RecipientStatus.CERTIFIED, on=dt.date(2024, 11, 8))
    letter = database.load_document(meeting_id).letter
    assert letter is not None
    certified = [r.name for r in letter.recipients if r.status is RecipientStatus.CERTIFIED]
    assert certified == [second.document.letter.recipients[3].name]
    assert len(letter.recipients) == len(second.document.letter.recipients) - 1


# --- amendments: the change and its record in one transaction -------------------------------

AMEND_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from models.editing import MeetingEditor
from models.storage import Database
database = Database.open(Path(sys.argv[1]), backup=False)
editor = MeetingEditor(database, 1)
editor.begin_amendment("นางบุษบา ยอดดี", "ที่ประชุมครั้งที่ ๑๑/๒๕๖๗ ขอแก้ไข")
editor.set_meeting_field("venue", "ห้องประชุมใหม่")
record = Database.add_amendment
def slowly(self, *args, **kwargs):
    print("between", flush=True)
    time.sleep(120)
    return record(self, *args, **kwargs)
Database.add_amendment = slowly
editor.set_meeting_field("title", "ชื่อการประชุมที่แก้ไข")
"""


def certified_demo(db_path: Path, demo: MeetingDocument) -> None:
    imported(db_path, demo)
    with Database.open(db_path, backup=False) as database:
        MeetingEditor(database, 1).certify(dt.date(2024, 11, 16))


@POSIX_ONLY
def test_a_kill_between_a_change_and_its_amendment_keeps_them_together(
    db_path: Path, demo: MeetingDocument
) -> None:
    certified_demo(db_path, demo)
    command = [sys.executable, "-c", AMEND_CHILD, str(db_path), str(ROOT)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        try:
            wait_for(child, "between")
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    with Database.open(db_path, backup=False) as database:
        document = database.load_document(1)
        amendments = database.amendments(1)
    assert document.meeting.venue == "ห้องประชุมใหม่"  # the amendment made before is all there
    assert (amendments[0].place, amendments[0].after) == ("ข้อมูลการประชุม", "ห้องประชุมใหม่")
    changed = document.meeting.title != demo.meeting.title
    assert len(amendments) == (2 if changed else 1)  # never a change without its amendment
    assert not changed


def test_a_refused_amendment_record_leaves_the_meeting_as_it_was(
    database: Database, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = MeetingEditor(database, database.add_document(copy.deepcopy(demo)))
    editor.certify(dt.date(2024, 11, 16))
    editor.begin_amendment("นางบุษบา ยอดดี", "ขอแก้ไข")
    table = demo_table(editor)
    before, row_objects = copy.deepcopy(editor.document), list(table.rows)
    heard: list[object] = []
    editor.listeners.append(heard.append)

    def full(*args: Any, **kwargs: Any) -> None:
        raise sqlite_error(sqlite3.OperationalError, "database or disk is full", storage.SQLITE_FULL)

    monkeypatch.setattr(Database, "add_amendment", full)
    edits: tuple[Callable[[], object], ...] = (
        lambda: editor.set_meeting_field("title", "ไม่ควรบันทึก"),
        lambda: editor.set_cell(table, 0, 1, "ไม่ควร"),
        lambda: editor.remove_table_row(table, 0),
        lambda: editor.set_table_rows(table, [["๑", "ก"]]),
        lambda: editor.remove_node(editor.document.meeting.sections[4].items[0]),
        lambda: editor.remove_attendee(0),
    )
    for edit in edits:
        with pytest.raises(sqlite3.OperationalError):
            edit()
        assert editor.document == before
        assert all(a is b for a, b in zip(table.rows, row_objects, strict=True))
        assert database.load_document(editor.meeting_id) == before
    assert heard == []  # the views were told nothing
    assert database.amendments(editor.meeting_id) == []


# --- backups --------------------------------------------------------------------------------


def titled(demo: MeetingDocument, title: str) -> MeetingDocument:
    document = copy.deepcopy(demo)
    document.meeting.title = title
    return document


def backup_titles(folder: Path) -> list[str]:
    titles = []
    for copy_path in sorted(folder.iterdir()):
        with sqlite3.connect(f"file:{copy_path}?mode=ro", uri=True) as conn:
            titles.append(conn.execute("SELECT title FROM meetings").fetchone()[0])
        conn.close()
    return titles


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path: Path, demo: MeetingDocument) -> None:
    this_year, last_year = tmp_path / "minutes.sqlite3", tmp_path / "minutes-2565.sqlite3"
    for path, title in ((this_year, "ปีนี้"), (last_year, "ปีที่แล้ว")):
        with Database.open(path, backup=False) as database:
            database.add_document(titled(demo, title))
    for path in (last_year, last_year, this_year, this_year, this_year):
        Database.open(path, backups_kept=2).close()
    assert sorted(backup_titles(backup_folder(this_year))) == ["ปีที่แล้ว", "ปีที่แล้ว", "ปีนี้", "ปีนี้"]
    assert len(backups_of(this_year)) == len(backups_of(last_year)) == 2


def test_commands_make_no_backups_the_window_makes_one(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    for command in (
        ("dump", "--meeting", "1"),
        ("check", "--meeting", "1"),
        ("export", "--meeting", "1", "-o", out, "--only", "letter", "--format", "docx"),
        ("new-from", "--meeting", "1"),
        ("import", DEMO_MEETING),
    ):
        assert run(*command, "--db", db).returncode in (0, 1)
    assert not backup_folder(db).exists()  # five commands pushed no older copy out
    assert run("--db", db).returncode == 0
    (backup,) = backups_of(db)
    assert backup.name.startswith("m.sqlite3-")


def damaged_in_text(db_path: Path, demo: MeetingDocument) -> str:
    """Two meetings, the older holding a paragraph whose bytes on the disk are then changed so
    that they are no longer UTF-8 (SQLite's own checks do not look inside text)."""
    words = "ข้อความที่จะเสียหายบนดิสก์"
    older = copy.deepcopy(demo)
    paragraph = older.meeting.sections[3].items[0].blocks[0]
    paragraph.text = words  # type: ignore[union-attr]
    newer = titled(demo, "การประชุมครั้งล่าสุด")
    newer.meeting.date = dt.date(2025, 1, 30)
    imported(db_path, older)
    with Database.open(db_path, backup=False) as database:
        database.add_document(newer)
    Database.open(db_path).close()  # one good backup
    data = db_path.read_bytes()
    encoded = words.encode("utf-8")
    assert data.count(encoded) == 1
    db_path.write_bytes(data.replace(encoded, encoded[:4] + b"\xff" + encoded[5:]))
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    return words


def test_a_byte_changed_in_text_is_found_and_not_backed_up(db_path: Path, demo: MeetingDocument) -> None:
    damaged_in_text(db_path, demo)
    (good,) = backups_of(db_path)
    database = Database.open(db_path)
    database.wait_for_backup()
    assert isinstance(database.backup_error, DatabaseDamagedError)
    assert "อ่านไม่ได้" in str(database.backup_error) and "ไม่ได้ทำสำเนาสำรอง" in str(database.backup_error)
    database.close()
    assert backups_of(db_path) == [good]  # the good copy is not pushed out by a damaged one
    assert not [p for p in backup_folder(db_path).iterdir() if p not in (good,)]
    result = run("dump", "--meeting", "1", "--db", db_path)
    assert result.returncode == 2
    assert "เสียหาย" in result.stderr and "backups" in result.stderr
    assert "Traceback" not in result.stderr
    assert run("dump", "--meeting", "2", "--db", db_path).returncode == 0  # the rest reads


def test_the_window_reports_a_database_its_backup_found_damaged(
    qtbot: QtBot, db_path: Path, demo: MeetingDocument
) -> None:
    from ui.app import run as run_window  # noqa: PLC0415

    damaged_in_text(db_path, demo)
    seen: list[str] = []
    give_up = time.monotonic() + 60

    def look() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes and time.monotonic() < give_up:
            QTimer.singleShot(50, look)
            return
        seen.extend(box.text() for box in boxes)
        for widget in QApplication.topLevelWidgets():
            widget.close()
        QApplication.exit(0)  # at once (quit() would post an event a later loop could take)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, look)
    try:
        assert run_window(db_path) == 0
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert any("เสียหาย" in text and "ไม่ได้ทำสำเนาสำรอง" in text for text in seen)


def test_half_made_backups_are_removed(
    db_path: Path, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported(db_path, demo)
    folder = backup_folder(db_path)
    folder.mkdir()
    stale = [
        folder / "minutes.sqlite3-20240101-090000-000000.partial",
        folder / "minutes.sqlite3-20240101-090000-000000.partial-journal",
    ]
    for leftover in stale:
        leftover.write_bytes(b"half")
    other = folder / "minutes-2565.sqlite3-20240101-090000-000000.partial"  # another database's
    other.write_bytes(b"busy")
    copy_database = storage._copy_database

    def disk_full(path: Path, target: Path) -> None:
        copy_database(path, target)
        raise sqlite_error(sqlite3.OperationalError, "database or disk is full", storage.SQLITE_FULL)

    monkeypatch.setattr(storage, "_copy_database", disk_full)
    with Database.open(db_path) as database:
        database.wait_for_backup()
        assert database.backup_error is not None
    assert sorted(p.name for p in folder.iterdir()) == [other.name]


# --- messages that name the real cause ------------------------------------------------------


def on_a_read_only_medium(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """What a CD or a write-protected stick does: nothing can be made beside the database (no lock
    file, no -shm), so SQLite can open it only as immutable."""
    connect = sqlite3.connect

    def refusing(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if db_path.name in str(database) and "immutable=1" not in str(database):
            raise sqlite_error(
                sqlite3.OperationalError, "unable to open database file", storage.SQLITE_CANTOPEN
            )
        opened: sqlite3.Connection = connect(database, *args, **kwargs)
        return opened

    def no_lock_file(lock_path: Path, path: Path) -> Any:
        raise storage.storage_error(OSError(errno.EROFS, "Read-only file system"), path)

    monkeypatch.setattr(sqlite3, "connect", refusing)
    monkeypatch.setattr(storage.WriterLock, "_open", staticmethod(no_lock_file))


def test_a_healthy_database_on_a_read_only_medium_is_not_called_damaged(
    db_path: Path, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.app import open_database  # noqa: PLC0415

    imported(db_path, demo)
    before = db_path.read_bytes()
    on_a_read_only_medium(monkeypatch, db_path)
    with pytest.raises(DatabaseUnwritableError, match="ไม่ได้เสียหาย") as refused:
        Database.open(db_path)
    assert "backups" not in str(refused.value)  # no one is sent to restore an old copy
    code, out, err = cli(capsys, "import", DEMO_MEETING, "--db", db_path)
    assert code == 2 and "อ่านอย่างเดียว" in err and "ไม่ได้เสียหาย" in err
    code, out, err = cli(capsys, "dump", "--meeting", "1", "--db", db_path)
    assert code == 0, err
    assert json.loads(out)["meeting"]["title"] == demo.meeting.title
    database = open_database(db_path)  # the window shows it, read-only
    assert database.read_only and "อ่านอย่างเดียว" in database.read_only_reason
    assert database.load_document(1) == demo
    database.close()
    assert db_path.read_bytes() == before


def test_a_read_only_medium_for_real(db_path: Path, demo: MeetingDocument) -> None:
    imported(db_path, demo)
    with immutable(db_path, db_path.parent):
        with pytest.raises(DatabaseUnwritableError, match="ไม่ได้เสียหาย"):
            Database.open(db_path)
        refused = run("import", DEMO_MEETING, "--db", db_path)
        assert refused.returncode == 2 and "ไม่ได้เสียหาย" in refused.stderr
        assert "Traceback" not in refused.stderr
        dumped = run("dump", "--meeting", "1", "--db", db_path)
        assert dumped.returncode == 0, dumped.stderr


def read_only_file(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """The database file cannot be written (its folder can): SQLite opens it only for reading."""
    connect = sqlite3.connect

    def reading_only(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database) == str(db_path):
            database, kwargs = f"file:{db_path}?mode=ro", {**kwargs, "uri": True}
        opened: sqlite3.Connection = connect(database, *args, **kwargs)
        return opened

    monkeypatch.setattr(sqlite3, "connect", reading_only)


def test_a_read_only_file_opens_read_only_in_the_window_and_refuses_commands(
    qtbot: QtBot,
    db_path: Path,
    demo: MeetingDocument,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ui.app import create_window, open_database  # noqa: PLC0415

    imported(db_path, demo)
    read_only_file(monkeypatch, db_path)
    code, _, err = cli(capsys, "import", DEMO_MEETING, "--db", db_path)
    assert code == 2 and "อ่านอย่างเดียว" in err and "ไม่ได้เสียหาย" in err
    database = open_database(db_path)
    try:
        assert database.read_only and "ไม่ได้เสียหาย" in database.read_only_reason
        window = create_window(database)
        qtbot.addWidget(window)
        window.show()
        window.header_tab.venue.setFocus()
        type_thai(window.header_tab.venue, "ห้องประชุม")
        assert "อ่านอย่างเดียว" in window.statusBar().currentMessage()
        window.close()
    finally:
        database.close()
    monkeypatch.undo()
    assert stored(db_path) == demo


def test_a_read_only_file_for_real(db_path: Path, demo: MeetingDocument) -> None:
    imported(db_path, demo)
    with immutable(db_path):
        refused = run("import", DEMO_MEETING, "--db", db_path)
        assert refused.returncode == 2 and "อ่านอย่างเดียว" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert stored(db_path) == demo


def test_a_new_database_in_a_folder_that_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ไม่มีสิทธิ์" / "minutes.sqlite3"
    make_folder = Path.mkdir

    def refused(self: Path, *args: Any, **kwargs: Any) -> None:
        if self == target.parent:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        make_folder(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    code, _, err = cli(capsys, "import", DEMO_MEETING, "--db", target)
    assert code == 2
    assert "สร้างโฟลเดอร์" in err and "ไม่มีสิทธิ์เขียน" in err
    assert not target.parent.exists()


def test_a_new_database_in_an_unwritable_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "อ่านอย่างเดียว"
    folder.mkdir()
    with immutable(folder):
        result = run("import", DEMO_MEETING, "--db", folder / "minutes.sqlite3")
    assert result.returncode == 2 and "เขียนที่" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_a_full_disk_during_an_import_is_said_in_thai(
    db_path: Path, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, demo)
    add = Database.add_document

    def disk_full(self: Database, document: MeetingDocument) -> int:
        with self.transaction():
            add(self, document)
            raise sqlite_error(sqlite3.OperationalError, "database or disk is full", storage.SQLITE_FULL)

    monkeypatch.setattr(Database, "add_document", disk_full)
    code, out, err = cli(capsys, "import", DEMO_MEETING, "--db", db_path)
    assert code == 2 and out == ""
    assert "พื้นที่ดิสก์" in err and "เต็ม" in err
    monkeypatch.undo()
    with Database.open(db_path, read_only=True) as database:
        assert database.meeting_count() == 1


@pytest.mark.parametrize(
    "command",
    [
        ("dump", "--meeting", "1"),
        ("check", "--meeting", "1"),
        ("export", "--meeting", "1", "-o", "."),
    ],
)
def test_a_mistyped_database_is_not_created_by_a_command_that_reads(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    mistyped = tmp_path / "minutse" / "minutes.sqlite3"
    result = run(*command, "--db", mistyped, cwd=tmp_path)
    assert result.returncode == 2
    assert "ไม่พบฐานข้อมูล" in result.stderr and "Traceback" not in result.stderr
    assert not mistyped.parent.exists()


def test_reading_commands_leave_the_database_folder_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run("dump", "--meeting", "1", "--db", db).returncode == 0
    assert run("check", "--meeting", "1", "--db", db).returncode in (0, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["m.sqlite3"]


def test_the_window_explains_a_database_it_cannot_open_in_a_box(qtbot: QtBot, db_path: Path) -> None:
    from ui.app import run as run_window  # noqa: PLC0415

    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database at all " * 200)
    seen: list[str] = []
    give_up = time.monotonic() + 60

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if time.monotonic() < give_up:
                QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        box.done(0)

    QTimer.singleShot(0, answer)
    with pytest.raises(StorageError):
        run_window(db_path)
    assert len(seen) == 1 and "เสียหาย" in seen[0]
    assert db_path.read_bytes() == b"not a database at all " * 200


def test_output_to_a_file_instead_of_a_folder_is_explained(tmp_path: Path) -> None:
    existing = tmp_path / "minutes.pdf"
    existing.write_bytes(b"%PDF old")
    result = run("export", DEMO_MEETING, "-o", existing)
    assert result.returncode == 2
    assert "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in result.stderr
    assert existing.read_bytes() == b"%PDF old"
    db = tmp_path / "m.sqlite3"
    assert run("import", DEMO_MEETING, "--db", db).returncode == 0
    into_folder = run("dump", "--meeting", "1", "-o", tmp_path, "--db", db)
    assert into_folder.returncode == 2
    assert "เป็นโฟลเดอร์ ไม่ใช่ไฟล์" in into_folder.stderr


def test_temporaries_of_a_killed_export_are_cleaned_next_time(tmp_path: Path) -> None:
    dead = tmp_path / ".letter.pdf.99999999.k3j9x_ab.tmp"  # a process that no longer runs
    older = tmp_path / ".letter.pdf.q8w7e6r5.tmp"  # an earlier version's, no process id
    alive = tmp_path / f".letter.pdf.{os.getpid()}.zz.tmp"  # a running process is writing it
    for leftover in (dead, older, alive):
        leftover.write_bytes(b"half a PDF")
    result = run("export", DEMO_MEETING, "-o", tmp_path, "--only", "letter", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, "letter.pdf"])


def test_control_characters_are_not_printed_raw(tmp_path: Path) -> None:
    data = json.loads(DEMO_MEETING.read_text("utf-8"))
    data["meeting"]["\x1b]0;owned\x07title\x1b[2J"] = "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    named = tmp_path / "\x1b[2Jรายงาน\x07.json"  # a file name, as a script might pass one
    for command in (
        ("import", bad, "--db", tmp_path / "m.sqlite3"),
        ("check", bad),
        ("import", named, "--db", tmp_path / "m.sqlite3"),
        ("dump", "--meeting", "1", "--db", tmp_path / "\x1b[31m.sqlite3"),
    ):
        result = run(*command)
        printed = result.stdout + result.stderr
        assert result.returncode in (1, 2) and "Traceback" not in printed
        assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b[31m" in run("dump", "--meeting", "1", "--db", tmp_path / "\x1b[31m.sqlite3").stderr


def test_window_actions_that_write_outside_the_undo_stack_are_refused_on_a_read_only_database(
    qtbot: QtBot, db_path: Path, demo: MeetingDocument
) -> None:
    """New meeting, next meeting, the agenda template, certification and accepting a word write
    straight to the database: on a database opened read-only each says so, none raises."""
    from ui.app import create_window  # noqa: PLC0415

    with Database.open(db_path, backup=False) as database:
        database.add_document(copy.deepcopy(demo))
    before = reopened(db_path)
    database = Database.open(db_path, read_only=True)
    window = create_window(database)
    window.quiet = True  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    try:
        window.new_meeting()
        window.next_meeting()
        window.edit_template("ก\\nข\\nค")
        window.begin_amendment("นายก", "แก้คำผิด")
        window.accept_word(1, "คำใหม่")
        assert "แก้ไขไม่ได้" in window.statusBar().currentMessage()
    finally:
        window.close()
        database.close()
    assert reopened(db_path) == before
    with Database.open(db_path, backup=False) as database:
        assert len(database.list_meetings()) == 1
