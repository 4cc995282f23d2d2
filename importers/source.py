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
from dataclasses import dataclass
from pathlib import Path

from models.recognize import agenda_heading, numbered_line, resolution


@dataclass(frozen=True)
class Line:
    text: str  # as typed, a manual line break as \n
    place: str
    bold: bool = False
    centered: bool = False
    indented: bool = False

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


# --- Word files ---------------------------------------------------------------------------------


def read_docx(path: Path) -> list[SourceBlock]:
    """The body of a Word file (.docx) in order. Raises SourceError for a file Word would not
    open (not a .docx, damaged)."""
    import docx  # noqa: PLC0415  (python-docx: only an import of a Word file needs it)
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise SourceError(f"{path.name} ไม่ใช่ไฟล์ Word (.docx) หรือไฟล์เสียหาย เปิดอ่านไม่ได้") from error
    except OSError as error:
        raise SourceError(f"อ่านไฟล์ {path.name} ไม่ได้: {error.strerror or error}") from error
    return _body_blocks(document)


def _body_blocks(document: object) -> list[SourceBlock]:
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    body = document.element.body  # type: ignore[attr-defined]
    blocks: list[SourceBlock] = []
    paragraphs = tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            line = _docx_line(Paragraph(child, document), f"ย่อหน้าที่ {paragraphs}")  # type: ignore[arg-type]
            if line.text.strip():
                blocks.append(line)
        elif child.tag == qn("w:tbl"):
            tables += 1
            grid = _docx_grid(Table(child, document), f"ตารางที่ {tables}")  # type: ignore[arg-type]
            if grid.rows:
                blocks.append(grid)
    return blocks


def _docx_line(paragraph: object, place: str) -> Line:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    text = paragraph.text  # type: ignore[attr-defined]  # tabs as \t, manual breaks as \n
    runs = [run for run in paragraph.runs if run.text.strip()]  # type: ignore[attr-defined]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)  # type: ignore[attr-defined]
    bold = bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)
    formatting = paragraph.paragraph_format  # type: ignore[attr-defined]
    indent = formatting.first_line_indent
    return Line(
        text.strip(" \u00a0"),
        place,
        bold=bold,
        centered=paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER,  # type: ignore[attr-defined]
        indented=indent is not None and indent > 0,
    )


def _docx_grid(table: object, place: str) -> Grid:
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells = tuple(cell.text.strip() for cell in row.cells)
        if any(cells):
            rows.append(cells)
    return Grid(tuple(rows), place)


def join_breaks(text: str) -> str:
    """A paragraph's manual line breaks joined: nothing between two Thai letters (a line broken
    where Word would have wrapped), a space elsewhere."""
    parts = [part.strip(" \u00a0") for part in text.split("\n")]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        if not part:
            continue
        if joined and _thai_letter(joined[-1]) and _thai_letter(part[0]):
            joined += part
        else:
            joined = f"{joined} {part}" if joined else part
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


def _unmarked(line: str) -> tuple[str, bool]:
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
        if "\t" not in text or _structural(text):
            break
        count = len(text.split("\t"))
        if cells is None:
            cells = count
        elif count != cells:
            break
        run.append(entry)
    return run


def _structural(text: str) -> bool:
    first = text.split("\t", 1)[0].strip()
    if first in ("-", "•", "–", "*") or agenda_heading(text) or resolution(text) is not None:
        return True
    numbered = numbered_line(first + " x")
    return numbered is not None and numbered.style == "closed"


def read_blocks(path: Path) -> list[SourceBlock]:
    """A .docx or .txt file as lines and grids. A text file is read as UTF-8, or as Windows'
    Thai code page (cp874, TIS-620) when it is not UTF-8. Raises SourceError in Thai."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix != ".txt":
        raise SourceError(f"นำเข้าได้เฉพาะไฟล์ .docx (Word) หรือ .txt ไม่ใช่ {path.suffix or 'ไฟล์ไม่มีนามสกุล'}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"อ่านไฟล์ {path.name} ไม่ได้: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp874", errors="replace")
    return read_text(text)
