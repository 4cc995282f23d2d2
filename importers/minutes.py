"""Minutes typed in Word, or as text, read into a meeting.

The document is read from the top, as a clerk reads it: a cover letter when the file opens with
one (ที่, the office, the date, เรื่อง, เรียน, สิ่งที่ส่งมาด้วย, the body, the signer); the
header (รายงานการประชุม…, ประจำเดือน…, ครั้งที่ n/yyyy, the date and time, ณ the venue); the
roster under its headings; then the agenda: `ระเบียบวาระที่ n` opens a section, `n.k` an item,
`(k)` and `(k.j)` items below it, presenter lines give the items that follow their presenter,
`มติที่ประชุม` the resolution, `-` and `๑)` lines make lists, tables become tables (header rows,
merged group headings, kinds of figure columns, a typed total row), and `เลิกประชุมเวลา` and the
signature blocks close it. Typed numbers only show the structure: the program numbers again.

Nothing is lost: a line read as none of these stays a paragraph where it stood, and the report
(`ImportReport`) counts what was recognised and names the places to look at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from importers.source import Grid, Line, SourceBlock, read_blocks
from models import recognize, thai, wording
from models.meeting import (
    DEFAULT_CLOSING,
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
    Vote,
    walk_items,
)
from models.meetingfile import MAX_ITEM_DEPTH
from models.presenter import derived_wording
from models.roster import PREFIXES, STATUS_LABELS

PRE_AGENDA_TITLE = wording.PRE_AGENDA_TITLE
FOOTNOTE_PLACE = "เชิงอรรถของ"  # the place of a footnote's or endnote's line (importers.source)
RESOLUTION_WORDS = wording.RESOLUTION_WORDS
# the minutes' title: `รายงานการประชุม…`, or as some offices head them, `บันทึกการประชุม…`,
# `สรุปผลการประชุม…` (the program prints its own `รายงาน` before the meeting's name)
_TITLE = re.compile(r"^(?:บันทึกรายงาน|รายงาน|บันทึก|สรุปผล)(การประชุม.*)$")
# the exporters' attachment line (`รายละเอียดตาม{title} (เอกสารแนบ {number})`) read back
_ATTACHMENT = re.compile(
    "^"
    + re.escape(wording.ATTACHMENT_LINE)
    .replace(re.escape("{title}"), r"(.+?)")
    .replace(r"\ ", r"\s*")
    .replace(re.escape("{number}"), r"[0-9๐-๙]+")
    + "$"
)
# `·` and \uf0b7: Word's bullets as text; `o` with Word's spaces after it: its second level
_BULLET = re.compile(r"^(?:[-•–*·\uf0b7§➢✓](?:\t|\s+)|o(?:\t|\s{2,}))(.+)$")
_ORDERED = re.compile(r"^[0-9๐-๙]+\)(?:\t|\s+)(.+)$")
_SIGNER_NAME = re.compile(r"^\((.+)\)$")
# a signer's role, then the name with its title: `ผู้จดรายงานการประชุม นางสาวพิมพ์ชนก คำฟู`
_ROLE_THEN_NAME = re.compile(
    r"^(ผู้(?:จด|บันทึก|ตรวจ)\S*)\s*:?\s+((?:" + "|".join(map(re.escape, PREFIXES)) + r")\S+(?:\s+\S+){0,2})$"
)
# a signer's name with its title, then the role, no ลงชื่อ: `ส.ต.ท.หญิง ชลธิชา ใจเย็น ผู้บันทึก…`
_NAME_THEN_ROLE = re.compile(
    r"^((?:" + "|".join(map(re.escape, PREFIXES)) + r")\s*\S+(?:\s+\S+){0,2})\s+(ผู้(?:จด|บันทึก|ตรวจ)\S*)$"
)
# a signed name without a title, then the role (after the closing time): `จันทร์เพ็ญ ดวงดี ⇥ ผู้จด…`
_UNTITLED_NAME_THEN_ROLE = re.compile(r"^(?!ลงชื่อ)((?:[ก-ฮะ-ฺเ-์]+ ){1,2}[ก-ฮะ-ฺเ-์]+)\s+(ผู้(?:จด|บันทึก|ตรวจ)\S*)$")
# a signer's name typed after ลงชื่อ without a title: two to four words of letters, then the role
_UNTITLED_SIGNER = re.compile(r"ลงชื่อ\)?[\s.…]*((?:[ก-ฮะ-ฺเ-์A-Za-z]+ ){1,3}[ก-ฮะ-ฺเ-์A-Za-z]+)\s*[.…]*\s*ผู้")
_CLOSINGS = ("ขอแสดงความนับถือ", "ด้วยความนับถือ", "ขอแสดงความนับถืออย่างสูง")
_NOTE_WORDS = ("ข้อมูล", "หมายเหตุ", "ที่มา")
_MONTH_AND_YEAR = re.compile(rf"^(?:{'|'.join(thai.THAI_MONTHS)})\s*[0-9๐-๙]{{4}}$")
# a venue typed without `ณ`: `สถานที่ (ประชุม) …`, or a meeting held online
_VENUE_WORDS = re.compile(r"^(?:สถานที่(?:ประชุม)?\s*[:：]?\s*(\S.*)|(?:ประชุม)?((?:ออนไลน์)?\s*ผ่านระบบ.+))$")
# a venue's second line: an online meeting, the building, the floor
_VENUE_GOES_ON = re.compile(
    r"^(?:ผ่าน|และ|\(|ชั้น|อาคาร|ห้อง|โดยระบบ|ด้วยระบบ|.*(?:ประชุมทางไกล|ออนไลน์|Zoom|Teams|Webex))"
)


class NotMinutesError(Exception):
    """The document is not minutes of a meeting; the message is in Thai."""


@dataclass
class ImportReport:
    """What an import recognised, and where the clerk should look."""

    counts: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (place, what to look at)

    def count(self, what: str, by: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + by

    def note(self, place: str, message: str) -> None:
        self.notes.append((place, message))

    def lines(self) -> list[str]:
        """The report in Thai, a line each."""
        labels = (
            ("attendees", "รายชื่อ", "คน"),
            ("sections", "ระเบียบวาระ", "วาระ"),
            ("items", "เรื่อง", "เรื่อง"),
            ("paragraphs", "ย่อหน้า", "ย่อหน้า"),
            ("lists", "รายการ", "ชุด"),
            ("tables", "ตาราง", "ตาราง"),
            ("resolutions", "มติที่ประชุม", "มติ"),
        )
        found = ", ".join(f"{label} {self.counts.get(key, 0)} {unit}" for key, label, unit in labels)
        parts = ", ".join(
            f"{STATUS_LABELS[status]} {self.counts[status.value]}"
            for status in AttendeeStatus
            if status.value in self.counts
        )
        if parts and self.counts.get("attendees"):  # `รายชื่อ 6 คน (มาประชุม 4, ไม่มาประชุม 1, …)`
            found = found.replace(" คน,", f" คน ({parts}),", 1)
        lines = [f"พบ {found}"]
        if self.counts.get("letter"):
            lines.append("พบหนังสือนำส่งด้วย")
        if self.notes:
            lines.append("ควรตรวจดู:")
            lines.extend(f"- {place}: {message}" for place, message in self.notes)
        return lines


def import_minutes(blocks: list[SourceBlock]) -> tuple[MeetingDocument, ImportReport]:
    """The meeting the document's blocks hold, and what was recognised. Raises NotMinutesError
    for a document with neither the title of minutes nor an agenda heading."""
    document, report = _Reader(blocks).read()
    for place, words in unplaced_words(blocks, document):
        report.note(place, f"ข้อความนี้อาจไม่ได้นำเข้า: {' '.join(words[:8])}")
    return document, report


def import_file(path: Path) -> tuple[MeetingDocument, ImportReport]:
    """A .docx or .txt file of minutes read into a meeting (SourceError, NotMinutesError); the
    first, for a file that holds several (`import_file_meetings`)."""
    return import_file_meetings(path)[0]


def import_file_meetings(path: Path) -> list[tuple[MeetingDocument, ImportReport]]:
    """Every meeting a .docx or .txt file of minutes holds, each with its report: minutes of two
    meetings typed one after the other in one file (a new title after the first's closing time
    or signatures) are two meetings. Raises SourceError, NotMinutesError."""
    dropped: list[tuple[str, str]] = []
    parts = meetings_in(read_blocks(path, dropped))
    read = [import_minutes(part) for part in parts]
    places = [{block.place for block in part} for part in parts]
    for place, what in dropped:  # said in the report of the meeting it was in
        at = next((index for index, held in enumerate(places) if place in held), 0)
        read[at][1].note(place, what)
    if len(read) > 1:
        count = thai.to_thai_digits(str(len(read)))
        for number, (_, report) in enumerate(read, start=1):
            report.note(
                "ทั้งไฟล์",
                f"ไฟล์นี้มีรายงานการประชุม {count} ครั้ง นำเข้าเป็น {count} การประชุม (นี่คือครั้งที่ "
                f"{thai.to_thai_digits(str(number))} ในไฟล์)",
            )
    return read


def meetings_in(blocks: list[SourceBlock]) -> list[list[SourceBlock]]:
    """The blocks of each meeting a document holds: a new title of minutes (`รายงานการประชุม…`)
    after the closing time or a signature of the one before starts the next."""
    parts: list[list[SourceBlock]] = [[]]
    titled = ended = False
    for block in blocks:
        text = recognize.tidy(block.pieces[0]) if isinstance(block, Line) and block.pieces else ""
        if isinstance(block, Line) and _TITLE.match(text):
            if titled and ended:
                parts.append([])
                ended = False
            titled = True
        elif titled and isinstance(block, Line) and _ends_a_meeting(block):
            ended = True
        parts[-1].append(block)
    meetings = parts[:1]
    for part in parts[1:]:  # `รายงานการประชุมนี้ได้รับรองแล้ว…` after the signatures: a note
        if _opens_minutes(part):
            meetings.append(part)
        else:
            meetings[-1].extend(part)
    return meetings


_HEADER_LINES = 6  # a second meeting's number (`ครั้งที่ ๒/๒๕๖๗`) stands this near its title


def _opens_minutes(part: list[SourceBlock]) -> bool:
    """Whether blocks opening with a title of minutes are a meeting's: its number near the
    title, and an agenda heading further on."""
    lines = [recognize.tidy(block.joined) for block in part if isinstance(block, Line)]
    numbered = any(re.search(r"ครั้งที่\s*[0-9๐-๙]", line) for line in lines[:_HEADER_LINES])
    return numbered and any(recognize.agenda_heading(line) for line in lines)


def _ends_a_meeting(line: Line) -> bool:
    return any(
        recognize.closing_time(piece) or recognize.signature_role(piece) or recognize.blank_signature(piece)
        for piece in line.pieces
    )


# Words the program writes itself (headings, labels, presenter lines, signature lines): found in
# the source, they are structure, not text to keep.
_STRUCTURE_WORDS = frozenset(
    (
        wording.TITLE_PREFIX,
        wording.AGENDA_WORDS,
        wording.RESOLUTION_WORDS,
        wording.START_WORDS,
        wording.END_WORDS,
        wording.PRESENT_HEADING,
        wording.ABSENT_HEADING,
        wording.GUEST_HEADING,
        wording.RECORDER_ROLE,
        wording.CHECKER_ROLE,
        wording.SIGNED,
        "ปิดประชุมเวลา",
        "เปิดประชุมเวลา",
        "ผู้ลาประชุม",
        "มติที่ประชุมฯ",
        "วาระที่",
        "รายงาน",
        "รายงานการประชุม",
        "ระเบียบวาระที่",
        "มติที่ประชุม",
        "มติ",
        "ลงชื่อ",
        "มาประชุมแทน",  # a substitute's note, printed in the regulation's words
        "ประจำปี",  # `ครั้งที่ ๒ ประจำปี ๒๕๖๗`, printed `ครั้งที่ ๒/๒๕๖๗`
        # the votes at a resolution's end, printed by the program from the counts
        wording.VOTES_WORDS,
        *wording.VOTE_KINDS,
        *(wording.VOTES_WORDS + kind for kind in wording.VOTE_KINDS),
        "คะแนนเสียง",
        "เสียง",
        "ผู้จดรายงานการประชุม",
        "ผู้บันทึกรายงานการประชุม",
        "ผู้ตรวจรายงานการประชุม",
        "จำนวน",
        "เรื่อง",
        "ดังนี้",
        "แจ้งให้ที่ประชุมทราบ",
        "แจ้งเรื่องสืบเนื่อง",
        "เสนอที่ประชุมพิจารณา",
        "เริ่มประชุมเวลา",
        "เลิกประชุมเวลา",
        "ปิดประชุม",
        "เปิดประชุม",
        "เวลา",
        "น.",
        "ณ",
        "ครั้งที่",
        "ที่",
        "เรียน",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "ผู้ไม่เข้าร่วมการประชุม",
        "คน",
        "รายละเอียดตาม",
        "เอกสารแนบ",
        "สิ่งที่ส่งมาด้วย",
        "ขอแสดงความนับถือ",
        "พ.ศ.",
        "อ้างถึง",
        "ไปรษณีย์อิเล็กทรอนิกส์",  # the e-mail's label
        "เป็นต้นไป",  # `เวลา ๑๓.๓๐ น. เป็นต้นไป`
        "ไม่มี",  # `- ไม่มี -` under a roster heading: nobody
        "ต่อ",  # `ระเบียบวาระที่ ๑ (ต่อ)` after a page break: the section goes on
        "บันทึกข้อความ",  # a memo's heading and label, read as the cover letter
        "ส่วนราชการ",
    )
)
_WEEKDAY = re.compile(r"^(?:เมื่อ)?วัน\S*ที่$")
# a date is kept as a date, not as its words: its month and weekday names are no lost text
_DATE_WORDS = frozenset(
    (
        *thai.THAI_MONTHS,
        *thai.SHORT_MONTHS,
        *(f"เดือน{month}" for month in thai.THAI_MONTHS),
        *(f"วัน{day}" for day in thai.THAI_WEEKDAYS),
        *thai.THAI_WEEKDAYS,
        "เดือน",
    )
)


def unplaced_words(blocks: list[SourceBlock], document: MeetingDocument) -> list[tuple[str, list[str]]]:
    """For each line or grid of the source, its words found nowhere in the meeting (the program's
    own wording, numbers and dotted leaders aside): what an import might have lost."""
    from models.meetingfile import meeting_json  # noqa: PLC0415

    kept = meeting_json(document).replace("\\n", " ").replace("\\t", " ")
    kept_words = _Kept(kept)
    found = []
    for block in blocks:
        pieces = (
            [_presenter_of(piece) for piece in block.pieces]
            if isinstance(block, Line)
            else [cell for row in block.rows if not _roster_header(row) for cell in row]
        )
        words = [word for piece in pieces for word in re.split(r"[\s\u00a0]+|\.{3,}", piece)]
        # `มติ ที่ประชุมรับทราบ`: the program prints `มติที่ประชุม` itself, the resolution after it
        words = [word.removeprefix("ที่ประชุม").removeprefix("มีมติ") for word in words]
        lost = [word for word in words if _worth_keeping(word) and not kept_words.holds(word)]
        if lost:
            found.append((block.place, lost))
    return found


def _presenter_of(piece: str) -> str:
    """A presenter line's presenter, the rest of it being the program's own wording (`แจ้งที่
    ประชุมจำนวน ๒ เรื่อง`, printed from the count of items); a roster heading (printed by the
    program in its own words) nothing; any other line as it is."""
    if recognize.roster_heading(piece) is not None or _PAGE_MARK.fullmatch(recognize.tidy(piece)):
        return ""  # page marks are left out on purpose (said once)
    found = recognize.presenter_line(recognize.tidy(piece))
    return found.presenter if found is not None else piece


# Words the program prints before what it keeps (`รายงาน` + the title, `รายละเอียดตาม` + an
# attachment, the phone labels), and the titles of address kept apart from a name.
_LABELS = (
    "บันทึกรายงาน",
    "รายงาน",
    "รายละเอียดตาม",
    "โทรศัพท์",
    "โทรสาร",
    "โทร",
    "สถานที่ประชุม",
    "สถานที่",
    "ประชุม",
    ".",
    "/",
)


class _Kept:
    """The meeting's text, asked whether it holds a word: its own words are looked up in a set
    first (a search of the whole text for each word of a long file took most of its import)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = set(re.split(r"[\s\"]+", text))

    def holds(self, word: str) -> bool:
        bare = word.strip("().,:;-–—*#\"'“”")
        while bare and bare not in self.words and bare not in self.text:
            label = next((label for label in (*_LABELS, *PREFIXES) if bare.startswith(label)), None)
            if label is None:
                return False
            bare = bare[len(label) :]
        return True


