"""Certification: answers, certifying, read-only minutes, amendments with who, when, before, why."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

import pytest

from models.editing import CertificationError, MeetingEditor, MinutesCertifiedError, Removed
from models.meeting import Item, MeetingDocument, RecipientStatus
from models.storage import Database

BOTH_BACKENDS = True  # issue 17: on an SQLite file and on a PostgreSQL server


def open_editor(database: Database, demo: MeetingDocument) -> MeetingEditor:
    return MeetingEditor(database, database.add_document(copy.deepcopy(demo)))


def test_certifying_waits_for_every_answer_or_the_deadline(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    before_deadline = dt.date(2024, 11, 10)
    with pytest.raises(CertificationError, match="ยังรอคำตอบจาก ๙ ราย"):
        editor.certify(before_deadline)
    for index in range(9):
        status = RecipientStatus.CORRECTIONS if index == 2 else RecipientStatus.CERTIFIED
        editor.record_answer(index, status, "แก้ชื่อสถานที่" if index == 2 else "", dt.date(2024, 11, 8))
    editor.certify(before_deadline)
    stored = database.load_document(editor.meeting_id)
    assert stored.meeting.certified == before_deadline
    assert stored.letter is not None
    assert stored.letter.recipients[2].status is RecipientStatus.CORRECTIONS
    assert stored.letter.recipients[2].answered == dt.date(2024, 11, 8)


def test_after_the_deadline_silence_counts_as_certified(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    editor.certify(dt.date(2024, 11, 16))  # the deadline was 15 November
    assert editor.certified


def test_certified_minutes_refuse_edits_and_keep_amendments(
    database: Database, demo: MeetingDocument
) -> None:
    editor = open_editor(database, demo)
    editor.certify(dt.date(2024, 11, 16))
    item = editor.document.meeting.sections[4].items[0]
    before = database.load_document(editor.meeting_id)
    edits: tuple[Callable[[], object], ...] = (
        lambda: editor.set_node_field(item, "title", "ชื่อใหม่"),
        lambda: editor.insert_node(item, 0, Item("เรื่องแทรก")),
        lambda: editor.remove_attendee(0),
        lambda: editor.set_cell(item.blocks[1], 0, 2, "๑"),  # type: ignore[arg-type]
    )
    for change in edits:
        with pytest.raises(MinutesCertifiedError, match="รับรองแล้ว"):
            change()
    assert database.load_document(editor.meeting_id) == before

    with pytest.raises(CertificationError, match="ผู้แก้และเหตุผล"):
        editor.begin_amendment("", "ไม่มีเหตุผล")
    editor.begin_amendment("นางบุษบา ยอดดี", "ที่ประชุมครั้งที่ ๑๑/๒๕๖๗ ขอแก้ชื่อเรื่อง")
    old_title = item.title
    editor.set_node_field(item, "title", "ผลการเบิกจ่ายงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๗ (แก้ไข)")
    editor.end_amendment()
    (amendment,) = database.amendments(editor.meeting_id)
    assert (amendment.who, amendment.place) == ("นางบุษบา ยอดดี", "เรื่อง")
    assert (amendment.before, amendment.after) == (
        old_title,
        "ผลการเบิกจ่ายงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๗ (แก้ไข)",
    )
    assert amendment.why.startswith("ที่ประชุมครั้งที่")
    with pytest.raises(MinutesCertifiedError):
        editor.set_node_field(item, "title", "อีกครั้ง")


def test_a_restored_item_is_one_amendment(database: Database, demo: MeetingDocument) -> None:
    editor = open_editor(database, demo)
    editor.certify(dt.date(2024, 11, 16))
    editor.begin_amendment("นางบุษบา ยอดดี", "ลบเรื่องที่บันทึกซ้ำ")
    removed = editor.remove_node(editor.document.meeting.sections[4].items[2]).old
    assert isinstance(removed, Removed)
    editor.restore_node(removed)
    assert [a.place for a in database.amendments(editor.meeting_id)] == ["ลบเรื่อง", "เพิ่มเรื่อง"]
