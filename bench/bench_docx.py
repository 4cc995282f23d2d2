"""DOCX export benchmark: a meeting the size of the Lampang example and one ten times larger.

Reports medians of: exporting the minutes and the letter as DOCX in a running program; the whole
command line (`python main.py export FILE.json --format docx`, process start and loading
included); and, beside them, LibreOffice converting the same minutes DOCX to PDF on this machine
when it is installed. Goals: the Lampang-sized export well under a second, and at least five
times faster than LibreOffice's conversion.

    python bench/bench_docx.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import command_seconds, libreoffice_seconds, median_s
from bench.sized_meeting import lampang_sized, text_size
from exporters.docx_export import write_letter_docx, write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import MeetingDocument, Table, all_blocks
from models.meetingfile import write_meeting_file

ROOT = Path(__file__).resolve().parent.parent


def command_line_seconds(document: MeetingDocument, folder: Path, repeat: int) -> float:
    source = folder / "sized.minutes.json"
    write_meeting_file(document, source)
    return command_seconds(source, folder / "cli", "docx", repeat)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    few = max(3, args.repeat // 2)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_minutes_docx(lampang_sized(1), folder / "warm-up.docx", DEFAULT_LAYOUT)
        for scale in (1, 10):
            document = lampang_sized(scale)
            tables = sum(1 for _, block in all_blocks(document.meeting) if isinstance(block, Table))
            minutes, letter = folder / f"minutes-{scale}.docx", folder / f"letter-{scale}.docx"
            minutes_s = median_s(
                functools.partial(write_minutes_docx, document, minutes, DEFAULT_LAYOUT), args.repeat
            )
            letter_s = median_s(
                functools.partial(write_letter_docx, document, letter, DEFAULT_LAYOUT), args.repeat
            )
            whole_s = command_line_seconds(document, folder, few)
            print(
                f"scale {scale:>2}: {text_size(document):,} characters, "
                f"{len(document.meeting.attendees)} attendees, {tables} tables"
            )
            print(f"  DOCX minutes: median {minutes_s * 1000:7.1f} ms   letter: {letter_s * 1000:6.1f} ms")
            print(f"  whole command (start, read, both DOCX): median {whole_s * 1000:7.1f} ms")
            converted = libreoffice_seconds(minutes, few)
            if converted is None:
                print("  LibreOffice is not installed: no comparison")
            else:
                print(
                    f"  LibreOffice DOCX→PDF of the same minutes: median {converted * 1000:7.1f} ms "
                    f"(our export {converted / minutes_s:.1f}× faster; goal ≥ 5×)"
                )
    print("goal: the Lampang-sized minutes well under 1 s")


if __name__ == "__main__":
    main()