def _worth_keeping(word: str) -> bool:
    bare = word.strip("().,:;-–—*#\"'“”")
    if (
        not bare
        or bare in _STRUCTURE_WORDS
        or word.strip("()") in _STRUCTURE_WORDS
        or recognize.role_alone(bare) is not None  # `ผู้ตรวจสอบรายงานการประชุม`: the role, printed
        or set(bare) <= set(".…")
        or set(bare) <= set("0123456789๐๑๒๓๔๕๖๗๘๙./,-()")
    ):
        return False
    if recognize.agenda_heading(bare) is not None and not recognize.agenda_heading(bare)[1]:  # type: ignore[index]
        return False  # `ระเบียบวาระที่๑`
    return (
        not recognize.meeting_number(bare)
        and bare not in _DATE_WORDS
        and word not in _DATE_WORDS
        and not _WEEKDAY.match(bare)
    )


def _text(block: SourceBlock) -> str:
    return recognize.tidy(block.joined) if isinstance(block, Line) else ""


class _Reader:
    def __init__(self, blocks: list[SourceBlock]) -> None:
        self.blocks = blocks
        self.at = 0
        self.report = ImportReport()
        self.meeting = Meeting(
            title="", seq=1, year=thai.buddhist_year(dt.date.today().year), date=dt.date.today()
        )
        self.office: Office | None = None
        self.letter: Letter | None = None
        self.stray_lines: list[SourceBlock] = []  # between the header and the roster

    # --- the walk ---------------------------------------------------------------------------

    def peek(self, ahead: int = 0) -> SourceBlock | None:
        index = self.at + ahead
        return self.blocks[index] if index < len(self.blocks) else None

    def next_line(self) -> Line | None:
        block = self.peek()
        return block if isinstance(block, Line) else None

    def read(self) -> tuple[MeetingDocument, ImportReport]:
        title_at = self._title_index()
        if title_at is None:
            raise NotMinutesError(
                'ไม่พบหัวเรื่อง "รายงานการประชุม…" หรือ "ระเบียบวาระที่ …" เอกสารนี้ไม่ใช่รายงานการประชุม'
            )
        front = self.blocks[:title_at]
        self.at = title_at
        self._header()
        self._roster()
        _Agenda(self).read()
        self._votes_counted()
        if front:
            self._front_matter(front)
        self._check_header()
        self._check_parts()
        for status in AttendeeStatus:  # as the roster ended up (a guest heading may be read as present)
            self.report.counts[status.value] = len(self.meeting.attendees_with(status))
        return MeetingDocument(self.meeting, self.office, self.letter), self.report

    def _votes_counted(self) -> None:
        """A resolution ending with its votes (`… ด้วยคะแนนเสียง เห็นด้วย ๖๐๕ เสียง ไม่เห็นด้วย
        ไม่มี งดออกเสียง ๗ เสียง`): the counts become the resolution's votes (checked against
        those present, printed by the program in the same words), said once."""
        counted = 0
        nodes: list[Section | Item] = []
        for section in self.meeting.sections:
            nodes.append(section)
            nodes.extend(item for _, item in walk_items(section.items))
        for node in nodes:
            found = _VOTES_AT_END.search(node.resolution)
            if found is None:
                continue
            node.vote = Vote(*(_vote_count(found[kind]) for kind in ("for", "against", "abstained")))
            node.resolution = node.resolution[: found.start()].rstrip(" \n,")
            counted += 1
        if counted:
            self.report.note(
                "มติที่ประชุม",
                f"คะแนนเสียงท้ายมติ {thai.to_thai_digits(str(counted))} แห่ง อ่านเป็นคะแนนเสียงของมติ "
                "(ตรวจได้ด้วย F7 และพิมพ์ด้วยถ้อยคำเดิม)",
            )

    def _title_index(self) -> int | None:
        for index, block in enumerate(self.blocks):
            if isinstance(block, Line) and _TITLE.match(
                recognize.tidy(block.pieces[0] if block.pieces else "")
            ):
                return index
        for index, block in enumerate(self.blocks):
            if isinstance(block, Line) and recognize.agenda_heading(block.joined):
                return index
        return None

    # --- header -----------------------------------------------------------------------------

    def _header(self) -> None:
        line = self.next_line()
        if line is None or not _TITLE.match(recognize.tidy(line.pieces[0])):
            self.report.note(line.place if line else "ต้นเอกสาร", "ไม่พบชื่อการประชุม (รายงานการประชุม…)")
            return
        self.at += 1
        place = line.place
        pieces = [recognize.tidy(piece) for piece in line.pieces]
        title = _TITLE.match(pieces[0])
        assert title is not None
        self.meeting.title = title[1]
        for piece in pieces[1:]:
            self._header_piece(piece, line.place, in_title=True)
        following = self.next_line()
        if following is not None and self._title_goes_on(following):  # `… โรงเรียนบ้านหนองบัว`
            self.meeting.title = f"{self.meeting.title} {recognize.tidy(following.joined)}"
            self.at += 1
            following = self.next_line()
        if (  # `รายงานการประชุม` alone, the body that met on the next line
            self.meeting.title == "การประชุม"
            and following is not None
            and not following.indented
            and not any(
                self._header_piece(recognize.tidy(piece), following.place, False, True)
                for piece in following.pieces
            )
        ):
            self.meeting.title = f"การประชุม{recognize.tidy(following.joined)}"
            self.at += 1
        while (line := self.next_line()) is not None:
            if _DRAFT_MARK.fullmatch(recognize.tidy(line.joined)) or line.place.startswith(FOOTNOTE_PLACE):
                # `(ฉบับร่าง)`, a text box's `ร่าง ฉบับที่ ๒`, a footnote on the date line: kept aside
                self.stray_lines.append(line)
                self.at += 1
                continue
            if not all(
                self._header_piece(recognize.tidy(piece), line.place, in_title=False, dry_run=True)
                for piece in line.pieces
            ):
                break
            for piece in line.pieces:
                self._header_piece(recognize.tidy(piece), line.place, in_title=False)
            self.at += 1
        number = recognize.meeting_number(self.meeting.title)
        if number is not None:  # `…ลำปาง ครั้งที่ ๘/๒๕๖๖` typed on the title's line
            self.meeting.seq, self.meeting.year = number
            before, _, rest = self.meeting.title.partition("ครั้งที่")
            self.meeting.title = recognize.tidy(before)
            self.report.count("number")
            after = re.sub(r"^\s*[0-9๐-๙]+\s*/\s*[0-9๐-๙]+\s*", "", rest)  # the date, if typed on too
            if after and not self._header_piece(recognize.tidy(after), place, in_title=False):
                # kept as a line before the agenda, not lost (`(ฉบับร่าง)` after the number)
                self.stray_lines.append(Line(recognize.tidy(after), place))
                self.report.note(place, f"ข้อความต่อท้ายชื่อการประชุมที่อ่านไม่ได้ เก็บไว้เป็นย่อหน้าก่อนเข้าวาระ: {after}")

    def _title_goes_on(self, line: Line) -> bool:
        """A short line under the title that is no part of the header, with one that is right
        after it: the title's second line (the school or office the body belongs to)."""
        after = self.peek(1)
        text = recognize.tidy(line.joined)
        return (
            self.meeting.title != "การประชุม"
            and not line.indented
            and 0 < len(text) <= 100
            and not _DRAFT_MARK.fullmatch(text)
            and recognize.roster_heading(text) is None
            and recognize.agenda_heading(text) is None
            and not any(
                self._header_piece(recognize.tidy(piece), line.place, False, True) for piece in line.pieces
            )
            and isinstance(after, Line)
            and all(
                self._header_piece(recognize.tidy(piece), after.place, False, True) for piece in after.pieces
            )
        )

    def _header_piece(self, piece: str, place: str, in_title: bool, dry_run: bool = False) -> bool:
        """Read one line of the header; False (and nothing read) for a line that is not one: an
        agenda heading (`ระเบียบวาระที่ ๑ รับรองรายงานการประชุม ครั้งที่ ๑/๒๕๖๗`), a second number
        or date (`เมื่อวันที่ ๕ มิถุนายน … คณะกรรมการได้…`: the body has begun)."""
        meeting = self.meeting
        if recognize.agenda_heading(piece) is not None:
            return False
        if piece.startswith("เวลา") and (start := recognize.time_in_text(piece)) is not None:
            if not dry_run:  # `เวลา ๑๓.๓๐ น.` on its own line (`… ณ ห้องประชุม…` may follow)
                meeting.start = start
                meeting.end = recognize.end_time_in_text(piece) or meeting.end
                self._header_extras(piece)
            return True
        if meeting.venue and _VENUE_GOES_ON.match(piece) and len(piece) <= 120:
            if not dry_run:  # `ผ่านระบบประชุมทางไกล (Zoom)` under `ณ ห้องประชุม…`
                meeting.venue = f"{meeting.venue} {piece}"
            return True
        number = recognize.meeting_number(piece)
        if number is not None and "ครั้งที่" in piece and not self.report.counts.get("number"):
            # `สมัยสามัญ สมัยที่ ๒ ครั้งที่ ๑/๒๕๖๖` (a council's session before the number) and
            # `ครั้งที่ ๒/๒๕๖๗ เมื่อวันที่ ๒๗ กุมภาพันธ์ ๒๕๖๗ เวลา ๑๓.๓๐ น.` (the date after it)
            before = piece.partition("ครั้งที่")[0]
            rest = recognize.tidy(recognize.after_meeting_number(piece))
            dated = bool(rest) and recognize.date_in_text(rest) is not None
            if len(before) > 60 or (rest and not dated):
                return False
            if not dry_run:
                meeting.seq, meeting.year = number
                self.report.count("number")
                if before.strip():
                    meeting.period = recognize.tidy(f"{meeting.period} {before}")
                if dated:
                    self._header_piece(rest, place, in_title=True)
            return True
        if piece.startswith("ประจำ") and len(piece) < 60:
            if not dry_run:  # a second `ประจำปีงบประมาณ…` line goes on with the first
                meeting.period = f"{meeting.period} {piece}".strip()
            return True
        if piece.startswith("ณ ") or piece.startswith("ณ\u00a0"):
            if not dry_run:  # `ณ ห้องประชุมชั้น ๒`, then `ณ ศาลากลางจังหวัดแพร่`
                meeting.venue = f"{meeting.venue} {piece[2:].strip()}".strip()
            return True
        if (place_words := _VENUE_WORDS.match(piece)) is not None and len(piece) <= 150:
            if not dry_run:  # `สถานที่ ห้องประชุม…`, `ประชุมผ่านระบบ Zoom` (no ณ)
                meeting.venue = f"{meeting.venue} {place_words[1] or place_words[2]}".strip()
            return True
        day = recognize.date_in_text(piece)
        if (
            day is not None
            and not self.report.counts.get("date")
            and (piece.startswith("วัน") or piece.startswith("เมื่อ") or piece[:1].isdigit() or in_title)
        ):
            if not dry_run:
                meeting.date = day
                meeting.start = recognize.time_in_text(piece) or meeting.start
                meeting.end = recognize.end_time_in_text(piece) or meeting.end
                self.report.count("date")
                self._header_extras(piece)  # `… เวลา ๐๙.๐๐ น. ณ ห้องประชุม…`
            return True
        if in_title and not dry_run:  # the title went on to another line
            meeting.title = f"{meeting.title} {piece}"
        return in_title

    def _header_extras(self, piece: str) -> None:
        """What a date or time line holds besides them: the venue after `ณ` (or an online one,
        `ผ่านระบบ Zoom`), and a remark in brackets (`(ประชุมนัดพิเศษ)`, `(ลงทะเบียนเวลา ๐๘.๓๐ น.)`),
        which goes with the period line printed under the title."""
        meeting = self.meeting
        venue = re.search(r"(?:^|\s)(?:ณ\s+(.+)|((?:ผ่าน|โดย)(?:ระบบ|ทาง|การประชุม).+))$", piece)
        if venue:
            meeting.venue = (venue[1] or venue[2]).strip()
        for remark in re.findall(r"\([^()]{2,80}\)", piece if venue is None else piece[: venue.start()]):
            meeting.period = f"{meeting.period} {remark}".strip()

    def _check_parts(self) -> None:
        if not self.meeting.attendees:
            self.report.note("รายชื่อ", "ไม่พบรายชื่อผู้มาประชุม: ตรวจหัวข้อ ผู้มาประชุม และรายชื่อที่อยู่ใต้หัวข้อ")
        if not any(section.is_agenda for section in self.meeting.sections):
            self.report.note("ระเบียบวาระ", "ไม่พบหัวข้อ ระเบียบวาระที่ …: เนื้อหาทั้งหมดอยู่ในส่วนก่อนเข้าวาระ")

    def _check_header(self) -> None:
        if not self.report.counts.get("number"):
            if self.report.counts.get("date"):  # the year of the meeting's date, not of today
                self.meeting.year = thai.buddhist_year(self.meeting.date.year)
            self.report.note(
                "หัวรายงาน",
                f"ไม่พบครั้งที่ของการประชุม (ครั้งที่ …/…) ใส่ครั้งที่ ๑/{thai.to_thai_digits(str(self.meeting.year))} ไว้ก่อน",
            )
        if not self.report.counts.get("date"):
            self.report.note("หัวรายงาน", "ไม่พบวันที่ประชุม ใส่วันนี้ไว้ก่อน")

    # --- roster -----------------------------------------------------------------------------

    def _roster(self) -> None:
        seen_present = False
        while (block := self.peek()) is not None:
            self._part_in_one_paragraph(block)
            block = self.blocks[self.at]
            status = (
                recognize.roster_heading(_text(block)) if isinstance(block, Line) else _heading_row(block)
            )
            if status is None:
                if self._stray_before_roster(block):
                    continue
                return
            if status is AttendeeStatus.GUEST and not seen_present:
                status = AttendeeStatus.PRESENT  # `ผู้เข้าร่วมประชุม จำนวน ๓๖ คน` opening the roster
            seen_present = seen_present or status is AttendeeStatus.PRESENT
            heading = block
            if isinstance(block, Line):
                self.at += 1  # a table opening with its heading row is read whole, heading and all
            found = self._roster_rows(status)
            if not found and isinstance(heading, Line) and _names_a_count_or_a_list(_text(heading)):
                # `ผู้มาประชุม จำนวน ๘๗ คน (ตามรายชื่อแนบท้าย)`: the names are elsewhere; the line
                # is kept, as typed, before the agenda
                self.stray_lines.append(heading)
                self.report.note(heading.place, "หัวข้อรายชื่อไม่มีรายชื่อตามมา เก็บบรรทัดนี้ไว้เป็นย่อหน้าก่อนเข้าวาระ")
            expected = re.search(r"จำนวน\s*([0-9๐-๙]+)", _text(heading))
            if expected and int(thai.to_arabic_digits(expected[1])) != found:
                self.report.note(
                    heading.place, f"หัวข้อบอก {expected[1]} คน แต่พบรายชื่อ {thai.to_thai_digits(str(found))} คน"
                )

    def _part_in_one_paragraph(self, block: SourceBlock) -> None:
        """A roster part typed as one paragraph (`ผู้มาประชุม⏎๑. นาย…⏎๒. …` with Shift+Enter, or
        run together: `ผู้มาประชุม ๑. นาย… ๒. นาง…`): parted into its heading and one line a
        person, as Word's paragraphs would have been."""
        if not isinstance(block, Line):
            return
        pieces = block.pieces
        if "\n" not in block.text:
            heading = re.match(r"^(.+?)\s+(?=[0-9๐-๙]{1,3}\.\s*\S)", recognize.tidy(block.text))
            if heading is None or recognize.roster_heading(heading[1]) is None:
                return
            pieces = [
                heading[1],
                *re.split(r"\s+(?=[0-9๐-๙]{1,3}\.\s*\S)", block.text[heading.end() :].strip()),
            ]
        elif recognize.roster_heading(pieces[0]) is None:
            return
        self.blocks[self.at : self.at + 1] = [
            Line(piece, block.place, bold=block.bold and index == 0) for index, piece in enumerate(pieces)
        ]

    def _stray_before_roster(self, block: SourceBlock) -> bool:
        """A line between the header and the roster (`สวดมนต์ก่อนเข้าวาระการประชุม`), or between
        its parts, is kept for the part before the agenda when a roster heading follows it (the
        roster goes on after it); True when so."""
        if isinstance(block, Line) and _AGENDA_OUTLINE.match(_text(block)) and self._outline_before_roster():
            return True
        later = [
            recognize.roster_heading(_text(b))
            for b in self.blocks[self.at + 1 : self.at + 3]
            if isinstance(b, Line)
        ]
        if any(status is not None for status in later):  # a figures table between the parts too
            if self.meeting.attendees:  # inside the roster: a line that names no one, said
                self.report.note(block.place, "บรรทัดในรายชื่อที่อ่านเป็นรายชื่อไม่ได้ เก็บไว้เป็นย่อหน้าก่อนเข้าวาระ")
            self.stray_lines.append(block)
            self.at += 1
            return True
        return False

    def _outline_before_roster(self) -> bool:
        """`ระเบียบวาระการประชุม` and its titles, then the roster: kept whole for the part before
        the agenda (the agenda itself follows the roster); True when so."""
        for length, block in enumerate(self.blocks[self.at + 1 : self.at + 2 + _OUTLINE_LINES], start=1):
            if not isinstance(block, Line):
                return False
            if recognize.roster_heading(_text(block)) is not None:
                self.stray_lines.extend(self.blocks[self.at : self.at + length])
                self.at += length
                return True
            if len(_text(block)) > 100 or recognize.agenda_heading(block.text):
                return False
        return False

    def _roster_rows(self, status: AttendeeStatus) -> int:
        found = 0
        while (block := self.peek()) is not None:
            if isinstance(block, Line) and _DRAFT_MARK.fullmatch(recognize.tidy(block.joined)):
                self.stray_lines.append(block)  # a stamp in a text box on the heading
                self.at += 1
                continue
            if isinstance(block, Line) and re.fullmatch(r"[-(]?\s*ไม่มี\s*[-)]?", block.joined.strip()):
                self.at += 1  # `- ไม่มี -` under the heading: nobody, and the roster goes on
                continue
            if isinstance(block, Line) and self._position_goes_on(block):
                self.at += 1
                continue
            if isinstance(block, Grid):
                read = self._roster_grid(block, status)
                if read is None:
                    return found
                found, status = found + read[0], read[1]
                self.at += 1
                continue
            people = self._line_people(block, status)
            if people is None:
                if recognize.roster_heading(_text(block)) is not None or _starts_the_meeting(block):
                    return found  # the next part of the roster, or the meeting itself
                following = self.peek(1)  # a person right after it: the roster goes on
                if (
                    not isinstance(following, Line)
                    or self._line_people(following, status, quiet=True) is None
                ):
                    return found
                # a group's name (`กระทรวงการคลัง`) or a line that names no one, between people:
                # kept for the part before the agenda, said, and the roster goes on
                self.stray_lines.append(block)
                self.report.note(block.place, "บรรทัดในรายชื่อที่อ่านเป็นรายชื่อไม่ได้ เก็บไว้เป็นย่อหน้าก่อนเข้าวาระ")
                self.at += 1
                continue
            self._add_people(people, block.place)
            found += len(people)
            self.at += 1
        return found

    def _line_people(self, block: Line, status: AttendeeStatus, quiet: bool = False) -> list[Attendee] | None:
        """The people a roster line names (several in a paragraph with manual line breaks), or
        None when it is no roster line."""
        if not ("\t" in block.text or _starts_with_number(block) or _names_someone(block)):
            return None
        # tabs in a run only line the columns up: one separator
        rows = [
            row
            for piece in _positions_under_names(block.pieces)
            for person in _numbered_people(piece)
            for row in _sent_by_an_office(tuple(re.split(r"\t+", person)))
        ]
        attendees = [
            self._person(half, status, block.place, quiet) for row in rows for half in _side_by_side(row)
        ]
        people = [a for a in attendees if a is not None]
        return people if people and len(people) == len(attendees) else None

    def _add_people(self, people: list[Attendee], place: str = "") -> None:
        for person in people:
            if person.status is AttendeeStatus.PRESENT and _ABSENCE.match(person.note):
                # a sign-in sheet under ผู้มาประชุม, `ลาป่วย` written for one who did not come
                person.status = AttendeeStatus.ABSENT
                self.report.note(
                    place or "รายชื่อ",
                    f"{person.full_name} อยู่ใต้หัวข้อผู้มาประชุมแต่มีหมายเหตุ {person.note} อ่านเป็นผู้ไม่มาประชุม",
                )
        self.meeting.attendees.extend(people)
        self.report.count("attendees", len(people))

    def _person(
        self, row: tuple[str, ...], status: AttendeeStatus, place: str, quiet: bool = False
    ) -> Attendee | None:
        """A roster row as a person: with a title of address; or numbered, its title one the
        program does not know (kept with the first name, and said unless `quiet`)."""
        person = recognize.roster_line(list(row), status) or _guest(row, status)
        if person is None and (person := _untitled(row, status)) is not None and not quiet:
            self.report.note(place, f"ไม่รู้จักคำนำหน้าชื่อของ {person.first} {person.last} ตรวจดูช่องคำนำหน้า")
        return person

    def _position_goes_on(self, block: Line) -> bool:
        """`⇥จังหวัดขอนแก่น` under the position column: the last person's position goes on."""
        if not block.text.startswith("\t") or not self.meeting.attendees or "\t" in block.text.strip("\t"):
            return False
        text = recognize.tidy(block.text)
        if not text or len(text) > 60 or _starts_with_prefix(text) or _SENTENCE_AFTER_ROSTER.match(text):
            return False
        person = self.meeting.attendees[-1]
        person.position = f"{person.position} {text}".strip()
        return True

    def _roster_grid(self, grid: Grid, status: AttendeeStatus) -> tuple[int, AttendeeStatus] | None:
        """A roster table: its header row left out, headings merged across it (`ผู้ไม่มาประชุม`)
        switching the part, group rows (`ส่วนราชการ`) said once, two people side by side in a
        row read as two. Returns how many and the part it ended in; None when it is no roster
        (a table of something else)."""
        people: list[Attendee] = []
        unread: list[str] = []
        signed: set[int] = set()  # a ลายมือชื่อ column: what is in it is a signature, not a note
        for row in (line for typed in grid.rows for line in _lines_of_a_row(typed)):
            if _roster_header(row):
                signed = {index for index, cell in enumerate(row) if "ลายมือชื่อ" in cell}
                continue
            row = _without_signatures(row, signed)  # noqa: PLW2901
            cells = [cell for cell in row if cell.strip()]
            if not cells:
                continue
            merged = len(set(cells)) == 1
            heading = recognize.roster_heading(cells[0]) if merged else None
            if heading is not None:
                status = heading
                continue
            found = [self._person(half, status, grid.place) for half in _side_by_side(row)]
            if all(found):
                people.extend(a for a in found if a is not None)
            else:
                unread.append(cells[0] if merged else "\t".join(row))
        if not people:
            return None
        if unread:  # a table mostly of people: the other rows kept, once each
            self.stray_lines.extend(Line(text, grid.place) for text in unread)
            self.report.note(grid.place, f"แถวที่ไม่ใช่รายชื่อ {len(unread)} แถว เก็บไว้เป็นย่อหน้า")
        self._add_people(people, grid.place)
        return len(people), status

    # --- the cover letter -------------------------------------------------------------------

    def _front_matter(self, front: list[SourceBlock]) -> None:
        front = [line for block in front for line in _letterhead_lines(block)]
        lines = [block for block in front if isinstance(block, Line)]
        texts = [_text(line) for line in lines]
        if (
            not any(text.startswith("เรื่อง") for text in texts)
            or not any(text.startswith("เรียน") for text in texts)
            or not any(text.startswith("ที่") for text in texts)
        ):
            for block in reversed(front):  # not a letter: kept as the first paragraphs, in order
                self._keep_front(block)
            return
        _Letter(self, front).read()
        self.report.count("letter")

    def _keep_front(self, block: SourceBlock) -> None:
        section = (
            self.meeting.sections[0]
            if self.meeting.sections and not self.meeting.sections[0].is_agenda
            else None
        )
        if section is None:
            section = Section(PRE_AGENDA_TITLE, is_agenda=False)
            self.meeting.sections.insert(0, section)
        section.blocks.insert(0, _as_paragraph(block))
        self.report.note(block.place, "ข้อความก่อนหัวรายงาน เก็บไว้เป็นย่อหน้าแรกของส่วนก่อนเข้าวาระ")


