"""The office server benchmark (issue 17), on a PostgreSQL server of its own (tests/pg_server.py,
Debian's `postgresql` on a local socket), medians; each figure beside its goal and a reference
measured in the same run.

- Keystroke to stored: an edit typed into the meeting the clerk holds (the window's path: its
  copy on this computer, `models.replica`), the time the window waits (goal: median < 5 ms) and
  the time until the server has it (goal: median < 50 ms). References: the same edit on a
  database file (what the window waits for without a server), and on the server directly
  (what it would wait for without the copy).
- Ten clerks at once: ten processes, each holding its own meeting and making 1,000 edits (each
  a new paragraph numbered in order), sent through their copies; then every paragraph is looked
  for on the server, in order (goal: none lost, none out of order).
- Search over 10,000 meetings on the server (goal: median < 100 ms a query). Reference: the same
  queries on the same meetings in a database file (SQLite's FTS5).

    python bench/bench_server.py [--meetings 10000] [--edits 1000] [--clerks 10]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import varied_meeting
from models.editing import MeetingEditor
from models.meeting import MeetingDocument, Paragraph
from models.meetingfile import read_meeting_file
from models.paths import DEMO_MEETING
from models.replica import Replica, ReplicaSync
from models.server import ServerDatabase
from models.storage import Database
from tests.pg_server import running_server

UI_GOAL_MS = 5.0
STORED_GOAL_MS = 50.0
SEARCH_GOAL_MS = 100.0
QUERIES = ("ครัวเรือน", "ผู้ใหญ่", "๓๘,๔๐๐", "OTOP", "งบประมาณ", "ไม่มีคำนี้")
FLUSH_TIMEOUT_S = 300.0


def small_meeting(demo: MeetingDocument, index: int) -> MeetingDocument:
    """A meeting of an archive: the demo's text varied (bench_search), five people."""
    document = varied_meeting(demo, index)
    document.meeting.attendees = document.meeting.attendees[:5]
    document.letter = None
    return document


# --- keystroke to stored --------------------------------------------------------------------


def typing_latency(conninfo: str, demo: MeetingDocument, edits: int, folder: Path) -> None:
    with ServerDatabase.open_server(conninfo) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
        assert server.take_lease(meeting_id) is None
        path = folder / "copy.sqlite3"
        replica = Replica.open(path, server, meeting_id)
        sync = ReplicaSync(path, server, meeting_id)
        sync.start()
        editor = MeetingEditor(replica.database, meeting_id)
        ui, stored = [], []
        for number in range(edits):
            started = time.perf_counter()
            editor.set_meeting_field("venue", f"ห้องประชุม {number}")
            ui.append(time.perf_counter() - started)
            if not sync.flush(FLUSH_TIMEOUT_S):
                raise SystemExit("the copy did not reach the server")
            stored.append(time.perf_counter() - started)
        sync.stop()
        replica.close()
        assert server.load_document(meeting_id).meeting.venue == f"ห้องประชุม {edits - 1}"
        direct = ServerDatabase.open_server(conninfo)
        direct_id = direct.add_document(copy.deepcopy(demo))
        on_server = MeetingEditor(direct, direct_id)
        server_direct = [
            _timed(lambda n=n: on_server.set_meeting_field("venue", f"ห้อง {n}")) for n in range(edits)
        ]
        direct.close()
    with Database.open(folder / "file.sqlite3", backup=False) as file:
        local = MeetingEditor(file, file.add_document(copy.deepcopy(demo)))
        on_file = [_timed(lambda n=n: local.set_meeting_field("venue", f"ห้อง {n}")) for n in range(edits)]
    print(f"Keystroke to stored, {edits} edits of the meeting's venue (medians):")
    _line("  the window waits (its copy)", ui, UI_GOAL_MS)
    _line("  stored on the server", stored, STORED_GOAL_MS)
    print(
        f"  reference: the same edit on a database file {_ms(on_file)} ms; on the server directly {_ms(server_direct)} ms"
    )


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.2f}"


def _line(label: str, seconds: list[float], goal_ms: float) -> None:
    median = statistics.median(seconds) * 1000
    worst = max(seconds) * 1000
    verdict = "ok" if median < goal_ms else "MISSED"
    print(f"{label}: median {median:.2f} ms, worst {worst:.1f} ms (goal < {goal_ms:g} ms) {verdict}")


# --- ten clerks at once -----------------------------------------------------------------------


