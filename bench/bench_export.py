"""Export benchmark (issue 12, goal 1), as the clerk waits: whole processes, side by side.

The large meeting (`bench.sized_meeting.large_meeting`: 70,000 characters, 28 attendees, 11
tables, 60 items) is written to a meeting file; then, each a median of new processes:

- `python main.py export FILE --only minutes --format pdf` (goal ≤ 1.0 s), beside LibreOffice
  converting the DOCX of the same minutes to PDF (`soffice --headless --convert-to pdf`, goal:
  the program at least 3× faster);
- the same with `--format docx` (goal ≤ 0.5 s), beside `python -c pass` (a bare start);
- the PDF of ten times that meeting: time against the large meeting's (goal: linear, so about
  10×) and the whole process's peak memory (goal < 400 MB).

Processes run as a user's Python does (compiled modules kept, the program's cache folder
filled by an unmeasured first run: see bench/common.py).

    python bench/bench_export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, USER_ENVIRONMENT, libreoffice_seconds, process_seconds
from bench.sized_meeting import item_count, large_meeting, table_count, text_size
from models.meetingfile import write_meeting_file

PDF_GOAL_S = 1.0
DOCX_GOAL_S = 0.5
FASTER_THAN_LIBREOFFICE = 3.0
MEMORY_GOAL_MB = 400

PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def export_command(source: Path, out: Path, file_format: str) -> list[str]:
    out.mkdir(exist_ok=True)
    main = str(ROOT / "main.py")
    return [
        sys.executable,
        main,
        "export",
        str(source),
        "-o",
        str(out),
        "--only",
        "minutes",
        "--format",
        file_format,
    ]


def peak_memory_mb(command: list[str]) -> float:
    """The peak resident memory of the command's whole process (ru_maxrss is in KiB on Linux)."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *command],
        check=True,
        capture_output=True,
        text=True,
        env=USER_ENVIRONMENT,
    )
    return int(result.stdout.split()[-1]) / 1024


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    large = large_meeting(1)
    print(
        f"large meeting: {text_size(large):,} characters, {len(large.meeting.attendees)} attendees, "
        f"{table_count(large)} tables, {item_count(large)} items"
    )
    missed = False
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "large.minutes.json"
        write_meeting_file(large, source)
        pdf_s = process_seconds(export_command(source, folder / "pdf", "pdf"), args.repeat)
        docx_s = process_seconds(export_command(source, folder / "docx", "docx"), args.repeat)
        bare_s = process_seconds([sys.executable, "-c", "pass"], args.repeat)
        soffice_s = libreoffice_seconds(folder / "docx" / "minutes.docx", args.repeat)
        print(
            f"  PDF, whole command:  median {pdf_s * 1000:7.1f} ms (goal ≤ {PDF_GOAL_S * 1000:.0f} ms) "
            f"{verdict(pdf_s <= PDF_GOAL_S)}"
        )
        if soffice_s is None:
            print("  LibreOffice is not installed: the comparison is not made")
        else:
            ratio = soffice_s / pdf_s
            print(
                f"  LibreOffice, DOCX to PDF: median {soffice_s * 1000:7.1f} ms; the program is {ratio:.2f}× "
                f"faster (goal ≥ {FASTER_THAN_LIBREOFFICE:.0f}×) {verdict(ratio >= FASTER_THAN_LIBREOFFICE)}"
            )
            missed |= ratio < FASTER_THAN_LIBREOFFICE
        print(
            f"  DOCX, whole command: median {docx_s * 1000:7.1f} ms (goal ≤ {DOCX_GOAL_S * 1000:.0f} ms) "
            f"{verdict(docx_s <= DOCX_GOAL_S)}; a bare `python -c pass` {bare_s * 1000:.1f} ms"
        )
        missed |= pdf_s > PDF_GOAL_S or docx_s > DOCX_GOAL_S

        ten = folder / "ten.minutes.json"
        write_meeting_file(large_meeting(10), ten)
        ten_command = export_command(ten, folder / "ten", "pdf")
        ten_s = process_seconds(ten_command, max(3, args.repeat // 2))
        memory = peak_memory_mb(ten_command)
        large_memory = peak_memory_mb(export_command(source, folder / "pdf", "pdf"))
        growth = ten_s / pdf_s
        print(
            f"  ten times the meeting, PDF: median {ten_s * 1000:7.1f} ms, {growth:.1f}× the large meeting's "
            f"(10× is linear; the fixed start-up makes it less)"
        )
        print(
            f"  peak memory, whole process: {memory:.0f} MB for ten times, {large_memory:.0f} MB for the large "
            f"meeting (goal < {MEMORY_GOAL_MB} MB) {verdict(memory < MEMORY_GOAL_MB)}"
        )
        missed |= memory >= MEMORY_GOAL_MB or growth > 10.5
    if missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