def _without_signatures(row: tuple[str, ...], signed: set[int]) -> tuple[str, ...]:
    """The row without what its ลายมือชื่อ cells hold when that is the person's name signed
    again; anything else there (`ลาป่วย` written in for one who did not come) stays, as a note."""
    others = {word for index, cell in enumerate(row) if index not in signed for word in cell.split()}
    return tuple(
        "" if index in signed and set(cell.split()) & others else cell for index, cell in enumerate(row)
    )


def _letterhead_lines(block: SourceBlock) -> list[SourceBlock]:
    """A letterhead laid out as a borderless table (`ที่ ศธ …` in one cell, the office and its
    address in the next) as the lines Word's tabbed layout gives: the number and the office on
    one line, the address lines below it, tabbed over; any other block as it is."""
    if not isinstance(block, Grid) or len(block.rows) != 1 or len(block.rows[0]) != 2:
        return [block]
    number, office = (cell.strip() for cell in block.rows[0])
    if not re.match(r"^ที่\s", number) or not office:
        return [block]
    first, *rest = [piece.strip() for piece in office.split("\n") if piece.strip()]
    lines: list[SourceBlock] = [Line(f"{number}\t\t\t{first}", block.place)]
    return lines + [Line(f"\t\t\t\t{piece}", block.place) for piece in rest]


