"""Import benchmark (issue 16): minutes typed in Word brought into the database, as a clerk
bringing in the archive waits.

A folder of 100 Word files of the demo's size (the program's own DOCX of the demo, each with its
own number and date, every third one retyped as clerks type: numbers by hand, tabs, no styles)
is imported with `python main.py import FOLDER` (one process, each file in its own transaction,
the report printed): the whole command, and per file (goal under 0.3 s each). Beside it, the same
100 meetings imported from the program's own meeting files (.json), one `import` process each
minus a bare Python start, as the floor of storing a meeting; and one whole `import FILE.docx`.

    python bench/bench_import.py [--files 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, process_seconds, run_quietly
from exporters.docx_export import write_minutes_docx
from exporters.layout import DEFAULT_LAYOUT
from models.meeting import MeetingDocument
from models.meetingfile import read_meeting_file, write_meeting_file
from models.paths import DEMO_MEETING
from tests.test_import_minutes import clerk_document

PER_FILE_GOAL_S = 0.3


def archive(folder: Path, files: int) -> list[MeetingDocument]:
    """`files` Word files of minutes in the folder (and the meetings they hold)."""
    demo = read_meeting_file(DEMO_MEETING)
    meetings = []
    for number in range(files):
        document = copy.deepcopy(demo)
        document.meeting.seq = number % 12 + 1
        document.meeting.year = 2560 + number // 12
        document.meeting.date = dt.date(2017 + number // 12, number % 12 + 1, 15)
        if number % 3 == 2:
            clerk_document().save(str(folder / f"{number:03d}.docx"))
        else:
            write_minutes_docx(document, folder / f"{number:03d}.docx", DEFAULT_LAYOUT)
        meetings.append(document)
    return meetings


def seconds(command: list[str], repeat: int, fresh: Path, allowed: tuple[int, ...] = (0,)) -> float:
    """Median of whole processes, each on a database made anew."""
    timings = []
    for _ in range(repeat):
        fresh.unlink(missing_ok=True)
        started = time.perf_counter()
        run_quietly(command, allowed)
        timings.append(time.perf_counter() - started)
    return sorted(timings)[len(timings) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    main_py = str(ROOT / "main.py")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "archive"
        folder.mkdir()
        meetings = archive(folder, args.files)
        database = Path(temporary) / "office.sqlite3"
        run_quietly(
            [sys.executable, main_py, "import", str(folder), "--db", str(database)]
        )  # compiled modules
        whole = seconds(
            [sys.executable, main_py, "import", str(folder), "--db", str(database)], args.repeat, database
        )
        per_file = whole / args.files
        verdict = "ok" if per_file < PER_FILE_GOAL_S else "MISSED"
        print(
            f"{args.files} Word files of the demo's size, `python main.py import FOLDER` (median of {args.repeat}):"
        )
        print(
            f"  whole command {whole:.2f} s: {per_file * 1000:.0f} ms a file (goal < {PER_FILE_GOAL_S * 1000:.0f} ms) {verdict}"
        )
        one = folder / "000.docx"
        single = seconds(
            [sys.executable, main_py, "import", str(one), "--db", str(database)], args.repeat * 3, database
        )
        bare = process_seconds([sys.executable, "-c", "pass"], args.repeat * 3)
        print(
            f"  one file, whole `import FILE.docx`: {single * 1000:.0f} ms (a bare `python -c pass`: {bare * 1000:.0f} ms)"
        )
        meeting_file = Path(temporary) / "one.minutes.json"
        write_meeting_file(meetings[0], meeting_file)
        json_one = seconds(
            [sys.executable, main_py, "import", str(meeting_file), "--db", str(database)],
            args.repeat * 3,
            database,
        )
        print(
            f"  reference: the same meeting from the program's own file, `import FILE.json`: {json_one * 1000:.0f} ms"
        )
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
