"""The text four PDF readers get from a PDF, and how much of a composition they get back (issue 15).

Recipients read the minutes in Evince and Okular (poppler), Chrome and Edge (PDFium), Firefox and
web portals (pdf.js) and SumatraPDF and many e-document systems (MuPDF). Each reader here gives a
page's text as its copy gives it: poppler through `pdftotext -raw` (and its layout reading, what
Evince copies, for paragraphs), PDFium through `pypdfium2`, MuPDF through `pymupdf`, pdf.js
through `node` and `bench/pdfjs` (`npm ci --prefix bench/pdfjs`, run by `.ci/run`).

A string of the composition (a paragraph, a table cell's line, a name) is *found* when it comes
back exactly, each character in order, a space where it has white space and none elsewhere; a
line break may stand for a space or for nothing (Thai breaks lines between words without one).
A *word* (PyThaiNLP's segmentation of the strings) is found when a search of the text finds it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from exporters.compose import Composition, Grid, Para
from models import thai

ROOT = Path(__file__).resolve().parent.parent
PDFJS = ROOT / "bench" / "pdfjs"
PAGE_NUMBER_LINE = re.compile(r"^[ \t]*-[ \t]*[0-9๐-๙]+[ \t]*-[ \t]*$", re.MULTILINE)


def poppler_text(path: Path) -> str:
    """poppler in the content's order (`pdftotext -raw`): as the issue measures it, and as a
    search in Evince finds words."""
    return _pdftotext(path, "-raw")


def poppler_layout_text(path: Path) -> str:
    """poppler's reading of the page's layout (`pdftotext`, Evince's and Okular's copy), which
    takes a table's cells line by line across the row: checked for paragraphs only."""
    return _pdftotext(path)


def _pdftotext(path: Path, *options: str) -> str:
    command = ["pdftotext", *options, str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdfium_text(path: Path) -> str:
    import pypdfium2  # noqa: PLC0415

    document = pypdfium2.PdfDocument(path)
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def mupdf_text(path: Path) -> str:
    import pymupdf  # noqa: PLC0415

    with pymupdf.Document(path) as document:  # type: ignore[no-untyped-call]
        return "\f".join(page.get_text() for page in document)


def pdfjs_text(path: Path) -> str:
    script = PDFJS / "pdfjs_text.mjs"
    return subprocess.run(["node", str(script), str(path)], check=True, capture_output=True, text=True).stdout


def pdfjs_available() -> bool:
    return shutil.which("node") is not None and (PDFJS / "node_modules" / "pdfjs-dist").is_dir()


READERS: dict[str, Callable[[Path], str]] = {
    "poppler": poppler_text,
    "PDFium": pdfium_text,
    "MuPDF": mupdf_text,
    "pdf.js": pdfjs_text,
}


def available_readers() -> dict[str, Callable[[Path], str]]:
    return {name: read for name, read in READERS.items() if name != "pdf.js" or pdfjs_available()}


def page_text(text: str) -> str:
    """A reader's text without page numbers, white space squeezed to one space (a line break kept)."""
    text = PAGE_NUMBER_LINE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    text = re.sub(r"[^\S\n]+", " ", text)
    return re.sub(r" ?\n[ \n]*", "\n", text)


def strings_of(composition: Composition, cells: bool = True) -> list[str]:
    """Every paragraph and every line of every table cell (unless `cells` is false), white space
    squeezed."""
    found: list[str] = []
    for element in composition.body:
        if isinstance(element, Para):
            found.append(element.text)
        elif isinstance(element, Grid) and cells:
            found.extend(
                line for row in element.rows for cell in row if cell for line in cell.text.split("\n")
            )
    squeezed = (" ".join(text.split()) for text in found)
    return [text for text in squeezed if text]


@cache
def _pattern(string: str) -> re.Pattern[str]:
    pieces = []
    for index, char in enumerate(string):
        if char == " ":
            pieces.append("[ \n]")
        else:
            if index and string[index - 1] != " ":
                pieces.append("\n?")
            pieces.append(re.escape(char))
    return re.compile("".join(pieces))


def found_exactly(string: str, text: str) -> bool:
    return _pattern(string).search(text) is not None


def words_of(strings: Iterable[str]) -> set[str]:
    """The distinct words of the strings as a search would look for them."""
    return {
        word for string in strings for word in thai.segment(string) if word.strip() and not word.isspace()
    }


@dataclass(frozen=True)
class Score:
    strings: int
    strings_found: int
    words: int
    words_found: int
    missed: tuple[str, ...]  # the first strings not found

    @property
    def strings_share(self) -> float:
        return self.strings_found / self.strings if self.strings else 1.0

    @property
    def words_share(self) -> float:
        return self.words_found / self.words if self.words else 1.0


def score(strings: list[str], raw_text: str) -> Score:
    text = page_text(raw_text)
    missed = [string for string in strings if not found_exactly(string, text)]
    searchable = text.replace("\n", "") + "\n" + text.replace("\n", " ")
    words = words_of(strings)
    words_found = sum(1 for word in words if word in searchable)
    return Score(len(strings), len(strings) - len(missed), len(words), words_found, tuple(missed[:10]))
