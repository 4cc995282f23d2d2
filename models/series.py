"""From one meeting to the next: the monthly meetings of an office form a series. The next one
reuses the office, title and roster, certifies the previous minutes (section 2, with a summary
written from them) and follows up what the clerk marked (section 3)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Sequence

from models import thai, wording
from models.meeting import (
    Attendee,
    AttendeeStatus,
    Block,
    BulletList,
    Item,
    Letter,
    Meeting,
    MeetingDocument,
    Paragraph,
    Recipient,
    Section,
    walk_items,
)
from models.roster import split_name

STANDARD_SECTIONS = (
    "เรื่องที่ประธานแจ้งให้ทราบ",
    "รับรองรายงานการประชุม",
    "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว",
    "เรื่องเพื่อทราบ",
    "เรื่องเพื่อพิจารณา",
    "เรื่องอื่น ๆ",
)
PRE_AGENDA_TITLE = wording.PRE_AGENDA_TITLE
TEMPLATE_SETTING = "section_template"  # the clerk's own list of section titles, in the database
# whether the next meeting keeps the last one's guests, chosen once per series: {series_key: bool}
GUESTS_SETTING = "next_meeting_keeps_guests"
NEXT_MEETING_WORDS = ("ครั้งต่อไป", "ครั้งถัดไป", "นัดประชุม")
CERTIFY_RESOLUTION = "รับรอง"

_DIGIT = "[0-9๐-๙]"
# Linear in the text, however long: a date starts at its day's digits (an optional `วันที่`
# before it, with `\S*` and `\s*` free to start anywhere, made a long run of spaces or of `วัน`
# quadratic); a venue ends at a line's end as well, so every `ณ` ends its search at the latest
# there, and one space before `โดย` stops it (the venue is stripped).
_DAY_MONTH_YEAR = re.compile(
    rf"({_DIGIT}{{1,2}}\s+(?:{'|'.join(thai.THAI_MONTHS)})\s+(?:พ\.ศ\.\s*)?{_DIGIT}{{4}})"
)
_TIME = re.compile(rf"เวลา\s*({_DIGIT}{{1,2}}\s*[.:]\s*{_DIGIT}{{2}})")
_VENUE = re.compile(r"\sณ\s+(.+?)(?:\s(?:โดย|และ|ทั้งนี้)\s|\n|$)")


def next_meeting(
    previous: MeetingDocument,
    template: Sequence[str] = STANDARD_SECTIONS,
    fallback_date: dt.date | None = None,
    keep_guests: bool = True,
) -> MeetingDocument:
    """The next meeting of the series, ready for the clerk to fill in.

    Its date, time and venue come from the previous minutes' "next meeting" item when they
    have one; else a month after the previous meeting, at its time and place. The roster is the
    last one's: members expected back, guests still guests (or left out), a substitute's member
    back in their place; the cover letter keeps its fields (ที่, เรียน, the signer, the
    distribution list, its wording), not its date or answers.
    """
    before = previous.meeting
    date, start, venue = _announced(before) or (
        fallback_date or _month_later(before.date),
        before.start,
        before.venue,
    )
    year = thai.buddhist_year(date.year)
    meeting = Meeting(
        title=before.title,
        seq=before.seq + 1 if year == before.year else 1,
        year=year,
        date=date,
        start=start,
        venue=venue,
        attendees=next_roster(before.attendees, keep_guests),
        sections=_sections(before, template),
        recorder=copy.deepcopy(before.recorder),
        checker=copy.deepcopy(before.checker),
    )
    letter = _next_letter(previous.letter, before, meeting) if previous.letter is not None else None
    return MeetingDocument(meeting, copy.deepcopy(previous.office), letter)


# `แทน นายสมชาย ใจดี`, `ผู้แทน นางสมศรี…`, `มาประชุมแทน นาย…`: whom a substitute stood in for
_STOOD_IN_FOR = re.compile(r"^(?:มาประชุม)?(?:ผู้)?แทน\s*(.+)$")


def next_roster(attendees: Sequence[Attendee], keep_guests: bool = True) -> list[Attendee]:
    """Who is expected at the next meeting: the members back as present (last time's reasons of
    absence do not carry over), a substitute's member back in their place when the note names
    them (`แทน นายสมชาย ใจดี`; one who stood in for a post keeps the note, for the clerk), the
    guests still guests, or left out when the series keeps none."""
    roster: list[Attendee] = []
    for attendee in attendees:
        if attendee.status is AttendeeStatus.GUEST:
            if keep_guests:
                roster.append(dataclasses.replace(attendee, note="", id=None))
            continue
        member = _STOOD_IN_FOR.match(attendee.note.strip())
        prefix, first, last = split_name(member[1]) if member else ("", "", "")
        if prefix and first:
            roster.append(Attendee(first, AttendeeStatus.PRESENT, prefix, last, attendee.position))
            continue
        # a substitute for a post (`แทน พัฒนาการอำเภอภูซาง`): kept, with whom they stood in for,
        # for the clerk to put the member back by name
        note = attendee.note if member else ""
        roster.append(dataclasses.replace(attendee, status=AttendeeStatus.PRESENT, note=note, id=None))
    return roster


# a letter's number ends in its running number (`ลป ๐๐๑๙.๑/ว ๑๒`): the next letter gets its own
_RUNNING_NUMBER = re.compile(r"\s*[0-9๐-๙]+\s*$")


def _next_letter(letter: Letter, before: Meeting, after: Meeting) -> Letter:
    """The cover letter of the next minutes: the same office's number (its running number left
    for the records office), the same addressee, signer, closing and distribution list (no
    answers yet); its subject naming the new meeting; no date, no deadline, its body written
    from the meeting again."""
    subject = letter.subject
    for digits in (True, False):
        old = thai.digits(f"{before.seq}/{before.year}", digits)
        subject = subject.replace(old, thai.digits(f"{after.seq}/{after.year}", digits))
    number = letter.number if "/" not in letter.number else _RUNNING_NUMBER.sub("", letter.number)
    return Letter(
        number=number,
        subject=subject,
        to=letter.to,
        references=[],
        enclosures=list(letter.enclosures),
        closing=letter.closing,
        signer=copy.deepcopy(letter.signer),
        recipients=[Recipient(recipient.name) for recipient in letter.recipients],
    )


def _month_later(day: dt.date) -> dt.date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")  # pragma: no cover


def _announced(meeting: Meeting) -> tuple[dt.date, dt.time | None, str] | None:
    """Date, time and venue written in the minutes' "next meeting" item, if it has one."""
    for section in meeting.sections:
        for _, item in walk_items(section.items):
            texts = [item.title, *(b.text for b in item.blocks if isinstance(b, Paragraph)), item.resolution]
            if not any(word in item.title for word in NEXT_MEETING_WORDS):
                continue
            for text in texts:
                found = _DAY_MONTH_YEAR.search(text)
                day = thai.parse_date(found[1]) if found else None
                if day is None:
                    continue
                time_match = _TIME.search(text)
                start = thai.parse_time(time_match[1]) if time_match else meeting.start
                venue_match = _VENUE.search(text)
                venue = venue_match[1].strip() if venue_match else meeting.venue
                return day, start, venue
    return None


