"""DOCX writer: renders a composition (`exporters.compose`) with python-docx.

Thai needs more than python-docx does by itself: the font goes into all four `w:rFonts` slots
with the theme fonts removed, complex-script size and weight (`w:szCs`, `w:bCs`) stand beside the
Latin ones, Thai runs carry `w:cs`, and the language is `w:bidi="th-TH"`; in the document
defaults, in every style and in every run. Lines are left to Word's and LibreOffice's own Thai
dictionaries: no zero-width spaces are written. What the composition must never part at a line
end, though a space or a hyphen stands inside it (`พ.ศ. ๒๕๖๘`, `๑๓.๓๐ น.`, `ครั้งที่ ๘/๒๕๖๖`,
`อื่น ๆ`, `๑๖-๑๘ สิงหาคม`: a piece of `models.thai.segment`, as the PDF keeps it), is written with
no-break spaces and a non-breaking hyphen (`w:noBreakHyphen`), which both programs honour.

The package is tidied too, so that Word opens it as a current document without offering repair:
every element is put at its ECMA-376 schema place, `compatibilityMode` is 15 (not python-docx's
14, which opens in compatibility mode), the font table names the layout's font as a Thai font,
the core properties describe the meeting (not python-docx's 2013 template) and python-docx's
thumbnail is left out.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import io
import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from exporters.compose import (
    Align,
    Composition,
    Element,
    Grid,
    GridCell,
    PageBreak,
    Para,
    Picture,
    Rule,
    Spacer,
    Span,
    compose_agenda,
    compose_amendments,
    compose_letter,
    compose_minutes,
    compose_public,
    compose_resolutions,
)
from exporters.fonts import choose_font
from exporters.layout import Layout
from models import thai
from models.cache import read_cached, source_key, write_cached
from models.fileio import atomic_output
from models.meeting import MeetingDocument
from models.text import clean_text

_ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.THAI_JUSTIFY,
}

# The orders ECMA-376 (transitional wml.xsd) requires of children; Word offers to repair or
# silently drops what breaks them. Each list holds a type's sequence, from its first element.
# <w:rPr> (EG_RPrBase):
_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
]
# The order of <w:style>'s children (the part this writer touches).
_STYLE_ORDER = [
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
]
# <w:sectPr> (EG_SectPrContents, after the header and footer references).
_SECTPR_ORDER = [
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
]
# <w:pPr> (CT_PPrBase, then CT_PPr's own).
_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
# <w:settings> (CT_Settings), from <w:compat> on: where a missing <w:compat> goes.
_SETTINGS_ORDER_FROM_COMPAT = [
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
]
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_THAI = re.compile("[\u0e00-\u0e7f]")
_NO_BREAK_SPACE = "\u00a0"
# U+2011 NON-BREAKING HYPHEN stands for <w:noBreakHyphen/> between `_kept_together` and `_run`
# (Word's own element; neither TH Sarabun font has a glyph for U+2011 itself)
_NO_BREAK_HYPHEN = "\u2011"
_RANGE_HYPHEN = re.compile("(?<=[0-9\u0e50-\u0e59])-(?=[0-9\u0e50-\u0e59])")
_RUN_SPECIALS = re.compile("([\t\r\n\u2011])")
_TWIPS_PER_CM = 1440 / 2.54
_WORD_URI = "http://schemas.microsoft.com/office/word"
_WORD_2013_MODE = "15"  # Word 2013 and later: no compatibility mode
_THAI_CHARSET = "DE"  # THAI_CHARSET (222) of Windows
_DEFAULT_AUTHOR = "thai-minutes"
_CORE_TEXT_LIMIT = 255  # characters python-docx allows in a core property


def write_minutes_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_minutes(document, layout), path, layout, _author(document))


def write_letter_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_letter(document, layout), path, layout, _author(document))


def write_amendments_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_amendments(document, layout), path, layout, _author(document))


def write_resolutions_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_resolutions(document, layout), path, layout, _author(document))


def write_agenda_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_agenda(document, layout), path, layout, _author(document))


def write_public_docx(document: MeetingDocument, path: Path, layout: Layout) -> None:
    _save(compose_public(document, layout), path, layout, _author(document))


def _author(document: MeetingDocument) -> str:
    """The office that writes the minutes is their author; the program only when none is set."""
    return document.office.name if document.office and document.office.name else _DEFAULT_AUTHOR


def build_docx(composition: Composition, layout: Layout, author: str = _DEFAULT_AUTHOR) -> Document:
    doc = docx.Document(io.BytesIO(_thai_template(layout)))
    _page_setup(doc, composition, layout)
    body = doc.element.body
    first = body[0] if len(body) and body[0].tag == qn("w:p") else None
    previous: Element | None = None
    for element in composition.body:
        if isinstance(element, Grid) and isinstance(previous, Grid):
            doc.add_paragraph()  # two tables in a row would merge into one
        _render(doc, element, layout)
        previous = element
    if first is not None and not first.xpath("string(.)"):
        body.remove(first)  # the template's empty first paragraph
    _core_properties(doc, composition.title, author)
    return doc


@functools.lru_cache(maxsize=8)
def _thai_template(layout: Layout) -> bytes:
    """python-docx's empty document with Thai-ready defaults and styles, in Word 2013 mode,
    with the font in the font table and without python-docx's thumbnail, made once per layout
    and kept in the cache folder (making it took 40 ms of every export), under a key naming the
    layout, python-docx's version and this module's code, so a change to any remakes it."""
    key = source_key("docx-template", docx.__version__, _CODE_DIGEST, repr(layout))
    name = f"docx-template-{hashlib.blake2b(key.encode(), digest_size=8).hexdigest()}.bin"
    cached = read_cached(name, key)
    if cached is not None:
        return cached
    template = _make_thai_template(layout)
    write_cached(name, key, template)
    return template


def _code_digest() -> str:
    """This module's code, for the template's cache key; a packaged program carries no sources,
    so there its executable (size and time: a new build or install) stands for them."""
    try:
        code = Path(__file__).read_bytes()
    except OSError:
        made = Path(sys.executable).stat()
        code = f"{sys.executable} {made.st_size} {made.st_mtime_ns}".encode()
    return hashlib.blake2b(code, digest_size=8).hexdigest()


_CODE_DIGEST = _code_digest()


def _make_thai_template(layout: Layout) -> bytes:
    doc = docx.Document()
    _thai_styles(doc, layout)
    _word_2013_compatibility(doc)
    _font_table_entry(doc, layout.font_name)
    _drop_thumbnail(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _save(composition: Composition, path: Path, layout: Layout, author: str) -> None:
    doc = build_docx(composition, layout, author)
    with atomic_output(path) as stream:
        doc.save(stream)


# --- package: properties, settings, font table ----------------------------------------------


def _core_text(text: str) -> str:
    """Core-property text cut to the length python-docx accepts, so a long title never fails,
    without the characters XML forbids."""
    return clean_text(text)[:_CORE_TEXT_LIMIT].rstrip()


def _core_properties(doc: Document, title: str, author: str) -> None:
    """File > Info in Word: the meeting's title, the office as author, made now (UTC); none of
    python-docx's template values (its 2013 dates, "python-docx" as description or editor)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties = doc.core_properties
    properties.title = _core_text(title)
    properties.author = properties.last_modified_by = _core_text(author)
    properties.comments = ""
    properties.language = "th-TH"
    properties.created = properties.modified = now


