"""Issue 17: `main.py copy --from … --to …` moves an archive between a file and the office's
server, both ways: every meeting with its office, words and amendments; twice changes nothing;
a meeting edited at the target is never written over; a count at the end."""

from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from models.meeting import Amendment, MeetingDocument
from models.server import ServerDatabase
from models.storage import Database

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def copy_command(source: object, target: object) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(MAIN), "copy", "--from", str(source), "--to", str(target)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def archive(path: Path, demo: MeetingDocument) -> list[MeetingDocument]:
    """A clerk's file of three meetings, one certified with an amendment and office words."""
    documents = []
    with Database.open(path, backup=False) as database:
        for seq in (8, 9, 10):
            document = copy.deepcopy(demo)
            document.meeting.seq = seq
            document.meeting.date = dt.date(2024, seq, 29)
            meeting_id = database.add_document(document)
            if seq == 9:
                database.add_amendment(
                    meeting_id,
                    Amendment(dt.datetime(2024, 10, 5, 9, 30), "นางสาวใจ", "พิมพ์ผิด", "วาระ ๑", "ก", "ข"),
                )
            documents.append(database.load_document(meeting_id))
        office_id = database.meeting_office_id(documents[0].meeting.id or 0)
        assert office_id is not None
        database.add_office_word(office_id, "จปฐ")
    return documents


def test_an_archive_goes_to_the_server_and_back_and_twice_changes_nothing(
    tmp_path: Path, pg_database: str, demo: MeetingDocument
) -> None:
    documents = archive(tmp_path / "clerk.sqlite3", demo)
    to_server = copy_command(tmp_path / "clerk.sqlite3", pg_database)
    assert to_server.returncode == 0, to_server.stderr
    assert "คัดลอกแล้ว 3 การประชุม, มีอยู่แล้ว 0 การประชุม" in to_server.stderr
    assert "คัดลอก 3/3 การประชุม" in to_server.stderr
    assert "จัดทำดัชนีค้นหาแล้ว 3 การประชุม" in to_server.stderr  # for the readers, who may not index
    with ServerDatabase.open_server(pg_database) as server:
        assert server.search_backlog() == 0
        on_server = [server.load_document(summary.id) for summary in reversed(server.list_meetings())]
        assert on_server == documents
        office_id = server.meeting_office_id(on_server[0].meeting.id or 0)
        assert office_id is not None and server.office_words(office_id) == ["จปฐ"]
    again = copy_command(tmp_path / "clerk.sqlite3", pg_database)
    assert "คัดลอกแล้ว 0 การประชุม, มีอยู่แล้ว 3 การประชุม" in again.stderr
    back = copy_command(pg_database, tmp_path / "back.sqlite3")
    assert "คัดลอกแล้ว 3 การประชุม" in back.stderr
    with Database.open(tmp_path / "back.sqlite3", backup=False) as returned:
        assert [returned.load_document(s.id) for s in reversed(returned.list_meetings())] == documents


def test_a_meeting_edited_at_the_target_is_not_written_over(
    tmp_path: Path, pg_database: str, demo: MeetingDocument
) -> None:
    archive(tmp_path / "clerk.sqlite3", demo)
    copy_command(tmp_path / "clerk.sqlite3", pg_database)
    with ServerDatabase.open_server(pg_database) as server:
        edited = server.list_meetings()[0].id
        server.update_meeting(edited, venue="ห้องประชุมที่แก้บนเซิร์ฟเวอร์")
    result = copy_command(tmp_path / "clerk.sqlite3", pg_database)
    assert "มีอยู่แล้ว 2 การประชุม" in result.stderr and "ไม่ได้คัดลอกทับ" in result.stderr
    with ServerDatabase.open_server(pg_database) as server:
        assert server.load_document(edited).meeting.venue == "ห้องประชุมที่แก้บนเซิร์ฟเวอร์"
        assert len(server.list_meetings()) == 3


def test_copying_from_a_missing_file_is_said_in_thai(tmp_path: Path, pg_database: str) -> None:
    result = copy_command(tmp_path / "none.sqlite3", pg_database)
    assert result.returncode == 2 and "ไม่พบฐานข้อมูล" in result.stderr and "Traceback" not in result.stderr