def clerk(conninfo: str, meeting_id: int, edits: int, folder: str) -> None:
    """One clerk's process: the meeting's lease and copy, `edits` paragraphs added in order,
    then everything sent; prints the seconds it took."""
    server = ServerDatabase.open_server(conninfo, clerk=f"clerk {meeting_id}")
    assert server.take_lease(meeting_id) is None
    path = Path(folder) / f"copy-{meeting_id}.sqlite3"
    replica = Replica.open(path, server, meeting_id)
    sync = ReplicaSync(path, server, meeting_id)
    sync.start()
    editor = MeetingEditor(replica.database, meeting_id)
    item = editor.document.meeting.sections[1].items[0]
    started = time.perf_counter()
    for number in range(edits):
        editor.insert_block(item, len(item.blocks), Paragraph(f"บันทึกลำดับที่ {number}"))
    typed = time.perf_counter() - started
    if not sync.flush(FLUSH_TIMEOUT_S):
        raise SystemExit(f"clerk {meeting_id}: the copy did not reach the server")
    print(f"{typed:.3f} {time.perf_counter() - started:.3f}")
    sync.stop()
    replica.close()
    server.close()


def ten_clerks(conninfo: str, demo: MeetingDocument, clerks: int, edits: int, folder: Path) -> None:
    with ServerDatabase.open_server(conninfo) as server:
        meetings = [server.add_document(small_meeting(demo, n)) for n in range(clerks)]
        before = {m: len(server.load_document(m).meeting.sections[1].items[0].blocks) for m in meetings}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, "--clerk", conninfo, str(meeting), str(edits), str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for meeting in meetings
    ]
    outputs = [process.communicate()[0] for process in processes]
    elapsed = time.perf_counter() - started
    if any(process.returncode for process in processes):
        raise SystemExit("a clerk's process failed")
    lost = reordered = 0
    with ServerDatabase.open_server(conninfo) as server:
        for meeting in meetings:
            blocks = server.load_document(meeting).meeting.sections[1].items[0].blocks[before[meeting] :]
            texts = [block.text for block in blocks if isinstance(block, Paragraph)]
            wanted = [f"บันทึกลำดับที่ {number}" for number in range(edits)]
            lost += len(set(wanted) - set(texts))
            reordered += sum(1 for got, want in zip(texts, wanted, strict=False) if got != want)
    typed = [float(output.split()[0]) for output in outputs]
    sent = [float(output.split()[1]) for output in outputs]
    total = clerks * edits
    verdict = "ok" if lost == reordered == 0 else "MISSED"
    print(f"{clerks} clerks at once, {edits} edits each ({total} in all), each through its own copy:")
    print(f"  lost {lost}, out of order {reordered} (goal: none) {verdict}")
    print(
        f"  typing took {statistics.median(typed):.2f} s a clerk (median), all on the server after "
        f"{statistics.median(sent):.2f} s; {elapsed:.1f} s from the first process started to the last ended "
        f"({total / elapsed:.0f} edits a second reached the server)"
    )


# --- search -----------------------------------------------------------------------------------


def search_archive(conninfo: str, demo: MeetingDocument, meetings: int, folder: Path, repeat: int) -> None:
    documents = [small_meeting(demo, n) for n in range(meetings)]
    started = time.perf_counter()
    with ServerDatabase.open_server(conninfo) as server:
        for start in range(0, meetings, 200):
            with server.transaction():
                for document in documents[start : start + 200]:
                    server.add_document(copy.deepcopy(document))
        stored = time.perf_counter() - started
        server.refresh_search_index()
        indexed = time.perf_counter() - started - stored
        on_server = {query: _median_query(server, query, repeat) for query in QUERIES}
        hits = {query: len(server.search(query)) for query in QUERIES}
    with Database.open(folder / "archive.sqlite3", backup=False) as file:
        with file.transaction():
            for document in documents:
                file.add_document(copy.deepcopy(document))
        file.refresh_search_index()
        on_file = {query: _median_query(file, query, repeat) for query in QUERIES}
    print(
        f"Search over {meetings} meetings on the server (stored in {stored:.0f} s, indexed in {indexed:.0f} s):"
    )
    for query in QUERIES:
        verdict = "ok" if on_server[query] * 1000 < SEARCH_GOAL_MS else "MISSED"
        print(
            f"  {query}: {on_server[query] * 1000:.1f} ms, {hits[query]} places (goal < {SEARCH_GOAL_MS:g} ms) "
            f"{verdict}; reference, the same in a database file: {on_file[query] * 1000:.1f} ms"
        )


def _median_query(database: Database, query: str, repeat: int) -> float:
    database.search(query)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        database.search(query)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--meetings", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--clerks", type=int, default=10)
    parser.add_argument("--typing", type=int, default=300, help="edits timed for keystroke to stored")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--clerk", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.clerk:
        conninfo, meeting_id, edits, folder = args.clerk
        clerk(conninfo, int(meeting_id), int(edits), folder)
        return
    demo = read_meeting_file(DEMO_MEETING)
    with running_server() as server, tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.environ.setdefault("THAI_MINUTES_DATA", str(folder / "data"))
        typing_latency(server.new_database(), demo, args.typing, folder)
        ten_clerks(server.new_database(), demo, args.clerks, args.edits, folder)
        search_archive(server.new_database(), demo, args.meetings, folder, args.repeat)


if __name__ == "__main__":
    main()
