"""The cover letter's words that the program writes itself: the default body from the meeting."""

from __future__ import annotations

from models import thai
from models.meeting import MeetingDocument

DEFAULT_SUBJECT = "ขอส่งรายงานการประชุม"
DEFAULT_CLOSING_LINE = "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการ"


def meeting_reference(document: MeetingDocument) -> str:
    """`การประชุม… ครั้งที่ ๘/๒๕๖๖ เมื่อวันพุธที่ ๒๗ ธันวาคม ๒๕๖๖ เวลา ๑๓.๓๐ น. ณ …`"""
    meeting = document.meeting
    text = f"{meeting.title} ครั้งที่ {meeting.number_label} เมื่อ{thai.format_date(meeting.date, weekday=True)}"
    if meeting.start:
        text += f" เวลา {thai.format_time(meeting.start)}"
    if meeting.venue:
        text += f" ณ {meeting.venue}"
    return text


def default_body(document: MeetingDocument) -> list[str]:
    """What met, when and where; that the minutes are sent for certification; the deadline."""
    letter = document.letter
    unit = document.office.unit if document.office and document.office.unit else ""
    first = f"ตามที่ได้มี{meeting_reference(document)} นั้น"
    maker = f"{unit}ได้จัดทำ" if unit else "ได้จัดทำ"
    second = (
        f"ในการนี้ {maker}รายงานการประชุมดังกล่าวเสร็จเรียบร้อยแล้ว "
        "จึงขอส่งรายงานการประชุมมาเพื่อโปรดตรวจสอบและรับรองความถูกต้อง"
    )
    if letter is not None and letter.certify_by is not None:
        second += (
            f" หากมีข้อแก้ไขโปรดแจ้งภายในวันที่ {thai.format_date(letter.certify_by)}"
            " หากพ้นกำหนดถือว่ารับรองรายงานการประชุม"
        )
    return [first, second, DEFAULT_CLOSING_LINE]


def letter_body(document: MeetingDocument) -> list[str]:
    """The body the clerk wrote, or the default one while the clerk has written none."""
    if document.letter is not None and any(p.strip() for p in document.letter.body):
        return list(document.letter.body)
    return default_body(document)
