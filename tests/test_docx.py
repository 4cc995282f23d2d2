"""The DOCX minutes and cover letter, read back through python-docx and their XML."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from exporters.docx_export import write_letter_docx, write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT, Layout
from models.fileio import WriteError
from models.meeting import (
    Attachment,
    Attendee,
    AttendeeStatus,
    Column,
    ColumnKind,
    Item,
    Letter,
    Meeting,
    MeetingDocument,
    Office,
    Paragraph,
    Person,
    Section,
    Table,
)

THAI = re.compile("[\u0e00-\u0e7f]")


def small_meeting() -> MeetingDocument:
    """A purpose-made meeting: two presenters, nested items, one table, attachments, no guests."""
    budget = Table(
        columns=[
            Column("โครงการ"),
            Column("ได้รับ", kind=ColumnKind.MONEY),
            Column("ใช้ไป", kind=ColumnKind.MONEY),
            Column("ร้อยละ", kind=ColumnKind.PERCENT, formula="=C/B*100"),
        ],
        rows=[["อบรม", "1,000", "250", ""], ["ศึกษาดูงาน", "3,000", "-", ""]],
        total_label="รวม",
    )
    items = [
        Item(
            "งบประมาณ",
            "นางสาวสมใจ ใจดี นักวิชาการ",
            [Paragraph("ใช้ไป **๒๕๐ บาท** แล้ว"), budget, Attachment("สรุปงบประมาณ")],
        ),
        Item("การอบรม", "นางสาวสมใจ ใจดี นักวิชาการ", [Attachment("กำหนดการอบรม")], "รับทราบ", [Item("รุ่นที่ 1")]),
        Item("เรื่องอื่น", "นายมานะ ขยัน", [Paragraph("ไม่มี", indent=False)]),
    ]
    meeting = Meeting(
        title="การประชุมประจำเดือนสำนักงานทดสอบ",
        seq=3,
        year=2567,
        date=dt.date(2024, 3, 27),
        start=dt.time(13, 30),
        end=dt.time(15, 0),
        venue="ห้องประชุม ๑",
        attendees=[
            Attendee("สมใจ", AttendeeStatus.PRESENT, "นางสาว", "ใจดี", "นักวิชาการ"),
            Attendee("มานะ", AttendeeStatus.PRESENT, "นาย", "ขยัน", "เจ้าพนักงาน", "แทน หัวหน้างาน"),
            Attendee("ปิติ", AttendeeStatus.ABSENT, "นาย", "ยินดี", "พนักงาน", "ลาป่วย"),
        ],
        sections=[Section("เรื่องที่ประธานแจ้ง", items=items), Section("เรื่องอื่น ๆ", resolution="รับทราบ")],
        recorder=Person("นางสาวสมใจ ใจดี", "นักวิชาการ"),
    )
    office = Office("สำนักงานทดสอบ", ["ถนนทดสอบ"], "ทส 0001", "ฝ่ายบริหาร", "0 2000 0000")
    return MeetingDocument(
        meeting, office, Letter(number="ทส 0001/ว 12", date=dt.date(2024, 4, 2), to="ทุกฝ่าย")
    )


def build(
    tmp_path: Path, document: MeetingDocument, which: str = "minutes", layout: Layout = DEFAULT_LAYOUT
) -> Document:
    target = tmp_path / f"{which}.docx"
    writer = write_minutes_docx if which == "minutes" else write_letter_docx
    writer(document, target, layout)
    return docx.Document(str(target))


def all_paragraphs(doc: Document) -> Iterator[Any]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def seen(text: str) -> str:
    """Text as a reader sees it: the no-break spaces that keep `ครั้งที่ ๘` together are spaces
    (tests/test_docx_nobreak.py checks where they are)."""
    return text.replace("\u00a0", " ")


def text_of(doc: Document) -> str:
    return "\n".join(seen(p.text) for p in all_paragraphs(doc))


def paragraph_with(doc: Document, words: str) -> Any:
    return next(p for p in doc.paragraphs if words in seen(p.text))


@pytest.mark.parametrize("which", ["minutes", "letter"])
def test_every_thai_run_is_marked_thai_in_the_font(tmp_path: Path, demo: MeetingDocument, which: str) -> None:
    doc = build(tmp_path, demo, which, DEFAULT_LAYOUT.with_font("TH SarabunIT๙"))
    runs = [run for p in all_paragraphs(doc) for run in p.runs if THAI.search(run.text)]
    assert len(runs) > 20
    for run in runs:
        rpr = run._r.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "TH SarabunIT๙"
        }
        assert not any(
            fonts.get(qn(f"w:{theme}")) for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
        )
        assert rpr.find(qn("w:szCs")).get(qn("w:val")) == rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
        assert rpr.find(qn("w:cs")) is not None
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
        if rpr.find(qn("w:b")) is not None:
            assert rpr.find(qn("w:bCs")) is not None


def test_defaults_and_styles_carry_the_font_with_no_theme_fonts(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    build(tmp_path, demo)
    with zipfile.ZipFile(tmp_path / "minutes.docx") as package:
        styles = package.read("word/styles.xml").decode()
        document = package.read("word/document.xml").decode()
    theme_fonts = re.compile(r"w:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=")
    assert not theme_fonts.search(styles)
    assert not theme_fonts.search(document)
    assert 'w:cs="TH Sarabun New"' in styles
    assert styles.count("<w:rFonts") == styles.count('w:cs="TH Sarabun New"')
    assert "\u200b" not in document


def test_body_paragraphs_are_thai_distributed_with_the_first_line_indent(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    doc = build(tmp_path, demo)
    paragraph = paragraph_with(doc, "กรมการพัฒนาชุมชนได้กำหนดทิศทาง")
    assert paragraph._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "thaiDistribute"
    assert paragraph.paragraph_format.first_line_indent == pytest.approx(Cm(2.5), abs=Cm(0.01))


def test_page_setup_and_page_numbers_from_page_two(tmp_path: Path, demo: MeetingDocument) -> None:
    doc = build(tmp_path, demo)
    section = doc.sections[0]
    measured = (
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    )
    expected = (Cm(21), Cm(29.7), Cm(3), Cm(2), Cm(2.5), Cm(2))
    assert measured == pytest.approx(expected, abs=Cm(0.01))
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header = section.header.paragraphs[0]._p
    assert "PAGE" in "".join(header.itertext())
    assert " ".join(header.xpath("string(.)").replace("PAGE", "").split()) == "- ๒ -"
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) == "thaiNumbers"


def test_the_heading_block_in_thai_digits(tmp_path: Path, demo: MeetingDocument) -> None:
    doc = build(tmp_path, demo)
    lines = [seen(p.text) for p in doc.paragraphs[:6]]
    assert lines == [
        "รายงานการประชุมประจำเดือนข้าราชการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดพะเยา",
        "ประจำเดือน ตุลาคม ๒๕๖๗",
        "ครั้งที่ ๑๐/๒๕๖๗",
        "วันอังคารที่ ๒๙ ตุลาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.",
        "ณ ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดพะเยา ชั้น ๒ ศาลากลางจังหวัดพะเยา",
        "",
    ]
    assert all(run.bold for p in doc.paragraphs[:5] for run in p.runs if run.text)


def test_no_arabic_digits_outside_latin_words(tmp_path: Path, demo: MeetingDocument) -> None:
    for which in ("minutes", "letter"):
        text = text_of(build(tmp_path, demo, which))
        without_latin = re.sub(r"\S*[A-Za-z@]\S*", "", text)
        assert not re.search("[0-9]", without_latin), which


def test_arabic_digits_when_the_setting_says_so(tmp_path: Path) -> None:
    doc = build(tmp_path, small_meeting(), layout=Layout(thai_digits=False))
    assert "ครั้งที่ 3/2567" in text_of(doc)
    assert "1.1 งบประมาณ" in text_of(doc)


def test_items_numbered_and_presenter_lines_counted(tmp_path: Path) -> None:
    text = text_of(build(tmp_path, small_meeting()))
    assert "ระเบียบวาระที่ ๑\tเรื่องที่ประธานแจ้ง" in text
    assert "นางสาวสมใจ ใจดี นักวิชาการ แจ้งให้ที่ประชุมทราบ จำนวน ๒ เรื่อง ดังนี้" in text
    assert "นายมานะ ขยัน แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้" in text
    order = [text.index(words) for words in ("๑.๑ งบประมาณ", "๑.๒ การอบรม", "(๑) รุ่นที่ ๑", "๑.๓ เรื่องอื่น")]
    assert order == sorted(order)
    assert "เริ่มประชุมเวลา ๑๓.๓๐ น." in text and "เลิกประชุมเวลา ๑๕.๐๐ น." in text


def test_attachments_are_numbered_in_order(tmp_path: Path) -> None:
    text = text_of(build(tmp_path, small_meeting()))
    assert "รายละเอียดตามสรุปงบประมาณ (เอกสารแนบ ๑)" in text
    assert "รายละเอียดตามกำหนดการอบรม (เอกสารแนบ ๒)" in text


def test_inline_bold_and_resolutions(tmp_path: Path) -> None:
    doc = build(tmp_path, small_meeting())
    paragraph = paragraph_with(doc, "ใช้ไป")
    assert [(run.text, bool(run.bold)) for run in paragraph.runs] == [
        ("ใช้ไป ", False),
        ("๒๕๐ บาท", True),
        (" แล้ว", False),
    ]
    resolution = paragraph_with(doc, "มติที่ประชุม")
    assert resolution.runs[0].bold and resolution.text == "มติที่ประชุม\tรับทราบ"


def test_roster_lists_present_absent_with_reason_and_omits_empty_groups(tmp_path: Path) -> None:
    doc = build(tmp_path, small_meeting())
    headings = [p.text for p in doc.paragraphs if p.text in ("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม")]
    assert headings == ["ผู้มาประชุม", "ผู้ไม่มาประชุม"]
    present, absent = doc.tables[0], doc.tables[1]
    # a substitute in the regulation's words (ลงว่ามาประชุมแทนผู้ใดหรือตำแหน่งใด)
    assert [c.text for c in present.rows[1].cells] == [
        "๒.",
        "นายมานะ",
        "ขยัน",
        "เจ้าพนักงาน มาประชุมแทน หัวหน้างาน",
    ]
    assert [c.text for c in absent.rows[0].cells] == ["๑.", "นายปิติ", "ยินดี", "พนักงาน", "ลาป่วย"]
    assert present._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"


def test_present_heading_with_count_as_a_setting(tmp_path: Path) -> None:
    layout = Layout(present_heading="ผู้เข้าร่วมประชุม", present_count=True)
    assert "ผู้เข้าร่วมประชุม จำนวน ๒ คน" in text_of(build(tmp_path, small_meeting(), layout=layout))


def test_table_totals_formulas_and_alignment(tmp_path: Path) -> None:
    doc = build(tmp_path, small_meeting())
    table = doc.tables[2]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["โครงการ", "ได้รับ", "ใช้ไป", "ร้อยละ"]
    assert rows[1] == ["อบรม", "๑,๐๐๐", "๒๕๐", "๒๕.๐๐"]
    assert rows[2] == ["ศึกษาดูงาน", "๓,๐๐๐", "-", "-"]
    assert rows[3] == ["รวม", "๔,๐๐๐", "๒๕๐", "๖.๒๕"]
    figure = table.rows[1].cells[1].paragraphs[0]
    assert figure._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"
    assert all(run.bold for cell in table.rows[3].cells for run in cell.paragraphs[0].runs)


def test_demo_table_with_groups_repeats_its_header_and_keeps_rows_whole(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    doc = build(tmp_path, demo)
    table = next(t for t in doc.tables if "อำเภอ" in t.rows[0].cells[1].text)
    top = table.rows[0]._tr
    spans = [span.get(qn("w:val")) for span in top.iter(qn("w:gridSpan"))]
    assert spans == ["2", "2"]
    header_rows = [row for row in table.rows if row._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(header_rows) == 2
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    total = [cell.text for cell in table.rows[-1].cells]
    assert total[0] == "รวม" and total[2:] == ["๑๐๔,๗๐๐", "๑๐๔,๖๒๐", "๘๓๔", "๘๓๑"]
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == pytest.approx(Cm(16).twips, abs=len(widths))


def test_signature_block_for_recorder_and_checker(tmp_path: Path, demo: MeetingDocument) -> None:
    text = text_of(build(tmp_path, demo))
    assert re.search(r"\(ลงชื่อ\) \.{8,} ผู้จดรายงานการประชุม\n\(นางบุษบา ยอดดี\)\nเจ้าพนักงานธุรการชำนาญงาน", text)
    assert re.search(r"\(ลงชื่อ\) \.{8,} ผู้ตรวจรายงานการประชุม\n\(นายสมชาย ใจกว้าง\)", text)


def png(height: int = 300) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (height * 9 // 10, height), "black").save(buffer, format="PNG")
    return buffer.getvalue()


def test_letter_parts_in_order_with_the_default_body(tmp_path: Path, demo: MeetingDocument) -> None:
    doc = build(tmp_path, demo, "letter")
    head = doc.tables[0].rows[0].cells
    assert head[0].text == "ที่ พย ๐๐๑๙.๑/ว"
    assert head[1].text.splitlines()[0] == "สำนักงานพัฒนาชุมชนจังหวัดพะเยา"
    text = text_of(doc)
    parts = [
        "๕ พฤศจิกายน ๒๕๖๗",
        "เรื่อง\tขอส่งรายงานการประชุม",
        "เรียน\tพัฒนาการอำเภอ ทุกอำเภอ",
        "สิ่งที่ส่งมาด้วย\tรายงานการประชุม จำนวน ๑ ชุด",
        "ตามที่ได้มีการประชุมประจำเดือน",
        "ภายในวันที่ ๑๕ พฤศจิกายน ๒๕๖๗",
        "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการ",
        "ขอแสดงความนับถือ",
        "(นายวีระพงษ์ คำแสน)",
        "บัญชีแจกจ่าย",
        "๙. พัฒนาการอำเภอภูกามยาว",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    date = paragraph_with(doc, "๕ พฤศจิกายน ๒๕๖๗")
    assert date.paragraph_format.left_indent == pytest.approx(Cm(8), abs=Cm(0.01))
    footer = "\n".join(p.text for p in doc.sections[0].first_page_footer.paragraphs)
    assert footer.splitlines()[:3] == ["กลุ่มงานอำนวยการ", "โทร. ๐ ๕๔๔๔ ๙๙๐๐", "โทรสาร ๐ ๕๔๔๔ ๙๙๐๑"]
    assert "demo-office@example.org" in footer and "เศรษฐกิจฐานรากมั่นคง" in footer


def test_letter_uses_the_clerks_body_and_numbers_several_enclosures(tmp_path: Path) -> None:
    document = small_meeting()
    assert document.letter is not None
    document.letter.body = ["ย่อหน้าของเจ้าหน้าที่", "จึงเรียนมาเพื่อโปรดทราบ"]
    document.letter.enclosures = ["รายงานการประชุม", "เอกสารแนบ"]
    text = text_of(build(tmp_path, document, "letter"))
    assert "ย่อหน้าของเจ้าหน้าที่" in text and "ตามที่ได้มี" not in text
    assert "สิ่งที่ส่งมาด้วย\t๑. รายงานการประชุม\n\t๒. เอกสารแนบ" in text


def test_letter_garuda_is_three_centimetres_high_the_office_s_own_or_the_standard(tmp_path: Path) -> None:
    from models.paths import STANDARD_GARUDA  # noqa: PLC0415

    document = small_meeting()
    assert document.office is not None
    for own in (None, png()):
        document.office.garuda = own
        letter = build(tmp_path, document, "letter")
        shapes = letter.inline_shapes
        assert len(shapes) == 1
        assert shapes[0].height == Cm(3)
        pictures = [
            part.blob for part in letter.part.package.parts if part.partname.startswith("/word/media/")
        ]
        assert pictures == [own or STANDARD_GARUDA.read_bytes()]


def test_font_option_names_the_font_everywhere(tmp_path: Path) -> None:
    build(tmp_path, small_meeting(), layout=DEFAULT_LAYOUT.with_font("TH SarabunPSK"))
    with zipfile.ZipFile(tmp_path / "minutes.docx") as package:
        xml = package.read("word/document.xml").decode() + package.read("word/styles.xml").decode()
    names = set(re.findall(r'<w:rFonts w:ascii="([^"]+)" w:hAnsi="\1" w:eastAsia="\1" w:cs="\1"/>', xml))
    assert xml.count("<w:rFonts") == len(re.findall(r"<w:rFonts [^>]*/>", xml))
    assert names == {"TH SarabunPSK"}


def test_an_unwritable_place_gets_a_thai_message_and_no_partial_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(WriteError, match=r"เขียน|โฟลเดอร์"):
        write_minutes_docx(small_meeting(), blocker / "minutes.docx", DEFAULT_LAYOUT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_failure_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")

    def broken_save(self: Document, stream: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Document, "save", broken_save)
    with pytest.raises(WriteError):
        write_minutes_docx(small_meeting(), target, DEFAULT_LAYOUT)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


def test_a_meeting_with_nothing_optional_still_exports(tmp_path: Path) -> None:
    bare = MeetingDocument(Meeting("การประชุม", 1, 2567, dt.date(2024, 1, 5)))
    assert "ครั้งที่ ๑/๒๕๖๗" in text_of(build(tmp_path, copy.deepcopy(bare)))
    assert "เรื่อง\tขอส่งรายงานการประชุม" in text_of(build(tmp_path, bare, "letter"))


def test_references_are_labelled_and_numbered(tmp_path: Path) -> None:
    document = small_meeting()
    assert document.letter is not None
    document.letter.references = ["หนังสือกรม ที่ มท 0401/ว 1", "หนังสือจังหวัด ที่ ทส 0001/ว 2"]
    text = text_of(build(tmp_path, document, "letter"))
    assert "อ้างถึง\t๑. หนังสือกรม ที่ มท ๐๔๐๑/ว ๑\n\t๒. หนังสือจังหวัด" in text
    assert text.index("เรียน") < text.index("อ้างถึง") < text.index("ตามที่ได้มี")


def test_demo_roster_has_all_three_groups_in_order(tmp_path: Path, demo: MeetingDocument) -> None:
    doc = build(tmp_path, demo)
    headings = [p.text for p in doc.paragraphs if p.text in ("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม")]
    assert headings == ["ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม"]
    assert [len(t.rows) for t in doc.tables[:3]] == [18, 1, 1]
    assert doc.tables[1].rows[0].cells[-1].text == "ไปราชการ"
