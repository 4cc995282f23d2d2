"""Minutes typed elsewhere, read as a run of lines and grids: a Word file's paragraphs and tables
in body order, or a text file's lines.

A `Line` is one paragraph as typed (a tab kept as a tab, a manual line break as a line break), with
the formatting that tells a heading from body text: all bold, centred, indented. A `Grid` is a
table: its rows of cell texts, a cell spanning several columns repeated in each (as Word's
merged header cells read). Each carries its place in the document (`ย่อหน้าที่ 12`), for the
import's report.

Text files are read as the clerk's text: one paragraph a line, a line ending in two spaces (a
manual line break) joined to the next; lines with tabs that follow one another with as many cells
form a grid; the heading marks and bold marks of text converted from Word (`####`, `**`) are
formatting, not text.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.fileio import os_reason
from models.recognize import agenda_heading, numbered_line, resolution
from models.text import normal_thai
from models.thai import parse_figure


@dataclass(frozen=True)
class Line:
    text: str  # as typed, a manual line break as \n
    place: str
    bold: bool = False
    centered: bool = False
    indented: bool = False
    level: int | None = None  # a heading style's level (Word's `Heading 1` is 1), None for body text

    @property
    def joined(self) -> str:
        """The paragraph with its manual line breaks joined (`join_breaks`)."""
        return join_breaks(self.text)

    @property
    def pieces(self) -> list[str]:
        """The paragraph's lines as its manual line breaks part them (an address block)."""
        return [piece.strip(" \u00a0") for piece in self.text.split("\n") if piece.strip(" \u00a0")]


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]
    place: str


SourceBlock = Line | Grid


class SourceError(Exception):
    """A file that cannot be read as a document; the message is in Thai."""


def _unreadable(path: Path, error: OSError) -> SourceError:
    """Why the file could not be read, in Thai (a mistyped name says so)."""
    if isinstance(error, FileNotFoundError):
        return SourceError(f"ไม่พบไฟล์ {path} ตรวจชื่อไฟล์และโฟลเดอร์อีกครั้ง")
    if isinstance(error, PermissionError):
        return SourceError(f"อ่านไฟล์ {path.name} ไม่ได้: ไม่มีสิทธิ์อ่านไฟล์นี้")
    return SourceError(f"อ่านไฟล์ {path.name} ไม่ได้: {os_reason(error)}")


# --- Word files ---------------------------------------------------------------------------------


def read_docx(path: Path, dropped: list[tuple[str, str]] | None = None) -> list[SourceBlock]:
    """The body of a Word file (.docx) in order; what it holds that cannot be imported (pictures)
    is added to `dropped` as (place, what). Raises SourceError for a file Word would not open
    (not a .docx, damaged)."""
    import docx  # noqa: PLC0415  (python-docx: only an import of a Word file needs it)
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    if not path.exists():
        raise _unreadable(path, FileNotFoundError(path))
    if _encrypted(path):
        raise SourceError(f"{path.name} ตั้งรหัสผ่านไว้ โปรแกรมเปิดไม่ได้ {SAVE_AS_DOCX} โดยไม่ตั้งรหัสผ่าน")
    if _old_word_file(path):
        raise SourceError(f"{path.name} เป็นไฟล์ Word แบบเก่า (.doc) แม้ชื่อจะลงท้ายด้วย .docx {SAVE_AS_DOCX}")
    try:
        document = docx.Document(str(path))
        dropped = dropped if dropped is not None else []
        blocks = _title_from_the_page_header(document, _body_blocks(document, dropped), dropped)
    except OSError as error:
        raise _unreadable(path, error) from error
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        RuntimeError,
        EOFError,
        zlib.error,
        SyntaxError,
        zipfile.BadZipFile,
    ) as error:
        # a zip that is not Word's, a part missing, XML cut or garbled (lxml's XMLSyntaxError is a
        # SyntaxError), an entry with a password
        raise SourceError(f"{path.name} ไม่ใช่ไฟล์ Word (.docx) หรือไฟล์เสียหาย เปิดอ่านไม่ได้") from error
    if not blocks:
        raise SourceError(f"{path.name} ไม่มีข้อความเลย (ไฟล์ว่าง)")
    return blocks


