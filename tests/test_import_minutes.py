"""Issue 16: minutes typed in Word, or as text, imported into meetings.

The program's own DOCX of the demo comes back as the demo; Word documents typed as clerks type
them (numbers by hand, tabs, a borderless roster table, merged header cells, manual line breaks,
a typed total) give their structure; text converted from Word (heading and bold marks, lines
broken by two spaces) too; a file that is not minutes, or a damaged one, adds nothing and says
why in Thai; a folder imports each file in its own transaction.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exporters.docx_export import write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from importers.minutes import NotMinutesError, import_file, import_minutes, unplaced_words
from importers.paste import pasted_agenda
from importers.source import Grid, SourceBlock, SourceError, read_blocks, read_text
from models import recognize
from models.meeting import (
    AttendeeStatus,
    BulletList,
    ColumnKind,
    MeetingDocument,
    Paragraph,
    Person,
    Table,
    Vote,
)
from models.meetingfile import meeting_json
from models.storage import Database
from tests.keyboard import press
from ui.main_window import MainWindow

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def by_status(document: MeetingDocument) -> list[object]:
    return [document.meeting.attendees_with(status) for status in AttendeeStatus]


def test_the_program_s_own_docx_of_the_demo_comes_back_as_the_demo(
    demo: MeetingDocument, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    write_minutes_docx(demo, path, DEFAULT_LAYOUT)
    imported, report = import_file(path)
    assert by_status(imported) == by_status(demo)
    imported.meeting.attendees = demo.meeting.attendees  # the roster prints by status
    assert imported.meeting == demo.meeting
    assert report.notes == []  # nothing to look at, nothing lost
    assert report.counts["tables"] == 3 and report.counts["attendees"] == len(demo.meeting.attendees)


# --- Word documents as clerks type them ---------------------------------------------------------


def fill(table: object, rows: object) -> None:
    """A python-docx table's cells typed row by row."""
    for row, cells in zip(table.rows, rows, strict=True):  # type: ignore[attr-defined, call-overload]
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text


def clerk_document() -> WordDocument:
    document = docx.Document()
    title = document.add_paragraph()
    title.add_run("รายงานการประชุมคณะทำงานพัฒนาหมู่บ้าน")
    title.add_run().add_break()
    title.add_run("ครั้งที่ ๓/๒๕๖๗")
    document.add_paragraph("วันศุกร์ที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๗ เวลา ๐๙.๓๐ น.")
    document.add_paragraph("ณ ห้องประชุมอำเภอเมือง")
    document.add_paragraph("ผู้มาประชุม")
    roster = document.add_table(rows=0, cols=4)  # borderless: no style
    for cells in (
        ("๑.", "นายสมชาย ใจดี", "พัฒนาการอำเภอ", ""),
        ("๒.", "นางสาวสมหญิง รักงาน", "นักวิชาการพัฒนาชุมชน", ""),
    ):
        row = roster.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
    document.add_paragraph("ผู้ไม่มาประชุม")
    document.add_paragraph("๑.\tนายมานะ อดทน\tเจ้าพนักงานธุรการ\tติดราชการ")
    document.add_paragraph("เริ่มประชุมเวลา ๐๙.๓๐ น.")
    document.add_paragraph("ระเบียบวาระที่ ๑\tเรื่องที่ประธานแจ้งให้ทราบ")
    document.add_paragraph("๑.๑ การประชุมประจำเดือน")
    body = document.add_paragraph("ให้ทุกหมู่บ้านส่งรายงาน")
    body.add_run().add_break()
    body.add_run("ภายในวันที่ ๒๐ มีนาคม ๒๕๖๗")
    document.add_paragraph("มติที่ประชุม\tรับทราบ")
    document.add_paragraph("ระเบียบวาระที่ ๓\tเรื่องเพื่อทราบ")  # typed ๓ where ๒ is due
    document.add_paragraph("นางสาวสมหญิง รักงาน นักวิชาการพัฒนาชุมชน แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้")
    document.add_paragraph("๒.๑ ผลการเบิกจ่ายงบประมาณ")
    budget = document.add_table(rows=4, cols=4)
    header = budget.rows[0].cells
    header[0].text, header[1].text = "ที่", "โครงการ"
    merged = header[2].merge(header[3])
    merged.text = "งบประมาณ (บาท)"
    for row, cells in zip(
        budget.rows[1:],
        (
            ("", "", "ได้รับ", "ใช้ไป"),
            ("๑", "ถนนในหมู่บ้าน", "๑๐๐,๐๐๐.๐๐", "๙๐,๐๐๐.๐๐"),
            ("", "รวม", "๑๐๐,๐๐๐.๐๐", "๙๕,๐๐๐.๐๐"),
        ),
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            if text:
                cell.text = text
    budget.rows[1].cells[0].merge(budget.rows[0].cells[0])
    budget.rows[1].cells[1].merge(budget.rows[0].cells[1])
    document.add_paragraph("- งบประมาณเหลือจ่ายส่งคืนคลัง")
    document.add_paragraph("- รายงานผลภายในเดือนเมษายน")
    document.add_paragraph("มติที่ประชุม")
    document.add_paragraph("รับทราบ และให้ติดตามผล")
    document.add_paragraph("เลิกประชุมเวลา ๑๒.๐๐ น.")
    document.add_paragraph("(ลงชื่อ) ............................ ผู้จดรายงานการประชุม")
    document.add_paragraph("(นางสาวสมหญิง รักงาน)")
    document.add_paragraph("นักวิชาการพัฒนาชุมชน")
    return document


def test_word_minutes_typed_by_hand_give_their_structure(tmp_path: Path) -> None:
    path = tmp_path / "clerk.docx"
    clerk_document().save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.year) == ("การประชุมคณะทำงานพัฒนาหมู่บ้าน", 3, 2567)
    assert (meeting.date, meeting.start, meeting.end) == (
        dt.date(2024, 3, 15),
        dt.time(9, 30),
        dt.time(12, 0),
    )
    assert meeting.venue == "ห้องประชุมอำเภอเมือง"
    present = meeting.attendees_with(AttendeeStatus.PRESENT)
    assert [(a.prefix, a.first, a.last, a.position) for a in present] == [
        ("นาย", "สมชาย", "ใจดี", "พัฒนาการอำเภอ"),
        ("นางสาว", "สมหญิง", "รักงาน", "นักวิชาการพัฒนาชุมชน"),
    ]
    absent = meeting.attendees_with(AttendeeStatus.ABSENT)
    assert [(a.first, a.note) for a in absent] == [("มานะ", "ติดราชการ")]
    first, second = meeting.sections
    assert first.title == "เรื่องที่ประธานแจ้งให้ทราบ" and second.title == "เรื่องเพื่อทราบ"
    assert first.items[0].title == "การประชุมประจำเดือน"
    assert first.items[0].blocks == [Paragraph("ให้ทุกหมู่บ้านส่งรายงาน ภายในวันที่ ๒๐ มีนาคม ๒๕๖๗", indent=False)]
    assert first.items[0].resolution == "รับทราบ"
    item = second.items[0]
    assert item.presenter == "นางสาวสมหญิง รักงาน นักวิชาการพัฒนาชุมชน"
    table = item.blocks[0]
    assert isinstance(table, Table)
    assert [(c.title, c.group, c.kind) for c in table.columns] == [
        ("ที่", "", ColumnKind.TEXT),
        ("โครงการ", "", ColumnKind.TEXT),
        ("ได้รับ", "งบประมาณ (บาท)", ColumnKind.MONEY),
        ("ใช้ไป", "งบประมาณ (บาท)", ColumnKind.MONEY),
    ]
    assert table.rows == [["๑", "ถนนในหมู่บ้าน", "๑๐๐,๐๐๐.๐๐", "๙๐,๐๐๐.๐๐"]] and table.total_label == "รวม"
    assert item.blocks[1] == BulletList(["งบประมาณเหลือจ่ายส่งคืนคลัง", "รายงานผลภายในเดือนเมษายน"])
    assert item.resolution == "รับทราบ และให้ติดตามผล"
    assert meeting.recorder is not None and meeting.recorder.name == "นางสาวสมหญิง รักงาน"
    assert meeting.recorder.position == "นักวิชาการพัฒนาชุมชน"
    notes = " ".join(message for _, message in report.notes)
    assert "ระเบียบวาระที่พิมพ์ไว้ (๓) ไม่ตรงลำดับ" in notes  # numbers typed by hand are only hints
    assert 'ยอดรวมที่พิมพ์ไว้ในคอลัมน์ "ใช้ไป" (๙๕,๐๐๐.๐๐) ไม่ตรงกับที่คำนวณได้ (๙๐,๐๐๐.๐๐)' in notes


def test_every_word_of_a_typed_document_ends_up_in_the_meeting(tmp_path: Path) -> None:
    """What is not recognised stays a paragraph where it stood; the import's own check finds no
    word of the source missing from the meeting."""
    word = clerk_document()
    word.add_paragraph("หมายเหตุท้ายรายงาน: ข้อความที่โปรแกรมไม่รู้จักต้องไม่หาย")
    path = tmp_path / "clerk.docx"
    word.save(str(path))
    document, report = import_file(path)
    assert unplaced_words(read_blocks(path), document) == []
    assert not any("อาจไม่ได้นำเข้า" in message for _, message in report.notes)


TEXT_FROM_WORD = """\
รายงานการประชุมคณะกรรมการกองทุนหมู่บ้าน<br>
ครั้งที่ ๘/๒๕๖๖

วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖ เวลา ๑๓.๓๐ น.

ณ ห้องประชุมศาลาประชาคม

ผู้เข้าร่วมประชุม จำนวน ๒ คน

๑. นายชาติรี\tธินนท์\tพัฒนาการจังหวัด
๒. นางทิพย์วรรณ\tแก้วทอง\tผู้อำนวยการกลุ่มงาน

#### ผู้ไม่เข้าร่วมการประชุม

๑. นางอรุณศรี\tเดชะเทศ\tนักวิชาการ\tไปราชการ

**ระเบียบวาระที่ ๑****เรื่องที่ประธานแจ้งให้ทราบ**

๑.๑ การจัดงาน OTOP มียอดจำหน่าย ๑๔ ล้านบาท

**มติที่ประชุม**

รับทราบ

## ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา<br>
- ไม่มี -

ปิดประชุม เวลา ๑๖.๓๐ น.

ลงชื่อ..........ผู้บันทึกรายงานการประชุม<br>
(นางพรพรรณ ปัญต๊ะบุตร)<br>
เจ้าพนักงานธุรการชำนาญงาน
""".replace("<br>", "  ")  # a line ending in two spaces: a manual line break


def test_text_converted_from_word_is_read_with_its_marks_as_formatting(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(TEXT_FROM_WORD, encoding="utf-8")
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.year, meeting.end) == (
        "การประชุมคณะกรรมการกองทุนหมู่บ้าน",
        8,
        2566,
        dt.time(16, 30),
    )
    assert len(meeting.attendees_with(AttendeeStatus.PRESENT)) == 2  # `ผู้เข้าร่วมประชุม` opening the roster
    assert [a.note for a in meeting.attendees_with(AttendeeStatus.ABSENT)] == ["ไปราชการ"]
    assert [section.title for section in meeting.sections] == ["เรื่องที่ประธานแจ้งให้ทราบ", "เรื่องเพื่อพิจารณา"]
    assert meeting.sections[0].items[0].resolution == "รับทราบ"
    assert meeting.recorder is not None and meeting.recorder.name == "นางพรพรรณ ปัญต๊ะบุตร"
    assert report.notes == []


def test_a_text_file_in_windows_thai_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "tis620.txt"
    path.write_bytes(TEXT_FROM_WORD.encode("cp874"))
    assert import_file(path)[0].meeting.seq == 8


def test_a_document_that_is_not_minutes_is_refused_in_thai(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("ขอเชิญประชุม\nวันที่ ๕ มกราคม ๒๕๖๗\n", encoding="utf-8")
    with pytest.raises(NotMinutesError, match="ไม่ใช่รายงานการประชุม"):
        import_file(letter)
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match="ไฟล์เสียหาย"):
        import_file(damaged)


# --- the command line ---------------------------------------------------------------------------


def run(*arguments: object, database: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, str(MAIN), "import", *map(str, arguments), "--db", str(database)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, check=False)


def meetings_in(database: Path) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        return int(connection.execute("SELECT count(*) FROM meetings").fetchone()[0])


def test_the_import_command_prints_the_number_and_a_report_and_refuses_what_is_not_minutes(
    tmp_path: Path,
) -> None:
    database = tmp_path / "office.sqlite3"
    good = tmp_path / "clerk.docx"
    clerk_document().save(str(good))
    done = run(good, database=database)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()
    assert (
        "พบ รายชื่อ 3 คน (มาประชุม 2, ไม่มาประชุม 1, ผู้เข้าร่วมประชุม 0), ระเบียบวาระ 2 วาระ" in done.stderr
        and "Traceback" not in done.stderr
    )
    bad = tmp_path / "bad.docx"
    bad.write_bytes(os.urandom(200))
    refused = run(bad, database=database)
    assert refused.returncode == 2 and "ไฟล์เสียหาย" in refused.stderr and "Traceback" not in refused.stderr
    assert meetings_in(database) == 1


def test_a_folder_imports_each_document_and_names_the_ones_it_skips(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("2566-01.docx", "2566-02.docx"):
        clerk_document().save(str(folder / name))
    (folder / "2566-03.docx").write_bytes(b"not a word file")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    database = tmp_path / "office.sqlite3"
    done = run(folder, database=database)
    assert done.returncode == 2
    assert [line.split("\t")[1] for line in done.stdout.splitlines()] == ["2566-01.docx", "2566-02.docx"]
    assert "นำเข้าแล้ว 2 ไฟล์ จาก 3 ไฟล์" in done.stderr and "ข้าม 2566-03.docx" in done.stderr
    assert meetings_in(database) == 2


# --- the recognisers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ครั้งที่ ๘/๒๕๖๖", (8, 2566)),
        ("ครั้งที่\u00a010/67", (10, 2567)),
        ("การประชุมครั้งที่ 3/2024", (3, 2567)),
        ("ครั้งนี้", None),
    ],
)
def test_meeting_numbers(line: str, expected: tuple[int, int] | None) -> None:
    assert recognize.meeting_number(line) == expected


def test_dates_times_and_headings_in_a_line() -> None:
    assert recognize.date_in_text("วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖ เวลา ๑๓.๓๐ น.") == dt.date(2023, 12, 27)
    assert recognize.date_in_text("เมื่อ 5 ม.ค. 67") == dt.date(2024, 1, 5)
    assert recognize.date_in_text("จำนวน ๒๗ คน") is None
    assert recognize.time_in_text("เวลา ๑๓.๓๐ น.") == dt.time(13, 30)
    assert recognize.closing_time("ปิดประชุม เวลา ๑๖.๓๐ น.") == dt.time(16, 30)
    assert recognize.opening_time("เริ่มประชุมเวลา 09:00 น.") == dt.time(9, 0)
    assert recognize.agenda_heading("ระเบียบวาระที่\u00a0๓\tเรื่องสืบเนื่อง") == (3, "เรื่องสืบเนื่อง")
    assert recognize.agenda_heading("ระเบียบวาระการประชุม") is None


@pytest.mark.parametrize(
    ("line", "parts", "style"),
    [
        ("๑.๑ นโยบาย", (1, 1), "dotted"),
        ("๓. การบริหาร", (3,), "dotted"),
        ("(๒.๑) การตั้ง", (2, 1), "bracketed"),
        ("๑)\tให้แต่ละอำเภอ", (1,), "closed"),
        ("๑๒,๕๐๐ บาท", None, None),
        ("๒๕๖๗ เป็นปีที่", None, None),
    ],
)
def test_typed_item_numbers(line: str, parts: tuple[int, ...] | None, style: str | None) -> None:
    found = recognize.numbered_line(line)
    assert (found.parts, found.style) == (parts, style) if found else parts is None


def test_resolutions_presenters_and_roster_lines() -> None:
    assert recognize.resolution("มติที่ประชุม\tรับทราบ") == "รับทราบ"
    assert recognize.resolution("มติที่ประชุม") == ""
    assert recognize.resolution("มติคณะรัฐมนตรีเมื่อวันที่") is None
    assert recognize.resolution("มติที่ประชุม\t- อนุมัติ ๑๐ เสียง") == "อนุมัติ ๑๐ เสียง"
    assert recognize.resolution("ที่ประชุม\t- รับทราบ") == "รับทราบ"
    assert recognize.resolution("ที่ประชุมรับทราบและมอบหมายให้กองคลังดำเนินการ") is None
    assert recognize.total_label(["รวมเป็นเงิน", "๓๒๕,๔๐๐.-"]) == "รวมเป็นเงิน"
    presenter = recognize.presenter_line("นายสมชาย ใจกว้าง หัวหน้ากลุ่มงาน แจ้งให้ที่ประชุมทราบ จำนวน ๒ เรื่อง ดังนี้")
    assert presenter == recognize.PresenterLine("นายสมชาย ใจกว้าง หัวหน้ากลุ่มงาน", "แจ้งให้ที่ประชุมทราบ", 2)
    assert recognize.roster_heading("ผู้ไม่เข้าร่วมการประชุม") is AttendeeStatus.ABSENT
    assert recognize.roster_heading("ผู้มาประชุมทุกท่านรับทราบ") is None
    deputy = recognize.roster_line(["๑๓.", "นายณัฐพล", "คงสมบูรณ์", "นักวิชาการ แทน พัฒนาการอำเภอภูซาง"])
    assert deputy is not None and (deputy.position, deputy.note) == ("นักวิชาการ", "แทน พัฒนาการอำเภอภูซาง")
    assert recognize.roster_line(["เมื่อที่ประชุมพร้อม ประธานกล่าวเปิด"]) is None
    assert recognize.signature_role("(ลงชื่อ) ........ ผู้ตรวจรายงานการประชุม") == recognize.CHECKER
    assert recognize.total_label(["", "รวมทั้งสิ้น", "๑๐"]) == "รวมทั้งสิ้น"
    headings = ("ผู้เข้าประชุม", "รายชื่อผู้มาประชุม", "ผู้มาประชุม ๒๕ คน", "ผู้ไม่มาประชุม (ลา)", "ผู้ร่วมประชุม")
    assert [recognize.roster_heading(text) for text in headings] == [
        AttendeeStatus.PRESENT,
        AttendeeStatus.PRESENT,
        AttendeeStatus.PRESENT,
        AttendeeStatus.ABSENT,
        AttendeeStatus.GUEST,
    ]
    head = recognize.roster_line(["๑.", "นายสมชาย ใจดี", "ปลัดอำเภอ (หัวหน้ากลุ่มงานบริหารงานปกครอง)"])
    assert head is not None and (head.position, head.note) == ("ปลัดอำเภอ (หัวหน้ากลุ่มงานบริหารงานปกครอง)", "")
    one_line = recognize.roster_line(["๓. นายมานพ ทองดี ครูชำนาญการ ลาป่วย"])
    assert one_line is not None and (one_line.position, one_line.note) == ("ครูชำนาญการ", "ลาป่วย")
    place = recognize.roster_line(["๔. นายวิชัย ทองดี นายอำเภอ ลาดหลุมแก้ว"])
    assert place is not None and (place.position, place.note) == ("นายอำเภอ ลาดหลุมแก้ว", "")
    away = recognize.roster_line(["๑.", "นายสมชาย ใจดี", "ปลัดอำเภอ (ติดราชการ)"])
    assert away is not None and (away.position, away.note) == ("ปลัดอำเภอ", "ติดราชการ")
    assert (recognize.role_alone("ผู้จดรายงานการประชุม"), recognize.blank_signature("(ลงชื่อ) ………")) == (
        recognize.RECORDER,
        True,
    )


# --- the window ---------------------------------------------------------------------------------


def test_ctrl_o_imports_word_minutes_opens_them_and_shows_the_report(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clerk.docx"
    clerk_document().save(str(path))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(path))
    monkeypatch.setattr("ui.main_window.inform", lambda _parent, title, text: shown.append((title, text)))
    before = window.editor.meeting_id
    press(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # from whatever field has the focus
    qtbot.waitUntil(lambda: window.editor.meeting_id != before)
    assert window.editor.document.meeting.title == "การประชุมคณะทำงานพัฒนาหมู่บ้าน"
    assert len(window.editor.document.meeting.attendees) == 3
    [(title, text)] = shown
    assert (
        title == "นำเข้ารายงานการประชุมแล้ว"
        and "พบ รายชื่อ 3 คน (มาประชุม 2, ไม่มาประชุม 1," in text
        and "ไม่ตรงลำดับ" in text
    )


def test_a_damaged_word_file_in_the_window_is_said_and_adds_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 nothing more")
    warned: list[str] = []
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(path))
    monkeypatch.setattr("ui.main_window.warn", lambda _parent, _title, text: warned.append(text))
    meetings = len(window.database.list_meetings())
    window.import_file()
    assert len(warned) == 1 and "ไฟล์เสียหาย" in warned[0]
    assert len(window.database.list_meetings()) == meetings


# --- paste from Word ----------------------------------------------------------------------------

WORD_HTML = (
    "<html><head><style>p.MsoNormal {margin:0}</style></head><body><!--StartFragment-->"
    "<p class=MsoNormal>ให้ทุกอำเภอส่งรายชื่อ<br>ภายในวันที่ ๑ พฤศจิกายน</p>"
    "<ul><li>คัดเลือกผู้ประกอบการ</li><li>จัดเจ้าหน้าที่ประจำบูธ</li></ul>"
    "<table><tr><td rowspan=2>ที่</td><td colspan=2>ผู้ประกอบการ (ราย)</td></tr>"
    "<tr><td>เป้าหมาย</td><td>ส่งแล้ว</td></tr>"
    "<tr><td>๑</td><td>๕</td><td>๓</td></tr></table>"
    "<p class=MsoNormal>มติที่ประชุม รับทราบ</p>"
    "<p class=MsoNormal>๔.๔ การประชุมครั้งต่อไป</p><p>กำหนดวันที่ ๒๘ พฤศจิกายน</p>"
    "<!--EndFragment--></body></html>"
)
WORD_TEXT = "ให้ทุกอำเภอส่งรายชื่อ ภายในวันที่ ๑ พฤศจิกายน\nคัดเลือกผู้ประกอบการ\n"


@pytest.fixture(autouse=True)
def clipboard_emptied_after() -> Iterator[None]:
    """The clipboard emptied after each test, while Python runs: Qt would otherwise delete the
    test's QMimeData in its own exit handlers, after Python has ended, and the process would
    crash on its way out."""
    yield
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


def clipboard(text: str, html: str | None = None) -> None:
    from PySide6.QtCore import QMimeData  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    data = QMimeData()
    data.setText(text)
    if html is not None:
        data.setHtml(html)
    QApplication.clipboard().setMimeData(data)


