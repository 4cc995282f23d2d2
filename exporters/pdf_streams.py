"""Page content streams compressed beside the layout of the pages after them, and kept binary.

ReportLab compresses every page's operators when it writes the file, one page after another, once
all pages are set, and then spells the compressed bytes in ASCII85 (its `useA85`, for mail
systems of the 1990s): 57 ms of the large meeting's export (2 MB of operators), a tenth of the
whole command, and a quarter more bytes in every page. Here each page is handed to a thread of
its own as soon as it is finished (zlib lets other Python threads run while it compresses, so on
any machine with a second core the compression is done while the next pages are laid out), and
written as plain Flate, as Word and LibreOffice write theirs; the fonts' streams were binary
already. A canvas set not to compress (`pageCompression=0`) is left as it is.
"""

from __future__ import annotations

import threading
import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas


class CompressedPageStream(PDFStream):  # type: ignore[misc]  # ReportLab has no type hints
    """A page's content stream, compressed by a thread started when the page was finished."""

    __Comment__ = "page stream"

    def __init__(self, operators: str) -> None:
        super().__init__(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}))
        # the encoding ReportLab's own Flate filter gives a page's text
        self._raw: bytes | None = operators.encode("utf8")
        self._worker = threading.Thread(target=self._compress, name="page-stream", daemon=True)
        self._worker.start()

    def _compress(self) -> None:
        raw = self._raw
        if raw is not None:
            self.content = zlib.compress(raw)
            self._raw = None

    def format(self, document: Any) -> bytes:
        self._worker.join()
        if self.content is None:  # the thread died (out of memory): compressed here instead
            self._compress()
        formatted: bytes = super().format(document)
        return formatted


class CompressingCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """A canvas whose finished pages are compressed while the next ones are drawn."""

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if page.compression and page.stream:
            page.Contents = CompressedPageStream(page.stream)
