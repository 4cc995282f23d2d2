"""Writers of the official documents: the minutes and the cover letter, as DOCX and PDF.

The command line and the window ask `writer_for(document, format)`; the writers' modules load
on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exporters.layout import Layout
from models.meeting import MeetingDocument

DOCUMENTS = ("minutes", "letter")  # what `export` writes unless told otherwise
ALL_DOCUMENTS = (*DOCUMENTS, "amendments")  # the list of changes after certification, when asked
FORMATS = ("docx", "pdf")

Writer = Callable[[MeetingDocument, Path, Layout], None]
"""Writes one document of the meeting to the path in the given layout."""


def _docx_writers() -> dict[tuple[str, str], Writer]:
    from exporters import docx_export  # noqa: PLC0415  (python-docx loads on first use)

    return {
        ("minutes", "docx"): docx_export.write_minutes_docx,
        ("letter", "docx"): docx_export.write_letter_docx,
        ("amendments", "docx"): docx_export.write_amendments_docx,
    }


def _pdf_writers() -> dict[tuple[str, str], Writer]:
    from exporters import pdf_export  # noqa: PLC0415  (ReportLab's page layout loads on first use)

    return {
        ("minutes", "pdf"): pdf_export.write_minutes_pdf,
        ("letter", "pdf"): pdf_export.write_letter_pdf,
        ("amendments", "pdf"): pdf_export.write_amendments_pdf,
    }


def writer_for(document: str, file_format: str) -> Writer:
    """The writer of one document in one format; only that format's library is loaded (a DOCX
    export never waits for ReportLab's page layout to import)."""
    writers = _pdf_writers() if file_format == "pdf" else _docx_writers()
    return writers[(document, file_format)]


def output_name(document: str, file_format: str) -> str:
    return f"{document}.{file_format}"
