"""The PDF minutes and letter: true text layer, word-boundary line breaks, margins, layout."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pythainlp.tokenize import word_tokenize
from reportlab.lib.units import cm

from exporters.compose import Align, Para, Span, compose_letter, compose_minutes
from exporters.fonts import find_system_font, pdf_fonts
from exporters.layout import DEFAULT_LAYOUT, Layout
from exporters.pdf_export import write_letter_pdf, write_minutes_pdf
from exporters.pdf_text import (
    align_line,
    break_lines,
    cluster_ends,
    line_gaps,
    line_right,
    shaped,
    spread_glyphs,
)
from models import thai
from models.fileio import WriteError
from models.meeting import Meeting, MeetingDocument, Paragraph
from tests.test_docx import small_meeting
from tests.textcheck import assert_in_order, chunks, squeezed

POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")
FONTS = pdf_fonts(DEFAULT_LAYOUT.font_name)
SIZE = DEFAULT_LAYOUT.font_size_pt
POINTS_PER_CM = 72 / 2.54


@pytest.fixture(scope="module")
def demo_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from models.meetingfile import read_meeting_file  # noqa: PLC0415  (module-scoped fixture)
    from models.paths import DEMO_MEETING  # noqa: PLC0415

    folder = tmp_path_factory.mktemp("pdf")
    document = read_meeting_file(DEMO_MEETING)
    write_minutes_pdf(document, folder / "minutes.pdf", DEFAULT_LAYOUT)
    write_letter_pdf(document, folder / "letter.pdf", DEFAULT_LAYOUT)
    return {"minutes": folder / "minutes.pdf", "letter": folder / "letter.pdf"}


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@needs_poppler
@pytest.mark.parametrize("which", ["minutes", "letter"])
def test_the_text_layer_is_the_source_text_in_order(
    demo_pdfs: dict[str, Path], demo: MeetingDocument, which: str
) -> None:
    composition = (
        compose_minutes(demo, DEFAULT_LAYOUT) if which == "minutes" else compose_letter(demo, DEFAULT_LAYOUT)
    )
    text = pdftotext(demo_pdfs[which], "-raw")
    assert_in_order(chunks(composition), squeezed(text))
    assert not any("\ue000" <= char <= "\uf8ff" for char in text)  # no private-use glyph codes


@needs_poppler
def test_words_with_stacked_and_reordered_marks_come_back_exactly(tmp_path: Path) -> None:
    """HarfBuzz draws น้ำ as น ํ ้ า and moves marks of ที่ and ปั้น to other glyphs."""
    words = "ที่ปั้นน้ำผู้ใหญ่ ชื่อ ปู่ กรุงเทพฯ อื่น ๆ"
    document = small_meeting()
    document.meeting.sections[0].items[0].blocks.insert(0, Paragraph(words))
    target = tmp_path / "minutes.pdf"
    write_minutes_pdf(document, target, DEFAULT_LAYOUT)
    text = pdftotext(target, "-raw")
    assert words in text
    assert "ผู้ใหญ่" in pdftotext(target)


def raw_boundaries(text: str) -> set[int]:
    """Offsets where PyThaiNLP's own tokenizer (not the program's wrapper) puts a word boundary,
    and between the dictionary words of a compound (`เศรษฐกิจ|พอเพียง`, where a justified line
    may break rather than gape)."""
    offsets, position = {0}, 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        for part in thai.compound_parts(token):
            position += len(part)
            offsets.add(position)
    return offsets


@needs_poppler
def test_printed_lines_end_only_between_words(demo_pdfs: dict[str, Path], demo: MeetingDocument) -> None:
    composition = compose_minutes(demo, DEFAULT_LAYOUT)
    paragraphs = [squeezed(e.text) for e in composition.body if isinstance(e, Para) and len(e.text) > 40]
    lines = [
        squeezed(line) for line in pdftotext(demo_pdfs["minutes"], "-raw").splitlines() if squeezed(line)
    ]
    junctions = 0
    for first, second in itertools.pairwise(lines):
        for paragraph in paragraphs:
            at = paragraph.find(first + second)
            if at >= 0:
                assert at + len(first) in raw_boundaries(paragraph), (
                    f"broken inside a word: {first[-8:]}|{second[:8]}"
                )
                junctions += 1
                break
    assert junctions >= 20


def lines_of(para: Para, width_cm: float = 16.0) -> list[str]:
    lines = break_lines(para, width_cm * cm, FONTS, SIZE)
    return [line.source for line in lines]


def test_the_line_breaker_never_cuts_a_word() -> None:
    text = (
        "กรมการพัฒนาชุมชนได้กำหนดทิศทางการขับเคลื่อนงานในปีงบประมาณ พ.ศ. ๒๕๖๘ โดยเน้นการสร้างความมั่นคงของเศรษฐกิจฐานราก "
        * 4
    )
    para = Para((Span(text),), Align.JUSTIFY, first_indent_cm=2.5)
    for width in (5.0, 9.3, 16.0):
        printed = lines_of(para, width)
        assert len(printed) > 2
        plain = text.rstrip()
        boundaries = raw_boundaries(plain)
        position = 0
        for line in printed[:-1]:
            position = plain.index(line, position) + len(line)
            assert position in boundaries or plain[position] == " "


def test_era_and_year_and_mai_yamok_stay_together() -> None:
    words = "การประชุม " * 8 + "ปีงบประมาณ พ.ศ. ๒๕๖๘ และเรื่องอื่น ๆ ของที่ประชุม"
    for width in (4.0, 5.5, 7.0, 8.5):
        for line in lines_of(Para((Span(words),)), width):
            assert not line.startswith(("๒๕๖๘", "ๆ"))


def test_a_url_longer_than_the_line_breaks_inside_and_stays_in_the_margins() -> None:
    url = "https://www.example.org/" + "a" * 120 + "/report.pdf"
    lines = break_lines(Para((Span(f"ดูที่ {url} นะ"),)), 10 * cm, FONTS, SIZE)
    assert len(lines) >= 3
    assert all(line.used <= line.end + 0.01 for line in lines)
    assert "".join(line.source.replace(" ", "") for line in lines) == f"ดูที่{url}นะ"


JUSTIFIED_TEXT = (
    "ขอความร่วมมือทุกคนปิดไฟและเครื่องปรับอากาศในช่วงพักกลางวัน และปิดคอมพิวเตอร์ทุกครั้งก่อนกลับบ้าน "
    "นายสมคิด ใจดี ผู้ใหญ่บ้านหมู่ที่ ๓ แจ้งว่าน้ำประปาหมู่บ้านไหลไม่แรงพอในช่วงฤดูแล้ง "
) * 5


@pytest.mark.parametrize("width_cm", [16.0, 13.5, 11.0])
def test_justified_lines_are_thai_distributed_to_the_margin_with_no_gap_that_reads_as_a_space(
    width_cm: float,
) -> None:
    """As Word's thaiDistribute: every line but the last reaches the margin, the slack spread
    between letters so thinly that no gap inside a phrase or a name (นายสมคิด) reads as a space
    (under 1 pt) and no space balloons (at most 10 pt); the last line is not stretched."""
    lines = break_lines(Para((Span(JUSTIFIED_TEXT),), Align.JUSTIFY), width_cm * cm, FONTS, SIZE)
    natural = [line.used for line in lines]
    for line in lines:
        align_line(line, Align.JUSTIFY, SIZE, FONTS)
    assert lines[-1].last and line_right(lines[-1], FONTS, SIZE) == pytest.approx(natural[-1])
    for line in lines[:-1]:
        assert line_right(line, FONTS, SIZE) == pytest.approx(width_cm * cm, abs=0.01), line.source
        gaps = line_gaps(line, FONTS, SIZE)
        assert max(gap.width for gap in gaps if not gap.is_space) < 1.0, line.source
        assert max((gap.width for gap in gaps if gap.is_space), default=0.0) <= 10.0, line.source


def test_justification_keeps_marks_on_their_bases() -> None:
    """The slack goes between grapheme clusters only: ที่ ปู่ น้ำ ผู้ใหญ่ keep their marks."""
    text = "ที่ประชุมรับทราบว่าปู่ย่าตายายในหมู่บ้านผู้ใหญ่บ้านและน้ำประปา " * 6
    lines = break_lines(Para((Span(text),), Align.JUSTIFY), 12 * cm, FONTS, SIZE)
    for line in lines:
        align_line(line, Align.JUSTIFY, SIZE, FONTS)
        for item in line.placed:
            glyphs = spread_glyphs(item.atom.text, FONTS.name(item.atom.bold), SIZE, item.spread)
            data = glyphs.__shapeData__
            plain = shaped(item.atom.text, FONTS.name(item.atom.bold), SIZE)[0].__shapeData__
            for index, (now, before) in enumerate(zip(data, plain, strict=True)):
                if before.x_advance == 0:  # a mark: never moved away from its base
                    assert now.x_advance == 0 or index in cluster_ends(
                        item.atom.text, FONTS.name(item.atom.bold), SIZE
                    )
                if now.x_advance != before.x_advance:
                    following = data[index + 1] if index + 1 < len(data) else None
                    assert following is not None
                    assert (
                        item.atom.text[following.cluster]
                        not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e33"
                    )


def chars_of(pdf: Path) -> Iterator[tuple[int, dict[str, float]]]:
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            for char in page.chars:
                yield number, char


@pytest.mark.parametrize("which", ["minutes", "letter"])
def test_no_glyph_outside_the_margins(demo_pdfs: dict[str, Path], which: str) -> None:
    """The letter's contact lines are its first page's footer: like Word's, it stands in the
    bottom margin, on the footer distance."""
    layout = DEFAULT_LAYOUT
    left = layout.margin_left_cm * POINTS_PER_CM
    right = (layout.page_width_cm - layout.margin_right_cm) * POINTS_PER_CM
    foot = layout.footer_distance_cm if which == "letter" else layout.margin_bottom_cm
    bottom = (layout.page_height_cm - foot) * POINTS_PER_CM
    count = 0
    for _, char in chars_of(demo_pdfs[which]):
        assert left - 0.5 <= char["x0"] and char["x1"] <= right + 0.5, char["text"]
        assert char["bottom"] <= bottom + 1, char["text"]
        count += 1
    assert count > 500


def test_fonts_are_embedded_and_bold_is_bold(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    write_minutes_pdf(small_meeting(), target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as document:
        fonts = {char["fontname"].split("+")[-1] for page in document.pages for char in page.chars}
    assert fonts == {"THSarabunNew", "THSarabunNew-Bold"}


@needs_poppler
def test_page_numbers_in_thai_digits_from_page_two(demo_pdfs: dict[str, Path]) -> None:
    pages = pdftotext(demo_pdfs["minutes"], "-raw").split("\f")
    assert "- ๑ -" not in pages[0]
    assert pages[1].lstrip().startswith("- ๒ -")
    assert pages[2].lstrip().startswith("- ๓ -")


def test_metadata_title_author_and_language(demo_pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(demo_pdfs["minutes"]) as document:
        assert document.metadata["Title"].startswith("รายงานการประชุมประจำเดือน")
        assert document.metadata["Author"] == "thai-minutes"
    assert b"/Lang (th-TH)" in demo_pdfs["minutes"].read_bytes()


def test_letter_garuda_is_three_centimetres_high(tmp_path: Path) -> None:
    document = small_meeting()
    assert document.office is not None
    buffer = io.BytesIO()
    Image.new("RGB", (270, 300), "black").save(buffer, format="PNG")
    document.office.garuda = buffer.getvalue()
    target = tmp_path / "letter.pdf"
    write_letter_pdf(document, target, DEFAULT_LAYOUT)
    with pdfplumber.open(target) as pdf:
        (image,) = pdf.pages[0].images
        assert image["height"] == pytest.approx(3 * POINTS_PER_CM, abs=0.5)
        page_centre = (
            pdf.pages[0].width / 2
            + (DEFAULT_LAYOUT.margin_left_cm - DEFAULT_LAYOUT.margin_right_cm) / 2 * POINTS_PER_CM
        )
        assert (image["x0"] + image["x1"]) / 2 == pytest.approx(page_centre, abs=2)


def test_letter_contact_block_at_the_foot_of_page_one(demo_pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(demo_pdfs["letter"]) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        demo_email = next(w for w in words if "demo-office@example.org" in w["text"])
        assert demo_email["bottom"] > page.height * 0.85
        assert demo_email["x0"] > DEFAULT_LAYOUT.margin_left_cm * POINTS_PER_CM + 1  # after its label


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"old")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exporters.pdf_export.build_pdf", broken)
    with pytest.raises(WriteError):
        write_minutes_pdf(small_meeting(), target, DEFAULT_LAYOUT)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_a_bare_meeting_and_arabic_digits(tmp_path: Path) -> None:
    bare = MeetingDocument(Meeting("การประชุม", 1, 2567, dt.date(2024, 1, 5)))
    write_minutes_pdf(bare, tmp_path / "m.pdf", Layout(thai_digits=False))
    write_letter_pdf(bare, tmp_path / "l.pdf", DEFAULT_LAYOUT)
    with pdfplumber.open(tmp_path / "m.pdf") as pdf:
        assert "1/2567" in pdf.pages[0].extract_text()


@pytest.mark.skipif(find_system_font("Laksaman") is None, reason="fonts-thai-tlwg is not installed")
def test_an_installed_font_named_with_font_is_embedded(tmp_path: Path) -> None:
    """Laksaman (fonts-thai-tlwg) stands in for an installed TH Sarabun: same metrics, free."""
    target = tmp_path / "minutes.pdf"
    write_minutes_pdf(small_meeting(), target, DEFAULT_LAYOUT.with_font("Laksaman"))
    with pdfplumber.open(target) as document:
        fonts = {char["fontname"].split("+")[-1] for page in document.pages for char in page.chars}
    assert fonts == {"Laksaman", "Laksaman-Bold"}


def test_a_font_that_is_not_installed_falls_back_to_the_bundled_th_sarabun_new() -> None:
    assert pdf_fonts("TH Nonexistent Font").family == "TH Sarabun New"
    assert pdf_fonts("Sarabun").files[0].name == "Sarabun-Regular.ttf"


def _justified_lines_pdf(path: Path, ours: bool) -> None:
    """Justified Thai lines (marks, SARA AM, bold words) drawn by our glyph writer, or by
    ReportLab's own text object given the same spread glyphs."""
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from exporters.pdf_text import draw_line  # noqa: PLC0415

    text = "ที่ประชุมรับทราบว่าปู่ย่าตายายในหมู่บ้าน **ผู้ใหญ่บ้าน** และน้ำประปา ฯลฯ ๑๒,๓๔๕ บาท " * 4
    spans = tuple(Span(part, index % 2 == 1) for index, part in enumerate(text.split("**")))
    lines = break_lines(Para(spans, Align.JUSTIFY), 12 * cm, FONTS, SIZE)
    canvas = Canvas(str(path))
    for number, line in enumerate(lines):
        align_line(line, Align.JUSTIFY, SIZE, FONTS)
        baseline = 700 - number * 30
        if ours:
            draw_line(canvas, line, 2 * cm, baseline, FONTS, SIZE)
            continue
        text_object = canvas.beginText()
        for item in line.placed:
            font = FONTS.name(item.atom.bold)
            text_object.setFont(font, SIZE)
            text_object.setTextOrigin(2 * cm + item.x, baseline)
            text_object.textOut(spread_glyphs(item.atom.text, font, SIZE, item.spread))
        canvas.drawText(text_object)
    canvas.save()