def test_pasting_word_into_an_item_gives_paragraphs_lists_tables_items_in_one_undo_step(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    from tests.conftest import reopened  # noqa: PLC0415
    from tests.test_typing import click_into, open_item  # noqa: PLC0415

    section = window.editor.document.meeting.sections[4]  # ระเบียบวาระที่ ๔
    item = section.items[2]  # ๔.๓, one paragraph, resolution รับทราบ
    item.resolution = ""
    window.editor.set_node_field(item, "resolution", "")
    editor = open_item(window, item)
    before = copy.deepcopy(window.editor.document)
    field = editor.block_widgets[0].field
    click_into(qtbot, field)
    field.moveCursor(field.textCursor().MoveOperation.End)
    clipboard(WORD_TEXT, WORD_HTML)
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    blocks = item.blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text.endswith(
        "ให้ทุกอำเภอส่งรายชื่อ ภายในวันที่ ๑ พฤศจิกายน"
    )
    assert blocks[1] == BulletList(["คัดเลือกผู้ประกอบการ", "จัดเจ้าหน้าที่ประจำบูธ"])
    table = blocks[2]
    assert isinstance(table, Table) and [(c.title, c.group) for c in table.columns] == [
        ("ที่", ""),
        ("เป้าหมาย", "ผู้ประกอบการ (ราย)"),
        ("ส่งแล้ว", "ผู้ประกอบการ (ราย)"),
    ]
    assert item.resolution == "รับทราบ"
    assert section.items[3].title == "การประชุมครั้งต่อไป"
    assert section.items[3].blocks == [Paragraph("กำหนดวันที่ ๒๘ พฤศจิกายน")]
    assert reopened(db_path) == window.editor.document
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step takes the whole paste back
    assert window.editor.document == before
    assert reopened(db_path) == before


def test_a_single_line_pasted_into_a_paragraph_is_typed_in_as_it_is(window: MainWindow, qtbot: QtBot) -> None:
    from tests.test_typing import click_into, open_item  # noqa: PLC0415

    item = window.editor.document.meeting.sections[4].items[2]
    editor = open_item(window, item)
    blocks = len(item.blocks)
    field = editor.block_widgets[0].field
    click_into(qtbot, field)
    field.moveCursor(field.textCursor().MoveOperation.End)
    clipboard(" เพิ่มเติม ๒ แห่ง")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(item.blocks) == blocks and item.blocks[0].text.endswith("เดือน เพิ่มเติม ๒ แห่ง")  # type: ignore[union-attr]


def test_lines_pasted_on_the_agenda_tree_become_items(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    from tests.conftest import reopened  # noqa: PLC0415
    from tests.test_typing import click_into  # noqa: PLC0415

    section = window.editor.document.meeting.sections[5]  # ระเบียบวาระที่ ๕, one item
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(section)
    click_into(qtbot, window.agenda_tab.tree)
    clipboard("๕.๒ การจัดซื้อวัสดุสำนักงาน\nเสนอจัดซื้อวัสดุ ๑๒ รายการ\n๕.๓ การซ่อมรถยนต์ราชการ")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [item.title for item in section.items[1:]] == ["การจัดซื้อวัสดุสำนักงาน", "การซ่อมรถยนต์ราชการ"]
    assert section.items[1].blocks == [Paragraph("เสนอจัดซื้อวัสดุ ๑๒ รายการ")]
    assert reopened(db_path) == window.editor.document


def test_a_pasted_resolution_for_an_item_resolved_already_stays_as_a_paragraph(
    window: MainWindow, qtbot: QtBot
) -> None:
    from tests.test_typing import click_into, open_item  # noqa: PLC0415

    item = window.editor.document.meeting.sections[4].items[2]  # resolution รับทราบ
    editor = open_item(window, item)
    click_into(qtbot, editor.block_widgets[0].field)
    clipboard("ขอให้รายงานทุกเดือน\nรายงานภายในวันที่ ๕\nมติที่ประชุม เห็นชอบ")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert item.resolution == "รับทราบ"
    assert item.blocks[-1] == Paragraph("มติที่ประชุม เห็นชอบ")
    assert [b.text for b in item.blocks[1:] if isinstance(b, Paragraph)] == [
        "รายงานภายในวันที่ ๕",
        "มติที่ประชุม เห็นชอบ",
    ]


def test_ctrl_shift_o_imports_a_folder_with_a_progress_box_and_a_summary(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("2566-01.docx", "2566-02.docx"):
        clerk_document().save(str(folder / name))
    (folder / "2566-03.docx").write_bytes(b"damaged")
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.choose_path", lambda *_, **__: str(folder))
    monkeypatch.setattr("ui.main_window.inform", lambda _parent, _title, text: shown.append(text))
    meetings = len(window.database.list_meetings())
    press(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(shown))
    assert len(window.database.list_meetings()) == meetings + 2
    assert shown[0].startswith("นำเข้าแล้ว 2 ไฟล์ จาก 3 ไฟล์") and "ข้าม 2566-03.docx" in shown[0]
    assert window.editor.document.meeting.title == "การประชุมคณะทำงานพัฒนาหมู่บ้าน"  # the last one opens


def test_a_paste_the_database_refuses_halfway_leaves_nothing_half_done(
    window: MainWindow, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paragraphs stored, then the database refuses the item: the paragraphs are taken back, the
    window says so, memory, database and undo stack agree on the meeting as it was."""
    from tests.conftest import reopened  # noqa: PLC0415
    from tests.test_typing import click_into  # noqa: PLC0415

    section = window.editor.document.meeting.sections[5]
    window.tabs.setCurrentWidget(window.agenda_tab)
    window.agenda_tab.select(section)
    click_into(qtbot, window.agenda_tab.tree)
    before = copy.deepcopy(window.editor.document)
    steps = window.session.stack.count()

    def refuse(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.editor, "insert_node", refuse)
    clipboard("ข้อความนำ\n๕.๒ การจัดซื้อวัสดุสำนักงาน")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document == before
    assert reopened(db_path) == before
    assert window.session.stack.count() == steps


def test_word_s_bullets_as_its_clipboard_html_writes_them_become_a_list() -> None:
    """Word's HTML writes a bulleted paragraph as the Symbol font's `·` and spaces before the text."""

    html = (
        "<p class=MsoNormal>ผลการดำเนินงาน ดังนี้</p>"
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        "<span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
        "<![endif]>จัดเก็บข้อมูลครบทุกหมู่บ้าน</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        "<span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
        "<![endif]>บันทึกข้อมูลแล้วร้อยละ ๙๙</p>"
    )
    pasted = pasted_agenda("", html, 4)
    assert pasted is not None
    assert pasted.blocks[1] == BulletList(["จัดเก็บข้อมูลครบทุกหมู่บ้าน", "บันทึกข้อมูลแล้วร้อยละ ๙๙"])


def test_the_words_the_exporters_print_are_the_words_the_recognisers_read() -> None:
    """One set of fixed words (`models.wording`): the layout prints them, the importer reads them."""
    from models import wording  # noqa: PLC0415

    layout = DEFAULT_LAYOUT

    assert (layout.agenda_words, layout.resolution_words, layout.start_words) == (
        wording.AGENDA_WORDS,
        wording.RESOLUTION_WORDS,
        wording.START_WORDS,
    )
    assert recognize.agenda_heading(f"{layout.agenda_words} ๓\tเรื่องเพื่อทราบ") == (3, "เรื่องเพื่อทราบ")
    assert recognize.resolution(f"{layout.resolution_words}\tรับทราบ") == "รับทราบ"
    assert recognize.opening_time(f"{layout.start_words} ๐๙.๓๐ น.") == dt.time(9, 30)
    assert recognize.closing_time(f"{layout.end_words} ๑๒.๐๐ น.") == dt.time(12, 0)
    assert recognize.roster_heading(layout.present_heading) is AttendeeStatus.PRESENT
    assert recognize.roster_heading(layout.absent_heading) is AttendeeStatus.ABSENT
    assert recognize.roster_heading(layout.guest_heading) is AttendeeStatus.GUEST
    for role, expected in (
        (layout.recorder_role, recognize.RECORDER),
        (layout.checker_role, recognize.CHECKER),
    ):
        assert recognize.signature_role(f"{wording.SIGNED} ........ {role}") == expected
    line = layout.presenter_line.format(presenter="นายสมชาย ใจดี", wording="แจ้งให้ที่ประชุมทราบ", count="๒")
    assert recognize.presenter_line(line) == recognize.PresenterLine("นายสมชาย ใจดี", "แจ้งให้ที่ประชุมทราบ", 2)


def test_cancelling_a_folder_import_stops_before_the_next_file_and_keeps_what_came_in(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time  # noqa: PLC0415

    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QProgressDialog, QPushButton  # noqa: PLC0415

    import importers.minutes  # noqa: PLC0415

    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(3):
        clerk_document().save(str(folder / f"{number}.docx"))
    real = importers.minutes.import_file_meetings

    def slow(path: Path) -> list[tuple[MeetingDocument, object]]:
        time.sleep(0.8)  # long enough for the progress box to show and be cancelled
        return list(real(path))

    monkeypatch.setattr(importers.minutes, "import_file_meetings", slow)
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.inform", lambda _parent, _title, text: shown.append(text))

    def cancel_when_shown() -> None:  # as the clerk presses ยกเลิก once the box is up
        boxes = [box for box in window.findChildren(QProgressDialog) if box.isVisible()]
        if boxes:
            [button] = [b for b in boxes[0].findChildren(QPushButton) if b.text() == "ยกเลิก"]
            button.click()
        else:
            QTimer.singleShot(50, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    meetings = len(window.database.list_meetings())
    imported, skipped = window.import_folder_path(folder) or (0, [])
    assert 1 <= imported < 3 and len(window.database.list_meetings()) == meetings + imported
    assert any("ยกเลิกก่อนถึงไฟล์อีก" in reason for reason in skipped)
    assert shown and shown[0].startswith(f"นำเข้าแล้ว {imported} ไฟล์ จาก 3 ไฟล์")


def test_manual_line_breaks_join_as_the_clerk_meant_them() -> None:
    """A line broken where Word would have wrapped joins without a space; a short line (a vote,
    an address) joins with one."""
    from importers.source import join_breaks  # noqa: PLC0415

    wrapped = "ขอความร่วมมือ ในระดับค่าคะแนนที่ ๕ เกณฑ์การให้คะแนนจะอยู่ที่ สามารถบริหาร\nการจัดเก็บข้อมูลฯ ได้"
    assert (
        join_breaks(wrapped) == "ขอความร่วมมือ ในระดับค่าคะแนนที่ ๕ เกณฑ์การให้คะแนนจะอยู่ที่ สามารถบริหารการจัดเก็บข้อมูลฯ ได้"
    )
    vote = "เห็นชอบ ๑๐ เสียง\nไม่เห็นชอบ ๐ เสียง\nงดออกเสียง ๑ เสียง"
    assert join_breaks(vote) == "เห็นชอบ ๑๐ เสียง ไม่เห็นชอบ ๐ เสียง งดออกเสียง ๑ เสียง"


# --- what a clerk's real files hold (found by trying the import on them) ------------------------


def with_hidden_text(document: WordDocument) -> None:
    """A tracked insertion, a content control and a field result: text python-docx's
    `paragraph.text` leaves out, which the clerk sees."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = document.add_paragraph("ประธานแจ้งความคืบหน้าของโครงการ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {namespace} w:id="1" w:author="ก"><w:r><w:t xml:space="preserve"> ซึ่งดำเนินการแล้วร้อยละเจ็ดสิบ</w:t></w:r></w:ins>'
        )
    )
    control = document.add_paragraph("งบประมาณโครงการ ")
    control._p.append(
        parse_xml(f"<w:sdt {namespace}><w:sdtContent><w:r><w:t>๕๐,๐๐๐</w:t></w:r></w:sdtContent></w:sdt>")
    )
    control._p.append(parse_xml(f'<w:r {namespace}><w:t xml:space="preserve"> บาท</w:t></w:r>'))


def test_text_in_tracked_changes_and_content_controls_is_read(tmp_path: Path) -> None:
    word = clerk_document()
    with_hidden_text(word)
    path = tmp_path / "tracked.docx"
    word.save(str(path))
    document, _ = import_file(path)
    kept = meeting_json(document)
    assert "ประธานแจ้งความคืบหน้าของโครงการ ซึ่งดำเนินการแล้วร้อยละเจ็ดสิบ" in kept
    assert "งบประมาณโครงการ ๕๐,๐๐๐ บาท" in kept


def test_ways_offices_type_their_minutes(tmp_path: Path) -> None:
    """A title over two lines, the venue on the date's line, a bordered roster table with its
    header row and titles of address beyond นาย นาง, `วาระที่` with Arabic digits, items under a
    heading whose typed number is out of order, a figure at a line's start, `- ไม่มี -`, a
    signature with the name on its line."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุม")
    word.add_paragraph("คณะกรรมการพัฒนาสตรีระดับอำเภอเถิน")
    word.add_paragraph("ครั้งที่ 3/2566")
    word.add_paragraph("วันพุธที่ 20 กันยายน 2566 เวลา 13.30 น. ณ ห้องประชุมที่ว่าการอำเภอเถิน")
    word.add_paragraph("ผู้มาประชุม")
    roster = word.add_table(rows=4, cols=4)
    fill(
        roster,
        (
            ("ที่", "ชื่อ-สกุล", "ตำแหน่ง", "หมายเหตุ"),
            ("1", "จ.ส.ต.สมาน รักษ์ดี", "ผู้บังคับหมู่", ""),
            ("2", "นายแพทย์ธีระ รักษา", "ผู้อำนวยการโรงพยาบาล (ติดราชการ)", ""),
            ("3", "พระครูสุนทร ธรรมโกศล", "เจ้าคณะอำเภอ", ""),
        ),
    )
    word.add_paragraph("วาระที่ 1 เรื่องที่ประธานแจ้งให้ทราบ")
    word.add_paragraph("- ไม่มี -")
    word.add_paragraph("วาระที่ 3 เรื่องเพื่อพิจารณา")
    word.add_paragraph("3.1 โครงการอบรมอาชีพ")
    word.add_paragraph("1.5 ล้านบาท เป็นงบที่ได้รับจัดสรรเพิ่ม")
    word.add_paragraph("มติที่ประชุม อนุมัติ")
    word.add_paragraph("ลงชื่อ นางสาวกัญญา ใจงาม ผู้จดรายงานการประชุม")
    path = tmp_path / "office.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert meeting.title == "การประชุมคณะกรรมการพัฒนาสตรีระดับอำเภอเถิน" and (meeting.seq, meeting.year) == (
        3,
        2566,
    )
    assert meeting.venue == "ห้องประชุมที่ว่าการอำเภอเถิน" and meeting.start == dt.time(13, 30)
    assert [(a.prefix, a.first, a.position, a.note) for a in meeting.attendees] == [
        ("จ.ส.ต.", "สมาน", "ผู้บังคับหมู่", ""),
        ("นายแพทย์", "ธีระ", "ผู้อำนวยการโรงพยาบาล", "ติดราชการ"),
        ("พระครู", "สุนทร", "เจ้าคณะอำเภอ", ""),
    ]
    first, second = meeting.sections
    assert first.blocks == [Paragraph("- ไม่มี -", indent=False)]
    assert [item.title for item in second.items] == ["โครงการอบรมอาชีพ"]  # `3.1` under the `3` typed
    assert second.items[0].blocks == [Paragraph("1.5 ล้านบาท เป็นงบที่ได้รับจัดสรรเพิ่ม", indent=False)]
    assert second.items[0].resolution == "อนุมัติ"
    assert meeting.recorder is not None and meeting.recorder.name == "นางสาวกัญญา ใจงาม"
    assert not any("อาจไม่ได้นำเข้า" in message for _, message in report.notes)


def test_standard_agenda_titles_set_as_headings_open_sections(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    for title in ("เรื่องที่ประธานแจ้งให้ทราบ", "เรื่องเพื่อพิจารณา"):
        word.add_paragraph().add_run(title).bold = True
        word.add_paragraph("ประธานแจ้งที่ประชุม")
    path = tmp_path / "headings.docx"
    word.save(str(path))
    document, report = import_file(path)
    assert [s.title for s in document.meeting.sections] == ["เรื่องที่ประธานแจ้งให้ทราบ", "เรื่องเพื่อพิจารณา"]
    assert any("ไม่พบรายชื่อ" in message for _, message in report.notes)  # said, not silently empty


def test_word_s_automatic_numbering_reads_as_the_numbers_it_prints(tmp_path: Path) -> None:
    """Items numbered by Word (`3.1` from a multi-level list) open items; bullets make a list;
    a numbered list keeps its numbers: as the page shows them."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    word.add_paragraph("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ")
    numbering = word.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {namespace} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {namespace} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text in ("การประชุมประจำเดือน", "การตรวจราชการ"):
        paragraph = word.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {namespace}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>')
        )
    for text in ("จุดหนึ่ง", "จุดสอง"):
        word.add_paragraph(text, style="List Bullet")
    path = tmp_path / "numbered.docx"
    word.save(str(path))
    document, _ = import_file(path)
    section = document.meeting.sections[0]
    assert [item.title for item in section.items] == ["การประชุมประจำเดือน", "การตรวจราชการ"]  # 1.1, 1.2
    assert section.items[1].blocks == [BulletList(["จุดหนึ่ง", "จุดสอง"])]


def test_what_a_second_look_at_clerks_files_found(tmp_path: Path) -> None:
    """A total typed with its unit, a year row under a group heading, words after the opening
    time, the date on the title's line, a roster part with `- ไม่มี -` and a guest named by
    office, a resolution in several paragraphs, signatures side by side in a table, and a note
    after them that is not the signer's position: all kept, where they stood."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะกรรมการกองทุน ครั้งที่ ๑๒/๒๕๖๖ วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖")
    word.add_paragraph("ผู้มาประชุม")
    word.add_paragraph("๑. นายสมชาย\tใจดี\tประธานกรรมการ")
    word.add_paragraph("ผู้ไม่มาประชุม")
    word.add_paragraph("- ไม่มี -")
    word.add_paragraph("ผู้เข้าร่วมประชุม")
    word.add_paragraph("๑. นางสาวนิภา\tศรีสุข\tนักวิชาการคลัง")
    word.add_paragraph("๒. ผู้แทนสำนักงานคลังจังหวัด")
    word.add_paragraph("เริ่มประชุมเวลา ๐๙.๓๐ น. โดยมีนายสมชาย ใจดี เป็นประธาน")
    word.add_paragraph("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ")
    word.add_paragraph("๑.๑ ผลการดำเนินงาน")
    table = word.add_table(rows=5, cols=3)
    values = (
        ("ที่", "งบประมาณ (บาท)", "งบประมาณ (บาท)"),
        ("ที่", "๒๕๖๕", "๒๕๖๖"),
        ("๑", "๑๐๐,๐๐๐", "๑๒๐,๐๐๐"),
        ("๒", "๕๐,๐๐๐", "๓๐,๐๐๐"),
        ("รวม", "๑๕๐,๐๐๐", "๑๕๐,๐๐๐ บาท"),
    )
    fill(table, values)
    word.add_paragraph("มติที่ประชุม")
    word.add_paragraph("๑. รับทราบ")
    word.add_paragraph("๒. มอบหมายให้ฝ่ายเลขานุการติดตามผล")
    word.add_paragraph("เลิกประชุมเวลา ๑๒.๐๐ น.")
    signatures = word.add_table(rows=1, cols=2)
    signatures.rows[0].cells[0].text = "(ลงชื่อ) ........ ผู้จดรายงานการประชุม\n(นางสาวนิภา ศรีสุข)\nนักวิชาการคลัง"
    signatures.rows[0].cells[1].text = "(ลงชื่อ) ........ ผู้ตรวจรายงานการประชุม\n(นายสมชาย ใจดี)\nประธานกรรมการ"
    word.add_paragraph("ลงชื่อ ........ ผู้จดรายงานการประชุม")
    word.add_paragraph("(นางสาวนิภา ศรีสุข)")
    word.add_paragraph("นักวิชาการคลัง")
    word.add_paragraph("หมายเหตุ: รายงานฉบับนี้ได้ส่งให้ที่ประชุมตรวจสอบทางไปรษณีย์อิเล็กทรอนิกส์แล้วเมื่อวันที่ ๒ มกราคม ๒๕๖๗")
    path = tmp_path / "second.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert meeting.date == dt.date(2023, 12, 27) and meeting.title == "การประชุมคณะกรรมการกองทุน"
    guests = meeting.attendees_with(AttendeeStatus.GUEST)
    assert [g.first for g in guests] == ["นิภา", "ผู้แทนสำนักงานคลังจังหวัด"]
    assert meeting.sections[0].blocks[0] == Paragraph("โดยมีนายสมชาย ใจดี เป็นประธาน")
    item = meeting.sections[-1].items[0]
    table = item.blocks[0]
    assert isinstance(table, Table)
    assert [(c.title, c.group) for c in table.columns] == [
        ("ที่", ""),
        ("๒๕๖๕", "งบประมาณ (บาท)"),
        ("๒๕๖๖", "งบประมาณ (บาท)"),
    ]
    assert table.total_label is None and table.rows[-1] == ["รวม", "๑๕๐,๐๐๐", "๑๕๐,๐๐๐ บาท"]  # as typed
    assert item.resolution == "๑. รับทราบ\n๒. มอบหมายให้ฝ่ายเลขานุการติดตามผล"  # each point on its line, as typed
    assert meeting.checker is not None and meeting.checker.name == "นายสมชาย ใจดี"
    assert meeting.recorder is not None and meeting.recorder.position == "นักวิชาการคลัง"
    assert "หมายเหตุ: รายงานฉบับนี้" in meeting_json(document)
    assert not any("อาจไม่ได้นำเข้า" in message for _, message in report.notes)


def test_a_text_file_saved_as_unicode_by_notepad_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(TEXT_FROM_WORD.replace("ณ ห้อง", "ณ ห้อง\u200b").encode("utf-16"))
    document, _ = import_file(path)
    assert document.meeting.seq == 8 and "\u200b" not in document.meeting.venue


def test_headings_in_word_s_heading_styles_give_the_agenda(tmp_path: Path) -> None:
    """A document with no `ระเบียบวาระที่` typed, its agenda set in Word's Heading 1 and its
    matters in Heading 2 (titles of the office's own wording): sections and items, not
    paragraphs; a resolution under a matter is its own."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงานขับเคลื่อนงานชุมชน ครั้งที่ ๒/๒๕๖๗")
    word.add_paragraph("ผู้มาประชุม")
    word.add_paragraph("๑. นายสมชาย\tใจดี\tประธาน")
    word.add_heading("เรื่องแจ้งจากท่านนายอำเภอ", level=1)
    word.add_paragraph("นายอำเภอแจ้งกำหนดการตรวจราชการ")
    word.add_heading("งานประเพณีลอยกระทง", level=2)
    word.add_paragraph("ขอความร่วมมือทุกหน่วยงานร่วมขบวน")
    word.add_paragraph("มติที่ประชุม รับทราบ")
    word.add_heading("ความก้าวหน้าของโครงการถนนสายหลัก", level=1)
    word.add_paragraph("ดำเนินการแล้วร้อยละ ๘๐")
    path = tmp_path / "styled.docx"
    word.save(str(path))
    document, report = import_file(path)
    first, second = document.meeting.sections
    assert (first.title, first.blocks) == (
        "เรื่องแจ้งจากท่านนายอำเภอ",
        [Paragraph("นายอำเภอแจ้งกำหนดการตรวจราชการ", indent=False)],
    )
    assert [(item.title, item.resolution) for item in first.items] == [("งานประเพณีลอยกระทง", "รับทราบ")]
    assert second.title == "ความก้าวหน้าของโครงการถนนสายหลัก" and not second.items
    assert report.counts["sections"] == 2 and report.counts["items"] == 1


def test_a_typed_heading_sets_the_level_its_style_heads_sections_at(tmp_path: Path) -> None:
    """`ระเบียบวาระที่ ๑` in Heading 2 makes Heading 2 the agenda's level: a later Heading 2 of
    the office's own words opens a section, a Heading 3 an item; a Heading 1 above the agenda
    does not."""
    word = docx.Document()
    word.add_heading("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗", level=1)
    word.add_heading("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ", level=2)
    word.add_heading("การตรวจเยี่ยมพื้นที่", level=3)
    word.add_paragraph("ประธานแจ้งกำหนดการ")
    word.add_heading("เรื่องอื่น ๆ ของกลุ่มงาน", level=2)
    word.add_paragraph("ไม่มี")
    path = tmp_path / "typed-styled.docx"
    word.save(str(path))
    meeting = import_file(path)[0].meeting
    assert [s.title for s in meeting.sections] == ["เรื่องที่ประธานแจ้งให้ทราบ", "เรื่องอื่น ๆ ของกลุ่มงาน"]
    assert [item.title for item in meeting.sections[0].items] == ["การตรวจเยี่ยมพื้นที่"]


def test_bracketed_numbers_go_under_the_deepest_dotted_item() -> None:
    """`(๑)` `(๒)` typed under `๑.๑.๑` are its sub-items, not siblings of it."""
    blocks = read_blocks_of(
        "รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗",
        "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ",
        "๑.๑ การบริหารงบประมาณ",
        "๑.๑.๑ งบดำเนินงาน",
        "(๑) ค่าตอบแทน",
        "(๒) ค่าใช้สอย",
        "๑.๑.๒ งบลงทุน",
        "(๑) ครุภัณฑ์",
    )
    section = import_minutes(blocks)[0].meeting.sections[0]
    budget = section.items[0]
    assert [item.title for item in budget.items] == ["งบดำเนินงาน", "งบลงทุน"]
    assert [[sub.title for sub in item.items] for item in budget.items] == [
        ["ค่าตอบแทน", "ค่าใช้สอย"],
        ["ครุภัณฑ์"],
    ]


def test_headings_pasted_from_word_s_html_become_items() -> None:
    html = "<h2>งานประเพณีลอยกระทง</h2><p>ขอความร่วมมือทุกหน่วยงาน</p><h2>งานกาชาด</h2><p>จัดร้านของอำเภอ</p>"
    pasted = pasted_agenda("", html, 3)
    assert pasted is not None
    assert [(item.title, item.blocks) for item in pasted.items] == [
        ("งานประเพณีลอยกระทง", [Paragraph("ขอความร่วมมือทุกหน่วยงาน")]),
        ("งานกาชาด", [Paragraph("จัดร้านของอำเภอ")]),
    ]


def read_blocks_of(*lines: str) -> list[SourceBlock]:
    return read_text("\n".join(lines))


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    "<w:txbxContent><w:p><w:r><w:t>เอกสารลับ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>เอกสารลับ</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_a_text_box_on_the_title_line_is_a_line_of_its_own_and_the_title_stays(tmp_path: Path) -> None:
    """A stamp in a text box anchored to the title: the title keeps every word (its text was
    once dropped at random), and the stamp is read once, after it, not run into it."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    word = docx.Document()
    title = word.add_paragraph("รายงานการประชุมคณะกรมการอำเภอแม่ริม")
    title._p.append(parse_xml(TEXT_BOX))
    word.add_paragraph("ครั้งที่ ๓/๒๕๖๖")
    path = tmp_path / "stamp.docx"
    word.save(str(path))
    for _ in range(10):
        texts = [block.text for block in read_blocks(path) if not isinstance(block, Grid)]
        assert texts == ["รายงานการประชุมคณะกรมการอำเภอแม่ริม", "เอกสารลับ", "ครั้งที่ ๓/๒๕๖๖"]


def damaged_word_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files a clerk's folder of minutes holds besides good ones, each with what the import says."""
    import zipfile  # noqa: PLC0415

    good = folder / "good.docx"
    clerk_document().save(str(good))
    files: dict[str, tuple[Path, str]] = {}
    with zipfile.ZipFile(good) as package:
        parts = {entry.filename: package.read(entry) for entry in package.infolist()}
    garbled = folder / "garbled.docx"
    with zipfile.ZipFile(garbled, "w") as package:
        for name, data in parts.items():
            package.writestr(
                name, data.replace(b'w:val="', b"w:val='") if name == "word/document.xml" else data
            )
    files["garbled"] = (garbled, "ไฟล์เสียหาย")
    locked = folder / "locked.docx"  # entries with the zip's password flag, as encrypting tools leave them
    with zipfile.ZipFile(locked, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    raw = bytearray(locked.read_bytes())
    for signature in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            flags = at + (6 if signature == b"PK\x03\x04" else 8)
            raw[flags] |= 0x1
            start = at + 4
    locked.write_bytes(bytes(raw))
    files["password"] = (locked, "ตั้งรหัสผ่านไว้")
    old = folder / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    files["old Word"] = (old, "Word แบบเก่า")
    doc = folder / "minutes.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    files[".doc"] = (doc, "บันทึกเป็น")
    return files


def test_damaged_locked_and_old_word_files_are_said_in_thai_and_the_folder_goes_on(tmp_path: Path) -> None:
    """A Word file with broken XML, one with a password, one of Word 97-2003 named .docx, a .doc:
    each refused with what to do, no traceback; in a folder the good file still comes in."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, (path, said) in damaged_word_files(folder).items():
        with pytest.raises(SourceError, match=said):
            import_file(path)
        result = run(path, database=tmp_path / "one.sqlite3")
        assert result.returncode != 0 and said in result.stderr and "Traceback" not in result.stderr, name
    assert meetings_in(tmp_path / "one.sqlite3") == 0
    result = run(folder, database=tmp_path / "folder.sqlite3")
    assert "Traceback" not in result.stderr and meetings_in(tmp_path / "folder.sqlite3") == 1
    assert "ข้าม locked.docx" in result.stderr and "ข้าม garbled.docx" in result.stderr


def test_what_a_third_look_at_clerks_files_found(tmp_path: Path) -> None:
    """A council's session before the number, the date after the number on its line, roster
    headings `ผู้เข้าประชุม` / `ผู้ไม่มาประชุม (ลา)` / `ผู้ร่วมประชุม`, a bare `มติที่ประชุม`
    followed by a bold sub-heading (not swallowed), and `๒.๒` typed where `๑.๒` comes next."""
    word = docx.Document()
    for text, bold in (  # as typed: bold headings, plain lines
        ("รายงานการประชุมสภาองค์การบริหารส่วนตำบลแม่ทะ", True),
        ("สมัยสามัญ สมัยที่ ๒ ครั้งที่ ๑/๒๕๖๖ เมื่อวันที่ ๑๕ สิงหาคม ๒๕๖๖ เวลา ๐๙.๓๐ น.", False),
        ("ณ ห้องประชุมสภา", False),
        ("ผู้เข้าประชุม", True),
        ("๑.\tนายสมาน ทองมา\t\tประธานสภา", False),
        ("ผู้ไม่มาประชุม (ลา)", True),
        ("๑.\tนางสาวจันทร์\tเพ็ญ\tสมาชิกสภา", False),
        ("ผู้ร่วมประชุม", True),
        ("๑.\tนายก้อง\tเกียรติ\tปลัด อบต.", False),
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        ("๑.๑ ผลการชำระคืนเงินทุน", True),
        ("มติที่ประชุม", True),
        ("รับทราบ", False),
        ("กลุ่มงานส่งเสริมการพัฒนาชุมชน", True),
        ("แจ้งกำหนดการประชุมใหญ่สามัญประจำปี", False),
        ("๒.๒ ญัตติขอความเห็นชอบแผนพัฒนาท้องถิ่น", True),
        ("มติที่ประชุม เห็นชอบ", False),
    ):
        word.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "council.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.seq, meeting.year, meeting.period) == (1, 2566, "สมัยสามัญ สมัยที่ ๒")
    assert (meeting.date, meeting.start, meeting.venue) == (
        dt.date(2023, 8, 15),
        dt.time(9, 30),
        "ห้องประชุมสภา",
    )
    assert [[a.first for a in document.meeting.attendees_with(s)] for s in AttendeeStatus] == [
        ["สมาน"],
        ["จันทร์"],
        ["ก้อง"],
    ]
    first, second = meeting.sections[0].items
    assert (first.resolution, [b.text for b in first.blocks if isinstance(b, Paragraph)]) == (
        "รับทราบ",
        ["กลุ่มงานส่งเสริมการพัฒนาชุมชน", "แจ้งกำหนดการประชุมใหญ่สามัญประจำปี"],
    )
    assert (second.title, second.resolution) == ("ญัตติขอความเห็นชอบแผนพัฒนาท้องถิ่น", "เห็นชอบ")
    assert any("(๒.๒) ไม่ตรงกับระเบียบวาระ" in message for _, message in report.notes)


@pytest.mark.parametrize("layout", ["lines", "table", "side by side"])
def test_signature_blocks_as_offices_lay_them_out(tmp_path: Path, layout: str) -> None:
    """The role on the block's last line (`ลงชื่อ ……` / (name) / position / ผู้จดรายงานการประชุม),
    as lines or in a borderless table, and both blocks side by side on tab-parted lines."""
    word = docx.Document()
    for text in ("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗", "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ"):
        word.add_paragraph(text)
    word.add_paragraph("มติที่ประชุม รับทราบ")
    word.add_paragraph("เลิกประชุมเวลา ๑๒.๐๐ น.")
    recorder = ("ลงชื่อ...................", "(นางสาวพิมพ์ชนก ใจดี)", "นักวิเคราะห์นโยบายและแผน", "ผู้จดรายงานการประชุม")
    checker = ("ลงชื่อ...................", "(นางสมศรี มีสุข)", "ปลัดจังหวัด", "ผู้ตรวจรายงานการประชุม")
    if layout == "lines":
        for text in (*recorder, *checker):
            word.add_paragraph(text)
    elif layout == "table":
        cells = word.add_table(rows=1, cols=2).rows[0].cells
        cells[0].text, cells[1].text = "\n".join(recorder), "\n".join(checker)
    else:
        word.add_paragraph("ลงชื่อ...............ผู้จดรายงานการประชุม\tลงชื่อ...............ผู้ตรวจรายงานการประชุม")
        word.add_paragraph(f"{recorder[1]}\t\t{checker[1]}")
        word.add_paragraph(f"{recorder[2]}\t\t{checker[2]}")
    path = tmp_path / "signatures.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert meeting.recorder == Person("นางสาวพิมพ์ชนก ใจดี", "นักวิเคราะห์นโยบายและแผน")
    assert meeting.checker == Person("นางสมศรี มีสุข", "ปลัดจังหวัด")
    assert not meeting.sections[0].blocks and not any("ลงชื่อ" in message for _, message in report.notes)


def test_a_presenter_line_over_heading_styled_items_and_a_title_under_its_number(tmp_path: Path) -> None:
    """`… แจ้งที่ประชุมจำนวน ๒ เรื่อง` over two Heading 2 items gives both their presenter (and
    the import does not call the line lost); `วาระที่ ๑` in bold with its title in plain text on
    the next line is one section with that title."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    word.add_heading("เรื่องจากกลุ่มงาน", level=1)
    word.add_paragraph("กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน แจ้งที่ประชุมจำนวน ๒ เรื่อง ดังนี้")
    word.add_heading("แผนปฏิบัติการปี ๒๕๖๘", level=2)
    word.add_heading("การติดตามโครงการ", level=2)
    word.save(str(tmp_path / "presenter.docx"))
    document, report = import_file(tmp_path / "presenter.docx")
    assert [item.presenter for item in document.meeting.sections[0].items] == [
        "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน"
    ] * 2
    assert not any("อาจไม่ได้นำเข้า" in message for _, message in report.notes)
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    word.add_paragraph().add_run("วาระที่ ๑").bold = True
    word.add_paragraph("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    word.add_paragraph("มติที่ประชุม รับทราบ")
    word.save(str(tmp_path / "title-below.docx"))
    sections = import_file(tmp_path / "title-below.docx")[0].meeting.sections
    assert [(s.title, s.resolution) for s in sections] == [("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "รับทราบ")]


def test_a_footnote_comes_after_its_paragraph_and_a_picture_is_named_as_not_imported(tmp_path: Path) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: PLC0415
    from docx.opc.packuri import PackURI  # noqa: PLC0415
    from docx.opc.part import Part  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    word.add_paragraph("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ")
    noted = word.add_paragraph("ให้ทุกอำเภอเตรียมความพร้อมรับสถานการณ์ไฟป่า")
    noted._p.append(parse_xml(f'<w:r {namespace}><w:footnoteReference w:id="1"/></w:r>'))
    footnotes = (
        f'<w:footnotes {namespace}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve"> ตามหนังสือกระทรวงมหาดไทย'
        " ที่ มท ๐๒๐๑/ว ๑๒๓</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), content_type, footnotes.encode(), word.part.package)
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    Image.new("RGB", (20, 20), "white").save(tmp_path / "photo.png")
    word.add_picture(str(tmp_path / "photo.png"))
    word.add_paragraph("มติที่ประชุม รับทราบ")
    word.save(str(tmp_path / "notes.docx"))
    document, report = import_file(tmp_path / "notes.docx")
    assert [block.text for block in document.meeting.sections[0].blocks if isinstance(block, Paragraph)] == [
        "ให้ทุกอำเภอเตรียมความพร้อมรับสถานการณ์ไฟป่า",
        "ตามหนังสือกระทรวงมหาดไทย ที่ มท ๐๒๐๑/ว ๑๒๓",
    ]
    assert ("ย่อหน้าที่ 4", "รูปภาพ 1 รายการไม่ได้นำเข้า (เก็บเฉพาะข้อความ)") in report.notes


def test_a_cover_letter_in_the_garuda_layout(tmp_path: Path) -> None:
    """The office typed after tabs on the number's line, the address under it, two enclosures
    parted by a manual line break, and `E-mail:` among the office's lines."""
    word = docx.Document()
    for text in (
        "ที่ ชม ๐๐๒๓.๑/ว ๔๕๖\t\t\t\tสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
        "\t\t\t\t\t\tศาลากลางจังหวัดเชียงใหม่ ชม ๕๐๓๐๐",
        "\t\t\t\t\t๕ มีนาคม ๒๕๖๗",
        "เรื่อง\tส่งรายงานการประชุม",
        "เรียน\tพัฒนาการอำเภอทุกอำเภอ",
        "สิ่งที่ส่งมาด้วย\t๑. รายงานการประชุม\tจำนวน ๑ ชุด\n\t๒. เอกสารประกอบการประชุม\tจำนวน ๑ ชุด",
        "จึงเรียนมาเพื่อทราบ",
        "ขอแสดงความนับถือ",
        "(นายอนันต์ ศรีสุข)",
        "พัฒนาการจังหวัดเชียงใหม่",
        "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน",
        "โทร. ๐ ๕๓๑๑ ๒๓๔๕",
        "E-mail: cmcdd@cdd.go.th",
        "รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗",
        "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ",
    ):
        word.add_paragraph(text)
    word.save(str(tmp_path / "letter.docx"))
    document = import_file(tmp_path / "letter.docx")[0]
    letter, office = document.letter, document.office
    assert letter is not None and office is not None
    assert (letter.number, letter.date) == ("ชม ๐๐๒๓.๑/ว ๔๕๖", dt.date(2024, 3, 5))
    assert (office.name, office.address) == ("สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", ["ศาลากลางจังหวัดเชียงใหม่ ชม ๕๐๓๐๐"])
    assert letter.enclosures == ["๑. รายงานการประชุม จำนวน ๑ ชุด", "๒. เอกสารประกอบการประชุม จำนวน ๑ ชุด"]
    assert (office.unit, office.email, office.slogan) == ("กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน", "cmcdd@cdd.go.th", [])


def word_of(path: Path, *parts: str | tuple[str, bool] | list[list[str]]) -> Path:
    """A Word file typed as `parts` say: a line, a (line, bold) pair, or a table's rows."""
    word = docx.Document()
    for part in parts:
        if isinstance(part, list):
            fill(word.add_table(rows=len(part), cols=len(part[0])), tuple(tuple(row) for row in part))
            continue
        text, bold = part if isinstance(part, tuple) else (part, False)
        word.add_paragraph().add_run(text).bold = bold
    word.save(str(path))
    return path


def test_rosters_as_a_fourth_look_found_them(tmp_path: Path) -> None:
    """A title the program does not know (read, and said), a position wrapped onto a tabbed
    line, two people side by side in a table row, the parts' headings and a group as rows of the
    table, `ผู้ไม่เข้าประชุม`, and the sentence after the roster that names someone: not a person."""
    path = word_of(
        tmp_path / "rosters.docx",
        "รายงานการประชุมคณะกรรมการหมู่บ้าน ครั้งที่ ๑/๒๕๖๗",
        "วันที่ ๑๕ มกราคม ๒๕๖๗",
        ("ผู้มาประชุม", True),
        "๑. นายวิชัย ทองดี\tผู้อำนวยการสำนักงานพระพุทธศาสนา",
        "\tจังหวัดขอนแก่น",
        "๒. หมอลำสุดา แก้วกาญจนา\tศิลปินพื้นบ้าน",
        [["๓.", "นายสุข ใจงาม", "ประธาน", "๔.", "นางแดง ศรีทอง", "รองประธาน"]],
        ("ผู้ไม่เข้าประชุม", True),
        "๑. นายเสถียร ใจมั่น\tสมาชิกสภา\tลาป่วย",
        [["ผู้เข้าร่วมประชุม"] * 3, ["ภาคเอกชน"] * 3, ["๑.", "นายธนา บุญส่ง", "ประธานหอการค้า"]],
        "นายวิชัย ทองดี ผู้อำนวยการสำนักงานพระพุทธศาสนา กล่าวต้อนรับและเปิดการประชุมตามระเบียบวาระ ดังนี้",
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ", True),
    )
    document, report = import_file(path)
    people = [(a.status.value, a.prefix, a.first, a.position, a.note) for a in document.meeting.attendees]
    assert people == [
        ("present", "นาย", "วิชัย", "ผู้อำนวยการสำนักงานพระพุทธศาสนา จังหวัดขอนแก่น", ""),
        ("present", "", "หมอลำสุดา", "ศิลปินพื้นบ้าน", ""),
        ("present", "นาย", "สุข", "ประธาน", ""),
        ("present", "นาง", "แดง", "รองประธาน", ""),
        ("absent", "นาย", "เสถียร", "สมาชิกสภา", "ลาป่วย"),
        ("guest", "นาย", "ธนา", "ประธานหอการค้า", ""),
    ]
    assert any("ไม่รู้จักคำนำหน้าชื่อของ หมอลำสุดา" in message for _, message in report.notes)
    kept = [b.text for b in document.meeting.sections[0].blocks if isinstance(b, Paragraph)]
    assert "ภาคเอกชน" in kept and any(text.endswith("ดังนี้") for text in kept)


def test_headers_items_and_a_note_after_the_signatures_as_a_fourth_look_found_them(tmp_path: Path) -> None:
    """A title over two lines, the time on a line of its own, `เดือน` before the month, the
    venue going on online; no `ครั้งที่`: the year of the date; items `๑.` in bold and
    `เรื่องที่ ๒`; a note after the checker's block is not the checker's position."""
    path = word_of(
        tmp_path / "school.docx",
        ("รายงานการประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน", True),
        "โรงเรียนบ้านหนองบัว",
        "วันที่ ๑๕ เดือนมกราคม พ.ศ. ๒๕๖๗",
        "เวลา ๑๓.๓๐ น.",
        "ณ ห้องประชุมโรงเรียน",
        "ผ่านระบบประชุมทางไกล (Zoom)",
        ("ผู้มาประชุม", True),
        "๑. นายสมพงษ์ ทองดี\tประธาน",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        ("๑. การจัดงานวันเด็ก", True),
        "มติที่ประชุม เห็นชอบ",
        "เรื่องที่ ๒ การซ่อมรั้วโรงเรียน",
        "มติที่ประชุม ให้ของบจาก อบต.",
        "ลงชื่อ..............................ผู้ตรวจรายงานการประชุม",
        "(นายสมพงษ์ ทองดี)",
        "ประธานกรรมการสถานศึกษา",
        "ที่ประชุมได้รับรองรายงานการประชุมนี้แล้ว ในการประชุมครั้งที่ ๒/๒๕๖๗",
    )
    meeting = import_file(path)[0].meeting
    assert meeting.title == "การประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน โรงเรียนบ้านหนองบัว"
    assert (meeting.seq, meeting.year, meeting.date, meeting.start) == (
        1,
        2567,
        dt.date(2024, 1, 15),
        dt.time(13, 30),
    )
    assert meeting.venue == "ห้องประชุมโรงเรียน ผ่านระบบประชุมทางไกล (Zoom)"
    items = meeting.sections[0].items
    assert [(i.title, i.resolution) for i in items] == [
        ("การจัดงานวันเด็ก", "เห็นชอบ"),
        ("การซ่อมรั้วโรงเรียน", "ให้ของบจาก อบต."),
    ]
    assert meeting.checker == Person("นายสมพงษ์ ทองดี", "ประธานกรรมการสถานศึกษา")


def test_people_side_by_side_in_cells_and_a_letter_as_a_fourth_look_found_them(tmp_path: Path) -> None:
    """Each cell a whole numbered person; a reference wrapped onto `⇥ลงวันที่ …`, a second
    enclosure on a tabbed line, the day left blank for the records office, an acting signer."""
    path = word_of(
        tmp_path / "letter-roster.docx",
        "ที่ ขก ๐๐๑๗.๓/ว ๑๒๓๔\t\t\t\tศาลากลางจังหวัดขอนแก่น",
        "\t\t\t\t       พฤษภาคม ๒๕๖๗",
        "เรื่อง\tส่งรายงานการประชุม",
        "เรียน\tหัวหน้าส่วนราชการประจำจังหวัดขอนแก่น",
        "อ้างถึง\tหนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๓/ว ๙๘๗",
        "\tลงวันที่ ๑๐ เมษายน ๒๕๖๗",
        "สิ่งที่ส่งมาด้วย\tรายงานการประชุม จำนวน ๑ ชุด",
        "\t\t\tแบบตอบรับรองรายงานการประชุม จำนวน ๑ ฉบับ",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ขอแสดงความนับถือ",
        "(นายวิทยา สุขดี)",
        "รองผู้ว่าราชการจังหวัดขอนแก่น ปฏิบัติราชการแทน",
        "ผู้ว่าราชการจังหวัดขอนแก่น",
        "สำนักงานจังหวัด",
        "รายงานการประชุมคณะกรรมการพัฒนาจังหวัดขอนแก่น ครั้งที่ ๒/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [["๑. นายพิชิต คำแสน พัฒนากร", "๒. นางวิไล บุญเรือง ผู้ใหญ่บ้าน"]],
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ", True),
    )
    document, report = import_file(path)
    assert [(a.first, a.position) for a in document.meeting.attendees] == [
        ("พิชิต", "พัฒนากร"),
        ("วิไล", "ผู้ใหญ่บ้าน"),
    ]
    letter = document.letter
    assert letter is not None and letter.date is None
    assert letter.references == ["หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๓/ว ๙๘๗ ลงวันที่ ๑๐ เมษายน ๒๕๖๗"]
    assert letter.enclosures == ["รายงานการประชุม จำนวน ๑ ชุด", "แบบตอบรับรองรายงานการประชุม จำนวน ๑ ฉบับ"]
    assert letter.signer == Person(
        "นายวิทยา สุขดี", "รองผู้ว่าราชการจังหวัดขอนแก่น ปฏิบัติราชการแทน\nผู้ว่าราชการจังหวัดขอนแก่น"
    )
    assert document.office is not None and document.office.unit == "สำนักงานจังหวัด"
    assert any("วันที่ของหนังสือเว้นไว้" in message for _, message in report.notes)


def test_what_a_fifth_look_found(tmp_path: Path) -> None:
    """A roster with a หมู่ที่ column, ministries as group lines, a representative, a surname
    holding แจ้ง, (แทน) after names; the agenda numbered `๑. เรื่อง …` with no ระเบียบวาระที่; a
    sentence with `จำนวน ๓ เรื่อง` is text, not a presenter line; signatures a line a row."""
    path = word_of(
        tmp_path / "fifth.docx",
        "รายงานการประชุมคณะกรรมการกองทุน ครั้งที่ ๑/๒๕๖๗",
        "วันที่ ๑๕ มกราคม ๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หมู่ที่"],
            ["๑", "นายสมาน ทองมา", "ประธานกองทุน", "๑"],
            ["๒", "นางบัวผัน คำปัน", "กรรมการ", "๒"],
        ],
        ("กระทรวงการคลัง", True),
        "๓. นางสาวมาลี แจ้งใจ\tคลังจังหวัด",
        "๔. ผู้แทนกรมส่งเสริมการเกษตร\t\tกรรมการ",
        "๕. นายอนันต์ ทองสุข (แทน)\tสาธารณสุขอำเภอ",
        "๑. เรื่อง ประธานแจ้งให้ทราบ",
        "นายสมชาย เกษตรอำเภอ แจ้งกำหนดการจดทะเบียนเกษตรกรจำนวน ๓ เรื่อง คือ ข้าว ลำไย และข้าวโพด",
        "มติที่ประชุม รับทราบ",
        "๒. เรื่อง อื่น ๆ",
        [
            ["ลงชื่อ ....................", "ลงชื่อ ...................."],
            ["(นางบัวผัน คำปัน)", "(นายสมาน ทองมา)"],
            ["กรรมการ", "ประธานกองทุน"],
            ["ผู้จดรายงานการประชุม", "ผู้ตรวจรายงานการประชุม"],
        ],
    )
    document, report = import_file(path)
    meeting = document.meeting
    assert [(a.prefix, a.first, a.last, a.position, a.note) for a in meeting.attendees] == [
        ("นาย", "สมาน", "ทองมา", "ประธานกองทุน", "๑"),
        ("นาง", "บัวผัน", "คำปัน", "กรรมการ", "๒"),
        ("นางสาว", "มาลี", "แจ้งใจ", "คลังจังหวัด", ""),
        ("", "ผู้แทนกรมส่งเสริมการเกษตร", "", "กรรมการ", ""),
        ("นาย", "อนันต์", "ทองสุข", "สาธารณสุขอำเภอ", "แทน"),
    ]
    first, second = (s for s in meeting.sections if s.is_agenda)
    assert (first.title, first.resolution, second.title) == ("เรื่อง ประธานแจ้งให้ทราบ", "รับทราบ", "เรื่อง อื่น ๆ")
    assert first.blocks == [
        Paragraph(
            "นายสมชาย เกษตรอำเภอ แจ้งกำหนดการจดทะเบียนเกษตรกรจำนวน ๓ เรื่อง คือ ข้าว ลำไย และข้าวโพด", indent=False
        )
    ]
    assert meeting.recorder == Person("นางบัวผัน คำปัน", "กรรมการ")
    assert meeting.checker == Person("นายสมาน ทองมา", "ประธานกองทุน")
    assert ("ย่อหน้าที่ 4", "บรรทัดในรายชื่อที่อ่านเป็นรายชื่อไม่ได้ เก็บไว้เป็นย่อหน้าก่อนเข้าวาระ") in report.notes


def test_worded_numbers_inside_an_item_stay_its_paragraphs(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "inside.docx",
        "รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        ("๑.๑ หนังสือสั่งการจังหวัด", True),
        "เรื่องที่ ๑ การป้องกันไฟป่า",
        "เรื่องที่ ๒ การจดทะเบียนเกษตรกร",
        "มติที่ประชุม รับทราบ",
    )
    section = import_file(path)[0].meeting.sections[0]
    assert [(i.title, i.resolution, len(i.blocks)) for i in section.items] == [
        ("หนังสือสั่งการจังหวัด", "รับทราบ", 2)
    ]


def test_what_a_seventh_look_found_lost_or_misplaced(tmp_path: Path) -> None:
    """A remark in brackets after a presenter line is kept; the end of the time range in the
    header; headings `กรรมการผู้มาประชุม` and `ผู้ไม่มาประชุม จำนวน ๑ คน คือ`; sub-items resolved
    one by one keep their resolutions; votes typed as a table under a bare `มติที่ประชุม` are
    the resolution, and the next item stays an item; `ผู้จดบันทึกการประชุม` and
    `ผู้ตรวจสอบรายงานการประชุม` sign, and their words are no lost text."""
    path = word_of(
        tmp_path / "council.docx",
        ("รายงานการประชุมสภาเทศบาลตำบลบ้านโป่ง ครั้งที่ ๑/๒๕๖๗", True),
        "วันพฤหัสบดีที่ ๘ สิงหาคม ๒๕๖๗ เวลา ๐๙.๐๐ - ๑๒.๐๐ น.",
        ("กรรมการผู้มาประชุม", True),
        "๑. นายสมชาย ใจดี\tประธานสภา",
        "๒. นางสมศรี ทองคำ\tรองประธานสภา",
        ("ผู้ไม่มาประชุม จำนวน ๑ คน คือ", True),
        "๑. นายวิชัย มั่นคง\tสมาชิกสภา\tลาป่วย",
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", True),
        "นายอำเภอบ้านโป่ง แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง (ตามเอกสารแนบหมายเลข ๑)",
        "๑.๑ การจัดงานวันแม่",
        "มติที่ประชุม รับทราบ",
        ("ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา", True),
        ("๒.๑ ญัตติขออนุมัติโอนงบประมาณ", True),
        "นายกเทศมนตรีชี้แจงรายละเอียดการโอนงบประมาณ",
        "มติที่ประชุม",
        [["เห็นด้วย", "๕", "เสียง"], ["งดออกเสียง", "๑", "เสียง"]],
        ("๒.๒ การแต่งตั้งคณะกรรมการ", True),
        "๒.๒.๑ คณะกรรมการตรวจรับพัสดุ",
        "มติที่ประชุม เห็นชอบ",
        "๒.๒.๒ คณะกรรมการกำหนดราคากลาง",
        "มติที่ประชุม ไม่เห็นชอบ ให้เสนอรายชื่อใหม่",
        "ลงชื่อ..............................ผู้จดบันทึกการประชุม",
        "(นางสาวกมลวรรณ สายทอง)",
        "ปลัดเทศบาล",
        "ลงชื่อ..............................ผู้ตรวจสอบรายงานการประชุม",
        "(นายสมชาย ใจดี)",
        "ประธานสภา",
    )
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.start, meeting.end) == (dt.time(9, 0), dt.time(12, 0))
    assert [(a.first, a.status, a.note) for a in meeting.attendees] == [
        ("สมชาย", AttendeeStatus.PRESENT, ""),
        ("สมศรี", AttendeeStatus.PRESENT, ""),
        ("วิชัย", AttendeeStatus.ABSENT, "ลาป่วย"),
    ]
    informed, considered = (s for s in meeting.sections if s.is_agenda)
    assert informed.blocks == [Paragraph("(ตามเอกสารแนบหมายเลข ๑)")]
    assert [(i.title, i.presenter) for i in informed.items] == [("การจัดงานวันแม่", "นายอำเภอบ้านโป่ง")]
    transfer, committees = considered.items
    assert transfer.resolution == "เห็นด้วย ๕ เสียง\nงดออกเสียง ๑ เสียง" and not transfer.blocks[1:]
    assert committees.resolution == ""
    assert [(i.title, i.resolution) for i in committees.items] == [
        ("คณะกรรมการตรวจรับพัสดุ", "เห็นชอบ"),
        ("คณะกรรมการกำหนดราคากลาง", "ไม่เห็นชอบ ให้เสนอรายชื่อใหม่"),
    ]
    assert meeting.recorder == Person("นางสาวกมลวรรณ สายทอง", "ปลัดเทศบาล")
    assert meeting.checker == Person("นายสมชาย ใจดี", "ประธานสภา")
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


def test_one_resolution_after_the_last_sub_item_is_the_whole_items(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "whole.docx",
        "รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        ("๑.๑ ผลการดำเนินงาน", True),
        "๑.๑.๑ งานส่งเสริมอาชีพ",
        "๑.๑.๒ งานกองทุนหมู่บ้าน",
        "มติที่ประชุม รับทราบ",
    )
    (item,) = import_file(path)[0].meeting.sections[0].items
    assert (item.resolution, [sub.resolution for sub in item.items]) == ("รับทราบ", ["", ""])


def test_a_mistyped_file_name_is_said_in_thai(tmp_path: Path) -> None:
    for name in ("ไม่มีไฟล์นี้.docx", "ไม่มีไฟล์นี้.txt"):
        with pytest.raises(SourceError) as raised:
            import_file(tmp_path / name)
        assert str(raised.value).startswith("ไม่พบไฟล์") and "No such" not in str(raised.value)


def test_tables_and_lines_as_a_seventh_look_found_them(tmp_path: Path) -> None:
    """Subtotal rows keep every typed total (a computed one would count them twice); a third
    header row joins the column titles; an item's text after a manual line break is its text,
    not its title."""
    path = word_of(
        tmp_path / "budget.docx",
        "รายงานการประชุมสภาองค์การบริหารส่วนตำบลหนองบัว ครั้งที่ ๒/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        "๑.๑ ร่างข้อบัญญัติงบประมาณ\nนายก อบต. เสนอร่างข้อบัญญัติตามตาราง",
        [
            ["แผนงาน", "งาน", "งบประมาณ (บาท)"],
            ["บริหารงานทั่วไป", "งานบริหารทั่วไป", "๔,๐๐๐,๐๐๐"],
            ["บริหารงานทั่วไป", "งานบริหารงานคลัง", "๑,๐๐๐,๐๐๐"],
            ["รวม", "", "๕,๐๐๐,๐๐๐"],
            ["การศึกษา", "งานระดับก่อนวัยเรียน", "๒,๐๐๐,๐๐๐"],
            ["รวม", "", "๒,๐๐๐,๐๐๐"],
            ["รวมทั้งสิ้น", "", "๗,๐๐๐,๐๐๐"],
        ],
        [
            ["ตัวชี้วัด", "ปีงบประมาณ ๒๕๖๗", "ปีงบประมาณ ๒๕๖๗"],
            ["ตัวชี้วัด", "ไตรมาส ๑-๒", "ไตรมาส ๓"],
            ["ตัวชี้วัด", "ผลงาน", "ผลงาน"],
            ["ร้อยละการฉีดวัคซีน", "๘๕", "๙๐"],
        ],
        "มติที่ประชุม รับหลักการ",
    )
    document, report = import_file(path)
    (item,) = document.meeting.sections[0].items
    assert item.title == "ร่างข้อบัญญัติงบประมาณ"
    paragraph, budget, vaccines = item.blocks
    assert paragraph == Paragraph("นายก อบต. เสนอร่างข้อบัญญัติตามตาราง", indent=False)
    assert isinstance(budget, Table) and isinstance(vaccines, Table)
    assert budget.total_label is None and budget.rows[-1] == ["รวมทั้งสิ้น", "", "๗,๐๐๐,๐๐๐"]
    assert [(c.group, c.title) for c in vaccines.columns] == [
        ("", "ตัวชี้วัด"),
        ("ปีงบประมาณ ๒๕๖๗", "ไตรมาส ๑-๒ ผลงาน"),
        ("ปีงบประมาณ ๒๕๖๗", "ไตรมาส ๓ ผลงาน"),
    ]
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1] or "ไม่ตรงกับ" in note[1]]


def test_a_councils_speakers_and_a_tabbed_signature_in_a_text_file_stay_lines() -> None:
    blocks = read_text(
        "ประธานสภาฯ\t- ขอเชิญนายก อบต. ชี้แจงหลักการและเหตุผล\n"
        "นายก อบต.\t- ขอเสนอร่างข้อบัญญัติงบประมาณ ดังนี้\n"
        "แผนงาน\tงบประมาณ (บาท)\n"
        "บริหารงานทั่วไป\t๙,๕๐๐,๐๐๐\n"
        "ลงชื่อ.............................ผู้จดรายงานการประชุม\n"
        "\t(นายวิเชียร บุญคง)\n"
        "\tเลขานุการสภา อบต.นาแก\n"
    )
    kinds = [type(block).__name__ for block in blocks]
    assert kinds == ["Line", "Line", "Grid", "Line", "Line", "Line"]


def test_lines_a_resolution_announces_stay_in_the_resolution(tmp_path: Path) -> None:
    """Votes after `… ด้วยคะแนนเสียง ดังนี้`, bullets under a bare `มติที่ประชุม`, and `๒.`, `๓.`
    after `มติที่ประชุม ๑. …`: the resolution's own lines (printed after the item's text), not
    the item's text printed before the resolution that announces them."""
    path = word_of(
        tmp_path / "votes.docx",
        "รายงานการประชุมสภาเทศบาลตำบลบ้านโป่ง ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        ("๑.๑ ญัตติขออนุมัติโอนงบประมาณ", True),
        "นายกเทศมนตรีชี้แจงรายละเอียดการโอนงบประมาณ",
        "มติที่ประชุม\t- อนุมัติ ด้วยคะแนนเสียง ดังนี้",
        "\tเห็นด้วย\t๕\tเสียง",
        "\tงดออกเสียง\t๑\tเสียง (ประธานสภาฯ)",
        ("๑.๒ การจัดซื้อเครื่องกระตุกหัวใจไฟฟ้า", True),
        "มติที่ประชุม",
        "- เห็นชอบให้จัดซื้อด้วยเงินบำรุง",
        "- มอบหมายงานพัสดุดำเนินการ",
        ("๑.๓ การจัดซื้อวัสดุการศึกษา", True),
        "มติที่ประชุม ๑. เห็นชอบให้จัดซื้อ",
        "๒. มอบหมายนายธนากร มีสุข ดำเนินการ",
        "ที่ประชุมได้อภิปรายต่อเรื่องการเก็บรักษาวัสดุ",
    )
    transfer, purchase, supplies = import_file(path)[0].meeting.sections[0].items
    assert (transfer.resolution, len(transfer.blocks)) == (
        "อนุมัติ ด้วยคะแนนเสียง ดังนี้\nเห็นด้วย ๕ เสียง\nงดออกเสียง ๑ เสียง (ประธานสภาฯ)",
        1,
    )
    assert (purchase.resolution, purchase.blocks) == ("- เห็นชอบให้จัดซื้อด้วยเงินบำรุง\n- มอบหมายงานพัสดุดำเนินการ", [])
    assert supplies.resolution == "๑. เห็นชอบให้จัดซื้อ\n๒. มอบหมายนายธนากร มีสุข ดำเนินการ"
    assert supplies.blocks == [Paragraph("ที่ประชุมได้อภิปรายต่อเรื่องการเก็บรักษาวัสดุ", indent=False)]


def test_an_agenda_outline_around_the_roster_and_a_chairs_signature(tmp_path: Path) -> None:
    """`ระเบียบวาระการประชุม` and its titles before the roster or after the guests: kept before
    the agenda, the roster read, no title a guest; a tabbed sentence after the roster is no part
    of the last position; a chair's `ลงชื่อ …… ประธานในที่ประชุม` is not the recorder's position."""
    path = word_of(
        tmp_path / "outline.docx",
        ("รายงานการประชุมประจำเดือน สถานีตำรวจภูธรเมืองพิษณุโลก ครั้งที่ ๗/๒๕๖๗", True),
        "วันจันทร์ที่ ๑ กรกฎาคม ๒๕๖๗",
        ("ระเบียบวาระการประชุม", True),
        "- เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "- เรื่องอื่น ๆ",
        ("ผู้มาประชุม", True),
        "๑. พ.ต.อ.ชัยวัฒน์ เดชะ\tผกก.สภ.เมืองพิษณุโลก",
        ("ผู้เข้าร่วมประชุม", True),
        "๑. นายสุเมธ บุญมา\tปลัดอำเภอ",
        "\tเมื่อครบองค์ประชุมแล้ว ประธานกล่าวเปิดประชุม",
        ("ระเบียบวาระที่ ๑ เรื่องอื่น ๆ", True),
        "มติที่ประชุม รับทราบ",
        "ลงชื่อ ............................ ผู้จดรายงานการประชุม",
        "(นายประสิทธิ์ บุญเรือง)",
        "กรรมการและเลขานุการ",
        "ลงชื่อ ............................ ประธานในที่ประชุม",
        "(นายบุญมี ศรีสุข)",
    )
    document, report = import_file(path)
    meeting = document.meeting
    assert [(a.first, a.status, a.position) for a in meeting.attendees] == [
        ("ชัยวัฒน์", AttendeeStatus.PRESENT, "ผกก.สภ.เมืองพิษณุโลก"),
        ("สุเมธ", AttendeeStatus.GUEST, "ปลัดอำเภอ"),
    ]
    before = [getattr(block, "text", "") for block in meeting.sections[0].blocks]
    assert "- เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ" in before
    assert "เมื่อครบองค์ประชุมแล้ว ประธานกล่าวเปิดประชุม" in before
    assert meeting.recorder == Person("นายประสิทธิ์ บุญเรือง", "กรรมการและเลขานุการ")
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


def test_a_letterhead_in_a_borderless_table_is_read_as_the_letter(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "letter-table.docx",
        [["ที่ ศธ ๐๔๐๘๕/๑๕๖", "โรงเรียนบ้านโนนสว่าง\nอำเภอกุดจับ จังหวัดอุดรธานี ๔๑๒๕๐"]],
        "๒๐ มีนาคม ๒๕๖๗",
        "เรื่อง\tส่งรายงานการประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน",
        "เรียน\tคณะกรรมการสถานศึกษาขั้นพื้นฐานทุกท่าน",
        "ตามที่โรงเรียนได้จัดประชุม ครั้งที่ ๑/๒๕๖๗ จึงขอส่งมาเพื่อโปรดพิจารณารับรอง",
        "ขอแสดงความนับถือ",
        "(นายสมคิด พลเยี่ยม)",
        "ผู้อำนวยการโรงเรียนบ้านโนนสว่าง",
        ("รายงานการประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน ครั้งที่ ๑/๒๕๖๗", True),
        "วันอังคารที่ ๑๒ มีนาคม ๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    document, _ = import_file(path)
    assert document.letter is not None and document.office is not None
    assert (document.letter.number, document.letter.to) == ("ศธ ๐๔๐๘๕/๑๕๖", "คณะกรรมการสถานศึกษาขั้นพื้นฐานทุกท่าน")
    assert (document.office.name, document.office.address) == (
        "โรงเรียนบ้านโนนสว่าง",
        ["อำเภอกุดจับ จังหวัดอุดรธานี ๔๑๒๕๐"],
    )
    assert document.meeting.sections[0].blocks == []  # nothing of the letter left as the minutes' text


def test_roster_cells_as_a_seventh_look_found_them(tmp_path: Path) -> None:
    """A ลายมือชื่อ column's signed name is no note, a reason written there is; an empty cell
    leaves no space before a note; a position on the name cell's second line is the position;
    `รองศาสตราจารย์ ดร.` is one title; `อาจารย์` is known."""
    path = word_of(
        tmp_path / "roster-cells.docx",
        "รายงานการประชุมสภาเทศบาลตำบลบ้านโป่ง ครั้งที่ ๑/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ – สกุล", "ตำแหน่ง", "ลายมือชื่อ", "หมายเหตุ"],
            ["๑", "นายสมพงษ์ รักถิ่น", "ประธานสภาเทศบาล", "สมพงษ์ รักถิ่น", ""],
            ["๒", "นางอุไร สมบูรณ์\nพยาบาลวิชาชีพชำนาญการพิเศษ", "สมาชิกสภาเทศบาล", "", ""],
            ["๓", "รองศาสตราจารย์ ดร.สมชาย วงศ์ทอง", "ผู้ทรงคุณวุฒิ", "", ""],
            ["๔", "อาจารย์สุภาพร คงดี", "ผู้ทรงคุณวุฒิ", "ลาป่วย", ""],
            ["๕", "นายวีระ บุญส่ง", "สมาชิกสภาเทศบาล", "", "ลากิจ"],
        ],
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    document, report = import_file(path)
    assert [(a.prefix, a.first, a.last, a.position, a.note) for a in document.meeting.attendees] == [
        ("นาย", "สมพงษ์", "รักถิ่น", "ประธานสภาเทศบาล", ""),
        ("นาง", "อุไร", "สมบูรณ์", "พยาบาลวิชาชีพชำนาญการพิเศษ สมาชิกสภาเทศบาล", ""),
        ("รองศาสตราจารย์ ดร.", "สมชาย", "วงศ์ทอง", "ผู้ทรงคุณวุฒิ", ""),
        ("อาจารย์", "สุภาพร", "คงดี", "ผู้ทรงคุณวุฒิ", "ลาป่วย"),
        ("นาย", "วีระ", "บุญส่ง", "สมาชิกสภาเทศบาล", "ลากิจ"),
    ]
    assert document.meeting.attendees[2].full_name == "รองศาสตราจารย์ ดร.สมชาย วงศ์ทอง"
    assert not [note for note in report.notes if "ไม่รู้จักคำนำหน้า" in note[1]]


def test_rows_and_cells_inside_content_controls_are_read(tmp_path: Path) -> None:
    """Word's repeating section puts table rows inside a content control (`w:sdt`), and a cell
    may sit in one too: every row and cell is read, none silently left out."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls, qn  # noqa: PLC0415

    path = word_of(
        tmp_path / "controls.docx",
        "รายงานการประชุมคณะกรรมการหมู่บ้าน ครั้งที่ ๑/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ - สกุล", "ตำแหน่ง"],
            ["๑", "นายสมชาย ใจดี", "ประธาน"],
            ["๒", "นางสมศรี ใจงาม", "รองประธาน"],
            ["๓", "นายสมหมาย ดีงาม", "กรรมการ"],
        ],
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    word = docx.Document(str(path))
    rows = word.tables[0]._tbl.findall(qn("w:tr"))
    control = f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>"
    repeating = parse_xml(control)
    rows[2].addprevious(repeating)
    for row in rows[2:]:
        repeating.find(qn("w:sdtContent")).append(row)
    cell = rows[1].findall(qn("w:tc"))[2]
    around_cell = parse_xml(control)
    cell.addprevious(around_cell)
    around_cell.find(qn("w:sdtContent")).append(cell)
    word.save(str(path))
    attendees = import_file(path)[0].meeting.attendees
    assert [(a.first, a.position) for a in attendees] == [
        ("สมชาย", "ประธาน"),
        ("สมศรี", "รองประธาน"),
        ("สมหมาย", "กรรมการ"),
    ]


def test_titles_of_a_university_department_as_an_eighth_look_found_them(tmp_path: Path) -> None:
    """`อ.`, `อ.ดร.`, `ผศ.นพ.` and Latin titles (`Mr.`, `Ms.`, `Dr.`) are titles: an absent
    part made only of them is still people, not a table of figures."""
    path = word_of(
        tmp_path / "department.docx",
        "รายงานการประชุมภาควิชาฟิสิกส์ ครั้งที่ ๓/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["๑", "ผศ.นพ.อนุชา ใจดี", "หัวหน้าภาควิชา"],
            ["๒", "อ.ดร.ปวีณา ศรีสวัสดิ์", "ประธานหลักสูตร"],
            ["๓", "Mr. David Thompson", "อาจารย์ชาวต่างประเทศ"],
        ],
        ("ผู้ไม่มาประชุม", True),
        [
            ["๑", "Ms. Sarah Williams", "อาจารย์ชาวต่างประเทศ", "ลาพักผ่อน"],
            ["๒", "อ.ภัทรา สมใจ", "อาจารย์", "ลาศึกษาต่อ"],
        ],
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    attendees = import_file(path)[0].meeting.attendees
    assert [(a.full_name, a.status) for a in attendees] == [
        ("ผศ.นพ.อนุชา ใจดี", AttendeeStatus.PRESENT),
        ("อ.ดร.ปวีณา ศรีสวัสดิ์", AttendeeStatus.PRESENT),
        ("Mr. David Thompson", AttendeeStatus.PRESENT),
        ("Ms. Sarah Williams", AttendeeStatus.ABSENT),
        ("อ.ภัทรา สมใจ", AttendeeStatus.ABSENT),
    ]


def test_two_people_a_row_without_running_numbers_are_two_people(tmp_path: Path) -> None:
    """A governor's roster set two to a row, each cell `name⏎position`, and a tabbed line of two
    people; a position that begins as a title does (`นายกเทศมนตรี…`) is no second person."""
    path = word_of(
        tmp_path / "two-a-row.docx",
        "รายงานการประชุมหัวหน้าส่วนราชการจังหวัดแพร่ ครั้งที่ ๔/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["นายชูชีพ พงษ์ไชย\nผู้ว่าราชการจังหวัดแพร่", "นายสมพงษ์ วงศ์ใหญ่\nรองผู้ว่าราชการจังหวัดแพร่"],
            ["นายธนากร มีทรัพย์\nคลังจังหวัดแพร่", ""],
            ["นายวิชัย ศรีสุข", "นายกเทศมนตรีเมืองแพร่"],
        ],
        ("ผู้ไม่มาประชุม", True),
        "นายประเสริฐ บุญมา\tท้องถิ่นจังหวัดแพร่\tนางจันทร์เพ็ญ ใจงาม\tประชาสัมพันธ์จังหวัดแพร่",
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    attendees = import_file(path)[0].meeting.attendees
    assert [(a.first, a.position, a.status) for a in attendees] == [
        ("ชูชีพ", "ผู้ว่าราชการจังหวัดแพร่", AttendeeStatus.PRESENT),
        ("สมพงษ์", "รองผู้ว่าราชการจังหวัดแพร่", AttendeeStatus.PRESENT),
        ("ธนากร", "คลังจังหวัดแพร่", AttendeeStatus.PRESENT),
        ("วิชัย", "นายกเทศมนตรีเมืองแพร่", AttendeeStatus.PRESENT),
        ("ประเสริฐ", "ท้องถิ่นจังหวัดแพร่", AttendeeStatus.ABSENT),
        ("จันทร์เพ็ญ", "ประชาสัมพันธ์จังหวัดแพร่", AttendeeStatus.ABSENT),
    ]


def test_readings_votes_and_announced_lines_as_an_eighth_look_found_them(tmp_path: Path) -> None:
    """A council's readings inside a motion (`วาระที่ ๑ ขั้นรับหลักการ`) are no sections; votes of
    any wording and `ทั้งนี้ …` go on with their resolution; a correction after `… ดังนี้` is the
    resolution's; a heading ends what a resolution announced; a resolution announcing a table
    stays before the table, as typed."""
    path = word_of(
        tmp_path / "council-readings.docx",
        "รายงานการประชุมสภาองค์การบริหารส่วนตำบลนาแก ครั้งที่ ๒/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ รับรองรายงานการประชุม", True),
        "มติที่ประชุม รับรองรายงานการประชุม โดยมีการแก้ไข ดังนี้",
        "หน้า ๓ บรรทัดที่ ๕ แก้ไขจาก ๑๒ ราย เป็น ๑๕ ราย",
        ("ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา", True),
        ("๒.๑ ญัตติ ร่างข้อบัญญัติงบประมาณรายจ่ายประจำปี ๒๕๖๘", True),
        ("วาระที่ ๑ ขั้นรับหลักการ", True),
        "มติที่ประชุม รับหลักการ ด้วยคะแนนเสียง ดังนี้",
        "รับหลักการ ๕ เสียง",
        "ไม่รับหลักการ - เสียง",
        ("วาระที่ ๓ ขั้นตราเป็นข้อบัญญัติ", True),
        "มติที่ประชุม เห็นชอบ ๕ เสียง",
        ("๒.๒ ขออนุมัติโครงการ", True),
        "มติที่ประชุม อนุมัติโครงการ ดังนี้",
        [["โครงการ", "งบประมาณ (บาท)"], ["คัดกรองเบาหวาน", "๒๕,๐๐๐"]],
        ("๒.๓ ขออนุมัติจ้างเหมาทำความสะอาด", True),
        "มติที่ประชุม อนุมัติ",
        "ทั้งนี้ ให้งานพัสดุกำหนดคุณลักษณะเฉพาะด้วย",
        ("ระเบียบวาระที่ ๓ เรื่องอื่น ๆ", True),
        "- ไม่มี -",
    )
    sections = [s for s in import_file(path)[0].meeting.sections if s.is_agenda]
    assert [s.title for s in sections] == ["รับรองรายงานการประชุม", "เรื่องเพื่อพิจารณา", "เรื่องอื่น ๆ"]
    assert (
        sections[0].resolution
        == "รับรองรายงานการประชุม โดยมีการแก้ไข ดังนี้\nหน้า ๓ บรรทัดที่ ๕ แก้ไขจาก ๑๒ ราย เป็น ๑๕ ราย"
    )
    readings, projects, cleaning = sections[1].items
    assert [getattr(b, "text", "") for b in readings.blocks] == [
        "วาระที่ ๑ ขั้นรับหลักการ",
        "มติที่ประชุม รับหลักการ ด้วยคะแนนเสียง ดังนี้\nรับหลักการ ๕ เสียง\nไม่รับหลักการ - เสียง",
        "วาระที่ ๓ ขั้นตราเป็นข้อบัญญัติ",
    ]
    assert readings.resolution == "เห็นชอบ ๕ เสียง"
    assert [type(b).__name__ for b in projects.blocks] == ["Paragraph", "Table"] and not projects.resolution
    assert cleaning.resolution == "อนุมัติ\nทั้งนี้ ให้งานพัสดุกำหนดคุณลักษณะเฉพาะด้วย"
    assert (sections[2].resolution, [getattr(b, "text", "") for b in sections[2].blocks]) == ("", ["- ไม่มี -"])


def test_a_moved_paragraph_once_and_a_merged_figure_counted_once(tmp_path: Path) -> None:
    """Track Changes' move: the text where it was moved to, not also where it was; a budget cell
    merged down over two activities: one figure, and the typed total agrees."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    path = word_of(
        tmp_path / "moved.docx",
        "รายงานการประชุมคณะกรรมการบริหารโรงพยาบาล ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        ("๑.๑ โครงการพัฒนาบุคลากร", True),
        "",
        "ฝ่ายวิชาการรายงานผล",
        "",
        [
            ["โครงการ", "กิจกรรม", "งบประมาณ (บาท)"],
            ["อบรม CPR", "เจ้าหน้าที่ใหม่", "๓๐,๐๐๐"],
            ["อบรม CPR", "เจ้าหน้าที่เดิม", ""],
            ["ดูงาน", "โรงพยาบาลต้นแบบ", "๖๐,๐๐๐"],
            ["รวม", "", "๙๐,๐๐๐"],
        ],
        "มติที่ประชุม รับทราบ",
    )
    word = docx.Document(str(path))
    sentence = "ให้ทุกฝ่ายส่งแผนภายในวันที่ ๑๕ มิถุนายน ๒๕๖๗"
    moves = [p for p in word.paragraphs if not p.text][:2]
    for paragraph, kind in zip(moves, ("moveFrom", "moveTo"), strict=True):
        paragraph._p.append(
            parse_xml(
                f'<w:{kind} {nsdecls("w")} w:id="1" w:author="ก"><w:r><w:t>{sentence}</w:t></w:r></w:{kind}>'
            )
        )
    rows = word.tables[0].rows
    rows[1].cells[2].merge(rows[2].cells[2])  # the budget over both activities, as Word merges it
    word.save(str(path))
    document, report = import_file(path)
    (item,) = document.meeting.sections[0].items
    texts = [getattr(block, "text", "") for block in item.blocks]
    assert texts.count(sentence) == 1 and texts.index(sentence) > texts.index("ฝ่ายวิชาการรายงานผล")
    table = next(block for block in item.blocks if isinstance(block, Table))
    assert [row[2] for row in table.rows] == ["๓๐,๐๐๐", "", "๖๐,๐๐๐"]
    assert not [note for note in report.notes if "ไม่ตรงกับ" in note[1]]


