"""The presenter line follows its section: information, matters arising, consideration, or the
section's own wording; both documents print what composition says."""

from __future__ import annotations

import datetime as dt

from exporters.compose import Para, compose_minutes
from exporters.layout import DEFAULT_LAYOUT
from models.checks import Severity, check_meeting
from models.meeting import Item, Meeting, MeetingDocument, Section
from models.presenter import derived_wording, line_covering

CHAIR = "นายวีระพงษ์ คำแสน พัฒนาการจังหวัด"
HEAD = "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน 2"


def meeting_with(*sections: Section) -> Meeting:
    return Meeting("การประชุมประจำเดือน", 10, 2567, dt.date(2024, 10, 30), sections=list(sections))


def two_items() -> list[Item]:
    return [Item("เรื่องแรก", CHAIR), Item("เรื่องที่สอง", CHAIR), Item("เรื่องที่สาม", HEAD)]


def presenter_lines(meeting: Meeting) -> list[str]:
    body = compose_minutes(MeetingDocument(meeting), DEFAULT_LAYOUT).body
    return [e.text for e in body if isinstance(e, Para) and e.role == "presenter"]


def test_the_wording_follows_the_kind_of_section() -> None:
    meeting = meeting_with(
        Section("เรื่องเพื่อทราบ", items=two_items()),
        Section("เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว", items=two_items()),
        Section("เรื่องเพื่อพิจารณา", items=two_items()),
        Section("เรื่องอื่น ๆ", items=[Item("กำหนดการประชุมครั้งต่อไป", HEAD)]),
    )
    assert presenter_lines(meeting) == [
        f"{CHAIR} แจ้งให้ที่ประชุมทราบ จำนวน ๒ เรื่อง ดังนี้",
        "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน ๒ แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้",
        f"{CHAIR} แจ้งเรื่องสืบเนื่อง จำนวน ๒ เรื่อง ดังนี้",
        "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน ๒ แจ้งเรื่องสืบเนื่อง จำนวน ๑ เรื่อง ดังนี้",
        f"{CHAIR} เสนอที่ประชุมพิจารณา จำนวน ๒ เรื่อง ดังนี้",
        "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน ๒ เสนอที่ประชุมพิจารณา จำนวน ๑ เรื่อง ดังนี้",
        "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน ๒ แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้",
    ]


def test_a_sections_own_wording_wins_and_reaches_sub_items() -> None:
    nested = Item("เรื่องแรก", CHAIR, items=[Item("เรื่องย่อย ก", HEAD), Item("เรื่องย่อย ข", HEAD)])
    section = Section("เรื่องเพื่อพิจารณา", items=[nested], presenter_wording="  ขอเสนอ  ที่ประชุมเพื่อโปรดพิจารณา ")
    assert presenter_lines(meeting_with(section)) == [
        f"{CHAIR} ขอเสนอ ที่ประชุมเพื่อโปรดพิจารณา จำนวน ๑ เรื่อง ดังนี้",
        "นางอรุณี ทองมา ผู้อำนวยการกลุ่มงาน ๒ ขอเสนอ ที่ประชุมเพื่อโปรดพิจารณา จำนวน ๒ เรื่อง ดังนี้",
    ]
    section.presenter_wording = "   "  # only spaces: back to the title's wording
    assert presenter_lines(meeting_with(section))[0] == f"{CHAIR} เสนอที่ประชุมพิจารณา จำนวน ๑ เรื่อง ดังนี้"


def test_titles_read_as_clerks_write_them() -> None:
    assert derived_wording("เรื่องที่ประธานแจ้งให้ทราบ") == "แจ้งให้ที่ประชุมทราบ"
    assert derived_wording("เรื่อง เพื่อ พิจารณา") == "เสนอที่ประชุมพิจารณา"
    assert derived_wording("เรื่องเพื่อทราบ (ผลการพิจารณางบประมาณ)") == "แจ้งให้ที่ประชุมทราบ"
    assert derived_wording("เรื่องสืบเนื่อง") == "แจ้งเรื่องสืบเนื่อง"
    assert derived_wording("รับรองรายงานการประชุม") == "แจ้งให้ที่ประชุมทราบ"


def test_an_item_knows_the_line_above_its_run() -> None:
    items = two_items()
    meeting = meeting_with(Section("ก่อนเข้าระเบียบวาระ", is_agenda=False), Section("เรื่องเพื่อทราบ", items=items))
    first, second = line_covering(meeting, items[0]), line_covering(meeting, items[1])
    assert first is not None and second is not None
    assert first.is_first and not second.is_first
    assert second.line == first.line and second.first_number == "๑.๑"
    assert line_covering(meeting, Item("ไม่อยู่ในการประชุม", CHAIR)) is None
    items[1].presenter = ""
    assert line_covering(meeting, items[1]) is None


def test_a_wording_that_repeats_the_count_is_warned() -> None:
    section = Section("เรื่องเพื่อพิจารณา", items=two_items(), presenter_wording="เสนอ จำนวน ๒ เรื่อง ดังนี้")
    findings = [f for f in check_meeting(meeting_with(section)) if "ถ้อยคำบรรทัดผู้รายงาน" in f.where]
    assert [(f.severity, f.where, f.fix) for f in findings] == [
        (Severity.WARNING, "ระเบียบวาระที่ ๑ ถ้อยคำบรรทัดผู้รายงาน", "พิมพ์เฉพาะถ้อยคำ เช่น เสนอที่ประชุมพิจารณา")
    ]
    assert findings[0].node is section
