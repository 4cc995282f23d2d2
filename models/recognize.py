"""The wording of minutes as clerks type them, recognised: meeting numbers, dates and times in a
line, agenda headings, item numbers, presenter lines, resolutions, roster lines and headings,
opening and closing times, signature roles and total rows.

Typed minutes (Word files of years past, text pasted into the program) carry their structure only
in these words: `ระเบียบวาระที่ ๓ เรื่องสืบเนื่อง…`, `๑.๑ …`, `(๒) …`, `มติที่ประชุม รับทราบ`,
`เลิกประชุมเวลา ๑๖.๓๐ น.`. Each recogniser takes one line (Thai or Arabic digits, spaces, tabs
and no-break spaces as typed) and gives its parts, or None when the line is not of that kind.
The importer (`importers.minutes`) reads a document with them; the checks and the exporters'
wording use the same words (`exporters.layout`, `models.presenter`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models import thai
from models.meeting import Attendee, AttendeeStatus
from models.presenter import CONSIDERATION, INFORMATION, MATTERS_ARISING
from models.roster import MONASTIC_PREFIXES, PREFIXES, split_name

_DIGIT = r"[0-9๐-๙]"
_SPACE = r"[ \t\u00a0]"


def tidy(text: str) -> str:
    """The line with runs of spaces, tabs and no-break spaces as one space, trimmed; zero-width
    spaces (typed to help Word break Thai lines) left out."""
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\u200b", "")).strip()


def _number(text: str) -> int:
    return int(thai.to_arabic_digits(text))


# --- the meeting's header -----------------------------------------------------------------------

# `ครั้งที่ ๘/๒๕๖๖`, or `ครั้งที่ ๒ ประจำปี (พ.ศ.) ๒๕๖๗` (councils' and committees' way)
_MEETING_NUMBER = re.compile(
    rf"ครั้งที่{_SPACE}*({_DIGIT}+){_SPACE}*(?:/{_SPACE}*({_DIGIT}{{2,4}})"
    rf"|ประจำปี(?:งบประมาณ)?{_SPACE}*(?:พ\.ศ\.{_SPACE}*)?({_DIGIT}{{4}}))"
)


@dataclass(frozen=True)
class MeetingNumber:
    seq: int
    year: int  # Buddhist era
    written: str  # `๘/๒๕๖๖` as typed


def meeting_numbers(text: str) -> list[MeetingNumber]:
    """Every `ครั้งที่ ๘/๒๕๖๖` of the text: the running number and the Buddhist year (two digits
    are read as 25xx, a Gregorian year as its Buddhist one)."""
    found = []
    for match in _MEETING_NUMBER.finditer(text):
        typed_year = match[2] or match[3]
        year = _number(typed_year)
        if year < 100:
            year += 2500
        elif year < 2400:
            year = thai.buddhist_year(year)
        found.append(MeetingNumber(_number(match[1]), year, f"{match[1]}/{typed_year}"))
    return found


def after_meeting_number(text: str) -> str:
    """What a line holds after its first meeting number (`… ครั้งที่ ๒ ประจำปี ๒๕๖๗ เมื่อ…`)."""
    found = _MEETING_NUMBER.search(text)
    return text[found.end() :] if found else text


def meeting_number(text: str) -> tuple[int, int] | None:
    """The first `ครั้งที่ n/yyyy` of the text as (n, Buddhist year); None when there is none."""
    found = meeting_numbers(text)
    return (found[0].seq, found[0].year) if found else None


_MONTH_NAMES = {*thai.THAI_MONTHS, *thai.SHORT_MONTHS, *(name.replace(".", "") for name in thai.SHORT_MONTHS)}
_MONTHS = "|".join(map(re.escape, sorted(_MONTH_NAMES, key=len, reverse=True)))
_DATE_IN_TEXT = re.compile(
    rf"({_DIGIT}{{1,2}}){_SPACE}*({_MONTHS}){_SPACE}*(?:พ\.ศ\.{_SPACE}*)?({_DIGIT}{{2,4}})(?!{_DIGIT})"
)


_NUMERIC_DATE_IN_TEXT = re.compile(
    rf"(?<![0-9๐-๙/])({_DIGIT}{{1,2}}/{_DIGIT}{{1,2}}/{_DIGIT}{{2,4}})(?![0-9๐-๙/])"
)


def date_in_text(text: str) -> dt.date | None:
    """The first date written out in the line (`วันพุธที่ ๒๗ ธันวาคม ๒๕๖๖`, `๒๗ ธ.ค. ๖๖`,
    `27 ธันวาคม 2566`, `๒๗/๑๒/๒๕๖๖`, `๑๕ เดือนมกราคม พ.ศ. ๒๕๖๗`), in either era; None when
    there is none."""
    text = re.sub(r"เดือน\s*(?=[ก-ฮ])", "", text)
    text = re.sub(r"คริสต์ศักราช\s*|ค\.ศ\.\s*", "", text.replace("พุทธศักราช", "พ.ศ."))  # the era spelled out
    for match in _DATE_IN_TEXT.finditer(text):
        day = thai.parse_date(f"{match[1]} {match[2]} {match[3]}")
        if day is not None:
            return day
    for match in _NUMERIC_DATE_IN_TEXT.finditer(text):
        day = thai.parse_date(match[1])
        if day is not None:
            return day
    return None


_TIME_IN_TEXT = re.compile(rf"เวลา{_SPACE}*({_DIGIT}{{1,2}})[.:]({_DIGIT}{{2}})")


def time_in_text(text: str) -> dt.time | None:
    """The time after `เวลา` (`เวลา ๑๓.๓๐ น.`); None when the line has none."""
    match = _TIME_IN_TEXT.search(text)
    return thai.parse_time(f"{match[1]}:{match[2]}") if match else None


_TIME_RANGE_END = re.compile(
    rf"เวลา{_SPACE}*{_DIGIT}{{1,2}}[.:]{_DIGIT}{{2}}{_SPACE}*(?:น\.)?{_SPACE}*(?:-|–|ถึง){_SPACE}*(?:เวลา{_SPACE}*)?"
    rf"({_DIGIT}{{1,2}})[.:]({_DIGIT}{{2}})"
)


def end_time_in_text(text: str) -> dt.time | None:
    """The end of a time range after `เวลา` (`เวลา ๐๙.๐๐ - ๑๒.๐๐ น.`, `๑๓.๓๐ น. ถึง ๑๖.๐๐ น.`);
    None when the line gives no range."""
    match = _TIME_RANGE_END.search(text)
    return thai.parse_time(f"{match[1]}:{match[2]}") if match else None


_OPENING = re.compile(r"^(?:เริ่ม|เปิด)(?:การ)?ประชุม")
_CLOSING = re.compile(r"^(?:เลิก|ปิด)(?:การ)?ประชุม")


def opening_time(text: str) -> dt.time | None:
    """`เริ่มประชุมเวลา ๐๙.๓๐ น.` (or เปิดประชุม) → 09:30."""
    line = tidy(text)
    return time_in_text(line) if _OPENING.match(line) else None


def closing_time(text: str) -> dt.time | None:
    """`เลิกประชุมเวลา ๑๖.๓๐ น.` (or ปิดประชุม) → 16:30."""
    line = tidy(text)
    return time_in_text(line) if _CLOSING.match(line) else None


# --- the agenda ---------------------------------------------------------------------------------

_AGENDA_HEADING = re.compile(
    rf"^(?:ระเบียบ{_SPACE}*)?วาระ(?:การประชุม)?{_SPACE}*ที่{_SPACE}*({_DIGIT}+)[.:]?{_SPACE}*[:：]?{_SPACE}*(.*)$"
)


def agenda_heading(text: str) -> tuple[int, str] | None:
    """`ระเบียบวาระที่ ๓ เรื่องสืบเนื่อง…` → (3, `เรื่องสืบเนื่อง…`), tab or no space between. A
    council's readings of a draft by-law inside a motion (`วาระที่ ๑ ขั้นรับหลักการ`, `วาระที่ ๒
    ขั้นแปรญัตติ`, `วาระที่ ๓ ขั้นตราเป็นข้อบัญญัติ`) are no heading of the agenda."""
    match = _AGENDA_HEADING.match(tidy(text))
    if match is None or match[2].strip().startswith(_READING):
        return None
    return _number(match[1]), match[2].strip()


_READING = ("ขั้นรับหลักการ", "ขั้นแปรญัตติ", "ขั้นตรา", "ขั้นลงมติ", "ขั้นพิจารณา")


_STANDARD_TITLE = re.compile(
    r"^(?:เรื่อง(?:ที่)?ประธาน(?:แจ้ง)?|(?:เรื่อง)?รับรองรายงานการประชุม|เรื่องสืบเนื่อง|เรื่องเพื่อ(?:ทราบ|พิจารณา)|เรื่องอื่น)"
)


def standard_agenda_title(text: str) -> bool:
    """`เรื่องที่ประธานแจ้งให้ทราบ`, `รับรองรายงานการประชุม…`, `เรื่องสืบเนื่อง…`, `เรื่องเพื่อทราบ`,
    `เรื่องเพื่อพิจารณา`, `เรื่องอื่น ๆ`: the titles of the standard agenda, which a heading may
    carry without `ระเบียบวาระที่` (Word's numbered heading style prints the number)."""
    line = tidy(text)
    return len(line) <= 100 and _STANDARD_TITLE.match(line) is not None


_DOTTED_NUMBER = re.compile(rf"^({_DIGIT}+(?:\.{_DIGIT}+)*)(\.?)(?:{_SPACE}+|$)(.*)$")
_BRACKETED_NUMBER = re.compile(rf"^\(({_DIGIT}+(?:\.{_DIGIT}+)*)\){_SPACE}*(.*)$")
_CLOSED_NUMBER = re.compile(rf"^({_DIGIT}+)\){_SPACE}*(.*)$")
_WORDED_NUMBER = re.compile(rf"^เรื่องที่{_SPACE}*({_DIGIT}+){_SPACE}*[.:]?{_SPACE}+(.+)$")


@dataclass(frozen=True)
class NumberedLine:
    """A line that starts with a typed number: its parts (`๑.๒` → (1, 2)), how it was written
    (`dotted` ๑.๒, `bracketed` (๑), `closed` ๑), `worded` เรื่องที่ ๑) and the text after it."""

    parts: tuple[int, ...]
    style: str
    text: str


def numbered_line(text: str) -> NumberedLine | None:
    """`๑.๑ โครงการ…` → ((1, 1), dotted, `โครงการ…`); `(๒) …`, `(๒.๑) …`, `๑) …` likewise;
    None for a line without a leading number, or a figure (`๑๒,๕๐๐ บาท`, `๑.๕ ล้าน`: a
    decimal point is read as a number only where it parts small numbers)."""
    line = tidy(text)
    if match := _WORDED_NUMBER.match(line):
        return NumberedLine((_number(match[1]),), "worded", match[2])
    if match := _BRACKETED_NUMBER.match(line):
        return NumberedLine(_parts(match[1]), "bracketed", match[2])
    if match := _CLOSED_NUMBER.match(line):
        return NumberedLine((_number(match[1]),), "closed", match[2])
    match = _DOTTED_NUMBER.match(line)
    if match is None or (not match[2] and "." not in match[1]) or not match[3]:
        return None
    parts = _parts(match[1])
    if any(part > 99 for part in parts) or (not match[2] and match[3].startswith(_UNITS)):
        return None  # `๑.๕ ล้านบาท`: a figure, not item ๑.๕
    return NumberedLine(parts, "dotted", match[3])


_UNITS = ("ล้าน", "แสน", "หมื่น", "พัน", "บาท", "%", "เปอร์เซ็นต์", "เท่า", "กิโล", "เมตร", "ไร่", "ตัน", "ลิตร")


def _parts(number: str) -> tuple[int, ...]:
    return tuple(_number(part) for part in number.split("."))


_RESOLUTION = re.compile(
    rf"^(?:มติ(?:{_SPACE}*ที่ประชุมฯ?{_SPACE}*[:：]?|{_SPACE}*[:：]|$)|ที่ประชุม{_SPACE}*(?=[-–]{_SPACE}))"
    rf"{_SPACE}*(?:[-–]{_SPACE}+)?(.*)$"
)


def resolution(text: str) -> str | None:
    """`มติที่ประชุม รับทราบ` → `รับทราบ`; a council's `ที่ประชุม - รับทราบ` and `มติที่ประชุม
    - อนุมัติ` likewise, the dash left out; a bare `มติที่ประชุม` → `` (the resolution follows on
    the next line); None for any other line."""
    match = _RESOLUTION.match(tidy(text))
    return match[1].strip() if match else None


# the wording a presenter line uses: the program's own, or the like (`แจ้งที่ประชุม`,
# `เสนอเพื่อพิจารณา`); a sentence (`แจ้งกำหนดการจดทะเบียน… จำนวน ๓ เรื่อง คือ…`) is none
_PRESENTER_WORDING = (
    rf"{'|'.join(map(re.escape, (INFORMATION, MATTERS_ARISING, CONSIDERATION)))}"
    r"|(?:แจ้ง|เสนอ)(?:ข้อราชการ|เรื่อง)?(?:ให้|ต่อ)?(?:ที่ประชุม)?(?:เพื่อ)?(?:โปรด)?(?:ทราบ|พิจารณา|สืบเนื่อง)?"
)
_PRESENTER = re.compile(
    rf"^(.+?){_SPACE}+({_PRESENTER_WORDING}){_SPACE}*จำนวน{_SPACE}*({_DIGIT}+){_SPACE}*เรื่อง"
    rf"{_SPACE}*(?:ดังนี้|ดังต่อไปนี้|ได้แก่|คือ)?{_SPACE}*[:：]?{_SPACE}*(\([^()]*\))?{_SPACE}*$"
)


@dataclass(frozen=True)
class PresenterLine:
    presenter: str
    wording: str
    count: int
    remark: str = ""  # a bracketed remark after the count (`(ตามเอกสารแนบ ๑)`), the clerk's text


def presenter_line(text: str) -> PresenterLine | None:
    """`นายสมชาย ใจกว้าง หัวหน้ากลุ่มงานอำนวยการ แจ้งให้ที่ประชุมทราบ จำนวน ๑ เรื่อง ดังนี้` →
    the presenter, the wording and the count of items that follow."""
    match = _PRESENTER.match(tidy(text))
    if match is None:
        return None
    return PresenterLine(match[1].strip(), match[2], _number(match[3]), match[4] or "")


# --- the roster ---------------------------------------------------------------------------------

# `รายชื่อ` or the members' kind (`กรรมการผู้มาประชุม`, `สมาชิกสภาผู้มาประชุม`) may open a heading
_ROSTER_LEAD = r"^(?:รายชื่อ)?(?:(?:คณะ)?กรรมการ|สมาชิก(?:สภา)?|ข้าราชการ)?"
_ROSTER_HEADINGS = (
    (
        re.compile(_ROSTER_LEAD + r"ผู้(?:ไม่มา|ไม่เข้าร่วม|ไม่เข้า|ไม่ได้มา|ลา|ขาด)(?:การ)?ประชุม"),
        AttendeeStatus.ABSENT,
    ),
    (re.compile(_ROSTER_LEAD + r"ผู้(?:มา(?:ร่วม)?|เข้า)(?:การ)?ประชุม"), AttendeeStatus.PRESENT),
    (re.compile(_ROSTER_LEAD + r"ผู้(?:เข้า)?ร่วม(?:การ)?ประชุม"), AttendeeStatus.GUEST),
)


def roster_heading(text: str) -> AttendeeStatus | None:
    """Which part of the roster a heading opens: `ผู้มาประชุม` (present), `ผู้ไม่มาประชุม` or
    `ผู้ไม่เข้าร่วมการประชุม` (absent), `ผู้เข้าร่วมประชุม` or `ผู้ร่วมประชุม` (guests; many
    offices write it for those present, which the importer decides from what comes before),
    `ผู้เข้าประชุม` (present); `รายชื่อ` or the members' kind (`กรรมการ`) may open it. A count
    may follow (`จำนวน ๓๖ คน`, `๒๕ คน`) with `ดังนี้`, `คือ` or `ได้แก่`, or a word in brackets
    (`(ลา)`); anything longer is not a heading."""
    line = tidy(text).replace("#", "").strip()
    for pattern, status in _ROSTER_HEADINGS:
        match = pattern.match(line)
        if match and _only_a_count(line[match.end() :]):
            return status
    return None


def _only_a_count(rest: str) -> bool:
    return (
        re.fullmatch(
            rf"{_SPACE}*(?:\([^()]{{1,30}}\))?{_SPACE}*(?:(?:จำนวน)?{_SPACE}*{_DIGIT}+{_SPACE}*(?:คน|ท่าน|ราย)?)?"
            rf"{_SPACE}*(?:\([^()]{{1,30}}\))?"  # `จำนวน ๘๗ คน (ตามรายชื่อแนบท้าย)`
            rf"{_SPACE}*(?:ดังนี้|ดังต่อไปนี้|คือ|ได้แก่)?{_SPACE}*[:：]?",
            rest,
        )
        is not None
    )


_LEADING_NUMBER = re.compile(rf"^{_DIGIT}+[.)]?$")
_NUMBER_BEFORE_NAME = re.compile(rf"^{_DIGIT}+[.)]{_SPACE}*")


_MONASTIC_POSITION = re.compile("เจ้าอาวาส|เจ้าคณะ|วัด|ประธาน|กรรมการ|รอง|ผู้")


def roster_line(cells: list[str], status: AttendeeStatus = AttendeeStatus.PRESENT) -> Attendee | None:
    """A roster row as typed: cells of a table row or of a line split at tabs, a running number
    first or not (`๑.`), then the name whole or as prefix, first name and surname, the position
    and a note (`ไปราชการ`). None when the first name cell does not start with a title of
    address, so a paragraph is never taken for a person."""
    cells = _position_under_the_name([tidy(cell) if "\n" not in cell else cell for cell in cells])
    cells = [tidy(cell) for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    if cells and _LEADING_NUMBER.match(cells[0]):
        cells = cells[1:]
    elif cells:  # `๑. นายชาติรี` in one cell
        cells[0] = _NUMBER_BEFORE_NAME.sub("", cells[0])
    if not cells:
        return None
    first_cell = cells[0]
    if " " in first_cell and len(cells) == 1:  # `๑. นายชาติรี ธินนท์ พัฒนาการจังหวัด` in one cell
        prefix, first, rest_of_line = split_name(first_cell)
        last, _, position = rest_of_line.partition(" ")
        position, away = _reason_after(position.strip())
        rest = [position, away] if away else [position]
    elif first_cell in PREFIXES and len(cells) >= 3:
        prefix, first, last, rest = first_cell, cells[1], cells[2], cells[3:]
    else:
        prefix, first, last = split_name(first_cell)
        rest = cells[1:]
        monk_post = prefix in MONASTIC_PREFIXES and rest and _MONASTIC_POSITION.search(rest[0])
        if not last and rest and not _starts_with_prefix(rest[0]) and len(rest) >= 2 and not monk_post:
            last, rest = rest[0], rest[1:]  # the surname's own column (a monk's is his post)
    if not prefix or not first:
        return None
    # `ใจดี (แทน)`, `แสงสว่าง รักษาราชการแทน`: came in another's place
    deputy_mark = re.search(r"(?:\s*\((ผู้แทน|แทน)\)|\s+((?:รักษาราชการ|ปฏิบัติราชการ|ผู้)?แทน))$", last)
    if deputy_mark:
        last = last[: deputy_mark.start()]
    position = rest[0] if rest else ""
    if not deputy_mark and (ahead := re.match(r"^\((ผู้แทน|แทน)\)\s*", position)):  # `(แทน) สาธารณสุขอำเภอ`
        deputy_mark, position = ahead, position[ahead.end() :]
    note = " ".join(cell for cell in rest[1:] if cell)  # an empty cell between: no leading space
    if deputy_mark and not note:
        note = next(group for group in deputy_mark.groups() if group)
    if not note and (deputy := _DEPUTY.search(position)):  # `… แทน พัฒนาการอำเภอภูซาง` in one cell
        position, note = position[: deputy.start()].strip(), position[deputy.start() :].strip()
        note = note.removeprefix("มาประชุม")  # the regulation's wording, printed so again
    reason = re.search(r"\s*\(([^()]+)\)$", position)
    if not note and reason and (status is AttendeeStatus.ABSENT or _REASON.match(reason[1])):
        # `… (ติดราชการ)`; a position's own brackets stay (`ปลัดอำเภอ (หัวหน้ากลุ่มงาน…)`)
        position, note = position[: reason.start()].strip(), reason[1].strip()
    return Attendee(first, status, prefix, last, position, note)


def _position_under_the_name(cells: list[str]) -> list[str]:
    """A name cell with the person's position on its second line (`นางอุไร สมบูรณ์` then
    `พยาบาลวิชาชีพชำนาญการพิเศษ`): the name alone, the position before the position cell's."""
    at = next(
        (
            index
            for index, cell in enumerate(cells)
            if "\n" in cell and _starts_with_prefix(_NUMBER_BEFORE_NAME.sub("", cell.strip()))
        ),
        None,
    )
    if at is None:
        return cells
    name, _, below = cells[at].strip().partition("\n")
    below = tidy(below)
    if _starts_with_prefix(_NUMBER_BEFORE_NAME.sub("", below)):  # another person below: not a position
        return cells
    after = cells[at + 1 :]
    position = f"{below} {after[0]}".strip() if after else below
    return [*cells[:at], name, position, *after[1:]]


_REASON = re.compile(r"^(?:ติด|ลา|ไป|ป่วย|ภารกิจ|อยู่ระหว่าง|มอบ|แทน|รักษาราชการ|ประชุม)")
_DEPUTY = re.compile(r"(?:^|\s)(?:มาประชุมแทน|แทน|ผู้แทน|รักษาราชการแทน)\s")


def _starts_with_prefix(text: str) -> bool:
    return any(text.startswith(prefix) for prefix in PREFIXES)


# the reason a person is away, typed after the position (whole words: `นายอำเภอลาดหลุมแก้ว` is none)
_REASON_AFTER = re.compile(r"\s+(ลา|ลาป่วย|ลากิจ|ลาพักผ่อน|ติดราชการ|ไปราชการ|ติดภารกิจ|ติดธุระ)$")


def _reason_after(position: str) -> tuple[str, str]:
    """`ผู้อำนวยการ ลาป่วย` typed in one line: the reason apart from the position."""
    match = _REASON_AFTER.search(position)
    return (position[: match.start()], match[1]) if match else (position, "")


# --- signatures and tables ----------------------------------------------------------------------

RECORDER = "recorder"
CHECKER = "checker"
# `ผู้จดรายงานการประชุม`, `ผู้บันทึกการประชุม`, `ผู้จดบันทึกรายงานการประชุม`; `ผู้ตรวจรายงาน
# การประชุม`, `ผู้ตรวจบันทึกการประชุม`, `ผู้ตรวจสอบรายงานการประชุม`
_ROLE_WORDS = r"(?:บันทึก)?(?:รายงาน)?(?:การ)?ประชุม"
_RECORDER_ROLE = r"ผู้(?:จด|บันทึก)" + _ROLE_WORDS
_CHECKER_ROLE = r"ผู้ตรวจ(?:สอบ)?" + _ROLE_WORDS
_ROLES = (
    (re.compile(_RECORDER_ROLE), RECORDER),
    (re.compile(_CHECKER_ROLE), CHECKER),
)


