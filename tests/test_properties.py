"""Random meetings through the whole path a meeting file takes: read (import) → database → both
documents in both formats → dump. Whatever the meeting holds — Thai and other scripts, control
characters, empty and huge parts, deep agenda trees, wide tables with formulas — nothing raises,
the DOCX opens, the PDF has text, and the dump equals the file as read."""

from __future__ import annotations

import datetime as dt
import io
import string
from pathlib import Path

import docx
import pypdfium2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.compose import compose_letter, compose_minutes
from exporters.docx_export import build_docx
from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import build_pdf
from models.meeting import (
    Attachment,
    Attendee,
    AttendeeStatus,
    Block,
    BulletList,
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
from models.meetingfile import meeting_json, parse_meeting_json
from models.storage import Database

THAI = "".join(chr(code) for code in range(0x0E01, 0x0E5C) if chr(code).isprintable())
# what clerks paste: Thai, Latin, digits, punctuation, spaces and line breaks, and now and then a
# control character, a bidi control, a lone surrogate or an emoji from another program
ALPHABET = st.sampled_from(
    [
        *THAI,
        *string.ascii_letters,
        *string.digits,
        *" .,-/()%",
        "\n",
        "\t",
        "\x00",
        "\x0c",
        "\u202e",
        "\ud800",
        "😀",
    ]
)


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(ALPHABET, max_size=max_size)


def huge_or(max_size: int = 40) -> st.SearchStrategy[str]:
    """Usually short; now and then fifty times that without a space (a title stays within the
    format's 2,000 characters when `max_size` is 40)."""
    return st.one_of(texts(max_size), texts(max_size).map(lambda t: (t or "ก") * 50))


figures = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.decimals(-(10**6), 10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["", "-", "+45", "(3)", "12.50", "๑๒,๕๐๐", "7%", "1" * 40, "abc"]),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    kinds = draw(st.lists(st.sampled_from(list(ColumnKind)), min_size=1, max_size=12))
    columns = [Column(draw(texts(20)), draw(st.sampled_from(["", "กลุ่ม"])), kind) for kind in kinds]
    if len(columns) >= 3 and draw(st.booleans()):
        columns[-1] = Column("ร้อยละ", kind=ColumnKind.NUMBER, formula="C/B*100")
    rows = draw(
        st.lists(
            st.lists(st.one_of(figures, texts(30)), min_size=len(columns), max_size=len(columns)),
            max_size=8,
        )
    )
    total = draw(st.sampled_from([None, "รวม"]))
    return Table(columns, rows, draw(texts(30)), total, draw(texts(30)))


blocks: st.SearchStrategy[Block] = st.one_of(
    huge_or(400).map(Paragraph),
    st.lists(texts(60), min_size=1, max_size=4).map(BulletList),
    tables(),
    texts(40).map(Attachment),
)


def items(depth: int) -> st.SearchStrategy[Item]:
    children = st.lists(st.deferred(lambda: items(depth - 1)), max_size=2) if depth > 1 else st.just([])
    return st.builds(
        Item,
        title=huge_or(40),
        presenter=texts(30),
        blocks=st.lists(blocks, max_size=3),
        resolution=texts(60),
        items=children,
    )


sections = st.builds(
    Section,
    title=texts(60),
    is_agenda=st.booleans(),
    blocks=st.lists(blocks, max_size=2),
    items=st.lists(items(5), max_size=3),
    resolution=texts(40),
)
attendees = st.builds(
    Attendee,
    first=texts(20),
    status=st.sampled_from(list(AttendeeStatus)),
    prefix=st.sampled_from(["นาย", "นาง", "นางสาว", ""]),
    last=texts(20),
    position=huge_or(40),
    note=texts(20),
)
people = st.one_of(st.none(), st.builds(Person, name=texts(30), position=texts(40)))


@st.composite
def documents(draw: st.DrawFn) -> MeetingDocument:
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
    meeting = Meeting(
        title=draw(huge_or(40)),
        seq=draw(st.integers(1, 999)),
        year=day.year + 543,
        date=day,
        period=draw(texts(30)),
        venue=draw(texts(60)),
        attendees=draw(st.lists(attendees, max_size=12)),
        sections=draw(st.lists(sections, max_size=4)),
        recorder=draw(people),
        checker=draw(people),
    )
    office = draw(
        st.one_of(st.none(), st.builds(Office, name=texts(60), address=st.lists(texts(40), max_size=2)))
    )
    letter = draw(
        st.one_of(
            st.none(),
            st.builds(Letter, subject=huge_or(40), to=texts(40), references=st.lists(texts(40), max_size=3)),
        )
    )
    return MeetingDocument(meeting, office, letter)


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in pdf)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(documents())
def test_any_meeting_imports_exports_and_dumps_back(tmp_path: Path, document: MeetingDocument) -> None:
    raw = meeting_json(document)
    imported = parse_meeting_json(raw)  # what the import reads, text cleaned at the door
    database_path = tmp_path / f"{abs(hash(raw))}.sqlite3"
    with Database.open(database_path, backup=False) as database:
        meeting_id = database.add_document(imported)
        stored = database.load_document(meeting_id)
    assert meeting_json(stored) == meeting_json(imported)  # dump equals import
    for compose in (compose_minutes, compose_letter):
        composition = compose(stored, DEFAULT_LAYOUT)
        out = io.BytesIO()
        build_docx(composition, DEFAULT_LAYOUT).save(out)
        docx.Document(io.BytesIO(out.getvalue()))  # Word's reader opens it
        pdf = io.BytesIO()
        build_pdf(composition, DEFAULT_LAYOUT, pdf)
        assert pdf_text(pdf.getvalue()).strip()  # a PDF with text: the page numbers at least
    database_path.unlink()
