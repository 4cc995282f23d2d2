"""The SQLite storage: round trips, small edits, order keeping, migrations, damage, backups."""

from __future__ import annotations

import copy
import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from models.meeting import (
    Attendee,
    AttendeeStatus,
    Item,
    MeetingDocument,
    Paragraph,
    Person,
    Recipient,
    Section,
    Table,
)
from models.server import ServerDatabase
from models.storage import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    Database,
    DatabaseDamagedError,
    DatabaseTooNewError,
    NotOurDatabaseError,
    StorageError,
    backup_folder,
)
from tests.old_schema import database_at_version

BOTH_BACKENDS = True  # issue 17: on an SQLite file and on a PostgreSQL server


def stored_demo(database: Database, demo: MeetingDocument) -> MeetingDocument:
    meeting_id = database.add_document(copy.deepcopy(demo))
    return database.load_document(meeting_id)


def test_a_meeting_comes_back_as_it_went_in(database: Database, demo: MeetingDocument) -> None:
    assert stored_demo(database, demo) == demo


def test_reopening_finds_the_meeting(db_path: Path, demo: MeetingDocument) -> None:
    with Database.open(db_path) as first:
        meeting_id = first.add_document(copy.deepcopy(demo))
    with Database.open(db_path) as second:
        assert [m.id for m in second.list_meetings()] == [meeting_id]
        assert second.load_document(meeting_id) == demo


def test_meetings_list_newest_first(database: Database, demo: MeetingDocument) -> None:
    for seq, day in ((1, dt.date(2024, 1, 30)), (3, dt.date(2024, 3, 28)), (2, dt.date(2024, 2, 27))):
        document = copy.deepcopy(demo)
        document.meeting.seq, document.meeting.date = seq, day
        database.add_document(document)
    assert [m.seq for m in database.list_meetings()] == [3, 2, 1]


def count_changes(database: Database) -> int:
    """Rows written so far on the database's connection (SQLite's count; the server's, counted
    the same way by its connection)."""
    if isinstance(database, ServerDatabase):
        return database.conn.total_changes  # type: ignore[attr-defined,no-any-return]
    return database.sqlite.total_changes


def test_typing_in_a_paragraph_rewrites_only_that_paragraph(
    database: Database, demo: MeetingDocument
) -> None:
    stored = stored_demo(database, demo)
    paragraph = stored.meeting.sections[1].items[0].blocks[0]
    assert isinstance(paragraph, Paragraph) and paragraph.id is not None
    before = count_changes(database)
    database.update_block(paragraph.id, text=paragraph.text + " เพิ่มเติม")
    assert count_changes(database) - before == 2  # the block, and the meeting's modified time
    reloaded = database.load_document(stored.meeting.id or 0).meeting.sections[1].items[0].blocks[0]
    assert isinstance(reloaded, Paragraph) and reloaded.text.endswith("เพิ่มเติม")


def test_header_fields_and_people(database: Database, demo: MeetingDocument) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    database.update_meeting(
        meeting_id,
        title="การประชุมใหม่",
        start=dt.time(13, 30),
        end=None,
        checker=None,
        recorder=Person("นางสาวใจ ดี", "เลขานุการ"),
    )
    meeting = database.load_document(meeting_id).meeting
    assert (meeting.title, meeting.start, meeting.end, meeting.checker) == (
        "การประชุมใหม่",
        dt.time(13, 30),
        None,
        None,
    )
    assert meeting.recorder == Person("นางสาวใจ ดี", "เลขานุการ")


def names(database: Database, meeting_id: int) -> list[str]:
    return [a.first for a in database.load_document(meeting_id).meeting.attendees]