def _sections(before: Meeting, template: Sequence[str]) -> list[Section]:
    label = thai.to_thai_digits(f"{before.seq}/{before.year}")
    sections = [Section(PRE_AGENDA_TITLE, is_agenda=False)]
    for number, title in enumerate(template, start=1):
        section = Section(title)
        if number == 2:
            section.title = (
                f"รับรองรายงานการประชุมครั้งที่ {label} เมื่อ{thai.format_date(before.date, weekday=True)}"
            )
            section.blocks = summary(before)
            section.resolution = CERTIFY_RESOLUTION
        elif number == 3:
            section.title = f"เรื่องสืบเนื่องจากการประชุมครั้งที่ {label}"
            section.items = [_carried(item) for item in follow_ups(before)]
        sections.append(section)
    return sections


def summary(meeting: Meeting) -> list[Block]:
    """What the previous minutes held, section by section: its title, how many items, their
    numbered titles."""
    label = thai.to_thai_digits(f"{meeting.seq}/{meeting.year}")
    blocks: list[Block] = [
        Paragraph(
            f"ฝ่ายเลขานุการได้จัดทำรายงานการประชุมครั้งที่ {label} "
            f"เมื่อ{thai.format_date(meeting.date, weekday=True)} และส่งให้ผู้เข้าประชุมตรวจสอบแล้ว "
            "โดยมีสาระสำคัญดังนี้"
        )
    ]
    for section in meeting.sections:
        number = meeting.section_number(section)
        if number is None:
            continue
        count = thai.to_thai_digits(str(len(section.items)))
        heading = f"{thai.section_heading_number(number)} {section.title}"
        blocks.append(Paragraph(f"{heading} จำนวน {count} เรื่อง" if section.items else heading))
        if section.items:
            titles = [
                f"{thai.item_number(number, (index,))} {item.title}"
                for index, item in enumerate(section.items, 1)
            ]
            blocks.append(BulletList(titles))
    return blocks


def follow_ups(meeting: Meeting) -> list[Item]:
    return [item for section in meeting.sections for _, item in walk_items(section.items) if item.follow_up]


def _carried(item: Item) -> Item:
    """A follow-up carried over: its title and presenter, content left for the new report."""
    return Item(item.title, item.presenter)


def series_key(document: MeetingDocument) -> str:
    """A short name of the series a meeting belongs to (its office and its title, whatever its
    number), for settings kept per series such as the folder its documents are exported to."""
    office = document.office.name if document.office is not None else ""
    words = " ".join(f"{office}\n{document.meeting.title}".split())
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]