def _word_2013_compatibility(doc: Document) -> None:
    """`compatibilityMode` 15: Word opens the file as a current document, not in
    compatibility mode. In this mode Word and LibreOffice put a table's edge at the margin
    (mode 14 put the cell text there), as the PDF does."""
    settings = doc.settings.element
    compat = _child(settings, "w:compat", _SETTINGS_ORDER_FROM_COMPAT)
    mode = next(
        (
            setting
            for setting in compat.findall(qn("w:compatSetting"))
            if setting.get(qn("w:name")) == "compatibilityMode"
        ),
        None,
    )
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        compat.append(mode)  # compatSetting elements close CT_Compat
    mode.set(qn("w:name"), "compatibilityMode")
    mode.set(qn("w:uri"), _WORD_URI)
    mode.set(qn("w:val"), _WORD_2013_MODE)


def _font_table_entry(doc: Document, font_name: str) -> None:
    """Name the layout's font in word/fontTable.xml as a Thai font (Thai charset, sans serif,
    proportional), so that Word, lacking the font, substitutes a Thai font for it. Its PANOSE
    number and Unicode and code-page ranges (`w:panose1`, `w:sig`) are written only when read
    from a file of that very family (installed, or bundled as TH Sarabun New and Sarabun are),
    never guessed."""
    part = doc.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    fonts = parse_xml(part.blob)
    if any(font.get(qn("w:name")) == font_name for font in fonts.findall(qn("w:font"))):
        return  # the template's own entry (e.g. Arial) is Word's and right
    font = OxmlElement("w:font")
    font.set(qn("w:name"), font_name)
    choice = choose_font(font_name)
    signature = _font_signature(choice.regular) if choice.family == font_name else None
    if signature is not None:
        _child_with(font, "w:panose1", val=signature[0])
    _child_with(font, "w:charset", val=_THAI_CHARSET)
    _child_with(font, "w:family", val="swiss")
    _child_with(font, "w:pitch", val="variable")
    if signature is not None:
        _child_with(font, "w:sig", **signature[1])
    fonts.append(font)
    part._blob = serialize_part_xml(fonts)  # python-docx keeps the font table as raw bytes