class _Agenda:
    """The agenda part: sections, items, blocks, resolutions, times and signatures."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.meeting = reader.meeting
        self.report = reader.report
        self.section: Section | None = None
        self.path: list[Item] = []  # the current item and its parents, top first
        self.presenter: tuple[str, int] = ("", 0)  # the next items' presenter and how many more
        self.pending_resolution = False
        self.last_table: Table | None = None
        self.signing: Person | None = None
        self.signing_role: str | None = None  # None: a signature whose role is still to come
        self.signed_untitled = False  # the name typed after ลงชื่อ had no title: `(full name)` wins
        self.more_signers: list[tuple[Person, str]] = []  # a second checker: kept as text
        self.lettered: dict[int, int] = {}  # a section's items opened by ก. ข. …: how many so far
        self.sentences_read = 0  # resolutions typed as a sentence (`ที่ประชุมรับทราบ`)
        self.signing_columns: list[Person] = []  # signatures typed side by side, parted by tabs
        self.closed = False
        self.note_of: Line | None = None  # the line read as the last table's note
        self.resolved_at: dict[int, int] = {}  # node: the number of its blocks when resolved
        self.typed_number: int | None = None  # the current section's number as typed
        self.numbered_depth = 0  # how deep the item the last dotted number (`๓.๑.๒`) opened is
        self.section_numbers_items = False  # the section's items typed `n.k`: a bold `๑.` is no item
        self.sections_by_number = False  # every section so far opened by `๑. เรื่อง …`
        self.after_signatures = False
        self.page_marks = 0  # typed page numbers and continuation words left out
        self.resolution_open = False  # a resolution typed under a bare `มติที่ประชุม` goes on
        # a resolution that announces lines of its own (`… ด้วยคะแนนเสียง ดังนี้`, `๑. เห็นชอบ…`
        # then `๒. …`): the number its next numbered line would have, 0 for votes or bullets
        self.resolution_list: int | None = None
        self.resolution_point = 1  # the number the next point of a resolution `… ดังนี้` has
        self.heading_line: Line | None = None  # the agenda heading just read, its title maybe going on
        self.section_level: int | None = None  # the heading style's level of the agenda's headings
        # whether the clerk typed `ระเบียบวาระที่ …` anywhere: if not, heading styles carry the agenda
        self.typed_headings = any(
            isinstance(block, Line) and recognize.agenda_heading(block.text)
            for block in reader.blocks[reader.at :]
        )

    def read(self) -> None:
        self._read_blocks()
        for section in self.meeting.sections:
            _lift_lone_resolutions(section.items)
        for person, role in self.more_signers:
            label = "ผู้จดรายงานการประชุม" if role == recognize.RECORDER else "ผู้ตรวจรายงานการประชุม"
            lines = [f"ลงชื่อ ........................ {label}", f"({person.name})", person.position]
            node = self.path[-1] if self.path else self.section
            if node is not None:
                node.blocks.append(
                    Paragraph("\n".join(line for line in lines if line.strip("() ")), indent=False)
                )
            self.report.note(
                "ลายมือชื่อ",
                f"มี{label}มากกว่าหนึ่งคน โปรแกรมเก็บได้คนเดียว: {person.name} เก็บไว้เป็นข้อความท้ายเรื่องสุดท้าย",
            )

    def _read_blocks(self) -> None:
        for stray in self.reader.stray_lines:
            if isinstance(stray, Grid):
                self._grid(stray)
            else:
                self._paragraph(stray)
        reader = self.reader
        while (block := reader.peek()) is not None:
            reader.at += 1
            if isinstance(block, Grid):
                self._grid(block)
            else:
                self._line(block)
            if not isinstance(block, Grid) and block is not self.note_of:
                self.last_table = None

    # --- lines ------------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        text = _text(line)
        if _PAGE_MARK.fullmatch(text):  # `-๒-` heading a page, `/มติที่ประชุม...` at its foot
            if not self.page_marks:
                self.report.note(
                    line.place, "เครื่องหมายหน้า (เลขหน้า -๒- และคำต่อหน้า /…) ไม่นำเข้า โปรแกรมพิมพ์เลขหน้าเอง"
                )
            self.page_marks += 1
            return
        handlers: tuple[Callable[[Line, str], bool], ...] = (
            self._signature,
            self._times,
            self._heading,
            self._styled_heading,
            self._resolution,
            self._presenter,
            self._item,
            self._list_entry,
            self._attachment,
            self._table_note,
        )
        if self.resolution_open and self._structural(line, text):
            self.resolution_open = False  # a heading, an item…: the resolution has ended
        if self.resolution_list is not None and self._opens_a_part(line, text):
            self.resolution_list = None  # the lines a resolution announced end at a heading
        if "\n" in line.text and (
            self.signing is not None
            or recognize.signature_role(line.pieces[0])
            or recognize.agenda_heading(line.pieces[0])
            or any(recognize.resolution(piece) is not None for piece in line.pieces[1:])
            or any(_BULLET.match(piece) or recognize.numbered_line(piece) for piece in line.pieces[1:])
            or any(  # `ปิดประชุมเวลา ๑๗.๐๐ น.⏎ลงชื่อ… ผู้จด…⏎(name)`, typed with Shift+Enter
                recognize.closing_time(piece)
                or recognize.signature_role(piece)
                or recognize.blank_signature(piece)
                for piece in line.pieces
            )
        ):
            for piece in line.pieces:  # `ลงชื่อ……ผู้บันทึก` and the name, a heading and its text, a resolution
                self._line(Line(piece, line.place, bold=line.bold))
            return
        if "\n" in line.text and self._item_title_then_text(line):
            return
        if self.closed and not self.meeting.attendees and recognize.roster_heading(text) is not None:
            self._roster_at_the_end(line)
            return
        if self.closed and self._signature(line, text):
            return
        if self._title_goes_on(line, text):
            return
        self.heading_line = None
        for handler in handlers:
            if handler(line, text):
                if self.section is not None and not self.section.blocks and not self.section.items:
                    self.heading_line = line if recognize.agenda_heading(line.text) else None
                return
        self._paragraph(line)

    def _title_goes_on(self, line: Line, text: str) -> bool:
        """`ระเบียบวาระที่ ๒⇥รับรองรายงานการประชุม…` in bold, then `⇥เมื่อวันที่ ๒๙ กุมภาพันธ์
        ๒๕๖๗` in bold under its title: the title goes on."""
        heading, section = self.heading_line, self.section
        if heading is None or section is None or not line.bold or not line.text.startswith("\t"):
            return False
        if (
            len(text) > 100
            or recognize.numbered_line(text)
            or recognize.agenda_heading(line.text)
            or recognize.resolution(text) is not None
            or recognize.presenter_line(text)
        ):
            return False
        section.title = f"{section.title} {text}"
        self.heading_line = None
        return True

    def _item_title_then_text(self, line: Line) -> bool:
        """`๑.๑ การรณรงค์…` and, after a manual line break, the item's text: the item with its
        title, then the rest as its paragraph."""
        title, _, rest = line.text.partition("\n")
        if not rest.strip() or recognize.numbered_line(recognize.tidy(title)) is None:
            return False
        if not self._item(Line(title, line.place, bold=line.bold), recognize.tidy(title)):
            return False
        self._line(Line(rest, line.place, indented=line.indented))
        return True

    def _heading(self, line: Line, text: str) -> bool:
        heading = recognize.agenda_heading(line.text)
        if heading is None and line.bold and recognize.standard_agenda_title(text):
            # a standard agenda title set as a heading, its number printed by Word's numbering
            heading = (sum(section.is_agenda for section in self.meeting.sections) + 1, text)
        if heading is None:
            heading = self._numbered_heading(text)
        if heading is None:
            return False
        number, title = heading
        if re.fullmatch(r"\(?ต่อ\)?", title.strip()) and self.typed_number == number:
            return True  # `ระเบียบวาระที่ ๑ (ต่อ)` typed again after a page break: the same section
        # the parts the clerk parted with tabs: number, title, and what was run on (`๓.๑ …`)
        raw = [recognize.tidy(part) for part in re.split(r"\t+", line.joined) if part.strip()]
        if raw and recognize.agenda_heading(raw[0]) is not None:
            first = recognize.agenda_heading(raw[0])
            parts = ([first[1]] if first and first[1] else []) + raw[1:]
        else:
            parts = [title]
        title = parts[0] if parts else ""
        following = self.reader.next_line() if not title else None
        if following is not None and (
            following.bold
            or recognize.standard_agenda_title(_text(following))
            or _text(following).startswith("เรื่อง")
        ):  # `วาระที่ ๑` alone, its title on the next line
            title = _text(following)
            self.reader.at += 1
        elif not title:
            self.report.note(line.place, f"ระเบียบวาระที่ {thai.to_thai_digits(str(number))} ไม่มีชื่อเรื่อง")
        expected = sum(section.is_agenda for section in self.meeting.sections) + 1
        if number != expected:
            self.report.note(
                line.place,
                f"ระเบียบวาระที่พิมพ์ไว้ ({thai.to_thai_digits(str(number))}) ไม่ตรงลำดับ นับใหม่เป็น {thai.to_thai_digits(str(expected))}",
            )
        by_number = recognize.agenda_heading(line.text) is None and not (
            line.bold and recognize.standard_agenda_title(text)
        )
        self._open_section(title, line.level)
        self.sections_by_number = by_number and (self.sections_by_number or number == 1)
        self.typed_number = number  # items typed under it (`๓.๑`) follow the number typed
        for rest in parts[1:]:  # `ระเบียบวาระที่ ๓ … ๓.๑ กลุ่มงาน…` run together on one line
            self._line(Line(rest, line.place, bold=line.bold))
        return True

    def _numbered_heading(self, text: str) -> tuple[int, str] | None:
        """`๑. เรื่อง ประธานแจ้งให้ทราบ` in a document with no `ระเบียบวาระที่` typed: its agenda
        numbered by itself, when the number is the next section's."""
        numbered = recognize.numbered_line(text)
        expected = sum(section.is_agenda for section in self.meeting.sections) + 1
        if (
            self.typed_headings
            or numbered is None
            or numbered.style != "dotted"
            or numbered.parts != (expected,)
            or not (numbered.text.startswith("เรื่อง") or recognize.standard_agenda_title(numbered.text))
            or (self.section is not None and self.section.is_agenda and self.section_numbers_items)
            or (
                expected > 1 and not self.sections_by_number
            )  # sections of bold titles: `๒. เรื่อง…` is an item
        ):
            return None
        return expected, recognize.tidy(numbered.text)

    def _open_section(self, title: str, level: int | None) -> None:
        self.section = Section(title)
        self.typed_number = None
        self.numbered_depth = 0
        self.section_numbers_items = False
        self.meeting.sections.append(self.section)
        self.path = []
        self.presenter = ("", 0)
        self.report.count("sections")
        if self.section_level is None and level is not None:
            self.section_level = level  # the heading style the clerk gave the agenda's headings

    def _styled_heading(self, line: Line, text: str) -> bool:
        """A paragraph in a heading style without a typed number: at the level of the agenda's
        headings (or, in a document with no `ระเบียบวาระที่` typed, the first such level met) it
        opens a section; a level below opens an item of the current section."""
        if line.level is None or len(text) > 150 or recognize.numbered_line(text) is not None:
            return False
        if recognize.resolution(text) is not None:  # `มติที่ประชุม` set in a heading style: a resolution
            return False
        level = self.section_level
        if level is None and not self.typed_headings and (self.section is None or self.section.is_agenda):
            level = line.level
        if line.level == level:
            self._open_section(text, line.level)
            return True
        if level is None or line.level < level or self.section is None or not self.section.is_agenda:
            return False
        depth = min(line.level - level - 1, len(self.path), MAX_ITEM_DEPTH - 1)
        item = Item(text)
        (self.path[depth - 1].items if depth else self.section.items).append(item)
        self.path = [*self.path[:depth], item]
        self.numbered_depth = depth
        if depth == 0:
            self._take_presenter(item)
        self.report.count("items")
        return True

    def _current_section(self, line: Line) -> Section:
        if self.section is None:
            title = PRE_AGENDA_TITLE
            self.section = Section(title, is_agenda=False)
            self.meeting.sections.append(self.section)
        return self.section

    def _pre_agenda_title(self, line: Line, text: str) -> bool:
        """A short bold line before the agenda names the part before it (`เรื่องก่อนวาระ…`),
        the lines kept from above the roster staying in it."""
        if not line.bold or recognize.numbered_line(text) is not None or len(text) > 80:
            return False
        if self.section is None:
            self.section = Section(text, is_agenda=False)
            self.meeting.sections.append(self.section)
            return True
        if self.section.is_agenda or self.section.title != PRE_AGENDA_TITLE or self.section.items:
            return False
        self.section.title = text
        return True

    def _item(self, line: Line, text: str) -> bool:
        numbered = recognize.numbered_line(text)
        if (
            numbered is None
            and (lettered := _LETTERED.match(text)) is not None
            and self._lettered_item(lettered)
        ):
            return True
        if numbered is None:
            return self._pre_agenda_title(line, text)
        section = self._current_section(line)
        number = self.meeting.section_number(section)
        depth = self._depth(numbered, number, line)
        if depth is None or depth > len(self.path) or depth >= MAX_ITEM_DEPTH:
            return False  # `๑.` `๒.` under an item: numbered paragraphs, their numbers as typed
        siblings = self.path[depth - 1].items if depth else section.items
        if (
            depth == 0
            and number is not None
            and numbered.style == "dotted"
            and len(numbered.parts) == 2
            and numbered.parts[0] not in (number, self.typed_number)
        ):
            typed = ".".join(str(part) for part in numbered.parts)
            self.report.note(
                line.place,
                f"เลขเรื่องที่พิมพ์ไว้ ({thai.to_thai_digits(typed)}) ไม่ตรงกับระเบียบวาระ "
                f"นับเป็นเรื่องที่ {thai.to_thai_digits(f'{number}.{len(siblings) + 1}')}",
            )
        item = Item(recognize.tidy(numbered.text))
        siblings.append(item)
        self.path = [*self.path[:depth], item]
        if numbered.style == "dotted":
            self.numbered_depth = depth
            self.section_numbers_items = self.section_numbers_items or len(numbered.parts) >= 2
        if depth == 0:
            self._take_presenter(item)
        self.report.count("items")
        return True

    def _lettered_item(self, lettered: re.Match[str]) -> bool:
        """`ก. …`, `ข. …` (typed, or Word's Thai-letter numbering) opening the items of an agenda
        section that has no others, each followed by its own resolution: an item each (they were
        paragraphs, and every resolution but the last fell among them). A lettered list without
        resolutions of its own stays a list of paragraphs."""
        section = self.section
        if section is None or not section.is_agenda:
            return False
        done = self.lettered.get(id(section), 0)
        if len(section.items) != done or done >= len(THAI_ITEM_LETTERS):
            return False
        if lettered[1] != THAI_ITEM_LETTERS[done] or not self._resolved_before_the_next_letter(done):
            return False
        item = Item(recognize.tidy(lettered[2]))
        section.items.append(item)
        self.path = [item]
        self.lettered[id(section)] = done + 1
        self._take_presenter(item)
        self.report.count("items")
        return True

    def _resolved_before_the_next_letter(self, done: int) -> bool:
        """Whether a resolution comes after the current line before the next letter or heading."""
        following = THAI_ITEM_LETTERS[done + 1] if done + 1 < len(THAI_ITEM_LETTERS) else None
        for block in self.reader.blocks[self.reader.at :]:
            if not isinstance(block, Line):
                continue
            text = _text(block)
            after = _LETTERED.match(text)
            if recognize.agenda_heading(block.text) or (after is not None and after[1] == following):
                return False
            if recognize.resolution(text) is not None:
                return True
        return False

    def _depth(self, numbered: recognize.NumberedLine, section_number: int | None, line: Line) -> int | None:
        """How deep in the tree a numbered line opens an item, or None for a numbered paragraph."""
        parts = numbered.parts
        if numbered.style == "dotted" and section_number is not None:
            if parts[0] in (section_number, self.typed_number) and len(parts) == 2:
                return 0
            if parts[0] in (section_number, self.typed_number) and len(parts) == 3 and self.path:
                return 1  # `๓.๑.๒` under `๓.๑`
            if self._next_item_by_number(numbered, line):
                return 0
            return None
        if numbered.style == "worded" and section_number is not None:  # `เรื่องที่ ๒ …`
            section = self.section
            opens = section is not None and not self.section_numbers_items
            return (
                0 if opens and section is not None and numbered.parts[0] == len(section.items) + 1 else None
            )
        if numbered.style == "dotted" and section_number is None:  # before the agenda: `๑.`
            return 0 if len(parts) == 1 and line.bold else None
        if numbered.style == "bracketed" and self.path:
            # `(๑)` under the item the last dotted number opened: `๓.๑` or `๓.๑.๒`
            return min(self.numbered_depth, len(self.path) - 1) + len(parts)
        return None

    def _take_presenter(self, item: Item) -> None:
        """The presenter of the items a presenter line announced (`… แจ้งที่ประชุมจำนวน ๒ เรื่อง`)."""
        if self.presenter[1] > 0:
            item.presenter = self.presenter[0]
            self.presenter = (self.presenter[0], self.presenter[1] - 1)

    def _next_item_by_number(self, numbered: recognize.NumberedLine, line: Line) -> bool:
        """A bold numbered line that is the section's next item by its last number: `๒.๒` typed
        where `๑.๒` comes next (copied from last month's minutes; said in the report), or `๑.`
        `๒.` straight under a section whose items carry no `n.k` numbers."""
        section = self.section
        if not (
            line.bold
            and section is not None
            and section.is_agenda
            and numbered.parts[-1] == len(section.items) + 1
        ):
            return False
        return len(numbered.parts) == 2 or (len(numbered.parts) == 1 and not self.section_numbers_items)

    def _presenter(self, line: Line, text: str) -> bool:
        found = recognize.presenter_line(text)
        if found is None:
            return False
        section = self._current_section(line)
        self.presenter = (found.presenter, found.count)
        if section.is_agenda and found.wording != derived_wording(section.title):
            section.presenter_wording = found.wording
        self.path = []
        if found.remark:  # the program prints its own presenter line, without the remark
            section.blocks.append(Paragraph(found.remark))
            self.report.count("paragraphs")
        return True

    def _resolution(self, line: Line, text: str) -> bool:
        if self.resolution_list is not None and self._resolution_goes_on(line, text):
            resolved = self.path[-1] if self.path else self._current_section(line)
            resolved.resolution = f"{resolved.resolution}\n{recognize.tidy(line.joined)}".strip()
            return True
        self.resolution_list = None
        found = recognize.resolution(text)
        if found is None and (sentence := _RESOLVED_SENTENCE.fullmatch(text)) is not None:
            node = self.path[-1] if self.path else self.section
            if node is not None and not node.resolution and self._last_of_its_node():
                # `ที่ประชุมรับทราบ`, `ที่ประชุมมีมติเห็นชอบ …` closing a matter: its resolution
                words = recognize.tidy(sentence[1] or sentence[2])
                self._set_resolution(words)
                self.resolution_list = _announced_lines(words)
                self.resolution_point = 1
                if not self.sentences_read:
                    self.report.note(line.place, "อ่านประโยค ที่ประชุม(มีมติ)… ท้ายเรื่องเป็นมติที่ประชุม")
                self.sentences_read += 1
                return True
        if found is None:
            if self.pending_resolution:
                self.pending_resolution = False
                bulleted = _BULLET.match(line.joined.strip())
                self._set_resolution(line.joined.strip() if bulleted else text)  # a list keeps its marks
                self.resolution_open = True
                self.resolution_list = ANNOUNCES_VOTES if bulleted else _announced_lines(text)
                self.resolution_point = 1
                return True
            if self.resolution_open and not self._structural(line, text):
                # `มติที่ประชุม` on its own line, then the resolution in several paragraphs
                node = self.path[-1] if self.path else self.section
                if node is not None:
                    node.resolution = f"{node.resolution} {text}"
                    return True
            self.resolution_open = False
            return False
        if found:
            self._set_resolution(found)
            self.resolution_list = _announced_lines(found)
            self.resolution_point = 1
        else:
            self.pending_resolution = True
        return True

    def _last_of_its_node(self) -> bool:
        """Whether the line just read is the last of its matter: an item, a heading or a
        signature comes next (nothing else of it would follow a resolution)."""
        for block in self.reader.blocks[self.reader.at :]:
            if isinstance(block, Grid):
                return False
            text = _text(block)
            if not text:
                continue
            return bool(
                recognize.numbered_line(text)
                or recognize.agenda_heading(block.text)
                or recognize.closing_time(text)
                or recognize.signature_role(text)
                or block.bold
            )
        return True

    def _resolution_goes_on(self, line: Line, text: str) -> bool:
        """Whether a line is one the resolution announced: a vote count, a bullet, the next
        number of a numbered resolution, any line after one that ends `ดังนี้` (a correction
        made to the minutes), or `ทั้งนี้ …` going on with it."""
        if (_VOTE_LINE.search(text) and len(text) <= 80) or text.startswith("ทั้งนี้"):
            return True
        if self.resolution_list in (ANNOUNCES_VOTES, ANNOUNCES_LINES) and _BULLET.match(line.joined.strip()):
            return True
        # `… ดังนี้` then its points `๑)`, `(๑)`, `๑.`, `1)`, counted from one: the resolution's
        # own, not items (an item's number is bold, or dotted `๓.๑`)
        point = _RESOLUTION_POINT.match(text)
        if (
            self.resolution_list == ANNOUNCES_LINES
            and point
            and not line.bold
            and int(thai.to_arabic_digits(point[1])) == self.resolution_point
        ):
            self.resolution_point += 1
            return True
        numbered = recognize.numbered_line(text)
        if numbered is not None and self.resolution_list and self.resolution_list > 0:
            if numbered.parts == (self.resolution_list,):
                self.resolution_list += 1
                return True
            return False
        return self.resolution_list == ANNOUNCES_LINES and numbered is None

    def _resolution_before_its_table(self, grid: Grid) -> None:
        """A resolution that announces a table: the program prints an item's resolution after its
        text, so it is kept as the paragraph it was typed as, before the table (and said)."""
        node = self.path[-1] if self.path else self.section
        if node is None or not node.resolution:
            return
        blocks = self.path[-1].blocks if self.path else node.blocks
        blocks.append(Paragraph(f"{RESOLUTION_WORDS} {node.resolution}"))
        node.resolution = ""
        self.report.count("resolutions", -1)
        self.report.count("paragraphs")
        self.report.note(grid.place, "มติที่ประชุมตามด้วยตาราง เก็บมติไว้เป็นย่อหน้าก่อนตารางตามที่พิมพ์ ตรวจดูช่องมติของเรื่องนี้")

    def _opens_a_part(self, line: Line, text: str) -> bool:
        """A line that opens a part of its own (a heading, the times, a signature, a presenter
        line): no line of a resolution before it goes on past it."""
        return bool(
            line.bold
            or line.level is not None
            or line.centered
            or recognize.agenda_heading(line.text)
            or recognize.presenter_line(text)
            or recognize.opening_time(text)
            or recognize.closing_time(text)
            or recognize.signature_role(text)
        )

    def _structural(self, line: Line, text: str) -> bool:
        """Whether a line starts something of its own (a heading, an item, a presenter line,
        the times, a signature, a list, a table's caption) rather than going on with the text."""
        numbered = recognize.numbered_line(text)
        section = self.section
        number = self.meeting.section_number(section) if section is not None and section.is_agenda else None
        return bool(
            line.bold  # a sub-heading (`กลุ่มงานส่งเสริม…`) is not the resolution going on
            or (numbered is not None and (numbered.style != "dotted" or len(numbered.parts) > 1))
            or recognize.agenda_heading(line.text)
            or (line.bold and recognize.standard_agenda_title(text))
            or recognize.presenter_line(text)
            or recognize.opening_time(text)
            or recognize.closing_time(text)
            or recognize.signature_role(text)
            or _BULLET.match(line.joined.strip())
            or (numbered is not None and self._depth(numbered, number, line) is not None)
            or line.centered
            or line.level is not None
        )

    def _set_resolution(self, text: str) -> None:
        # a resolution closes the matter it follows: the item being read (sub-items resolved one
        # by one keep theirs); one resolution after the last of several sub-items is the whole
        # item's, and moves up when the agenda has been read (`_lift_lone_resolutions`)
        node = self.path[-1] if self.path else self.section
        if node is None:
            node = self._current_section(Line(text, ""))
        if node.resolution:
            # a matter resolved again further on (sub-topics typed as paragraphs, each with its
            # resolution): the earlier one stays where it was typed, as a paragraph
            blocks = self.path[-1].blocks if self.path else node.blocks
            at = min(self.resolved_at.get(id(node), len(blocks)), len(blocks))
            blocks.insert(at, Paragraph(f"{RESOLUTION_WORDS} {node.resolution}"))
            self.report.count("paragraphs")
        node.resolution = text
        self.resolved_at[id(node)] = len(self.path[-1].blocks if self.path else node.blocks)
        self.report.count("resolutions")

    def _times(self, line: Line, text: str) -> bool:
        opening = recognize.opening_time(text)
        if opening is not None and not any(section.is_agenda for section in self.meeting.sections):
            self.meeting.start = opening
            self._rest_after_time(line, text)
            return True
        closing = recognize.closing_time(text)
        if closing is not None:
            self.meeting.end = closing
            self._rest_after_time(line, text)
            self.closed = True
            return True
        return False

    def _rest_after_time(self, line: Line, text: str) -> None:
        """What follows the time on its line (`… ๐๙.๓๐ น. โดยมีนาย… เป็นประธาน`), kept as a
        paragraph where it stood: the program prints the time line itself."""
        rest = re.split(r"เวลา\s*[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}\s*(?:น\.)?", text, maxsplit=1)
        if len(rest) == 2 and rest[1].strip(" .,"):
            self._blocks(line).append(Paragraph(rest[1].strip(" ,")))
            self.report.count("paragraphs")

    def _signature(self, line: Line, text: str) -> bool:
        if self._signatures_side_by_side(line):
            return True
        role_first = _ROLE_THEN_NAME.match(text)  # `ผู้จดรายงานการประชุม นางสาว…` (a note typed in LINE)
        if role_first and (role := recognize.role_alone(role_first[1])) is not None:
            self._sign(Person(recognize.tidy(role_first[2])), role)
            return True
        name_first = _NAME_THEN_ROLE.match(text)  # `พ.ต.ท. อำนาจ ชัยมงคล ผู้ตรวจ…`: a rank for ลงชื่อ
        if name_first and (role := recognize.role_alone(name_first[2])) is not None:
            self._sign(Person(recognize.tidy(name_first[1])), role)
            return True
        untitled = _UNTITLED_NAME_THEN_ROLE.match(text) if self.closed else None
        if untitled and (role := recognize.role_alone(untitled[2])) is not None:
            # `จันทร์เพ็ญ ดวงดี ⇥ ผู้จดรายงานการประชุม` after the closing time: the signed name,
            # the printed one (`(นางจันทร์เพ็ญ ดวงดี)`) under it taken when it comes
            self._sign(Person(untitled[1]), role)
            self.signed_untitled = True
            return True
        role = recognize.signature_role(text)
        if role is not None:
            titled = re.search(
                r"ลงชื่อ\)?[\s.…]*((?:" + "|".join(map(re.escape, PREFIXES)) + r")[^.…]+?)\s*[.…]*\s*ผู้", text
            )
            inline = titled or _UNTITLED_SIGNER.search(text)  # `ลงชื่อ ประสิทธิ์ ดอนแดง ผู้ตรวจ…`: no นาย
            self._sign(Person(recognize.tidy(inline[1]) if inline else ""), role)
            self.signed_untitled = titled is None and inline is not None
            return True
        if recognize.blank_signature(text):  # `ลงชื่อ ……`, the role below the name and position
            self.signing, self.signing_role, self.signed_untitled = Person(""), None, False
            self.closed = True
            return True
        if self.signing is None and _SIGNER_NAME.match(text) and self._role_follows():
            # `(นางสาวชุติมา แก้วกาญจน์)` then its role (and position): signed without `ลงชื่อ`
            self.signing, self.signing_role = Person(""), None
            self.closed = True
        if self.signing is None:
            return False
        if self.signing_role is None and (role := recognize.role_alone(text)) is not None:
            self._sign(self.signing, role)
            self.signing = None  # the role line ends the block
            return True
        name = _SIGNER_NAME.match(text)
        if name and (not self.signing.name or self.signed_untitled):
            self.signing.name = name[1].strip()  # the name printed under the signature, title and all
            self.signed_untitled = False
            return True
        if name and _names_the_same(name[1], self.signing.name):
            return True  # `(อำนาจ ชัยมงคล)` under a line that named him already, title and all
        if line.place.startswith(FOOTNOTE_PLACE):  # a footnote on the ลงชื่อ line: text, not the position
            return False
        if (
            self.signing.name
            and self.signing.position.count("\n") < 1
            and len(text) <= 80
            and not _TITLE.match(text)
            and "รายงานการประชุม" not in text  # `ที่ประชุมได้รับรองรายงานการประชุมนี้แล้ว…`: a note
            and "ลงชื่อ" not in text  # another signer's block (`ลงชื่อ …… ประธานในที่ประชุม`)
            and recognize.roster_heading(text) is None  # the roster on a page after the signatures
            and not text.startswith(("ที่ประชุม", "หมายเหตุ", "มติ"))
        ):
            # a position takes at most two short lines; what follows is text of its own
            self.signing.position = f"{self.signing.position}\n{text}" if self.signing.position else text
            return True
        if _TITLE.match(text):
            self.report.note(
                line.place, "พบชื่อรายงานการประชุมอีกครั้งหลังลายมือชื่อ: ไฟล์นี้อาจมีรายงานการประชุมมากกว่าหนึ่งครั้ง"
            )
        if self.signing_role is None:
            self.report.note(line.place, "พบช่องลงชื่อที่ไม่ได้ระบุว่าเป็นผู้จดหรือผู้ตรวจรายงานการประชุม")
        self.signing = None
        if not self.after_signatures:
            self.after_signatures = True
            self.report.note(line.place, "ข้อความหลังลายมือชื่อ เก็บไว้เป็นย่อหน้าของเรื่องสุดท้าย")
        return False

    def _role_follows(self) -> bool:
        """Whether a signer's role stands on one of the next two lines (`ผู้จดรายงานการประชุม`)."""
        after = [self.reader.peek(ahead) for ahead in (0, 1)]
        return any(isinstance(line, Line) and recognize.role_alone(_text(line)) for line in after)

    def _sign(self, person: Person, role: str) -> None:
        signed = self.meeting.recorder if role == recognize.RECORDER else self.meeting.checker
        if signed is not None and signed.name and signed is not person:
            # a second checker (or recorder): the meeting holds one of each, so this one's
            # block is kept as text after the last matter, and said
            self.more_signers.append((person, role))
        elif role == recognize.RECORDER:
            self.meeting.recorder = person
        else:
            self.meeting.checker = person
        self.signing, self.signing_role = person, role
        self.closed = True

    def _signatures_side_by_side(self, line: Line) -> bool:
        """Recorder and checker typed side by side, parted by tabs: `ลงชื่อ…ผู้จด…⇥ลงชื่อ…ผู้ตรวจ…`,
        then `(name)⇥⇥(name)` and `position⇥⇥position`, each column its person."""
        cells = [recognize.tidy(cell) for cell in line.text.split("\t") if cell.strip()]
        roles = [recognize.signature_role(cell) for cell in cells]
        if len(cells) >= 2 and all(roles):
            self.signing_columns = [Person("") for _ in cells]
            for person, role in zip(self.signing_columns, roles, strict=True):
                self._sign(person, role or "")
            self.signing = None
            return True
        if not self.signing_columns or len(cells) != len(self.signing_columns):
            self.signing_columns = []
            return False
        for person, cell in zip(self.signing_columns, cells, strict=True):
            name = _SIGNER_NAME.match(cell)
            if not person.name and name:
                person.name = name[1].strip()
            else:
                person.position = f"{person.position}\n{cell}" if person.position else cell
        return True

    def _signature_table(self, grid: Grid) -> None:
        """Signature blocks set side by side in a table (recorder left, checker right): each
        cell read as a block, its lines one under another; a table of one line a cell (`ลงชื่อ`
        in one row, the names in the next…) read a column at a time; a role in a cell of its own
        beside a block (`ผู้จดรายงานการประชุม | ลงชื่อ… (name) position`) is that block's."""
        one_line_cells = all("\n" not in cell for row in grid.rows for cell in row) and len(grid.rows) > 1
        if one_line_cells and not any(_role_label_beside_block(row) for row in grid.rows):
            width = max(len(row) for row in grid.rows)
            columns = [
                tuple(row[index] if index < len(row) else "" for row in grid.rows) for index in range(width)
            ]
            for column in dict.fromkeys(columns):  # a column merged with the next: read once
                self._signature_block(list(column), grid.place)
            return
        for row in grid.rows:
            label = _role_label_beside_block(row)
            for cell in dict.fromkeys(row):  # a merged cell once
                if label is not None and recognize.role_alone(cell) is not None:
                    continue
                self._signature_block(cell.split("\n"), grid.place, label)

    def _signature_block(self, lines: list[str], place: str, role: str | None = None) -> None:
        """One signer's lines; `role` when a cell beside them named it. A block whose role
        never came is kept as text, said: no name is dropped."""
        self.signing = None
        kept: list[str] = []
        for piece in lines:
            text = recognize.tidy(piece)
            if not text:
                continue
            if self._signature(Line(piece, place), text):
                kept.append(text)
            else:
                self._paragraph(Line(piece, place))
        if self.signing is not None and self.signing_role is None:
            if role is not None:
                self._sign(self.signing, role)
            else:
                for text in kept:
                    self._paragraph(Line(text, place))
                self.report.note(place, "พบช่องลงชื่อที่ไม่ได้ระบุว่าเป็นผู้จดหรือผู้ตรวจรายงานการประชุม เก็บไว้เป็นย่อหน้า")
        self.signing = None

    def _list_entry(self, line: Line, text: str) -> bool:
        raw = line.joined.strip()
        if re.fullmatch(r"-\s*ไม่มี\s*-", raw):  # `- ไม่มี -`: the usual "nothing", as typed
            return False
        bullet = _BULLET.match(raw)
        ordered = _ORDERED.match(raw) if bullet is None else None
        match = bullet or ordered
        if match is None:
            return False
        blocks = self._blocks(line)
        entry = recognize.tidy(match[1])
        previous = blocks[-1] if blocks else None
        if isinstance(previous, BulletList) and previous.ordered == (ordered is not None):
            previous.items.append(entry)
        else:
            blocks.append(BulletList([entry], ordered=ordered is not None))
            self.report.count("lists")
        return True

    def _attachment(self, line: Line, text: str) -> bool:
        match = _ATTACHMENT.match(text)
        if match is None:
            return False
        self._blocks(line).append(Attachment(match[1].strip()))
        return True

    def _table_note(self, line: Line, text: str) -> bool:
        table = self.last_table
        if table is None or line.indented or line.bold or table.note or not text.startswith(_NOTE_WORDS):
            return False
        table.note = text
        self.note_of = line
        return True

    def _paragraph(self, line: Line) -> None:
        self._blocks(line).append(_as_paragraph(line))
        self.report.count("paragraphs")

    def _blocks(self, line: Line) -> list[Block]:
        if self.path:
            return self.path[-1].blocks
        return self._current_section(line).blocks

    # --- tables -----------------------------------------------------------------------------

    def _roster_at_the_end(self, heading: SourceBlock) -> None:
        """The roster typed after the signatures (a page of its own at the end), read as the
        meeting's, said; what it holds that names no one is kept where it stood."""
        reader = self.reader
        reader.at -= 1  # the heading itself opens the roster
        kept = len(reader.stray_lines)
        reader._roster()
        self.signing = None
        self.report.note(heading.place, "รายชื่อผู้เข้าประชุมอยู่ท้ายเอกสาร (หลังลายมือชื่อ) อ่านเป็นรายชื่อของการประชุมนี้")
        strays, reader.stray_lines[kept:] = reader.stray_lines[kept:], []
        for stray in strays:
            if isinstance(stray, Grid):
                self._grid(stray)
            else:
                self._paragraph(stray)

    def _grid(self, grid: Grid) -> None:
        if self.closed and not self.meeting.attendees and _heading_row(grid) is not None:
            self._roster_at_the_end(grid)
            return
        if _agenda_layout_table(grid):  # `ระเบียบวาระที่ ๑ | title`, then its text and resolution
            for row in grid.rows:
                label, said = recognize.tidy(row[0]), row[1].strip()
                self._line(Line(f"{label} {said}" if label else said, grid.place))
            return
        if _speakers_table(grid):  # a council's `speaker | what was said`, its resolutions in it
            for row in grid.rows:
                speaker, said = recognize.tidy(row[0]), row[1].strip()
                joined = f"{speaker} - {said}" if speaker == "ที่ประชุม" else f"{speaker}\t{said}"  # a council's
                self._line(Line(joined if speaker else said, grid.place))
            return
        self.resolution_open = False
        if self.resolution_list == ANNOUNCES_LINES:  # `อนุมัติโครงการ ดังนี้`, then its table
            self._resolution_before_its_table(grid)
        self.resolution_list = None
        if self.pending_resolution:  # a bare `มติที่ประชุม`, then its votes as a table
            self.pending_resolution = False
            votes = _votes_text(grid)
            if votes is not None:
                self._set_resolution(votes)
                return
            self.report.note(grid.place, "มติที่ประชุมเป็นตาราง: เก็บตารางไว้ในเนื้อหาของเรื่อง ใส่มติที่ช่องมติอีกครั้ง")
        if any(
            recognize.signature_role(cell) or recognize.role_alone(cell) for row in grid.rows for cell in row
        ) and _signs(grid):
            self._signature_table(grid)
            return
        if self.closed and self.signing is not None:
            self.report.note(grid.place, "ตารางหลังลายมือชื่อ เก็บไว้ในเรื่องสุดท้าย")
        blocks = self._blocks(Line("", grid.place))
        table, notes = grid_table(grid)
        previous = blocks[-1] if blocks else None
        if isinstance(previous, Paragraph) and self._title_before and previous.text == self._title_before:
            table.title = previous.text
            blocks.pop()
            self.report.count("paragraphs", -1)
        blocks.append(table)
        self.last_table = table
        self.report.count("tables")
        for note in notes:
            self.report.note(grid.place, note)

    @property
    def _title_before(self) -> str | None:
        """The text of the line before the current grid when it reads as the table's title (a
        short line, bold and centred as Word's table captions are)."""
        index = self.reader.at - 2
        block = self.reader.blocks[index] if index >= 0 else None
        if isinstance(block, Line) and block.bold and block.centered and len(_text(block)) <= 150:
            return _text(block)
        return None