SAVE_AS_DOCX = "กรุณาเปิดใน Word แล้วเลือก บันทึกเป็น → เอกสาร Word (.docx) ก่อนนำเข้า"

_TITLE_OF_MINUTES = re.compile(r"^\s*(?:บันทึกรายงาน|รายงาน|บันทึก|สรุปผล)การประชุม")


def _title_from_the_page_header(
    document: Any, blocks: list[SourceBlock], said: list[tuple[str, str]]
) -> list[SourceBlock]:
    """Minutes whose title (and number) is typed only in the page header, repeated on every page:
    the header's lines read first, as the body's opening lines, so that the date, venue and
    roster under them are read as the header's (a body with a title of its own is read alone)."""
    if any(isinstance(block, Line) and _TITLE_OF_MINUTES.match(block.text) for block in blocks):
        return blocks
    try:
        section = document.sections[0]
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        lines = [
            Line(text, "หัวกระดาษ") for p in header._element.iter(f"{_W}p") if (text := xml_text(p).strip())
        ]
    except (AttributeError, IndexError, KeyError, ValueError):  # no section or no header part
        return blocks
    if not any(_TITLE_OF_MINUTES.match(line.text) for line in lines):
        return blocks
    said.append(("หัวกระดาษ", "ชื่อการประชุมพิมพ์ไว้เฉพาะที่หัวกระดาษ อ่านชื่อและครั้งที่จากหัวกระดาษ"))
    return [*lines, *blocks]


_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files, and .docx with a password


