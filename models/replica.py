"""A meeting of the office's server, kept on the clerk's own disk while she edits it (issue 17):
no keystroke waits for the network, and none is lost when the network goes.

The window edits a `Replica`: an SQLite database of the program's own kind (models.storage, the
same code and checks) holding the one meeting, its office, the settings. Triggers made from
`models.schema` write every row it inserts, changes or deletes into its `outbox`, in the same
transaction as the edit, so an edit and its record are stored together or not at all. New rows
get ids from a block the server reserved for this copy (far above the ids the server gives), so
they are the rows' ids on the server too.

`ReplicaSync` sends the outbox to the server in order, from a thread of its own, a batch per
server transaction: the meeting's lease checked and renewed, each row upserted or deleted, the
last record sent noted on the server (`replica_sent`: a batch sent again after a crash is not
applied twice), the change announced to the other clerks. Only then are the records taken out
of the outbox. While the server cannot be reached the outbox grows and the thread tries again;
when the lease is found to be someone else's, nothing more is sent and the records stay (a
conflict is shown, never written over). Once what was sent has settled (the clerk paused for
INDEX_SETTLE_SECONDS, or left the meeting), the same thread writes the meeting's search rows on
the server: the office's readers may not write the index, and search what the clerks indexed.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from models.schema import TABLES, TableDefinition
from models.server import CHANNEL, ServerDatabase, ServerError, with_stall_limits
from models.storage import Database, StorageError, WriterLock

# The ids a reserved block holds; blocks start far above the ids the server's own sequences give.
ID_BLOCK_SIZE = 1 << 20
FIRST_BLOCKED_ID = 1 << 40
BATCH = 500  # outbox records sent in one server transaction
INDEX_SETTLE_SECONDS = 3.0  # quiet after the last batch sent before the meeting is indexed


SEND_FAILED = "ส่งการแก้ไขถึงเซิร์ฟเวอร์ไม่ได้ สิ่งที่พิมพ์ไว้ยังเก็บอยู่ในเครื่องนี้ครบ"


class ReplicaConflictError(StorageError):
    """The server's copy of the meeting is another clerk's now; the message is in Thai."""


def _json_value(table: TableDefinition, column: str, side: str) -> str:
    """The SQL that puts a column of NEW or OLD into JSON (bytes as hex: JSON holds no bytes)."""
    is_blob = (
        column != "id" and table.column(column).type == "blob" if column in table.column_names else False
    )
    value = f'{side}."{column}"'
    return f"CASE WHEN {value} IS NULL THEN NULL ELSE hex({value}) END" if is_blob else value


def outbox_statements() -> list[str]:
    """The outbox, and the triggers that fill it, for every table of the shared schema."""
    statements = [
        """CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            key TEXT NOT NULL,
            row TEXT,
            old TEXT,
            txn INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE TABLE IF NOT EXISTS replica_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT OR IGNORE INTO replica_state VALUES ('recording', '1')",
        # the copy's transactions, numbered as they begin: one is never split between batches
        "INSERT OR IGNORE INTO replica_state VALUES ('txn', '0')",
    ]
    txn = "(SELECT CAST(value AS INTEGER) FROM replica_state WHERE key = 'txn')"
    recording = "(SELECT value FROM replica_state WHERE key = 'recording') = '1'"
    for table in TABLES:
        new = ", ".join(f"'{name}', {_json_value(table, name, 'NEW')}" for name in table.column_names)
        old = ", ".join(f"'{name}', {_json_value(table, name, 'OLD')}" for name in table.column_names)
        for event, side in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            key = ", ".join(f'{side}."{name}"' for name in table.key)
            values = {
                "INSERT": f"'{table.name}', 'upsert', json_array({key}), json_object({new}), NULL",
                "UPDATE": f"'{table.name}', 'upsert', json_array({key}), json_object({new}), json_object({old})",
                "DELETE": f"'{table.name}', 'delete', json_array({key}), NULL, NULL",
            }[event]
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {table.name}_{event.lower()}_outbox AFTER {event} ON {table.name}"
                f" WHEN {recording} BEGIN INSERT INTO outbox (tbl, op, key, row, old, txn)"
                f" VALUES ({values}, {txn}); END"
            )
    return statements