def grid_table(grid: Grid) -> tuple[Table, list[str]]:
    """A table from a grid: header rows (those before the first row with a figure), a group over
    columns whose first header row repeats (merged cells), figure columns' kinds, and a typed
    total row taken as the table's total (computed again; a difference is reported)."""
    rows = [[cell.replace("\u00a0", " ") for cell in row] for row in grid.rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    empty = [index for index in range(width) if not any(row[index].strip() for row in rows)]
    if empty and len(empty) < width:  # a column of nothing (lines typed with a leading tab)
        rows = [[cell for index, cell in enumerate(row) if index not in empty] for row in rows]
        width -= len(empty)
    notes: list[str] = []
    rows = _units_to_the_header(rows, notes)
    after_total = _rows_after_the_total(rows)
    if after_total:  # `รวม …` then a line or two more (`ดอกเบี้ยรับ …`): under the table, as its note
        rows, trailing = rows[: -len(after_total)], after_total
        notes.append("แถวที่อยู่ใต้แถวรวม เก็บไว้เป็นหมายเหตุใต้ตาราง ยอดรวมคำนวณจากแถวก่อนแถวรวม")
    headers = _header_rows(rows)
    body = [_subheading(row) for row in rows[headers:]]
    retyped = [row for row in body if row in rows[:headers]]
    if retyped:  # the header typed again at the top of the next page: one header is the table's
        body = [row for row in body if row not in rows[:headers]]
        notes.append("หัวตารางที่พิมพ์ซ้ำกลางตาราง (ต้นหน้าถัดไป) ไม่นำเข้าซ้ำ ตารางของโปรแกรมพิมพ์หัวตารางซ้ำทุกหน้าเอง")
    total_label = None
    if body and (label := recognize.total_label(body[-1])) is not None:
        total_label = label
        typed_total = body.pop()
    columns = _columns(rows[:headers], body, width)
    if total_label is not None and any(recognize.total_label(row) is not None for row in body):
        # subtotals typed between the rows (`รวม` after each แผนงาน): a computed total would
        # add them in again, so every total row stays as typed
        body.append(typed_total)
        total_label = None
        notes.append("ตารางมีแถวรวมย่อย เก็บแถวรวมทุกแถวตามที่พิมพ์ โปรแกรมไม่คำนวณยอดรวมของตารางนี้")
    if total_label is not None and _total_holds_text(typed_total, columns, total_label):
        # figures typed with their units (`๒๐๐ คน`) or under a column of text: kept as typed
        body.append(typed_total)
        total_label = None
        notes.append("แถวรวมที่พิมพ์ไว้มีข้อความในคอลัมน์ที่ไม่ใช่ตัวเลข เก็บไว้เป็นแถวข้อมูลตามที่พิมพ์")
    if total_label is not None:
        _no_total_where_none_was_typed(columns, typed_total)
    table = Table(columns, body, total_label=total_label)
    if after_total:
        table.note = "\n".join(" ".join(cell.strip() for cell in row if cell.strip()) for row in trailing)
    notes.extend(_computed_columns(table))
    if total_label is not None:
        notes.extend(_total_differences(table, typed_total))
    if headers > 2:
        notes.append(
            f"หัวตารางมี {thai.to_thai_digits(str(headers))} แถว แถวแรกเป็นกลุ่มคอลัมน์ แถวที่เหลือรวมเป็นชื่อคอลัมน์"
        )
    return table, notes


_MOST_ROWS_AFTER_TOTAL = 2


def _rows_after_the_total(rows: list[list[str]]) -> list[list[str]]:
    """The last rows of a table when they follow its `รวม` row (at most two, none a total)."""
    for count in range(1, _MOST_ROWS_AFTER_TOTAL + 1):
        if len(rows) > count + 2 and recognize.total_label(rows[-count - 1]) is not None:
            tail = rows[-count:]
            if all(recognize.total_label(row) is None for row in tail):
                return tail
    return []


_FIGURE_IN_BAHT = re.compile(r"^(.*?[0-9๐-๙].*?)\s*บาท\.?$")


def _units_to_the_header(rows: list[list[str]], notes: list[str]) -> list[list[str]]:
    """A column whose every figure was typed with its unit (`๑๒,๔๕๐ บาท`): the unit goes to the
    column's name (`จำนวนเงิน (บาท)`), the figures stay, so that they are added up and a typed
    total is checked (as text, a wrong total went unseen). A table with no header row (its first
    row holds such figures too) is given one, the unit its only words."""
    headless = bool(rows) and any(_FIGURE_IN_BAHT.match(cell.strip()) for cell in rows[0])
    data = rows if headless else rows[1:]
    for index in range(len(rows[0]) if rows else 0):
        cells = [row[index] for row in data if row[index].strip() and not thai.is_blank_figure(row[index])]
        found = [_FIGURE_IN_BAHT.match(cell.strip()) for cell in cells]
        if not cells or not all(m and thai.parse_figure(m[1]) is not None for m in found):
            continue
        for row in data:
            typed = _FIGURE_IN_BAHT.match(row[index].strip())
            if typed is not None:
                row[index] = typed[1]
        if headless:
            rows.insert(0, [""] * len(rows[0]))
            headless, data = False, rows[1:]
        if "บาท" not in rows[0][index]:
            rows[0][index] = f"{rows[0][index]} (บาท)".strip()
        notes.append(f'คอลัมน์ "{rows[0][index]}" พิมพ์หน่วย บาท ไว้หลังตัวเลข ย้ายหน่วยไปไว้ที่ชื่อคอลัมน์')
    return rows


def _header_rows(rows: list[list[str]]) -> int:
    """How many rows head the table: those before the first row with a figure (its first cell,
    a running number, aside), and a row of years under a group heading whose first cell is merged
    down from the header (`ที่` over two rows, `๒๕๖๕ | ๒๕๖๖` under `งบประมาณ`); one when no
    row has a figure. A row merged across the table (`แผนงานบริหารงานทั่วไป`) starts the body."""
    for index, row in enumerate(rows):
        if index and re.fullmatch(r"[0-9๐-๙]{1,3}\.?", row[0].strip()) and not rows[0][0].strip().isdigit():
            return index  # a running number opens the body, whatever its other cells hold
        if _years_only(row[1:]) and not _years_only(rows[index + 1][1:] if index + 1 < len(rows) else []):
            continue  # `รายการ | ๒๕๖๗ | ๒๕๖๖`: years heading the columns, not figures
        if any(thai.parse_figure(cell) is not None for cell in row[1:] if cell.strip()):
            if index and row[0] and row[0] == rows[index - 1][0] and thai.parse_figure(row[0]) is None:
                continue  # the header's first cell merged down over this row: still the header
            # a row merged across the table before the figures is the body's first sub-heading
            merged = next((at for at in range(1, index) if _subheading(rows[at]) != rows[at]), index)
            return merged
    return 1 if len(rows) > 1 else 0


def _no_total_where_none_was_typed(columns: list[Column], typed_total: list[str]) -> None:
    """A figure column whose cell the clerk left blank in the typed total row, or wrote the label
    in (a note's number, `หมู่ที่`, an age, an account code), is one whose figures are not added
    up: it is set as text, so the total row holds there what was typed."""
    for index, column in enumerate(columns):
        typed = typed_total[index].strip() if index < len(typed_total) else ""
        if column.kind in (ColumnKind.NUMBER, ColumnKind.MONEY) and thai.parse_figure(typed) is None:
            column.kind = ColumnKind.TEXT  # blank, or the label `รวม` typed in it


def _years_only(cells: list[str]) -> bool:
    """Whether the cells that hold anything are all Buddhist years (`๒๕๖๗`, `พ.ศ. ๒๕๖๖`)."""
    filled = [thai.to_arabic_digits(cell).replace("พ.ศ.", "").strip() for cell in cells if cell.strip()]
    return bool(filled) and all(re.fullmatch(r"2[45][0-9]{2}", cell) for cell in filled)


def _subheading(row: list[str]) -> list[str]:
    """A row merged across the table (its text in every cell, as Word's merged cell reads) as a
    sub-heading: the text once, in the first cell."""
    if len(row) > 1 and row[0].strip() and all(cell == row[0] for cell in row):
        return [row[0], *[""] * (len(row) - 1)]
    return row


def _total_holds_text(typed: list[str], columns: list[Column], label: str) -> bool:
    """Whether a typed total row holds something a computed one would lose: text other than its
    label in a column of text, or a figure with words (`๒๐๐ คน`)."""
    for cell, column in zip(typed, columns, strict=False):
        text = cell.strip()
        if not text or text == label or text in ("-", "–"):
            continue
        if not column.kind.is_numeric or thai.parse_figure(text) is None:
            return True
    return False


def _columns(header: list[list[str]], body: list[list[str]], width: int) -> list[Column]:
    columns = []
    for index in range(width):
        titles = [row[index] for row in header]
        title = titles[-1] if titles else ""
        group = ""
        if len(titles) > 2:  # the rows below the group make the title (`ไตรมาส ๑-๒ เป้าหมาย`)
            below = [cell for cell in dict.fromkeys(titles[1:]) if cell.strip() and cell != titles[0]]
            title = " ".join(below) or titles[-1]  # or a heading merged down over every row
        if len(titles) >= 2 and titles[0] != titles[-1]:
            group = titles[0]
        if not title.strip() and group:  # a heading merged down over both header rows
            title, group = group, ""
        columns.append(
            Column(recognize.tidy(title), recognize.tidy(group), _kind(title, [row[index] for row in body]))
        )
    return columns


def _computed_columns(table: Table) -> list[str]:
    """A percentage column whose every figure is one figure column over another times a hundred
    (`ร้อยละ` of what was spent out of what was allotted) becomes that formula, computed again;
    its typed figures are then left out. One whose figures are so in most rows (and not only
    where the two columns are equal) keeps what was typed, and the rows that differ are said (a
    percentage typed wrong)."""
    from models.tables import column_letter, compute_table  # noqa: PLC0415

    notes: list[str] = []
    figures = [
        i for i, column in enumerate(table.columns) if column.kind in (ColumnKind.NUMBER, ColumnKind.MONEY)
    ]
    for index, column in enumerate(table.columns):
        if column.kind is not ColumnKind.PERCENT or column.formula:
            continue
        typed = [row[index] for row in table.rows]
        nearest: tuple[int, str, list[list[str]], list[bool]] | None = None
        for top, bottom in ((t, b) for t in figures for b in figures if t != b):
            formula = f"={column_letter(top)}/{column_letter(bottom)}*100"
            trial = Table(
                [
                    *table.columns[:index],
                    Column(column.title, column.group, column.kind, formula),
                    *table.columns[index + 1 :],
                ],
                [[*row[:index], "", *row[index + 1 :]] for row in table.rows],
            )
            computed = compute_table(trial).rows
            same = [_same_figure(cell, row[index]) for cell, row in zip(typed, computed, strict=True)]
            if all(same):
                table.columns[index] = trial.columns[index]
                for row in table.rows:
                    row[index] = ""
                break
            telling = sum(ok and thai.parse_figure(cell) != 100 for ok, cell in zip(same, typed, strict=True))
            if (
                telling
                and same.count(True) >= same.count(False)
                and (nearest is None or telling > nearest[0])
            ):
                over = f"{table.columns[top].title}/{table.columns[bottom].title}×๑๐๐"
                nearest = (telling, over, computed, same)
        else:
            if nearest is not None:
                _, over, computed, same = nearest
                notes.extend(
                    f'ร้อยละในแถวที่ {thai.to_thai_digits(str(number))} ของคอลัมน์ "{column.title}" ({cell}) '
                    f"ไม่ตรงกับ {over} ({row[index]}) ที่แถวอื่นใช้ เก็บไว้ตามที่พิมพ์"
                    for number, (ok, cell, row) in enumerate(zip(same, typed, computed, strict=True), start=1)
                    if not ok
                )
    return notes


def _same_figure(typed: str, computed: str) -> bool:
    typed_value, computed_value = thai.parse_figure(typed), thai.parse_figure(computed)
    if typed_value is None or computed_value is None:
        return recognize.tidy(typed) in ("", "-", "–") and recognize.tidy(computed) in ("", "-", "–")
    return typed_value == computed_value


def _kind(title: str, cells: list[str]) -> ColumnKind:
    typed = [cell for cell in cells if cell.strip() and cell.strip() not in ("-", "–")]
    if not typed or any(thai.parse_figure(cell) is None for cell in typed):
        return ColumnKind.TEXT
    if all(thai.to_arabic_digits(cell.strip()).rstrip(".").isdigit() for cell in typed) and title.strip() in (
        "ที่",
        "ลำดับ",
        "ลำดับที่",
    ):
        return ColumnKind.TEXT
    if "ร้อยละ" in title or "%" in title or any("%" in cell for cell in typed):
        return ColumnKind.PERCENT
    if "บาท" in title or all(thai.decimals_of(cell) == 2 for cell in typed):
        return ColumnKind.MONEY
    return ColumnKind.NUMBER


def _total_differences(table: Table, typed: list[str]) -> list[str]:
    """What the typed total row says that the computed one does not."""
    from models.tables import compute_table  # noqa: PLC0415

    computed = compute_table(table)
    if computed.total is None or computed.total_text is None:
        return []
    notes = []
    for index, typed_cell in enumerate(typed):
        if (
            index < len(table.columns)
            and table.columns[index].kind is ColumnKind.PERCENT
            and not table.columns[index].formula
            and thai.parse_figure(typed_cell) is not None
        ):  # a typed percentage total (`๑๐๐`, an average): the program adds no percentages up
            notes.append(
                f'ยอดที่พิมพ์ไว้ในคอลัมน์ร้อยละ "{table.columns[index].title}" ({typed_cell}) ไม่ได้พิมพ์ในแถวรวม '
                "เพราะโปรแกรมไม่รวมร้อยละ หากต้องการ ให้ใส่ไว้ในหมายเหตุใต้ตาราง"
            )
            continue
        if index >= len(table.columns) or not table.columns[index].kind.is_numeric:
            continue
        typed_value = thai.parse_figure(typed_cell) if typed_cell.strip() else None
        value = thai.parse_figure(computed.total_text[index])  # as printed: at the column's decimals
        if typed_value is not None and value is not None and typed_value != value:
            notes.append(
                f'ยอดรวมที่พิมพ์ไว้ในคอลัมน์ "{table.columns[index].title}" ({typed_cell}) '
                f"ไม่ตรงกับที่คำนวณได้ ({computed.total_text[index]}) ใช้ยอดที่คำนวณ"
            )
    return notes


class _Letter:
    """The cover letter at the top of the file, and the office it names."""

    def __init__(self, reader: _Reader, front: list[SourceBlock]) -> None:
        self.reader = reader
        self.lines = [block for block in front if isinstance(block, Line)]
        self.letter = Letter()
        self.office = Office("")
        self.memo_unit = ""  # a memo's `ส่วนราชการ …`
        for block in reversed(front):
            if isinstance(block, Grid):
                reader.report.note(
                    block.place, "ตารางในหนังสือนำส่ง ไม่ได้นำเข้าเป็นส่วนของหนังสือ เก็บไว้ในส่วนก่อนเข้าวาระ"
                )
                reader._keep_front(block)

    def read(self) -> None:
        lines = list(self.lines)
        letter, office = self.letter, self.office
        index = 0
        while index < len(lines) and not _text(lines[index]).startswith("ที่"):
            index += 1
        above = [line for line in lines[:index] if not self._memo_heading(line)]
        for line in reversed(above):  # above the letter (a draft mark): kept, in order
            self.reader._keep_front(line)
        address: list[str] = []
        if index < len(lines):
            # `ที่ ชม ๐๐๒๓.๑/ว ๔๕๖⇥⇥⇥สำนักงาน…`: the office typed on the number's line after tabs
            number, *beside = [part for part in re.split(r"\t+", lines[index].pieces[0]) if part.strip()]
            letter.number = recognize.tidy(recognize.tidy(number)[3:])
            dated = [part for part in beside if recognize.tidy(part).startswith("วันที่")]  # a memo's date
            if dated:
                letter.date = recognize.date_in_text(recognize.tidy(dated[0]))
            address.extend(recognize.tidy(part) for part in beside if part not in dated)
            address.extend(recognize.tidy(piece) for piece in lines[index].pieces[1:])
            index += 1
        while (
            index < len(lines)
            and not self._only_a_date(_text(lines[index]))
            and not _MONTH_AND_YEAR.match(_text(lines[index]))
            and not _text(lines[index]).startswith("เรื่อง")
        ):
            address.extend(recognize.tidy(piece) for piece in lines[index].pieces)
            index += 1
        if address:
            office.name, office.address = address[0], address[1:]
        elif self.memo_unit:  # a memo names its unit, not an address
            office.name = self.memo_unit
        if index < len(lines) and self._only_a_date(_text(lines[index])):
            letter.date = recognize.date_in_text(_text(lines[index]))
            index += 1
        elif index < len(lines) and _MONTH_AND_YEAR.match(_text(lines[index])):
            # `พฤษภาคม ๒๕๖๗`: the day left for the records office to write in
            self.reader.report.note(
                lines[index].place, f"วันที่ของหนังสือเว้นไว้ ({_text(lines[index])}) ใส่วันที่เมื่อลงเลขหนังสือ"
            )
            index += 1
        index = self._labels(lines, index)
        body: list[str] = []
        while index < len(lines) and _text(lines[index]) not in _CLOSINGS:
            if body and _SIGNER_NAME.match(_text(lines[index])):
                break  # a memo signed with no closing (`(นางสาวกาญจนา …)` under its last line)
            body.append(_text(lines[index]))
            index += 1
        if index < len(lines) and _SIGNER_NAME.match(_text(lines[index])):
            index = self._signer(lines, index)  # the closing's place left empty, as a memo has it
        letter.body = body
        for text in body:  # `… ภายในวันที่ ๕ มกราคม ๒๕๖๗ หากพ้นกำหนดถือว่ารับรอง…`
            if "รับรอง" in text and (deadline := re.search(r"ภายใน(?:วันที่)?\s*(.{6,40})", text)):
                letter.certify_by = recognize.date_in_text(deadline[1]) or letter.certify_by
        if index < len(lines):
            letter.closing = "" if _text(lines[index]) == DEFAULT_CLOSING else _text(lines[index])
            index += 1
        index = self._signer(lines, index)
        self._office_lines([recognize.tidy(piece) for line in lines[index:] for piece in line.pieces])
        self.reader.letter = letter
        self.reader.office = office

    def _memo_heading(self, line: Line) -> bool:
        """A memo's (บันทึกข้อความ) heading and its `ส่วนราชการ …` line: read (the unit and its
        phone), not kept as text of the minutes."""
        text = _text(line)
        if text.replace(" ", "") == "บันทึกข้อความ":
            self.reader.report.note(
                line.place,
                "หนังสือนำส่งพิมพ์เป็นบันทึกข้อความ โปรแกรมอ่านเป็นหนังสือนำส่งและพิมพ์ตามแบบหนังสือภายนอก ตรวจดูแท็บหนังสือนำส่ง",
            )
            return True
        unit = re.match(r"^ส่วนราชการ\s*(.+)$", text)
        if unit is None:
            return False
        name, _, phone = unit[1].partition("โทร")
        self.memo_unit = recognize.tidy(name)
        if phone:
            self.office.phone = recognize.tidy(re.sub(r"^(?:ศัพท์)?\.?", "", phone))
        return True

    @staticmethod
    def _only_a_date(text: str) -> bool:
        day = recognize.date_in_text(text)
        return day is not None and len(text) <= 30

    def _labels(self, lines: list[Line], index: int) -> int:
        label = ""  # the last label read: numbered lines after it go on with its list
        while index < len(lines):
            pieces = [recognize.tidy(piece) for piece in lines[index].pieces]
            went_on = label and lines[index].text.startswith("\t")  # `⇥ลงวันที่ …` under its label
            found = self._label(_text(lines[index]) if len(pieces) < 2 else pieces[0], label)
            if not found and went_on:
                self._go_on(pieces[0], label)
                found = label
            label = found
            if not label:
                return index
            for piece in pieces[1:]:  # `สิ่งที่ส่งมาด้วย ๑. …` and `๒. …` under it, parted by a manual break
                self._go_on(piece, label)
            index += 1
        return index

    def _label(self, text: str, label: str) -> str:
        """Read one labelled line of the letter (or one going on with the label before it);
        returns the label it belongs to, empty for a line that is not one."""
        letter = self.letter
        lists = {"อ้างถึง": letter.references, "สิ่งที่ส่งมาด้วย": letter.enclosures}
        for name in ("เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย"):
            if text.startswith(name):
                value = recognize.tidy(text[len(name) :])
                if name in lists:
                    lists[name].append(value)
                elif name == "เรื่อง":
                    letter.subject = value
                else:
                    letter.to = value
                return name
        if text.startswith("จำนวน") and letter.enclosures:
            letter.enclosures[-1] = f"{letter.enclosures[-1]} {text}"
            return label
        if recognize.numbered_line(text) and label in lists:
            lists[label].append(text)
            return label
        return ""

    def _go_on(self, text: str, label: str) -> None:
        """A line after a manual break that is no label of its own: the value above goes on."""
        letter = self.letter
        if self._label(text, label):
            return
        if label == "สิ่งที่ส่งมาด้วย" and not text.startswith("จำนวน"):  # one enclosure a line
            letter.enclosures.append(text)
            return
        if label == "เรื่อง":
            letter.subject = f"{letter.subject} {text}"
        elif label == "เรียน":
            letter.to = f"{letter.to} {text}"
        else:
            entries = letter.references if label == "อ้างถึง" else letter.enclosures
            if entries:
                entries[-1] = f"{entries[-1]} {text}"
            else:
                entries.append(text)

    def _signer(self, lines: list[Line], index: int) -> int:
        if index < len(lines) and (name := _SIGNER_NAME.match(_text(lines[index]))):
            signer = Person(name[1].strip())
            index += 1
            if index < len(lines):
                signer.position = _text(lines[index])
                index += 1
            if signer.position.endswith("แทน") and index < len(
                lines
            ):  # `… ปฏิบัติราชการแทน` / the one acted for
                signer.position = f"{signer.position}\n{_text(lines[index])}"
                index += 1
            self.letter.signer = signer
        return index

    def _office_lines(self, pieces: list[str]) -> None:
        office = self.office
        for piece in pieces:
            if piece.startswith("โทรสาร"):
                office.fax = recognize.tidy(piece[len("โทรสาร") :].lstrip("."))
            elif re.match(r"^โทร", piece):
                office.phone = recognize.tidy(re.sub(r"^โทร(?:ศัพท์)?\.?(?:\s*/?\s*โทรสาร\.?)?", "", piece))
            elif email := re.search(
                r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", piece
            ):  # `E-mail: …`, `ไปรษณีย์อิเล็กทรอนิกส์ …`
                office.email = email[0]
            elif not (office.phone or office.fax or office.email):
                # the unit, over one line or two (`สำนักงานจังหวัด`, `กลุ่มงานยุทธศาสตร์…`), before
                # the contact lines; the slogan comes after them
                office.unit = f"{office.unit} {piece}".strip()
            else:
                office.slogan.append(piece)


# a draft's mark in the header (`(ฉบับร่าง)`, a stamp `ร่าง ฉบับที่ ๒`, `สำเนา`, `ลับ`): kept, not the end of
# the header
_DRAFT_MARK = re.compile(
    r"\(?(?:ฉบับ)?ร่าง(?:\s*(?:ฉบับที่|ครั้งที่)\s*[0-9๐-๙]+)?\)?|\(?(?:สำเนา(?:คู่ฉบับ)?|ลับ|ด่วน(?:ที่สุด|มาก)?)\)?"
)
# a note that says someone did not come (`ลาป่วย`, `ไปราชการ`), not that they came for another
_ABSENCE = re.compile(r"^\(?(?:ลา|ไปราชการ|ติดราชการ|ติดภารกิจ|ป่วย|ขาด)")
# a tabbed line under the roster that opens the meeting's account, not a position going on
_SENTENCE_AFTER_ROSTER = re.compile(r"^(?:เมื่อ|เริ่ม|เปิด|ที่ประชุม|ก่อนเข้า|องค์ประชุม|ครบองค์)")
# a count of votes (`เห็นด้วย ๕ เสียง`, `ไม่รับหลักการ - เสียง`, `งดออกเสียง ๑ เสียง (ประธานสภาฯ)`)
_VOTE_LINE = re.compile(r"(?:[0-9๐-๙]+|-)\s*(?:เสียง|คะแนน)\s*(?:\([^()]*\))?\s*$")
# a resolution's votes at its end, each count a number or ไม่มี, in the order the program prints them
_ONE_COUNT = r"[0-9๐-๙]{1,6}|ไม่มี|-"
_VOTES_AT_END = re.compile(
    r"(?:ด้วย)?\s*(?:มี)?คะแนนเสียง\s*(?:ดังนี้)?\s*[:：]?\s*"
    rf"เห็นด้วย\s*(?P<for>{_ONE_COUNT})\s*(?:เสียง|คน)?[\s,]*"
    rf"ไม่เห็นด้วย\s*(?P<against>{_ONE_COUNT})\s*(?:เสียง|คน)?[\s,]*"
    rf"งดออกเสียง\s*(?P<abstained>{_ONE_COUNT})\s*(?:เสียง|คน)?\s*$"
)


def _vote_count(typed: str) -> int:
    digits = thai.to_arabic_digits(typed)
    return int(digits) if digits.isdigit() else 0  # ไม่มี, -


# a typed page number (`-๒-`, `- ๓ -`) or the word the next page starts with (`/มติที่ประชุม...`)
_PAGE_MARK = re.compile(r"[-–]\s*[0-9๐-๙]{1,3}\s*[-–]|/\S[^/]{0,40}?(?:\.{2,}|…)")
# `ก. โครงการ…`: an item lettered as Word's Thai-letter numbering letters them (ฃ and ฅ left out)
THAI_ITEM_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_LETTERED = re.compile(r"^([ก-ฮ])[.)]\s*(\S.*)$")
# a resolution typed as a sentence: `ที่ประชุมรับทราบ`, `ที่ประชุมมีมติเห็นชอบ …`
_RESOLVED_SENTENCE = re.compile(r"ที่ประชุม\s*(?:มีมติ\s*(\S.*)|((?:รับทราบ|รับรอง|เห็นชอบ|อนุมัติ)\S*))")
_RESOLUTION_POINT = re.compile(r"^\(?([0-9๐-๙]{1,2})(?:\)|\.(?![0-9๐-๙]))\s*\S")
_ANNOUNCING_LINES = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|[:：])\s*$")
ANNOUNCES_VOTES = 0  # `… ด้วยคะแนนเสียง`: its vote counts and bullets follow
ANNOUNCES_LINES = -1  # `… ดังนี้`: the lines that follow are the resolution's, up to a heading
ANNOUNCES_NOTHING = -2  # a resolution said whole: only its votes or `ทั้งนี้ …` go on with it


