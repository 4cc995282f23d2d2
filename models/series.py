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
    Meeting,
    MeetingDocument,
    Paragraph,
    Section,
    walk_items,
)

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
) -> MeetingDocument:
    """The next meeting of the series, ready for the clerk to fill in.

    Its date, time and venue come from the previous minutes' "next meeting" item when they
    have one; else a month after the previous meeting, at its time and place.
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
        attendees=[_back_to_present(a) for a in before.attendees],
        sections=_sections(before, template),
        recorder=copy.deepcopy(before.recorder),
        checker=copy.deepcopy(before.checker),
    )
    return MeetingDocument(meeting, copy.deepcopy(previous.office))


def _back_to_present(attendee: Attendee) -> Attendee:
    """Everyone is expected back; last time's reasons of absence do not carry over."""
    return dataclasses.replace(attendee, status=AttendeeStatus.PRESENT, note="", id=None)


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
