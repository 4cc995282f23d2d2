"""Issue 17: the meeting a clerk edits on the office's server, kept on her computer and sent in
order (models/replica.py): what a review of its data safety found, each now a test."""

from __future__ import annotations

import copy
import sqlite3
import time
from pathlib import Path

import pytest

from models.editing import MeetingEditor
from models.meeting import MeetingDocument
from models.replica import Replica, ReplicaSync, lease_of_abandoned_copy
from models.server import ServerDatabase

SENT_WITHIN = 10.0


def editing(
    server: ServerDatabase, meeting_id: int, folder: Path
) -> tuple[Replica, ReplicaSync, MeetingEditor]:
    """As the window opens a meeting it holds: the lease, the copy, the sending thread."""
    assert server.take_lease(meeting_id) is None
    path = folder / f"meeting-{meeting_id}.sqlite3"
    replica = Replica.open(path, server, meeting_id)
    sync = ReplicaSync(path, server, meeting_id)
    sync.start()
    return replica, sync, MeetingEditor(replica.database, meeting_id)


def stop(replica: Replica, sync: ReplicaSync) -> None:
    sync.stop()
    replica.close()


def kept_copy_is_not_sent(
    server: ServerDatabase, meeting_id: int, folder: Path, said: str, title_on_server: str
) -> None:
    """The meeting opened again with its kept copy's edits unsent: they go first, and cannot go:
    the conflict says why, the server's title stays, the edits stay in the copy."""
    replica, sync, _ = editing(server, meeting_id, folder)
    assert replica.pending() > 0
    assert not sync.flush(2.0)
    assert sync.state.conflict is not None and said in sync.state.conflict
    assert server.load_document(meeting_id).meeting.title == title_on_server
    assert replica.pending() > 0
    stop(replica, sync)