def _child_with(parent: Any, tag: str, **attributes: str) -> None:
    """Append `tag` carrying the given `w:` attributes (callers append in schema order)."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    parent.append(element)


def _font_signature(path: Path) -> tuple[str, dict[str, str]] | None:
    """PANOSE and the `w:sig` ranges from a TrueType file's OS/2 table (version 1 or later, the
    first with code-page ranges), or None when the file has none or cannot be read. Offsets
    are the OpenType OS/2 table's: panose at 32, ulUnicodeRange1-4 at 42, ulCodePageRange1-2
    at 78."""
    try:
        data = path.read_bytes()
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(tables):
            tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag != b"OS/2":
                continue
            (version,) = struct.unpack_from(">H", data, offset)
            if version < 1 or length < 86:
                return None
            panose = data[offset + 32 : offset + 42].hex().upper()
            unicode_ranges = struct.unpack_from(">4I", data, offset + 42)
            code_pages = struct.unpack_from(">2I", data, offset + 78)
            names = ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")
            return panose, {
                name: f"{value:08X}" for name, value in zip(names, unicode_ranges + code_pages, strict=True)
            }
    except (OSError, struct.error):
        return None
    return None


def _drop_thumbnail(doc: Document) -> None:
    """Leave out python-docx's template thumbnail (docProps/thumbnail.jpeg), a picture of some
    other document that file browsers would show for the minutes. A part nothing relates to is
    not written."""
    relationships = doc.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del relationships[key]


# --- fonts and styles -----------------------------------------------------------------------


@functools.cache
def _tags_after(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The qualified tags the schema puts after `tag` in `order`."""
    return frozenset(qn(t) for t in order[order.index(tag) + 1 :])