class Replica:
    """The local copy of one meeting: `Replica.open(path, server, meeting_id)`."""

    def __init__(self, database: Database, meeting_id: int) -> None:
        self.database = database
        self.meeting_id = meeting_id
        database.allocate_id = self._next_id
        database.on_begin = self._number_transaction

    @classmethod
    def open(cls, path: Path, server: ServerDatabase, meeting_id: int) -> Replica:
        """The copy at `path`, made from the server's meeting when it holds nothing unsent (a
        copy left with unsent records is kept as it is: they are sent first)."""
        database = Database.open(path, backup=False)
        try:
            with database.transaction() as conn:
                # a copy made by an earlier version: its triggers made again, with every column now
                for (trigger,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_outbox' ESCAPE '\\'"
                ).fetchall():
                    conn.execute(f'DROP TRIGGER "{trigger}"')
                for statement in outbox_statements():
                    conn.execute(statement)
                if "txn" not in {row[1] for row in conn.execute("PRAGMA table_info(outbox)").fetchall()}:
                    # a copy kept by an earlier version: its records count as one transaction
                    conn.execute("ALTER TABLE outbox ADD COLUMN txn INTEGER NOT NULL DEFAULT 0")
            replica = cls(database, meeting_id)
            if replica.pending() == 0 or replica.state("meeting") != str(meeting_id):
                replica.load(server)
            with database.transaction() as conn:  # whose lease this copy is edited under
                replica._set_state(conn, "lease", server.token)
        except BaseException:
            database.close()
            raise
        return replica

    def state(self, key: str) -> str | None:
        row = self.database.conn.execute("SELECT value FROM replica_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_state(self, conn: Any, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO replica_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def pending(self) -> int:
        """Records not yet on the server."""
        return int(self.database.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def load(self, server: ServerDatabase) -> None:
        """Make the copy the server's meeting as it is now, with a new block of ids."""
        block = server.reserve_id_block()
        rows = server.meeting_rows(self.meeting_id)
        with self.database.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            self._set_state(conn, "recording", "0")
            conn.execute("DELETE FROM outbox")
            for table in reversed(TABLES):
                conn.execute(f"DELETE FROM {table.name}")
            for table in TABLES:
                names = table.column_names
                marks = ", ".join("?" for _ in names)
                columns = ", ".join(f'"{name}"' for name in names)
                conn.executemany(
                    f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows.get(table.name, [])
                )
            self._set_state(conn, "recording", "1")
            self._set_state(conn, "meeting", str(self.meeting_id))
            # what the server's `replica_sent` knows this copy by, and the meeting's revision the
            # copy was made from: a batch is sent only onto that revision (another clerk's edit
            # in between makes a conflict, never an overwrite)
            self._set_state(conn, "copy", uuid.uuid4().hex)
            self._set_state(
                conn, "server_revision", str(rows["meetings"][0][table_index("meetings", "revision")])
            )
            # when the meeting was made: a server database made again (restored, copied anew)
            # may give its id to another meeting, which a kept copy must never be sent onto
            self._set_state(
                conn, "server_created", str(rows["meetings"][0][table_index("meetings", "created")])
            )
            self._set_state(conn, "next_id", str(FIRST_BLOCKED_ID + block * ID_BLOCK_SIZE))
            self._set_state(conn, "last_id", str(FIRST_BLOCKED_ID + (block + 1) * ID_BLOCK_SIZE - 1))

    @staticmethod
    def _number_transaction(conn: Any) -> None:
        conn.execute("UPDATE replica_state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'txn'")

    def _next_id(self) -> int:
        """The next id of this copy's block (within the edit's own transaction)."""
        next_id, last_id = int(self.state("next_id") or 0), int(self.state("last_id") or -1)
        if next_id > last_id:
            raise StorageError("ใช้หมายเลขรายการที่จองไว้จากเซิร์ฟเวอร์หมดแล้ว กรุณาปิดแล้วเปิดการประชุมนี้ใหม่")
        self._set_state(self.database.conn, "next_id", str(next_id + 1))
        return next_id

    def close(self) -> None:
        self.database.close()


UNSENT_TITLE = "(ฉบับที่ส่งไม่ได้)"  # after the title of a meeting kept from a copy in conflict


def keep_unsent_as_new_meeting(copy_path: Path, server: ServerDatabase, meeting_id: int) -> int:
    """A copy in conflict, its meeting as the clerk left it, stored on the server as a meeting
    of its own (its title marked), the other clerk's untouched; returns the new meeting's id.
    The copy itself is left as it is (see `set_aside_copy`)."""
    with Database.open(copy_path, backup=False) as kept:
        document = kept.load_document(meeting_id)
    document.meeting.title = f"{document.meeting.title} {UNSENT_TITLE}".strip()
    return server.add_document(document)


def unsent_records(copy_path: Path) -> int:
    """How many edits a copy on this computer holds that the server has not taken (0 for a
    file that is no copy, or cannot be read)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{copy_path}?mode=ro", uri=True)) as kept:
            return int(kept.execute("SELECT count(*) FROM outbox").fetchone()[0])
    except sqlite3.Error:
        return 0


def lease_of_abandoned_copy(copy_path: Path) -> str | None:
    """The lease token a copy was last edited under, when no program has the copy open (its
    writer lock is free: the program that held it has ended, or was killed); None otherwise.
    A lease of that token on the server is this computer's own, left by a program that ended
    without letting it go: the next program may take it over at once rather than wait for it
    to expire."""
    if not copy_path.exists() or WriterLock.held_here(copy_path):
        return None
    try:
        with Database.open(copy_path, backup=False) as copy:
            row = copy.conn.execute("SELECT value FROM replica_state WHERE key = 'lease'").fetchone()
    except (StorageError, sqlite3.Error):  # open in a window of this computer, or no copy
        return None
    return None if row is None else str(row[0])


def set_aside_copy(copy_path: Path) -> Path:
    """A copy whose edits can no longer be sent, moved aside under a name with the time (never
    deleted), so that the meeting is copied afresh from the server when it is opened next.
    The copy must be closed. Returns where it now is."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = copy_path.with_name(f"{copy_path.stem}.ส่งไม่ได้-{stamp}{copy_path.suffix}")
    for suffix in ("-wal", "-shm"):  # SQLite's journal beside it travels with it
        journal = copy_path.with_name(copy_path.name + suffix)
        if journal.exists():
            journal.replace(target.with_name(target.name + suffix))
    copy_path.replace(target)
    return target


@dataclass
class SyncState:
    """What the status bar says: reached or not, records waiting, a conflict's message."""

    connected: bool = True
    pending: int = 0
    conflict: str | None = None


class ReplicaSync:
    """Sends a replica's outbox to the server in order, in a thread; `changed(SyncState)` is
    called (in that thread) whenever what the status bar shows changes."""

    def __init__(
        self,
        replica_path: Path,
        server: ServerDatabase,
        meeting_id: int,
        changed: Callable[[SyncState], None] | None = None,
        retry_seconds: float = 2.0,
        index_settle: float = INDEX_SETTLE_SECONDS,
    ) -> None:
        self.replica_path = replica_path
        self.conninfo = server.conninfo
        self.token = server.token
        self.lease_seconds = server.lease_seconds
        self.meeting_id = meeting_id
        self.changed = changed or (lambda _: None)
        self.retry_seconds = retry_seconds
        self.index_settle = index_settle
        self._index_due: float | None = None  # when what was sent is to be indexed
        self._indexer: ServerDatabase | None = None  # its own connection, made when first needed
        self.state = SyncState()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._run, name="replica-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Something was written: send it now."""
        self._wake.set()

    def flush(self, timeout: float) -> bool:
        """Wait until the outbox is empty (True) or `timeout` seconds have passed."""
        deadline = time.monotonic() + timeout
        self.poke()
        while time.monotonic() < deadline:
            if self._idle.wait(0.02) and self._outbox_empty():
                return True
            self.poke()
        return self._outbox_empty()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=timeout)

    def _outbox_empty(self) -> bool:
        with contextlib.closing(sqlite3.connect(self.replica_path, timeout=5)) as local:
            return int(local.execute("SELECT count(*) FROM outbox").fetchone()[0]) == 0

    def _tell(self, **changes: Any) -> None:
        before = (self.state.connected, self.state.pending, self.state.conflict)
        for name, value in changes.items():
            setattr(self.state, name, value)
        if (self.state.connected, self.state.pending, self.state.conflict) != before:
            self.changed(SyncState(self.state.connected, self.state.pending, self.state.conflict))

    def _state(self, local: sqlite3.Connection, key: str) -> str:
        row = local.execute("SELECT value FROM replica_state WHERE key = ?", (key,)).fetchone()
        return "" if row is None else str(row[0])

    def _run(self) -> None:
        local = sqlite3.connect(self.replica_path, timeout=5, check_same_thread=False)
        server: psycopg.Connection[Any] | None = None
        try:
            while not self._stop.is_set():
                batch = self._whole_transactions(local)
                if not batch or self.state.conflict is not None:
                    self._tell(pending=0 if not batch else self.state.pending)
                    if not batch and self.state.conflict is None:
                        self._index_when_settled()
                    self._idle.set()
                    self._wake.wait(self._wait_for_work())
                    self._wake.clear()
                    continue
                self._idle.clear()
                try:
                    if server is None or server.closed:
                        server = psycopg.connect(
                            with_stall_limits(self.conninfo), autocommit=True, connect_timeout=5
                        )
                    self._send(server, batch, local)
                except psycopg.OperationalError:
                    if server is not None:
                        server.close()
                    server = None
                    self._tell(connected=False, pending=self._count(local))
                    self._stop.wait(self.retry_seconds)
                    continue
                except ReplicaConflictError as error:
                    self._tell(conflict=str(error), pending=self._count(local))
                    continue
                except (psycopg.Error, sqlite3.Error, ValueError, KeyError) as error:  # never a silent end
                    self._tell(conflict=f"{SEND_FAILED} ({error})", pending=self._count(local))
                    continue
                with local:
                    local.execute("DELETE FROM outbox WHERE seq <= ?", (batch[-1][0],))
                self._index_due = time.monotonic() + self.index_settle
                self._tell(connected=True, pending=self._count(local))
            if self._index_due is not None and self.state.conflict is None and self.state.connected:
                self._index_due = time.monotonic()  # leaving the meeting: what was sent is indexed now
                self._index_when_settled()
        finally:
            local.close()
            if server is not None:
                server.close()
            if self._indexer is not None:
                self._indexer.close()

    def _wait_for_work(self) -> float:
        """Seconds to sleep when nothing is to be sent: until the index is due, at most 0.5."""
        if self._index_due is None:
            return 0.5
        return min(0.5, max(self._index_due - time.monotonic(), 0.01))

    def _index_when_settled(self) -> None:
        """Write the meeting's search rows on the server once the clerk's edits have settled;
        a failure (the network, the server) leaves it due for the next try, and the clerks'
        searches catch up whatever is behind."""
        if self._index_due is None or time.monotonic() < self._index_due:
            return
        try:
            if self._indexer is None:
                self._indexer = ServerDatabase.open_server(self.conninfo, connect_timeout=5)
            indexed = self._indexer.index_meeting(self.meeting_id)
        except (StorageError, psycopg.Error):
            if self._indexer is not None:
                with contextlib.suppress(StorageError, psycopg.Error):
                    self._indexer.close()
            self._indexer = None
            self._index_due = time.monotonic() + self.retry_seconds
            return
        # changed by a batch of another copy meanwhile: tried again once that has settled
        self._index_due = None if indexed else time.monotonic() + self.index_settle

    @staticmethod
    def _whole_transactions(local: sqlite3.Connection) -> list[tuple[Any, ...]]:
        """The next batch of records: at most BATCH, ending where one of the copy's transactions
        ends (the server never holds half an edit, though the network goes between batches); a
        transaction of more than BATCH records goes whole. The sender's connection sees only
        committed transactions, each whole."""
        columns = "seq, tbl, op, key, row, old"
        rows = local.execute(f"SELECT {columns}, txn FROM outbox ORDER BY seq LIMIT ?", (BATCH,)).fetchall()
        if len(rows) == BATCH:
            last = rows[-1][6]
            rows = [row for row in rows if row[6] != last] or local.execute(
                f"SELECT {columns}, txn FROM outbox WHERE txn = ? ORDER BY seq", (last,)
            ).fetchall()
        return [row[:6] for row in rows]

    @staticmethod
    def _count(local: sqlite3.Connection) -> int:
        return int(local.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def _send(
        self, server: psycopg.Connection[Any], batch: Sequence[tuple[Any, ...]], local: sqlite3.Connection
    ) -> None:
        """One server transaction: the lease, the meeting as the copy last knew it, the records
        not sent before, the mark, the news."""
        copy_id = self._state(local, "copy")
        expected = self._state(local, "server_revision")
        with server.transaction():
            mine = server.execute(
                "UPDATE leases SET renewed = now() WHERE meeting_id = %s AND token = %s RETURNING 1",
                (self.meeting_id, self.token),
            ).fetchone()
            if mine is None:
                raise ReplicaConflictError(
                    "การแก้ไขที่ยังไม่ได้ส่งถึงเซิร์ฟเวอร์ไม่ได้ส่ง เพราะมีผู้อื่นแก้ไขรายงานการประชุมนี้อยู่ "
                    "สิ่งที่พิมพ์ไว้ยังเก็บอยู่ในเครื่องนี้ครบ"
                )
            sent = server.execute(
                "SELECT last_seq, revision FROM replica_sent WHERE token = %s FOR UPDATE", (copy_id,)
            ).fetchone()
            last = int(sent[0]) if sent else 0
            # the meeting as this copy last left it (its revision noted with the last batch, in
            # the same transaction: a crash in between cannot tell it wrong), else as it was made
            expected = str(sent[1]) if sent else expected
            now = server.execute(
                "SELECT revision, created FROM meetings WHERE id = %s FOR UPDATE", (self.meeting_id,)
            ).fetchone()
            created = self._state(local, "server_created")
            if now is not None and created and str(now[1]) != created:
                raise ReplicaConflictError(
                    "การแก้ไขที่ยังไม่ได้ส่งถึงเซิร์ฟเวอร์ไม่ได้ส่ง เพราะการประชุมหมายเลขนี้บนเซิร์ฟเวอร์ไม่ใช่การประชุมเดิมแล้ว "
                    f"(ฐานข้อมูลของสำนักงานอาจถูกสร้างใหม่) สิ่งที่พิมพ์ไว้ยังเก็บอยู่ในเครื่องนี้ครบ ({self.replica_path})"
                )
            if now is None or str(now[0]) != expected:
                raise ReplicaConflictError(
                    "การแก้ไขที่ยังไม่ได้ส่งถึงเซิร์ฟเวอร์ไม่ได้ส่ง เพราะระหว่างนั้นมีผู้อื่นแก้ไขรายงานการประชุมนี้แล้ว "
                    f"สิ่งที่พิมพ์ไว้ยังเก็บอยู่ในเครื่องนี้ครบ ({self.replica_path})"
                )
            for seq, table_name, op, key, row, old in batch:
                if seq > last:
                    _apply(
                        server,
                        _TABLES[table_name],
                        op,
                        json.loads(key),
                        json.loads(row) if row else None,
                        json.loads(old) if old else None,
                    )
            after = server.execute(
                "SELECT revision FROM meetings WHERE id = %s", (self.meeting_id,)
            ).fetchone()
            server.execute(
                "INSERT INTO replica_sent (token, last_seq, revision) VALUES (%s, %s, %s)"
                " ON CONFLICT (token) DO UPDATE SET last_seq = excluded.last_seq, revision = excluded.revision",
                (copy_id, batch[-1][0], after[0] if after else -1),
            )
            server.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"changed {self.meeting_id}"))


