"""Writers of the official documents: the minutes and the cover letter, as DOCX and PDF.

Each writer registers itself in `WRITERS` under (document, format); the command line and the
window ask `writer_for` and report the combinations that are not available yet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.meeting import MeetingDocument

DOCUMENTS = ("minutes", "letter")
FORMATS = ("docx", "pdf")

Writer = Callable[[MeetingDocument, Path, str | None], None]
"""Writes one document of the meeting to the path, in the font named (None: the default)."""

WRITERS: dict[tuple[str, str], Writer] = {}


def writer_for(document: str, file_format: str) -> Writer | None:
    return WRITERS.get((document, file_format))


def output_name(document: str, file_format: str) -> str:
    return f"{document}.{file_format}"