def test_the_header_ends_before_an_agenda_heading_or_a_second_date(tmp_path: Path) -> None:
    """Without a roster between them, the first agenda heading (`… ครั้งที่ ๑/๒๕๖๗` in it) and a
    sentence opening with another date are the body's, not the header's number or date."""
    path = word_of(
        tmp_path / "no-roster.docx",
        ("รายงานการประชุมคณะกรรมการ", True),
        ("ครั้งที่ ๒/๒๕๖๗", True),
        ("วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗", True),
        "เมื่อวันที่ ๕ มิถุนายน ๒๕๖๗ คณะกรรมการได้ออกตรวจพื้นที่ก่อสร้าง",
        ("ระเบียบวาระที่ ๑ รับรองรายงานการประชุม ครั้งที่ ๑/๒๕๖๗", True),
        "มติที่ประชุม รับรอง",
    )
    meeting = import_file(path)[0].meeting
    assert (meeting.seq, meeting.year, meeting.date, meeting.period) == (2, 2567, dt.date(2024, 6, 7), "")
    before, certified = meeting.sections
    assert [getattr(b, "text", "") for b in before.blocks] == [
        "เมื่อวันที่ ๕ มิถุนายน ๒๕๖๗ คณะกรรมการได้ออกตรวจพื้นที่ก่อสร้าง"
    ]
    assert (certified.title, certified.resolution) == ("รับรองรายงานการประชุม ครั้งที่ ๑/๒๕๖๗", "รับรอง")


