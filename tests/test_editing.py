"""Domain edits of an open meeting: memory and database stay the same, undo data is complete."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from models.editing import MeetingEditor, Removed
from models.meeting import Attendee, AttendeeStatus, Item, MeetingDocument, Paragraph, Person, Table
from models.storage import Database
from tests.conftest import WRITE_REFUSED, refuse_writes

BOTH_BACKENDS = True  # issue 17: on an SQLite file and on a PostgreSQL server


def open_editor(database: Database, demo: MeetingDocument) -> MeetingEditor:
    return MeetingEditor(database, database.add_document(copy.deepcopy(demo)))


def stored(editor: MeetingEditor) -> MeetingDocument:
    return editor.database.load_document(editor.meeting_id)


def test_header_edits_are_stored_and_return_the_old_value(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    assert editor.set_meeting_field("title", "การประชุมใหม่").old == demo.meeting.title
    assert editor.set_meeting_field("date", dt.date(2024, 11, 28)).old == demo.meeting.date
    editor.set_meeting_field("recorder", Person("นางสาวใจ ดี", "เลขานุการ"))
    assert stored(editor) == editor.document
    assert stored(editor).meeting.title == "การประชุมใหม่"


def test_roster_edits_keep_memory_and_database_alike(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    editor.insert_attendee(0, Attendee("สมศรี", AttendeeStatus.GUEST, "นาง", "มีสุข"))
    editor.move_attendee(0, 5)
    editor.set_attendee_field(5, "note", "ผู้แทน")
    removed = editor.remove_attendee(2).old
    assert isinstance(removed, Attendee)
    assert stored(editor) == editor.document
    editor.insert_attendee(2, removed)  # undo
    assert [a.first for a in stored(editor).meeting.attendees][2] == removed.first


def test_removing_a_node_and_restoring_it_gives_the_meeting_back(
    database: Database, demo: MeetingDocument
) -> None:
    editor = open_editor(database, demo)
    before = copy.deepcopy(editor.document)
    item = editor.document.meeting.sections[1].items[0]
    removed = editor.remove_node(item).old
    assert isinstance(removed, Removed)
    assert stored(editor) == editor.document != before
    editor.restore_node(removed)
    assert stored(editor) == editor.document == before


def test_moving_an_item_under_another_and_back(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    before = copy.deepcopy(editor.document)
    section_four = editor.document.meeting.sections[4]
    moving = section_four.items[2]
    target = section_four.items[0]
    was = editor.move_node(moving, target, 0).old
    assert isinstance(was, Removed)
    assert target.items[0] is moving
    assert stored(editor) == editor.document
    editor.move_node(moving, was.parent, was.index)
    assert stored(editor) == editor.document == before


def test_blocks_and_cells(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    item = editor.document.meeting.sections[3].items[0]
    paragraph = item.blocks[0]
    assert isinstance(paragraph, Paragraph)
    old = editor.set_block_field(paragraph, "text", "ข้อความใหม่").old
    assert isinstance(old, str)
    table = item.blocks[1]
    assert isinstance(table, Table)
    assert editor.set_cell(table, 0, 3, "๒๑,๐๐๐").old == "๒๑,๔๕๐"
    editor.insert_table_row(table, 9, ["๑๐", "ใหม่", "", "", "", ""])
    editor.insert_block(item, 0, Paragraph("ก่อน"))
    editor.insert_node(item, 0, Item("เรื่องย่อย"))
    assert stored(editor) == editor.document
    editor.set_block_field(paragraph, "text", old)
    assert stored(editor).meeting.sections[3].items[0].blocks[1] == Paragraph(old)


def test_letter_fields_create_the_letter(tmp_path: Path, demo: MeetingDocument) -> None:
    document = copy.deepcopy(demo)
    document.letter = None
    with Database.open(tmp_path / "m.sqlite3") as database:
        editor = MeetingEditor(database, database.add_document(document))
        editor.set_letter_field("subject", "ขอส่งรายงานการประชุม")
        assert stored(editor).letter == editor.document.letter
        assert editor.document.letter is not None and editor.document.letter.subject == "ขอส่งรายงานการประชุม"


def test_a_table_gets_new_columns_and_back(database: Database, demo: MeetingDocument) -> None:
    from models.meeting import Column, ColumnKind  # noqa: PLC0415

    editor = open_editor(database, demo)
    table = editor.document.meeting.sections[4].items[0].blocks[1]
    assert isinstance(table, Table)
    columns = [*table.columns, Column("คงเหลือ", kind=ColumnKind.MONEY, formula="=C-D")]
    rows = [[*row, ""] for row in table.rows]
    old = editor.set_table_shape(table, (columns, rows)).old
    assert isinstance(old, tuple)
    assert stored(editor) == editor.document
    assert stored(editor).meeting.sections[4].items[0].blocks[1].columns[-1].formula == "=C-D"  # type: ignore[union-attr]
    editor.set_table_shape(table, old)
    assert stored(editor) == editor.document
    assert len(table.columns) == 5


def test_the_office_profile_with_its_emblem(database: Database, demo: MeetingDocument) -> None:
    from models.meeting import Office  # noqa: PLC0415

    editor = open_editor(database, demo)
    assert editor.document.office is not None
    changed = Office("สำนักงานพัฒนาชุมชนจังหวัดพะเยา", ["ถนนใหม่"], "พย ๐๐๑๙.๑", garuda=b"\x89PNG")
    old = editor.set_office(changed).old
    assert stored(editor).office == changed
    assert isinstance(old, Office)
    editor.set_office(old)
    assert stored(editor).office == demo.office


def test_finding_words_in_the_meeting(demo: MeetingDocument) -> None:
    from models.meeting import nodes_containing  # noqa: PLC0415

    (found,) = nodes_containing(demo.meeting, "ThaiQM")
    assert found.title == "การแก้ไขปัญหาความยากจนแบบพุ่งเป้า"
    assert len(nodes_containing(demo.meeting, "38,400")) == 1  # typed ๓๘,๔๐๐ in a table
    assert nodes_containing(demo.meeting, "  ") == []


def test_a_refused_write_leaves_memory_and_database_alike(database: Database, demo: MeetingDocument) -> None:
    """The database refusing a write (here: read-only) changes nothing in memory either, and composite
    edits (a table's new shape, pasted people) are all or nothing."""
    import pytest  # noqa: PLC0415

    from models.meeting import Column  # noqa: PLC0415

    editor = open_editor(database, demo)
    table = editor.document.meeting.sections[4].items[0].blocks[1]
    assert isinstance(table, Table)
    before = copy.deepcopy(editor.document)
    row_objects = list(table.rows)
    refuse_writes(database, True)
    item = editor.document.meeting.sections[4].items[0]
    edits: tuple[Callable[[], object], ...] = (
        lambda: editor.set_meeting_field("title", "ไม่ควรบันทึก"),
        lambda: editor.set_attendee_field(0, "first", "ไม่ควร"),
        lambda: editor.insert_attendees(0, [Attendee("ก"), Attendee("ข")]),
        lambda: editor.remove_attendee(0),
        lambda: editor.move_attendee(0, 3),
        lambda: editor.set_node_field(item, "title", "ไม่ควร"),
        lambda: editor.remove_node(item),
        lambda: editor.move_node(item, editor.document.meeting.sections[5], 0),
        lambda: editor.set_cell(table, 0, 1, "ไม่ควร"),
        lambda: editor.set_table_rows(table, [["๑", "ก", "", "", ""]]),
        lambda: editor.set_table_shape(table, ([Column("ก")], [["ข"]])),
        lambda: editor.set_letter_field("subject", "ไม่ควร"),
        lambda: editor.remove_block(item, 0),
    )
    for edit in edits:
        with pytest.raises(WRITE_REFUSED):
            edit()
        assert editor.document == before
        assert all(a is b for a, b in zip(table.rows, row_objects, strict=True))  # views hold these
    refuse_writes(database, False)
    assert stored(editor) == before


def test_every_edit_announces_its_change(database: Database, demo: MeetingDocument) -> None:
    from models.changes import Change, ChangeKind  # noqa: PLC0415

    editor = open_editor(database, demo)
    heard: list[Change] = []
    editor.listeners.append(heard.append)
    change = editor.set_meeting_field("venue", "ห้องประชุมอำเภอ")
    attendee = editor.document.meeting.attendees[3]
    editor.set_attendee_field(3, "position", "ปลัดอำเภอ")
    assert heard == [change, heard[1]]
    assert (change.kind, change.field, change.new) == (ChangeKind.MEETING, "venue", "ห้องประชุมอำเภอ")
    assert heard[1].kind is ChangeKind.ATTENDEE and heard[1].target is attendee
    assert heard[1].target_id == attendee.id and heard[1].old == demo.meeting.attendees[3].position


def test_a_sections_presenter_wording_is_an_undoable_node_field(
    database: Database, demo: MeetingDocument
) -> None:
    import pytest  # noqa: PLC0415

    from models.changes import ChangeKind  # noqa: PLC0415

    editor = open_editor(database, demo)
    before = copy.deepcopy(editor.document)
    section = editor.document.meeting.sections[5]
    change = editor.set_node_field(section, "presenter_wording", "ขอเสนอ ที่ประชุมพิจารณา")
    assert (change.kind, change.target, change.field) == (ChangeKind.NODE, section, "presenter_wording")
    assert (change.old, change.new) == ("", "ขอเสนอ ที่ประชุมพิจารณา")
    assert stored(editor) == editor.document
    assert stored(editor).meeting.sections[5].presenter_wording == "ขอเสนอ ที่ประชุมพิจารณา"
    editor.set_node_field(section, "presenter_wording", change.old)  # undo
    assert editor.document == before and stored(editor) == before
    item = section.items[0]
    with pytest.raises(KeyError):
        editor.set_node_field(item, "presenter_wording", "เสนอ")  # an item has no wording of its own
    assert stored(editor) == before and not hasattr(item, "presenter_wording")