def test_roster_rows_insert_move_and_delete_in_order(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    meeting_id = stored.meeting.id or 0
    original = names(database, meeting_id)
    new_id = database.insert_attendee(meeting_id, 1, Attendee("สมศรี", AttendeeStatus.GUEST, "นาง", "มีสุข"))
    assert names(database, meeting_id) == [original[0], "สมศรี", *original[1:]]
    database.move_attendee(new_id, 99)
    assert names(database, meeting_id) == [*original, "สมศรี"]
    database.move_attendee(new_id, 0)
    assert names(database, meeting_id)[0] == "สมศรี"
    database.update_attendee(new_id, status=AttendeeStatus.ABSENT, note="ลาป่วย")
    first = database.load_document(meeting_id).meeting.attendees[0]
    assert (first.status, first.note) == (AttendeeStatus.ABSENT, "ลาป่วย")
    database.delete_attendee(new_id)
    assert names(database, meeting_id) == original


def titles(items: list[Item]) -> list[str]:
    return [i.title for i in items]


def test_agenda_items_insert_move_between_parents_and_delete(
    database: Database, demo: MeetingDocument
) -> None:
    stored = stored_demo(database, demo)
    meeting_id = stored.meeting.id or 0
    section_four = stored.meeting.sections[5]
    assert section_four.id is not None
    new_item = Item("เรื่องใหม่", blocks=[Paragraph("ข้อความ")], items=[Item("เรื่องย่อย")])
    new_id = database.insert_node(meeting_id, section_four.id, 1, new_item)
    after = database.load_document(meeting_id).meeting.sections[5]
    assert titles(after.items)[1] == "เรื่องใหม่"
    assert after.items[1] == new_item

    first_item = stored.meeting.sections[1].items[0]
    assert first_item.id is not None
    database.move_node(new_id, first_item.id, 0)
    reloaded = database.load_document(meeting_id).meeting
    assert titles(reloaded.sections[5].items) == titles(section_four.items)
    assert reloaded.sections[1].items[0].items[0].title == "เรื่องใหม่"

    database.delete_node(new_id)
    assert database.load_document(meeting_id) == stored


def test_an_item_cannot_move_under_itself(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    parent = stored.meeting.sections[1].items[0]
    child = parent.items[1]
    assert parent.id is not None and child.id is not None
    with pytest.raises(ValueError):
        database.move_node(parent.id, child.id, 0)
    assert database.load_document(stored.meeting.id or 0) == stored


def test_sections_insert_and_renumber(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    meeting_id = stored.meeting.id or 0
    database.insert_node(meeting_id, None, 3, Section("เรื่องแทรก"))
    meeting = database.load_document(meeting_id).meeting
    assert meeting.sections[3].title == "เรื่องแทรก"
    assert [meeting.section_number(s) for s in meeting.sections] == [None, 1, 2, 3, 4, 5, 6, 7]


def test_blocks_and_table_rows_keep_their_order(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    meeting_id = stored.meeting.id or 0
    item = stored.meeting.sections[3].items[0]
    table = item.blocks[1]
    assert isinstance(table, Table) and table.id is not None and item.id is not None
    ids = list(table.row_ids)
    assert len(ids) == len(table.rows) == len(set(ids))
    database.update_table_row(ids[2], ["๓", "เชียงคำ", "๑๗,๓๐๔", "๑๗,๓๐๔", "๑๓๑", "๑๓๑"])
    new_id = database.insert_table_row(table.id, 0, ["๐", "ใหม่", "", "", "", ""])
    database.move_table_row(new_id, 99)
    database.delete_table_row(ids[1])
    with pytest.raises(KeyError):  # an edit of a deleted row lands on no other row
        database.update_table_row(ids[1], ["x"])
    rows = database.load_document(meeting_id).meeting.sections[3].items[0].blocks[1]
    assert isinstance(rows, Table)
    assert [r[1] for r in rows.rows] == [
        "เมืองพะเยา",
        "เชียงคำ",
        "เชียงม่วน",
        "ดอกคำใต้",
        "ปง",
        "แม่ใจ",
        "ภูซาง",
        "ภูกามยาว",
        "ใหม่",
    ]
    assert rows.rows[1][3] == "๑๗,๓๐๔"

    database.move_block(table.id, item.id, 0)
    database.insert_block(item.id, 99, Paragraph("ท้ายสุด", indent=False))
    blocks = database.load_document(meeting_id).meeting.sections[3].items[0].blocks
    assert isinstance(blocks[0], Table)
    assert blocks[-1] == Paragraph("ท้ายสุด", indent=False)


def test_letter_fields_and_recipients(database: Database, demo: MeetingDocument) -> None:
    document = copy.deepcopy(demo)
    document.letter = None
    meeting_id = database.add_document(document)
    assert database.load_document(meeting_id).letter is None
    database.update_letter(
        meeting_id, subject="ขอส่งรายงานการประชุม", certify_by=dt.date(2024, 11, 15), body=["ย่อหน้าหนึ่ง"]
    )
    recipient_id = database.insert_recipient(meeting_id, 0, Recipient("พัฒนาการอำเภอจุน"))
    database.update_recipient(recipient_id, status="certified")
    letter = database.load_document(meeting_id).letter
    assert letter is not None
    assert (letter.subject, letter.certify_by, letter.body) == (
        "ขอส่งรายงานการประชุม",
        dt.date(2024, 11, 15),
        ["ย่อหน้าหนึ่ง"],
    )
    assert letter.recipients[0].status == "certified"


def test_offices_are_shared_between_meetings(database: Database, demo: MeetingDocument) -> None:
    first = database.add_document(copy.deepcopy(demo))
    second = database.add_document(copy.deepcopy(demo))
    office_id = database.meeting_office_id(first)
    assert office_id is not None and office_id == database.meeting_office_id(second)
    database.update_office(office_id, phone="๐ ๕๔๔๔ ๐๐๐๐")
    office = database.load_document(second).office
    assert office is not None and office.phone == "๐ ๕๔๔๔ ๐๐๐๐"


def test_deleting_a_meeting_removes_everything_of_it(database: Database, demo: MeetingDocument) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    database.delete_meeting(meeting_id)
    for table in ("attendees", "nodes", "blocks", "table_rows", "letters", "recipients"):
        assert database.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_failed_edit_changes_nothing(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    meeting_id = stored.meeting.id or 0
    with pytest.raises((sqlite3.IntegrityError, StorageError)), database.transaction():
        database.insert_attendee(meeting_id, 0, Attendee("คนใหม่"))
        database.conn.execute(
            "INSERT INTO attendees (meeting_id, ord, first, status) VALUES (?, 0, 'x', 'bad')", (meeting_id,)
        )
    assert database.load_document(meeting_id) == stored


def test_new_database_is_at_the_current_schema_in_wal_mode(database: Database) -> None:
    assert database.schema_version == SCHEMA_VERSION
    if isinstance(database, ServerDatabase):
        return  # the server's tables: tests/test_schema.py
    assert database.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meetings'").fetchone()


def test_a_database_from_a_newer_program_is_refused_untouched(db_path: Path) -> None:
    with Database.open(db_path) as database:
        database.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="รุ่นใหม่กว่า"):
        Database.open(db_path)
    assert db_path.read_bytes() == before


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(os.urandom(len(data)))


@pytest.mark.parametrize("how", ["truncated", "garbage"])
def test_a_damaged_database_is_reported_and_left_untouched(
    db_path: Path, demo: MeetingDocument, how: str
) -> None:
    with Database.open(db_path, backup=False) as database:
        for _ in range(5):
            database.add_document(copy.deepcopy(demo))
    damage(db_path, how)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="เสียหาย"):
        Database.open(db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_another_programs_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE meetings (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurDatabaseError):
        Database.open(db_path)


def test_opening_keeps_a_few_rotating_backups(db_path: Path, demo: MeetingDocument) -> None:
    with Database.open(db_path) as database:
        meeting_id = database.add_document(copy.deepcopy(demo))
    assert not backup_folder(db_path).exists()  # a new database has nothing to back up
    for _ in range(4):
        Database.open(db_path, backups_kept=3).close()
    backups = sorted(backup_folder(db_path).iterdir())
    assert len(backups) == 3
    with Database.open(backups[-1], backup=False) as copy_db:
        assert copy_db.load_document(meeting_id) == demo


def test_an_older_database_is_backed_up_then_migrated(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    old = Database(conn, db_path)
    with old.transaction():
        MIGRATIONS[0](old.conn)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("INSERT INTO offices (name) VALUES ('สำนักงานพัฒนาชุมชนจังหวัด')")
        conn.execute(
            "INSERT INTO meetings (office_id, title, seq, year, date, created, modified)"
            " VALUES (1, 'การประชุมประจำเดือน', 1, 2567, '2024-01-30', '', '')"
        )
    conn.close()

    with Database.open(db_path) as database:
        assert database.schema_version == SCHEMA_VERSION
        office_id = database.meeting_office_id(1)
        assert office_id is not None
        database.update_office(office_id, garuda=b"\x89PNG emblem")
        office = database.load_document(1).office
        assert office is not None and office.garuda == b"\x89PNG emblem"
    (backup,) = backup_folder(db_path).iterdir()
    with sqlite3.connect(backup) as copy_conn:
        assert copy_conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_unknown_fields_are_refused_and_change_nothing(database: Database, demo: MeetingDocument) -> None:
    stored = stored_demo(database, demo)
    attendee = stored.meeting.attendees[0]
    assert attendee.id is not None
    with pytest.raises(KeyError):
        database.update_attendee(attendee.id, first="ใหม่", salary="๑๐๐")
    assert database.load_document(stored.meeting.id or 0) == stored


def test_presenters_of_all_meetings_are_offered(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    presenters = database.presenters()
    assert "นายวีระพงษ์ คำแสน พัฒนาการจังหวัดพะเยา" in presenters
    assert len(presenters) == len(set(presenters)) == 5


def test_an_office_accepts_its_own_words(database: Database, demo: MeetingDocument) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    office_id = database.meeting_office_id(meeting_id)
    assert office_id is not None
    database.add_office_word(office_id, "จปฐ")
    database.add_office_word(office_id, "จปฐ")
    assert database.office_words(office_id) == ["จปฐ"]


def test_a_sections_presenter_wording_is_stored_and_reopened(db_path: Path, demo: MeetingDocument) -> None:
    with Database.open(db_path) as database:
        stored = stored_demo(database, demo)
        section = stored.meeting.sections[5]
        assert section.id is not None and section.presenter_wording == ""
        database.update_node(section.id, presenter_wording="ขอเสนอ ที่ประชุมพิจารณา")
    with Database.open(db_path, backup=False) as database:
        meeting = database.load_document(stored.meeting.id or 0).meeting
    assert meeting.sections[5].presenter_wording == "ขอเสนอ ที่ประชุมพิจารณา"
    assert [s.presenter_wording for s in meeting.sections if s is not meeting.sections[5]] == [""] * 6


def test_a_database_from_before_presenter_wordings_is_migrated(db_path: Path) -> None:
    """Version 7 had no wording: its sections open with none (the title decides) and take one."""
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    old = Database(conn, db_path)
    with old.transaction():
        for migration in MIGRATIONS[:7]:
            migration(old.conn)
        conn.execute("PRAGMA user_version = 7")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "INSERT INTO meetings (title, seq, year, date, created, modified)"
            " VALUES ('การประชุมประจำเดือน', 1, 2567, '2024-01-30', '', '')"
        )
        conn.execute(
            "INSERT INTO nodes (meeting_id, parent_id, ord, kind, title) VALUES (1, NULL, 0, 'section', 'เรื่องเพื่อพิจารณา')"
        )
        conn.execute(
            "INSERT INTO nodes (meeting_id, parent_id, ord, kind, title, presenter)"
            " VALUES (1, 1, 0, 'item', 'แผนการฝึกอบรม', 'นางพิมพ์ชนก วงศ์ใหญ่')"
        )
    conn.close()

    with Database.open(db_path) as database:
        assert database.schema_version == SCHEMA_VERSION
        (section,) = database.load_document(1).meeting.sections
        assert section == Section("เรื่องเพื่อพิจารณา", items=[Item("แผนการฝึกอบรม", "นางพิมพ์ชนก วงศ์ใหญ่")])
        database.update_node(section.id or 0, presenter_wording="เสนอเพื่อโปรดพิจารณา")
    with Database.open(db_path, backup=False) as database:
        assert database.load_document(1).meeting.sections[0].presenter_wording == "เสนอเพื่อโปรดพิจารณา"
    (backup,) = backup_folder(db_path).iterdir()
    with sqlite3.connect(backup) as copy_conn:
        assert copy_conn.execute("PRAGMA user_version").fetchone()[0] == 7


def test_a_database_from_before_stable_row_ids_is_migrated(db_path: Path, demo: MeetingDocument) -> None:
    """Version 8 could give a deleted table row's or recipient's id to the next one stored, so an
    edit meant for the deleted one could land on the new one. Migrated, the ids stay as they were
    and are never given again."""
    old, conn = database_at_version(db_path, 8)
    meeting_id = old.add_document(copy.deepcopy(demo))
    row_ids = [r[0] for r in conn.execute("SELECT id FROM table_rows ORDER BY block_id, ord")]
    recipient_ids = [r[0] for r in conn.execute("SELECT id FROM recipients ORDER BY ord")]
    conn.close()

    with Database.open(db_path) as database:
        assert database.schema_version == SCHEMA_VERSION
        document = database.load_document(meeting_id)
        assert document == demo
        tables = [
            b for s in document.meeting.sections for i in s.items for b in i.blocks if isinstance(b, Table)
        ]
        assert [row_id for t in tables for row_id in t.row_ids] == row_ids
        assert document.letter is not None and [r.id for r in document.letter.recipients] == recipient_ids
        database.delete_table_row(row_ids[-1])
        assert database.insert_table_row(tables[-1].id or 0, 99, ["ใหม่"]) > row_ids[-1]
        database.delete_recipient(recipient_ids[-1])
        assert database.insert_recipient(meeting_id, 99, Recipient("ผู้รับใหม่")) > recipient_ids[-1]
    (backup,) = backup_folder(db_path).iterdir()
    with sqlite3.connect(backup) as copy_conn:
        assert copy_conn.execute("PRAGMA user_version").fetchone()[0] == 8
    copy_conn.close()
