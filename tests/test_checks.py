"""Checks before circulation: each planted mistake is found; the demo has none but words the
dictionary does not know."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from models import thai
from models.checks import Finding, OtherMeeting, Severity, check_document
from models.meeting import (
    Attendee,
    AttendeeStatus,
    BulletList,
    Column,
    ColumnKind,
    Item,
    MeetingDocument,
    Paragraph,
    Person,
    Table,
)


def errors(document: MeetingDocument, **options: object) -> list[Finding]:
    return [f for f in check_document(document, spelling=False, **options) if f.severity is Severity.ERROR]  # type: ignore[arg-type]


def test_the_demo_has_nothing_wrong_but_unknown_words(demo: MeetingDocument) -> None:
    findings = check_document(demo)
    assert findings
    assert all(f.severity is Severity.WARNING and f.message.startswith("ไม่รู้จักคำว่า") for f in findings)


def item_with(demo: MeetingDocument) -> Item:
    return demo.meeting.sections[4].items[0]


def test_an_amount_in_words_that_disagrees(demo: MeetingDocument) -> None:
    item_with(demo).blocks.append(
        Paragraph("เป็นเงิน ๗๘,๔๐๐ บาท (สามหมื่นแปดพันสี่ร้อยบาทถ้วน) และ ๓๘,๔๐๐ บาท (สามหมื่นแปดพันสี่ร้อยบาทถ้วน)")
    )
    (finding,) = errors(demo)
    assert finding.where == "วาระ ๔.๑ ย่อหน้าที่ ๓"
    assert "๗๘,๔๐๐" in finding.message and finding.fix == "(เจ็ดหมื่นแปดพันสี่ร้อยบาทถ้วน)"
    assert finding.node is item_with(demo)


def test_a_weekday_that_disagrees_with_its_date(demo: MeetingDocument) -> None:
    item_with(demo).resolution = "นัดประชุมวันพุธที่ ๓๐ สิงหาคม ๒๕๖๕ และวันพุธที่ ๓๑ สิงหาคม ๒๕๖๕"
    (finding,) = errors(demo)
    assert finding.where == "วาระ ๔.๑ มติที่ประชุม"
    assert "วันอังคาร" in finding.message and finding.fix == "วันอังคารที่ ๓๐ สิงหาคม ๒๕๖๕"


def test_a_typed_total_that_disagrees(demo: MeetingDocument) -> None:
    table = Table(
        [Column("อำเภอ"), Column("จำนวน", kind=ColumnKind.NUMBER)],
        [["เมือง", "๑๐"], ["จุน", "๕"], ["รวม", "๑๖"]],
    )
    item_with(demo).blocks.append(table)
    (finding,) = errors(demo)
    assert finding.where == "วาระ ๔.๑ ตารางที่ ๒ ช่อง B3" and finding.fix == "แก้เป็น ๑๕"


def test_a_typed_average_in_a_percentage_column_is_not_called_a_wrong_total(demo: MeetingDocument) -> None:
    table = Table(
        [Column("อำเภอ"), Column("จำนวน", kind=ColumnKind.NUMBER), Column("ร้อยละ", kind=ColumnKind.NUMBER)],
        [["เมือง", "๑๐", "๕๐.๐๐"], ["จุน", "๕", "๗๐.๐๐"], ["รวม", "๑๕", "๖๐.๐๐"]],
    )
    item_with(demo).blocks.append(table)
    assert errors(demo) == []


def test_counts_written_in_the_text(demo: MeetingDocument) -> None:
    item = item_with(demo)
    item.blocks += [Paragraph("มีโครงการ จำนวน ๓ เรื่อง ดังนี้"), BulletList(["ก", "ข", "ค", "ง"])]
    demo.meeting.sections[0].blocks.append(Paragraph("ผู้เข้าร่วมประชุม จำนวน ๓๖ คน"))
    found = errors(demo)
    assert {f.where for f in found} == {"วาระ ๔.๑ ย่อหน้าที่ ๓", "ส่วนก่อนระเบียบวาระ ย่อหน้าที่ ๒"}
    assert any("๑๘ คน" in f.message for f in found)


def test_items_without_resolution_or_content_and_duplicates(demo: MeetingDocument) -> None:
    demo.meeting.sections[5].items.append(Item("เรื่องใหม่"))
    demo.meeting.sections[5].items.append(Item(""))
    demo.meeting.attendees.append(copy.deepcopy(demo.meeting.attendees[3]))
    findings = check_document(demo, spelling=False)
    where = {(f.severity, f.where, f.message) for f in findings}
    assert (Severity.WARNING, "วาระ ๕.๒", "เรื่องนี้ไม่มีมติที่ประชุม") in where
    assert (Severity.WARNING, "วาระ ๕.๒", "เรื่องนี้ไม่มีเนื้อหา") in where
    assert (Severity.ERROR, "วาระ ๕.๓", "เรื่องนี้ไม่มีหัวข้อ") in where
    assert any(f.severity is Severity.ERROR and f.where == "ผู้เข้าประชุมลำดับที่ ๒๑" for f in findings)


def test_meeting_numbers(demo: MeetingDocument) -> None:
    demo.meeting.id = 2
    same_number = [OtherMeeting(1, 10, 2567), OtherMeeting(2, 10, 2567)]
    assert [f.message for f in errors(demo, others=same_number)] == ["ครั้งที่ ๑๐/๒๕๖๗ ซ้ำกับการประชุมอื่นในปีเดียวกัน"]
    next_item = demo.meeting.sections[6].items[0]
    next_item.blocks = [Paragraph("การประชุมครั้งที่ ๑๒/๒๕๖๗ กำหนดในวันพฤหัสบดีที่ ๒๘ พฤศจิกายน ๒๕๖๗")]
    (finding,) = errors(demo)
    assert finding.fix == "ครั้งที่ ๑๑/๒๕๖๗"


def test_the_letter(demo: MeetingDocument) -> None:
    assert demo.letter is not None
    demo.letter.certify_by = dt.date(2024, 11, 1)
    demo.letter.date = dt.date(2024, 10, 20)
    demo.letter.signer = None
    messages = [f.message for f in errors(demo)]
    assert len(messages) == 2
    assert any("ก่อนวันประชุม" in m for m in messages) and any("ผู้ลงนาม" in m for m in messages)
    demo.letter.date = dt.date(2024, 11, 5)
    assert any("อยู่ก่อนวันที่ของหนังสือ" in f.message for f in errors(demo))
    warnings = [f for f in check_document(demo, spelling=False) if f.severity is Severity.WARNING]
    assert warnings == []  # an office without a Garuda image prints the standard emblem


def test_unknown_words_with_suggestions_and_accepted_names(demo: MeetingDocument) -> None:
    demo.meeting.sections[4].items[0].blocks.append(Paragraph("ที่ประชูมรับทราบ และนายสมปอง สายใจ รายงาน"))
    findings = check_document(demo, accepted_words=["จปฐ"])
    words = {f.message: f.fix for f in findings}
    assert "ประชุม" in words["ไม่รู้จักคำว่า “ประชูม”"]
    assert not any("จปฐ" in message for message in words)
    demo.meeting.attendees.append(Attendee("สมปอง", last="สายใจ"))
    names = [
        f
        for f in check_document(demo, accepted_words=["จปฐ"])
        if "สมปอง" in f.message or "สายใจ" in f.message
    ]
    assert names == []


@pytest.mark.parametrize("mistake", ["amount", "weekday"])
def test_mistakes_in_the_letter_body_count_too(demo: MeetingDocument, mistake: str) -> None:
    assert demo.letter is not None
    demo.letter.signer = Person("นายวีระพงษ์ คำแสน")
    text = "เงิน ๑๐๐ บาท (สองร้อยบาทถ้วน)" if mistake == "amount" else "วันจันทร์ที่ ๓๑ สิงหาคม ๒๕๖๕"
    demo.meeting.sections[1].items[0].blocks.append(Paragraph(text))
    assert len(errors(demo)) == 1


def test_a_percentage_typed_that_disagrees_with_its_formula(demo: MeetingDocument) -> None:
    table = demo.meeting.sections[4].items[0].blocks[1]
    assert isinstance(table, Table)
    table.rows[1][4] = "๙๘.๓๖"  # right: 279,840.50 / 284,500 × 100
    table.rows[2][4] = "๙๘.๐๐"  # wrong: the formula gives ๙๖.๔๐
    (finding,) = errors(demo)
    assert finding.where == "วาระ ๔.๑ ตารางที่ ๑ ช่อง E3"
    assert "๙๖.๔๐" in finding.message


def test_names_known_while_checking_do_not_stay_in_the_shared_dictionary(demo: MeetingDocument) -> None:
    """Checks read the roster's names as words (a name is read whole, not as misspelt pieces)
    without adding them to the dictionary line breaking uses: breaking later in the same process
    must not change."""
    from models.dictionary import word_trie  # noqa: PLC0415

    demo.meeting.attendees.append(Attendee("ซิกแซ็กอาร์มวัน", prefix="นาย", last="ใจดี"))
    findings = check_document(demo)
    assert not any("ซิกแซ็กอาร์มวัน" in f.message for f in findings)
    assert "ซิกแซ็กอาร์มวัน" not in word_trie()
    assert thai.segment("ซิกแซ็กอาร์มวัน") != ("ซิกแซ็กอาร์มวัน",)


def test_a_meeting_short_of_its_quorum_is_said(demo: MeetingDocument) -> None:
    """Fewer than half of the members came (guests are no members): a warning with the numbers;
    half of them is enough (พ.ร.บ.วิธีปฏิบัติราชการทางปกครอง มาตรา ๗๙)."""
    from models.checks import check_meeting  # noqa: PLC0415
    from models.roster import quorum  # noqa: PLC0415

    meeting = demo.meeting
    members = [a for a in meeting.attendees if a.status is not AttendeeStatus.GUEST]
    assert not [f for f in check_meeting(meeting) if "องค์ประชุม" in f.message]
    for index, attendee in enumerate(members):  # all but the fewest that still make half
        attendee.status = AttendeeStatus.ABSENT if index < len(members) // 2 else AttendeeStatus.PRESENT
    assert quorum(meeting).met  # half (rounded up) came: enough
    members[len(members) // 2].status = AttendeeStatus.ABSENT
    counted = quorum(meeting)
    assert not counted.met and counted.members == len(members)
    (finding,) = [f for f in check_meeting(meeting) if "องค์ประชุม" in f.message]
    assert "ไม่ครบองค์ประชุม" in finding.message and finding.severity is Severity.WARNING
