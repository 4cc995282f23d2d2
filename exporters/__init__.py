"""Writers of the official documents: the minutes and the cover letter, as DOCX and PDF.

The command line and the window ask `writer_for(document, format)`; the writers' modules load
on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from exporters.layout import Layout
from models.meeting import MeetingDocument

DOCUMENTS = ("minutes", "letter")  # what `export` writes unless told otherwise
ALL_DOCUMENTS = (*DOCUMENTS, "amendments")  # the list of changes after certification, when asked
FORMATS = ("docx", "pdf")

Writer = Callable[[MeetingDocument, Path, Layout], None]
"""Writes one document of the meeting to the path in the given layout."""


@cache
def _writers() -> dict[tuple[str, str], Writer]:
    # imported on first use: python-docx and ReportLab take a moment to load
    from exporters import docx_export, pdf_export  # noqa: PLC0415

    return {
        ("minutes", "docx"): docx_export.write_minutes_docx,
        ("letter", "docx"): docx_export.write_letter_docx,
        ("minutes", "pdf"): pdf_export.write_minutes_pdf,
        ("letter", "pdf"): pdf_export.write_letter_pdf,
        ("amendments", "docx"): docx_export.write_amendments_docx,
        ("amendments", "pdf"): pdf_export.write_amendments_pdf,
    }


def writer_for(document: str, file_format: str) -> Writer:
    return _writers()[(document, file_format)]


def output_name(document: str, file_format: str) -> str:
    return f"{document}.{file_format}"