_TABLES = {table.name: table for table in TABLES}


def table_index(table: str, column: str) -> int:
    return _TABLES[table].column_names.index(column)


def _apply(
    server: psycopg.Connection[Any],
    table: TableDefinition,
    op: str,
    key: list[Any],
    row: dict[str, Any] | None,
    old: dict[str, Any] | None = None,
) -> None:
    """One outbox record on the server: a delete; a change of the columns that changed (an
    office's phone changed by one clerk and its e-mail by another both stay); a new row."""
    match = " AND ".join(f'"{name}" = %s' for name in table.key)
    if op == "delete" or row is None:
        server.execute(f"DELETE FROM {table.name} WHERE {match}", key)
        return
    if old is not None:
        changed = [
            name for name in table.column_names if name not in table.key and row.get(name) != old.get(name)
        ]
        if not changed:
            return
        assignments = ", ".join(f'"{name}" = %s' for name in changed)
        values = [_decoded(table, name, row.get(name)) for name in changed]
        updated = server.execute(f"UPDATE {table.name} SET {assignments} WHERE {match}", [*values, *key])
        if updated.rowcount:
            return
    names = list(table.column_names)
    values = [_decoded(table, name, row.get(name)) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in names if name not in table.key)
    conflict = ", ".join(f'"{name}"' for name in table.key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    server.execute(
        f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('%s' for _ in names)})"
        f" ON CONFLICT ({conflict}) {action}",
        values,
    )


def _decoded(table: TableDefinition, name: str, value: Any) -> Any:
    if (
        name != "id"
        and name in table.column_names
        and table.column(name).type == "blob"
        and value is not None
    ):
        return bytes.fromhex(value)
    return value


__all__ = [
    "Replica",
    "ReplicaConflictError",
    "ReplicaSync",
    "ServerError",
    "SyncState",
    "keep_unsent_as_new_meeting",
    "outbox_statements",
    "set_aside_copy",
    "unsent_records",
]
