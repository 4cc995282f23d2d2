"""Issue 17: the program on an office's PostgreSQL server (`--db` with a libpq connection string).

Every command and the window work on the server as on a file; what a clerk types reaches the
server and another connection reads it back; a server that cannot be reached, or a database of
another program, is said in Thai and nothing is written.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.meeting import Meeting, MeetingDocument
from models.server import ServerDatabase, ServerError, connection_refusal
from models.storage import SCHEMA_VERSION, StorageError
from tests.conftest import shown_window
from tests.keyboard import focused, press, type_text
from ui.main_window import SAVED_HERE_ONLY, MainWindow

MAIN = Path(__file__).resolve().parent.parent / "main.py"
DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo" / "demo.minutes.json"


def command(*arguments: object) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(MAIN), *map(str, arguments)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_the_commands_work_on_the_server(pg_database: str, tmp_path: Path, demo: MeetingDocument) -> None:
    added = command("import", DEMO, "--db", pg_database)
    assert added.returncode == 0 and added.stdout.strip() == "1", added.stderr
    with ServerDatabase.open_server(pg_database) as database:
        assert database.load_document(1) == demo
        assert [hit.place for hit in database.search("ครัวเรือน")]  # indexed as a search asks
    out = tmp_path / "out"
    out.mkdir()
    exported = command("export", "--meeting", 1, "-o", out, "--db", pg_database)
    assert exported.returncode == 0, exported.stderr
    assert {path.name for path in out.iterdir()} >= {
        "minutes.pdf",
        "minutes.docx",
        "letter.pdf",
        "letter.docx",
    }
    checked = command("check", "--meeting", 1, "--db", pg_database)
    assert "Traceback" not in checked.stderr and checked.returncode in (0, 1)


def test_an_unreachable_server_or_another_program_s_database_is_said_in_thai(
    pg_server: object, pg_database: str
) -> None:
    socket_dir = pg_database.split(maxsplit=1)[0].removeprefix("host=")
    unreachable = command("import", DEMO, "--db", f"host={socket_dir} port=1 dbname=minutes user=postgres")
    assert unreachable.returncode == 2 and "เชื่อมต่อฐานข้อมูล" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    refused = command("import", DEMO, "--db", pg_database)
    assert refused.returncode == 2 and "โปรแกรมอื่น" in refused.stderr and "Traceback" not in refused.stderr
    with psycopg.connect(pg_database) as conn:
        tables = {
            row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
    assert tables == {"invoices"}  # nothing written


@pytest.fixture
def server_window(qtbot: QtBot, pg_database: str, demo: MeetingDocument) -> Iterator[MainWindow]:
    database = ServerDatabase.open_server(pg_database)
    database.add_document(copy.deepcopy(demo))
    main = shown_window(qtbot, database)
    yield main
    main.close()
    database.close()


def test_what_a_clerk_types_in_the_window_reaches_the_server(
    server_window: MainWindow, qtbot: QtBot, pg_database: str
) -> None:
    """Typed key by key (spaces, Tab) into the header: kept at once in the meeting's copy on
    this computer, and a moment later a second connection to the server reads exactly that."""
    window = server_window
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    expected = copy.deepcopy(window.editor.document)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("การประชุม คณะทำงาน ผู้ใหญ่บ้าน\t")
    assert focused() is header.period
    header.period.selectAll()
    type_text("ประจำเดือน กันยายน ๒๕๖๗")
    expected.meeting.title = "การประชุม คณะทำงาน ผู้ใหญ่บ้าน"
    expected.meeting.period = "ประจำเดือน กันยายน ๒๕๖๗"
    assert window.editor.document == expected
    qtbot.waitUntil(lambda: on_server(pg_database, expected.meeting.id or 0) == expected, timeout=5000)


def on_server(conninfo: str, meeting_id: int) -> MeetingDocument:
    """The meeting as a second connection to the server reads it."""
    with ServerDatabase.open_server(conninfo) as other:
        return other.load_document(meeting_id)


ROLES = Path(__file__).resolve().parent.parent / "packaging" / "server" / "roles.sql"


def test_the_clerk_and_reader_roles_of_the_it_section(pg_database: str, demo: MeetingDocument) -> None:
    """packaging/server/roles.sql as the README tells IT to run it: a clerk's account edits and
    indexes; a reader's account reads and searches what the clerks indexed, opens read-only and
    saying why, and can write nothing, not even the search index (a planted line would show in
    every clerk's search); tables a later version adds get the same rights; running the script
    again changes nothing. The program's tables are made by an owner's account, the script run
    by the superuser, as the README says."""
    database = dict(part.split("=", 1) for part in pg_database.split())["dbname"]
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {database}_owner LOGIN")
        conn.execute(f"ALTER DATABASE {database} OWNER TO {database}_owner")
    as_owner = pg_database.replace("user=postgres", f"user={database}_owner")
    with ServerDatabase.open_server(as_owner) as owner:
        meeting_id = owner.add_document(copy.deepcopy(demo))
    with psycopg.connect(pg_database, autocommit=True) as conn:
        for _ in range(2):
            conn.execute(ROLES.read_text(encoding="utf-8"))
        conn.execute("CREATE ROLE somsri LOGIN IN ROLE minutes_clerk")
        conn.execute("CREATE ROLE director LOGIN IN ROLE minutes_reader")
    with psycopg.connect(as_owner, autocommit=True) as conn:
        conn.execute("CREATE TABLE later_table (id int)")  # as a later version's migration would
        rights = conn.execute(
            "SELECT has_table_privilege('minutes_clerk', 'later_table', 'INSERT'),"
            " has_table_privilege('minutes_reader', 'later_table', 'SELECT'),"
            " has_table_privilege('minutes_reader', 'later_table', 'INSERT')"
        ).fetchone()
        assert rights == (True, True, False)
    as_user = {name: pg_database.replace("user=postgres", f"user={name}") for name in ("somsri", "director")}
    with ServerDatabase.open_server(as_user["somsri"]) as clerk:
        assert not clerk.read_only and clerk.take_lease(meeting_id) is None
        clerk.update_meeting(meeting_id, venue="ห้องประชุมใหม่")
    with ServerDatabase.open_server(as_user["director"]) as reader:
        assert reader.read_only and "ค้นหาและส่งออกเท่านั้น" in reader.read_only_reason
        assert reader.load_document(meeting_id).meeting.venue == "ห้องประชุมใหม่"
        assert reader.search("ห้องประชุมใหม่") == [] and reader.search_backlog() == 1  # not indexed yet
    with (
        psycopg.connect(as_user["director"], autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "INSERT INTO search_rows (id, meeting_id, place, original, grams, document, date)"
            " SELECT 999999, meeting_id, place, 'อนุมัติงบประมาณ', grams, document, date FROM search_rows LIMIT 1"
        )
    with ServerDatabase.open_server(as_user["director"]) as reader, pytest.raises(StorageError):
        reader.update_meeting(meeting_id, venue="ไม่ควรบันทึก")
    with ServerDatabase.open_server(as_user["somsri"]) as clerk:
        assert clerk.catch_up_search_index(5.0)
    with ServerDatabase.open_server(as_user["director"]) as reader:
        assert [hit.meeting_id for hit in reader.search("ห้องประชุมใหม่")] == [meeting_id]


def test_the_office_server_is_chosen_in_the_window(
    window: MainWindow, qtbot: QtBot, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ไฟล์ → ฐานข้อมูลของสำนักงาน… (Ctrl+Alt+D): the server's place typed key by key with Tab
    between the fields, tried, then the window opens again on it; the choice is kept without a
    password."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from ui.app import SWITCHED_TO  # noqa: PLC0415
    from ui.server_dialog import SERVER_SETTING, OfficeServerDialog  # noqa: PLC0415

    parts = dict(part.split("=", 1) for part in pg_database.split())
    seen: list[OfficeServerDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OfficeServerDialog)
        seen.append(dialog)
        try:
            type_into(dialog)
        finally:
            if dialog.isVisible() and dialog.chosen is None:  # a failed check must not leave it open
                dialog.reject()

    def type_into(dialog: OfficeServerDialog) -> None:
        dialog.activateWindow()
        dialog.host.setFocus()
        deadline = time.monotonic() + 5
        while not dialog.host.hasFocus() and time.monotonic() < deadline:
            QApplication.processEvents()
        dialog.host.selectAll()
        type_text(parts["host"] + "\t")
        assert focused() is dialog.port
        dialog.port.selectAll()
        type_text(parts["port"] + "\t")
        dialog.dbname.selectAll()
        type_text(parts["dbname"] + "\t")
        dialog.user.selectAll()
        type_text(parts["user"])
        dialog.use_server()

    QTimer.singleShot(0, fill)
    window.choose_office_server()
    assert seen and seen[0].chosen is not None, "the dialog did not open, or was not filled in"
    fresh = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w is not window and w.isVisible()
    )
    try:
        assert isinstance(fresh.database, ServerDatabase) and fresh.database is SWITCHED_TO[-1]
        kept = str(window.settings.value(SERVER_SETTING))
        assert f"dbname='{parts['dbname']}'" in kept and "password" not in kept
        assert not window.isVisible()
    finally:
        fresh.close()
        fresh.database.close()
        SWITCHED_TO.clear()


def test_checks_and_presenters_in_the_window_see_the_offices_other_meetings(
    qtbot: QtBot, pg_database: str, demo: MeetingDocument
) -> None:
    """On the server the open meeting is edited in a copy of its own; F7 still finds its number
    used by another meeting of the office, and the presenter field suggests one named there."""
    database = ServerDatabase.open_server(pg_database)
    other = copy.deepcopy(demo)
    other.meeting.sections[1].items[0].presenter = "นางสาวพิมพ์ใจ ตรวจงาน ผู้รายงานของการประชุมอื่น"
    database.add_document(other)
    database.add_document(copy.deepcopy(demo))  # the same number and year: the newest, opened
    window = shown_window(qtbot, database)
    try:
        assert window.office is not None and window.office.replica is not None  # edited in its copy
        with qtbot.waitSignal(window.checks.shown, timeout=20000):
            window.run_checks()
        assert any("ซ้ำกับการประชุมอื่น" in finding.message for finding in window.checks.findings)
        item = window.editor.document.meeting.sections[1].items[0]
        window.agenda_tab.select(item)
        editor = window.agenda_tab.item_editor
        assert editor is not None and editor.presenter is not None
        suggested = editor.presenter.completer().model()
        names = [suggested.index(row, 0).data() for row in range(suggested.rowCount())]
        assert "นางสาวพิมพ์ใจ ตรวจงาน ผู้รายงานของการประชุมอื่น" in names
    finally:
        window.close()
        database.close()


@pytest.mark.parametrize(("keep_mine", "by_keyboard"), [(True, False), (False, False), (False, True)])
def test_edits_the_server_cannot_take_are_kept_as_a_meeting_of_their_own_or_set_aside(
    server_window: MainWindow, qtbot: QtBot, pg_database: str, keep_mine: bool, by_keyboard: bool
) -> None:
    """The network gone while the clerk types, and the meeting changed on the server meanwhile:
    her edits cannot be sent (never written over the other's). She keeps hers as a meeting of its
    own, or takes the server's; either way her copy is moved aside, never deleted, and the meeting
    opens again from the server, to edit."""
    from models.replica import UNSENT_TITLE, ReplicaSync  # noqa: PLC0415

    window = server_window
    office = window.office
    assert office is not None and office.sync is not None and office.replica is not None
    meeting_id = window.editor.meeting_id
    office.sync.stop()  # the network gone: what is typed stays in the copy
    header = window.header_tab
    window.tabs.setCurrentWidget(header)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("ฉบับของเสมียน ก")
    with psycopg.connect(pg_database, autocommit=True) as other:  # meanwhile, on the server
        other.execute(
            "UPDATE meetings SET title = 'ฉบับของเสมียน ข', revision = revision + 1 WHERE id = %s",
            (meeting_id,),
        )
    copy_path = office.replica.database.path
    office.sync = ReplicaSync(copy_path, office.database, meeting_id, office.synced.emit)
    office.sync.start()  # the network back
    qtbot.waitUntil(lambda: office.in_conflict, timeout=10000)
    assert window.session.held_by is not None  # no more typing into a copy that cannot be sent
    assert window.saved.text() == SAVED_HERE_ONLY  # not "บันทึกแล้ว": the server has not got it

    if by_keyboard:  # Ctrl+Alt+U from the field, then the box's buttons by Tab and Space
        said = choose_in_conflict_box(window, "ใช้ฉบับบนเซิร์ฟเวอร์")
    else:
        said = office.resolve_conflict(keep_mine=keep_mine)
    assert ("เก็บเป็นการประชุมหมายเลข" in said) is keep_mine
    titles = sorted(m.title for m in on_server_list(pg_database))
    assert titles == (["ฉบับของเสมียน ก " + UNSENT_TITLE] if keep_mine else []) + ["ฉบับของเสมียน ข"]
    assert window.session.held_by is None and window.editor.document.meeting.title == "ฉบับของเสมียน ข"
    assert [p.name for p in copy_path.parent.iterdir() if "ส่งไม่ได้" in p.name and p.suffix == ".sqlite3"]
    window.activateWindow()  # the box closed (offscreen, the window is not made active again by itself)
    qtbot.waitUntil(window.isActiveWindow)
    header.title.setFocus()
    qtbot.waitUntil(header.title.hasFocus)
    header.title.selectAll()
    type_text("ฉบับรวม")  # editable again, and it reaches the server
    qtbot.waitUntil(lambda: on_server(pg_database, meeting_id).meeting.title == "ฉบับรวม", timeout=5000)
    assert window.saved.text().startswith("บันทึกแล้ว")


def choose_in_conflict_box(window: MainWindow, button: str) -> str:
    """Ctrl+Alt+U where the focus is; in the box that opens, Tab until the button so labelled
    has the focus, then Space. Returns what the status bar then says."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        for _ in range(len(box.buttons())):
            if getattr(focused(), "text", lambda: "")() == button:
                break
            press(Qt.Key.Key_Tab)
        assert getattr(focused(), "text", lambda: "")() == button
        press(Qt.Key.Key_Space)

    QTimer.singleShot(20, answer)
    press(Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert seen and "ส่งถึงเซิร์ฟเวอร์ไม่ได้" in seen[0]
    return window.statusBar().currentMessage()


def on_server_list(conninfo: str) -> list[Meeting]:
    with ServerDatabase.open_server(conninfo) as other:
        return [other.load_document(m.id).meeting for m in other.list_meetings()]


def test_the_copies_are_found_whatever_string_reaches_the_server(pg_database: str, tmp_path: Path) -> None:
    """The folder of a clerk's copies is the server database's own identity: the same for a
    key=value string, a URL or another password, with nothing of a password in its name; a
    folder named the old way (the whole string) is taken over with the edits it holds."""
    import hashlib  # noqa: PLC0415

    from models.paths import data_folder  # noqa: PLC0415
    from ui.office_server import copies_folder  # noqa: PLC0415

    parts = dict(part.split("=", 1) for part in pg_database.split())
    as_url = f"postgresql://{parts['user']}@/{parts['dbname']}?host={parts['host']}&port={parts['port']}"
    old = data_folder() / "server-copies" / hashlib.sha256(pg_database.encode()).hexdigest()[:16]
    old.mkdir(parents=True)
    (old / "meeting-1.sqlite3").write_bytes(b"unsent edits")
    with ServerDatabase.open_server(pg_database) as first:
        folder = copies_folder(first)
    with ServerDatabase.open_server(as_url) as second:
        assert copies_folder(second) == folder
    assert (folder / "meeting-1.sqlite3").read_bytes() == b"unsent edits"
    assert "password" not in folder.name and len(folder.name) == 32


def test_a_stalled_network_fails_the_connection_within_seconds(pg_database: str) -> None:
    """Wi-Fi or a VPN that stalls instead of refusing: TCP keepalives and a user timeout bound
    how long a call waits (the window froze for as long as the stall lasted)."""
    with ServerDatabase.open_server(pg_database) as server:
        parameters = server.conn.raw.info.get_parameters()  # type: ignore[attr-defined]
    assert (parameters.get("keepalives"), parameters.get("tcp_user_timeout")) == ("1", "6000")


def test_unsent_edits_of_a_meeting_another_clerk_now_holds_are_offered(
    qtbot: QtBot, pg_database: str, demo: MeetingDocument
) -> None:
    """After a long outage the lease went to another clerk while this computer still keeps edits
    of the meeting: opening it says so (not only that it is held), and Ctrl+Alt+U's choice keeps
    them as a meeting of their own; the other clerk's meeting is untouched."""
    from models.editing import MeetingEditor  # noqa: PLC0415
    from models.replica import UNSENT_TITLE, Replica  # noqa: PLC0415
    from ui.office_server import copies_folder  # noqa: PLC0415

    with ServerDatabase.open_server(pg_database, clerk="ก") as mine:
        meeting_id = mine.add_document(copy.deepcopy(demo))
        assert mine.take_lease(meeting_id) is None
        path = copies_folder(mine) / f"meeting-{meeting_id}.sqlite3"
        replica = Replica.open(path, mine, meeting_id)
        MeetingEditor(replica.database, meeting_id).set_meeting_field("title", "ของเสมียน ก ที่ส่งไม่ทัน")
        replica.close()  # never sent: the network went
        mine.release_lease(meeting_id)
    other = ServerDatabase.open_server(pg_database, clerk="ข")
    assert other.take_lease(meeting_id) is None
    database = ServerDatabase.open_server(pg_database, clerk="ก")
    window = shown_window(qtbot, database)
    try:
        assert window.session.held_by is not None and "ส่งไม่ได้" in window.session.held_by
        assert window.office is not None and window.office.in_conflict
        said = window.office.resolve_conflict(keep_mine=True)
        assert "เก็บเป็นการประชุมหมายเลข" in said
        titles = sorted(m.title for m in on_server_list(pg_database))
        assert titles == sorted(["ของเสมียน ก ที่ส่งไม่ทัน " + UNSENT_TITLE, demo.meeting.title])
        assert window.session.held_by is not None  # still the other clerk's to edit
    finally:
        window.close()
        database.close()
        other.close()


def test_a_clerks_window_indexes_what_is_stored_on_the_server_in_the_background(
    pg_database: str, demo: MeetingDocument
) -> None:
    """As on a file: a meeting imported or changed through the clerk's window is indexed by a
    thread of its own (its own connection), so the office's readers, who may not index, find
    it without anyone searching first."""
    with ServerDatabase.open_server(pg_database) as clerk:
        clerk.start_search_indexer(settle=0.1)
        meeting_id = clerk.add_document(copy.deepcopy(demo))
        clerk.update_meeting(meeting_id, venue="ห้องประชุมเวียงพิงค์")
        deadline = time.monotonic() + 10
        while clerk.search_backlog() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert clerk.search_backlog() == 0
        with ServerDatabase.open_server(pg_database) as other:
            assert [hit.meeting_id for hit in other.search("เวียงพิงค์", wait=0.0)] == [meeting_id]


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("dbname", "no_such_minutes", "ไม่มีฐานข้อมูลชื่อ no_such_minutes บนเซิร์ฟเวอร์"),
        ("user", "nobody_here", "ไม่มีผู้ใช้ชื่อ nobody_here บนเซิร์ฟเวอร์"),
        ("port", "1", "เซิร์ฟเวอร์ไม่รับการเชื่อมต่อ"),
    ],
)
def test_a_refused_connection_is_said_in_thai_with_the_detail_for_it(
    pg_database: str, key: str, value: str, said: str
) -> None:
    """libpq's English reasons (the tests' own server refusing for real) said as a clerk is told
    them, what to check; libpq's own words stay in brackets for the office's IT."""
    parts = dict(part.split("=", 1) for part in pg_database.split())
    conninfo = " ".join(f"{k}={v}" for k, v in {**parts, key: value}.items())
    with pytest.raises(StorageError) as refused:
        ServerDatabase.open_server(conninfo, connect_timeout=3)
    message = str(refused.value)
    assert said in message and "รายละเอียดสำหรับผู้ดูแลระบบ:" in message


def test_the_window_asks_a_password_the_server_wants_and_says_when_it_was_wrong(
    qtbot: QtBot, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`main.py --db …` on a server that wants a password: a box asks it (typed key by key,
    Enter), says so when the server refused it, and asks again; the database opens with the
    right one. The server's refusals are libpq's own words."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit  # noqa: PLC0415

    from ui.app import open_database  # noqa: PLC0415
    from ui.server_dialog import WRONG_PASSWORD  # noqa: PLC0415

    real_open = ServerDatabase.open_server
    refusals = iter(
        [
            'connection to server at "db", port 5432 failed: fe_sendauth: no password supplied',
            'connection to server at "db", port 5432 failed: FATAL:  password authentication failed for user "somsri"',
        ]
    )
    tried: list[str] = []

    def open_server(conninfo: str, **options: Any) -> ServerDatabase:
        tried.append(conninfo)
        refusal = next(refusals, None)
        if refusal is not None:
            reason = connection_refusal(psycopg.OperationalError(refusal))
            raise ServerError(f"เชื่อมต่อฐานข้อมูลไม่ได้: {reason}", reason)
        return real_open(pg_database)

    monkeypatch.setattr(ServerDatabase, "open_server", open_server)
    labels: list[str] = []
    passwords = iter(["ผิด pw", "right pw"])

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog) or box.labelText() in labels:
            QTimer.singleShot(20, answer)  # the next box is not up yet
            return
        labels.append(box.labelText())
        box.activateWindow()
        deadline = time.monotonic() + 5
        while not isinstance(QApplication.focusWidget(), QLineEdit) and time.monotonic() < deadline:
            QApplication.processEvents()
        type_text(next(passwords) + "\n")
        if len(labels) < 2:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    database = open_database(pg_database)
    try:
        assert isinstance(database, ServerDatabase)
        assert len(labels) == 2 and WRONG_PASSWORD not in labels[0] and WRONG_PASSWORD in labels[1]
        assert "ไม่มีผู้ใช้ชื่อ somsri" in labels[1]  # a mistyped user is named, not only the password
        assert tried[1].endswith("password='ผิด pw'") and tried[2].endswith("password='right pw'")
    finally:
        database.close()


def test_a_server_database_of_the_previous_version_is_upgraded_by_its_owner_only(
    pg_database: str, demo: MeetingDocument
) -> None:
    """The program updated: a server database made by the version before (no confidential mark
    on items) is brought up to date when its owner's account opens it, its meetings kept; a
    clerk's account, which may not change tables, is told in Thai to have IT do it once."""
    with ServerDatabase.open_server(pg_database) as made:
        meeting_id = made.add_document(copy.deepcopy(demo))
    database = dict(part.split("=", 1) for part in pg_database.split())["dbname"]
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("ALTER TABLE nodes DROP COLUMN confidential")  # as version 10 made it
        for column in ("vote_in_favour", "vote_against", "vote_abstained"):
            conn.execute(f"ALTER TABLE nodes DROP COLUMN {column}")
        conn.execute("UPDATE schema_version SET version = 10")
        conn.execute(f"CREATE ROLE {database}_clerk LOGIN")
        conn.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {database}_clerk"
        )
    as_clerk = pg_database.replace("user=postgres", f"user={database}_clerk")
    with pytest.raises(StorageError, match="บัญชีเจ้าของฐานข้อมูล"):
        ServerDatabase.open_server(as_clerk)
    with ServerDatabase.open_server(pg_database) as owner:
        assert owner.schema_version == SCHEMA_VERSION
        document = owner.load_document(meeting_id)
        assert document.meeting.sections[4].items[1].title == demo.meeting.sections[4].items[1].title
        owner.update_node(document.meeting.sections[4].items[1].id or 0, confidential=True)
        assert owner.load_document(meeting_id).meeting.sections[4].items[1].confidential
    with ServerDatabase.open_server(as_clerk) as clerk:  # upgraded: the clerk works again
        assert clerk.load_document(meeting_id).meeting.sections[4].items[1].confidential


