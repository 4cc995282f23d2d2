"""Search across meetings: whole Thai words inside longer runs, either digit script, fresh after
edits; the index made as meetings are imported, caught up after a kill or a failure midway, and
made again for a database from before."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import models.search as search_module
from models import thai
from models.meeting import MeetingDocument, Paragraph, walk_items
from models.meetingfile import write_meeting_file
from models.server import ServerDatabase
from models.storage import SCHEMA_VERSION, Database
from tests.old_schema import database_at_version

BOTH_BACKENDS = True  # issue 17: on an SQLite file and on a PostgreSQL server


def test_a_word_inside_a_longer_run_of_thai_is_found(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    hits = database.search("ครัวเรือน")  # inside จังหวัดพะเยามีครัวเรือนเป้าหมาย...
    places = {hit.place for hit in hits}
    assert "วาระ ๓.๑" in places and "วาระ (๑)" in places
    hit = next(h for h in hits if h.place == "วาระ ๓.๑")
    assert "ครัวเรือน" in hit.snippet and len(hit.snippet) < 200
    assert (hit.seq, hit.year) == (10, 2567)


def test_figures_in_tables_and_either_digit_script(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    assert [h.place for h in database.search("38,400")] == [h.place for h in database.search("๓๘,๔๐๐")]
    assert "วาระ ๔.๑" in {h.place for h in database.search("38,400")}
    assert database.search("ไม่มีคำนี้แน่นอน") == []
    assert database.search('"') == []


def test_edits_are_found_at_once_and_deleted_meetings_are_gone(
    database: Database, demo: MeetingDocument
) -> None:
    meeting_id = database.add_document(copy.deepcopy(demo))
    assert database.search("สหกรณ์") == []
    node = database.load_document(meeting_id).meeting.sections[5].items[0]
    assert node.id is not None
    database.insert_block(node.id, 0, Paragraph("ตั้งสหกรณ์ออมทรัพย์ของหมู่บ้าน"))
    assert [h.place for h in database.search("สหกรณ์")] == ["วาระ ๕.๑"]
    other = copy.deepcopy(demo)
    other.meeting.seq, other.meeting.date = 11, dt.date(2024, 11, 28)
    database.add_document(other)
    assert [h.seq for h in database.search("กชช")][:2] == [11, 10]  # newest first
    database.delete_meeting(meeting_id)
    assert {h.meeting_id for h in database.search("กชช")} != {meeting_id}
    assert all(h.meeting_id != meeting_id for h in database.search("สหกรณ์"))


def test_a_word_inside_a_dictionary_compound_is_found(database: Database, demo: MeetingDocument) -> None:
    database.add_document(copy.deepcopy(demo))
    # the dictionary reads เป็นผู้ใหญ่ as one word; the trigram index still finds ผู้ใหญ่ in it
    assert "วาระ ๑.๑" in {hit.place for hit in database.search("ผู้ใหญ่")}


# --- the index kept current: on import, in the background, after a kill ---------------------


def distinct_meetings(demo: MeetingDocument, count: int) -> list[MeetingDocument]:
    """Meetings of their own: meeting i has the word `คณะทำงานชุดที่ i` in its first item."""
    meetings = []
    for index in range(count):
        document = copy.deepcopy(demo)
        document.meeting.seq = index + 1
        item = document.meeting.sections[1].items[0]
        item.blocks.insert(0, Paragraph(f"แต่งตั้งคณะทำงานชุดที่ {thai.to_thai_digits(str(index + 1))} ขึ้นใหม่"))
        meetings.append(document)
    return meetings


def fts_healthy(database: Database) -> bool:
    conn = database.conn
    for table in ("search", "search_grams"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def test_a_meeting_imported_by_the_command_is_indexed_before_it_ends(
    db_path: Path, tmp_path: Path, demo: MeetingDocument, capsys: pytest.CaptureFixture[str]
) -> None:
    import main  # noqa: PLC0415

    (document,) = distinct_meetings(demo, 1)
    file = tmp_path / "one.minutes.json"
    write_meeting_file(document, file)
    assert main.main(["import", str(file), "--db", str(db_path)]) == 0
    meeting_id = int(capsys.readouterr().out)
    with Database.open(db_path, backup=False) as database:
        assert database.search_backlog() == 0
        hits = database.search("คณะทำงาน", wait=0)  # no time given to index anything now
        assert [(h.meeting_id, h.place) for h in hits] == [(meeting_id, "วาระ ๑.๑")]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_an_index_cut_short_by_a_kill_is_caught_up(db_path: Path, demo: MeetingDocument) -> None:
    """The indexer killed (SIGKILL) in the middle of a meeting, between two of its transactions:
    the database opens, says the meeting is behind, and the next search finds what it holds now,
    and nothing it held before."""
    with Database.open(db_path, backup=False) as database:
        meeting_ids = [database.add_document(d) for d in distinct_meetings(demo, 3)]
        database.refresh_search_index()
        for section in database.load_document(meeting_ids[1]).meeting.sections:
            for block_id in [
                b.id for _, i in walk_items(section.items) for b in i.blocks if isinstance(b, Paragraph)
            ]:
                database.update_block(block_id or 0, text="ปรับปรุงถ้อยคำตามมติที่ประชุม")
        assert database.search_backlog() == 1
    child = subprocess.run(
        [sys.executable, "-c", KILLED_INDEXER, str(db_path)], capture_output=True, text=True, check=False
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Database.open(db_path, backup=False) as database:
        assert fts_healthy(database)
        assert database.search_backlog() == 1
        half = {h.place for h in database.search("ปรับปรุงถ้อยคำ", wait=0)}  # the rows written before the kill
        assert half
        hits = database.search("ปรับปรุงถ้อยคำ")  # catches up first
        assert database.search_backlog() == 0 and fts_healthy(database)
        assert {h.meeting_id for h in hits} == {meeting_ids[1]}
        assert len(hits) == len({h.place for h in hits}) > len(half)  # every place once
        assert all(h.meeting_id != meeting_ids[1] for h in database.search("ครัวเรือน"))


KILLED_INDEXER = """
import os, signal, sys
from pathlib import Path
import models.storage as storage
from models.storage import Database

