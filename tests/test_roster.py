"""Names typed whole and rosters pasted from spreadsheets."""

from __future__ import annotations

import pytest

from models.meeting import Attendee, AttendeeStatus
from models.roster import parse_pasted_rows, split_name


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("นางสาวสมใจ ใจดี", ("นางสาว", "สมใจ", "ใจดี")),
        ("นาง สมศรี  มีสุข", ("นาง", "สมศรี", "มีสุข")),
        ("ว่าที่ร้อยตรีอนุชา ดวงใจ", ("ว่าที่ร้อยตรี", "อนุชา", "ดวงใจ")),
        ("สมชาย", ("", "สมชาย", "")),
        ("พันตำรวจเอกอนุชา กล้าหาญ", ("พันตำรวจเอก", "อนุชา", "กล้าหาญ")),
        ("ร้อยตำรวจโทหญิงสุดา ดีงาม", ("ร้อยตำรวจโทหญิง", "สุดา", "ดีงาม")),
        ("ร.ต.อ.หญิงนารี ดีงาม", ("ร.ต.อ.หญิง", "นารี", "ดีงาม")),
        ("ดาบตำรวจสมชาย ใจดี", ("ดาบตำรวจ", "สมชาย", "ใจดี")),
        ("นาวาเอกวิชัย ทะเลงาม", ("นาวาเอก", "วิชัย", "ทะเลงาม")),
    ],
)
def test_split_name(typed: str, parts: tuple[str, str, str]) -> None:
    assert split_name(typed) == parts


def test_rows_pasted_from_a_spreadsheet() -> None:
    pasted = "1\tนายสมชาย ใจกว้าง\tหัวหน้ากลุ่มงาน\n2.\tนาง\tอรุณี\tทองมา\tผู้อำนวยการ\tไม่มา\tไปราชการ\n\n"
    assert parse_pasted_rows(pasted) == [
        Attendee("สมชาย", AttendeeStatus.PRESENT, "นาย", "ใจกว้าง", "หัวหน้ากลุ่มงาน"),
        Attendee("อรุณี", AttendeeStatus.ABSENT, "นาง", "ทองมา", "ผู้อำนวยการ", "ไปราชการ"),
    ]