def _child(parent: Any, tag: str, order: Sequence[str] = _RPR_ORDER) -> Any:
    """The child `tag` of `parent`, created in the place the schema's order requires."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    later = _tags_after(tag, tuple(order))
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(element)
            return element
    parent.append(element)
    return element


def thai_run_properties(
    rpr: Any, layout: Layout, size_pt: float | None = None, bold: bool | None = None, thai: bool = True
) -> None:
    """Make run properties (`w:rPr`) Thai-ready in the layout's font."""
    fonts = _child(rpr, "w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), layout.font_name)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            element = _child(rpr, tag)
            if not bold:
                element.set(qn("w:val"), "0")
    elif rpr.find(qn("w:b")) is not None:
        _child(rpr, "w:bCs")
    half_points = str(round((size_pt or layout.font_size_pt) * 2))
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), half_points)
    if thai:
        _child(rpr, "w:cs")
    language = _child(rpr, "w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:bidi"), "th-TH")


def _thai_styles(doc: Document, layout: Layout) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    thai_run_properties(_child(rpr_default, "w:rPr", ("w:rPr",)), layout, thai=False)
    ppr_default = _child(defaults, "w:pPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    ppr = _child(ppr_default, "w:pPr", ("w:pPr",))
    spacing = _child(ppr, "w:spacing", _PPR_ORDER)
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    for style in styles.findall(qn("w:style")):
        _child(style, "w:rPr", _STYLE_ORDER)
        # every rPr, including those nested in table styles' conditional formats
        for rpr in style.iter(qn("w:rPr")):
            thai_run_properties(rpr, layout, thai=False)


def _page_setup(doc: Document, composition: Composition, layout: Layout) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(layout.page_width_cm), Cm(layout.page_height_cm)
    section.left_margin, section.right_margin = Cm(layout.margin_left_cm), Cm(layout.margin_right_cm)
    section.top_margin, section.bottom_margin = Cm(layout.margin_top_cm), Cm(layout.margin_bottom_cm)
    section.header_distance = Cm(layout.header_distance_cm)
    section.footer_distance = Cm(layout.footer_distance_cm)
    section.different_first_page_header_footer = True
    _clear(section.first_page_header.paragraphs)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(header, "- ", layout)
    _page_field(header, layout)
    _run(header, " -", layout)
    footer = section.first_page_footer
    for index, para in enumerate(composition.first_page_footer):
        target = footer.paragraphs[0] if index == 0 else footer.add_paragraph()
        _fill_paragraph(target, para, layout)
    if layout.thai_digits:
        # before <w:cols>, where the schema puts it: Word may drop a misplaced one
        _child(section._sectPr, "w:pgNumType", _SECTPR_ORDER).set(qn("w:fmt"), "thaiNumbers")


def _clear(paragraphs: Sequence[DocxParagraph]) -> None:
    for paragraph in paragraphs:
        for run in paragraph.runs:
            run.text = ""


def _page_field(paragraph: DocxParagraph, layout: Layout) -> None:
    """A PAGE field (begin, instruction, separate, shown result, end). It takes the section's
    number format (`thaiNumbers`): Word prints Thai digits. No `\\* ThaiArabic` switch, which
    LibreOffice misreads as Thai letters (ก ข ค); LibreOffice prints Arabic digits instead."""
    instruction = " PAGE "
    placeholder = layout.digits("2")
    for part in ("begin", "instruction", "separate", "result", "end"):
        run = _run(paragraph, placeholder if part == "result" else "", layout)
        if part == "instruction":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            run._r.append(text)
        elif part != "result":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), part)
            run._r.append(char)


# --- elements -------------------------------------------------------------------------------