storage.INDEX_BATCH_CHARACTERS = 1  # a transaction a row
committed = 0
real = Database.transaction

def counting(self):
    class Counting:
        def __enter__(self_):
            self_.inner = real(self)
            return self_.inner.__enter__()
        def __exit__(self_, *exc):
            global committed
            result = self_.inner.__exit__(*exc)
            committed += 1
            if committed == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
    return Counting()

Database.transaction = counting
with Database.open(Path(sys.argv[1]), backup=False) as database:
    database.refresh_search_index()
"""


def test_a_failure_midway_through_indexing_leaves_the_index_to_catch_up(
    database: Database, demo: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = (database.add_document(d) for d in distinct_meetings(demo, 2))
    real = search_module._line_words
    cut = 0

    def failing(line: str) -> str:
        nonlocal cut
        cut += 1
        if cut == 40:
            raise sqlite3.OperationalError("disk I/O error")
        return real(line)

    real.cache_clear()
    monkeypatch.setattr(search_module, "_line_words", failing)
    with pytest.raises(sqlite3.OperationalError):
        database.refresh_search_index()
    assert database.search_backlog() >= 1
    monkeypatch.setattr(search_module, "_line_words", real)
    assert {h.meeting_id for h in database.search("คณะทำงาน")} == {first, second}
    assert database.search_backlog() == 0 and (isinstance(database, ServerDatabase) or fts_healthy(database))


def test_a_database_from_before_background_indexing_is_indexed_again(
    db_path: Path, demo: MeetingDocument
) -> None:
    """Version 9's index (rows numbered in the order they were written, a time as the indexed
    mark) is replaced: what it held that the meeting no longer holds is not found."""
    old, conn = database_at_version(db_path, 9)
    meeting_id = old.add_document(copy.deepcopy(demo))
    with old.transaction():
        conn.execute(
            "INSERT INTO search (words, meeting_id, node_id, place, original) VALUES (?, ?, NULL, ?, ?)",
            ("คำ ที่ ลบ ไป แล้ว", meeting_id, "ข้อมูลการประชุม", "คำที่ลบไปแล้ว"),
        )
        conn.execute("INSERT INTO search_grams (rowid, text) VALUES (last_insert_rowid(), 'คำที่ลบไปแล้ว')")
        conn.execute("INSERT INTO search_state VALUES (?, '9999-12-31')", (meeting_id,))
    conn.close()
    with Database.open(db_path, backup=False) as database:
        assert database.schema_version == SCHEMA_VERSION
        assert database.search_backlog() == 1
        assert database.search("คำที่ลบไปแล้ว") == []
        assert "วาระ ๓.๑" in {h.place for h in database.search("ครัวเรือน")}


@pytest.mark.sqlite_only  # SQLite's WAL and its second connection; the server has neither
def test_an_edit_is_stored_though_the_indexer_writes_while_it_reads(
    database: Database, demo: MeetingDocument, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In WAL mode a transaction that has read and then writes is refused at once if another
    connection wrote in between: an edit's transaction holds the write lock from its start, so
    the indexer's connection waits instead, and the clerk's edit is stored."""
    meeting_id = database.add_document(copy.deepcopy(demo))
    node = database.load_document(meeting_id).meeting.sections[5].items[0]
    indexer = sqlite3.connect(db_path, timeout=0)
    read = database._meeting_of

    def read_then_the_indexer_writes(table: str, row_id: int) -> int:
        found = read(table, row_id)
        with contextlib.suppress(sqlite3.OperationalError), indexer:  # locked: it tries again later
            indexer.execute("INSERT OR REPLACE INTO search_state VALUES (?, -1)", (meeting_id,))
        return found

    monkeypatch.setattr(database, "_meeting_of", read_then_the_indexer_writes)
    database.insert_block(node.id or 0, 0, Paragraph("ตั้งสหกรณ์ออมทรัพย์"))
    indexer.close()
    monkeypatch.undo()
    assert [h.place for h in database.search("สหกรณ์")] == ["วาระ ๕.๑"]


@pytest.mark.parametrize("slices", [(), (1, 2, 3)])
def test_a_search_finds_the_newest_places_first_however_the_archive_is_sliced(
    database: Database, demo: MeetingDocument, slices: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server searches a slice of dates at a time (a few rows a slice here, thousands in an
    office): the places found, and their order, are those of one search over everything, and
    those a file finds."""
    monkeypatch.setattr("models.server.SEARCH_SLICES", slices)
    for day in (5, 1, 9, 3):
        meeting = copy.deepcopy(demo)
        meeting.meeting.date = dt.date(2024, 3, day)
        meeting.meeting.seq = day
        database.add_document(meeting)
    every = database.search("ครัวเรือน", limit=1000)
    assert [hit.seq for hit in every] == sorted((hit.seq for hit in every), reverse=True)
    assert {hit.seq for hit in every} == {9, 5, 3, 1}
    per_meeting = len(every) // 4
    newest = database.search("ครัวเรือน", limit=per_meeting + 2)
    assert [(h.seq, h.place) for h in newest] == [(h.seq, h.place) for h in every[: per_meeting + 2]]