def test_tables_and_notes_as_an_eighth_look_found_them(tmp_path: Path) -> None:
    """A .txt row whose empty last cell has no tab stays in its table; a running number opens the
    body though its row has words where figures go; a rota naming the minute-takers is a table,
    not signatures; `(ไม่มี)` under a roster heading is nobody; `มติ ที่ประชุมรับทราบ` is no
    lost text."""
    text = (
        "รายงานการประชุมครูโรงเรียนบ้านโคก ครั้งที่ ๓/๒๕๖๗\n"
        "ผู้มาประชุม\n"
        "๑. นายสมชาย ใจดี\tผู้อำนวยการโรงเรียน\n"
        "ผู้ไม่มาประชุม\n"
        "(ไม่มี)\n"
        "ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา\n"
        "๑.๑ การจัดกิจกรรมวันสุนทรภู่\n"
        "ที่\tกิจกรรม\tงบประมาณ\tหมายเหตุ\n"
        "1\tประกวดคำขวัญ\t500\tชั้น ป.1-3\n"
        "2\tการแสดงละคร\t1,500\n"
        "รวม\t\t2,000\n"
        "มติ ที่ประชุมเห็นชอบ\n"
    )
    source = tmp_path / "school.txt"
    source.write_text(text, "utf-8")
    document, report = import_file(source)
    meeting = document.meeting
    assert [a.first for a in meeting.attendees] == ["สมชาย"]
    assert all(section.is_agenda for section in meeting.sections)  # `(ไม่มี)` kept nowhere as text
    (item,) = meeting.sections[0].items
    (table,) = item.blocks
    assert isinstance(table, Table) and [row[:3] for row in table.rows] == [
        ["1", "ประกวดคำขวัญ", "500"],
        ["2", "การแสดงละคร", "1,500"],
    ]
    assert table.total_label == "รวม" and item.resolution == "เห็นชอบ"
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1] or "ไม่ตรงกับ" in note[1]]
    rota = word_of(
        tmp_path / "rota.docx",
        "รายงานการประชุมประจำเดือน ครั้งที่ ๑/๒๕๖๘",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        ("๑.๑ การมอบหมายหน้าที่", True),
        [
            ["หน้าที่", "ผู้รับผิดชอบ"],
            ["ผู้จดรายงานการประชุม", "นางสาวกนก ดีใจ"],
            ["ผู้ตรวจรายงานการประชุม", "นายสมชาย ใจดี"],
        ],
        [["ที่", "รายการ", "วงเงิน (บาท)"], ["๑", "วัสดุสำนักงาน", "ตามความจำเป็น"], ["๒", "ครุภัณฑ์", "๔๕,๐๐๐"]],
        "มติที่ประชุม เห็นชอบ",
    )
    (item,) = import_file(rota)[0].meeting.sections[0].items
    duties, purchases = item.blocks
    assert isinstance(duties, Table) and [c.title for c in duties.columns] == ["หน้าที่", "ผู้รับผิดชอบ"]
    assert isinstance(purchases, Table) and [c.title for c in purchases.columns] == [
        "ที่",
        "รายการ",
        "วงเงิน (บาท)",
    ]
    assert purchases.rows[0] == ["๑", "วัสดุสำนักงาน", "ตามความจำเป็น"]