def _render(doc: Document, element: Element, layout: Layout) -> None:
    if isinstance(element, Para):
        _fill_paragraph(doc.add_paragraph(), element, layout)
    elif isinstance(element, Grid):
        _grid(doc, element, layout)
    elif isinstance(element, Rule):
        _rule(doc, element, layout)
    elif isinstance(element, Picture):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(element.data), height=Cm(element.height_cm))
    elif isinstance(element, Spacer):
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.line_spacing = Cm(element.height_cm)
        _run(paragraph, "", layout)
    elif isinstance(element, PageBreak):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _run(
    paragraph: DocxParagraph, text: str, layout: Layout, bold: bool = False, size_pt: float | None = None
) -> Any:
    """A run of the text: a tab as `w:tab`, a line break as `w:br`, the non-breaking hyphen
    `_kept_together` marks as `w:noBreakHyphen`, the rest as `w:t`; characters XML forbids
    (and lone surrogates) are left out."""
    text = clean_text(text)
    run = paragraph.add_run()
    r = run._r
    for piece in _RUN_SPECIALS.split(text):
        if piece == "\t":
            r.add_tab()
        elif piece in ("\r", "\n"):
            r.add_br()
        elif piece == _NO_BREAK_HYPHEN:
            r.append(OxmlElement("w:noBreakHyphen"))
        elif piece:
            r.add_t(piece)
    thai = bool(_THAI.search(text)) or not text
    r.insert(0, copy.deepcopy(_run_template(layout, bold, size_pt, thai)))
    return run


def _kept_together(text: str) -> str:
    """The text with what must not part at a line end held together for Word and LibreOffice,
    character for character: a space inside a piece of `thai.segment` becomes a no-break space,
    a hyphen between two digits of a piece (a range, `๑๖-๑๘`) the non-breaking hyphen. Spaces
    between pieces stay ordinary spaces, where lines may break."""
    if " " not in text and not _RANGE_HYPHEN.search(text):
        return text
    return "".join(
        piece if piece.isspace() else _RANGE_HYPHEN.sub(_NO_BREAK_HYPHEN, piece.replace(" ", _NO_BREAK_SPACE))
        for piece in thai.segment(text)
    )


@functools.lru_cache(maxsize=64)
def _run_template(layout: Layout, bold: bool, size_pt: float | None, thai: bool) -> Any:
    """Run properties made once per kind of run and copied into each run."""
    rpr = OxmlElement("w:rPr")
    thai_run_properties(rpr, layout, size_pt, bold=True if bold else None, thai=thai)
    return rpr


def _fill_paragraph(paragraph: DocxParagraph, para: Para, layout: Layout) -> None:
    p = paragraph._p
    if p.pPr is not None:
        p.remove(p.pPr)
    shape = (para.align, para.left_indent_cm, para.first_indent_cm, para.right_indent_cm)
    p.insert(
        0, copy.deepcopy(_paragraph_template(*shape, para.tab_cm, para.space_before_pt, para.keep_with_next))
    )
    # the whole paragraph is segmented, as the PDF does: a phrase may span two runs
    kept = _kept_together(para.text)
    position = 0
    for span in para.spans:
        _run(paragraph, kept[position : position + len(span.text)], layout, span.bold, para.size_pt)
        position += len(span.text)
    if not para.spans:
        _run(paragraph, "", layout, size_pt=para.size_pt)


@functools.lru_cache(maxsize=512)
def _paragraph_template(
    align: Align, left: float, first: float, right: float, tab: float | None, space_before: float, keep: bool
) -> Any:
    """Paragraph properties made once per kind of paragraph and copied into each paragraph."""
    model = DocxParagraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]  # no story needed
    fmt = model.paragraph_format
    model.alignment = _ALIGNMENTS[align]
    fmt.left_indent = Cm(left) if left else None
    fmt.first_line_indent = Cm(first) if first else None
    fmt.right_indent = Cm(right) if right else None
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = keep
    if tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(tab))
    return model._p.pPr


