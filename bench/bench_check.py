"""Checks benchmark: `check` of the largest meeting we have, as the clerk waits for it.

Reports medians of: the checks in a running program (`check_document`, the dictionary already
loaded, as F7 runs them in the window), with and without the spelling check; and the whole
command (`python main.py check FILE.json`: process start, reading the file, every check), beside
`python -c pass` as the reference for a bare Python start on this machine. Goal (issues 11 and
12): the whole command on the largest meeting under 0.5 s, as the clerk waits for it; the checks
in a running window well under that.

    python bench/bench_check.py [--scale 4] [--repeat 5]
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, median_s, process_seconds
from bench.sized_meeting import lampang_sized, text_size
from models.checks import check_document
from models.meetingfile import write_meeting_file

GOAL_S = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=4, help="the meeting in Lampang meetings")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    document = lampang_sized(args.scale)
    print(f"meeting: {text_size(document):,} characters, {len(document.meeting.attendees)} attendees")
    check_document(document)  # the dictionaries load once, as in a window that has run F7 before
    in_process = median_s(functools.partial(check_document, document), args.repeat)
    no_spelling = median_s(functools.partial(check_document, document, spelling=False), args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "large.minutes.json"
        write_meeting_file(document, source)
        command = [sys.executable, str(ROOT / "main.py"), "check", str(source)]
        whole = process_seconds(command, args.repeat, allowed_exits=(0, 1))  # 1: errors found
    bare = process_seconds([sys.executable, "-c", "pass"], args.repeat)
    verdict = "ok" if whole <= GOAL_S else "MISSED"
    print(f"  checks in the window (F7): median {in_process * 1000:8.1f} ms")
    print(f"  the same without spelling: median {no_spelling * 1000:8.1f} ms")
    print(
        f"  whole command `main.py check`: median {whole * 1000:8.1f} ms (goal < {GOAL_S * 1000:.0f} ms) {verdict}"
    )
    print(f"  reference, `python -c pass`:   median {bare * 1000:8.1f} ms ({whole / bare:.0f}× a bare start)")
    if whole > GOAL_S:
        sys.exit(1)


if __name__ == "__main__":
    main()
