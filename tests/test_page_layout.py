"""The page a clerk expects: TH Sarabun New's size and line pitch, words never cut, the rule,
signatures, tables and the letter's blocks where the official layout puts them."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from reportlab.lib.units import cm

from exporters.compose import Align, Grid, Para, Span, compose_letter, compose_minutes, table_grid
from exporters.docx_export import write_minutes_docx
from exporters.fonts import FONT_FOLDER, find_system_font, measure_at, pdf_fonts
from exporters.layout import DEFAULT_LAYOUT, Layout
from exporters.pdf_export import write_letter_pdf, write_minutes_pdf
from exporters.pdf_text import align_line, break_lines, line_gaps, line_right
from models import thai
from models.meeting import (
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

SIZE = DEFAULT_LAYOUT.font_size_pt
FONTS = pdf_fonts(DEFAULT_LAYOUT.font_name)
MEASURE = measure_at(SIZE, DEFAULT_LAYOUT.font_name)


def test_th_sarabun_new_is_bundled_with_its_licence_beside_it() -> None:
    assert (FONT_FOLDER / "THSarabunNew.ttf").is_file() and (FONT_FOLDER / "THSarabunNew-Bold.ttf").is_file()
    licence = (FONT_FOLDER / "THSarabunNew-LICENSE.txt").read_text(encoding="utf-8")
    assert "GNU General Public License" in licence and "special exception" in licence
    assert (FONT_FOLDER / "GPL-2.txt").is_file()


def test_ko_kai_measures_as_in_th_sarabun_new_not_as_in_sarabun() -> None:
    """ก is 0.386 em wide in TH Sarabun New (0.576 em in Google's Sarabun)."""
    assert MEASURE("ก", False) * 72 / 2.54 == pytest.approx(0.386 * SIZE, abs=0.01)
    assert measure_at(SIZE, "Sarabun")("ก", False) * 72 / 2.54 == pytest.approx(0.576 * SIZE, abs=0.01)


def test_an_installed_font_is_found_by_the_family_name_inside_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`THSarabun.ttf` is TH SarabunPSK: the file name says nothing of the family."""
    fonts = tmp_path / ".fonts"
    fonts.mkdir()
    shutil.copy(FONT_FOLDER / "THSarabunNew.ttf", fonts / "tsn.ttf")
    shutil.copy(FONT_FOLDER / "THSarabunNew-Bold.ttf", fonts / "tsn-b.ttf")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert find_system_font("TH Sarabun New") == (fonts / "tsn.ttf", fonts / "tsn-b.ttf")
    assert find_system_font("TH SarabunPSK") is None


def test_the_font_index_follows_files_that_change_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed fonts are remembered between exports; a font replaced by another under the same
    name is read again, and a damaged index is rebuilt, never trusted."""
    fonts = tmp_path / ".fonts"
    fonts.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    shutil.copy(FONT_FOLDER / "THSarabunNew.ttf", fonts / "thai.ttf")
    assert find_system_font("TH Sarabun New") == (fonts / "thai.ttf", fonts / "thai.ttf")
    index = Path(os.environ["THAI_MINUTES_CACHE"]) / "fonts.json"  # tests/conftest.py
    assert str(fonts / "thai.ttf") in index.read_text("utf-8")

    shutil.copy(FONT_FOLDER / "Sarabun-Regular.ttf", fonts / "thai.ttf")  # same name, new font
    assert find_system_font("TH Sarabun New") is None
    assert find_system_font("Sarabun") == (fonts / "thai.ttf", fonts / "thai.ttf")

    index.write_text('{"version": 1, "fonts": {"' + str(fonts / "thai.ttf") + '": [1, 2, 3]}', "utf-8")
    assert find_system_font("Sarabun") == (fonts / "thai.ttf", fonts / "thai.ttf")
    index.write_text("not json", "utf-8")
    assert find_system_font("Sarabun") == (fonts / "thai.ttf", fonts / "thai.ttf")


def test_line_pitch_is_words_single_spacing_for_the_font() -> None:
    """Word sets a single-spaced line at usWinAscent + usWinDescent plus GDI's external leading:
    (844 + 457 + 30) / 1000 em for TH Sarabun New; Sarabun asks for its typographic metrics
    (USE_TYPO_METRICS): (1068 + 232 + 0) / 1000 em, not its far taller win metrics."""
    assert FONTS.leading(16) == pytest.approx(16 * 1.331)
    assert pdf_fonts("Sarabun").leading(16) == pytest.approx(16 * 1.3)


def small_meeting(blocks: list[Paragraph | Table], **extra: object) -> MeetingDocument:
    meeting = Meeting(
        "การประชุมประจำเดือน",
        1,
        2567,
        dt.date(2024, 1, 5),
        sections=[Section("เรื่องที่ประธานแจ้งให้ทราบ", items=[Item("เรื่องทดสอบ", blocks=list(blocks))])],
        **extra,  # type: ignore[arg-type]
    )
    return MeetingDocument(meeting)


def test_the_pdf_sets_lines_at_that_pitch(tmp_path: Path) -> None:
    text = "กรมการพัฒนาชุมชนได้กำหนดทิศทางการขับเคลื่อนงานในปีงบประมาณ " * 8
    target = tmp_path / "m.pdf"
    write_minutes_pdf(small_meeting([Paragraph(text)]), target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as pdf:
        baselines = sorted({round(char["bottom"], 1) for char in pdf.pages[0].chars if char["text"] == "ก"})
    steps = [round(b - a, 1) for a, b in itertools.pairwise(baselines)]
    assert steps.count(round(FONTS.leading(16), 1)) >= 3


# --- breaking lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["พ.ศ. ๒๕๖๕", "ครั้งที่ ๘/๒๕๖๖", "๑๖-๑๘ สิงหาคม", "๑๓.๓๐ น.", "-๔๕", "+๑๒.๕"])
def test_phrases_that_must_stay_whole_are_one_piece(phrase: str) -> None:
    assert phrase in thai.segment(f"รายงาน {phrase} ที่ประชุม")


def test_no_piece_ends_with_a_leading_vowel_or_starts_with_a_mark() -> None:
    text = "ผลการดำเนินงานโครงการเศรษฐกิจพอเพียงของแม่บ้านเกษตรกรและไก่ไข่ในหมู่บ้านเก่าแก่ " * 3
    for piece in thai.segment(text):
        assert piece[-1] not in "เแโใไ" and piece[0] not in "ะัาำิีึืุู็่้๊๋์ๆฯ"


def test_a_word_wider_than_its_column_breaks_between_its_syllables() -> None:
    """`ผลการดำเนินงาน` in a column 1.2 cm wide, not `ผลการดำเ|นินงาน`."""
    word = "ผลการดำเนินงาน"
    lines = break_lines(Para((Span(word),)), 1.2 * cm, FONTS, SIZE)
    assert len(lines) > 1
    parts = thai.word_parts(word)
    ends = set(itertools.accumulate(len(part) for part in parts))
    printed = list(itertools.accumulate(len(line.source) for line in lines))
    assert "".join(line.source for line in lines) == word
    assert all(end in ends for end in printed)


def test_lines_never_end_with_a_leading_vowel_nor_start_with_a_mark_at_any_width() -> None:
    text = "สมเด็จพระบรมราชชนนีพันปีหลวงทรงเสด็จเยี่ยมโครงการส่งเสริมอาชีพไก่ไข่และเห็ดเผาะ " * 4
    for width in (1.0, 1.6, 2.3, 3.7, 6.1, 9.4):
        for line in break_lines(Para((Span(text),)), width * cm, FONTS, SIZE):
            assert line.source and line.source[-1] not in "เแโใไ" and line.source[0] not in "ะาำิีึืุู็่้๊๋์ๆฯ"


def test_a_tables_heading_words_fit_their_column_before_any_font_is_shrunk() -> None:
    """`หมายเหตุ` and `อันดับ` were cut letter by letter in a wide table."""
    columns = [
        Column("อันดับ"),
        Column("อำเภอ"),
        *[Column(f"ปี {year}", kind=ColumnKind.NUMBER) for year in range(2561, 2567)],
        Column("หมายเหตุ"),
    ]
    rows = [["1", "เมืองลำปาง", *["12,345" for _ in range(6)], ""] for _ in range(3)]
    grid = table_grid(Table(columns, rows), DEFAULT_LAYOUT, MEASURE)
    assert grid.size_pt is None
    padding = 2 * DEFAULT_LAYOUT.table_cell_padding_cm
    assert grid.widths_cm[0] >= MEASURE("อันดับ", True) + padding
    assert grid.widths_cm[-1] >= MEASURE("หมายเหตุ", True) + padding


# --- rule, signatures, tables across pages, the letter -------------------------------------------


def test_the_rule_under_the_heading_is_centred(tmp_path: Path) -> None:
    target = tmp_path / "m.pdf"
    write_minutes_pdf(small_meeting([Paragraph("เนื้อความ")]), target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as pdf:
        rules = [line for line in pdf.pages[0].lines if abs(line["top"] - line["bottom"]) < 1]
    assert rules
    centre = (DEFAULT_LAYOUT.margin_left_cm + DEFAULT_LAYOUT.text_width_cm / 2) * cm
    assert (rules[0]["x0"] + rules[0]["x1"]) / 2 == pytest.approx(centre, abs=1)


@pytest.mark.parametrize("font", ["TH Sarabun New", "Sarabun"])
def test_signature_leaders_are_equal_and_at_least_six_centimetres(font: str) -> None:
    layout = DEFAULT_LAYOUT.with_font(font)
    measure = measure_at(SIZE, font)
    document = small_meeting(
        [Paragraph("เนื้อความ")],
        recorder=Person("นางบุษบา ยอดดี", "เจ้าพนักงานธุรการชำนาญงาน"),
        checker=Person("นายสมชาย ใจกว้าง", "หัวหน้ากลุ่มงานอำนวยการ"),
    )
    body = compose_minutes(document, layout, measure).body
    leaders = [e.text for e in body if isinstance(e, Para) and e.text.startswith("(ลงชื่อ)")]
    assert len(leaders) == 2
    dots = [text.split()[1] for text in leaders]
    assert dots[0] == dots[1] and set(dots[0]) == {"."}
    assert measure(dots[0], False) >= 6.0
    for element in body:
        if isinstance(element, Para) and element.text.startswith("(ลงชื่อ)"):
            room = layout.text_width_cm - element.left_indent_cm
            assert measure(element.text, False) <= room  # one line


def test_no_page_holds_only_a_repeated_header_and_the_total(tmp_path: Path) -> None:
    layout = Layout(thai_digits=False)
    columns = [Column("Row"), Column("Figure", kind=ColumnKind.NUMBER)]
    for count in range(18, 28):
        rows = [[f"R{n}", str(n)] for n in range(count)]
        table = Table(columns, rows, total_label="TOTAL")
        target = tmp_path / f"m{count}.pdf"
        write_minutes_pdf(small_meeting([table]), target, layout)
        with pdfplumber.open(target) as pdf:
            for page in pdf.pages:
                words = {word["text"] for word in page.extract_words()}
                if "TOTAL" in words:
                    assert any(word.startswith("R") and word[1:].isdigit() for word in words), count


def test_the_letters_office_block_starts_right_of_centre() -> None:
    office = Office(
        "สำนักงานพัฒนาชุมชนจังหวัดพระนครศรีอยุธยา กรมการพัฒนาชุมชน กระทรวงมหาดไทย",
        address=["ศาลากลางจังหวัดพระนครศรีอยุธยา ถนนโรจนะ ตำบลประตูชัย"],
    )
    document = small_meeting([Paragraph("เนื้อความ")])
    document = MeetingDocument(document.meeting, office=office)
    (letterhead,) = [e for e in compose_letter(document, DEFAULT_LAYOUT).body if isinstance(e, Grid)]
    assert letterhead.widths_cm[0] > DEFAULT_LAYOUT.text_width_cm / 2


def test_in_the_docx_the_last_row_keeps_with_the_total_and_a_sub_heading_with_its_row(tmp_path: Path) -> None:
    columns = [Column("อำเภอ"), Column("จำนวน", kind=ColumnKind.NUMBER)]
    rows = [["ภาคเหนือ", ""], ["ลำปาง", "3"], ["ลำพูน", "4"], ["แพร่", "5"]]
    target = tmp_path / "m.docx"
    write_minutes_docx(small_meeting([Table(columns, rows, total_label="รวม")]), target, DEFAULT_LAYOUT)
    (table,) = docx.Document(str(target)).tables

    def keeps(row: Any) -> bool:
        return all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)

    # header, sub-heading, three rows, total
    assert [keeps(row) for row in table.rows] == [False, True, False, False, True, False]


@pytest.mark.parametrize("phrase", ["๕ %", "พ.ศ. ๒๕๖๖)(๕๓๑,๖๐๓"])
def test_a_percent_sign_or_a_bracketed_year_never_parts_from_its_number(phrase: str) -> None:
    assert phrase in thai.segment(f"ไม่น้อยกว่า {phrase} ของจำนวน")


@pytest.mark.parametrize("word", ["หลักสูตร", "เป้าหมาย", "ความจำเป็น", "เจ้าหน้าที่", "ประชุม"])
def test_one_word_is_no_compound_to_break(word: str) -> None:
    assert thai.compound_parts(word) == (word,)


def test_the_three_attendee_lists_share_their_name_columns() -> None:
    attendees = [
        Attendee("สมชาย", prefix="นาย", last="ใจดี", position="ผู้อำนวยการ"),
        Attendee(
            "วรรณวิภาพรรณ",
            AttendeeStatus.ABSENT,
            prefix="นางสาว",
            last="ศรีสุวรรณรัตนกุล",
            position="นักวิชาการ",
            note="ไปราชการ",
        ),
        Attendee("ก้อง", AttendeeStatus.GUEST, prefix="นาย", last="ดี", position="ผู้แทนธนาคาร"),
    ]
    document = small_meeting([Paragraph("เนื้อความ")], attendees=attendees)
    grids = [e for e in compose_minutes(document, DEFAULT_LAYOUT).body if isinstance(e, Grid)]
    assert len(grids) == 3
    assert grids[0].widths_cm[:3] == grids[1].widths_cm[:3] == grids[2].widths_cm[:3]
    assert grids[0].widths_cm[1] >= MEASURE("นางสาววรรณวิภาพรรณ", False)


def test_the_end_of_the_meeting_keeps_with_the_signatures() -> None:
    document = small_meeting(
        [Paragraph("เนื้อความ")], end=dt.time(16, 30), recorder=Person("นางบุษบา ยอดดี", "เจ้าพนักงาน")
    )
    (end,) = [
        e for e in compose_minutes(document, DEFAULT_LAYOUT).body if isinstance(e, Para) and e.role == "end"
    ]
    assert end.keep_with_next


def test_the_letters_footer_stands_in_the_bottom_margin_as_in_word(tmp_path: Path) -> None:
    """The contact lines end on the footer distance (1 cm), so the body keeps its room."""
    office = Office("สำนักงานพัฒนาชุมชนจังหวัดพะเยา", unit="กลุ่มงานอำนวยการ", phone="๐ ๕๔๔๔ ๙๙๐๐")
    document = MeetingDocument(small_meeting([Paragraph("เนื้อความ")]).meeting, office=office)
    target = tmp_path / "l.pdf"
    write_letter_pdf(document, target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        lowest = max(char["bottom"] for char in page.chars)
    foot = (DEFAULT_LAYOUT.page_height_cm - DEFAULT_LAYOUT.footer_distance_cm) * cm
    assert foot - 1.5 * FONTS.leading(SIZE) < lowest <= foot


def test_the_rosters_numbers_start_at_the_margin(tmp_path: Path) -> None:
    """A borderless list's first column has no inner padding: `๑.` stands on the margin, as
    the headings do (it stood a millimetre in)."""
    attendees = [Attendee(name, prefix="นาย", last="ใจดี", position="นักวิชาการ") for name in ("ก้อง", "เก่ง")]
    target = tmp_path / "m.pdf"
    write_minutes_pdf(small_meeting([Paragraph("เนื้อความ")], attendees=attendees), target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as pdf:
        numbers = [w for w in pdf.pages[0].extract_words() if w["text"] in ("๑.", "๒.")]
    assert len(numbers) == 2
    assert all(w["x0"] == pytest.approx(DEFAULT_LAYOUT.margin_left_cm * cm, abs=0.5) for w in numbers)


def test_a_compound_wider_than_its_column_breaks_between_its_words_first() -> None:
    """`สำนักงานพัฒนาชุมชน` in a narrow cell: `สำนักงาน|พัฒนา|ชุมชน`, not between syllables."""
    word = "สำนักงานพัฒนาชุมชน"
    lines = break_lines(Para((Span(word),)), MEASURE("สำนักงาน", False) * cm + 2, FONTS, SIZE)
    assert [line.source for line in lines] == ["สำนักงาน", "พัฒนา", "ชุมชน"]


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ", "ชำนาญการพิเศษ"),
        ("เจ้าพนักงานธุรการชำนาญงาน", "ชำนาญงาน"),
        ("คำขอโครงการพัฒนา", "โครงการ"),
        ("ตามตัวชี้วัดที่ ๖", "ตัวชี้วัด"),
        ("รายละเอียดตามนี้ (เอกสารแนบ ๖)", "(เอกสารแนบ ๖)"),
    ],
)
def test_words_of_official_writing_the_dictionary_cuts_stay_whole(text: str, whole: str) -> None:
    assert whole in thai.segment(text)


def test_a_justified_line_that_would_gape_between_letters_stays_left_aligned() -> None:
    """With no space to widen and a long word pushed to the next line, spreading the slack
    would open visible gaps between letters: the line stays as set (LAYOUT.md: "without visible
    gaps, else left-aligned")."""
    text = "ขอให้พัฒนาการอำเภอกำกับติดตามการรายงานผลการดำเนินงานเศรษฐกิจพอเพียงอย่างต่อเนื่อง"
    for width in (3.0, 4.5, 6.0):
        lines = break_lines(Para((Span(text),), Align.JUSTIFY), width * cm, FONTS, SIZE)
        natural = [line.used for line in lines]
        for line, used in zip(lines[:-1], natural, strict=False):
            align_line(line, Align.JUSTIFY, SIZE, FONTS)
            gaps = [gap.width for gap in line_gaps(line, FONTS, SIZE) if not gap.is_space]
            stretched = line_right(line, FONTS, SIZE) > used + 0.01
            assert not stretched or max(gaps, default=0.0) <= 0.08 * SIZE + 1e-6


@pytest.mark.parametrize("font", ["TH Sarabun New", "Sarabun"])
def test_the_signers_name_is_centred_under_the_closing(font: str) -> None:
    layout = DEFAULT_LAYOUT.with_font(font)
    measure = measure_at(SIZE, font)
    letter = Letter(signer=Person("นายวีระพงษ์ คำแสน", "พัฒนาการจังหวัดพะเยา"))
    document = MeetingDocument(small_meeting([Paragraph("เนื้อความ")]).meeting, letter=letter)
    body = compose_letter(document, layout, measure).body
    paras = [e for e in body if isinstance(e, Para)]
    (closing,) = [p for p in paras if p.role == "closing"]
    closing_centre = closing.left_indent_cm + measure(closing.text, False) / 2
    for signer in (p for p in paras if p.role == "signer"):
        assert (signer.left_indent_cm + layout.text_width_cm) / 2 == pytest.approx(closing_centre, abs=0.01)


def test_a_short_paragraph_leading_into_a_table_keeps_with_it() -> None:
    table = Table([Column("อำเภอ"), Column("จำนวน", kind=ColumnKind.NUMBER)], [["เมือง", "1"]])
    document = small_meeting([Paragraph("รายละเอียดดังตาราง"), table, Paragraph("ข้อความต่อท้าย")])
    paras = [e for e in compose_minutes(document, DEFAULT_LAYOUT).body if isinstance(e, Para)]
    lead_in = next(p for p in paras if p.text == "รายละเอียดดังตาราง")
    after = next(p for p in paras if p.text == "ข้อความต่อท้าย")
    assert lead_in.keep_with_next and not after.keep_with_next


def test_the_two_signatures_stay_on_one_page(tmp_path: Path) -> None:
    """Every line of the recorder's signature keeps with what follows, so the checker's is never
    left alone on a page of its own."""
    document = small_meeting(
        [Paragraph("เนื้อความ")],
        end=dt.time(16, 30),
        recorder=Person("นางบุษบา ยอดดี", "เจ้าพนักงาน"),
        checker=Person("นายสมชาย ใจกว้าง", "หัวหน้ากลุ่มงาน"),
    )
    signatures = [
        e
        for e in compose_minutes(document, DEFAULT_LAYOUT).body
        if isinstance(e, Para) and e.role == "signature"
    ]
    assert [p.keep_with_next for p in signatures] == [True] * (len(signatures) - 1) + [False]


@pytest.mark.parametrize("family", ["TH Sarabun New", "Sarabun"])
def test_the_docx_measures_every_character_as_the_pdf_does(family: str) -> None:
    """The DOCX is laid out with widths read by fontTools (ReportLab is not loaded for it); they
    must be ReportLab's to the last bit, or a column would be chosen differently in the two."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415

    from exporters.fonts import choose_font, glyph_widths  # noqa: PLC0415

    fonts, choice = pdf_fonts(family), choose_font(family)
    for bold, path in ((False, choice.regular), (True, choice.bold)):
        widths = glyph_widths(path)
        characters = [*map(chr, TTFont(path)["cmap"].getBestCmap()), "\u00a0", "\U0010ffff"]
        assert len(characters) > 150
        for character in characters:
            assert widths.points(character, SIZE) == pdfmetrics.stringWidth(character, fonts.name(bold), SIZE)
        text = "ที่ประชุมรับทราบว่าปู่ย่าตายายในหมู่บ้าน ผู้ใหญ่บ้าน และน้ำประปา ฯลฯ ๑๒,๓๔๕ บาท (ABC)"
        assert widths.points(text, SIZE) == pdfmetrics.stringWidth(text, fonts.name(bold), SIZE)
