"""Pages of the program's own PDFs as pictures, for printing, the print preview and the page view
beside the editor: what is printed or shown is always the PDF an export writes, rendered by
PDFium (pypdfium2), never a second layout that could differ from it.

pypdfium2 rather than Qt's QtPdf: the same PDFium, in a wheel of 3 MB against the 175 MB of
PySide6-Addons that QtPdf comes in, and usable outside Qt (the page view renders in the window's
own background process, `page_view`). Nothing here imports Qt.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium

POINTS_PER_INCH = 72.0
LAST_PAGE = -1  # the anchor of the document's last page (the letter's distribution list)


@dataclass(frozen=True)
class PageImage:
    """One page as 24-bit RGB pixels, rows `stride` bytes apart."""

    width: int
    height: int
    stride: int
    pixels: bytes


@dataclass(frozen=True)
class PageView:
    """The page of a document that holds what the clerk is editing, rendered for the page view."""

    document: str  # "minutes", "letter", ...
    page: int  # from 1
    page_count: int
    image: PageImage
    heading_at: float = 0.0  # where the heading asked for starts, down the page (0 top, 1 foot)


def page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_size_points(data: bytes, index: int) -> tuple[float, float]:
    """The width and height of a page (index from 0) in points."""
    pdf = pdfium.PdfDocument(data)
    try:
        width, height = pdf[index].get_size()
        return float(width), float(height)
    finally:
        pdf.close()


def render_pages(data: bytes, indexes: Sequence[int], dpi: float) -> list[PageImage]:
    """The pages (indexes from 0) rendered at `dpi`, white paper, black text, anti-aliased."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [_render(pdf[index], dpi) for index in indexes]
    finally:
        pdf.close()


def _render(page: pdfium.PdfPage, dpi: float) -> PageImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)  # RGB, as QImage's RGB888
    try:
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()
        page.close()


def pages_subset(data: bytes, indexes: Sequence[int]) -> bytes:
    """A PDF of only the given pages (indexes from 0), text and all: what printing a page range
    to a PDF file writes."""
    import io  # noqa: PLC0415

    source = pdfium.PdfDocument(data)
    target = pdfium.PdfDocument.new()
    try:
        target.import_pages(source, list(indexes))
        out = io.BytesIO()
        target.save(out)
        return out.getvalue()
    finally:
        target.close()
        source.close()


def page_view(payload: bytes, document: str, anchor: int | None, dpi: float) -> PageView:
    """Run in the window's page-view process: the pickled meeting set as the export sets it,
    and the page holding `anchor` (a section's or item's heading; None: the first page;
    `LAST_PAGE`: the last)."""
    from exporters.layout import DEFAULT_LAYOUT  # noqa: PLC0415  (the process loads them once)
    from exporters.pdf_export import pdf_pages  # noqa: PLC0415
    from models.meeting import MeetingDocument  # noqa: PLC0415

    meeting = pickle.loads(payload)  # pickled by this program's window a moment ago
    if not isinstance(meeting, MeetingDocument):
        raise TypeError(f"expected a meeting document, got {type(meeting).__name__}")
    pages = pdf_pages(meeting, document, DEFAULT_LAYOUT)
    count = page_count(pages.data)
    if anchor == LAST_PAGE:
        page, top = count, 0.0
    else:
        page, top = pages.anchor_places.get(anchor, (1, 0.0)) if anchor is not None else (1, 0.0)
    page = min(max(page, 1), count)
    (image,) = render_pages(pages.data, [page - 1], dpi)
    height = page_size_points(pages.data, page - 1)[1]
    heading_at = min(max(1 - top / height, 0.0), 1.0) if top else 0.0
    return PageView(document, page, count, image, heading_at)


def prepare_page_view() -> None:
    """Run once when the page-view process starts: below the window in the CPU's favour, and the
    writers, fonts and word list loaded by setting a small meeting, so the first view is quick."""
    import datetime as dt  # noqa: PLC0415
    import os  # noqa: PLC0415

    from models.meeting import Meeting, MeetingDocument, Section  # noqa: PLC0415

    if hasattr(os, "nice"):
        os.nice(5)
    meeting = Meeting("การประชุม", 1, 2567, dt.date(2024, 1, 1), sections=[Section("ทดสอบการตัดคำ")])
    page_view(pickle.dumps(MeetingDocument(meeting)), "minutes", None, 20)