def signature_role(text: str) -> str | None:
    """`(ลงชื่อ) ........ ผู้จดรายงานการประชุม` → recorder; `… ผู้ตรวจรายงานการประชุม` → checker."""
    line = tidy(text)
    if "ลงชื่อ" not in line and "." * 3 not in line and not line.startswith("("):
        return None
    for pattern, role in _ROLES:
        if pattern.search(line):
            return role
    return None


_ROLE_ALONE = re.compile(rf"^(?:ตำแหน่ง)?{_SPACE}*({_RECORDER_ROLE}|{_CHECKER_ROLE})$")
_BLANK_SIGNATURE = re.compile(rf"^\(?ลงชื่อ\)?{_SPACE}*[.…_\-]*{_SPACE}*$")


def role_alone(text: str) -> str | None:
    """A signature block's last line naming the role under the name and position
    (`ผู้จดรายงานการประชุม` alone) → recorder or checker; None for any other line."""
    match = _ROLE_ALONE.match(tidy(text))
    if match is None:
        return None
    return CHECKER if "ตรวจ" in match[1] else RECORDER


def blank_signature(text: str) -> bool:
    """`ลงชื่อ ..................` with nothing after the dots: a signature whose role comes
    below the name (`role_alone`)."""
    return _BLANK_SIGNATURE.match(tidy(text)) is not None


TOTAL_WORDS = ("รวมทั้งสิ้น", "รวมทั้งหมด", "รวม", "ยอดรวม", "รวมเป็นเงิน", "รวมเงิน", "รวมยอด", "Total")


def total_label(cells: list[str]) -> str | None:
    """The label of a typed total row (`รวม`, `รวมทั้งสิ้น`) in its first cells that hold text;
    None for any other row."""
    for cell in cells:
        text = tidy(cell)
        if not text:
            continue
        return text if text in TOTAL_WORDS else None
    return None