def test_words_numbering_goes_on_across_numberings_restarts_where_set_and_counts_in_roman(
    tmp_path: Path,
) -> None:
    """Two numberings of one list definition count on (Word prints `2.1` after `1.1`); a
    numbering whose start is set (`startOverride`, Word's "Set numbering value") starts there; a
    roman level reads `i.`, `ii.`."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗")
    numbering = word.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {namespace} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="ระเบียบวาระที่ %1"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    for number_id, override in (
        ("91", ""),
        ("92", ""),
        ("93", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>'),
    ):
        numbering.append(
            parse_xml(
                f'<w:num {namespace} w:numId="{number_id}"><w:abstractNumId w:val="91"/>{override}</w:num>'
            )
        )

    def numbered(text: str, number_id: str, level: int) -> None:
        paragraph = word.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {namespace}><w:ilvl w:val="{level}"/><w:numId w:val="{number_id}"/></w:numPr>'
            )
        )

    numbered("เรื่องที่ประธานแจ้งให้ทราบ", "91", 0)
    numbered("การประชุมประจำเดือน", "91", 1)
    numbered("ระดับประถมศึกษา", "91", 2)
    numbered("ระดับอนุบาล", "91", 2)
    numbered("เรื่องเพื่อพิจารณา", "92", 0)  # goes on: ระเบียบวาระที่ 2
    numbered("การจัดซื้อหนังสือเรียน", "92", 1)  # 2.1
    numbered("เรื่องอื่น ๆ", "93", 0)  # set to start at 3
    path = tmp_path / "numbering.docx"
    word.save(str(path))
    document, report = import_file(path)
    sections = document.meeting.sections
    assert [s.title for s in sections] == ["เรื่องที่ประธานแจ้งให้ทราบ", "เรื่องเพื่อพิจารณา", "เรื่องอื่น ๆ"]
    assert [i.title for i in sections[1].items] == ["การจัดซื้อหนังสือเรียน"]
    assert [getattr(b, "text", "") for b in sections[0].items[0].blocks] == [
        "i. ระดับประถมศึกษา",
        "ii. ระดับอนุบาล",
    ]
    assert not [note for note in report.notes if "ไม่ตรง" in note[1]]


@pytest.mark.parametrize(
    ("lines", "venue", "period"),
    [
        (["วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗ เวลา ๐๙.๐๐ น. ผ่านระบบ Zoom Meeting"], "ผ่านระบบ Zoom Meeting", ""),
        (
            ["วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗ (ประชุมนัดพิเศษ)", "เวลา ๐๙.๐๐ น. (ลงทะเบียนเวลา ๐๘.๓๐ น.)"],
            "",
            "(ประชุมนัดพิเศษ) (ลงทะเบียนเวลา ๐๘.๓๐ น.)",
        ),
        (
            ["ประจำเดือนมิถุนายน ๒๕๖๗", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", "วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗"],
            "",
            "ประจำเดือนมิถุนายน ๒๕๖๗ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
        ),
        (
            ["วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗", "ณ ห้องประชุมชั้น ๒", "ณ ศาลากลางจังหวัดแพร่"],
            "ห้องประชุมชั้น ๒ ศาลากลางจังหวัดแพร่",
            "",
        ),
    ],
)
def test_what_a_header_line_holds_besides_the_date_is_kept(
    tmp_path: Path, lines: list[str], venue: str, period: str
) -> None:
    path = word_of(
        tmp_path / "header.docx",
        ("รายงานการประชุมคณะทำงานขับเคลื่อนยุทธศาสตร์จังหวัดแพร่ ครั้งที่ ๒/๒๕๖๗", True),
        *[(line, True) for line in lines],
        ("ผู้มาประชุม", True),
        "๑. นายสมชาย ใจดี\tประธาน",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    document, report = import_file(path)
    assert (document.meeting.venue, document.meeting.period) == (venue, period)
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


def test_a_headings_second_bold_line_and_a_letters_second_unit_line(tmp_path: Path) -> None:
    """An agenda heading whose title goes on to a tabbed bold line keeps it in the title; a
    letter's unit typed over two lines before the phone is the unit, not a slogan."""
    path = word_of(
        tmp_path / "letter-heading.docx",
        "ที่ นน ๐๐๑๗.๒/ว ๑๒๓๔\t\t\t\t\tศาลากลางจังหวัดน่าน",
        "\t\t\t\t๒ เมษายน ๒๕๖๗",
        "เรื่อง\tส่งรายงานการประชุม",
        "เรียน\tหัวหน้าส่วนราชการทุกส่วน",
        "จังหวัดน่านขอส่งรายงานการประชุมมาเพื่อโปรดทราบ",
        "ขอแสดงความนับถือ",
        "(นายสมพงษ์ วงศ์ใหญ่)",
        "ผู้ว่าราชการจังหวัดน่าน",
        "สำนักงานจังหวัด",
        "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
        "โทร. ๐ ๕๔๗๑ ๐๐๐๐",
        ("รายงานการประชุมหัวหน้าส่วนราชการจังหวัดน่าน ครั้งที่ ๓/๒๕๖๗", True),
        ("ระเบียบวาระที่ ๑\tรับรองรายงานการประชุม ครั้งที่ ๒/๒๕๖๗", True),
        ("\tเมื่อวันที่ ๒๙ กุมภาพันธ์ ๒๕๖๗", True),
        "ฝ่ายเลขานุการได้ส่งรายงานการประชุมให้ทุกส่วนราชการตรวจสอบแล้ว",
        "มติที่ประชุม\tรับรองรายงานการประชุม",
    )
    document, _ = import_file(path)
    assert document.office is not None
    assert (document.office.unit, document.office.slogan) == (
        "สำนักงานจังหวัด กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
        [],
    )
    (section,) = document.meeting.sections
    assert section.title == "รับรองรายงานการประชุม ครั้งที่ ๒/๒๕๖๗ เมื่อวันที่ ๒๙ กุมภาพันธ์ ๒๕๖๗"
    assert [getattr(b, "text", "") for b in section.blocks] == [
        "ฝ่ายเลขานุการได้ส่งรายงานการประชุมให้ทุกส่วนราชการตรวจสอบแล้ว"
    ]


