"""ReportLab's platypus (pages, frames, tables), imported without compiling a pattern it never uses.

As it is imported, `reportlab.platypus.paragraph` compiles `uri_pat`, a URL pattern over all of
Unicode that ignores case: 23 ms of every PDF export (a thirtieth of the whole command), for the
links of ReportLab's own paragraphs, which the program never sets (its text is
`exporters.pdf_text.ThaiParagraph`). That one pattern is compiled the first time it is used
instead; every other pattern is compiled as ReportLab asks.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_PARAGRAPH_MODULE = "reportlab.platypus.paragraph"


class CompiledOnUse:
    """A regular expression compiled when one of its methods is first asked for."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def _is_unicode_wide_caseless(pattern: object, flags: int) -> bool:
    """The costly kind: a class reaching to U+FFFF, matched without case (`uri_pat`)."""
    return bool(flags & re.IGNORECASE) and isinstance(pattern, str) and "\uffff" in pattern


def _import_paragraph_module() -> None:
    if _PARAGRAPH_MODULE in sys.modules:
        return
    compile_now = re.compile

    def compile_costly_on_use(pattern: Any, flags: int = 0) -> Any:
        if _is_unicode_wide_caseless(pattern, flags):
            return CompiledOnUse(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_costly_on_use
    try:
        __import__(_PARAGRAPH_MODULE)
    finally:
        re.compile = compile_now


_import_paragraph_module()

from reportlab.platypus import (  # noqa: E402  (after the paragraph module, on purpose)
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError  # noqa: E402

__all__ = [
    "BaseDocTemplate",
    "CompiledOnUse",
    "Flowable",
    "Frame",
    "HRFlowable",
    "Image",
    "LayoutError",
    "PageBreak",
    "PageTemplate",
    "Spacer",
    "Table",
    "TableStyle",
]