def test_a_conflict_heard_of_several_ways_asks_once(
    server_window: MainWindow, qtbot: QtBot, pg_database: str
) -> None:
    """The sending thread, the lease's renewal and opening the meeting again may each hear of the
    same conflict: one box is up at a time (three stood one over another)."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    from models.replica import ReplicaSync  # noqa: PLC0415
    from ui.office_server import DECIDE_LATER  # noqa: PLC0415

    window = server_window
    office = window.office
    assert office is not None and office.sync is not None and office.replica is not None
    meeting_id = window.editor.meeting_id
    office.sync.stop()
    window.editor.set_meeting_field("title", "ฉบับของเสมียน ก")
    with psycopg.connect(pg_database, autocommit=True) as other:
        other.execute("UPDATE meetings SET revision = revision + 1 WHERE id = %s", (meeting_id,))
    office.sync = ReplicaSync(office.replica.database.path, office.database, meeting_id, office.synced.emit)
    office.sync.start()
    qtbot.waitUntil(lambda: office.in_conflict, timeout=10000)
    most: list[int] = [0]

    def visible_boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    def sweep() -> None:  # counts the boxes up at once; answers any beyond the first "later"
        shown = visible_boxes()
        most[0] = max(most[0], len(shown))
        for box in shown[1:]:
            next(b for b in box.buttons() if b.text() == DECIDE_LATER).click()

    sweeper = QTimer()
    sweeper.timeout.connect(sweep)
    sweeper.start(50)

    def hear_again_then_answer() -> None:
        shown = visible_boxes()
        if not shown:
            QTimer.singleShot(20, hear_again_then_answer)
            return
        office.ask_about_conflict()  # heard of again while the box is up
        office.ask_about_conflict()
        sweep()
        next(b for b in shown[0].buttons() if b.text() == DECIDE_LATER).click()

    QTimer.singleShot(0, hear_again_then_answer)
    office.ask_about_conflict()
    sweeper.stop()
    assert most[0] == 1
    assert office.in_conflict  # decided later: the copy waits, Ctrl+Alt+U asks again


def test_the_window_answers_keys_while_the_server_makes_the_meetings_list_wait(
    server_window: MainWindow, qtbot: QtBot, pg_database: str, demo: MeetingDocument
) -> None:
    """Another clerk's change is heard and the meetings list fetched again while the server holds
    the meetings table locked (a long statement, a stalled network): the window goes on taking
    keys meanwhile (it froze for as long as the lock was held), and the list shows the new
    meeting once the server answers."""
    from ui.office_server import LIST_SETTLE_MS  # noqa: PLC0415

    window = server_window
    office = window.office
    assert office is not None
    venue = window.header_tab.venue
    window.tabs.setCurrentWidget(window.header_tab)
    venue.setFocus()
    qtbot.waitUntil(venue.hasFocus)
    venue.selectAll()
    with psycopg.connect(pg_database) as other:
        other.execute(
            "INSERT INTO meetings (title, seq, year, date, created, modified)"
            " SELECT 'การประชุมที่เพิ่มมา', 99, year, date, created, modified FROM meetings LIMIT 1"
        )
        other.execute("LOCK TABLE meetings IN ACCESS EXCLUSIVE MODE")
        release = threading.Timer(5.0, other.commit)  # should the window wait, it is let go
        release.start()
        started = time.monotonic()
        office.heard.emit("added", 0)
        qtbot.wait(LIST_SETTLE_MS + 200)  # the list is being fetched, and waits on the lock
        type_text("ห้องประชุม ๒")
        assert time.monotonic() - started < 2.5 and venue.text() == "ห้องประชุม ๒"
        release.join()
    listed = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    qtbot.waitUntil(lambda: bool(window.meetings.findItems("การประชุมที่เพิ่มมา", listed)), timeout=10000)


def test_the_window_answers_keys_while_the_lease_renewal_waits_on_the_server(
    server_window: MainWindow, qtbot: QtBot, pg_database: str
) -> None:
    """The lease is renewed every few seconds from a thread of its own: while the server makes
    the renewal wait (a lock on the leases, a stalled network) the window takes keys (it froze
    for as long), and the lease is renewed once the server answers."""
    window = server_window
    office = window.office
    assert office is not None
    venue = window.header_tab.venue
    window.tabs.setCurrentWidget(window.header_tab)
    venue.setFocus()
    qtbot.waitUntil(venue.hasFocus)
    venue.selectAll()
    meeting_id = window.editor.meeting_id
    with psycopg.connect(pg_database) as other:
        before = other.execute("SELECT renewed FROM leases WHERE meeting_id = %s", (meeting_id,)).fetchone()
        other.execute("LOCK TABLE leases IN ACCESS EXCLUSIVE MODE")
        release = threading.Timer(5.0, other.commit)  # should the window wait, it is let go
        release.start()
        started = time.monotonic()
        office.renewal.timeout.emit()  # the renewal's time, as its timer fires
        type_text("ห้องประชุม ๓")
        assert time.monotonic() - started < 2.5 and venue.text() == "ห้องประชุม ๓"
        release.join()
    with psycopg.connect(pg_database) as reading:

        def renewed() -> bool:
            row = reading.execute(
                "SELECT renewed FROM leases WHERE meeting_id = %s", (meeting_id,)
            ).fetchone()
            reading.rollback()
            return row is not None and before is not None and row[0] > before[0]

        qtbot.waitUntil(renewed, timeout=10000)
    qtbot.waitUntil(lambda: not getattr(office, "renewing", False))  # its answer heard here
    assert window.session.held_by is None
