"""Search benchmark: 1,000 meetings of demo size; median time of a query (goal under 100 ms),
beside the one-off time to index them all.

    python bench/bench_search.py [--meetings 1000] [--repeat 21]
"""

from __future__ import annotations

import argparse
import copy
import functools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_s
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.storage import Database

QUERIES = ("ครัวเรือน", "ผู้ใหญ่", "๓๘,๔๐๐", "OTOP", "งบประมาณ", "ไม่มีคำนี้")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    demo = read_meeting_file(DEMO_MEETING)
    with (
        tempfile.TemporaryDirectory() as folder,
        Database.open(Path(folder) / "s.sqlite3", backup=False) as database,
    ):
        for index in range(args.meetings):
            document = copy.deepcopy(demo)
            document.meeting.seq, document.meeting.year = index % 12 + 1, 2500 + index // 12
            database.add_document(document)
        started = time.perf_counter()
        database.refresh_search_index()
        print(f"indexing {args.meetings} meetings once: {time.perf_counter() - started:.1f} s")
        for query in QUERIES:
            hits = len(database.search(query))
            seconds = median_s(functools.partial(database.search, query), args.repeat)
            print(f"  {query:>12}: median {seconds * 1000:7.2f} ms, {hits} places (goal < 100 ms)")


if __name__ == "__main__":
    main()
