"""Checks of a meeting before it is circulated: each finding says how serious it is, where it
is, what is wrong and how to fix it, in Thai. This issue's checks: the meeting file's validity
and the arithmetic of tables; later ones add amounts in words, weekdays, counts and more."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from models import thai
from models.meeting import Meeting, Table, all_blocks, numbered_items
from models.meetingfile import MeetingFileError
from models.tables import column_letter, compute_table


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "ผิดพลาด" if self is Severity.ERROR else "คำเตือน"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: str  # `วาระ ๓.๑ ตารางที่ ๑`, or a JSON path for a file problem
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.severity.label}: {self.where}: {self.message}"
        return f"{text} (แก้ไข: {self.fix})" if self.fix else text


def file_findings(error: MeetingFileError) -> list[Finding]:
    """A meeting file that does not validate, as findings (one per problem)."""
    if not error.problems:
        return [Finding(Severity.ERROR, "ไฟล์", error.summary)]
    return [
        Finding(Severity.ERROR, p.path, p.message, "แก้ไขไฟล์ให้ตรงตามรูปแบบ thai-minutes รุ่น 1")
        for p in error.problems
    ]


def check_meeting(meeting: Meeting) -> list[Finding]:
    return list(_table_findings(meeting))


def _place_names(meeting: Meeting) -> dict[int, str]:
    names: dict[int, str] = {}
    for section in meeting.sections:
        number = meeting.section_number(section)
        names[id(section)] = thai.section_heading_number(number) if number else "ส่วนก่อนระเบียบวาระ"
    for numbered in numbered_items(meeting):
        names[id(numbered.item)] = f"วาระ {numbered.number}"
    return names


def _table_findings(meeting: Meeting) -> Iterator[Finding]:
    names = _place_names(meeting)
    table_numbers: dict[int, int] = {}
    for node, block in all_blocks(meeting):
        if not isinstance(block, Table):
            continue
        table_numbers[id(node)] = table_numbers.get(id(node), 0) + 1
        where = f"{names[id(node)]} ตารางที่ {thai.to_thai_digits(str(table_numbers[id(node)]))}"
        for problem in compute_table(block).problems:
            cell = column_letter(problem.column) + ("" if problem.row is None else str(problem.row + 1))
            if problem.row is None:
                yield Finding(Severity.ERROR, f"{where} คอลัมน์ {cell}", problem.message, "แก้สูตรของคอลัมน์")
            else:
                yield Finding(
                    Severity.WARNING,
                    f"{where} ช่อง {cell}",
                    problem.message,
                    "พิมพ์เป็นตัวเลข หรือใช้ - เมื่อไม่มีข้อมูล",
                )