def test_a_memo_sent_as_the_cover_is_read_as_the_letter(tmp_path: Path) -> None:
    """บันทึกข้อความ, the usual cover to a director: its unit and phone, its number and date on
    one line, a signer without a closing; nothing of it left in the minutes."""
    path = word_of(
        tmp_path / "memo.docx",
        ("บันทึกข้อความ", True),
        "ส่วนราชการ  กลุ่มงานบริหารทั่วไป โรงพยาบาลแม่ใจ โทร. ๐ ๕๔๔๙ ๙๐๓๓ ต่อ ๑๑๒",
        "ที่  พย ๐๐๓๓.๓๐๑/๑๔๕\t\t\t\tวันที่  ๕  มิถุนายน  ๒๕๖๗",
        "เรื่อง  ขอส่งรายงานการประชุมคณะกรรมการบริหารโรงพยาบาลแม่ใจ ครั้งที่ ๕/๒๕๖๗",
        "เรียน  ผู้อำนวยการโรงพยาบาลแม่ใจ",
        "ด้วยกลุ่มงานบริหารทั่วไป ได้จัดทำรายงานการประชุมเสร็จเรียบร้อยแล้ว",
        "(นางสาวกาญจนา ศรีวิชัย)",
        "นักจัดการงานทั่วไปชำนาญการ",
        ("รายงานการประชุมคณะกรรมการบริหารโรงพยาบาลแม่ใจ ครั้งที่ ๕/๒๕๖๗", True),
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    document, report = import_file(path)
    letter, office = document.letter, document.office
    assert letter is not None and office is not None
    assert (letter.number, letter.date, letter.signer) == (
        "พย ๐๐๓๓.๓๐๑/๑๔๕",
        dt.date(2024, 6, 5),
        Person("นางสาวกาญจนา ศรีวิชัย", "นักจัดการงานทั่วไปชำนาญการ"),
    )
    assert letter.body == ["ด้วยกลุ่มงานบริหารทั่วไป ได้จัดทำรายงานการประชุมเสร็จเรียบร้อยแล้ว"]
    assert (office.name, office.phone) == ("กลุ่มงานบริหารทั่วไป โรงพยาบาลแม่ใจ", "๐ ๕๔๔๙ ๙๐๓๓ ต่อ ๑๑๒")
    assert all(section.is_agenda for section in document.meeting.sections)
    assert any("บันทึกข้อความ" in note for _, note in report.notes)
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


@pytest.mark.parametrize(
    ("line", "position", "note"),
    [
        ("๑. นายสมชาย ใจดี (แทน) ผู้อำนวยการกองช่าง", "ผู้อำนวยการกองช่าง", "แทน"),
        ("๑. นายสมชาย ใจดี ผู้อำนวยการกองช่าง (แทน)", "ผู้อำนวยการกองช่าง", "แทน"),
        ("๒. นางสมศรี ใจงาม หัวหน้าสำนักปลัด (ติดราชการ)", "หัวหน้าสำนักปลัด", "ติดราชการ"),
        ("๓. นายวิชัย ดีมาก ปลัดอำเภอ ลาป่วย", "ปลัดอำเภอ", "ลาป่วย"),
    ],
)
def test_a_substitute_or_a_reason_in_a_one_cell_roster_line_is_the_note(
    line: str, position: str, note: str
) -> None:
    person = recognize.roster_line([line])
    assert person is not None and (person.position, person.note) == (position, note)


def test_totals_as_a_ninth_look_found_them(tmp_path: Path) -> None:
    """Years heading the columns are the header, not figures added into the total; a figure
    column left blank in the typed total row gets no total; a footnote on a table's cell is kept."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    path = word_of(
        tmp_path / "statements.docx",
        "รายงานการประชุมใหญ่สามัญประจำปี สหกรณ์การเกษตรศรีสำโรง จำกัด ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        [
            ["รายการ", "๒๕๖๗", "๒๕๖๖"],
            ["เงินสดและเงินฝากธนาคาร", "๓,๒๕๐,๔๒๐.๕๐", "๒,๘๑๐,๑๑๕.๒๕"],
            ["ลูกหนี้เงินกู้ระยะสั้น", "๑๘,๕๔๐,๐๐๐.๐๐", "๑๗,๙๒๐,๕๐๐.๐๐"],
            ["รวม", "๒๑,๗๙๐,๔๒๐.๕๐", "๒๐,๗๓๐,๖๑๕.๒๕"],
        ],
        [["หมู่ที่", "หมู่บ้าน", "ครัวเรือน"], ["๓", "บ้านโคก", "๑๒๐"], ["๕", "บ้านนา", "๘๐"], ["รวม", "", "๒๐๐"]],
        "มติที่ประชุม อนุมัติงบการเงิน",
    )
    word = docx.Document(str(path))
    # python-docx writes no footnotes part: it is added here as Word writes it
    from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: PLC0415
    from docx.opc.packuri import PackURI  # noqa: PLC0415
    from docx.opc.part import Part  # noqa: PLC0415

    notes_xml = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:id="1"><w:p><w:r><w:t>ข้อมูลจากงบการเงินที่ผู้สอบบัญชีรับรอง</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        notes_xml.encode(),
        word.part.package,
    )
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    cell = word.tables[0].rows[3].cells[1].paragraphs[0]
    cell._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    word.save(str(path))
    document, report = import_file(path)
    section = document.meeting.sections[0]
    statements, villages = (b for b in section.blocks if isinstance(b, Table))
    assert [c.title for c in statements.columns] == ["รายการ", "๒๕๖๗", "๒๕๖๖"] and len(statements.rows) == 2
    assert not [note for note in report.notes if "ไม่ตรงกับ" in note[1]]  # the typed totals agree
    assert villages.columns[0].kind is ColumnKind.TEXT  # หมู่ที่ is not added up
    assert "ข้อมูลจากงบการเงินที่ผู้สอบบัญชีรับรอง" in meeting_json(document)


def test_closing_signatures_sign_in_sheet_and_a_continued_heading_as_a_ninth_look_found_them(
    tmp_path: Path,
) -> None:
    """`บันทึกการประชุม…` is a title; `ลาป่วย` in a sign-in sheet under ผู้มาประชุม is an absence
    (said); `ระเบียบวาระที่ ๑ (ต่อ)` after a page break goes on with section 1; the closing time
    and both signatures typed in one paragraph with Shift+Enter are read."""
    path = word_of(
        tmp_path / "school.docx",
        ("บันทึกการประชุมคณะครูโรงเรียนบ้านนาคำ ครั้งที่ ๒/๒๕๖๗", True),
        "วันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "ลายมือชื่อ"],
            ["๑", "นายสมบัติ คำภา", "ผู้อำนวยการโรงเรียน", "สมบัติ คำภา"],
            ["๒", "นางสาวเบญจวรรณ พลเยี่ยม", "ครูผู้ช่วย", "ลาป่วย"],
        ],
        ("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ", True),
        "๑.๑ การเปิดภาคเรียน",
        ("ระเบียบวาระที่ ๑ (ต่อ)", True),
        "๑.๒ การจัดกิจกรรมไหว้ครู",
        "มติที่ประชุม รับทราบ\nปิดประชุมเวลา ๑๗.๐๐ น.\nลงชื่อ....................ผู้จดรายงานการประชุม\n"
        "(นางสาวเบญจวรรณ พลเยี่ยม)\nครูผู้ช่วย\nลงชื่อ....................ผู้ตรวจรายงานการประชุม\n"
        "(นายสมบัติ คำภา)\nผู้อำนวยการโรงเรียนบ้านนาคำ",
    )
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.end) == ("การประชุมคณะครูโรงเรียนบ้านนาคำ", 2, dt.time(17, 0))
    assert [(a.first, a.status) for a in meeting.attendees] == [
        ("สมบัติ", AttendeeStatus.PRESENT),
        ("เบญจวรรณ", AttendeeStatus.ABSENT),
    ]
    assert any("อ่านเป็นผู้ไม่มาประชุม" in note for _, note in report.notes)
    (section,) = meeting.sections
    assert [item.title for item in section.items] == ["การเปิดภาคเรียน", "การจัดกิจกรรมไหว้ครู"]
    assert meeting.recorder == Person("นางสาวเบญจวรรณ พลเยี่ยม", "ครูผู้ช่วย")
    assert meeting.checker == Person("นายสมบัติ คำภา", "ผู้อำนวยการโรงเรียนบ้านนาคำ")


def test_signatures_tabbed_in_a_text_file_are_read_as_signatures(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    source.write_text(
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๒/๒๕๖๗\nวันศุกร์ที่ ๗ มิถุนายน ๒๕๖๗\nผู้มาประชุม\n"
        "๑.\tนายสุวิทย์ ทองประเสริฐ\tประธานกรรมการ\nระเบียบวาระที่ ๑ เรื่องเพื่อทราบ\nมติที่ประชุม รับทราบ\n"
        "ลงชื่อ\tนันทนา พูลผล\tผู้จดรายงานการประชุม\n\t(นางสาวนันทนา พูลผล)\n"
        "ลงชื่อ\tสุวิทย์ ทองประเสริฐ\tผู้ตรวจรายงานการประชุม\n\t(นายสุวิทย์ ทองประเสริฐ)\n",
        "utf-8",
    )
    meeting = import_file(source)[0].meeting
    assert meeting.recorder is not None and meeting.recorder.name == "นางสาวนันทนา พูลผล"
    assert meeting.checker is not None and meeting.checker.name == "นายสุวิทย์ ทองประเสริฐ"


@pytest.mark.parametrize(
    "lines",
    [
        [
            "ผู้มาประชุม\n๑. นายสมบัติ คำภา\tผู้อำนวยการโรงเรียน\n๒. นางสุดารัตน์ ภูมิภักดิ์\tครูชำนาญการพิเศษ",
            "ผู้ไม่มาประชุม\n๑. นางละเอียด แสนสุข\tครู\tลาป่วย",
        ],
        [
            "ผู้มาประชุม ๑. นายสมบัติ คำภา ผู้อำนวยการโรงเรียน ๒. นางสุดารัตน์ ภูมิภักดิ์ ครูชำนาญการพิเศษ",
            "ผู้ไม่มาประชุม ๑. นางละเอียด แสนสุข ครู (ลาป่วย)",
        ],
    ],
)
def test_a_roster_part_typed_as_one_paragraph_and_a_draft_stamp_in_the_header(
    tmp_path: Path, lines: list[str]
) -> None:
    path = word_of(
        tmp_path / "one-paragraph.docx",
        ("รายงานการประชุมคณะครู ครั้งที่ ๖/๒๕๖๗", True),
        "(ฉบับร่าง)",
        ("วันพุธที่ ๒๔ กรกฎาคม ๒๕๖๗ เวลา ๑๓.๓๐ น.", True),
        *lines,
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    meeting = import_file(path)[0].meeting
    assert (meeting.date, meeting.start) == (dt.date(2024, 7, 24), dt.time(13, 30))
    assert [(a.first, a.status, a.note) for a in meeting.attendees] == [
        ("สมบัติ", AttendeeStatus.PRESENT, ""),
        ("สุดารัตน์", AttendeeStatus.PRESENT, ""),
        ("ละเอียด", AttendeeStatus.ABSENT, "ลาป่วย"),
    ]
    assert "(ฉบับร่าง)" in [getattr(b, "text", "") for b in meeting.sections[0].blocks]


def test_a_typed_percentage_total_is_said_not_silently_left_out(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "percent.docx",
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        [
            ["แหล่งงบประมาณ", "จำนวนเงิน (บาท)", "ร้อยละ"],
            ["งบประมาณ อบต.", "๓๐๙,๐๐๐.๐๐", "๖๐.๗๑"],
            ["เงินบริจาค", "๒๐๐,๐๐๐.๐๐", "๓๙.๒๙"],
            ["รวม", "๕๐๙,๐๐๐.๐๐", "๑๐๐"],
        ],
        "มติที่ประชุม รับทราบ",
    )
    report = import_file(path)[1]
    assert any("คอลัมน์ร้อยละ" in note and "๑๐๐" in note for _, note in report.notes)


def test_a_councils_speakers_laid_out_in_a_borderless_table_are_its_lines(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "speakers.docx",
        "รายงานการประชุมสภาเทศบาลเมืองสวรรคโลก ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ ญัตติร่างเทศบัญญัติงบประมาณรายจ่าย", True),
        [
            ["ประธานสภาฯ", "ขอเชิญนายกเทศมนตรีเสนอญัตติ"],
            ["นายกเทศมนตรี", "ขอเสนอร่างเทศบัญญัติ"],
            ["มติที่ประชุม", "รับหลักการ ๙ เสียง"],
        ],
        ("ระเบียบวาระที่ ๒ เรื่องอื่น ๆ", True),
        [["ประธานสภาฯ", "แจ้งกำหนดประชุมครั้งต่อไป"], ["ที่ประชุม", "รับทราบ"]],
    )
    first, second = import_file(path)[0].meeting.sections
    assert [getattr(b, "text", "") for b in first.blocks] == [
        "ประธานสภาฯ ขอเชิญนายกเทศมนตรีเสนอญัตติ",
        "นายกเทศมนตรี ขอเสนอร่างเทศบัญญัติ",
    ]
    assert (first.resolution, second.resolution) == ("รับหลักการ ๙ เสียง", "รับทราบ")


def test_markdown_tables_in_a_text_file_are_tables(tmp_path: Path) -> None:
    """Google Docs' Markdown download: `| ที่ | ชื่อ |` rows and a `| :--- |` rule."""
    source = tmp_path / "minutes.txt"
    source.write_text(
        "รายงานการประชุมคณะกรรมการบริหารศูนย์พัฒนาเด็กเล็ก ครั้งที่ ๒/๒๕๖๗\nวันพฤหัสบดีที่ ๔ เมษายน ๒๕๖๗\n"
        "ผู้มาประชุม\n| ที่ | ชื่อ - สกุล | ตำแหน่ง |\n| :---- | :---- | :---- |\n"
        "| ๑ | นายสมชาย ใจดี | ประธานกรรมการ |\n| ๒ | นางสาวปวีณา สอนสุข | หัวหน้าศูนย์พัฒนาเด็กเล็ก |\n"
        "ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา\n| ระดับ | จำนวนเด็ก (คน) |\n| :---- | ----: |\n| ๒ ขวบ | ๒๒ |\n"
        "| ๓ ขวบ | ๒๘ |\n| รวม | ๕๐ |\nมติที่ประชุม เห็นชอบ\n",
        "utf-8",
    )
    meeting = import_file(source)[0].meeting
    assert [a.first for a in meeting.attendees] == ["สมชาย", "ปวีณา"]
    (table,) = meeting.sections[0].blocks
    assert (
        isinstance(table, Table)
        and table.rows == [["๒ ขวบ", "๒๒"], ["๓ ขวบ", "๒๘"]]
        and table.total_label == "รวม"
    )


def test_a_row_set_in_by_a_column_keeps_its_figures_under_their_titles(tmp_path: Path) -> None:
    """A total row starting one grid column in (`w:gridBefore`): its figures stay in their columns."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    path = word_of(
        tmp_path / "set-in.docx",
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        [
            ["ที่", "รายการ", "งบประมาณ", "เบิกจ่าย"],
            ["๑", "ค่าวัสดุ", "๑,๐๐๐", "๕๐๐"],
            ["๒", "ค่าจ้าง", "๒,๐๐๐", "๗๐๐"],
        ],
        "มติที่ประชุม รับทราบ",
    )
    word = docx.Document(str(path))
    cells = "".join(
        f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>" for text in ("รวม", "๓,๐๐๐", "๑,๒๐๐")
    )
    word.tables[0]._tbl.append(
        parse_xml(f'<w:tr {nsdecls("w")}><w:trPr><w:gridBefore w:val="1"/></w:trPr>{cells}</w:tr>')
    )
    word.save(str(path))
    document, report = import_file(path)
    (table,) = document.meeting.sections[0].blocks
    assert isinstance(table, Table) and table.total_label == "รวม" and len(table.rows) == 2
    assert not [note for note in report.notes if "ไม่ตรงกับ" in note[1] or "ข้อความในคอลัมน์" in note[1]]


def test_signatures_without_lngchue_a_name_in_brackets_then_the_role(tmp_path: Path) -> None:
    path = word_of(
        tmp_path / "no-lngchue.docx",
        "รายงานการประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องอื่น ๆ", True),
        "ไม่มี",
        "ปิดประชุมเวลา ๑๖.๐๐ น.",
        "\t\t\t\t(นางสาวชุติมา แก้วกาญจน์)",
        "\t\t\t\tนักทรัพยากรบุคคล",
        "\t\t\t\tผู้จดรายงานการประชุม",
        "\t\t\t\t(นางรัชนีกร อ่อนละมัย)",
        "\t\t\t\tผู้ตรวจรายงานการประชุม",
    )
    meeting = import_file(path)[0].meeting
    assert meeting.recorder == Person("นางสาวชุติมา แก้วกาญจน์", "นักทรัพยากรบุคคล")
    assert meeting.checker == Person("นางรัชนีกร อ่อนละมัย", "")


def test_an_equation_is_read_and_a_figure_across_columns_counts_once(tmp_path: Path) -> None:
    """An equation in a line (`2.5%` in Word's equation editor) is part of its text; a figure in a
    cell merged across two columns is given once, so the typed total agrees."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    path = word_of(
        tmp_path / "equation.docx",
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๑/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
        "โดยกำหนดเป้าหมายไม่เกิน",
        [
            ["คณะ", "ไตรมาส ๑", "ไตรมาส ๒"],
            ["ครุศาสตร์", "๒,๔๕๐,๐๐๐", "๓,๑๐๐,๐๐๐"],
            ["วิทยาศาสตร์", "๔,๒๐๐,๐๐๐", ""],
            ["รวม", "๖,๖๕๐,๐๐๐", "๓,๑๐๐,๐๐๐"],
        ],
        "มติที่ประชุม เห็นชอบ",
    )
    word = docx.Document(str(path))
    math = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    line = next(p for p in word.paragraphs if p.text == "โดยกำหนดเป้าหมายไม่เกิน")
    line._p.append(parse_xml(f'<m:oMath xmlns:m="{math}"><m:r><m:t>2.5%</m:t></m:r></m:oMath>'))
    line._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> ต่อไตรมาส</w:t></w:r>'))
    row = word.tables[0].rows[2]
    row.cells[1].merge(row.cells[2])  # the budget across both quarters
    word.save(str(path))
    document, report = import_file(path)
    section = document.meeting.sections[0]
    texts = [getattr(b, "text", "") for b in section.blocks]
    assert "โดยกำหนดเป้าหมายไม่เกิน2.5% ต่อไตรมาส" in texts
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.rows[1][1:] == ["๔,๒๐๐,๐๐๐", ""]
    assert not [note for note in report.notes if "ไม่ตรงกับ" in note[1]]


def test_a_signer_without_a_title_and_two_absentees_on_one_line_are_read(tmp_path: Path) -> None:
    """Found by the tenth review: `ลงชื่อ ประสิทธิ์ ดอนแดง ผู้ตรวจ…` (a name typed without นาย, no
    `(name)` line under it) lost the name; two absentees run together on one numbered line
    were one person, the second swallowed into the first one's position."""
    source = tmp_path / "minutes.txt"
    source.write_text(
        "รายงานการประชุมคณะกรรมการหมู่บ้าน\nครั้งที่ 7/2567\nวันจันทร์ที่ 22 กรกฎาคม 2567\n"
        "ผู้มาประชุม\n1. นายประสิทธิ์ ดอนแดง\tผู้ใหญ่บ้าน\nผู้ไม่มาประชุม\n"
        "๑. นายบุญมี มีสุข กรรมการ ติดราชการ ๒. นางบุญมา มาดี กรรมการ ลาป่วย\n"
        "ระเบียบวาระที่ 1 เรื่องแจ้ง\nมติที่ประชุม รับทราบ\nปิดประชุมเวลา 20.00 น.\n"
        "ลงชื่อ วิมลรัตน์ แก้วประเสริฐ ผู้บันทึกการประชุม\nลงชื่อ ประสิทธิ์ ดอนแดง ผู้ตรวจบันทึกการประชุม\n",
        "utf-8",
    )
    document, report = import_file(source)
    meeting = document.meeting
    assert meeting.recorder is not None and meeting.recorder.name == "วิมลรัตน์ แก้วประเสริฐ"
    assert meeting.checker is not None and meeting.checker.name == "ประสิทธิ์ ดอนแดง"
    absent = [
        (a.full_name, a.position, a.note) for a in meeting.attendees if a.status is AttendeeStatus.ABSENT
    ]
    assert absent == [("นายบุญมี มีสุข", "กรรมการ", "ติดราชการ"), ("นางบุญมา มาดี", "กรรมการ", "ลาป่วย")]
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


def test_text_copied_out_of_a_pdf_is_read_in_normal_thai(tmp_path: Path) -> None:
    """A PDF gives ำ as ํ + า (`จํานวน`): the roster heading `ผู้มาประชุม จํานวน ๒ คน` was no
    heading and nobody was read. Such text, and เเ typed for แ, is put in the order Thai is
    spelled as it is read, in a text file, a Word file and a paste."""
    lines = [
        "รายงานการประชุมคณะกรรมการบริหารสํานักงานสาธารณสุขอําเภอแม่ทา",
        "ครั้งที่ ๔/๒๕๖๗",
        "วันศุกร์ที่ ๒๖ เมษายน ๒๕๖๗ เวลา ๐๙.๐๐ น.",
        "ผู้มาประชุม จํานวน ๒ คน",
        "๑. นายชาญวิทย์ คําแปง สาธารณสุขอําเภอแม่ทา ประธาน",
        "๒. นางสาวกาญจนา ดําเนิน เจ้าพนักงานธุรการ เลขานุการ",
        "ผู้ไม่มาประชุม จํานวน ๑ คน",
        "๑. นายประพันธ์ ทําดี ผู้อํานวยการโรงพยาบาลส่งเสริมสุขภาพตําบลหนองล่อง ติดราชการ",
        "ระเบียบวาระที่ ๑ เรื่องที่ประธานเเจ้งให้ที่ประชุมทราบ",
        "มติที่ประชุม รับทราบ",
    ]
    assert "\u0e4d\u0e32" in "".join(lines)
    text_file = tmp_path / "copied.txt"
    text_file.write_text("\n".join(lines), "utf-8")
    word_file = word_of(tmp_path / "copied.docx", *lines)
    for source in (text_file, word_file):
        meeting = import_file(source)[0].meeting
        assert [(a.full_name, a.status) for a in meeting.attendees] == [
            ("นายชาญวิทย์ คำแปง", AttendeeStatus.PRESENT),
            ("นางสาวกาญจนา ดำเนิน", AttendeeStatus.PRESENT),
            ("นายประพันธ์ ทำดี", AttendeeStatus.ABSENT),
        ]
        assert meeting.title.endswith("สำนักงานสาธารณสุขอำเภอแม่ทา")
        assert meeting.sections[0].title == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"
    pasted = pasted_agenda("", "<p>ผลการดําเนินงาน</p><p>จํานวน ๓ เรื่อง</p>", 3)
    assert pasted is not None and [getattr(b, "text", "") for b in pasted.blocks] == [
        "ผลการดำเนินงาน",
        "จำนวน ๓ เรื่อง",
    ]


def test_a_roster_after_the_signatures_and_a_roster_in_one_table_row_are_read(tmp_path: Path) -> None:
    """Found by the tenth review, each read as nobody: the roster on a page after the
    signatures (its heading taken into the checker's position), and a roster typed as one
    table row, its people parted by Enter inside the cells."""
    at_the_end = word_of(
        tmp_path / "end.docx",
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๒/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
        "ปิดประชุมเวลา ๑๕.๓๐ น.",
        "ลงชื่อ ......................... ผู้ตรวจรายงานการประชุม",
        "(นายสมชาย ใจดี)",
        "ประธานกรรมการ",
        ("รายชื่อผู้เข้าประชุม", True),
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ - สกุล", "ตำแหน่ง"],
            ["๑", "นายสมชาย ใจดี", "ประธานกรรมการ"],
            ["๒", "นางสมศรี ใจงาม", "กรรมการ"],
        ],
        ("ผู้ไม่มาประชุม", True),
        [["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หมายเหตุ"], ["๑", "นายวิชัย ทองมา", "กรรมการ", "ลาป่วย"]],
    )
    document, report = import_file(at_the_end)
    meeting = document.meeting
    assert [(a.full_name, a.status) for a in meeting.attendees] == [
        ("นายสมชาย ใจดี", AttendeeStatus.PRESENT),
        ("นางสมศรี ใจงาม", AttendeeStatus.PRESENT),
        ("นายวิชัย ทองมา", AttendeeStatus.ABSENT),
    ]
    assert meeting.checker == Person("นายสมชาย ใจดี", "ประธานกรรมการ")
    assert not [b for b in meeting.sections[0].blocks if isinstance(b, Table)]
    assert any("ท้ายเอกสาร" in note for _, note in report.notes)

    one_row = word_of(
        tmp_path / "one_row.docx",
        "รายงานการประชุมคณะกรรมการ ครั้งที่ ๒/๒๕๖๗",
        ("ผู้มาประชุม", True),
        [
            ["ที่", "ชื่อ - สกุล", "ตำแหน่ง"],
            ["๑\n๒\n๓", "นายสมชาย ใจดี\nนางสมศรี ใจงาม\nนายวิชัย ทองมา", "ประธาน\nกรรมการ\nกรรมการและเลขานุการ"],
        ],
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
    )
    people = import_file(one_row)[0].meeting.attendees
    assert [(a.full_name, a.position) for a in people] == [
        ("นายสมชาย ใจดี", "ประธาน"),
        ("นางสมศรี ใจงาม", "กรรมการ"),
        ("นายวิชัย ทองมา", "กรรมการและเลขานุการ"),
    ]


