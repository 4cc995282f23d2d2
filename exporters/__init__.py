"""Writers of the official documents: the minutes and the cover letter, as DOCX and PDF.

The command line and the window ask `writer_for(document, format)`; the writers' modules load
on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from exporters.layout import Layout
from models import thai
from models.meeting import Meeting, MeetingDocument

DOCUMENTS = ("minutes", "letter")  # what `export` writes unless told otherwise
# when asked: the list of changes after certification, the resolutions alone (สรุปมติ), the
# agenda sent before the meeting (ระเบียบวาระการประชุม), the public version without the
# confidential items (ฉบับเผยแพร่)
ALL_DOCUMENTS = (*DOCUMENTS, "amendments", "resolutions", "agenda", "public")
FORMATS = ("docx", "pdf")

Writer = Callable[[MeetingDocument, Path, Layout], None]
"""Writes one document of the meeting to the path in the given layout."""


def _docx_writers() -> dict[tuple[str, str], Writer]:
    from exporters import docx_export  # noqa: PLC0415  (python-docx loads on first use)

    return {
        ("minutes", "docx"): docx_export.write_minutes_docx,
        ("letter", "docx"): docx_export.write_letter_docx,
        ("amendments", "docx"): docx_export.write_amendments_docx,
        ("resolutions", "docx"): docx_export.write_resolutions_docx,
        ("agenda", "docx"): docx_export.write_agenda_docx,
        ("public", "docx"): docx_export.write_public_docx,
    }


def _pdf_writers() -> dict[tuple[str, str], Writer]:
    from exporters import pdf_export  # noqa: PLC0415  (ReportLab's page layout loads on first use)

    return {
        ("minutes", "pdf"): pdf_export.write_minutes_pdf,
        ("letter", "pdf"): pdf_export.write_letter_pdf,
        ("amendments", "pdf"): pdf_export.write_amendments_pdf,
        ("resolutions", "pdf"): pdf_export.write_resolutions_pdf,
        ("agenda", "pdf"): pdf_export.write_agenda_pdf,
        ("public", "pdf"): pdf_export.write_public_pdf,
    }


def writer_for(document: str, file_format: str) -> Writer:
    """The writer of one document in one format; only that format's library is loaded (a DOCX
    export never waits for ReportLab's page layout to import)."""
    writers = _pdf_writers() if file_format == "pdf" else _docx_writers()
    return writers[(document, file_format)]


def output_name(document: str, file_format: str) -> str:
    """The command line's names (`minutes.pdf`): stable, for the scripts that call it."""
    return f"{document}.{file_format}"


class NameStyle(StrEnum):
    """How the window names the files it writes for a meeting."""

    THAI = "thai"  # รายงานการประชุม-๘-๒๕๖๖.pdf, as a clerk would name it
    ARABIC = "arabic"  # รายงานการประชุม-8-2566.pdf, for systems that sort by Arabic digits
    ASCII = "ascii"  # minutes-8-2566.pdf, for e-mail and document systems that mangle Thai names


DOCUMENT_TITLES = {
    "minutes": "รายงานการประชุม",
    "letter": "หนังสือนำส่ง",
    "amendments": "บันทึกการแก้ไขหลังรับรอง",
    "resolutions": "สรุปมติ",
    "agenda": "ระเบียบวาระการประชุม",
    "public": "รายงานการประชุมฉบับเผยแพร่",
    "distribution": "บัญชีแจกจ่าย",
}


def meeting_file_name(meeting: Meeting, document: str, file_format: str, style: NameStyle) -> str:
    """The name of one document of this meeting (its number and Buddhist year), so the files
    of last month's meeting are never overwritten by this month's."""
    number = f"{meeting.seq}-{meeting.year}"
    if style is NameStyle.ASCII:
        return f"{document}-{number}.{file_format}"
    if style is NameStyle.THAI:
        number = thai.to_thai_digits(number)
    return f"{DOCUMENT_TITLES[document]}-{number}.{file_format}"
