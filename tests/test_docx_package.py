"""The DOCX package as Word reads it: schema order, compatibility mode, properties, font table.

Word offers to repair (or silently drops) elements out of their ECMA-376 place, opens a file
whose `compatibilityMode` is below 15 in compatibility mode, shows the core properties under
File > Info, and substitutes for a missing font by what the font table says of it. These tests
open the exported .docx as a zip and read the raw XML.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from exporters.compose import compose_minutes
from exporters.docx_export import write_amendments_docx, write_letter_docx, write_minutes_docx
from exporters.fonts import choose_font
from exporters.layout import DEFAULT_LAYOUT, Layout
from models.meeting import Amendment, MeetingDocument

WRITERS = {
    "minutes": write_minutes_docx,
    "letter": write_letter_docx,
    "amendments": write_amendments_docx,
}

# Child sequences from ECMA-376 Part 1, transitional wml.xsd (checked against the schema text).
# Names within one inner tuple share a place: the schema lets them interleave.
SECT_PR = (
    ("headerReference", "footerReference"),  # EG_HdrFtrReferences, up to 6, any order
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
)
P_PR = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
# EG_RPrBase is a repeating choice in the later editions' schema, but Word writes and expects
# this order (the first edition's sequence); the paragraph mark's rPr adds the change marks.
R_PR = (
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
)
TBL_PR = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
)
TC_PR = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    ("cellIns", "cellDel", "cellMerge"),
    "tcPrChange",
)
# CT_TrPrBase is a repeating choice; Word writes it in this order.
TR_PR = (
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
)
TBL = ("tblPr", "tblGrid", "tr")
STYLE = (
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
)
COMPAT_TAIL = ("compatSetting",)  # CT_Compat ends with compatSetting*
FONT = (
    "altName",
    "panose1",
    "charset",
    "family",
    "notTrueType",
    "pitch",
    "sig",
    "embedRegular",
    "embedBold",
    "embedItalic",
    "embedBoldItalic",
)
SEQUENCES = {
    "sectPr": SECT_PR,
    "pPr": P_PR,
    "rPr": R_PR,
    "tblPr": TBL_PR,
    "tcPr": TC_PR,
    "trPr": TR_PR,
    "tbl": TBL,
    "style": STYLE,
    "font": FONT,
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHECKED_PARTS = re.compile(r"word/(document|styles|settings|fontTable|header\d*|footer\d*)\.xml")


def demo_with_an_amendment(demo: MeetingDocument) -> MeetingDocument:
    document = copy.deepcopy(demo)
    document.amendments = [
        Amendment(
            at=dt.datetime(2025, 5, 2, 10, 30),
            who="นางบุษบา ยอดดี",
            why="พิมพ์ผิด",
            place="ระเบียบวาระที่ ๑",
            before="ประชุมครั้งที่ 1",
            after="ประชุมครั้งที่ 2",
        )
    ]
    return document


def export(
    tmp_path: Path, document: MeetingDocument, which: str = "minutes", layout: Layout = DEFAULT_LAYOUT
) -> Path:
    target = tmp_path / f"{which}.docx"
    WRITERS[which](document, target, layout)
    return target


def local(element_or_name: Any) -> str:
    """The name without its namespace: `pgNumType` for `{...main}pgNumType`."""
    name = element_or_name if isinstance(element_or_name, str) else element_or_name.tag
    return str(name).rsplit("}", 1)[-1]


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def xml(path: Path, part: str) -> Any:
    return parse_xml(parts(path)[part])


def ranks(sequence: tuple[str | tuple[str, ...], ...]) -> dict[str, int]:
    return {
        name: rank
        for rank, entry in enumerate(sequence)
        for name in ((entry,) if isinstance(entry, str) else entry)
    }


def misplaced(root: Any) -> Iterator[str]:
    """Each element whose children break its schema sequence (or are unknown to it)."""
    for parent_name, sequence in SEQUENCES.items():
        place = ranks(sequence)
        for parent in root.iter(W + parent_name):
            names = [local(child) for child in parent if isinstance(child.tag, str)]
            if parent_name == "tbl":
                names = [name for name in names if name in place]  # bookmarks may stand anywhere
            order = [place.get(name, -1) for name in names]
            if -1 in order or order != sorted(order):
                yield f"w:{parent_name}: {' '.join(names)}"
    for compat in root.iter(W + "compat"):
        names = [local(child) for child in compat]
        first = next((i for i, name in enumerate(names) if name in COMPAT_TAIL), len(names))
        if any(name not in COMPAT_TAIL for name in names[first:]):
            yield f"w:compat: {' '.join(names)}"


@pytest.mark.parametrize("which", ["minutes", "letter", "amendments"])
def test_every_element_is_in_its_schema_place(tmp_path: Path, demo: MeetingDocument, which: str) -> None:
    """Word repairs, or drops, what stands out of place: the Thai page numbers (w:pgNumType)
    after w:docGrid were the case seen."""
    path = export(tmp_path, demo_with_an_amendment(demo), which)
    checked = [name for name in parts(path) if CHECKED_PARTS.fullmatch(name)]
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml"} <= set(checked)
    wrong = {name: sorted(set(misplaced(xml(path, name)))) for name in checked}
    assert {name: found for name, found in wrong.items() if found} == {}


def test_page_numbers_stand_before_the_columns(tmp_path: Path, demo: MeetingDocument) -> None:
    sect_pr = xml(export(tmp_path, demo), "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect_pr is not None
    names = [local(child) for child in sect_pr]
    assert names.index("pgNumType") < names.index("cols") < names.index("docGrid")
    assert sect_pr.find(W + "pgNumType").get(qn("w:fmt")) == "thaiNumbers"


@pytest.mark.parametrize("which", ["minutes", "letter", "amendments"])
def test_word_opens_it_as_a_current_document(tmp_path: Path, demo: MeetingDocument, which: str) -> None:
    settings = xml(export(tmp_path, demo_with_an_amendment(demo), which), "word/settings.xml")
    modes = [
        setting.get(qn("w:val"))
        for setting in settings.iter(W + "compatSetting")
        if setting.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"]


def core_properties(path: Path) -> dict[str, str]:
    return {local(element): element.text or "" for element in xml(path, "docProps/core.xml")}


def test_core_properties_describe_the_meeting(tmp_path: Path, demo: MeetingDocument) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    path = export(tmp_path, demo)
    after = dt.datetime.now(dt.UTC)
    properties = core_properties(path)
    assert demo.office is not None
    assert properties["title"] == compose_minutes(demo, DEFAULT_LAYOUT).title
    assert properties["creator"] == properties["lastModifiedBy"] == demo.office.name
    for stamp in ("created", "modified"):
        assert properties[stamp].endswith("Z")  # UTC
        assert before <= dt.datetime.fromisoformat(properties[stamp]) <= after
    assert properties["language"] == "th-TH"


def test_a_document_without_an_office_is_authored_by_the_program(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    document = copy.deepcopy(demo)
    document.office = None
    properties = core_properties(export(tmp_path, document))
    assert properties["creator"] == properties["lastModifiedBy"] == "thai-minutes"


@pytest.mark.parametrize("which", ["minutes", "letter", "amendments"])
def test_nothing_of_python_docx_template_is_left(tmp_path: Path, demo: MeetingDocument, which: str) -> None:
    """No "python-docx", no 2013 dates and no thumbnail of another document."""
    contents = parts(export(tmp_path, demo_with_an_amendment(demo), which))
    doc_props = b"".join(data for name, data in contents.items() if name.startswith("docProps/"))
    assert b"python-docx" not in doc_props
    assert b"2013-" not in contents["docProps/core.xml"]
    assert not [name for name in contents if "thumbnail" in name]
    assert b"thumbnail" not in contents["_rels/.rels"]
    assert b"thumbnail" not in contents["[Content_Types].xml"]


def test_a_very_long_title_and_office_name_are_cut_not_fatal(tmp_path: Path, demo: MeetingDocument) -> None:
    document = copy.deepcopy(demo)
    document.meeting.title = "การประชุมคณะกรรมการ" * 30
    assert document.office is not None
    document.office.name = "สำนักงานพัฒนาชุมชน" * 30
    properties = core_properties(export(tmp_path, document))
    assert 200 < len(properties["title"]) <= 255
    assert compose_minutes(document, DEFAULT_LAYOUT).title.startswith(properties["title"])
    assert 200 < len(properties["creator"]) <= 255
    assert document.office.name.startswith(properties["creator"])


def named_font(path: Path, name: str) -> Any:
    fonts = [font for font in xml(path, "word/fontTable.xml") if font.get(qn("w:name")) == name]
    assert len(fonts) == 1, f"{name} is not once in the font table"
    return fonts[0]


def value(font: Any, child: str) -> str | None:
    element = font.find(W + child)
    return None if element is None else element.get(qn("w:val"))


@pytest.mark.parametrize("which", ["minutes", "letter", "amendments"])
def test_the_font_table_names_the_font_as_a_thai_font(
    tmp_path: Path, demo: MeetingDocument, which: str
) -> None:
    font = named_font(export(tmp_path, demo_with_an_amendment(demo), which), "TH Sarabun New")
    assert (value(font, "charset") or "").upper() == "DE"  # Thai
    assert value(font, "family") in ("swiss", "auto")
    assert value(font, "pitch") == "variable"


def signature(font: Any) -> dict[str, str]:
    sig = font.find(W + "sig")
    assert sig is not None
    return {local(name): text for name, text in sig.attrib.items()}


# The values below were read from the bundled files' OS/2 tables with fontTools.
def test_the_font_table_carries_the_bundled_fonts_signatures(tmp_path: Path, demo: MeetingDocument) -> None:
    th_sarabun = named_font(export(tmp_path, demo), "TH Sarabun New")
    assert th_sarabun.find(W + "sig") is not None
    if not choose_font("TH Sarabun New").installed:  # an installed one may be another version
        assert value(th_sarabun, "panose1") == "020B0500040200020003"
        assert signature(th_sarabun) == {
            "usb0": "A100006F",
            "usb1": "5000205A",
            "usb2": "00000000",
            "usb3": "00000000",
            "csb0": "60010183",
            "csb1": "80000000",
        }
    sarabun = named_font(export(tmp_path, demo, layout=DEFAULT_LAYOUT.with_font("Sarabun")), "Sarabun")
    assert value(sarabun, "panose1") == "00000500000000000000"
    assert signature(sarabun) == {
        "usb0": "21000007",
        "usb1": "00000001",
        "usb2": "00000000",
        "usb3": "00000000",
        "csb0": "20010193",
        "csb1": "00000000",
    }


def test_a_font_the_program_has_no_file_of_gets_no_guessed_signature(
    tmp_path: Path, demo: MeetingDocument
) -> None:
    name = "TH ฟอนต์ที่ไม่มีในเครื่อง"
    font = named_font(export(tmp_path, demo, layout=DEFAULT_LAYOUT.with_font(name)), name)
    assert (value(font, "charset") or "").upper() == "DE"
    assert font.find(W + "sig") is None
    assert font.find(W + "panose1") is None