def test_minutes_framed_in_a_one_cell_table_with_web_spaces_and_styled_resolutions(tmp_path: Path) -> None:
    """Found by the tenth review: minutes copied from a web page sit in a table of one cell (read
    as one table: nobody, no agenda, or refused as no minutes), hold zero-width spaces between
    words (each line then reported as maybe not imported), and set `มติที่ประชุม` in a heading
    style (read as an item titled มติที่ประชุม, the resolution as its text)."""
    word = docx.Document()
    frame = word.add_table(rows=1, cols=1).rows[0].cells[0]
    lines = [
        ("รายงาน\u200bการ\u200bประชุม\u200bคณะ\u200bผู้\u200bบริหาร ครั้ง\u200bที่ ๔/๒๕๖๗", None),
        ("วันจันทร์ที่ ๘ กรกฎาคม ๒๕๖๗", None),
        ("ผู้มาประชุม", None),
        ("๑. นายสมบัติ ทองคำ\tนายก", None),
        ("๒. นางสาวอรทัย ปานแก้ว\tปลัด", None),
        ("ระเบียบ\u200bวาระ\u200bที่ ๑ เรื่อง\u200bที่\u200bประธาน\u200bแจ้ง", "Heading 3"),
        ("นายก แจ้ง\u200bว่า อำเภอ\u200bได้\u200bแจ้ง\u200bกำหนดการ", None),
        ("มติที่ประชุม", "Heading 4"),
        ("รับทราบ", None),
    ]
    frame.paragraphs[0].text = lines[0][0]
    for text, style in lines[1:]:
        frame.add_paragraph(text, style=style)
    path = tmp_path / "web.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert meeting.title == "การประชุมคณะผู้บริหาร" and (meeting.seq, meeting.year) == (4, 2567)
    assert [a.full_name for a in meeting.attendees] == ["นายสมบัติ ทองคำ", "นางสาวอรทัย ปานแก้ว"]
    section = meeting.sections[0]
    assert section.title == "เรื่องที่ประธานแจ้ง" and not section.items
    assert [getattr(block, "text", "") for block in section.blocks] == ["นายก แจ้งว่า อำเภอได้แจ้งกำหนดการ"]
    assert section.resolution == "รับทราบ"
    assert not [note for note in report.notes if "อาจไม่ได้นำเข้า" in note[1]]