def _rule(doc: Document, rule: Rule, layout: Layout) -> None:
    paragraph = doc.add_paragraph()
    side = max((layout.text_width_cm - rule.width_cm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(side)
    fmt.space_after = Pt(6)
    fmt.line_spacing = Pt(4)
    borders = _child(paragraph._p.get_or_add_pPr(), "w:pBdr", _PPR_ORDER)
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)


def _twips(cm: float) -> str:
    return str(round(cm * _TWIPS_PER_CM))


def _grid(doc: Document, grid: Grid, layout: Layout) -> None:
    """A table written as XML in one pass: python-docx's cell access rebuilds the whole grid on
    every call, which makes large tables quadratic. A table without columns prints nothing."""
    if not grid.widths_cm or not grid.rows:
        return
    tbl = OxmlElement("w:tbl")
    tbl.append(_table_properties(grid, layout))
    columns = OxmlElement("w:tblGrid")
    for width in grid.widths_cm:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), _twips(width))
        columns.append(column)
    tbl.append(columns)
    below: dict[int, tuple[int, GridCell]] = {}  # column → (rows still covered, the spanning cell)
    # Word keeps a row on the page of the next one when its paragraphs keep with the next
    with_next = {index for first, last in grid.unbroken for index in range(first, last)}
    for row_index, row in enumerate(grid.rows):
        keep = row_index in with_next
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:cantSplit"))
        if row_index < grid.header_rows:
            trpr.append(OxmlElement("w:tblHeader"))
        tr.append(trpr)
        for col_index, cell in enumerate(row):
            if cell is not None:
                merge = "restart" if cell.rowspan > 1 else None
                tr.append(_cell(cell, grid, col_index, layout, merge, keep))
                if cell.rowspan > 1:
                    below[col_index] = (cell.rowspan - 1, cell)
            elif col_index in below:
                remaining, spanning = below.pop(col_index)
                continued = GridCell("", colspan=spanning.colspan)
                tr.append(_cell(continued, grid, col_index, layout, "continue", keep))
                if remaining > 1:
                    below[col_index] = (remaining - 1, spanning)
        tbl.append(tr)
    doc.element.body._insert_tbl(tbl)


def _cell(
    cell: GridCell, grid: Grid, column: int, layout: Layout, merge: str | None, keep: bool = False
) -> Any:
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    width = OxmlElement("w:tcW")
    width.set(qn("w:w"), _twips(sum(grid.widths_cm[column : column + cell.colspan])))
    width.set(qn("w:type"), "dxa")
    tcpr.append(width)
    if cell.colspan > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(cell.colspan))
        tcpr.append(span)
    if merge is not None:
        vmerge = OxmlElement("w:vMerge")
        if merge == "restart":
            vmerge.set(qn("w:val"), "restart")
        tcpr.append(vmerge)
    if column == 0 and not grid.borders:  # a borderless list's first column starts at the margin
        margins = OxmlElement("w:tcMar")
        left = OxmlElement("w:left")
        left.set(qn("w:w"), "0")
        left.set(qn("w:type"), "dxa")
        margins.append(left)
        tcpr.append(margins)
    if merge is not None or cell.bold:
        align = OxmlElement("w:vAlign")
        align.set(qn("w:val"), "center")
        tcpr.append(align)
    tc.append(tcpr)
    for line in cell.text.split("\n"):
        p = OxmlElement("w:p")
        tc.append(p)
        spans = (Span(line, cell.bold),) if line else ()
        para = Para(spans, cell.align, size_pt=grid.size_pt, keep_with_next=keep)
        _fill_paragraph(DocxParagraph(p, None), para, layout)  # type: ignore[arg-type]
    return tc


def _table_properties(grid: Grid, layout: Layout) -> Any:
    """w:tblPr: fixed layout at the given width, thin grid or no borders, small side padding."""
    tblpr = OxmlElement("w:tblPr")
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), _twips(sum(grid.widths_cm)))
    width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
        border = OxmlElement(side)
        border.set(qn("w:val"), "single" if grid.borders else "nil")
        if grid.borders:
            border.set(qn("w:sz"), "4")
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "000000")
        borders.append(border)
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    cell_margins = (
        ("w:top", 0.0),
        ("w:left", layout.table_cell_padding_cm),
        ("w:bottom", 0.0),
        ("w:right", layout.table_cell_padding_cm),
    )
    for side, cm in cell_margins:
        margin = OxmlElement(side)
        margin.set(qn("w:w"), _twips(cm))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    for element in (width, borders, fixed, margins):  # the order CT_TblPr requires
        tblpr.append(element)
    return tblpr