def _old_word_file(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(8) == _OLE_SIGNATURE
    except OSError:
        return False


def _encrypted(path: Path) -> bool:
    """Whether a .docx is one Word saved with a password: an OLE file holding the document as
    an `EncryptedPackage` (the name in UTF-16), or a zip whose entries need a password."""
    try:
        with path.open("rb") as file:
            if file.read(8) == _OLE_SIGNATURE:
                return "EncryptedPackage".encode("utf-16-le") in file.read(1 << 20)
    except OSError:
        return False
    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as package:
            return any(entry.flag_bits & 0x1 for entry in package.infolist())
    except (zipfile.BadZipFile, OSError):
        return False


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"  # Word's equations
# Symbol and Wingdings characters clerks put in minutes, as the characters they show
_SYMBOLS = {
    "F0FC": "✓",
    "F0FB": "✗",
    "F0FD": "☒",
    "F0FE": "☑",
    "F0A8": "☐",
    "F06F": "☐",
    "F0B7": "•",
    "F0D8": "➢",
}


def _body_blocks(document: object, dropped: list[tuple[str, str]]) -> list[SourceBlock]:
    """The body's paragraphs and tables in order, those inside content controls (`w:sdt`) too,
    read from the XML: python-docx's text leaves out tracked insertions, content controls, smart
    tags and field results, which a clerk sees as text. A footnote's or endnote's text comes as a
    line after the paragraph that refers to it; pictures, which the meeting cannot hold, are
    named in `dropped` with their place."""
    styles = _Styles(document)
    numbering = _Numbering(document)
    notes = _notes_of(document)
    blocks: list[SourceBlock] = []
    counts = {"p": 0, "tbl": 0}

    def walk(parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == f"{_W}p":
                counts["p"] += 1
                place = f"ย่อหน้าที่ {counts['p']}"
                line = _xml_line(child, place, styles, numbering)
                if line.text.strip():
                    blocks.append(line)
                for box in text_boxes(child):  # a stamp or note in a text box: its own lines
                    walk(box)
                for reference in child.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
                    text = notes.get((reference.tag, reference.get(f"{_W}id", "")), "")
                    if text:
                        blocks.append(Line(text, f"เชิงอรรถของ{place}"))
                for what, count in _objects(child):
                    dropped.append((place, f"{what} {count} รายการไม่ได้นำเข้า (เก็บเฉพาะข้อความ)"))
                if hidden := _hidden_text(child):  # Word neither shows nor prints it: left out, said
                    dropped.append((place, f"ข้อความที่ซ่อนไว้ {hidden} แห่ง (Word ไม่แสดงและไม่พิมพ์) ไม่ได้นำเข้า"))
            elif child.tag == f"{_W}tbl" and (frame := _frame_cell(child)) is not None:
                walk(frame)  # a table of one cell framing the text (a web page's layout): the text
            elif child.tag == f"{_W}tbl":
                counts["tbl"] += 1
                place = f"ตารางที่ {counts['tbl']}"
                grid = _xml_grid(child, place, numbering)
                if grid.rows:
                    blocks.append(grid)
                for reference in child.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
                    text = notes.get((reference.tag, reference.get(f"{_W}id", "")), "")
                    if text:  # a note on a cell (`สาธารณสุขอำเภอ¹`): a line after the table
                        blocks.append(Line(text, f"เชิงอรรถของ{place}"))
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                walk(child)
            elif child.tag == f"{_W}altChunk":  # a document put in whole (HTML from a web system)
                dropped.append(
                    (
                        f"ต่อจากย่อหน้าที่ {counts['p']}",
                        "ข้อความที่ฝังมาเป็นเอกสารแทรก (altChunk) ไม่ได้นำเข้า "
                        "กรุณาเปิดใน Word แล้วบันทึกเป็น .docx ใหม่ก่อนนำเข้า",
                    )
                )

    walk(document.element.body)  # type: ignore[attr-defined]
    return blocks


_FRAMED_PARAGRAPHS = 3  # a table's one cell holding this many paragraphs (or a table) is a frame


def _frame_cell(table: Any) -> Any | None:
    """The one cell of a table used as a frame around the document's text (a box drawn round
    the minutes, a web page's layout table): a single row and cell holding several paragraphs
    or a table of its own. None for any other table (a one-cell table of a line is a box)."""
    rows = table.findall(f"{_W}tr")
    cells = rows[0].findall(f"{_W}tc") if len(rows) == 1 else []
    if len(cells) != 1:
        return None
    cell = cells[0]
    paragraphs = [p for p in cell.findall(f"{_W}p") if xml_text(p).strip()]
    return cell if len(paragraphs) >= _FRAMED_PARAGRAPHS or cell.find(f"{_W}tbl") is not None else None


_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_OBJECTS = (
    ("รูปภาพ", (_PICTURE, "{urn:schemas-microsoft-com:vml}imagedata")),
    ("แผนภูมิ", ("{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",)),
    ("วัตถุที่ฝังไว้ (เช่น ตาราง Excel)", (f"{_W}object",)),
    ("ความเห็น (comment) ของผู้ตรวจทาน", (f"{_W}commentReference",)),
    ("แผนภาพ SmartArt", ("{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds",)),
)


def _objects(paragraph: Any) -> list[tuple[str, int]]:
    """The pictures, charts and embedded objects a paragraph holds (old Word's copies aside;
    an embedded object's picture counted as the object), each kind with how many."""
    copies = {node for copy in paragraph.iter(f"{_MC}Fallback") for node in copy.iter()}
    inside_objects = {node for obj in paragraph.iter(f"{_W}object") for node in obj.iter() if node is not obj}
    found = []
    for what, tags in _OBJECTS:
        count = sum(1 for node in paragraph.iter(*tags) if node not in copies and node not in inside_objects)
        if count:
            found.append((what, count))
    return found


def _hidden_text(paragraph: Any) -> int:
    """How many hidden runs with words a paragraph holds."""
    return sum(
        1 for run in _hidden_runs(paragraph) if "".join(t.text or "" for t in run.iter(f"{_W}t")).strip()
    )


_NOTE_PARTS = {"footnotes": f"{_W}footnoteReference", "endnotes": f"{_W}endnoteReference"}


def _notes_of(document: object) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote, by (the tag that refers to it, its id)."""
    from docx.oxml import parse_xml  # noqa: PLC0415

    found: dict[tuple[str, str], str] = {}
    for relationship in document.part.rels.values():  # type: ignore[attr-defined]
        kind = relationship.reltype.rsplit("/", 1)[-1]
        if kind not in _NOTE_PARTS or relationship.is_external:
            continue
        root = parse_xml(relationship.target_part.blob)
        for note in root:
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(xml_text(paragraph).strip() for paragraph in note.iter(f"{_W}p")).strip()
            found[(_NOTE_PARTS[kind], note.get(f"{_W}id", ""))] = text
    return found


class _Styles:
    """What the document's paragraph styles say about their text, read once (looking a style up
    for each paragraph scanned every style, most of a long file's import): which make it bold,
    and which are headings and of what level (`heading 2` by its built-in name, which Word keeps
    in English whatever the interface language, or an outline level set in the style)."""

    def __init__(self, document: object) -> None:
        bold: set[str] = set()
        self.levels: dict[str, int] = {}
        for style in document.styles:  # type: ignore[attr-defined]
            try:
                if _bold_style(style):  # paragraph styles, and character ones (`Strong`)
                    bold.add(style.style_id)
            except AttributeError:  # a numbering or table style has no font
                continue
            level = _HEADING_NAME.fullmatch((style.name or "").lower())
            heading_level = int(level[1]) if level is not None else _outline_level(style.element)
            if heading_level is not None:
                self.levels[style.style_id] = heading_level
        self.bold = frozenset(bold)

    def level(self, paragraph: Any) -> int | None:
        """The paragraph's heading level: its own outline level, else its style's."""
        if paragraph.find(f"{_W}pPr/{_W}outlineLvl") is not None:
            return _outline_level(paragraph)
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return self.levels.get(style.get(f"{_W}val", "")) if style is not None else None


_HEADING_NAME = re.compile(r"heading ([1-9])")
_STYLE_DEPTH = 10  # styles based on styles: a chain this long is a loop in a damaged file


def _bold_style(style: Any) -> bool:
    """Whether a style makes its text bold: its own setting, else the one of the style it is
    based on (`Normal Bold` based on a bold `Title`), and so on up."""
    for _ in range(_STYLE_DEPTH):
        if style is None:
            return False
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _outline_level(element: Any) -> int | None:
    """The heading level an element's `w:outlineLvl` gives (0 is level 1; 9 is body text)."""
    outline = element.find(f"{_W}pPr/{_W}outlineLvl")
    value = outline.get(f"{_W}val", "9") if outline is not None else "9"
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def xml_text(element: Any) -> str:
    """All the text of a paragraph as Word shows it: runs in tracked insertions and moves,
    content controls, smart tags, hyperlinks and field results included (deleted text, the old
    place of moved text and field codes are left out); a tab as a tab, a line break as a line
    break."""
    parts = []
    # a text box is written twice, for new Word and old (mc:Choice, mc:Fallback): read once, as
    # paragraphs of its own after this one (`text_boxes`), not run into this paragraph's words.
    # The elements themselves are kept in the set: lxml makes a Python object for an element on
    # demand, and the id of one let go is given to the next, so ids alone matched text at random.
    skipped = {node for box in _boxes_and_copies(element) for node in box.iter()}
    # a paragraph moved with Track Changes on: its old place (`w:moveFrom`) is shown struck out,
    # as a deletion is; its text is read where it was moved to (`w:moveTo`)
    skipped |= {node for moved in element.iter(f"{_W}moveFrom") for node in moved.iter()}
    # hidden text (`w:vanish`, a note for the office only): Word neither shows nor prints it
    skipped |= {node for run in _hidden_runs(element) for node in run.iter()}
    tags = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen", f"{_W}sym", f"{_MATH}t")
    for node in element.iter(*tags):
        tag = node.tag
        if node in skipped:
            continue
        if tag == f"{_MATH}t":  # an equation's text (`2.5%`), as Word shows it in the line
            parts.append(node.text or "")
            continue
        if tag == f"{_W}sym":  # a symbol font's character (Wingdings' ✓): its own, where it has one
            parts.append(_SYMBOLS.get(node.get(f"{_W}char", "").upper(), "?"))
        elif tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return normal_thai("".join(parts))


def _hidden_runs(element: Any) -> list[Any]:
    """The runs of an element set hidden (Font → Hidden)."""
    return [run for run in element.iter(f"{_W}r") if _on(run, f"{_W}rPr/{_W}vanish")]


def _boxes_and_copies(element: Any) -> list[Any]:
    """The text boxes inside a paragraph and the old-Word copies of them (`mc:Fallback`)."""
    return [*element.iter(f"{_MC}Fallback"), *element.iter(f"{_W}txbxContent")]


def text_boxes(element: Any) -> list[Any]:
    """The contents of the text boxes a paragraph holds (each once, outside old-Word copies)."""
    copies = {node for copy in element.iter(f"{_MC}Fallback") for node in copy.iter()}
    found, inside = [], set()
    for box in element.iter(f"{_W}txbxContent"):
        if box not in copies and box not in inside:  # a box in a box is read with the outer one
            found.append(box)
            inside.update(box.iter(f"{_W}txbxContent"))
    return found


def _on(element: Any, path: str) -> bool:
    """Whether an on/off property (`w:b`, `w:jc`...) at `path` is set and not turned off."""
    found = element.find(path)
    return found is not None and found.get(f"{_W}val") not in ("0", "false", "off")


def _bold_run(run: Any, styles: _Styles, paragraph_bold: bool) -> bool:
    """Whether a run prints bold: its own `w:b`, else its character style's (`Strong`), else
    its paragraph style's."""
    if run.find(f"{_W}rPr/{_W}b") is not None:
        return _on(run, f"{_W}rPr/{_W}b")
    character = run.find(f"{_W}rPr/{_W}rStyle")
    if character is not None and character.get(f"{_W}val") in styles.bold:
        return True
    return paragraph_bold


def _xml_line(paragraph: Any, place: str, styles: _Styles, numbering: _Numbering) -> Line:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    style_bold = style is not None and style.get(f"{_W}val") in styles.bold
    runs = [run for run in paragraph.iter(f"{_W}r") if xml_text(run).strip()]
    bold = bool(runs) and all(_bold_run(run, styles, style_bold) for run in runs)
    alignment = paragraph.find(f"{_W}pPr/{_W}jc")
    indent = paragraph.find(f"{_W}pPr/{_W}ind")
    first_line = indent.get(f"{_W}firstLine") if indent is not None else None
    text = xml_text(paragraph).strip(" \u00a0")
    label = numbering.label(paragraph) if text else ""
    return Line(
        f"{label}\t{text}" if label else text,
        place,
        bold=bold,
        centered=alignment is not None and alignment.get(f"{_W}val") == "center",
        indented=first_line is not None and first_line.lstrip("-").isdigit() and int(first_line) > 0,
        level=styles.level(paragraph),
    )


class _Numbering:
    """Word's automatic numbering (`w:numPr`), as the numbers and bullets Word prints before the
    paragraphs: counted here in document order, each list level in its format (`1.`, `๑.๑`,
    `(ก)`, a bullet as `-`), so that auto-numbered items and lists read as typed ones."""

    THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"

    def __init__(self, document: object) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId: level: (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.styled: dict[str, Any] = {}  # a paragraph style's own numbering (`List Number`)
        self.counted_as: dict[str, str] = {}  # numId: whose counters it goes on with
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except (AttributeError, KeyError, NotImplementedError):
            return
        root = part.element
        abstract = {}
        linked: dict[str, str] = {}  # a list definition that is a list style's: that style's name
        by_style: dict[str, str] = {}  # a list style's name: the list definition holding its levels
        for node in root.iter(f"{_W}abstractNum"):
            for tag, names in ((f"{_W}numStyleLink", linked), (f"{_W}styleLink", None)):
                link = node.find(tag)
                if link is not None and names is not None:
                    names[node.get(f"{_W}abstractNumId", "")] = link.get(f"{_W}val", "")
                elif link is not None:
                    by_style[link.get(f"{_W}val", "")] = node.get(f"{_W}abstractNumId", "")
            levels = {}
            for level in node.iter(f"{_W}lvl"):
                number_format = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                levels[int(level.get(f"{_W}ilvl", "0"))] = (
                    number_format.get(f"{_W}val", "decimal") if number_format is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for list_id, style_name in linked.items():  # Word's list styles: the levels are the style's
            if not abstract.get(list_id) and by_style.get(style_name) in abstract:
                abstract[list_id] = abstract[by_style[style_name]]
        for num in root.iter(f"{_W}num"):
            reference = num.find(f"{_W}abstractNumId")
            if reference is None:
                continue
            number_id, list_id = num.get(f"{_W}numId", ""), reference.get(f"{_W}val", "")
            levels = dict(abstract.get(list_id, {}))
            restarts = False
            for override in num.iter(f"{_W}lvlOverride"):  # Word's "Set numbering value"
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and level in levels:
                    number_format, text, _ = levels[level]
                    levels[level] = (number_format, text, int(start.get(f"{_W}val", "1")))
                    restarts = True
            self.levels[number_id] = levels
            # numbers of one list definition go on from one numbering to the next, as Word counts
            # them, unless a numbering sets its own start
            self.counted_as[number_id] = number_id if restarts else f"list {list_id}"
        styles = {
            style.get(f"{_W}styleId", ""): style
            for style in document.styles.element.iter(f"{_W}style")  # type: ignore[attr-defined]
        }
        for style_id in styles:
            numbered = _style_numbering(styles, style_id)
            if numbered is not None:
                self.styled[style_id] = numbered

    def label(self, paragraph: Any) -> str:
        """The number or bullet Word prints before this paragraph; empty when it has none."""
        properties = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        from_style = self.styled.get(style.get(f"{_W}val", "")) if style is not None else None
        if properties is None:
            properties = from_style
        if properties is None:
            return ""
        num = properties.find(f"{_W}numId")
        if num is None and from_style is not None:  # the level here, the list the style's
            num = from_style.find(f"{_W}numId")
        level_node = properties.find(f"{_W}ilvl")
        number_id = num.get(f"{_W}val", "") if num is not None else ""
        level = int(level_node.get(f"{_W}val", "0")) if level_node is not None else 0
        levels = self.levels.get(number_id)
        if not levels or level not in levels or number_id == "0":
            return ""
        counters = self.counters.setdefault(self.counted_as.get(number_id, number_id), {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        number_format, text, _ = levels[level]
        if number_format == "bullet":
            return "-"
        for shown in range(level + 1):
            value = counters.get(shown, levels.get(shown, ("decimal", "", 1))[2])
            shown_format = levels.get(shown, ("decimal", "", 1))[0]
            text = text.replace(f"%{shown + 1}", self._formatted(value, shown_format))
        return text.strip()

    def _formatted(self, value: int, number_format: str) -> str:
        if number_format in ("thaiNumbers", "thaiCounting"):
            return str(value).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        if number_format == "thaiLetters" and 0 < value <= len(self.THAI_LETTERS):
            return self.THAI_LETTERS[value - 1]
        if number_format in ("lowerLetter", "upperLetter") and 0 < value <= 26:
            letter = chr(ord("a") + value - 1)
            return letter.upper() if number_format == "upperLetter" else letter
        if number_format in ("lowerRoman", "upperRoman") and 0 < value < 4000:
            roman = _roman(value)
            return roman if number_format == "upperRoman" else roman.lower()
        return str(value)


def _style_numbering(styles: dict[str, Any], style_id: str) -> Any | None:
    """A paragraph style's numbering: its own `w:numPr`, else the one of the style it is based on
    (`วาระ` based on a numbered `AgendaBase`), and so on up."""
    for _ in range(_STYLE_DEPTH):
        style = styles.get(style_id)
        if style is None:
            return None
        numbered = style.find(f"{_W}pPr/{_W}numPr")
        if numbered is not None:
            return numbered
        based_on = style.find(f"{_W}basedOn")
        if based_on is None:
            return None
        style_id = based_on.get(f"{_W}val", "")
    return None


def _roman(value: int) -> str:
    """`4` → `IV` (Google Docs numbers a list's third level so)."""
    numerals = []
    for number, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        count, value = divmod(value, number)
        numerals.append(numeral * count)
    return "".join(numerals)


def _xml_grid(table: Any, place: str, numbering: _Numbering | None = None) -> Grid:
    """A table's rows of cell texts: a cell spanning columns repeated in each, a cell merged down
    repeated in the rows below (as Word shows one cell there) unless it holds a figure (given
    once, in its first row), a table nested in a cell read into the cell's text."""
    rows: list[tuple[str, ...]] = []
    above: dict[int, str] = {}
    for row in table.iter(f"{_W}tr"):
        if _nearest(row, f"{_W}tbl") is not table:
            continue  # a nested table's row: read with its cell
        cells: list[str] = []
        before = row.find(f"{_W}trPr/{_W}gridBefore")  # a row set in by columns it does not have
        for _ in range(int(before.get(f"{_W}val", "0")) if before is not None else 0):
            above[len(cells)] = ""
            cells.append("")
        for cell in row.iter(f"{_W}tc"):
            if _nearest(cell, f"{_W}tr") is not row:
                continue
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            columns = int(span.get(f"{_W}val", "1")) if span is not None else 1
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val") != "restart":
                text = above.get(len(cells), "")
                if parse_figure(text) is not None:
                    text = ""  # one figure over several rows counts once (a total adds it once)
            else:
                text = "\n".join(line for p in cell.iter(f"{_W}p") if (line := _cell_line(p, numbering)))
            for index in range(max(1, columns)):
                # a figure across columns (`๔,๒๐๐,๐๐๐` for two quarters) counts once, in the first
                shown = text if index == 0 or parse_figure(text) is None else ""
                above[len(cells)] = shown
                cells.append(shown)
        if any(cell.strip() for cell in cells):
            rows.append(tuple(cells))
    return Grid(tuple(rows), place)


def _cell_line(paragraph: Any, numbering: _Numbering | None) -> str:
    """A paragraph of a cell as Word shows it, its automatic number first (a ลำดับ column
    numbered by Word holds nothing else)."""
    text = xml_text(paragraph).strip()
    label = numbering.label(paragraph) if numbering is not None else ""
    return f"{label} {text}".strip() if label else text


def _nearest(node: Any, tag: str) -> Any:
    """The nearest element above `node` with this tag: a row's table, a cell's row, however
    deep the content controls (`w:sdt`) and custom XML between them."""
    parent = node.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


# A line broken by hand this long or longer was broken where Word would have wrapped it: its two
# parts join without a space (Thai writes words together); a shorter one ended a phrase or a line
# of its own (a vote, an address), and joins with a space.
WRAPPED_LINE_CHARS = 50


def join_breaks(text: str) -> str:
    """A paragraph's manual line breaks joined: nothing between two Thai letters where the line
    before was long (broken where Word would have wrapped), a space elsewhere."""
    parts = [part.strip(" \u00a0") for part in text.split("\n")]
    joined = parts[0] if parts else ""
    last = joined
    for part in parts[1:]:
        if not part:
            continue
        wrapped = len(last) >= WRAPPED_LINE_CHARS and _thai_letter(last[-1]) and _thai_letter(part[0])
        joined = joined + part if wrapped or not joined else f"{joined} {part}"
        last = part
    return joined


def _thai_letter(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e4e"


# --- text files ---------------------------------------------------------------------------------

_HEADING_MARKS = re.compile(r"^#{1,6}[ \t]+")
_BOLD_JOIN = re.compile(r"\*\*\*\*")  # two bold runs side by side: a tab stood between them
_LINK = re.compile(r"\[([^\]]*)\]\((?:https?|mailto):[^)]*\)")
_ANGLE_LINK = re.compile(r"<((?:https?|mailto):[^>]*)>")


def read_text(text: str) -> list[SourceBlock]:
    """A text file's lines as lines and grids (see the module's docstring)."""
    text = normal_thai(text)  # copied out of a PDF: ำ as ํ + า
    lines = _joined_lines(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    blocks: list[SourceBlock] = []
    index = 0
    while index < len(lines):
        number, text_line, bold = lines[index]
        run = _grid_run(lines, index)
        if len(run) >= 2:
            rows = tuple(tuple(cell.strip() for cell in row.split("\t")) for _, row, _ in run)
            blocks.append(Grid(rows, f"บรรทัดที่ {number}"))
            index += len(run)
            continue
        blocks.append(Line(text_line, f"บรรทัดที่ {number}", bold=bold))
        index += 1
    return blocks


def _joined_lines(text: str) -> list[tuple[int, str, bool]]:
    """(line number, text, all bold) of each paragraph: lines ending in two spaces joined to the
    next, heading and bold marks taken off."""
    found: list[tuple[int, str, bool]] = []
    pending: tuple[int, str] | None = None
    for line_number, typed in enumerate(text.split("\n"), start=1):
        number, raw = (pending[0], f"{pending[1]}\n{typed}") if pending is not None else (line_number, typed)
        if raw.endswith("  ") and raw.strip():
            pending = (number, raw.rstrip(" "))
            continue
        pending = None
        line, bold = _unmarked(raw)
        if line.strip():
            found.append((number, line.strip(" \u00a0"), bold))
    if pending is not None:
        line, bold = _unmarked(pending[1])
        if line.strip():
            found.append((pending[0], line.strip(" \u00a0"), bold))
    return found


_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


# emoji and symbols opening a line of a note typed in LINE (`📌 ระเบียบวาระที่ ๑`, `✅ มติที่ประชุม`,
# `▪️ ๑. นาย…`): decoration, taken off; the bullets a list is read by (✓ ➢ • -) are not among them
_EMOJI_MARKS = re.compile(
    "^\\s*(?:[\U0001f000-\U0001faff\u2600-\u2712\u2714-\u2716\u2718-\u27a1\u27a3-\u27bf"
    "\u2b00-\u2bff\u25a0-\u25ff\u2190-\u21ff][\ufe0f\u200d]*)+\\s+"
)


def _unmarked(line: str) -> tuple[str, bool]:
    line = _EMOJI_MARKS.sub("", line)
    if _PIPE_RULE.match(line):  # a Markdown table's `| :--- | ---: |` (Google Docs' download)
        return "", False
    row = _PIPE_ROW.match(line)
    if row is not None:  # `| ที่ | ชื่อ - สกุล |`: its cells parted by tabs, as a table's row is
        line = "\t".join(cell.strip() for cell in row[1].split("|"))
    heading = bool(_HEADING_MARKS.match(line))
    line = _HEADING_MARKS.sub("", line)
    line = _BOLD_JOIN.sub("\t", line)
    bold = heading or (line.strip().startswith("**") and line.strip().endswith("**"))
    line = line.replace("**", "")
    line = _LINK.sub(r"\1", line)
    line = _ANGLE_LINK.sub(r"\1", line)
    return line, bold


def _grid_run(lines: list[tuple[int, str, bool]], start: int) -> list[tuple[int, str, bool]]:
    """The lines from `start` that read as rows of one table: each with a tab, as many cells as
    the first, and none a heading, a resolution, a list entry or an item of the agenda."""
    run: list[tuple[int, str, bool]] = []
    cells = None
    for entry in lines[start:]:
        text = entry[1]
        if "\t" not in text or _structural(text) or _prose_row(text.split("\t")):
            break
        count = len(text.split("\t"))
        if cells is None:
            cells = count
        elif count > cells:
            break  # fewer: a row whose last cells are empty (no tab typed after the last word)
        run.append(entry)
    if run and all(not row.split("\t", 1)[0].strip() and row.count("\t") == 1 for _, row, _ in run):
        return []  # lines indented with a tab (a signer's name under the dots): lines, as in Word
    return run


def _prose_row(cells: list[str]) -> bool:
    """A line tabbed as a council's minutes set a speaker and what they said (`ประธานสภาฯ⇥- ขอ
    เชิญ…`), not a table's row (a table's long cells, a criterion's sentence, stay cells)."""
    return any(cell.strip().startswith(("- ", "– ")) and len(cell.strip()) > 2 for cell in cells[1:])


def _structural(text: str) -> bool:
    first = text.split("\t", 1)[0].strip()
    if first in ("-", "•", "–", "*") or agenda_heading(text) or resolution(text) is not None:
        return True
    if "ลงชื่อ" in text:  # `ลงชื่อ⇥name⇥ผู้จดรายงานการประชุม`: a signature, never a table's row
        return True
    numbered = numbered_line(first + " x")
    return numbered is not None and numbered.style == "closed"


# Files a clerk may hold minutes in that only Word reads: refused with the way to a .docx
OTHER_WORD_FORMATS = (".doc", ".docm", ".dot", ".dotx", ".dotm", ".rtf", ".odt", ".wps")
TYPED_MINUTES_SUFFIXES = (".docx", ".txt", *OTHER_WORD_FORMATS)


def read_blocks(path: Path, dropped: list[tuple[str, str]] | None = None) -> list[SourceBlock]:
    """A .docx or .txt file as lines and grids. A text file is read as UTF-8, or as Windows'
    Thai code page (cp874, TIS-620) when it is not UTF-8. Raises SourceError in Thai."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path, dropped)
    if suffix in OTHER_WORD_FORMATS:
        raise SourceError(f"{path.name} เป็นไฟล์แบบ {suffix} ซึ่งโปรแกรมอ่านไม่ได้ {SAVE_AS_DOCX}")
    if suffix != ".txt":
        raise SourceError(f"นำเข้าได้เฉพาะไฟล์ .docx (Word) หรือ .txt ไม่ใช่ {path.suffix or 'ไฟล์ไม่มีนามสกุล'}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from error
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp874", errors="replace")
    return read_text(text)