def test_glyphs_stand_where_reportlabs_own_text_object_puts_them(tmp_path: Path) -> None:
    """The PDF writes each word's prepared glyph codes itself (ReportLab formatted every glyph
    again), in reading order rather than HarfBuzz's, SARA AM's ring and AA as one glyph, a space
    glyph in each space: every glyph with ink must still land exactly where ReportLab's text
    object would draw it."""

    def glyphs(ours: bool) -> list[tuple[str, float, float, str]]:
        path = tmp_path / f"{ours}.pdf"
        _justified_lines_pdf(path, ours)
        found: list[tuple[str, float, float, str]] = []
        with pdfplumber.open(path) as pdf:
            for char in pdf.pages[0].chars:
                place = (round(char["x0"], 2), round(char["top"], 2), char["fontname"])
                parts = "\u0e4d\u0e32" if char["text"] == "\u0e33" else char["text"].strip()
                found.extend((part, *place) for part in parts)
        return sorted(found)

    ours, reportlabs = glyphs(True), glyphs(False)
    assert len(ours) > 250
    assert ours == reportlabs


def _ring_boxes(path: Path, outlines: bool) -> list[tuple[float, ...]]:
    """Where the ink of SARA AM's shifted rings is: the filled paths of our PDF, or the ring
    glyphs ReportLab drew (each glyph's origin plus its outline's box in the font)."""
    from fontTools.ttLib import TTFont as FontFile  # noqa: PLC0415

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        if outlines:  # a ring's contours (outer and inner) come as paths of their own
            boxes: list[list[float]] = []
            for curve in sorted(page.curves, key=lambda c: c["x0"]):
                if boxes and curve["x0"] <= boxes[-1][1]:
                    boxes[-1] = [
                        boxes[-1][0],
                        max(boxes[-1][1], curve["x1"]),
                        max(boxes[-1][2], curve["bottom"]),
                    ]
                else:
                    boxes.append([curve["x0"], curve["x1"], curve["bottom"]])
            return [tuple(round(value, 2) for value in box) for box in boxes]
        font = FontFile(FONTS.files[0])
        ring = font["glyf"]["uni0E4D.alt1"]
        scale = SIZE / font["head"].unitsPerEm
        return sorted(
            (
                round(char["x0"] + ring.xMin * scale, 2),
                round(char["x0"] + ring.xMax * scale, 2),
                round(page.height - 700 - ring.yMin * scale, 2),
            )
            for char in page.chars
            if char["text"] == "\u0e4d"
        )