def test_bold_given_by_a_based_on_style_or_a_character_style_makes_items(tmp_path: Path) -> None:
    """Items typed `๑. …` bold through the styles, not the runs: a paragraph style based on a
    bold one, and Word's `Strong` character style. Each is an item with its own resolution (they
    were paragraphs, and all resolutions fell to the section)."""
    from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415

    word = docx.Document()
    base = word.styles.add_style("หัวข้อหนา", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    based_on = word.styles.add_style("หัวเรื่องย่อย", WD_STYLE_TYPE.PARAGRAPH)
    based_on.base_style = base
    word.add_paragraph("รายงานการประชุมคณะกรรมการกองทุนสวัสดิการ ครั้งที่ ๒/๒๕๖๗")
    word.add_paragraph("ระเบียบวาระที่ ๓ เรื่องเพื่อพิจารณา").runs[0].bold = True
    word.add_paragraph("๑. การจ่ายสวัสดิการคนเกิด", style="หัวเรื่องย่อย")
    word.add_paragraph("มติที่ประชุม อนุมัติ")
    word.add_paragraph().add_run("๒. การจ่ายสวัสดิการคนป่วย", style="Strong")
    word.add_paragraph("มติที่ประชุม อนุมัติ ๒ ราย")
    path = tmp_path / "styles.docx"
    word.save(str(path))
    section = import_file(path)[0].meeting.sections[-1]
    assert [(item.title, item.resolution) for item in section.items] == [
        ("การจ่ายสวัสดิการคนเกิด", "อนุมัติ"),
        ("การจ่ายสวัสดิการคนป่วย", "อนุมัติ ๒ ราย"),
    ]


def test_an_agenda_laid_out_in_two_columns_with_resolutions_on_the_right(tmp_path: Path) -> None:
    """Found by the tenth review: `ระเบียบวาระที่ ๑ | title` rows, the text and `มติที่ประชุม …`
    in the right column, read as one table: no agenda at all."""
    path = word_of(
        tmp_path / "layout.docx",
        "รายงานการประชุมคณะกรรมการกองทุนหลักประกันสุขภาพ ครั้งที่ ๒/๒๕๖๗",
        [
            ["ระเบียบวาระที่ ๑", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"],
            ["", "ประธานแจ้งว่า สปสช. โอนเงินค่าบริการแล้ว"],
            ["", "มติที่ประชุม รับทราบ"],
            ["ระเบียบวาระที่ ๒", "เรื่องเพื่อพิจารณา"],
            ["๒.๑", "พิจารณาอนุมัติโครงการคัดกรองโรคเบาหวาน"],
            ["", "มติที่ประชุม อนุมัติ"],
        ],
    )
    sections = import_file(path)[0].meeting.sections
    assert [(s.title, s.resolution) for s in sections] == [
        ("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "รับทราบ"),
        ("เรื่องเพื่อพิจารณา", ""),
    ]
    assert [getattr(b, "text", "") for b in sections[0].blocks] == ["ประธานแจ้งว่า สปสช. โอนเงินค่าบริการแล้ว"]
    assert [(i.title, i.resolution) for i in sections[1].items] == [
        ("พิจารณาอนุมัติโครงการคัดกรองโรคเบาหวาน", "อนุมัติ")
    ]


def test_a_note_typed_in_line_with_emoji_markers_is_read_as_minutes(tmp_path: Path) -> None:
    """Found by the tenth review: a LINE note whose lines open with emoji (`📝 รายงานการประชุม…`,
    `📌 ระเบียบวาระที่ ๑`, `✅ มติที่ประชุม …`, `▪️ ๑. นาย…`) was refused as no minutes; the
    recorder typed role first (`✍️ ผู้จดรายงานการประชุม นางสาว…`) was a paragraph."""
    note = tmp_path / "line.txt"
    note.write_text(
        "📝 รายงานการประชุมคณะกรรมการชุมชนบ้านสันป่าตอง\nครั้งที่ 3/2567\n"
        "📅 วันอาทิตย์ที่ 4 สิงหาคม 2567 เวลา 16.00 น.\n👥 ผู้มาประชุม\n"
        "▪️ 1. นายอินทร ปัญญาดี ประธานชุมชน\n▪️ 2. นางสาวพิมพ์ชนก คำฟู เลขานุการ\n"
        "📌 ระเบียบวาระที่ 1 เรื่องเพื่อพิจารณา\n🔹 1.1 การจัดงานวันแม่ 12 สิงหาคม\n"
        "- จัดกิจกรรมไหว้แม่ที่ศาลาชุมชน\n✅ มติที่ประชุม เห็นชอบ\n"
        "🕕 ปิดประชุมเวลา 18.00 น.\n✍️ ผู้จดรายงานการประชุม นางสาวพิมพ์ชนก คำฟู\n",
        "utf-8",
    )
    meeting = import_file(note)[0].meeting
    assert meeting.title == "การประชุมคณะกรรมการชุมชนบ้านสันป่าตอง" and meeting.date == dt.date(2024, 8, 4)
    assert [a.full_name for a in meeting.attendees] == ["นายอินทร ปัญญาดี", "นางสาวพิมพ์ชนก คำฟู"]
    (item,) = meeting.sections[0].items
    assert (item.title, item.resolution) == ("การจัดงานวันแม่ 12 สิงหาคม", "เห็นชอบ")
    assert isinstance(item.blocks[0], BulletList)
    assert meeting.recorder == Person("นางสาวพิมพ์ชนก คำฟู", "")


W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbered_by_word(paragraph: object, number_id: int, level: int = 0) -> None:
    """Give a paragraph Word's automatic numbering (as the Numbering button does)."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    paragraph._p.get_or_add_pPr().append(  # type: ignore[attr-defined]
        parse_xml(f'<w:numPr {W_NAMESPACE}><w:ilvl w:val="{level}"/><w:numId w:val="{number_id}"/></w:numPr>')
    )


def test_numbers_word_gives_cells_list_styles_and_based_on_styles_are_read(tmp_path: Path) -> None:
    """Found by the eleventh review, each silent: a roster whose ลำดับ column Word numbers (the
    people read as a table, nobody present); the agenda numbered through a list style
    (`numStyleLink`) and through a style based on a numbered one (headings, items and their
    resolutions read as paragraphs)."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    word = docx.Document()
    root = word.part.numbering_part.element
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="ระเบียบวาระที่ %1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    )
    root.append(
        parse_xml(
            f'<w:abstractNum {W_NAMESPACE} w:abstractNumId="20"><w:styleLink w:val="AgendaList"/>{levels}</w:abstractNum>'
        )
    )
    root.append(
        parse_xml(
            f'<w:abstractNum {W_NAMESPACE} w:abstractNumId="21"><w:numStyleLink w:val="AgendaList"/></w:abstractNum>'
        )
    )
    root.append(
        parse_xml(
            f'<w:abstractNum {W_NAMESPACE} w:abstractNumId="22"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        )
    )
    for number_id, list_id in ((30, 20), (31, 21), (32, 22)):
        root.append(
            parse_xml(
                f'<w:num {W_NAMESPACE} w:numId="{number_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )
    word.styles.element.append(
        parse_xml(
            f'<w:style {W_NAMESPACE} w:type="numbering" w:styleId="AgendaList"><w:name w:val="AgendaList"/><w:pPr><w:numPr><w:numId w:val="30"/></w:numPr></w:pPr></w:style>'
        )
    )
    word.styles.element.append(
        parse_xml(
            f'<w:style {W_NAMESPACE} w:type="paragraph" w:styleId="AgendaBase"><w:name w:val="AgendaBase"/><w:pPr><w:numPr><w:numId w:val="31"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        )
    )
    word.styles.element.append(
        parse_xml(
            f'<w:style {W_NAMESPACE} w:type="paragraph" w:styleId="AgendaTH"><w:name w:val="วาระ"/><w:basedOn w:val="AgendaBase"/></w:style>'
        )
    )
    word.add_paragraph("รายงานการประชุมคณะกรรมการวิชาการโรงเรียน ครั้งที่ ๑/๒๕๖๗")
    word.add_paragraph().add_run("ผู้มาประชุม").bold = True
    rows = [("นายวีระพงษ์ สุขประเสริฐ", "ผู้อำนวยการโรงเรียน"), ("นางศิริพร อินทร์แก้ว", "รองผู้อำนวยการ")]
    table = word.add_table(rows=len(rows), cols=3)
    for row, (name, position) in zip(table.rows, rows, strict=True):
        numbered_by_word(row.cells[0].paragraphs[0], 32)
        row.cells[1].text, row.cells[2].text = name, position
    word.add_paragraph("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", style="วาระ")
    word.add_paragraph("มติที่ประชุม รับทราบ")
    word.add_paragraph().add_run("เรื่องเพื่อพิจารณา").bold = True
    numbered_by_word(word.paragraphs[-1], 31)
    for title, resolution in (("การปรับหลักสูตรสถานศึกษา", "เห็นชอบ"), ("การจัดสอบกลางภาค", "เห็นชอบตามเสนอ")):
        word.add_paragraph().add_run(title).bold = True
        numbered_by_word(word.paragraphs[-1], 31, level=1)
        word.add_paragraph(f"มติที่ประชุม {resolution}")
    path = tmp_path / "numbered.docx"
    word.save(str(path))
    meeting = import_file(path)[0].meeting
    assert [(a.full_name, a.position) for a in meeting.attendees] == rows
    assert [(s.title, s.resolution) for s in meeting.sections] == [
        ("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "รับทราบ"),
        ("เรื่องเพื่อพิจารณา", ""),
    ]
    assert [(i.title, i.resolution) for i in meeting.sections[1].items] == [
        ("การปรับหลักสูตรสถานศึกษา", "เห็นชอบ"),
        ("การจัดสอบกลางภาค", "เห็นชอบตามเสนอ"),
    ]


@pytest.mark.parametrize("marks", [("๑)", "๒)"), ("(๑)", "(๒)"), ("๑.", "๒."), ("1)", "2)")])
def test_the_numbered_points_a_resolution_announces_stay_in_it(
    tmp_path: Path, marks: tuple[str, str]
) -> None:
    """`มติที่ประชุม อนุมัติ … ดังนี้` then its points numbered from one, and the votes: all the
    resolution's (they were moved into the text, which prints before the resolution)."""
    path = word_of(
        tmp_path / "points.docx",
        "รายงานการประชุมใหญ่สามัญประจำปี สหกรณ์การเกษตรเมืองยโสธร จำกัด ครั้งที่ ๑/๒๕๖๘",
        ("ระเบียบวาระที่ ๑ เรื่องพิจารณาจัดสรรกำไรสุทธิประจำปี ๒๕๖๗", True),
        "คณะกรรมการดำเนินการเสนอจัดสรรกำไรสุทธิ จำนวน ๓,๘๒๕,๔๓๐.๐๐ บาท",
        "มติที่ประชุม อนุมัติการจัดสรรกำไรสุทธิ โดยให้ฝ่ายจัดการดำเนินการ ดังนี้",
        f"{marks[0]} โอนเงินปันผลเข้าบัญชีเงินฝากออมทรัพย์ของสมาชิก",
        f"{marks[1]} หักชำระหนี้ค้างชำระก่อนจ่ายเงินปันผล",
        "ด้วยคะแนนเสียงเห็นด้วย ๖๐๕ เสียง ไม่เห็นด้วย ไม่มี งดออกเสียง ๗ เสียง",
        ("ระเบียบวาระที่ ๒ เรื่องอื่น ๆ", True),
        "มติที่ประชุม รับทราบ",
    )
    section = import_file(path)[0].meeting.sections[0]
    assert section.resolution.splitlines() == [
        "อนุมัติการจัดสรรกำไรสุทธิ โดยให้ฝ่ายจัดการดำเนินการ ดังนี้",
        f"{marks[0]} โอนเงินปันผลเข้าบัญชีเงินฝากออมทรัพย์ของสมาชิก",
        f"{marks[1]} หักชำระหนี้ค้างชำระก่อนจ่ายเงินปันผล",
    ]
    assert section.vote == Vote(605, 0, 7)  # the votes typed last, read as the resolution's
    assert [getattr(b, "text", "") for b in section.blocks] == [
        "คณะกรรมการดำเนินการเสนอจัดสรรกำไรสุทธิ จำนวน ๓,๘๒๕,๔๓๐.๐๐ บาท"
    ]


def test_police_and_monastic_rosters_and_signatures_opened_by_a_rank(tmp_path: Path) -> None:
    """Found by the eleventh review: ส.ต.ท.หญิง read as ส.ต.ท. and a first name หญิง; a monk
    with a title and no personal name given his post as surname; signatures whose line opens with
    the rank (no ลงชื่อ) left as text; a bracketed name under a line that named the signer
    already printed twice (as his position too)."""
    source = tmp_path / "police.txt"
    source.write_text(
        "รายงานการประชุมกำลังพล สภ.เมืองอุดรธานี ครั้งที่ ๓/๒๕๖๗\nวันจันทร์ที่ ๑๕ กรกฎาคม ๒๕๖๗\n"
        "ผู้มาประชุม\n๑. ส.ต.ท.หญิง ชลธิชา ใจเย็น\tผบ.หมู่ (ธร.)\tเลขานุการ\n"
        "๒. พระครูสุวรรณธรรมโกวิท\tเจ้าอาวาสวัดศรีสุมังคลาราม\tประธาน\n"
        "ระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ\nมติที่ประชุม รับทราบ\nปิดประชุมเวลา ๑๒.๐๐ น.\n"
        "ส.ต.ท.หญิง ชลธิชา ใจเย็น ผู้บันทึกรายงานการประชุม\n( ชลธิชา ใจเย็น )\nผบ.หมู่ (ธร.) สภ.เมืองอุดรธานี\n"
        "พ.ต.ท. อำนาจ ชัยมงคล ผู้ตรวจรายงานการประชุม\n( อำนาจ ชัยมงคล )\nรอง ผกก.(สอบสวน) สภ.เมืองอุดรธานี\n",
        "utf-8",
    )
    meeting = import_file(source)[0].meeting
    assert [(a.prefix, a.first, a.last, a.position, a.note) for a in meeting.attendees] == [
        ("ส.ต.ท.หญิง", "ชลธิชา", "ใจเย็น", "ผบ.หมู่ (ธร.)", "เลขานุการ"),
        ("พระครู", "สุวรรณธรรมโกวิท", "", "เจ้าอาวาสวัดศรีสุมังคลาราม", "ประธาน"),
    ]
    assert meeting.recorder == Person("ส.ต.ท.หญิง ชลธิชา ใจเย็น", "ผบ.หมู่ (ธร.) สภ.เมืองอุดรธานี")
    assert meeting.checker == Person("พ.ต.ท. อำนาจ ชัยมงคล", "รอง ผกก.(สอบสวน) สภ.เมืองอุดรธานี")
    assert not meeting.sections[-1].blocks


def test_hidden_text_is_left_out_and_said_and_a_roster_kept_elsewhere_is_said(tmp_path: Path) -> None:
    """Hidden text (Word neither shows nor prints it) was imported as if printed; `ผู้มาประชุม
    จำนวน ๘๗ คน (ตามรายชื่อแนบท้าย)` was no heading (the guests under ผู้เข้าร่วมประชุม were
    counted present), and read as one its count and remark were kept nowhere."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมประชาคมตำบลโคกสูง ครั้งที่ ๒/๒๕๖๗")
    word.add_paragraph("ผู้มาประชุม จำนวน ๘๗ คน (ตามรายชื่อแนบท้าย)")
    word.add_paragraph("ผู้เข้าร่วมประชุม")
    word.add_paragraph("๑. นายสมาน พิมพ์ดี\tพัฒนากรผู้ประสานงานตำบลโคกสูง")
    word.add_paragraph("ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ทราบ")
    said = word.add_paragraph("ประธานแจ้งกำหนดวันเลือกตั้ง")
    said.add_run(" (ร่าง รอ ผอ. ตรวจ ห้ามเผยแพร่)").font.hidden = True
    word.add_paragraph("มติที่ประชุม รับทราบ")
    path = tmp_path / "hidden.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert [(a.full_name, a.status) for a in meeting.attendees] == [("นายสมาน พิมพ์ดี", AttendeeStatus.GUEST)]
    texts = [getattr(b, "text", "") for section in meeting.sections for b in section.blocks]
    assert "ผู้มาประชุม จำนวน ๘๗ คน (ตามรายชื่อแนบท้าย)" in texts
    assert "ประธานแจ้งกำหนดวันเลือกตั้ง" in texts and not any("ห้ามเผยแพร่" in text for text in texts)
    assert any("ซ่อนไว้" in note for _, note in report.notes)


def test_figures_typed_with_baht_a_header_typed_again_and_a_wrong_percentage_are_checked(
    tmp_path: Path,
) -> None:
    """Found by the eleventh review, each a wrong figure passed unseen: money typed `๑๒,๔๕๐ บาท`
    made the column text (its typed total unchecked); the header typed again at the top of the
    next page made every column text; a percentage typed wrong in one row kept without a word."""
    path = word_of(
        tmp_path / "figures.docx",
        "รายงานการประชุมคณะกรรมการวัด ครั้งที่ ๒/๒๕๖๗",
        ("ระเบียบวาระที่ ๑ เรื่องเพื่อทราบ", True),
        [
            ["ที่", "รายการ", "จำนวนเงิน"],
            ["๑", "ค่าไฟฟ้า", "๑๒,๔๕๐ บาท"],
            ["๒", "ค่าน้ำประปา", "๔๖,๐๕๐ บาท"],
            ["", "รวม", "๖๙,๕๐๐ บาท"],
        ],
        [
            ["อำเภอ", "ผู้มีสิทธิ", "ผู้มาใช้สิทธิ"],
            ["เมือง", "๑๒๐,๐๐๐", "๘๕,๐๐๐"],
            ["อำเภอ", "ผู้มีสิทธิ", "ผู้มาใช้สิทธิ"],
            ["บ้านผือ", "๑๓๑,๙๙๘", "๘๙,๘๔๑"],
            ["รวม", "๒๕๑,๙๙๘", "๑๙๙,๙๙๙"],
        ],
        [
            ["ตัวชี้วัด", "เป้าหมาย", "ผลงาน", "ร้อยละ"],
            ["คัดกรองเบาหวาน", "๒,๔๕๐", "๒,๑๘๗", "๙๘.๒๗"],
            ["คัดกรองความดันโลหิตสูง", "๒,๔๕๐", "๒,๐๐๐", "๘๑.๖๓"],
            ["คัดกรองวัณโรค", "๑,๐๐๐", "๙๐๐", "๙๐.๐๐"],
        ],
        "มติที่ประชุม รับทราบ",
    )
    document, report = import_file(path)
    money, votes, screening = (b for b in document.meeting.sections[0].blocks if isinstance(b, Table))
    assert money.columns[2].title == "จำนวนเงิน (บาท)" and money.rows[0][2] == "๑๒,๔๕๐"
    assert [row[0] for row in votes.rows] == ["เมือง", "บ้านผือ"]
    assert screening.rows[0][3] == "๙๘.๒๗"  # kept as typed, and said
    notes = [note for _, note in report.notes]
    assert any("(๖๙,๕๐๐) ไม่ตรงกับที่คำนวณได้ (๕๘,๕๐๐)" in note for note in notes)
    assert any("(๑๙๙,๙๙๙) ไม่ตรงกับที่คำนวณได้ (๑๗๔,๘๔๑)" in note for note in notes)
    assert any("ร้อยละในแถวที่ ๑" in note and "(๘๙.๒๗)" in note for note in notes)
    assert not any("ร้อยละในแถวที่ ๒" in note or "ร้อยละในแถวที่ ๓" in note for note in notes)


TWO_MEETINGS: list[str | tuple[str, bool] | list[list[str]]] = [
    "รายงานการประชุมคณะกรรมการกองทุนหลักประกันสุขภาพ อบต.นาโพธิ์",
    "ครั้งที่ ๑/๒๕๖๗",
    "วันอังคารที่ ๕ มีนาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.",
    "ผู้มาประชุม",
    "๑. นายประเสริฐ ทองคำ\tประธานกรรมการ",
    ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
    "พิจารณาโครงการคัดกรองมะเร็งเต้านม งบประมาณ ๔๕,๖๐๐ บาท",
    "มติที่ประชุม อนุมัติ",
    "เลิกประชุมเวลา ๑๑.๓๐ น.",
    "ลงชื่อ ...................... ผู้จดรายงานการประชุม",
    "(นางสุภาวดี คำแสน)",
    "รายงานการประชุมคณะกรรมการกองทุนหลักประกันสุขภาพ อบต.นาโพธิ์",
    "ครั้งที่ ๒/๒๕๖๗",
    "วันพฤหัสบดีที่ ๒๘ มีนาคม ๒๕๖๗ เวลา ๑๓.๓๐ น.",
    "ผู้มาประชุม",
    "๑. นายประเสริฐ ทองคำ\tประธานกรรมการ",
    ("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา", True),
    "พิจารณาโครงการโรงเรียนผู้สูงอายุ งบประมาณ ๘๒,๓๐๐ บาท",
    "มติที่ประชุม อนุมัติ",
    "เลิกประชุมเวลา ๑๖.๐๐ น.",
    "รายงานการประชุมนี้ได้รับรองในการประชุมครั้งที่ ๓/๒๕๖๗ แล้ว",
]


def test_two_meetings_typed_in_one_file_are_two_meetings(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the eleventh review: the second meeting's header, roster and agenda were read
    into the first (its closing time, 16.00, taken for the first's 11.30). Each is a meeting of
    its own, by the command and by Ctrl+O; a note after the last signature that names the minutes
    is no third meeting."""
    path = word_of(tmp_path / "two.docx", *TWO_MEETINGS)
    database = tmp_path / "archive.sqlite3"
    done = run(path, database=database)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.split()) == 2 and "ไฟล์นี้มีรายงานการประชุม ๒ ครั้ง" in done.stderr
    with Database.open(database, backup=False) as stored:
        meetings = [stored.load_document(s.id).meeting for s in reversed(stored.list_meetings())]
    assert [(m.seq, m.date, m.end) for m in meetings] == [
        (1, dt.date(2024, 3, 5), dt.time(11, 30)),
        (2, dt.date(2024, 3, 28), dt.time(16, 0)),
    ]
    assert [getattr(b, "text", "") for b in meetings[0].sections[0].blocks] == [
        "พิจารณาโครงการคัดกรองมะเร็งเต้านม งบประมาณ ๔๕,๖๐๐ บาท"
    ]
    assert "รายงานการประชุมนี้ได้รับรอง" in " ".join(
        getattr(b, "text", "") for b in meetings[1].sections[-1].blocks
    )
    monkeypatch.setattr("ui.main_window.inform", lambda *_: None)
    before = len(window.database.list_meetings())
    assert window.import_path(path)
    assert len(window.database.list_meetings()) == before + 2
    assert window.editor.document.meeting.seq == 1  # the file's first meeting is opened


def test_a_title_typed_only_in_the_page_header_is_read_with_the_body_under_it(tmp_path: Path) -> None:
    """Found by the eleventh review: the title and number only in the page header (repeated on
    every page) left the body's date, time, venue and roster unread (dated today, nobody)."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "รายงานการประชุมคณะกรรมการ พชอ. อำเภอนาแก ครั้งที่ ๓/๒๕๖๗"
    for text in (
        "วันอังคารที่ ๒๐ สิงหาคม ๒๕๖๗ เวลา ๑๓.๓๐ น.",
        "ณ ห้องประชุมที่ว่าการอำเภอนาแก",
        "ผู้มาประชุม",
        "๑. นายวิชิต ศรีหาพล\tนายอำเภอนาแก\tประธาน",
        "ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา",
        "มติที่ประชุม เห็นชอบ",
    ):
        word.add_paragraph(text)
    path = tmp_path / "header.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.year) == ("การประชุมคณะกรรมการ พชอ. อำเภอนาแก", 3, 2567)
    assert (meeting.date, meeting.start, meeting.venue) == (
        dt.date(2024, 8, 20),
        dt.time(13, 30),
        "ห้องประชุมที่ว่าการอำเภอนาแก",
    )
    assert [a.full_name for a in meeting.attendees] == ["นายวิชิต ศรีหาพล"]
    assert any("หัวกระดาษ" in note for _, note in report.notes)


def test_typed_page_marks_are_left_out_and_said_once(tmp_path: Path) -> None:
    """The page number typed at a page's head (`-๒-`, `- ๓ -`) and the word the next page
    starts with typed at its foot (`/มติที่ประชุม...`): the program numbers its own pages; they
    were kept as the items' text (`- ๓ -` even as a list)."""
    source = tmp_path / "marks.txt"
    source.write_text(
        "รายงานการประชุมหัวหน้าส่วนราชการอำเภอกุมภวาปี\nครั้งที่ ๗/๒๕๖๗\nวันจันทร์ที่ ๒๙ กรกฎาคม ๒๕๖๗\n"
        "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\n๑.๑ การป้องกันยาเสพติด\n"
        "นายอำเภอแจ้งผลการตั้งจุดตรวจ\n                /มติที่ประชุม...\n-๒-\nมติที่ประชุม รับทราบ\n"
        "๑.๒ การจัดสรรงบประมาณ\nพัฒนาการอำเภอเสนอจัดสรรงบประมาณ\n/มติที่ประชุม...\n- ๓ -\nมติที่ประชุม เห็นชอบ\n",
        "utf-8",
    )
    document, report = import_file(source)
    items = document.meeting.sections[0].items
    assert [(i.title, [getattr(b, "text", "") for b in i.blocks], i.resolution) for i in items] == [
        ("การป้องกันยาเสพติด", ["นายอำเภอแจ้งผลการตั้งจุดตรวจ"], "รับทราบ"),
        ("การจัดสรรงบประมาณ", ["พัฒนาการอำเภอเสนอจัดสรรงบประมาณ"], "เห็นชอบ"),
    ]
    notes = [note for _, note in report.notes]
    assert sum("เครื่องหมายหน้า" in note for note in notes) == 1
    assert not any("อาจไม่ได้นำเข้า" in note for note in notes)


def test_what_the_twelfth_review_found_silent(tmp_path: Path) -> None:
    """Found by the twelfth review, each silent: a roster typed name, Shift+Enter, position (as a
    roster in two Word columns) read as nobody; a second checker's block lost; items lettered
    ก. ข., each with its resolution, left as paragraphs (the first resolution among them); an
    office's representatives named on one line counted as one nameless person."""
    word = docx.Document()
    word.add_paragraph("รายงานการประชุมคณะกรรมการโครงการชลประทาน ครั้งที่ ๒/๒๕๖๗")
    word.add_paragraph("วันพุธที่ ๑๔ สิงหาคม ๒๕๖๗")
    word.add_paragraph().add_run("ผู้มาประชุม").bold = True
    word.add_paragraph("๑. นายสมหมาย ทองประเสริฐ\nประธานกรรมการ")
    word.add_paragraph("๒. ผู้แทนสำนักงานเกษตรจังหวัด ได้แก่ นายวีระ พลเยี่ยม และนางทองม้วน ศรีบุญเรือง\tกรรมการ")
    word.add_paragraph().add_run("ระเบียบวาระที่ ๑ เรื่องเพื่อพิจารณา").bold = True
    word.add_paragraph("ก. โครงการพัฒนาแหล่งท่องเที่ยว งบประมาณ ๘,๕๐๐,๐๐๐ บาท")
    word.add_paragraph("มติที่ประชุม เห็นชอบ")
    word.add_paragraph("ข. โครงการขุดลอกลำน้ำชี งบประมาณ ๑๕,๐๐๐,๐๐๐ บาท")
    word.add_paragraph("มติที่ประชุม เห็นชอบ โดยให้ปรับลดเหลือ ๑๒,๐๐๐,๐๐๐ บาท")
    word.add_paragraph("ปิดประชุมเวลา ๑๒.๐๐ น.")
    for lines in (
        ("ลงชื่อ ...................... ผู้ตรวจรายงานการประชุม", "(นายสมยศ คำภู)", "ปลัดอำเภออาวุโส"),
        ("ลงชื่อ ...................... ผู้ตรวจรายงานการประชุม", "(นายอภิชาติ ศรีวงษ์)", "นายอำเภอบ้านผือ"),
    ):
        for line in lines:
            word.add_paragraph(line)
    path = tmp_path / "twelfth.docx"
    word.save(str(path))
    document, report = import_file(path)
    meeting = document.meeting
    assert [(a.full_name, a.position) for a in meeting.attendees] == [
        ("นายสมหมาย ทองประเสริฐ", "ประธานกรรมการ"),
        ("นายวีระ พลเยี่ยม", "ผู้แทนสำนักงานเกษตรจังหวัด"),
        ("นางทองม้วน ศรีบุญเรือง", "ผู้แทนสำนักงานเกษตรจังหวัด"),
    ]
    section = meeting.sections[-1]
    assert [(i.title, i.resolution) for i in section.items] == [
        ("โครงการพัฒนาแหล่งท่องเที่ยว งบประมาณ ๘,๕๐๐,๐๐๐ บาท", "เห็นชอบ"),
        ("โครงการขุดลอกลำน้ำชี งบประมาณ ๑๕,๐๐๐,๐๐๐ บาท", "เห็นชอบ โดยให้ปรับลดเหลือ ๑๒,๐๐๐,๐๐๐ บาท"),
    ]
    assert meeting.checker == Person("นายสมยศ คำภู", "ปลัดอำเภออาวุโส")
    kept = " ".join(getattr(b, "text", "") for b in section.items[-1].blocks)
    assert "นายอภิชาติ ศรีวงษ์" in kept and "นายอำเภอบ้านผือ" in kept
    assert any("มากกว่าหนึ่งคน" in note for _, note in report.notes)


@pytest.mark.parametrize(
    ("line", "venue"),
    [
        ("สถานที่ ห้องประชุมศรีเขาวง ชั้น ๒", "ห้องประชุมศรีเขาวง ชั้น ๒"),
        ("สถานที่ประชุม ห้องประชุมศรีเขาวง ชั้น ๒", "ห้องประชุมศรีเขาวง ชั้น ๒"),
        ("ประชุมผ่านระบบการประชุมทางไกล (Zoom Meeting)", "ผ่านระบบการประชุมทางไกล (Zoom Meeting)"),
    ],
)
def test_a_venue_typed_without_na_and_a_title_opening_with_bantuek_raingan(
    tmp_path: Path, line: str, venue: str
) -> None:
    """Found by the twelfth review: a venue without `ณ` went unread and unsaid; the title
    `บันทึกรายงานการประชุม…` (อบต. and เทศบาล) was no title (the date, number, venue and roster
    under it unread)."""
    source = tmp_path / "minutes.txt"
    source.write_text(
        f"บันทึกรายงานการประชุมสภาองค์การบริหารส่วนตำบลโนนสะอาด\nครั้งที่ ๑/๒๕๖๗\nวันพฤหัสบดีที่ ๔ กรกฎาคม ๒๕๖๗\n{line}\n"
        "ผู้มาประชุม\n๑. นายสมศักดิ์ ใจดี\tประธานสภา\nระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ\nมติที่ประชุม รับทราบ\n",
        "utf-8",
    )
    document, report = import_file(source)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.date) == (
        "การประชุมสภาองค์การบริหารส่วนตำบลโนนสะอาด",
        1,
        dt.date(2024, 7, 4),
    )
    assert meeting.venue == venue and [a.first for a in meeting.attendees] == ["สมศักดิ์"]
    assert not any("อาจไม่ได้นำเข้า" in note for _, note in report.notes)


def test_signatures_without_longchue_opening_with_the_untitled_signed_name(tmp_path: Path) -> None:
    """Found by the twelfth review: `จันทร์เพ็ญ ดวงดี ⇥ ผู้จดรายงานการประชุม` (the signed name
    without a title, no ลงชื่อ), then `(นางจันทร์เพ็ญ ดวงดี)` and the position: no signer read."""
    source = tmp_path / "signatures.txt"
    source.write_text(
        "รายงานการประชุมคณะทำงานแรงงานจังหวัด ครั้งที่ ๒/๒๕๖๗\nวันจันทร์ที่ ๑๙ สิงหาคม ๒๕๖๗\n"
        "ระเบียบวาระที่ ๑ เรื่องอื่น ๆ\nมติที่ประชุม รับทราบ\nปิดประชุมเวลา ๑๖.๐๐ น.\n"
        "จันทร์เพ็ญ ดวงดี\tผู้จดรายงานการประชุม\n(นางจันทร์เพ็ญ ดวงดี)\nนักวิชาการแรงงานชำนาญการ\n"
        "พรรณี คงสุข\tผู้ตรวจรายงานการประชุม\n(นางสาวพรรณี คงสุข)\nแรงงานจังหวัดขอนแก่น\n",
        "utf-8",
    )
    meeting = import_file(source)[0].meeting
    assert meeting.recorder == Person("นางจันทร์เพ็ญ ดวงดี", "นักวิชาการแรงงานชำนาญการ")
    assert meeting.checker == Person("นางสาวพรรณี คงสุข", "แรงงานจังหวัดขอนแก่น")
    assert not meeting.sections[-1].blocks


def test_a_line_under_the_total_and_a_table_typed_with_tabs_and_no_header(tmp_path: Path) -> None:
    """Found by the twelfth review: a line under the `รวม` line (`ดอกเบี้ยรับ …`) made the total
    a row of figures, its wrong typed sum unchecked; lines typed with a leading tab made an empty
    first column; borrowers typed `๓๐,๐๐๐ บาท` with no header line made the first borrower the
    column titles."""
    source = tmp_path / "fund.txt"
    source.write_text(
        "รายงานการประชุมคณะกรรมการกองทุนหมู่บ้าน ครั้งที่ ๕/๒๕๖๗\nวันอาทิตย์ที่ ๒๒ กันยายน ๒๕๖๗\n"
        "ระเบียบวาระที่ ๑ เรื่องรายงานฐานะการเงิน\n"
        "\tรายการ\tตั้งไว้\n\tเงินกู้ยืมสมาชิก\t๑,๕๐๐,๐๐๐\n\tค่าวัสดุสำนักงาน\t๒๐,๕๐๐\n\tรวม\t๑,๕๓๐,๕๐๐\n"
        "\tดอกเบี้ยรับ (ร้อยละ ๖ ต่อปี)\t๘๕,๒๐๐\n"
        "ผู้กู้ยืม\n\tนายดำ ขำคม\t๓๐,๐๐๐ บาท\tปลูกอ้อย\n\tนางแดง ใจดี\t๒๕,๐๐๐ บาท\tค้าขาย\n"
        "มติที่ประชุม รับทราบ\n",
        "utf-8",
    )
    document, report = import_file(source)
    statement, borrowers = (b for b in document.meeting.sections[0].blocks if isinstance(b, Table))
    assert [c.title for c in statement.columns] == ["รายการ", "ตั้งไว้"]
    assert statement.total_label == "รวม" and statement.note == "ดอกเบี้ยรับ (ร้อยละ ๖ ต่อปี) ๘๕,๒๐๐"
    assert any("(๑,๕๓๐,๕๐๐) ไม่ตรงกับที่คำนวณได้ (๑,๕๒๐,๕๐๐)" in note for _, note in report.notes)
    assert borrowers.rows[0] == ["นายดำ ขำคม", "๓๐,๐๐๐", "ปลูกอ้อย"]
    assert [c.title for c in borrowers.columns] == ["", "(บาท)", ""]


@pytest.mark.parametrize("line", ["ครั้งที่ ๒ ประจำปี พ.ศ. ๒๕๖๗", "สมัยสามัญ สมัยที่ ๓ ครั้งที่ ๒ ประจำปี ๒๕๖๗"])
def test_a_meeting_number_with_its_year_in_words(tmp_path: Path, line: str) -> None:
    """Found by the twelfth review: `ครั้งที่ ๒ ประจำปี พ.ศ. ๒๕๖๗` gave meeting 1, the line run
    into the title."""
    source = tmp_path / "council.txt"
    source.write_text(
        f"รายงานการประชุมสภาเทศบาลตำบลนาดี\n{line}\nวันศุกร์ที่ ๙ สิงหาคม ๒๕๖๗\n"
        "ระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ\nมติที่ประชุม รับทราบ\n",
        "utf-8",
    )
    document, report = import_file(source)
    meeting = document.meeting
    assert (meeting.title, meeting.seq, meeting.year) == ("การประชุมสภาเทศบาลตำบลนาดี", 2, 2567)
    assert not any("อาจไม่ได้นำเข้า" in note for _, note in report.notes)


def test_a_resolution_typed_as_a_sentence_closing_its_matter(tmp_path: Path) -> None:
    """Found by the twelfth review: `ที่ประชุมรับทราบ` and `ที่ประชุมมีมติเห็นชอบ …` closing an
    item stayed its text (no resolution: the resolutions' form left it out); a sentence that is
    not the last of its item stays text."""
    source = tmp_path / "sentences.txt"
    source.write_text(
        "รายงานการประชุมคณะกรรมการบริหารโรงพยาบาล ครั้งที่ ๙/๒๕๖๗\nวันอังคารที่ ๑๗ กันยายน ๒๕๖๗\n"
        "ระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ\n๑.๑ ผลการเยี่ยมสำรวจ HA\nสรพ. แจ้งผลการรับรองต่ออายุ ๓ ปี\n"
        "ที่ประชุมรับทราบ\n๑.๒ อัตราการติดเชื้อ\nที่ประชุมรับทราบ และมอบหมายให้ทีม IC ติดตามต่อไป ดังนี้\n"
        "ให้รายงานทุกเดือน\nระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา\n๒.๑ แนวทางการรายงานความเสี่ยง\n"
        "ที่ประชุมมีมติเห็นชอบ และให้เริ่มใช้ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗\n",
        "utf-8",
    )
    sections = import_file(source)[0].meeting.sections
    first, second = sections[0].items
    assert first.resolution == "รับทราบ" and [getattr(b, "text", "") for b in first.blocks] == [
        "สรพ. แจ้งผลการรับรองต่ออายุ ๓ ปี"
    ]
    assert not second.resolution  # `ที่ประชุมรับทราบ …` with more after it: text as typed
    assert sections[1].items[0].resolution == "เห็นชอบ และให้เริ่มใช้ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗"


@pytest.mark.parametrize(
    "line", ["วันที่ ๒๘ สิงหาคม พุทธศักราช ๒๕๖๗", "วันที่ ๒๘ เดือนสิงหาคม พุทธศักราช ๒๕๖๗", "วันที่ 28 สิงหาคม ค.ศ. 2024"]
)
def test_a_date_with_its_era_spelled_out(line: str) -> None:
    """Found by the twelfth review: `พุทธศักราช ๒๕๖๗` was no date (set to today, the venue line
    under it lost)."""
    assert recognize.date_in_text(line) == dt.date(2024, 8, 28)


def with_footnotes(path: Path, notes: list[tuple[str, str]]) -> None:
    """Footnotes added to a Word file as Word writes them: (the paragraph's text, the note)."""
    from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: PLC0415
    from docx.opc.packuri import PackURI  # noqa: PLC0415
    from docx.opc.part import Part  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    word = docx.Document(str(path))
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote>'
        for number, (_, note) in enumerate(notes, start=1)
    )
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    notes_xml = f"<w:footnotes {nsdecls('w')}>{body}</w:footnotes>"
    part = Part(PackURI("/word/footnotes.xml"), content_type, notes_xml.encode(), word.part.package)
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    for number, (text, _) in enumerate(notes, start=1):
        paragraph = next(p for p in word.paragraphs if p.text == text)
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{number}"/></w:r>'))
    word.save(str(path))


def test_a_footnote_on_the_date_line_or_the_signature_line_keeps_its_place(tmp_path: Path) -> None:
    """Found by the twelfth review: a footnote on the header's date line ended the header (the
    venue under it lost); one on the recorder's ลงชื่อ line became her position's first line."""
    path = word_of(
        tmp_path / "footnotes.docx",
        "รายงานการประชุมคณะกรรมการพนักงานเทศบาลจังหวัดลำพูน",
        "ครั้งที่ ๘/๒๕๖๗",
        "วันจันทร์ที่ ๒๖ สิงหาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.",
        "ณ ห้องประชุมศาลากลางจังหวัดลำพูน ชั้น ๓",
        ("ระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ", True),
        "มติที่ประชุม รับทราบ",
        "ปิดประชุมเวลา ๑๒.๐๐ น.",
        "ลงชื่อ นายสุรพล แก้วปัญญา ผู้จดรายงานการประชุม",
        "ท้องถิ่นจังหวัดลำพูน",
    )
    with_footnotes(
        path,
        [
            ("วันจันทร์ที่ ๒๖ สิงหาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.", "ประชุมตามหนังสือจังหวัดลำพูน ที่ ลพ ๐๐๒๓.๓/ว ๒๑๑๔"),
            ("ลงชื่อ นายสุรพล แก้วปัญญา ผู้จดรายงานการประชุม", "ปฏิบัติหน้าที่เลขานุการแทน"),
        ],
    )
    document = import_file(path)[0]
    meeting = document.meeting
    assert meeting.venue == "ห้องประชุมศาลากลางจังหวัดลำพูน ชั้น ๓" and meeting.start == dt.time(9, 30)
    assert meeting.recorder == Person("นายสุรพล แก้วปัญญา", "ท้องถิ่นจังหวัดลำพูน")
    kept = meeting_json(document)
    assert "ที่ ลพ ๐๐๒๓.๓/ว ๒๑๑๔" in kept and "ปฏิบัติหน้าที่เลขานุการแทน" in kept
