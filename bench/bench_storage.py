"""Storage benchmark: a database of 1,000 meetings of demo size.

Reports medians (this machine is shared and noisy) of:
- opening the database and listing its meetings (goal under 100 ms),
- loading one whole meeting (goal under 50 ms),
- one small edit, typing into a paragraph (goal under 5 ms),
and, beside them, the backup taken in the background at each open and the integrity check.

    python bench/bench_storage.py [--meetings 1000] [--repeat 21] [--db FILE]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.meeting import MeetingDocument, Paragraph
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.storage import Database, backup_database, verify_database_file

GOALS_MS = {"open + list": 100.0, "load one meeting": 50.0, "small edit": 5.0}


def build(path: Path, meetings: int, demo: MeetingDocument) -> float:
    started = time.perf_counter()
    with Database.open(path, backup=False) as database:
        for index in range(meetings):
            document = copy.deepcopy(demo)
            document.meeting.seq = index % 12 + 1
            document.meeting.year = 2500 + index // 12
            database.add_document(document)
    return time.perf_counter() - started


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def open_and_list(path: Path) -> None:
    database = Database.open(path, backup=False)
    database.list_meetings()
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--db", type=Path, help="reuse or build the database here")
    args = parser.parse_args()

    demo = read_meeting_file(DEMO_MEETING)
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.sqlite3"
    if not path.exists():
        seconds = build(path, args.meetings, demo)
        print(f"built {args.meetings} meetings in {seconds:.1f} s")
    size_mb = path.stat().st_size / 1e6

    with Database.open(path, backup=False) as database:
        count = database.meeting_count()
        middle = database.list_meetings()[count // 2].id
        loaded = database.load_document(middle)
        paragraph = loaded.meeting.sections[1].items[0].blocks[0]
        assert isinstance(paragraph, Paragraph) and paragraph.id is not None
        paragraph_id = paragraph.id
        load_ms = median_ms(lambda: database.load_document(middle), args.repeat)
        text = paragraph.text
        keystrokes = iter(range(10**9))
        edit_ms = median_ms(
            lambda: database.update_block(paragraph_id, text=f"{text}{next(keystrokes)}"), args.repeat * 5
        )

    results = {
        "open + list": median_ms(lambda: open_and_list(path), args.repeat),
        "load one meeting": load_ms,
        "small edit": edit_ms,
    }
    print(f"database: {count} meetings, {size_mb:.1f} MB")
    for name, value in results.items():
        goal = GOALS_MS[name]
        verdict = "ok" if value < goal else "OVER GOAL"
        print(
            f"{name:>18}: median {value:8.2f} ms  (goal < {goal:g} ms, {value / goal:5.1%} of it) {verdict}"
        )
    check_ms = median_ms(lambda: verify_database_file(path), 5)
    backup_ms = median_ms(lambda: backup_database(path, keep=2), 3)
    print(f"{'integrity check':>18}: median {check_ms:8.2f} ms  (part of every open)")
    print(f"{'backup':>18}: median {backup_ms:8.2f} ms  (in the background after open)")
    folder.cleanup()


if __name__ == "__main__":
    main()
