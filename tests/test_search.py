"""Search across meetings: whole Thai words inside longer runs, either digit script, fresh after edits."""

from __future__ import annotations

import copy
import datetime as dt

from models.meeting import MeetingDocument, Paragraph
from models.storage import Database


def test_a_word_inside_a_longer_run_of_thai_is_found(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    hits = database.search("ครัวเรือน")  # inside จังหวัดพะเยามีครัวเรือนเป้าหมาย...
    places = {hit.place for hit in hits}
    assert "วาระ ๓.๑" in places and "วาระ (๑)" in places
    hit = next(h for h in hits if h.place == "วาระ ๓.๑")
    assert "ครัวเรือน" in hit.snippet and len(hit.snippet) < 200
    assert (hit.seq, hit.year) == (10, 2567)


def test_figures_in_tables_and_either_digit_script(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    assert [h.place for h in database.search("38,400")] == [h.place for h in database.search("๓๘,๔๐๐")]
    assert "วาระ ๔.๑" in {h.place for h in database.search("38,400")}
    assert database.search("ไม่มีคำนี้แน่นอน") == []
    assert database.search('"') == []


def test_edits_are_found_at_once_and_deleted_meetings_are_gone(
    database: Database, demo: MeetingDocument
) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    assert database.search("สหกรณ์") == []
    node = database.load_document(meeting_id).meeting.sections[5].items[0]
    assert node.id is not None
    database.insert_block(node.id, 0, Paragraph("ตั้งสหกรณ์ออมทรัพย์ของหมู่บ้าน"))
    assert [h.place for h in database.search("สหกรณ์")] == ["วาระ ๕.๑"]
    other = copy.deepcopy(demo)
    other.meeting.seq, other.meeting.date = 11, dt.date(2024, 11, 28)
    database.add_document(other)
    assert [h.seq for h in database.search("กชช")][:2] == [11, 10]  # newest first
    database.delete_meeting(meeting_id)
    assert {h.meeting_id for h in database.search("กชช")} != {meeting_id}
    assert all(h.meeting_id != meeting_id for h in database.search("สหกรณ์"))


def test_a_word_inside_a_dictionary_compound_is_found(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    # the dictionary reads เป็นผู้ใหญ่ as one word; the trigram index still finds ผู้ใหญ่ in it
    assert "วาระ ๑.๑" in {hit.place for hit in database.search("ผู้ใหญ่")}