def test_sara_am_after_a_tall_consonant_keeps_its_shifted_ring_and_reads_as_sara_am(tmp_path: Path) -> None:
    """After ป ฝ ฟ the font shifts SARA AM's ring left of the ascender, so SARA AM's own glyph
    cannot stand in for ring and AA: the ring is drawn as its outline and the AA reads as SARA
    AM. The rings' ink stands where ReportLab draws HarfBuzz's glyphs, and readers get the words."""
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from exporters.pdf_text import draw_line  # noqa: PLC0415
    from tests.pdf_readers import available_readers, page_text  # noqa: PLC0415

    words = "ป่ำ ฟ้ำ ฝำ ป้ำเป๋อ"
    for ours in (True, False):
        canvas = Canvas(str(tmp_path / f"{ours}.pdf"))
        line = break_lines(Para((Span(words),)), 12 * cm, FONTS, SIZE)[0]
        if ours:
            draw_line(canvas, line, 2 * cm, 700, FONTS, SIZE)
        else:
            text_object = canvas.beginText()
            for item in line.placed:
                text_object.setFont(FONTS.regular, SIZE)
                text_object.setTextOrigin(2 * cm + item.x, 700)
                text_object.textOut(spread_glyphs(item.atom.text, FONTS.regular, SIZE, 0.0))
            canvas.drawText(text_object)
        canvas.save()
    assert _ring_boxes(tmp_path / "True.pdf", outlines=True) == _ring_boxes(
        tmp_path / "False.pdf", outlines=False
    )
    for name, read in available_readers().items():
        assert page_text(read(tmp_path / "True.pdf")).strip() == words, name


