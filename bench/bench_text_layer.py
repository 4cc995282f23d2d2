"""Text-layer benchmark (issue 15): what each PDF reader gets back from the largest meeting.

The large meeting (`bench.sized_meeting.large_meeting`: 70,000 characters, 28 attendees, 11
tables, 60 items) is exported to PDF by the program; poppler, PDFium, MuPDF and pdf.js read it
(`tests/pdf_readers.py`), and for each reader two figures are printed:

- whole strings of the meeting found in the extracted text: every paragraph, table cell line and
  name, exactly (characters in order, spaces where the text has them, none inside words; a line
  break may stand for a space or nothing); goal ≥ 99.9%;
- distinct words a search finds (PyThaiNLP's words of those strings); goal 100%.

poppler is read as the issue measures it (`pdftotext -raw`, the content's order); its reading of
the page's layout (`pdftotext`, what Evince and Okular copy) is measured on paragraphs only, as it
takes a table's cells line by line across the row.

Beside them, the same for LibreOffice's PDF of the program's DOCX of the same minutes, when
LibreOffice is installed (a reference, not a goal). pdf.js needs `node` and
`npm install --prefix bench/pdfjs`.

    python bench/bench_text_layer.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sized_meeting import large_meeting, text_size
from exporters.compose import compose_minutes
from exporters.docx_export import write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import write_minutes_pdf
from tests.pdf_readers import READERS, Score, available_readers, poppler_layout_text, score, strings_of

STRINGS_GOAL = 0.999
WORDS_GOAL = 1.0


def libreoffice_pdf(docx: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (docx.parent / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(docx.parent / "lo"), str(docx)], check=True, capture_output=True
    )
    return docx.parent / "lo" / (docx.stem + ".pdf")


def row(name: str, result: Score, goals: bool) -> str:
    strings = f"{100 * result.strings_share:7.2f}% ({result.strings_found}/{result.strings})"
    words = f"{100 * result.words_share:7.2f}% ({result.words_found}/{result.words})"
    verdict = ""
    if goals:
        met = result.strings_share >= STRINGS_GOAL and result.words_share >= WORDS_GOAL
        verdict = "ok" if met else "MISSED"
    return f"  {name:8} {strings:>22} {words:>22}  {verdict}"


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    document = large_meeting()
    composition = compose_minutes(document, DEFAULT_LAYOUT)
    strings, paragraphs = strings_of(composition), strings_of(composition, cells=False)
    print(f"large meeting: {text_size(document):,} characters; {len(strings):,} strings")
    print(f"  {'reader':8} {'whole strings found':>22} {'distinct words found':>22}")
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "minutes.pdf"
        write_minutes_pdf(document, ours, DEFAULT_LAYOUT)
        readers = available_readers()
        for name in READERS:
            if name not in readers:
                print(f"  {name:8} not installed here")
                continue
            result = score(strings, readers[name](ours))
            print(row(name, result, goals=True))
            for missed in result.missed[:3]:
                print(f"      missed: {missed[:90]}")
        if "poppler" in readers:  # Evince's copy, which reads tables line by line across a row
            print("poppler's reading of the layout (pdftotext without -raw, Evince's copy), paragraphs:")
            print(row("poppler", score(paragraphs, poppler_layout_text(ours)), goals=True))
        docx = Path(folder) / "minutes.docx"
        write_minutes_docx(document, docx, DEFAULT_LAYOUT)
        reference = libreoffice_pdf(docx)
        if reference is not None:
            print("LibreOffice's PDF of the program's DOCX (a reference):")
            for name, read in readers.items():
                print(row(name, score(strings, read(reference)), goals=False))


if __name__ == "__main__":
    main()