def _announced_lines(resolution: str) -> int | None:
    """What lines a resolution announces: 0 for votes or a list (`… ด้วยคะแนนเสียง ดังนี้`), the
    next number for one typed as a numbered list (`๑. เห็นชอบ…`), None for none."""
    numbered = recognize.numbered_line(resolution)
    if numbered is not None and numbered.parts == (1,):
        return 2
    if _ANNOUNCING_LINES.search(resolution):
        return ANNOUNCES_LINES
    return ANNOUNCES_VOTES if "คะแนนเสียง" in resolution else ANNOUNCES_NOTHING


_VOTE_ROWS = 8  # a table under a bare มติที่ประชุม this small is its votes, kept as its lines
_VOTE_COLUMNS = 4


def _signs(grid: Grid) -> bool:
    """Whether a table holding a signer's role is signature blocks (`ลงชื่อ`, dotted lines, a
    name in brackets), not a table that only names the role (a rota of minute-takers)."""
    return any(
        "ลงชื่อ" in cell or "..." in cell or "…" in cell or _SIGNER_NAME.search(cell)
        for row in grid.rows
        for cell in row
    )


def _speakers_table(grid: Grid) -> bool:
    """A borderless two-column layout of who spoke and what was said (`ประธานสภาฯ | ขอเชิญ…`,
    `มติที่ประชุม | รับหลักการ ๙ เสียง`): read as the lines it lays out, not as a table."""
    if any(len(row) != 2 for row in grid.rows):
        return False
    labels = [recognize.tidy(row[0]) for row in grid.rows]
    return any(recognize.resolution(label) is not None or label == "ที่ประชุม" for label in labels)


