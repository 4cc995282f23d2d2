"""A series of monthly meetings: numbering, the certification summary, follow-ups, new year."""

from __future__ import annotations

import copy
import datetime as dt

from models import thai
from models.meeting import AttendeeStatus, BulletList, MeetingDocument, Paragraph
from models.series import next_meeting


def test_three_meetings_in_a_row(demo: MeetingDocument) -> None:
    demo.meeting.sections[4].items[1].follow_up = True  # ๔.๒ การจัดงาน OTOP
    second = next_meeting(demo)
    meeting = second.meeting
    assert (meeting.seq, meeting.year) == (11, 2567)
    # the demo's ๖.๑ announced: วันพฤหัสบดีที่ ๒๘ พฤศจิกายน ๒๕๖๗ เวลา ๐๙.๓๐ น. ณ ห้องประชุม...
    assert meeting.date == dt.date(2024, 11, 28)
    assert meeting.start == dt.time(9, 30)
    assert meeting.venue == "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดพะเยา"
    members = [a for a in meeting.attendees if a.status is not AttendeeStatus.GUEST]
    assert all(a.status is AttendeeStatus.PRESENT for a in members)  # the absent expected back
    assert [a.note for a in members if a.note] == ["แทน พัฒนาการอำเภอภูซาง"]  # for the clerk to fix
    assert [a.full_name for a in meeting.attendees if a.status is AttendeeStatus.GUEST] == ["นายเอกชัย ศักดิ์ดี"]
    assert len(meeting.attendees) == len(demo.meeting.attendees)
    assert [s.title for s in meeting.sections[1:2]] == ["เรื่องที่ประธานแจ้งให้ทราบ"]

    certify = meeting.sections[2]
    assert certify.title == "รับรองรายงานการประชุมครั้งที่ ๑๐/๒๕๖๗ เมื่อวันอังคารที่ ๒๙ ตุลาคม ๒๕๖๗"
    assert certify.resolution == "รับรอง"
    texts = [
        b.text if isinstance(b, Paragraph) else b.items if isinstance(b, BulletList) else ""
        for b in certify.blocks
    ]
    assert "ระเบียบวาระที่ ๔ เรื่องเพื่อทราบ จำนวน ๓ เรื่อง" in texts
    after_four = texts[texts.index("ระเบียบวาระที่ ๔ เรื่องเพื่อทราบ จำนวน ๓ เรื่อง") + 1]
    assert after_four == [
        f"๔.{thai.to_thai_digits(str(n))} {item.title}"
        for n, item in enumerate(demo.meeting.sections[4].items, 1)
    ]
    assert "ระเบียบวาระที่ ๒ รับรองรายงานการประชุม ครั้งที่ ๙/๒๕๖๗ เมื่อวันพฤหัสบดีที่ ๒๖ กันยายน ๒๕๖๗" in texts

    carried = meeting.sections[3]
    assert carried.title == "เรื่องสืบเนื่องจากการประชุมครั้งที่ ๑๐/๒๕๖๗"
    assert [(i.title, i.presenter) for i in carried.items] == [
        (demo.meeting.sections[4].items[1].title, demo.meeting.sections[4].items[1].presenter)
    ]

    third = next_meeting(second).meeting  # no "next meeting" item: a month later, same time and place
    assert (third.seq, third.year, third.date) == (12, 2567, dt.date(2024, 12, 28))
    assert third.start == dt.time(9, 30) and third.venue == meeting.venue
    assert third.sections[3].items == []


def test_the_series_restarts_at_one_in_a_new_buddhist_year(demo: MeetingDocument) -> None:
    december = copy.deepcopy(demo)
    december.meeting.seq, december.meeting.date = 12, dt.date(2024, 12, 20)
    december.meeting.sections[6].items = []
    january = next_meeting(december).meeting
    assert (january.seq, january.year, january.date) == (1, 2568, dt.date(2025, 1, 20))


def test_the_summary_counts_each_section(demo: MeetingDocument) -> None:
    blocks = next_meeting(demo).meeting.sections[2].blocks
    lists = [b for b in blocks if isinstance(b, BulletList)]
    assert [len(b.items) for b in lists] == [2, 1, 3, 1, 1]


def test_the_next_meeting_keeps_guests_as_guests_or_none_and_brings_members_back(
    demo: MeetingDocument,
) -> None:
    """A guest stays a guest (or the series keeps none); one who came in a named member's
    place makes way for the member, at the post."""
    from models.meeting import Attendee  # noqa: PLC0415

    demo.meeting.attendees.append(
        Attendee("สุดา", AttendeeStatus.PRESENT, "นาง", "ใจงาม", "พัฒนาการอำเภอเชียงม่วน", "แทน นายวิทยา รักดี")
    )
    kept = next_meeting(demo).meeting.attendees
    assert ("นายวิทยา รักดี", "พัฒนาการอำเภอเชียงม่วน", AttendeeStatus.PRESENT, "") in [
        (a.full_name, a.position, a.status, a.note) for a in kept
    ]
    assert "นางสุดา ใจงาม" not in [a.full_name for a in kept]
    without_guests = next_meeting(demo, keep_guests=False).meeting.attendees
    assert [a for a in without_guests if a.status is AttendeeStatus.GUEST] == []
    assert len(without_guests) == len(kept) - 1


def test_the_next_meetings_cover_letter_keeps_its_fields_not_its_date_or_answers(
    demo: MeetingDocument,
) -> None:
    from models.meeting import RecipientStatus  # noqa: PLC0415

    assert demo.letter is not None
    demo.letter.number = "พย ๐๐๑๙.๑/ว ๑๒๓"
    demo.letter.subject = "ขอส่งรายงานการประชุม ครั้งที่ ๑๐/๒๕๖๗"
    demo.letter.recipients[0].status = RecipientStatus.CERTIFIED
    letter = next_meeting(demo).letter
    assert letter is not None
    assert (letter.number, letter.subject, letter.to) == (
        "พย ๐๐๑๙.๑/ว",  # the running number is the records office's
        "ขอส่งรายงานการประชุม ครั้งที่ ๑๑/๒๕๖๗",
        demo.letter.to,
    )
    assert letter.signer == demo.letter.signer and letter.date is None and letter.certify_by is None
    assert [r.name for r in letter.recipients] == [r.name for r in demo.letter.recipients]
    assert {r.status for r in letter.recipients} == {RecipientStatus.PENDING}
