"""What the DOCX holds together for Word's and LibreOffice's line breaking: a space inside a
piece of `models.thai.segment` is a no-break space, a hyphen inside a number range a
`w:noBreakHyphen`; every other space and hyphen stays ordinary."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn

from exporters.compose import Align, Composition, Grid, GridCell, Para, Span
from exporters.docx_export import build_docx, write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import MeetingDocument

NBSP = "\u00a0"
HYPHEN = "‑"  # U+2011 here stands for <w:noBreakHyphen/>

PHRASES = (
    "การประชุมครั้งที่ ๘/๒๕๖๖ เมื่อวันพุธที่ ๑๖-๑๘ สิงหาคม พ.ศ. ๒๕๖๘ เวลา ๑๓.๓๐ น. "
    "ณ ห้องประชุม ๑ เรื่องอื่น ๆ ของสมใจ-ใจดี และงาน e-mail"
)
KEPT = (
    "การประชุมครั้งที่\u00a0๘/๒๕๖๖ เมื่อวันพุธที่ ๑๖‑๑๘\u00a0สิงหาคม พ.ศ.\u00a0๒๕๖๘ "
    "เวลา ๑๓.๓๐\u00a0น. ณ ห้องประชุม ๑ เรื่องอื่น\u00a0ๆ ของสมใจ-ใจดี และงาน e-mail"
)


def reread(composition: Composition) -> Document:
    buffer = io.BytesIO()
    build_docx(composition, DEFAULT_LAYOUT).save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def content(p: Any) -> str:
    """A paragraph's runs as written: text, tabs, breaks, and U+2011 for a noBreakHyphen."""
    written = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:noBreakHyphen"): HYPHEN}
    parts = []
    for r in p.iter(qn("w:r")):
        for child in r:
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            else:
                parts.append(written.get(child.tag, ""))
    return "".join(parts)


def test_kept_phrases_get_no_break_spaces_and_hyphen_in_body_and_cells() -> None:
    doc = reread(
        Composition(
            "t",
            [
                Para((Span(PHRASES),), Align.JUSTIFY, first_indent_cm=2.5),
                Grid((8.0, 8.0), ((GridCell(PHRASES), GridCell("บรรทัดแรก\n๑๖-๑๘ สิงหาคม", bold=True)),)),
            ],
        )
    )
    body = doc.paragraphs[0]._p
    cells = [p._p for cell in doc.tables[0].rows[0].cells for p in cell.paragraphs]
    assert content(body) == KEPT
    assert [content(p) for p in cells] == [KEPT, "บรรทัดแรก", "๑๖‑๑๘\u00a0สิงหาคม"]
    assert len(body.findall(f".//{qn('w:noBreakHyphen')}")) == 1
    # five spaces kept, the other twelve ordinary; only the range's hyphen is kept
    assert KEPT.replace(NBSP, " ").replace(HYPHEN, "-") == PHRASES
    assert (KEPT.count(NBSP), KEPT.count(" "), KEPT.count(HYPHEN)) == (5, 12, 1)
    # readers (python-docx, LibreOffice's text) see the same words
    assert doc.paragraphs[0].text.replace(NBSP, " ") == PHRASES


def test_a_phrase_across_two_runs_is_kept_too() -> None:
    spans = (Span("มติที่ประชุม", bold=True), Span("\tรับทราบการประชุมครั้งที่"), Span(" ๘/๒๕๖๖ ", bold=True))
    doc = reread(Composition("t", [Para(spans, tab_cm=5.0)]))
    runs = doc.paragraphs[0]._p.findall(qn("w:r"))
    assert [content(r) for r in runs] == ["มติที่ประชุม", "\tรับทราบการประชุมครั้งที่", "\u00a0๘/๒๕๖๖ "]
    assert runs[2].find(qn("w:rPr")).find(qn("w:b")) is not None


def test_words_and_dashes_between_words_stay_ordinary() -> None:
    text = "นายมานะ ขยัน เจ้าพนักงาน แทน หัวหน้างาน - ก-ข"
    doc = reread(Composition("t", [Para((Span(text),))]))
    assert content(doc.paragraphs[0]._p) == text


def test_a_number_with_hyphens_is_one_piece_and_kept() -> None:
    doc = reread(Composition("t", [Para((Span("โทร. 0-2000-0000 ต่อ ๑๒-๓"),))]))
    assert content(doc.paragraphs[0]._p) == "โทร. 0‑2000‑0000 ต่อ ๑๒‑๓"


def test_the_minutes_heading_keeps_its_number_and_time(tmp_path: Any, demo: MeetingDocument) -> None:
    target = tmp_path / "minutes.docx"
    write_minutes_docx(demo, target, DEFAULT_LAYOUT)
    heading = [p.text for p in docx.Document(str(target)).paragraphs[:4]]
    assert heading[2] == "ครั้งที่\u00a0๑๐/๒๕๖๗"
    assert heading[3].endswith("เวลา ๐๙.๓๐\u00a0น.")