def _agenda_layout_table(grid: Grid) -> bool:
    """The agenda laid out in a borderless two-column table: `ระเบียบวาระที่ ๑` or an item's
    number on the left, the title, text and `มติที่ประชุม …` on the right: read as the lines it
    lays out."""
    if any(len(row) != 2 for row in grid.rows):
        return False
    labels = [recognize.tidy(row[0]) for row in grid.rows]
    return any(recognize.agenda_heading(label) for label in labels) and any(
        recognize.resolution(recognize.tidy(row[1])) is not None for row in grid.rows
    )


def _votes_text(grid: Grid) -> str | None:
    """A small table typed as a resolution (`เห็นด้วย | ๕ | เสียง` a row) as the resolution's
    lines, its cells parted by spaces; None for a larger table."""
    if len(grid.rows) > _VOTE_ROWS or any(len(row) > _VOTE_COLUMNS for row in grid.rows):
        return None
    lines = [" ".join(recognize.tidy(cell) for cell in row if cell.strip()) for row in grid.rows]
    return "\n".join(line for line in lines if line) or None


def _lift_lone_resolutions(items: list[Item]) -> None:
    """An item with sub-items whose one resolution was typed after the last of them, and none of
    its own: the clerk resolved the whole item after its sub-topics (`๔.๒`, `๔.๒.๑`, `๔.๒.๒`,
    then `มติที่ประชุม`), so the resolution is the item's, printed after its sub-items as typed.
    Sub-items resolved one by one keep theirs."""
    for item in items:
        below = list(_descendants(item.items))
        resolved = [sub for sub in below if sub.resolution]
        if not item.resolution and below and resolved == [below[-1]]:
            item.resolution, below[-1].resolution = below[-1].resolution, ""
        else:
            _lift_lone_resolutions(item.items)