def test_readers_that_read_glyphs_get_the_tone_marks_not_private_characters(
    demo_pdfs: dict[str, Path],
) -> None:
    """(Issue 15, its first step.) A tone mark HarfBuzz raises or shifts (`ผู้ใหญ่`, `ปู่`) is a
    glyph TH Sarabun New keeps in the Private Use Area; its ToUnicode entry now says the mark.
    pdfminer (pdfplumber) reads glyphs, not the lines' ActualText, as pdf.js and MuPDF do."""
    import re  # noqa: PLC0415

    from exporters.pdf_tounicode import text_of_glyph_name  # noqa: PLC0415

    assert text_of_glyph_name("uni0E48.alt1") == "\u0e48"
    assert text_of_glyph_name("uni0E4D0E32") == "\u0e4d\u0e32"
    assert text_of_glyph_name("u1F600") == "\U0001f600"
    assert text_of_glyph_name("glyph123") is None
    with pdfplumber.open(demo_pdfs["minutes"]) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert re.findall("[\ue000-\uf8ff]", text) == []
    assert "ผู้ใหญ่" in text


def test_glyphs_are_written_in_the_order_of_the_text_they_stand_for() -> None:
    """HarfBuzz draws `น้ำ` as น, SARA AM's ring, the tone mark, AA; a reader takes glyphs in the
    order written, so they are written น, tone mark, ring (reading as nothing), AA (reading as
    SARA AM). A cluster whose glyphs match none of its characters (a ligature) reads whole from
    its first glyph, the others reading as nothing."""
    from exporters.pdf_glyphs import reading_order  # noqa: PLC0415

    assert reading_order("น้ำ", ["น", "\u0e4d", "\u0e49", "\u0e32"], [0, 0, 0, 0]) == [
        (0, "น"),
        (2, "\u0e49"),
        (1, ""),
        (3, "ำ"),
    ]
    assert reading_order("ที่ดี", ["ท", "\u0e35", "\u0e48", "ด", "\u0e35"], [0, 0, 0, 3, 3]) == [
        (0, "ท"),
        (1, "\u0e35"),
        (2, "\u0e48"),
        (3, "ด"),
        (4, "\u0e35"),
    ]
    assert reading_order("ffi ก", ["\ufb03", " ", "ก"], [0, 3, 4]) == [(0, "ffi"), (1, " "), (2, "ก")]
    assert reading_order("ab", ["x", "y"], [0, 0]) == [(0, "ab"), (1, "")]


