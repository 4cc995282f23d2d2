"""Damaged, extreme and hostile input in the models (issue 11, items 6, 8 and 9): costs bounded
by the input's length, text cleaned at the door, numbers and eras kept right. Every refusal is a
Thai message, never a traceback. The inputs are made here, not stored."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import time
from decimal import Decimal
from typing import Any

import pytest

from models import thai
from models.checks import Finding, Severity, check_document
from models.editing import MeetingEditor
from models.meeting import (
    Attendee,
    BulletList,
    Column,
    ColumnKind,
    Item,
    MeetingDocument,
    Paragraph,
    Person,
    Recipient,
    Table,
)
from models.meetingfile import (
    MAX_ITEM_DEPTH,
    MeetingFileError,
    document_from_dict,
    meeting_json,
    parse_meeting_json,
)
from models.paths import DEMO_MEETING
from models.series import next_meeting
from models.storage import Database
from models.tables import FormulaError, compute_table, parse_formula
from models.text import clean_text

# Generous for a loaded machine with two shared cores: the linear code takes a few hundredths of
# a second for all of it; the quadratic code it replaces took minutes.
BOUND_SECONDS = 2.0

LONG = 200_000
DIGIT_RUN = 20_000
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def demo_dict() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_MEETING.read_text("utf-8"))
    return data


def json_path(where: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where)


def set_in(data: dict[str, Any], where: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value


def problems_of(data: Any) -> list[str]:
    """The problems a refused file is reported with, as `path: message`."""
    with pytest.raises(MeetingFileError) as raised:
        document_from_dict(data, "bad.json")
    return [str(p) for p in raised.value.problems] or [raised.value.summary]


def errors(document: MeetingDocument) -> list[Finding]:
    return [f for f in check_document(document, spelling=False) if f.severity is Severity.ERROR]


def warnings(document: MeetingDocument) -> list[Finding]:
    return [f for f in check_document(document, spelling=False) if f.severity is Severity.WARNING]


# --- item 6: bounded costs --------------------------------------------------------------------

HOSTILE_PARAGRAPHS = [
    "1" * LONG,  # digits without a space
    "๑" * LONG,
    "a" * LONG,  # Latin without a space
    "ก" * LONG,  # Thai without a space
    ("ก" * 99 + ".") * (LONG // 100),
    "1" * DIGIT_RUN + " บาท",
    "1" * DIGIT_RUN + " " * DIGIT_RUN + "(",
    "1 (" + " " * DIGIT_RUN + "x",
    "1 (" + "บาท " * (DIGIT_RUN // 4),
    "1," * DIGIT_RUN,
    "1." * DIGIT_RUN,
    "จำนวน" + "๑" * DIGIT_RUN,
]


def test_document_digits_of_long_runs_without_spaces_is_quick_and_right() -> None:
    started = time.perf_counter()
    for text in HOSTILE_PARAGRAPHS:
        result = thai.document_digits(text)
        assert len(result) == len(text)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert thai.document_digits("1" * LONG) == "๑" * LONG
    assert thai.document_digits("a1" * 10) == "a1" * 10
    mixed = "ครั้งที่ 8/2566 ThaiQM2 www.cdd2.go.th ab@c3.com ๑2"
    assert thai.document_digits(mixed) == "ครั้งที่ ๘/๒๕๖๖ ThaiQM2 www.cdd2.go.th ab@c3.com ๑๒"


def test_checks_of_long_paragraphs_and_digit_runs_are_quick(demo: MeetingDocument) -> None:
    item = demo.meeting.sections[4].items[0]
    item.blocks.extend(Paragraph(text) for text in HOSTILE_PARAGRAPHS)
    item.blocks.append(Paragraph("เป็นเงิน ๗๘,๔๐๐ บาท (สามหมื่นแปดพันสี่ร้อยบาทถ้วน)"))
    table = Table([Column("จำนวน", kind=ColumnKind.NUMBER)], [["1" * DIGIT_RUN], ["ก" * LONG], ["๕"]], "รวม")
    item.blocks.append(table)
    started = time.perf_counter()
    found = errors(demo)
    assert time.perf_counter() - started < BOUND_SECONDS
    # the amount check still reads amounts after the long runs
    assert any("๗๘,๔๐๐" in f.message for f in found)


def test_the_amount_check_of_a_digit_run_is_quick(demo: MeetingDocument) -> None:
    demo.meeting.sections[4].items[0].resolution = "1" * DIGIT_RUN + " (หนึ่งบาท"
    started = time.perf_counter()
    check_document(demo, spelling=False)
    assert time.perf_counter() - started < BOUND_SECONDS


def test_the_next_meeting_read_from_long_text_is_quick(demo: MeetingDocument) -> None:
    texts = [" " * LONG, "วัน" * (LONG // 3), " ณ x" + " " * LONG + "y\n", " ณ" * (LONG // 2) + "\nx"]
    announced = "นัดประชุมวันพุธที่ 27 ธันวาคม 2566 เวลา 09.30 น. ณ ห้องประชุมอำเภอ\nโดยพร้อมเพรียงกัน"
    item = Item("การประชุมครั้งต่อไป", blocks=[*(Paragraph(t) for t in texts), Paragraph(announced)])
    demo.meeting.sections[0].items.insert(0, item)  # read before the demo's own
    started = time.perf_counter()
    following = next_meeting(demo)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert following.meeting.date == dt.date(2023, 12, 27)
    assert following.meeting.venue == "ห้องประชุมอำเภอ"


@pytest.mark.parametrize(
    ("where", "limit"),
    [
        (("meeting", "title"), 2000),
        (("meeting", "sections", 1, "title"), 2000),
        (("meeting", "sections", 1, "items", 0, "title"), 2000),
        (("meeting", "attendees", 0, "first"), 500),
        (("meeting", "attendees", 0, "last"), 500),
        (("letter", "subject"), 2000),
        (("letter", "recipients", 0, "name"), 500),
        (("office", "name"), 500),
    ],
)
def test_titles_and_names_have_a_length_limit_named_in_thai(where: tuple[str | int, ...], limit: int) -> None:
    data = demo_dict()
    set_in(data, where, "ก" * limit)
    document_from_dict(copy.deepcopy(data))  # at the limit: accepted
    set_in(data, where, "ก" * (limit + 1))
    assert problems_of(data) == [f"{json_path(where)}: ยาว {limit + 1:,} ตัวอักษร เกินกำหนด {limit:,} ตัวอักษร"]


def test_a_long_paragraph_is_accepted() -> None:
    data = demo_dict()
    data["meeting"]["sections"][1]["blocks"] = [{"type": "paragraph", "text": "ก" * 150_000}]
    document = document_from_dict(data)
    assert document.meeting.sections[1].blocks == [Paragraph("ก" * 150_000)]


# --- item 8: text cleaned at the door ---------------------------------------------------------


def test_clean_text_removes_what_xml_forbids_and_lone_surrogates() -> None:
    dirty = "ก\x00ข\x0bค\x0c\x1bง\x07\tจ\nฉ\r\ufffeช\uffff\ud800ซ\udfff"
    assert clean_text(dirty) == "กขคง\tจ\nฉ\rชซ"
    assert clean_text("\ud83d\ude00") == "😀"  # a pair as two code points is one character
    clean = "ข้อความปกติ\tมี\nบรรทัด"
    assert clean_text(clean) is clean


def dirty_file() -> bytes:
    """A meeting file as old systems and PDFs make them: control characters and a lone
    surrogate in escapes."""
    data = demo_dict()
    data["meeting"]["title"] = "การประชุม\x0cประจำเดือน\ud800"
    data["meeting"]["sections"][1]["blocks"] = [{"type": "paragraph", "text": "ย่อหน้า\x00ที่\x1bหนึ่ง\udc00"}]
    data["meeting"]["attendees"][0]["first"] = "สม\x07ชาย"
    return json.dumps(data, ensure_ascii=True).encode("ascii")  # `\ud800` stays an escape


def test_a_file_with_control_characters_and_lone_surrogates_imports_clean(database: Database) -> None:
    document = parse_meeting_json(dirty_file(), "dirty.json")
    assert document.meeting.title == "การประชุมประจำเดือน"
    assert document.meeting.sections[1].blocks == [Paragraph("ย่อหน้าที่หนึ่ง")]
    assert document.meeting.attendees[0].first == "สมชาย"
    meeting_id = database.add_document(document)  # a lone surrogate could not be stored
    stored = database.load_document(meeting_id)
    assert stored == document
    assert not FORBIDDEN.search(meeting_json(stored))


def test_an_unknown_field_with_terminal_escapes_is_named_without_them() -> None:
    data = demo_dict()
    data["meeting"]["\x1b[31mสี\x07"] = "x"
    (problem,) = problems_of(data)
    assert problem == "$.meeting: มีช่องที่ไม่รู้จัก: “[31mสี”"


def test_what_is_typed_or_pasted_is_stored_without_forbidden_characters(
    database: Database, demo: MeetingDocument
) -> None:
    editor = MeetingEditor(database, database.add_document(copy.deepcopy(demo)))
    meeting = editor.document.meeting
    dirty = "ก\x0cข\ud800"
    editor.set_meeting_field("title", "ชื่อ" + dirty)
    editor.set_meeting_field("recorder", Person("ผู้จด" + dirty, "ตำแหน่ง\x01"))
    editor.set_attendee_field(0, "first", "ชื่อ" + dirty)
    editor.insert_attendees(0, [Attendee("ใหม่" + dirty, last="สกุล\x1b")])
    section = meeting.sections[1]
    editor.set_node_field(section, "title", "วาระ" + dirty)
    item = Item("เรื่อง" + dirty, blocks=[Paragraph("ข้อความ\x00")], items=[Item("ย่อย\x0b")])
    editor.insert_node(section, 0, item)
    assert item.title == "เรื่องกข"  # the same object, cleaned: the views hold it
    paragraph = Paragraph("")
    editor.insert_block(section, 0, paragraph)
    editor.set_block_field(paragraph, "text", "ย่อหน้า" + dirty)
    editor.insert_block(section, 0, BulletList(["รายการ" + dirty]))
    table = Table([Column("คอลัมน์" + dirty)], [["ช่อง" + dirty]])
    editor.insert_block(section, 0, table)
    editor.set_cell(table, 0, 0, "แก้" + dirty)
    editor.insert_table_row(table, 1, ["แถว" + dirty])
    editor.set_table_rows(table, [["วาง" + dirty], ["วาง\x02"]])
    editor.set_table_shape(table, ([Column("หัว" + dirty), Column("สอง\x03")], [["ก" + dirty, "ข\x04"]]))
    editor.set_letter_field("subject", "เรื่อง" + dirty)
    editor.set_letter_field("body", ["ย่อหน้า" + dirty])
    editor.set_recipients([Recipient("ผู้รับ" + dirty, note="หมายเหตุ\x05")])
    change = editor.set_node_field(section, "resolution", "รับทราบ" + dirty)
    assert change.new == "รับทราบกข"

    stored = database.load_document(editor.meeting_id)
    assert stored == editor.document
    text = meeting_json(stored)
    assert not FORBIDDEN.search(text)
    for typed in ("ชื่อกข", "ผู้จดกข", "วาระกข", "ย่อหน้ากข", "รายการกข", "หัวกข", "ผู้รับกข", "รับทราบกข"):
        assert typed in text


def test_check_warns_about_forbidden_and_bidi_characters(demo: MeetingDocument) -> None:
    item = demo.meeting.sections[4].items[0]
    item.blocks.append(Paragraph("ข้อความจาก PDF\x0cหน้าใหม่"))  # stored before cleaning existed
    demo.meeting.attendees[1].first = "\u202eสมชาย"
    demo.meeting.title += "\u2066"
    found = warnings(demo)
    control = [f for f in found if "U+000C" in f.message]
    assert [f.where for f in control] == ["วาระ ๔.๑ ย่อหน้าที่ ๓"]
    assert control[0].node is item
    bidi = {f.where: f.message for f in found if "ทิศทาง" in f.message}
    assert set(bidi) == {"ข้อมูลการประชุม", "ผู้เข้าประชุมลำดับที่ ๒"}
    assert "U+202E" in bidi["ผู้เข้าประชุมลำดับที่ ๒"] and "U+2066" in bidi["ข้อมูลการประชุม"]


def test_the_demo_has_no_character_warnings(demo: MeetingDocument) -> None:
    assert not [f for f in warnings(demo) if "U+" in f.message]


# --- item 9: numbers --------------------------------------------------------------------------

THIRTY = "123456789012345678901234567890"


def test_figures_of_thirty_digits_are_computed_exactly() -> None:
    table = Table(
        [Column("รายการ"), Column("จำนวน", kind=ColumnKind.MONEY), Column("สองเท่า", formula="=B*2")],
        [["ก", THIRTY, ""], ["ข", "1", ""]],
        total_label="รวม",
    )
    computed = compute_table(table, thai_digits=False)
    assert computed.rows[0][1] == "123,456,789,012,345,678,901,234,567,890"
    assert computed.total_text == [
        "รวม",
        "123,456,789,012,345,678,901,234,567,891",
        "246,913,578,024,691,357,802,469,135,782",
    ]
    assert computed.problems == []


def test_a_typed_total_of_long_figures_is_checked_exactly(demo: MeetingDocument) -> None:
    table = Table(
        [Column("รายการ"), Column("จำนวน", kind=ColumnKind.MONEY)],
        [["ก", THIRTY], ["ข", "1"], ["รวม", THIRTY[:-1] + "1"]],
    )
    demo.meeting.sections[4].items[0].blocks.append(table)
    assert errors(demo) == []
    table.rows[2][1] = THIRTY
    (finding,) = errors(demo)
    assert "๑๒๓,๔๕๖,๗๘๙,๐๑๒,๓๔๕,๖๗๘,๙๐๑,๒๓๔,๕๖๗,๘๙๑" in finding.fix


def test_a_figure_too_long_to_compute_prints_as_typed_and_is_reported() -> None:
    long_figure = "9" * 100
    table = Table([Column("จำนวน", kind=ColumnKind.NUMBER)], [[long_figure], ["5"]], total_label="รวม")
    computed = compute_table(table)
    assert computed.rows[0] == ["๙" * 100]
    assert computed.total == [Decimal(5)]
    (problem,) = computed.problems
    assert problem.row == 0 and "ยาวเกิน ๖๐ หลัก" in problem.message
    assert len(problem.message) < 120


def test_long_amounts_in_words_are_exact(demo: MeetingDocument) -> None:
    assert thai.amount_in_words(Decimal("10000000000000000001.50")) == "สิบล้านล้านล้านเอ็ดบาทห้าสิบสตางค์"
    demo.meeting.sections[4].items[0].resolution = "อนุมัติ 10000000000000000001 บาท (สิบล้านล้านล้านเอ็ดบาทถ้วน)"
    assert errors(demo) == []


def test_formula_constants_of_thirty_digits_compute_and_longer_ones_are_refused() -> None:
    table = Table(
        [
            Column("จำนวน", kind=ColumnKind.NUMBER),
            Column("คูณ", kind=ColumnKind.NUMBER, formula="=A*" + THIRTY),
        ],
        [["2", ""]],
    )
    assert compute_table(table, thai_digits=False).rows[0][1] == "246,913,578,024,691,357,802,469,135,780"
    with pytest.raises(FormulaError, match="ยาวเกิน"):
        parse_formula("=A*" + "9" * 5000)


@pytest.mark.parametrize(
    "formula",
    [
        "=" + "(" * 400 + "B" + ")" * 400,
        "=" + "-" * 2000 + "B",
        "=" + "(" * 1000,
    ],
)
def test_deeply_nested_formulas_are_refused_in_thai(formula: str) -> None:
    with pytest.raises(FormulaError) as raised:
        parse_formula(formula)
    assert re.search("[ก-๙]", str(raised.value))


def test_a_long_flat_formula_evaluates() -> None:
    formula = parse_formula("=" + "B+" * 5000 + "B")
    assert formula.evaluate({1: Decimal(2)}) == Decimal(10002)


def test_a_formula_naming_a_very_long_column_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(FormulaError, match="ไม่มีในตาราง"):
        parse_formula("=" + "A" * LONG)
    assert time.perf_counter() - started < BOUND_SECONDS
    table = Table(
        [Column("ก", kind=ColumnKind.NUMBER), Column("ข", formula="=" + "A" * LONG + "+" + "(" * 500)]
    )
    (problem,) = compute_table(table).problems
    assert problem.row is None and len(problem.message) < 200


# --- item 9: the meeting file's integers, nesting and eras -----------------------------------


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("meeting", "seq"), 1.0, "จำนวนเต็ม"),
        (("meeting", "seq"), 0, "ไม่น้อยกว่า 1"),
        (("meeting", "seq"), 1000, "ไม่มากกว่า 999"),
        (("meeting", "seq"), 2**63, "ไม่มากกว่า 999"),
        (("meeting", "year"), 2566.0, "จำนวนเต็ม"),
        (("meeting", "year"), 2399, "ไม่น้อยกว่า 2400"),
        (("meeting", "year"), 2701, "ไม่มากกว่า 2700"),
        (("meeting", "sections", 1, "number"), 1.0, "จำนวนเต็ม"),
        (("meeting", "sections", 1, "number"), 1000, "ไม่มากกว่า 999"),
    ],
)
def test_integers_of_the_file_are_whole_and_bounded(
    path: tuple[str | int, ...], value: float, words: str
) -> None:
    data = demo_dict()
    set_in(data, path, value)
    (problem,) = problems_of(data)
    assert problem.startswith(f"{json_path(path)}: ") and words in problem


def test_a_huge_integer_literal_is_refused_in_thai() -> None:
    text = DEMO_MEETING.read_text("utf-8").replace('"seq": ', '"seq": ' + "9" * 5000 + ', "x": ', 1)
    with pytest.raises(MeetingFileError, match="ตัวเลข"):
        parse_meeting_json(text, "big.json")


def test_json_nested_500_levels_is_refused_before_python_recursion() -> None:
    raw = '{"format": "thai-minutes", "version": 1, "meeting": ' + "[" * 500 + "]" * 500 + "}"
    with pytest.raises(MeetingFileError, match="ซ้อนกันลึกเกิน"):
        parse_meeting_json(raw, "deep.json")
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(MeetingFileError, match="ซ้อนกันลึกเกิน"):
        document_from_dict({"format": "thai-minutes", "version": 1, "meeting": deep})


def test_broken_json_of_many_quotes_is_refused_quickly_in_thai() -> None:
    started = time.perf_counter()
    for raw in ('{"format": "' + '\\"' * LONG, '{"a": ' + '"[", ' * LONG, "[" * LONG):
        with pytest.raises(MeetingFileError) as raised:
            parse_meeting_json(raw, "broken.json")
        assert str(raised.value).startswith("broken.json ")
    assert time.perf_counter() - started < BOUND_SECONDS


def nested_items(levels: int, table: bool = True) -> dict[str, Any]:
    item: dict[str, Any] = {"title": "ล่างสุด"}
    if table:
        item["blocks"] = [{"type": "table", "columns": [{"title": "ก"}], "rows": [["๑"]]}]
    for _ in range(levels - 1):
        item = {"title": "เรื่อง", "items": [item]}
    return item


def test_items_nest_as_deep_as_the_format_allows_and_no_deeper() -> None:
    data = demo_dict()
    data["meeting"]["sections"][1]["items"] = [nested_items(MAX_ITEM_DEPTH)]
    document = parse_meeting_json(json.dumps(data))
    item = document.meeting.sections[1].items[0]
    for _ in range(MAX_ITEM_DEPTH - 1):
        item = item.items[0]
    assert item.title == "ล่างสุด"
    data["meeting"]["sections"][1]["items"] = [nested_items(MAX_ITEM_DEPTH + 1)]
    with pytest.raises(MeetingFileError, match="ซ้อนกันลึกเกิน"):
        parse_meeting_json(json.dumps(data))
    data["meeting"]["sections"][1]["items"] = [nested_items(MAX_ITEM_DEPTH + 1, table=False)]
    with pytest.raises(MeetingFileError) as raised:
        parse_meeting_json(json.dumps(data))
    (problem,) = raised.value.problems
    assert problem.path == "$.meeting.sections[1]" + ".items[0]" * (MAX_ITEM_DEPTH + 1)
    assert problem.message == f"เรื่องย่อยซ้อนกันเกิน {MAX_ITEM_DEPTH} ชั้น"


@pytest.mark.parametrize(("path", "key"), [("$.meeting.date", "meeting"), ("$.letter.date", "letter")])
def test_a_buddhist_year_in_an_iso_date_is_refused_saying_so(path: str, key: str) -> None:
    data = demo_dict()
    data[key]["date"] = "2565-08-01"
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}: ")
    assert "พุทธศักราช" in problem and '"2022-08-01"' in problem


def test_a_date_out_of_any_meetings_range_is_refused() -> None:
    data = demo_dict()
    data["meeting"]["date"] = "0001-01-01"
    (problem,) = problems_of(data)
    assert problem.startswith("$.meeting.date: ") and "1857" in problem


def test_check_flags_a_year_that_disagrees_with_the_date(demo: MeetingDocument) -> None:
    demo.meeting.year, demo.meeting.date = 2566, dt.date(2022, 8, 1)
    (finding,) = [f for f in errors(demo) if f.where == "ข้อมูลการประชุม"]
    assert "๒๕๖๖" in finding.message and "๒๕๖๕" in finding.fix


def test_check_accepts_the_fiscal_year_from_october(demo: MeetingDocument) -> None:
    demo.meeting.year, demo.meeting.date = 2566, dt.date(2022, 10, 20)
    assert not [f for f in errors(demo) if f.where == "ข้อมูลการประชุม"]