def _descendants(items: list[Item]) -> Iterator[Item]:
    """The items and their sub-items, in the order they were typed."""
    for item in items:
        yield item
        yield from _descendants(item.items)


def _as_paragraph(block: SourceBlock) -> Paragraph:
    if isinstance(block, Grid):
        return Paragraph("\n".join("\t".join(row) for row in block.rows))
    return Paragraph(
        recognize.tidy(block.joined), indent=block.indented or not block.place.startswith("ย่อหน้า")
    )


def _guest(row: tuple[str, ...], status: AttendeeStatus) -> Attendee | None:
    """Someone named by the office that sent them (`๒. ผู้แทนสำนักงานคลังจังหวัด`), with no title
    of address: only as a numbered line, and only under the guests' heading unless named as a
    representative (`ผู้แทน…`)."""
    numbered = re.match(r"^[0-9๐-๙]+(?:[.)]\s*|$)", row[0].strip())  # `๒.` or `๒` in a cell of its own
    if numbered is None:
        return None
    named = row[0].strip()[numbered.end() :] or (row[1].strip() if len(row) > 1 else "")
    if status is not AttendeeStatus.GUEST and not named.startswith("ผู้แทน"):
        return None
    if named.startswith(("เรื่อง", "ระเบียบวาระ", "วาระ")):  # a title of the agenda's outline
        return None
    cells = [recognize.tidy(cell) for cell in row]
    first = re.sub(r"^[0-9๐-๙]+(?:[.)]\s*|$)", "", cells[0]) or (cells[1] if len(cells) > 1 else "")
    rest = cells[1:] if re.sub(r"^[0-9๐-๙]+(?:[.)]\s*|$)", "", cells[0]) else cells[2:]
    return Attendee(first, status, "", "", rest[0] if rest else "", " ".join(rest[1:])) if first else None


def _role_label_beside_block(row: tuple[str, ...]) -> str | None:
    """The role a row names in a cell of its own beside a signature block, or None."""
    cells = [cell for cell in dict.fromkeys(row) if cell.strip()]
    roles = [recognize.role_alone(cell) for cell in cells]
    found = [role for role in roles if role is not None]
    return found[0] if len(found) == 1 and len(cells) == 2 else None


def _heading_row(grid: Grid) -> AttendeeStatus | None:
    """The roster part a table opens with a heading merged across its first row."""
    first = next((row for row in grid.rows if any(cell.strip() for cell in row)), ())
    cells = {cell.strip() for cell in first if cell.strip()}
    return recognize.roster_heading(cells.pop()) if len(cells) == 1 else None


_NOT_NAMES = ("เรื่อง", "ระเบียบ", "วาระ", "มติ", "รายงาน", "สรุป", "ผล", "การ", "ความ", "แผน", "โครงการ")


def _untitled(row: tuple[str, ...], status: AttendeeStatus) -> Attendee | None:
    """A numbered roster row whose name has a title the program does not know
    (`๒. ทันตแพทย์หญิงสุดา แก้วกาญจนา⇥ทันตแพทย์`): first name and surname as typed."""
    cells = [recognize.tidy(cell) for cell in row]
    number = re.match(r"^[0-9๐-๙]+[.)]?\s*", cells[0]) if cells else None
    if number is None:
        return None
    name = cells[0][number.end() :] or (cells[1] if len(cells) > 1 else "")
    rest = cells[1:] if cells[0][number.end() :] else cells[2:]
    first, _, last = name.partition(" ")
    if not first or not last or len(name) > 60 or not rest:  # a person has a position beside the name
        return None
    if first.startswith(_NOT_NAMES) or recognize.agenda_heading(name) is not None:
        return None  # `๑. เรื่อง ประธานแจ้งให้ทราบ`: the agenda, not a person
    return Attendee(first, status, "", last.strip(), rest[0] if rest else "", " ".join(rest[1:]))


def _side_by_side(row: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A roster row holding people side by side (`๑. | นาย… | ประธาน | ๒. | นาง… | รองประธาน`, or
    `๑. นาย… ประธาน | ๒. นาง… รองประธาน`), parted at each running number; a row of one person as
    it is."""
    numbers = [index for index in range(len(row)) if _person_starts(row, index)]
    if len(numbers) < 2 or numbers[0] != 0:
        numbers = [index for index, cell in enumerate(row) if _named_cell(cell)]  # no running numbers
    if len(numbers) < 2 or numbers[0] != 0:
        return [row]
    halves = [row[start:end] for start, end in zip(numbers, [*numbers[1:], len(row)], strict=True)]
    return [half for half in halves if any(cell.strip() for cell in half)]


# positions that begin as a title does (`นายอำเภอ…`, `นายกเทศมนตรี…`): no one's name
_POSITION_STARTS = (
    "นายก",
    "นายอำเภอ",
    "นายช่าง",
    "นายตรวจ",
    "นายทะเบียน",
    "นายสัตวแพทย์",
    "นายด่าน",
    "นายสถานี",
    "นายทหาร",
    "นายตำรวจ",
    "นายเวร",
)


def _named_cell(cell: str) -> bool:
    """A cell that names one person on its first line (`นายสมพงษ์ วงศ์ใหญ่`, the position on the
    next): a title, then a name and a surname, and no more."""
    first_line = cell.strip().split("\n", 1)[0].strip()
    words = first_line.split()
    return (
        _starts_with_prefix(first_line)
        and not first_line.startswith(_POSITION_STARTS)
        and 2 <= len(words) <= 4
        and len(first_line) <= 60
    )


def _person_starts(row: tuple[str, ...], index: int) -> bool:
    """Whether a person starts at this cell of a roster row: a running number with a titled name
    after it, in the cell (`๒. นางวิไล…`) or the next one (`๒. | นางวิไล…`); a number in a column
    of its own (`หมู่ที่ ๓`) is none."""
    cell = row[index].strip()
    number = re.match(r"^[0-9๐-๙]{1,3}[.)]?(?:\s+|$)", cell)
    if number is None:
        return False
    rest = cell[number.end() :]
    name = rest if rest else (row[index + 1].strip() if index + 1 < len(row) else "")
    return _starts_with_prefix(name) or name.startswith("ผู้แทน")


def _roster_header(row: tuple[str, ...]) -> bool:
    """A roster table's header row (`ที่ | ชื่อ-สกุล | ตำแหน่ง | หมายเหตุ`)."""
    words = " ".join(row)
    return any(word in words for word in ("ชื่อ", "ตำแหน่ง")) and not any(
        _starts_with_prefix(cell) for cell in row
    )


def _starts_with_prefix(text: str) -> bool:
    return any(text.strip().startswith(prefix) for prefix in PREFIXES)


def _starts_with_a_title(line: Line) -> bool:
    """`นายสมชาย ใจดี พัฒนาการอำเภอ`: a roster line typed without number or tab."""
    text = line.joined.strip()
    return _starts_with_prefix(text) and len(text.split()) >= 2 and len(text) <= 150


# `ระเบียบวาระการประชุม` alone: the heading of a short outline of the agenda's titles
_AGENDA_OUTLINE = re.compile(r"^(?:ระเบียบ)?วาระ(?:การประชุม)?\s*[:：]?$")
_OUTLINE_LINES = 12  # an outline this long at most, between the header and the roster


def _starts_the_meeting(line: Line) -> bool:
    """The line after the roster that opens the meeting: its time, or the agenda."""
    text = _text(line)
    return bool(
        recognize.opening_time(text)
        or _AGENDA_OUTLINE.match(text)
        or recognize.agenda_heading(line.text)
        or (line.bold and recognize.standard_agenda_title(text))
        or line.level is not None
    )


def _names_someone(line: Line) -> bool:
    """A roster line typed without number or tab (`นายสมชาย ใจดี พัฒนาการอำเภอ`), not the
    sentence after the roster that opens with a name (`นายวิชัย … กล่าวต้อนรับ… ดังนี้`)."""
    text = recognize.tidy(line.joined)
    after_the_name = " ".join(text.split()[2:])  # a surname may hold such words (`แจ้งใจ`)
    return (
        _starts_with_a_title(line)
        and not line.indented
        and len(text) <= 80
        and not re.search(r"กล่าว|ดังนี้|แจ้ง|เปิดการประชุม|ประธาน(?:ใน)?(?:ที่|การ)ประชุม", after_the_name)
    )


_NEXT_NUMBERED_PERSON = re.compile(
    r"\s+(?=[0-9๐-๙]{1,3}[.)]\s*(?:"
    + "|".join(map(re.escape, sorted(PREFIXES, key=len, reverse=True)))
    + "))"
)


def _names_a_count_or_a_list(heading: str) -> bool:
    """Whether a roster heading says more than its part: a count, or where the names are."""
    return re.search(r"[0-9๐-๙]|\(", heading) is not None


def _names_the_same(bracketed: str, signed: str) -> bool:
    """Whether the name in brackets under a signature is the signer's already read (with or
    without the title, spaced as typed)."""
    inner, whole = "".join(bracketed.split()), "".join(signed.split())
    return bool(inner) and (whole.endswith(inner) or inner.endswith(whole))


def _lines_of_a_row(row: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A roster typed as one table row, its people parted by Enter inside the cells (`๑⏎๒⏎๓`
    beside `นาย…⏎นาง…⏎นาย…`): one row a line, where every cell that holds something holds the
    same number of lines. Any other row stays as it is (a position wrapped in its cell)."""
    split = [cell.split("\n") if cell.strip() else [] for cell in row]
    counts = {len(lines) for lines in split if lines}
    if len(counts) != 1 or (count := counts.pop()) < 2 or not any(map(_one_person_a_line, split)):
        return [row]
    return [tuple(lines[index].strip() if lines else "" for lines in split) for index in range(count)]


def _one_person_a_line(lines: list[str]) -> bool:
    """Whether a cell's lines are numbers, or names with a title, one a line."""
    return bool(lines) and (
        all(re.fullmatch(r"\s*[0-9๐-๙]{1,3}[.)]?\s*", line) for line in lines)
        or all(line.strip().startswith(PREFIXES) for line in lines)
    )


_SENT_BY = re.compile(r"^(?:[0-9๐-๙]{1,3}[.)]\s*)?(ผู้แทน\S.*?)\s+(?:ได้แก่|คือ|ประกอบด้วย)\s+(.+)$")


def _sent_by_an_office(row: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`ผู้แทนสำนักงานเกษตรจังหวัด ได้แก่ นายวีระ พลเยี่ยม และนางทองม้วน ศรีบุญเรือง` (then the
    row's other cells): one row a person named, the office's words as the position (the role in
    the committee kept after it). Any other row as it is."""
    found = _SENT_BY.match(recognize.tidy(row[0]))
    if found is None:
        return [row]
    names = [name.strip() for name in re.split(r"\s+และ\s*|\s*,\s*", found[2]) if name.strip()]
    if not names or not all(name.startswith(PREFIXES) for name in names):
        return [row]
    return [(name, found[1], *row[1:]) for name in names]


def _positions_under_names(pieces: list[str]) -> list[str]:
    """A roster paragraph typed name, Shift+Enter, position (as a roster in two Word columns is):
    each line that opens no person (no number, no title) goes with the person above it."""
    joined: list[str] = []
    for piece in pieces:
        opens = re.match(r"^\s*[0-9๐-๙]{1,3}[.)]", piece) or piece.strip().startswith(PREFIXES)
        if joined and not opens:
            joined[-1] = f"{joined[-1]}\t{piece.strip()}"
        else:
            joined.append(piece)
    return joined


def _numbered_people(piece: str) -> list[str]:
    """A numbered roster line holding more people, run together (`๑. นายบุญมี มีสุข กรรมการ
    ติดราชการ ๒. นางบุญมา มาดี กรรมการ ลาป่วย`): one line a person. Only a number followed by a
    title starts another person, so `ข้อ ๒.` or a position's `ผอ.รพ.สต.` never part a line."""
    if not re.match(r"^\s*[0-9๐-๙]{1,3}[.)]\s*\S", piece):
        return [piece]
    return [part for part in _NEXT_NUMBERED_PERSON.split(piece) if part.strip()]


def _starts_with_number(line: Line) -> bool:
    return re.match(r"^[0-9๐-๙]+[.)]\s*\S", line.joined.strip()) is not None