def test_reportlabs_url_pattern_is_compiled_when_used_and_still_matches() -> None:
    """`exporters.platypus` leaves ReportLab's costly URL pattern uncompiled at import; if
    ReportLab ever uses it, it matches as compiled at once would."""
    from exporters.platypus import CompiledOnUse  # noqa: PLC0415  (before ReportLab's module)

    paragraph = sys.modules["reportlab.platypus.paragraph"]
    assert isinstance(paragraph.uri_pat, CompiledOnUse)
    assert paragraph.uri_pat.match("https://www.example.go.th/รายงาน") is not None
    assert paragraph.uri_pat.match("ไม่ใช่ที่อยู่เว็บ") is None


def test_page_streams_are_plain_flate_and_read_back_whole(demo_pdfs: dict[str, Path]) -> None:
    """Pages are compressed while the next ones are set and stored binary, as Word's are: no
    ASCII85 on top (a quarter more bytes a page); every page's operators come back whole."""
    import pymupdf  # noqa: PLC0415  (one test reads the raw objects)

    with pymupdf.Document(demo_pdfs["minutes"]) as document:  # type: ignore[no-untyped-call]
        assert document.page_count > 1
        for page in document:
            (stream,) = page.get_contents()
            assert document.xref_get_key(stream, "Filter") == ("array", "[/FlateDecode]")
            operators = document.xref_stream(stream)
            assert operators.startswith(b"1 0 0 1 0 0 cm") and b" TJ" in operators
            assert operators.rstrip().endswith(b"Q")  # the page's last graphics state closed
