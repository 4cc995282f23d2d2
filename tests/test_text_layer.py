"""Issue 15: every reader gets the text of the PDFs back, exactly.

The demo minutes, its cover letter, its distribution list and a list of amendments are exported;
poppler, PDFium and MuPDF (and pdf.js where `node` and `bench/pdfjs` are installed) read them,
and every paragraph, table cell line and name must come back with its characters in order,
spaces where the text has them and none inside a word (`tests.pdf_readers`). Copying from any of
these readers gives the clerk's words; a search finds every word.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exporters.compose import (
    Composition,
    compose_amendments,
    compose_distribution,
    compose_letter,
    compose_minutes,
)
from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import pdf_pages
from models.meeting import Amendment, MeetingDocument
from tests.pdf_readers import READERS, pdfjs_available, poppler_layout_text, score, strings_of

COMPOSERS: dict[str, Callable[[MeetingDocument], Composition]] = {
    "minutes": lambda document: compose_minutes(document, DEFAULT_LAYOUT),
    "letter": lambda document: compose_letter(document, DEFAULT_LAYOUT),
    "distribution": lambda document: compose_distribution(document, DEFAULT_LAYOUT),
    "amendments": lambda document: compose_amendments(document, DEFAULT_LAYOUT),
}


def reader_available(name: str) -> bool:
    if name == "poppler":
        return shutil.which("pdftotext") is not None
    if name == "pdf.js":
        return pdfjs_available()
    return True


def with_amendments(demo: MeetingDocument) -> MeetingDocument:
    demo.amendments = [
        Amendment(
            dt.datetime(2024, 11, 12, 9, 30),
            "นางสาวกนกพร ศรีวงศ์",
            "พิมพ์ชื่อผู้เข้าร่วมประชุมผิด ผู้ใหญ่บ้านแจ้งแก้ไขเมื่อวันที่ ๑๒ พฤศจิกายน ๒๕๖๗",
            "ระเบียบวาระที่ ๑ ข้อ ๑.๑",
            "น้ำประปาหมู่บ้าน ๑๒ แห่ง",
            "น้ำประปาหมู่บ้าน ๑๓ แห่ง ที่ปู่ย่าตายายใช้ร่วมกัน",
        )
    ]
    return demo


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], Path]]:
    """Each document's strings as composed and its PDF as exported."""
    from models.meetingfile import read_meeting_file  # noqa: PLC0415  (module-scoped fixture)
    from models.paths import DEMO_MEETING  # noqa: PLC0415

    folder = tmp_path_factory.mktemp("text-layer")
    document = with_amendments(read_meeting_file(DEMO_MEETING))
    found = {}
    for name, compose in COMPOSERS.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(pdf_pages(document, name, DEFAULT_LAYOUT).data)
        found[name] = (strings_of(compose(document)), path)
    return found


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("document", list(COMPOSERS))
def test_every_reader_reads_every_paragraph_cell_and_name_exactly(
    exported: dict[str, tuple[list[str], Path]], document: str, reader: str
) -> None:
    if not reader_available(reader):
        pytest.skip(f"{reader} is not installed here (.ci/run installs it)")
    strings, path = exported[document]
    assert len(strings) > 5
    result = score(strings, READERS[reader](path))
    assert result.missed == (), f"{reader} misreads {document}: {result.missed[:3]}"
    assert result.words_found == result.words


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("document", list(COMPOSERS))
def test_poppler_s_reading_of_the_layout_reads_every_paragraph_exactly(
    exported: dict[str, tuple[list[str], Path]], document: str, tmp_path: Path
) -> None:
    """What Evince and Okular copy: poppler ended a word after each tone mark or vowel above or
    below (a glyph of no advance) and parted the pieces with a space on justified lines
    (`สำนั ก งาน`); each word with such a mark now carries its text as ActualText."""
    from models.meetingfile import read_meeting_file  # noqa: PLC0415
    from models.paths import DEMO_MEETING  # noqa: PLC0415

    paragraphs = strings_of(
        COMPOSERS[document](with_amendments(read_meeting_file(DEMO_MEETING))), cells=False
    )
    result = score(paragraphs, poppler_layout_text(exported[document][1]))
    assert result.missed == ()
    assert result.words_found == result.words


def test_the_amendment_list_holds_what_the_test_reads(exported: dict[str, tuple[list[str], Path]]) -> None:
    """The strings checked above are the page's: an amendment's before and after are among them."""
    strings = exported["amendments"][0]
    assert any("น้ำประปาหมู่บ้าน ๑๓ แห่ง" in string for string in strings)


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")
@pytest.mark.parametrize("reader", list(READERS))
def test_a_font_that_raises_and_lowers_its_marks_reads_as_well(tmp_path: Path, reader: str) -> None:
    """Garuda (fonts-thai-tlwg) lowers ู under ฎ ฏ ญ and raises stacked tone marks by
    vertical offsets: such a glyph is drawn as its outline and read from the glyph before it,
    so each word stays one run on its baseline that every reader, and ActualText over it, take
    whole (PDFium read the lowered marks apart, and an ActualText over several runs twice)."""
    from exporters.fonts import choose_font  # noqa: PLC0415
    from models.meeting import Paragraph  # noqa: PLC0415
    from models.meetingfile import read_meeting_file  # noqa: PLC0415
    from models.paths import DEMO_MEETING  # noqa: PLC0415

    if not choose_font("Garuda").installed:
        pytest.skip("Garuda is not installed (fonts-thai-tlwg)")
    if not reader_available(reader):
        pytest.skip(f"{reader} is not installed here (.ci/run installs it)")
    document = read_meeting_file(DEMO_MEETING)
    document.meeting.sections[0].blocks.append(Paragraph("ญู ฐู ฎู ฏู ปี่ ปั๊ม กิ์ อึ๋ย เก๋ แก้ว น้ำน้ำ ค่ำคืน ป่ำป่ำ"))
    layout = DEFAULT_LAYOUT.with_font("Garuda")
    path = tmp_path / "garuda.pdf"
    path.write_bytes(pdf_pages(document, "minutes", layout).data)
    result = score(strings_of(compose_minutes(document, layout)), READERS[reader](path))
    assert result.missed == ()
