"""PDF export benchmark: a meeting the size of the Lampang example and one ten times larger.

Reports medians of the PDF export in a running program (and per page, to see that time grows
linearly with pages), the whole command line (`python main.py export FILE.json --format pdf`,
process start and loading included), the peak memory of exporting the large meeting (in a child
process), and beside them LibreOffice converting the DOCX of the same meeting when installed.
Goals: export under 1 s and the whole command under 2 s for the Lampang-sized meeting, time
linear in pages, memory under 400 MB for the large one.

    python bench/bench_pdf.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pdfplumber

from bench.common import command_seconds, libreoffice_seconds, median_s
from bench.sized_meeting import lampang_sized, text_size
from exporters.docx_export import write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import write_letter_pdf, write_minutes_pdf
from models.meetingfile import write_meeting_file

ROOT = Path(__file__).resolve().parent.parent
PEAK_MEMORY = """
import resource, sys
sys.path.insert(0, {root!r})
from bench.sized_meeting import lampang_sized
from exporters.layout import DEFAULT_LAYOUT
from exporters.pdf_export import write_minutes_pdf
from pathlib import Path
write_minutes_pdf(lampang_sized({scale}), Path({target!r}), DEFAULT_LAYOUT)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def pages_of(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def peak_memory_mb(scale: int, folder: Path) -> float:
    code = PEAK_MEMORY.format(root=str(ROOT), scale=scale, target=str(folder / "peak.pdf"))
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(result.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    few = max(3, args.repeat // 2)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_minutes_pdf(lampang_sized(1), folder / "warm-up.pdf", DEFAULT_LAYOUT)
        per_page = {}
        for scale in (1, 10):
            document = lampang_sized(scale)
            minutes, letter = folder / f"minutes-{scale}.pdf", folder / f"letter-{scale}.pdf"
            export_s = median_s(
                functools.partial(write_minutes_pdf, document, minutes, DEFAULT_LAYOUT), args.repeat
            )
            letter_s = median_s(
                functools.partial(write_letter_pdf, document, letter, DEFAULT_LAYOUT), args.repeat
            )
            pages = pages_of(minutes)
            per_page[scale] = export_s / pages
            source = folder / f"sized-{scale}.minutes.json"
            write_meeting_file(document, source)
            whole_s = command_seconds(source, folder / f"cli-{scale}", "pdf", few)
            print(
                f"scale {scale:>2}: {text_size(document):,} characters, {len(document.meeting.attendees)} attendees, {pages} pages"
            )
            print(
                f"  PDF minutes: median {export_s * 1000:7.1f} ms ({per_page[scale] * 1000:5.1f} ms a page); "
                f"letter {letter_s * 1000:5.1f} ms"
            )
            print(f"  whole command (start, read, both PDF): median {whole_s * 1000:7.1f} ms")
            docx = folder / f"minutes-{scale}.docx"
            write_minutes_docx(document, docx, DEFAULT_LAYOUT)
            converted = libreoffice_seconds(docx, few)
            if converted is not None:
                print(
                    f"  LibreOffice converting the DOCX of the same minutes: median {converted * 1000:7.1f} ms"
                )
        print(
            f"time a page, ten times larger / Lampang-sized: {per_page[10] / per_page[1]:.2f} (1.0 is linear)"
        )
        print(f"peak memory exporting the large minutes: {peak_memory_mb(10, folder):.0f} MB (goal < 400 MB)")
    print("goals: export < 1 s and whole command < 2 s for the Lampang-sized meeting")


if __name__ == "__main__":
    main()