def test_a_second_meeting_opened_in_the_same_window_sends_its_first_edits(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """Each copy numbers its outbox from 1: the server knows what it applied by the copy, not
    by the window, so meeting B's first edits are not taken for A's, already sent."""
    with ServerDatabase.open_server(pg_database) as server:
        first, second = (server.add_document(copy.deepcopy(demo)) for _ in range(2))
        for meeting_id, title in ((first, "การประชุม ก"), (second, "การประชุม ข")):
            replica, sync, editor = editing(server, meeting_id, tmp_path)
            editor.set_meeting_field("title", title)
            assert sync.flush(SENT_WITHIN)
            stop(replica, sync)
            server.release_lease(meeting_id)
        assert [server.load_document(m).meeting.title for m in (first, second)] == [
            "การประชุม ก",
            "การประชุม ข",
        ]


def test_a_kept_copy_never_writes_over_what_another_clerk_did_meanwhile(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """A copy with edits not yet sent, while another clerk took the meeting and changed it:
    nothing is sent, the conflict is said, the other clerk's title stays, the edits stay in the
    copy."""
    with ServerDatabase.open_server(pg_database, clerk="ก") as first:
        meeting_id = first.add_document(copy.deepcopy(demo))
        replica, sync, editor = editing(first, meeting_id, tmp_path)
        sync.stop()  # the network gone: the edit stays in the copy
        editor.set_meeting_field("title", "ของเสมียน ก")
        replica.close()
        first.release_lease(meeting_id)
        with ServerDatabase.open_server(pg_database, clerk="ข") as second:
            assert second.take_lease(meeting_id) is None
            second.update_meeting(meeting_id, title="ของเสมียน ข")
            second.release_lease(meeting_id)
        kept_copy_is_not_sent(first, meeting_id, tmp_path, "ผู้อื่นแก้ไข", "ของเสมียน ข")


def test_only_what_a_clerk_changed_in_a_shared_row_is_sent(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """The office is shared by meetings: one clerk's new phone and another's new e-mail both
    stay; an office without a Garuda keeps none (not an empty picture)."""
    with ServerDatabase.open_server(pg_database) as server:
        meetings = [server.add_document(copy.deepcopy(demo)) for _ in range(2)]
        office_id = server.meeting_office_id(meetings[0])
        assert office_id is not None and office_id == server.meeting_office_id(meetings[1])
        server.update_office(office_id, garuda=None)
        copies = [editing(server, meeting_id, tmp_path) for meeting_id in meetings]
        copies[0][0].database.update_office(office_id, phone="๐ ๕๔๔๑ ๑๑๑๑")
        copies[1][0].database.update_office(office_id, email="office@example.go.th")
        for replica, sync, _ in copies:
            assert sync.flush(SENT_WITHIN)
            stop(replica, sync)
        office = server.load_office(office_id)
        assert (office.phone, office.email, office.garuda) == ("๐ ๕๔๔๑ ๑๑๑๑", "office@example.go.th", None)


def test_an_edit_larger_than_a_batch_reaches_the_server_whole_or_not_at_all(
    pg_database: str, demo: MeetingDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches of 5 records here (500 in the program): an edit of many rows (a pasted roster) is
    never cut between two server transactions, so another clerk never sees half of it; the
    edits before it go in batches that end where an edit ends."""
    monkeypatch.setattr("models.replica.BATCH", 5)
    with ServerDatabase.open_server(pg_database) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
        replica, sync, editor = editing(server, meeting_id, tmp_path)
        sync.stop()  # records wait in the copy
        editor.set_meeting_field("venue", "ห้องประชุม ๑")
        editor.set_meeting_field("venue", "ห้องประชุม ๒")
        small = replica.pending()
        with replica.database.transaction():  # one edit of twelve rows
            for number in range(12):
                replica.database.update_meeting(meeting_id, venue=f"ห้องประชุม {number}")
        big = replica.pending() - small
        assert small < 5 < big
        local = sqlite3.connect(replica.database.path)
        batches = []
        while batch := ReplicaSync._whole_transactions(local):
            batches.append(len(batch))
            with local:
                local.execute("DELETE FROM outbox WHERE seq <= ?", (batch[-1][0],))
        local.close()
        assert batches == [small, big]  # the two small edits, then the big one whole
        stop(replica, sync)


def test_a_kept_copy_is_never_sent_onto_another_meeting_that_took_its_number(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """The office's database made again (restored from a dump, copied anew): the number the copy
    knows may now be another meeting's, at the same revision. Nothing is sent; it is said."""
    with ServerDatabase.open_server(pg_database) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
        replica, sync, editor = editing(server, meeting_id, tmp_path)
        sync.stop()
        editor.set_meeting_field("title", "ของเสมียนที่ยังไม่ได้ส่ง")
        replica.close()
        server.release_lease(meeting_id)
        with server.transaction() as conn:  # another meeting now, made at another time
            conn.execute(
                "UPDATE meetings SET created = ?, title = ? WHERE id = ?",
                ("2020-01-01T08:00:00", "อีกการประชุม", meeting_id),
            )
        kept_copy_is_not_sent(server, meeting_id, tmp_path, "ไม่ใช่การประชุมเดิม", "อีกการประชุม")


def test_an_office_given_in_a_copy_is_the_servers_own_when_it_has_it(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """A meeting without an office, given one in its copy that the server already has (the same
    details): the server keeps one office, and the meeting points to it."""
    with ServerDatabase.open_server(pg_database) as server:
        first = server.add_document(copy.deepcopy(demo))
        bare = copy.deepcopy(demo)
        office = bare.office
        bare.office = None
        second = server.add_document(bare)
        replica, sync, editor = editing(server, second, tmp_path)
        assert office is not None
        office.id = None
        editor.set_office(copy.deepcopy(office))
        assert sync.flush(SENT_WITHIN)
        stop(replica, sync)
        assert server.conn.execute("SELECT count(*) FROM offices").fetchone()[0] == 1
        assert server.meeting_office_id(second) == server.meeting_office_id(first)


def test_what_a_clerk_typed_is_indexed_on_the_server_once_she_pauses_and_when_she_leaves(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """The office's readers may not write the search index: the clerk's program writes the
    meeting's search rows a little after her last edit is sent, and when she leaves the meeting,
    so that the director's search finds what she typed though nobody searched meanwhile."""
    with ServerDatabase.open_server(pg_database) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
        assert server.index_meeting(meeting_id) and server.search_backlog() == 0
        replica, sync, editor = editing(server, meeting_id, tmp_path)
        sync.index_settle = 0.3
        editor.set_meeting_field("venue", "ห้องประชุมเวียงพิงค์")
        assert sync.flush(SENT_WITHIN)
        deadline = time.monotonic() + SENT_WITHIN
        while server.search_backlog() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.search_backlog() == 0, "not indexed after the clerk paused"

        sync.index_settle = 60.0  # she leaves before a pause would index it
        editor.set_meeting_field("venue", "ห้องประชุมดอยสุเทพ")
        assert sync.flush(SENT_WITHIN)
        assert server.search_backlog() == 1
        stop(replica, sync)
        assert server.search_backlog() == 0, "not indexed when she left the meeting"
        places = {hit.place for hit in server.search("ดอยสุเทพ", wait=0.0)}
        assert places and server.search("เวียงพิงค์", wait=0.0) == []


def test_a_clerk_whose_program_was_killed_takes_her_meeting_back_at_once(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """Her program killed while editing, its lease left on the server: started again on the
    same computer, she edits at once (her unsent edits sent), not read-only under her own name
    for a minute. A copy still open in a live window is no one's to take over, and another
    computer's program cannot take the lease."""
    with ServerDatabase.open_server(pg_database) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
    killed = ServerDatabase.open_server(pg_database, clerk="สมศรี (pc-1)")
    replica, sync, editor = editing(killed, meeting_id, tmp_path)
    sync.stop()  # the network went: nothing more is sent
    editor.set_meeting_field("venue", "พิมพ์ก่อนโปรแกรมถูกปิด")
    path = tmp_path / f"meeting-{meeting_id}.sqlite3"
    with ServerDatabase.open_server(pg_database, clerk="สมศรี (pc-1)") as again:
        assert lease_of_abandoned_copy(path) is None  # the killed window still has it open
        assert again.take_lease(meeting_id, abandoned=lease_of_abandoned_copy(path)) is not None
        replica.close()  # the process ends: its lock on the copy goes with it, the lease stays
        with ServerDatabase.open_server(pg_database, clerk="สมชาย (pc-2)") as elsewhere:
            assert elsewhere.take_lease(meeting_id) is not None  # her lease, to another computer
        assert again.take_lease(meeting_id) is not None  # a new program: another token
        assert again.take_lease(meeting_id, abandoned=lease_of_abandoned_copy(path)) is None
        replica = Replica.open(path, again, meeting_id)
        sync = ReplicaSync(path, again, meeting_id)
        sync.start()
        assert sync.flush(SENT_WITHIN)
        stop(replica, sync)
        assert again.load_document(meeting_id).meeting.venue == "พิมพ์ก่อนโปรแกรมถูกปิด"
    killed.close()  # (its lease is no longer its own: nothing to let go)


def test_a_copy_kept_by_an_earlier_version_sends_the_columns_added_since(
    pg_database: str, demo: MeetingDocument, tmp_path: Path
) -> None:
    """A clerk's copy whose triggers an earlier version made (before items could be marked
    confidential): opened by this version, its triggers are made again, so marking an item
    confidential in it reaches the server."""
    from models.replica import outbox_statements  # noqa: PLC0415

    with ServerDatabase.open_server(pg_database) as server:
        meeting_id = server.add_document(copy.deepcopy(demo))
        replica, sync, editor = editing(server, meeting_id, tmp_path)
        stop(replica, sync)
        path = tmp_path / f"meeting-{meeting_id}.sqlite3"
        with sqlite3.connect(path) as old:  # the earlier version's trigger: no confidential column
            old.execute("DROP TRIGGER nodes_update_outbox")
            (statement,) = [s for s in outbox_statements() if "nodes_update_outbox" in s]
            old.execute(
                statement.replace(", 'confidential', NEW.\"confidential\"", "").replace(
                    ", 'confidential', OLD.\"confidential\"", ""
                )
            )
            assert (
                "confidential"
                not in old.execute(
                    "SELECT sql FROM sqlite_master WHERE name = 'nodes_update_outbox'"
                ).fetchone()[0]
            )
        replica = Replica.open(path, server, meeting_id)
        sync = ReplicaSync(path, server, meeting_id)
        sync.start()
        editor = MeetingEditor(replica.database, meeting_id)
        editor.set_node_field(editor.document.meeting.sections[4].items[1], "confidential", True)
        assert sync.flush(SENT_WITHIN)
        stop(replica, sync)
        assert server.load_document(meeting_id).meeting.sections[4].items[1].confidential
