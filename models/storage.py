"""Storage of meetings in one SQLite database.

WAL journal, foreign keys, `PRAGMA user_version` migrations (a database newer than the program is
refused), a damaged file is detected before anything is written to it. Every edit is one small
transaction on the rows it touches: typing in one paragraph rewrites that paragraph's row, never
the meeting.

One writer per database: opening for writing takes an OS lock on `<database>.lock` (`WriterLock`),
held until the database is closed; a second writer is refused (`DatabaseInUseError`) and may open
the database read-only instead (`Database.open(path, read_only=True)`: SQLite's `mode=ro` and
`query_only`, never creating a file or folder). The window asks for a backup when it opens the
database (`backup=True`): a copy made with SQLite's backup API beside it in `backups/`, verified
(a full `integrity_check` and every row's text read) before it joins the rotation of the newest
few; a database that fails the check is reported and not copied.

SQLite's errors are told apart by their codes (`storage_error`): damaged, locked, full disk,
unwritable place (read-only file, folder or medium), each with its own Thai message.

Ordered things (attendees, sections and items, blocks, table rows, recipients) carry an `ord`
column, contiguous from 0 among siblings; inserting, deleting and moving shift the siblings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import sqlite3
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar, Self

from models.fileio import os_reason
from models.meeting import (
    Amendment,
    Attachment,
    Attendee,
    AttendeeStatus,
    Block,
    BulletList,
    Column,
    ColumnKind,
    Item,
    Letter,
    Meeting,
    MeetingDocument,
    Node,
    Office,
    Paragraph,
    Person,
    Recipient,
    RecipientStatus,
    Section,
    Table,
    Vote,
)
from models.schema import TABLES, create_statements
from models.search import (
    ROWID_BITS,
    IndexRow,
    gram_query,
    index_rows,
    match_query,
    row_id,
    row_range,
    snippet,
)
from models.sql import Connection, Row

if TYPE_CHECKING:
    from models.indexing import SearchIndexer

APPLICATION_ID = 0x54484D4E  # "THMN": tells our databases from other SQLite files
SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BACKUPS_KEPT = 5
SEARCH_WAIT = 1.0  # seconds a search may spend catching the index up (the goal for a first search)
INDEX_BATCH_CHARACTERS = 2000  # text indexed in one transaction: the write lock held a few ms
MERGE_PAGES = 32  # index pages merged in one transaction: a few ms
WAL_PAGES_WITH_INDEXER = 10_000  # the clerk's connection checkpoints only past 40 MB of WAL


class StorageError(Exception):
    """A database problem explained in Thai for the clerk."""


class DatabaseDamagedError(StorageError):
    pass


class DatabaseTooNewError(StorageError):
    pass


class NotOurDatabaseError(StorageError):
    pass


class DatabaseInUseError(StorageError):
    """Another window or command of this program has the database open for writing."""


class DatabaseLockedError(StorageError):
    """Another program holds SQLite's write lock."""


class DatabaseUnwritableError(StorageError):
    """The file, its folder or the medium cannot be written: the database is not damaged."""


class DiskFullError(StorageError):
    pass


class DatabaseMissingError(StorageError):
    """A command that only reads was given a database that does not exist."""


class MeetingLeasedError(StorageError):
    """Another clerk is editing the meeting on the office's server: the edit is refused."""


class LeaseLostError(StorageError):
    """Another clerk took the meeting while this one's lease had lapsed: the edit is refused."""


class DatabaseReadOnlyError(StorageError):
    """A write asked of a database opened read-only; the message says why it is read-only."""


# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 3, 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
USE_A_BACKUP = "กรุณาใช้ไฟล์สำรองในโฟลเดอร์ backups"


def sqlite_code(error: BaseException) -> int:
    """SQLite's primary result code of an error (-1 when it has none, as for a text that cannot
    be decoded)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) and code >= 0 else -1


def _cause(error: BaseException) -> str:
    """What went wrong, in a word: damaged, locked, full, unwritable, unreadable or other."""
    if isinstance(error, StorageError):
        kinds: tuple[tuple[type[StorageError], str], ...] = (
            (DatabaseDamagedError, "damaged"),
            (DatabaseLockedError, "locked"),
            (DatabaseInUseError, "locked"),
            (DiskFullError, "full"),
            (DatabaseUnwritableError, "unwritable"),
            (DatabaseReadOnlyError, "unwritable"),
        )
        return next((cause for kind, cause in kinds if isinstance(error, kind)), "other")
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "full"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "unwritable"
        return "other"
    code, text = sqlite_code(error), str(error).lower()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "could not decode" in text or "malformed" in text:
        return "damaged"
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or (code < 0 and "locked" in text):
        return "locked"
    if code == SQLITE_FULL or (code < 0 and "full" in text):
        return "full"
    if code in (SQLITE_READONLY, SQLITE_PERM) or (code < 0 and "readonly" in text):
        return "unwritable"
    if code == SQLITE_CANTOPEN or (code < 0 and "unable to open" in text):
        return "unreadable"
    return "other"


def failure_reason(error: BaseException) -> str:
    """Why a write did not reach the database, in Thai, for a message that says what was kept."""
    if isinstance(error, DatabaseInUseError | DatabaseReadOnlyError):
        return str(error)
    reasons = {
        "damaged": f"ฐานข้อมูลเสียหาย {USE_A_BACKUP}",
        "locked": "ฐานข้อมูลถูกโปรแกรมอื่นใช้งานอยู่ (ล็อก)",
        "full": "พื้นที่ดิสก์เต็ม",
        "unwritable": "ไฟล์ฐานข้อมูลเป็นแบบอ่านอย่างเดียวหรือไม่มีสิทธิ์เขียน",
        "unreadable": "เปิดไฟล์ประกอบของฐานข้อมูล (-wal, -shm) ไม่ได้ หรือไม่มีสิทธิ์เขียนในโฟลเดอร์",
    }
    return reasons.get(_cause(error), f"ฐานข้อมูลไม่ยอมรับการบันทึก ({_short(error)})")


def _short(error: BaseException) -> str:
    """An error's text for a message: its first line, not too long."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    match = re.search(r"Could not decode to UTF-8 column '([^']*)'", text)
    if match:
        return f"ข้อความในคอลัมน์ {match.group(1)} ไม่ใช่ UTF-8"
    return text[:200]


def storage_error(error: BaseException, path: Path) -> StorageError:
    """A SQLite or file-system error about the database at `path` as the StorageError that names
    its real cause in Thai: a database on a read-only medium is unwritable, not damaged."""
    if isinstance(error, StorageError):
        return error
    cause = _cause(error)
    if cause == "damaged":
        return DatabaseDamagedError(
            f"ฐานข้อมูล {path} เสียหาย ({_short(error)}) จึงไม่เปิดและไม่แก้ไขไฟล์นี้ {USE_A_BACKUP}"
        )
    if cause == "locked":
        return DatabaseLockedError(
            f"ฐานข้อมูล {path} ถูกโปรแกรมอื่นใช้งานอยู่ (ล็อก) กรุณาปิดโปรแกรมนั้นหรือรอสักครู่แล้วลองใหม่ "
            "ไม่มีการเปลี่ยนแปลงใดถูกบันทึกไว้ครึ่งทาง"
        )
    if cause == "full":
        return DiskFullError(
            f"พื้นที่ดิสก์ที่เก็บฐานข้อมูล {path} เต็ม จึงบันทึกไม่ได้ กรุณาลบไฟล์ที่ไม่ใช้ให้มีพื้นที่ว่างแล้วลองใหม่ "
            "ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ"
        )
    if cause == "unwritable":
        return DatabaseUnwritableError(
            f"เขียนที่ {path} ไม่ได้: ไฟล์ โฟลเดอร์ หรือสื่อที่เก็บเป็นแบบอ่านอย่างเดียว หรือไม่มีสิทธิ์เขียน "
            "(ฐานข้อมูลไม่ได้เสียหาย) กรุณาคัดลอกไปไว้ในโฟลเดอร์ที่เขียนได้ หรือระบุที่อื่นด้วย --db"
        )
    if cause == "unreadable":
        return DatabaseUnwritableError(
            f"เปิดฐานข้อมูล {path} ไม่ได้: ไม่มีสิทธิ์อ่านไฟล์ หรือเขียนไฟล์ประกอบ (-wal, -shm) ในโฟลเดอร์นั้นไม่ได้ "
            "(ฐานข้อมูลไม่ได้เสียหาย) กรุณาคัดลอกไปไว้ในโฟลเดอร์ที่เขียนได้"
        )
    detail = os_reason(error) if isinstance(error, OSError) else _short(error)
    return StorageError(f"ใช้ฐานข้อมูล {path} ไม่สำเร็จ ({detail})")


# --- schema ---------------------------------------------------------------------------------

_SCHEMA_V1 = (
    """CREATE TABLE offices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '[]',
        doc_prefix TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        fax TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        slogan TEXT NOT NULL DEFAULT '[]'
    )""",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        office_id INTEGER REFERENCES offices(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        period TEXT NOT NULL DEFAULT '',
        seq INTEGER NOT NULL,
        year INTEGER NOT NULL,
        date TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        venue TEXT NOT NULL DEFAULT '',
        recorder_name TEXT,
        recorder_position TEXT NOT NULL DEFAULT '',
        checker_name TEXT,
        checker_position TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    )""",
    """CREATE TABLE attendees (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        first TEXT NOT NULL,
        last TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'guest')),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX attendees_by_meeting ON attendees(meeting_id, ord)",
    """CREATE TABLE nodes (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('section', 'item')),
        is_agenda INTEGER NOT NULL DEFAULT 1,
        title TEXT NOT NULL,
        presenter TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX nodes_by_meeting ON nodes(meeting_id, parent_id, ord)",
    "CREATE INDEX nodes_by_parent ON nodes(parent_id, ord)",
    """CREATE TABLE blocks (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('paragraph', 'list', 'table', 'attachment')),
        text TEXT NOT NULL DEFAULT '',
        indent INTEGER NOT NULL DEFAULT 1,
        ordered INTEGER NOT NULL DEFAULT 0,
        items TEXT NOT NULL DEFAULT '[]',
        title TEXT NOT NULL DEFAULT '',
        columns TEXT NOT NULL DEFAULT '[]',
        total_label TEXT,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX blocks_by_meeting ON blocks(meeting_id)",
    "CREATE INDEX blocks_by_node ON blocks(node_id, ord)",
    """CREATE TABLE table_rows (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        cells TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX table_rows_by_meeting ON table_rows(meeting_id)",
    "CREATE INDEX table_rows_by_block ON table_rows(block_id, ord)",
    """CREATE TABLE letters (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        number TEXT NOT NULL DEFAULT '',
        date TEXT,
        subject TEXT NOT NULL DEFAULT '',
        "to" TEXT NOT NULL DEFAULT '',
        "references" TEXT NOT NULL DEFAULT '[]',
        enclosures TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL DEFAULT '[]',
        closing TEXT NOT NULL DEFAULT '',
        signer_name TEXT,
        signer_position TEXT NOT NULL DEFAULT '',
        certify_by TEXT
    )""",
    """CREATE TABLE recipients (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'certified', 'corrections')),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX recipients_by_meeting ON recipients(meeting_id, ord)",
)


def _migrate_to_1(db: Connection) -> None:
    for statement in _SCHEMA_V1:
        db.execute(statement)


def _migrate_to_2(db: Connection) -> None:
    """The office's Garuda emblem (an image file's bytes), printed on the cover letter."""
    db.execute("ALTER TABLE offices ADD COLUMN garuda BLOB")


def _migrate_to_3(db: Connection) -> None:
    """Words an office accepts although the dictionary does not know them (names, terms)."""
    db.execute(
        "CREATE TABLE office_words ("
        " office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,"
        " word TEXT NOT NULL,"
        " PRIMARY KEY (office_id, word))"
    )


def _migrate_to_4(db: Connection) -> None:
    """Items the clerk marks to follow up at the next meeting."""
    db.execute("ALTER TABLE nodes ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0")


def _migrate_to_5(db: Connection) -> None:
    """Full-text search over text cut into Thai words (spaces between words, for FTS5)."""
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        " words, meeting_id UNINDEXED, node_id UNINDEXED, place UNINDEXED, original UNINDEXED)"
    )
    db.execute("CREATE TABLE search_state (meeting_id INTEGER PRIMARY KEY, indexed TEXT NOT NULL)")
    # Any run of three or more characters too: dictionary compounds (เป็นผู้ใหญ่) hide the words
    # inside them (ผู้ใหญ่) from a word index. Same rowids as `search`.
    db.execute("CREATE VIRTUAL TABLE search_grams USING fts5(text, tokenize='trigram')")


def _migrate_to_6(db: Connection) -> None:
    """Certification: when the minutes were certified, when each answer came, and amendments."""
    db.execute("ALTER TABLE meetings ADD COLUMN certified TEXT")
    db.execute("ALTER TABLE recipients ADD COLUMN answered TEXT")
    db.execute(
        "CREATE TABLE amendments ("
        " id INTEGER PRIMARY KEY,"
        " meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
        " at TEXT NOT NULL, who TEXT NOT NULL, why TEXT NOT NULL,"
        " place TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL)"
    )


def _migrate_to_7(db: Connection) -> None:
    """Settings the clerk edits and every meeting shares, such as the agenda template."""
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _migrate_to_8(db: Connection) -> None:
    """A section's own wording of its presenter lines (empty: from the section's title)."""
    db.execute("ALTER TABLE nodes ADD COLUMN presenter_wording TEXT NOT NULL DEFAULT ''")


def _migrate_to_9(db: Connection) -> None:
    """Stable ids for table rows and recipients: edits address them by id, so an id must never
    come back for another row once its row is deleted (AUTOINCREMENT; the ids are kept)."""
    rebuilt = {
        "table_rows": (
            """CREATE TABLE table_rows_new (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                cells TEXT NOT NULL DEFAULT '[]'
            )""",
            "id, meeting_id, block_id, ord, cells",
            (
                "CREATE INDEX table_rows_by_meeting ON table_rows(meeting_id)",
                "CREATE INDEX table_rows_by_block ON table_rows(block_id, ord)",
            ),
        ),
        "recipients": (
            """CREATE TABLE recipients_new (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                ord INTEGER NOT NULL,
                name TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'certified', 'corrections')),
                note TEXT NOT NULL DEFAULT '',
                answered TEXT
            )""",
            "id, meeting_id, ord, name, status, note, answered",
            ("CREATE INDEX recipients_by_meeting ON recipients(meeting_id, ord)",),
        ),
    }
    for table, (create, columns, indexes) in rebuilt.items():
        db.execute(create)
        db.execute(f"INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
        for statement in indexes:
            db.execute(statement)


def _migrate_to_10(db: Connection) -> None:
    """Search kept current as meetings change, in the background. Every change of a meeting counts
    in its `revision`; `search_state` keeps the revision each meeting's index rows were made from,
    so what the index lacks is known at any moment and an indexing cut short (the program killed)
    is caught up later. Index rows are numbered by meeting (models/search.py), so a meeting's rows
    are replaced without scanning the index. The old index is dropped and built again."""
    db.execute("ALTER TABLE meetings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
    for table in ("search", "search_grams", "search_state"):
        db.execute(f"DROP TABLE {table}")
    _create_search_tables(db)


def _create_search_tables(db: Connection) -> None:
    """SQLite's search index (FTS5), as migration 10 left it; the server has its own."""
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        " words, node_id UNINDEXED, place UNINDEXED, original UNINDEXED)"
    )
    db.execute("CREATE VIRTUAL TABLE search_grams USING fts5(text, tokenize='trigram')")
    db.execute("CREATE TABLE search_state (meeting_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)")
    for table in ("search", "search_grams"):  # merged by the indexer in small steps instead
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")


def _create_current(db: Connection) -> None:
    """A new database: the current schema as `models.schema` defines it, and the search index."""
    for statement in create_statements("sqlite"):
        db.execute(statement)
    _create_search_tables(db)


def _migrate_to_11(db: Connection) -> None:
    """Items marked confidential (ลับ), left out of the public version of the minutes."""
    db.execute(CONFIDENTIAL_COLUMN)


CONFIDENTIAL_COLUMN = "ALTER TABLE nodes ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0"


def _migrate_to_12(db: Connection) -> None:
    """The votes a resolution was carried by."""
    for statement in VOTE_COLUMNS:
        db.execute(statement)


VOTE_COLUMNS = tuple(
    f"ALTER TABLE nodes ADD COLUMN {column} INTEGER CHECK ({column} >= 0)"
    for column in ("vote_in_favour", "vote_against", "vote_abstained")
)


# Each entry brings the schema from version i to i + 1. Append only; never edit a released one.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
    _migrate_to_5,
    _migrate_to_6,
    _migrate_to_7,
    _migrate_to_8,
    _migrate_to_9,
    _migrate_to_10,
    _migrate_to_11,
    _migrate_to_12,
)
SCHEMA_VERSION = len(MIGRATIONS)


TABLES_WITH_IDS = frozenset(table.name for table in TABLES if table.key == ("id",))

# --- values in and out of rows --------------------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _person(name: str | None, position: str) -> Person | None:
    return None if name is None else Person(name, position)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="microseconds")


_MEETING_COLUMNS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "title": lambda v: {"title": v},
    "period": lambda v: {"period": v},
    "seq": lambda v: {"seq": int(v)},
    "year": lambda v: {"year": int(v)},
    "date": lambda v: {"date": _iso(v)},
    "start": lambda v: {"start": _hhmm(v)},
    "end": lambda v: {"end": _hhmm(v)},
    "venue": lambda v: {"venue": v},
    "recorder": lambda v: {
        "recorder_name": v.name if v else None,
        "recorder_position": v.position if v else "",
    },
    "checker": lambda v: {"checker_name": v.name if v else None, "checker_position": v.position if v else ""},
    "certified": lambda v: {"certified": _iso(v)},
}

_LETTER_COLUMNS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "number": lambda v: {"number": v},
    "date": lambda v: {"date": _iso(v)},
    "subject": lambda v: {"subject": v},
    "to": lambda v: {"to": v},
    "references": lambda v: {"references": json.dumps(v, ensure_ascii=False)},
    "enclosures": lambda v: {"enclosures": json.dumps(v, ensure_ascii=False)},
    "body": lambda v: {"body": json.dumps(v, ensure_ascii=False)},
    "closing": lambda v: {"closing": v},
    "signer": lambda v: {"signer_name": v.name if v else None, "signer_position": v.position if v else ""},
    "certify_by": lambda v: {"certify_by": _iso(v)},
}

_OFFICE_LISTS = ("address", "slogan")
_OFFICE_FIELDS = ("name", "address", "doc_prefix", "unit", "phone", "fax", "email", "slogan")
_ATTENDEE_FIELDS = ("prefix", "first", "last", "position", "status", "note")
_NODE_FIELDS = (
    "title",
    "presenter",
    "resolution",
    "is_agenda",
    "follow_up",
    "presenter_wording",
    "confidential",
    "vote_in_favour",
    "vote_against",
    "vote_abstained",
)
_NODE_FLAGS = ("is_agenda", "follow_up", "confidential")
_RECIPIENT_FIELDS = ("name", "status", "note", "answered")


def _vote_columns(vote: Vote | None) -> dict[str, int | None]:
    """A resolution's votes as the node's columns (NULL: not counted)."""
    return {
        "vote_in_favour": vote.in_favour if vote else None,
        "vote_against": vote.against if vote else None,
        "vote_abstained": vote.abstained if vote else None,
    }


def _vote_of(row: Any) -> Vote | None:
    if row["vote_in_favour"] is None and row["vote_against"] is None and row["vote_abstained"] is None:
        return None
    return Vote(row["vote_in_favour"] or 0, row["vote_against"] or 0, row["vote_abstained"] or 0)


def _columns_json(columns: Sequence[Column]) -> str:
    return json.dumps(
        [{"title": c.title, "group": c.group, "kind": c.kind.value, "formula": c.formula} for c in columns],
        ensure_ascii=False,
    )


def _block_row(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, "indent": int(block.indent)}
    if isinstance(block, BulletList):
        return {
            "type": "list",
            "items": json.dumps(block.items, ensure_ascii=False),
            "ordered": int(block.ordered),
        }
    if isinstance(block, Table):
        return {
            "type": "table",
            "title": block.title,
            "columns": _columns_json(block.columns),
            "total_label": block.total_label,
            "note": block.note,
        }
    return {"type": "attachment", "title": block.title}


_BLOCK_FIELDS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "text": lambda v: {"text": v},
    "indent": lambda v: {"indent": int(v)},
    "items": lambda v: {"items": json.dumps(v, ensure_ascii=False)},
    "ordered": lambda v: {"ordered": int(v)},
    "title": lambda v: {"title": v},
    "columns": lambda v: {"columns": _columns_json(v)},
    "total_label": lambda v: {"total_label": v},
    "note": lambda v: {"note": v},
}


def _block_from_row(row: Row) -> Block:
    kind = row["type"]
    if kind == "paragraph":
        return Paragraph(row["text"], bool(row["indent"]), id=row["id"])
    if kind == "list":
        return BulletList(json.loads(row["items"]), bool(row["ordered"]), id=row["id"])
    if kind == "table":
        columns = [
            Column(c["title"], c["group"], ColumnKind(c["kind"]), c["formula"])
            for c in json.loads(row["columns"])
        ]
        return Table(columns, [], row["title"], row["total_label"], row["note"], id=row["id"])
    return Attachment(row["title"], id=row["id"])


@dataclass(frozen=True)
class SearchHit:
    """A place in some meeting that holds the words searched for."""

    meeting_id: int
    seq: int
    year: int
    date: dt.date
    node_id: int | None  # None: the meeting's header
    place: str  # `วาระ ๔.๑`
    snippet: str


@dataclass(frozen=True)
class LeaseHolder:
    """The clerk editing a meeting on the office's server, and since when."""

    who: str
    since: dt.datetime

    def message(self) -> str:
        """Why the meeting opens read-only here, in Thai."""
        from models.thai import format_time  # noqa: PLC0415  (only for this message)

        return (
            f"{self.who} กำลังแก้ไขรายงานการประชุมนี้อยู่ (ตั้งแต่เวลา {format_time(self.since.astimezone().time())}) "
            "จึงเปิดดูได้อย่างเดียว การแก้ไขของผู้นั้นจะปรากฏที่นี่ภายในไม่กี่วินาที"
        )


@dataclass(frozen=True)
class MeetingSummary:
    """One line of the meetings list."""

    id: int
    title: str
    seq: int
    year: int
    date: dt.date
    modified: str


# --- ordered siblings -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Siblings:
    """Rows kept in order by `ord` within a scope (the columns naming their parent)."""

    table: str
    scope: tuple[str, ...]

    def _where(self) -> str:
        return " AND ".join(f"{column} IS ?" for column in self.scope)

    def count(self, conn: Connection, scope: Sequence[Any]) -> int:
        row = conn.execute(
            f"SELECT count(*) FROM {self.table} WHERE {self._where()}", tuple(scope)
        ).fetchone()
        return int(row[0])

    def open_gap(self, conn: Connection, scope: Sequence[Any], index: int) -> int:
        """Make room at `index` (clamped to the end) and return the index to use."""
        index = max(0, min(index, self.count(conn, scope)))
        conn.execute(
            f"UPDATE {self.table} SET ord = ord + 1 WHERE {self._where()} AND ord >= ?", (*scope, index)
        )
        return index

    def close_gap(self, conn: Connection, scope: Sequence[Any], index: int) -> None:
        conn.execute(
            f"UPDATE {self.table} SET ord = ord - 1 WHERE {self._where()} AND ord > ?", (*scope, index)
        )

    def place_of(self, conn: Connection, row_id: int) -> tuple[tuple[Any, ...], int]:
        columns = ", ".join((*self.scope, "ord"))
        row = conn.execute(f"SELECT {columns} FROM {self.table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise KeyError(f"{self.table} {row_id} does not exist")
        return tuple(row)[:-1], int(row[-1])


_ATTENDEES = _Siblings("attendees", ("meeting_id",))
_NODES = _Siblings("nodes", ("meeting_id", "parent_id"))
_BLOCKS = _Siblings("blocks", ("node_id",))
_ROWS = _Siblings("table_rows", ("block_id",))
_RECIPIENTS = _Siblings("recipients", ("meeting_id",))


# --- opening --------------------------------------------------------------------------------


def _uri(path: Path, **parameters: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in parameters.items())
    return f"file:{urllib.parse.quote(str(path.resolve()))}?{query}"


def _read_only_uri(path: Path) -> str:
    return _uri(path, mode="ro")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read `path` and never creates it. On a read-only medium a WAL
    database cannot get its -shm file: it is then read as immutable (nobody can write there)."""
    conn = None
    try:
        conn = sqlite3.connect(_uri(path, mode="ro"), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if conn is not None:
            conn.close()
        if sqlite_code(error) != SQLITE_CANTOPEN:
            raise
        conn = sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def verify_database_file(path: Path) -> None:
    """Refuse a file that is not a healthy database of ours, without writing anything to it.
    A file that cannot be opened (no permission, a read-only medium) is not called damaged."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise storage_error(error, path) from error
    if header != SQLITE_HEADER:
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล SQLite จึงไม่เปิดและไม่แก้ไขไฟล์นี้ "
            f"{USE_A_BACKUP} หรือระบุฐานข้อมูลอื่นด้วย --db"
        )
    existed = {side: side.exists() for side in _side_files(path)}
    try:
        conn = _connect_read_only(path)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if _cause(error) != "damaged":
            raise storage_error(error, path) from error
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหาย ({error}) จึงไม่เปิดและไม่แก้ไขไฟล์นี้ {USE_A_BACKUP}"
        ) from error
    finally:
        _remove_new_side_files(existed)
    if check != "ok":
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหาย (ตรวจพบ: {check}) จึงไม่เปิดและไม่แก้ไขไฟล์นี้ {USE_A_BACKUP}"
        )
    if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
        raise NotOurDatabaseError(f"ไฟล์ {path} เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ของ thai-minutes จึงไม่เปิด")
    if user_version > SCHEMA_VERSION:
        raise DatabaseTooNewError(
            f"ฐานข้อมูล {path} สร้างโดยโปรแกรมรุ่นใหม่กว่า (รุ่นโครงสร้าง {user_version} "
            f"แต่โปรแกรมนี้รู้จักถึงรุ่น {SCHEMA_VERSION}) กรุณาปรับปรุงโปรแกรมก่อนเปิด"
        )


def _remove_new_side_files(existed: dict[Path, bool]) -> None:
    """A read-only look at a WAL database leaves empty -wal/-shm files: remove the ones it made."""
    for side, was_there in existed.items():
        with contextlib.suppress(OSError):
            if not was_there and side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                side.unlink(missing_ok=True)


def check_database(path: Path) -> str | None:
    """A full check of a database file no one else uses (a fresh backup copy): SQLite's
    `integrity_check`, then every row of every table read with its text decoded (a byte changed
    inside a text passes SQLite's checks but cannot be read back). None when it is healthy, else
    what was found."""
    conn = sqlite3.connect(_uri(path, mode="ro"), uri=True)
    table = ""
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check(10)")]
        if found != ["ok"]:
            return "; ".join(found[:3])
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
        for (table,) in names:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass
    except sqlite3.DatabaseError as error:
        where = f"ตาราง {table}: " if table else ""
        if "decode" in str(error).lower():
            return f"{where}มีข้อความที่อ่านไม่ได้ (ไม่ใช่ UTF-8)"
        return f"{where}{error}"
    finally:
        conn.close()
    return None


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


_STAMP = r"\d{8}-\d{6}-\d{6}"


def _backup_name(path: Path, stamp: str, suffix: str) -> str:
    """`minutes.sqlite3-20241116-093000-123456.sqlite3`: the whole name of the database, so that
    `minutes.sqlite3`, `minutes.db` and `minutes-2565.sqlite3` never take each other's backups."""
    return f"{path.name}-{stamp}{suffix}"


def backups_of(path: Path) -> list[Path]:
    """This database's backups, oldest first (the name's time stamp sorts by time)."""
    pattern = re.compile(re.escape(path.name) + "-" + _STAMP + r"\.sqlite3")
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def _remove_partial_backups(path: Path) -> None:
    """Copies of this database left half-made by a killed program or a full disk."""
    pattern = re.compile(re.escape(path.name) + "-" + _STAMP + r"\.partial(-journal|-wal|-shm)?")
    folder = backup_folder(path)
    if folder.is_dir():
        for leftover in folder.iterdir():
            if pattern.fullmatch(leftover.name):
                leftover.unlink(missing_ok=True)


def _copy_database(path: Path, target: Path) -> None:
    """Copy the database with SQLite's backup API, as a file that needs no -wal beside it."""
    source = _connect_read_only(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def backup_database(path: Path, keep: int = DEFAULT_BACKUPS_KEPT) -> Path:
    """Copy the database into `backups/` and keep this database's newest `keep` copies. The copy
    is checked (`check_database`) before it joins them: a damaged database is not copied (the
    older copies stay) and DatabaseDamagedError says what was found."""
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_partial_backups(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / _backup_name(path, stamp, ".sqlite3")
    partial = folder / _backup_name(path, stamp, ".partial")
    try:
        _copy_database(path, partial)
        problem = check_database(partial)
        if problem is not None:
            raise DatabaseDamagedError(
                f"ตรวจพบว่าฐานข้อมูล {path} เสียหาย ({problem}) จึงไม่ได้ทำสำเนาสำรองครั้งนี้ "
                f"(สำเนาเดิมยังอยู่ครบ) ข้อมูลส่วนที่เสียอาจอ่านหรือส่งออกไม่ได้ {USE_A_BACKUP} "
                "ที่ทำไว้ก่อนหน้านี้"
            )
        partial.replace(target)
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
    for old in backups_of(path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def lock_file_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class WriterLock:
    """The one writer of a database: an OS lock (flock, or msvcrt on Windows) on
    `<database>.lock`, which holds the writer's process id. The OS lets go of it when the
    process ends, killed or not. Opened twice in one process, the database shares the lock."""

    _held: ClassVar[dict[Path, WriterLock]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, key: Path, lock_path: Path, stream: IO[bytes]) -> None:
        self.key, self.lock_path, self.stream, self.count = key, lock_path, stream, 1

    @classmethod
    def acquire(cls, path: Path, wait: float = 0.0) -> WriterLock:
        """Take the lock, waiting up to `wait` seconds; DatabaseInUseError when another process
        has it, DatabaseUnwritableError when no lock file can be made beside the database."""
        key = path.resolve()
        with cls._guard:
            held = cls._held.get(key)
            if held is not None:
                held.count += 1
                return held
            lock_path = lock_file_of(key)
            deadline = time.monotonic() + wait
            while True:
                stream = cls._open(lock_path, path)
                if _try_lock(stream) and _still_there(stream, lock_path):
                    break
                pid = _read_pid(stream)
                stream.close()
                if time.monotonic() >= deadline:
                    who = f" (โปรเซสหมายเลข {pid})" if pid else ""
                    raise DatabaseInUseError(
                        f"ฐานข้อมูล {path} เปิดแก้ไขอยู่ในหน้าต่างหรือคำสั่งอื่นของโปรแกรมนี้{who} "
                        "จึงบันทึกจากที่นี่ไม่ได้ เพื่อไม่ให้สองที่เขียนทับกัน กรุณาปิดหน้าต่างนั้นก่อนแล้วลองใหม่"
                    )
                time.sleep(0.05)
            stream.seek(0)
            stream.truncate()
            stream.write(f"{os.getpid()}\n".encode())
            stream.flush()
            lock = cls(key, lock_path, stream)
            cls._held[key] = lock
            return lock

    @classmethod
    def held_here(cls, path: Path) -> bool:
        """Whether this process has the database open for writing."""
        with cls._guard:
            return path.resolve() in cls._held

    @staticmethod
    def _open(lock_path: Path, path: Path) -> IO[bytes]:
        try:
            return lock_path.open("a+b")
        except OSError as error:
            raise storage_error(error, path) from error

    def release(self) -> None:
        with self._guard:
            self.count -= 1
            if self.count > 0:
                return
            self._held.pop(self.key, None)
            if sys.platform != "win32":  # removed while still locked, so no one locks a stale file
                with contextlib.suppress(OSError):
                    self.lock_path.unlink()
            self.stream.close()


if sys.platform == "win32":
    import msvcrt

    _LOCKED_BYTE = 1024  # beyond the process id, which others read

    def _try_lock(stream: IO[bytes]) -> bool:
        stream.seek(_LOCKED_BYTE)
        try:
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _still_there(stream: IO[bytes], lock_path: Path) -> bool:
        return True  # Windows does not remove an open file

else:
    import fcntl

    def _try_lock(stream: IO[bytes]) -> bool:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:  # a file system without locks: nothing to coordinate with
            return error.errno not in (errno.EAGAIN, errno.EACCES)
        return True

    def _still_there(stream: IO[bytes], lock_path: Path) -> bool:
        """The file locked is still the lock file (its last holder may have removed it)."""
        try:
            return os.stat(lock_path).st_ino == os.fstat(stream.fileno()).st_ino
        except OSError:
            return False


def _read_pid(stream: IO[bytes]) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        stream.seek(0)
        return int(stream.read(20).split()[0])
    return None


READ_ONLY_MESSAGE = "ฐานข้อมูลนี้เปิดแบบอ่านอย่างเดียว แก้ไขไม่ได้"


class Database:
    """An open meetings database. Use `Database.open(path)`; close it when done."""

    is_server = False  # an office's server (models/server.py), not a file

    def __init__(self, conn: Connection, path: Path) -> None:
        self.conn: Connection = conn
        self.path = path
        self._savepoints = 0
        self.allocate_id: Callable[[], int] | None = None  # ids for new rows; None: the database's own
        # told of each outer transaction as it begins (an office server's copy numbers them)
        self.on_begin: Callable[[Connection], None] | None = None
        self._backup_thread: threading.Thread | None = None
        self.backup_error: Exception | None = None
        self.read_only = False
        self.read_only_reason = ""  # why, in Thai, when read_only
        self._lock: WriterLock | None = None
        self._side_files: dict[Path, bool] = {}  # -wal/-shm and whether they were there before
        self._indexer: SearchIndexer | None = None
        self._changed = False  # a meeting changed in the transaction under way
        self._added = False  # a meeting added in it
        self._write_gate: threading.Lock | None = None  # shared with the background indexer
        # Copy the WAL into the database every so many commits, out of the write gate (the
        # background indexer's way); 0: SQLite's automatic checkpoints, as a commit ends.
        self.checkpoint_every = 0
        self._commits = 0

    @classmethod
    def open(
        cls,
        path: Path,
        backup: bool = True,
        backups_kept: int = DEFAULT_BACKUPS_KEPT,
        *,
        read_only: bool = False,
        reason: str = "",
        lock_wait: float = 0.0,
        busy_timeout: float = 5.0,
    ) -> Database:
        """Open (or create) the database at `path` for writing, migrating it to this program's
        schema, or with `read_only` open an existing one only to read it (`reason` says why).

        A writer holds the database's WriterLock until closed (waiting up to `lock_wait`
        seconds for another writer to finish). With `backup`, a checked copy is made in the
        background (`backup_error` tells how it went); an existing database is always copied
        before its schema is migrated.

        Raises a StorageError naming the cause (damaged, in use, locked, unwritable, too new,
        not ours, missing), having written nothing.
        """
        if read_only:
            return cls._open_read_only(path, reason or READ_ONLY_MESSAGE)
        existing = path.exists() and path.stat().st_size > 0
        if existing:
            verify_database_file(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnwritableError(
                    f"สร้างโฟลเดอร์ {path.parent} สำหรับฐานข้อมูลไม่ได้ ({os_reason(error)}) "
                    "กรุณาระบุที่เก็บฐานข้อมูลอื่นด้วย --db"
                ) from error
        lock = WriterLock.acquire(path, lock_wait)
        try:
            return cls._open_writer(path, lock, existing, backup, backups_kept, busy_timeout)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_writer(
        cls, path: Path, lock: WriterLock, existing: bool, backup: bool, keep: int, busy_timeout: float
    ) -> Database:
        created = not path.exists()
        conn = None
        try:
            conn = sqlite3.connect(path, timeout=busy_timeout)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            database = cls(conn, path)
            database._check_writable()
            needs_migration = database.schema_version < SCHEMA_VERSION
            if existing and needs_migration:
                backup_database(path, keep)  # before changing the schema, synchronously
            database._migrate()
        except (sqlite3.Error, OSError) as error:
            if conn is not None:
                conn.close()
            if created:  # a new database that could not be made is not left behind half-made
                for made in (path, *_side_files(path)):
                    with contextlib.suppress(OSError):
                        made.unlink(missing_ok=True)
            raise storage_error(error, path) from error
        database._lock = lock
        if existing and backup and not needs_migration:
            database._start_backup(keep)
        return database

    def _check_writable(self) -> None:
        """A file SQLite could open only for reading (read-only file or medium) fails here, at
        once, rather than at the clerk's first keystroke. A lock held by another program does not:
        it is usually let go in a moment."""
        busy_ms = int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")  # passes on a read-only file: writing does not
            self.conn.execute(f"PRAGMA user_version = {self.schema_version}")
        except sqlite3.OperationalError as error:
            if sqlite_code(error) not in (SQLITE_BUSY, SQLITE_LOCKED):
                raise
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.execute(f"PRAGMA busy_timeout = {busy_ms}")

    @classmethod
    def _open_read_only(cls, path: Path, reason: str) -> Database:
        if path.is_dir():
            raise DatabaseMissingError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล กรุณาระบุไฟล์ฐานข้อมูลด้วย --db")
        if not path.is_file() or path.stat().st_size == 0:
            raise DatabaseMissingError(
                f"ไม่พบฐานข้อมูล {path} กรุณาตรวจชื่อและโฟลเดอร์ที่ระบุด้วย --db "
                "(คำสั่งนี้อ่านข้อมูลอย่างเดียว จึงไม่สร้างฐานข้อมูลใหม่)"
            )
        verify_database_file(path)
        existed = {side: side.exists() for side in _side_files(path)}
        try:
            conn = _connect_read_only(path)
            conn.row_factory = sqlite3.Row
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:")  # an older schema is migrated in a copy
                conn.backup(memory)
                conn.close()
                conn = memory
                conn.row_factory = sqlite3.Row
                cls(conn, path)._migrate()
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as error:
            raise storage_error(error, path) from error
        database = cls(conn, path)
        database.read_only, database.read_only_reason = True, reason
        database._side_files = existed
        return database

    def checkpoint(self) -> None:
        """Move what the write-ahead log holds into the database file (Ctrl+S: every edit is
        stored already)."""
        self.sqlite.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The connection as SQLite's own, for what only SQLite has (PRAGMAs, change counts)."""
        if not isinstance(self.conn, sqlite3.Connection):
            raise TypeError("not an SQLite database")
        return self.conn

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            if version == 0:
                _create_current(self.conn)  # new: the current schema at once
            else:
                for migration in MIGRATIONS[version:]:
                    migration(self.conn)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _start_backup(self, keep: int) -> None:
        def run() -> None:
            try:
                backup_database(self.path, keep)
            except (OSError, sqlite3.Error, StorageError) as error:  # a failed backup must not stop the clerk
                self.backup_error = error

        self._backup_thread = threading.Thread(target=run, name="database-backup", daemon=True)
        self._backup_thread.start()

    @property
    def backup_running(self) -> bool:
        return self._backup_thread is not None and self._backup_thread.is_alive()

    def wait_for_backup(self) -> None:
        if self._backup_thread is not None:
            self._backup_thread.join()

    def close(self) -> None:
        if self._indexer is not None:
            self._indexer.stop()
            self._indexer = None
        self.wait_for_backup()
        self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if any(not was and side.exists() for side, was in self._side_files.items()):
            self._tidy_side_files()

    def _tidy_side_files(self) -> None:
        """A read-only connection leaves the -wal and -shm files it made. A writing connection
        removes them when it closes as the last one (SQLite checks that no one else has the
        database open), so one is opened and closed, when no writer of ours is at work."""
        try:
            lock = WriterLock.acquire(self.path)
        except StorageError:
            return
        try:
            conn = sqlite3.connect(_uri(self.path, mode="rw"), uri=True, timeout=0)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()
        except sqlite3.Error:
            pass
        finally:
            lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; nested ones become savepoints of the outer one. The outer one takes
        the write lock as it begins (BEGIN IMMEDIATE, waiting up to the busy timeout): in WAL mode
        a transaction that read first and wrote after would fail at its first write, without
        waiting, had another connection (the search indexer's) written in between. With the
        background indexer, both connections' transactions also take `_write_gate` first: a
        keystroke waits exactly until the indexer's transaction ends, where SQLite's busy handler
        would sleep on in growing steps (1, 2, 5, 10 ms...). A database opened read-only refuses
        with DatabaseReadOnlyError, saying why it is read-only."""
        if self.read_only:
            raise DatabaseReadOnlyError(self.read_only_reason)
        if self.conn.in_transaction:
            with self._savepoint():
                yield self.conn
            return
        with self._write_gate or contextlib.nullcontext():
            self.conn.execute("BEGIN IMMEDIATE")
            self._changed = self._added = False
            try:
                if self.on_begin is not None:
                    self.on_begin(self.conn)
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.rollback()
                raise
        if self._indexer is not None and self._added:
            self._indexer.meeting_added()
        elif self._indexer is not None and self._changed:
            self._indexer.meeting_changed()
        if self.checkpoint_every:
            self._commits += 1
            if self._commits >= self.checkpoint_every:
                self._commits = 0
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A transaction inside the one under way: undone alone when it fails."""
        self._savepoints += 1
        name = f"nested_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        finally:
            self._savepoints -= 1
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    @contextlib.contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        """Reads that meet text SQLite cannot decode (a byte changed on the disk) say so in Thai."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if _cause(error) != "damaged":
                raise
            raise DatabaseDamagedError(
                f"{what}ในฐานข้อมูล {self.path} เสียหาย อ่านไม่ได้ ({_short(error)}) {USE_A_BACKUP}"
            ) from error

    # --- meetings ---------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingSummary]:
        """All meetings, newest first."""
        with self._reading("รายชื่อการประชุม"):
            rows = self.conn.execute(
                "SELECT id, title, seq, year, date, modified FROM meetings ORDER BY date DESC, seq DESC, id DESC"
            ).fetchall()
        return [MeetingSummary(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), r[5]) for r in rows]

    # --- search -----------------------------------------------------------------------------
    # The index follows the meetings: every change of a meeting counts in its `revision`, and a
    # meeting whose revision is not the one its index rows were made from (`search_state`) is
    # indexed again, by the background indexer when one runs (the window's: models/indexing.py),
    # else by the command that stored it or by the next search. Indexing reads a meeting in one
    # snapshot, cuts its text with no transaction open, and writes only the rows that changed, in
    # transactions of a few milliseconds that make sure first that the meeting did not change
    # meanwhile; `search_state` is written with the last of them. Killed at any point, the index
    # is caught up at the next indexing.

    def search(self, words: str, limit: int = 200, wait: float = SEARCH_WAIT) -> list[SearchHit]:
        """Places in all meetings holding the words (as whole Thai words, in this order, or as
        a run of three characters or more), newest meeting first.

        Meetings changed since they were indexed are indexed first, for at most `wait` seconds
        (by the background indexer when one runs, else here); what is still not indexed then is
        not found, and `search_backlog()` says how many meetings that is."""
        query = match_query(words)
        if not query:
            return []
        self.catch_up_search_index(wait)
        grams = gram_query(words)
        found = "SELECT rowid FROM search WHERE search MATCH ?"
        parameters: list[Any] = [query]
        if grams:
            found += " UNION SELECT rowid FROM search_grams WHERE search_grams MATCH ?"
            parameters.append(grams)
        with self._reading("ดัชนีค้นหา"):
            rows = self.conn.execute(
                "WITH hits AS ("
                " SELECT f.rowid AS id, m.id AS meeting_id, m.seq, m.year, m.date"
                f" FROM ({found}) f JOIN meetings m ON m.id = f.rowid >> {ROWID_BITS}"
                " ORDER BY m.date DESC, f.rowid LIMIT ?)"
                " SELECT h.meeting_id, h.seq, h.year, h.date, s.node_id, s.place, s.original"
                " FROM hits h JOIN search s ON s.rowid = h.id ORDER BY h.date DESC, h.id",
                (*parameters, limit),
            ).fetchall()
        return [
            SearchHit(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5], snippet(r[6], words))
            for r in rows
        ]

    def search_backlog(self) -> int:
        """How many meetings have changed since they were indexed (so a search may miss them)."""
        row = self.conn.execute(
            "SELECT count(*) FROM meetings m LEFT JOIN search_state s ON s.meeting_id = m.id"
            " WHERE s.revision IS NULL OR s.revision <> m.revision"
        ).fetchone()
        return int(row[0])

    def stale_meetings(self) -> list[int]:
        """The meetings changed since they were indexed, the one changed last first."""
        rows = self.conn.execute(
            "SELECT m.id FROM meetings m LEFT JOIN search_state s ON s.meeting_id = m.id"
            " WHERE s.revision IS NULL OR s.revision <> m.revision ORDER BY m.modified DESC, m.id DESC"
        ).fetchall()
        return [int(r[0]) for r in rows]

    def catch_up_search_index(self, wait: float) -> bool:
        """Bring the index up to date, for at most about `wait` seconds: through the background
        indexer when one runs (this thread only waits for it), else here. True when it is up to
        date. A database opened read-only keeps its index as it is."""
        if self._indexer is not None:
            return self._indexer.flush(wait)
        if self.read_only:
            return self.search_backlog() == 0
        return self.index_stale_meetings(deadline=time.monotonic() + wait)

    def refresh_search_index(self) -> int:
        """Index every meeting changed since it was indexed, now; returns how many were."""
        stale = len(self.stale_meetings())
        self.index_stale_meetings()
        return stale

    def index_stale_meetings(
        self,
        deadline: float | None = None,
        keep_going: Callable[[], bool] | None = None,
        pause: Callable[[], None] | None = None,
    ) -> bool:
        """Index the meetings changed since they were indexed, the one changed last first, until
        none is left (True), `deadline` (a `time.monotonic()`) has passed or `keep_going()` says
        no (False); `pause()` is called between pieces of work (the background indexer waits
        there while the clerk types)."""
        self._forget_deleted_meetings()
        while stale := self.stale_meetings():
            for meeting_id in stale:
                if (deadline is not None and time.monotonic() > deadline) or (
                    keep_going is not None and not keep_going()
                ):
                    return False
                self.index_meeting(meeting_id, pause)
        return True

    def index_meeting(self, meeting_id: int, pause: Callable[[], None] | None = None) -> bool:
        """Make the meeting's index rows those of its text as it is now. False when the meeting
        changed (or was deleted) while it was being indexed: it is then still stale, and the rows
        written so far are replaced at its next indexing."""
        first, last = row_range(meeting_id)
        with self._snapshot(f"การประชุมหมายเลข {meeting_id} "):
            stamp = self.conn.execute(
                "SELECT revision, created FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()
            if stamp is None:
                return False
            meeting = self._load_document(meeting_id).meeting
            existing = {
                int(r[0]): (r[1], r[2], r[3])
                for r in self.conn.execute(
                    "SELECT rowid, node_id, place, original FROM search WHERE rowid BETWEEN ? AND ?",
                    (first, last),
                )
            }
        wanted: dict[int, IndexRow] = {}
        for position, row in enumerate(index_rows(meeting, pause)):  # cut with no transaction open
            wanted[row_id(meeting_id, position)] = row
        changed = [
            (rowid, row)
            for rowid, row in wanted.items()
            if existing.get(rowid) != (row.node_id, row.place, row.original)
        ]
        gone = [rowid for rowid in existing if rowid not in wanted]
        batches: list[list[tuple[int, IndexRow]]] = [[]]
        size = 0
        for rowid, row in changed:
            if size > INDEX_BATCH_CHARACTERS:
                batches.append([])
                size = 0
            batches[-1].append((rowid, row))
            size += len(row.original)
        for number, batch in enumerate(batches):
            if number and pause is not None:
                pause()
            with self.transaction() as conn:
                now = conn.execute(
                    "SELECT revision, created FROM meetings WHERE id = ?", (meeting_id,)
                ).fetchone()
                if now is None or tuple(now) != tuple(stamp):
                    return False
                replaced = [(rowid,) for rowid, _ in batch]
                if number == len(batches) - 1:
                    replaced += [(rowid,) for rowid in gone]
                conn.executemany("DELETE FROM search WHERE rowid = ?", replaced)
                conn.executemany("DELETE FROM search_grams WHERE rowid = ?", replaced)
                conn.executemany(
                    "INSERT INTO search (rowid, words, node_id, place, original) VALUES (?, ?, ?, ?, ?)",
                    [(rowid, row.words, row.node_id, row.place, row.original) for rowid, row in batch],
                )
                conn.executemany(
                    "INSERT INTO search_grams (rowid, text) VALUES (?, ?)",
                    [(rowid, row.grams) for rowid, row in batch],
                )
                if number == len(batches) - 1:
                    conn.execute(
                        "INSERT OR REPLACE INTO search_state (meeting_id, revision) VALUES (?, ?)",
                        (meeting_id, stamp[0]),
                    )
        self._merge_search_index(pause)
        return True

    def _merge_search_index(self, pause: Callable[[], None] | None) -> None:
        """FTS5 adds a segment to its b-tree with every transaction, and merges them as it goes
        (`automerge`), sometimes hundreds of milliseconds in one commit while the write lock is
        held. Its automerge is off here (migration 10); the segments are merged in steps of a
        few milliseconds each instead, as FTS5's `merge` command does them, until none is left."""
        for table in ("search", "search_grams"):
            while True:
                if pause is not None:
                    pause()
                with self.transaction() as conn:
                    before = self.sqlite.total_changes
                    conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)", (MERGE_PAGES,))
                    if self.sqlite.total_changes - before < 2:  # FTS5's sign that there was nothing to merge
                        break

    @contextlib.contextmanager
    def _snapshot(self, what: str) -> Iterator[None]:
        """Reads that see the database as it was at one moment, though another connection (the
        clerk's typing) writes meanwhile."""
        with self._reading(what):
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN")  # a read transaction: no lock that writers wait for
            try:
                yield
            finally:
                self.conn.rollback()

    def _forget_deleted_meetings(self) -> None:
        """Index rows of meetings no longer there (deleting a meeting removes them; this is for
        a database changed by hand)."""
        gone = self.conn.execute(
            "SELECT meeting_id FROM search_state WHERE meeting_id NOT IN (SELECT id FROM meetings)"
        ).fetchall()
        if gone:
            with self.transaction():
                for (meeting_id,) in gone:
                    self._forget_search_rows(int(meeting_id))

    def _forget_search_rows(self, meeting_id: int) -> None:
        """Remove a meeting's index rows (both indexes) and its indexed revision."""
        first, last = row_range(meeting_id)
        self.conn.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ?", (first, last))
        self.conn.execute("DELETE FROM search_grams WHERE rowid BETWEEN ? AND ?", (first, last))
        self.conn.execute("DELETE FROM search_state WHERE meeting_id = ?", (meeting_id,))

    def start_search_indexer(self, settle: float | None = None) -> None:
        """Keep the index current from now on in a thread of its own, with a connection of its
        own (the window's way: nothing the clerk does waits on indexing). `settle`: seconds of
        quiet after a change before it is indexed. Stopped by `close()`."""
        from models.indexing import SETTLE_SECONDS, SearchIndexer  # noqa: PLC0415

        if self.read_only or self._indexer is not None:
            return
        self._write_gate = threading.Lock()
        # The indexer copies the WAL into the database as it goes; a keystroke's commit would
        # otherwise copy what the indexer wrote, 4 MB at a time, while the clerk waits.
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES_WITH_INDEXER}")
        self._indexer = SearchIndexer(
            self.path, SETTLE_SECONDS if settle is None else settle, self._write_gate
        )
        self._indexer.start()

    def meeting_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM meetings").fetchone()[0])

    def add_document(self, document: MeetingDocument) -> int:
        """Store a whole meeting (an import); returns its id and sets ids on the objects."""
        meeting = document.meeting
        with self.transaction():
            office_id = self._office_id(document.office) if document.office else None
            now = _now()
            row: dict[str, Any] = {"office_id": office_id, "created": now, "modified": now}
            for name, encode in _MEETING_COLUMNS.items():
                row.update(encode(getattr(meeting, name)))
            meeting_id = self._insert("meetings", row)
            meeting.id = meeting_id
            self._insert_attendees(meeting_id, meeting.attendees)
            for index, section in enumerate(meeting.sections):
                self._insert_node_tree(meeting_id, None, index, section)
            if document.letter is not None:
                self._insert_letter(meeting_id, document.letter)
            self._added = True  # the indexer hears of it once committed
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
            self._forget_search_rows(meeting_id)

    def load_document(self, meeting_id: int) -> MeetingDocument:
        with self._reading(f"การประชุมหมายเลข {meeting_id} "):
            return self._load_document(meeting_id)

    def _load_document(self, meeting_id: int) -> MeetingDocument:
        row = self.conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            raise KeyError(meeting_id)
        meeting = Meeting(
            title=row["title"],
            seq=row["seq"],
            year=row["year"],
            date=dt.date.fromisoformat(row["date"]),
            period=row["period"],
            start=_time(row["start"]),
            end=_time(row["end"]),
            venue=row["venue"],
            recorder=_person(row["recorder_name"], row["recorder_position"]),
            checker=_person(row["checker_name"], row["checker_position"]),
            certified=_date(row["certified"]),
            id=meeting_id,
        )
        meeting.attendees = self._load_attendees(meeting_id)
        meeting.sections = self._load_tree(meeting_id)
        office = self.load_office(row["office_id"]) if row["office_id"] is not None else None
        return MeetingDocument(meeting, office, self._load_letter(meeting_id), self.amendments(meeting_id))

    def meeting_office_id(self, meeting_id: int) -> int | None:
        row = self.conn.execute("SELECT office_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return None if row is None else row[0]

    def update_meeting(self, meeting_id: int, **fields: Any) -> None:
        """Change header fields: title, period, seq, year, date, start, end, venue, recorder, checker."""
        row: dict[str, Any] = {}
        for name, value in fields.items():
            row.update(_MEETING_COLUMNS[name](value))
        with self.transaction():
            self._set_fields("meetings", meeting_id, row)
            self._touch(meeting_id)

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row; returns its id (the allocator's, when one is set: a copy of an
        office server's meeting gives ids the server will take, models/replica.py)."""
        if self.allocate_id is not None and table in TABLES_WITH_IDS:
            row = {"id": self.allocate_id(), **row}
        columns = ", ".join(f'"{column}"' for column in row)
        marks = ", ".join("?" for _ in row)
        inserted = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
        ).lastrowid
        if inserted is None:  # pragma: no cover - both backends give an id to an insert
            raise StorageError(f"บันทึกข้อมูลลงตาราง {table} ไม่สำเร็จ")
        return int(inserted)

    # --- who edits a meeting -----------------------------------------------------------------
    # On a file, the writer lock is the whole database's (one window writes it); an office
    # server (models/server.py) leases each meeting to one clerk at a time.

    def take_lease(self, meeting_id: int) -> LeaseHolder | None:
        """Take the right to edit the meeting; None when taken, else who has it."""
        return None

    def renew_leases(self) -> list[int]:
        """Keep the leases taken alive; returns the meetings whose lease was lost meanwhile."""
        return []

    def release_lease(self, meeting_id: int) -> None:
        """Let another clerk edit the meeting."""

    def _touch(self, meeting_id: int) -> None:
        """Mark the meeting changed: its time, and one more in its revision (the index follows)."""
        self.conn.execute(
            "UPDATE meetings SET modified = ?, revision = revision + 1 WHERE id = ?", (_now(), meeting_id)
        )
        self._changed = True  # the indexer hears of it once committed

    def _set_fields(self, table: str, row_id: int, row: dict[str, Any]) -> None:
        if not row:
            return
        assignments = ", ".join(f'"{column}" = ?' for column in row)
        cursor = self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*row.values(), row_id))
        if cursor.rowcount != 1:
            raise KeyError(f"{table} {row_id} does not exist")

    def _meeting_of(self, table: str, row_id: int) -> int:
        row = self.conn.execute(f"SELECT meeting_id FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise KeyError(f"{table} {row_id} does not exist")
        return int(row[0])

    # --- offices ----------------------------------------------------------------------------

    def _office_row(self, office: Office) -> dict[str, Any]:
        return {
            name: json.dumps(getattr(office, name), ensure_ascii=False)
            if name in _OFFICE_LISTS
            else getattr(office, name)
            for name in _OFFICE_FIELDS
        }

    def _office_id(self, office: Office) -> int:
        """The id of an office with exactly these details, stored anew when there is none."""
        row = self._office_row(office)
        where = " AND ".join(f"{column} = ?" for column in row)
        found = self.conn.execute(
            f"SELECT id FROM offices WHERE {where} ORDER BY id LIMIT 1", tuple(row.values())
        ).fetchone()
        office.id = int(found[0]) if found else self._insert("offices", {**row, "garuda": office.garuda})
        return office.id

    def load_office(self, office_id: int) -> Office:
        row = self.conn.execute("SELECT * FROM offices WHERE id = ?", (office_id,)).fetchone()
        if row is None:
            raise KeyError(office_id)
        values = {
            name: json.loads(row[name]) if name in _OFFICE_LISTS else row[name] for name in _OFFICE_FIELDS
        }
        return Office(**values, garuda=row["garuda"], id=office_id)

    def update_office(self, office_id: int, **fields: Any) -> None:
        row = {
            name: json.dumps(value, ensure_ascii=False) if name in _OFFICE_LISTS else value
            for name, value in fields.items()
            if name in (*_OFFICE_FIELDS, "garuda")
        }
        if len(row) != len(fields):
            raise KeyError(sorted(set(fields) - set(row)))
        with self.transaction():
            self._set_fields("offices", office_id, row)

    def setting(self, key: str, default: Any) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def office_words(self, office_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT word FROM office_words WHERE office_id = ? ORDER BY word", (office_id,)
        )
        return [row[0] for row in rows]

    def add_office_word(self, office_id: int, word: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO office_words (office_id, word) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (office_id, word),
            )

    def set_meeting_office(self, meeting_id: int, office: Office | None) -> None:
        with self.transaction():
            office_id = self._office_id(office) if office else None
            self.conn.execute("UPDATE meetings SET office_id = ? WHERE id = ?", (office_id, meeting_id))
            self._touch(meeting_id)

    # --- attendees --------------------------------------------------------------------------

    @staticmethod
    def _attendee_row(attendee: Attendee) -> dict[str, Any]:
        return {name: str(getattr(attendee, name)) for name in _ATTENDEE_FIELDS}

    def _insert_attendees(self, meeting_id: int, attendees: Sequence[Attendee]) -> None:
        for index, attendee in enumerate(attendees):
            row = {"meeting_id": meeting_id, "ord": index, **self._attendee_row(attendee)}
            attendee.id = self._insert("attendees", row)

    def _load_attendees(self, meeting_id: int) -> list[Attendee]:
        rows = self.conn.execute(
            "SELECT id, prefix, first, last, position, status, note FROM attendees WHERE meeting_id = ? ORDER BY ord",
            (meeting_id,),
        ).fetchall()
        return [
            Attendee(
                r["first"],
                AttendeeStatus(r["status"]),
                r["prefix"],
                r["last"],
                r["position"],
                r["note"],
                id=r["id"],
            )
            for r in rows
        ]

    def insert_attendee(self, meeting_id: int, index: int, attendee: Attendee) -> int:
        with self.transaction() as conn:
            index = _ATTENDEES.open_gap(conn, (meeting_id,), index)
            row = {"meeting_id": meeting_id, "ord": index, **self._attendee_row(attendee)}
            attendee.id = self._insert("attendees", row)
            self._touch(meeting_id)
        return attendee.id

    def update_attendee(self, attendee_id: int, **fields: Any) -> None:
        """Change prefix, first, last, position, status or note of one attendee."""
        self._update_checked(
            "attendees", attendee_id, _ATTENDEE_FIELDS, {k: str(v) for k, v in fields.items()}
        )

    def _update_checked(self, table: str, row_id: int, allowed: Sequence[str], row: dict[str, Any]) -> None:
        """Write the given columns of one row (refusing unknown ones) and mark its meeting modified."""
        unknown = set(row) - set(allowed)
        if unknown:
            raise KeyError(sorted(unknown))
        with self.transaction():
            self._set_fields(table, row_id, row)
            self._touch(self._meeting_of(table, row_id))

    def delete_attendee(self, attendee_id: int) -> None:
        self._delete_ordered(_ATTENDEES, attendee_id)

    def move_attendee(self, attendee_id: int, index: int) -> None:
        self._move_ordered(_ATTENDEES, attendee_id, index)

    def _delete_ordered(self, siblings: _Siblings, row_id: int) -> None:
        with self.transaction() as conn:
            meeting_id = self._meeting_of(siblings.table, row_id)
            scope, index = siblings.place_of(conn, row_id)
            conn.execute(f"DELETE FROM {siblings.table} WHERE id = ?", (row_id,))
            siblings.close_gap(conn, scope, index)
            self._touch(meeting_id)

    def _move_ordered(
        self, siblings: _Siblings, row_id: int, index: int, new_scope: Sequence[Any] | None = None
    ) -> None:
        with self.transaction() as conn:
            meeting_id = self._meeting_of(siblings.table, row_id)
            scope, old_index = siblings.place_of(conn, row_id)
            conn.execute(f"UPDATE {siblings.table} SET ord = -1 WHERE id = ?", (row_id,))
            siblings.close_gap(conn, scope, old_index)
            target = tuple(new_scope) if new_scope is not None else scope
            index = siblings.open_gap(conn, target, index)
            assignments = ", ".join(f"{column} = ?" for column in (*siblings.scope, "ord"))
            conn.execute(f"UPDATE {siblings.table} SET {assignments} WHERE id = ?", (*target, index, row_id))
            self._touch(meeting_id)

    # --- agenda tree ------------------------------------------------------------------------

    def _insert_node_tree(self, meeting_id: int, parent_id: int | None, index: int, node: Node) -> int:
        row = {
            "meeting_id": meeting_id,
            "parent_id": parent_id,
            "ord": index,
            "kind": "section" if isinstance(node, Section) else "item",
            "is_agenda": int(node.is_agenda) if isinstance(node, Section) else 1,
            "title": node.title,
            "presenter": node.presenter if isinstance(node, Item) else "",
            "resolution": node.resolution,
            "follow_up": int(node.follow_up) if isinstance(node, Item) else 0,
            "presenter_wording": node.presenter_wording if isinstance(node, Section) else "",
        }
        if isinstance(node, Item) and node.confidential:  # else the column's default, 0
            row["confidential"] = 1
        if node.vote is not None:  # else NULL: not counted
            row.update(_vote_columns(node.vote))
        node.id = self._insert("nodes", row)
        for block_index, block in enumerate(node.blocks):
            self._insert_block_row(meeting_id, node.id, block_index, block)
        for child_index, child in enumerate(node.items):
            self._insert_node_tree(meeting_id, node.id, child_index, child)
        return node.id

    def _load_tree(self, meeting_id: int) -> list[Section]:
        nodes: dict[int, Node] = {}
        children: dict[int | None, list[Node]] = {}
        for r in self.conn.execute(
            "SELECT id, parent_id, kind, is_agenda, title, presenter, resolution, follow_up, presenter_wording,"
            " confidential, vote_in_favour, vote_against, vote_abstained FROM nodes WHERE meeting_id = ? ORDER BY parent_id, ord",
            (meeting_id,),
        ):
            node: Node
            if r["kind"] == "section":
                node = Section(
                    r["title"],
                    bool(r["is_agenda"]),
                    resolution=r["resolution"],
                    presenter_wording=r["presenter_wording"],
                    vote=_vote_of(r),
                    id=r["id"],
                )
            else:
                node = Item(
                    r["title"],
                    r["presenter"],
                    resolution=r["resolution"],
                    follow_up=bool(r["follow_up"]),
                    confidential=bool(r["confidential"]),
                    vote=_vote_of(r),
                    id=r["id"],
                )
            nodes[r["id"]] = node
            children.setdefault(r["parent_id"], []).append(node)
        for parent_id, kids in children.items():
            if parent_id is not None:
                nodes[parent_id].items = [k for k in kids if isinstance(k, Item)]
        tables: dict[int, Table] = {}
        for r in self.conn.execute(
            "SELECT * FROM blocks WHERE meeting_id = ? ORDER BY node_id, ord", (meeting_id,)
        ):
            block = _block_from_row(r)
            nodes[r["node_id"]].blocks.append(block)
            if isinstance(block, Table):
                tables[r["id"]] = block
        for r in self.conn.execute(
            "SELECT block_id, cells, id FROM table_rows WHERE meeting_id = ? ORDER BY block_id, ord",
            (meeting_id,),
        ):
            tables[r[0]].rows.append(json.loads(r[1]))
            tables[r[0]].row_ids.append(r[2])
        return [node for node in children.get(None, []) if isinstance(node, Section)]

    def presenters(self, limit: int = 500) -> list[str]:
        """Presenters written in any meeting, the most recent first: the window offers them."""
        rows = self.conn.execute(
            "SELECT presenter FROM nodes WHERE presenter != '' GROUP BY presenter ORDER BY max(id) DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [row[0] for row in rows]

    def node_meeting(self, node_id: int) -> int:
        return self._meeting_of("nodes", node_id)

    def insert_node(self, meeting_id: int, parent_id: int | None, index: int, node: Node) -> int:
        """Insert a section (parent None) or an item with everything below it."""
        if isinstance(node, Section) != (parent_id is None):
            raise ValueError("sections stand at the top of the tree, items under a section or item")
        with self.transaction() as conn:
            index = _NODES.open_gap(conn, (meeting_id, parent_id), index)
            node_id = self._insert_node_tree(meeting_id, parent_id, index, node)
            self._touch(meeting_id)
        return node_id

    def update_node(self, node_id: int, **fields: Any) -> None:
        """Change fields of a section or item (title, presenter, resolution, is_agenda, follow_up,
        presenter_wording, confidential)."""
        vote = fields.pop("vote", ...)
        row = {k: int(v) if k in _NODE_FLAGS else v for k, v in fields.items()}
        if vote is not ...:  # a Vote, or None: not counted
            row.update(_vote_columns(vote))
        self._update_checked("nodes", node_id, _NODE_FIELDS, row)

    def delete_node(self, node_id: int) -> None:
        """Delete a section or item with everything below it."""
        self._delete_ordered(_NODES, node_id)

    def move_node(self, node_id: int, parent_id: int | None, index: int) -> None:
        """Move an item under another parent (or a section among sections) at `index`."""
        with self.transaction() as conn:
            row = conn.execute("SELECT meeting_id, kind FROM nodes WHERE id = ?", (node_id,)).fetchone()
            if row is None:
                raise KeyError(node_id)
            if (row["kind"] == "section") != (parent_id is None):
                raise ValueError("sections stand at the top of the tree, items under a section or item")
            if parent_id is not None and node_id in self._ancestors(parent_id):
                raise ValueError("an item cannot move under itself")
            self._move_ordered(_NODES, node_id, index, (row["meeting_id"], parent_id))

    def _ancestors(self, node_id: int) -> list[int]:
        rows = self.conn.execute(
            "WITH RECURSIVE up(id, parent_id) AS ("
            " SELECT id, parent_id FROM nodes WHERE id = ?"
            " UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN up ON n.id = up.parent_id)"
            " SELECT id FROM up",
            (node_id,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    # --- blocks -----------------------------------------------------------------------------

    def _insert_block_row(self, meeting_id: int, node_id: int, index: int, block: Block) -> int:
        row = {"meeting_id": meeting_id, "node_id": node_id, "ord": index, **_block_row(block)}
        block.id = self._insert("blocks", row)
        if isinstance(block, Table):
            block.row_ids = [
                self._insert_table_row(meeting_id, block.id, row_index, cells)
                for row_index, cells in enumerate(block.rows)
            ]
        return block.id

    def insert_block(self, node_id: int, index: int, block: Block) -> int:
        with self.transaction() as conn:
            meeting_id = self._meeting_of("nodes", node_id)
            index = _BLOCKS.open_gap(conn, (node_id,), index)
            block_id = self._insert_block_row(meeting_id, node_id, index, block)
            self._touch(meeting_id)
        return block_id

    def update_block(self, block_id: int, **fields: Any) -> None:
        """Change a block's own fields: text, indent, items, ordered, title, columns, total_label, note."""
        row: dict[str, Any] = {}
        for name, value in fields.items():
            row.update(_BLOCK_FIELDS[name](value))
        with self.transaction():
            self._set_fields("blocks", block_id, row)
            self._touch(self._meeting_of("blocks", block_id))

    def delete_block(self, block_id: int) -> None:
        self._delete_ordered(_BLOCKS, block_id)

    def move_block(self, block_id: int, node_id: int, index: int) -> None:
        with self.transaction():
            if self._meeting_of("nodes", node_id) != self._meeting_of("blocks", block_id):
                raise ValueError("a block moves only within its meeting")
            self._move_ordered(_BLOCKS, block_id, index, (node_id,))

    # --- table rows -------------------------------------------------------------------------
    # A row is addressed by its id, never by its place: an edit meant for one row cannot land on
    # another because rows were inserted or removed meanwhile (ids are never reused).

    def _insert_table_row(self, meeting_id: int, block_id: int, index: int, cells: Sequence[str]) -> int:
        row = {"meeting_id": meeting_id, "block_id": block_id, "ord": index}
        return self._insert("table_rows", {**row, "cells": json.dumps(list(cells), ensure_ascii=False)})

    def table_row_ids(self, block_id: int) -> list[int]:
        """The ids of a table's rows, in order."""
        rows = self.conn.execute("SELECT id FROM table_rows WHERE block_id = ? ORDER BY ord", (block_id,))
        return [int(row[0]) for row in rows]

    def insert_table_row(self, block_id: int, index: int, cells: Sequence[str]) -> int:
        """Insert a row at `index` (clamped to the end); returns its id."""
        with self.transaction() as conn:
            meeting_id = self._meeting_of("blocks", block_id)
            index = _ROWS.open_gap(conn, (block_id,), index)
            row_id = self._insert_table_row(meeting_id, block_id, index, cells)
            self._touch(meeting_id)
        return row_id

    def update_table_row(self, row_id: int, cells: Sequence[str]) -> None:
        """Rewrite the cells of the row with this id (KeyError when it no longer exists)."""
        with self.transaction():
            self._set_fields("table_rows", row_id, {"cells": json.dumps(list(cells), ensure_ascii=False)})
            self._touch(self._meeting_of("table_rows", row_id))

    def delete_table_row(self, row_id: int) -> None:
        self._delete_ordered(_ROWS, row_id)

    def move_table_row(self, row_id: int, new_index: int) -> None:
        self._move_ordered(_ROWS, row_id, new_index)

    def replace_table_rows(
        self, block_id: int, rows: Sequence[tuple[int | None, Sequence[str]]]
    ) -> list[int]:
        """Make the table's rows these, in one transaction: each is (the id of the row it keeps,
        or None for a new row; its cells). Rows of the table not named are deleted. Returns the
        rows' ids in order."""
        with self.transaction() as conn:
            meeting_id = self._meeting_of("blocks", block_id)
            existing = set(self.table_row_ids(block_id))
            kept = {row_id for row_id, _ in rows if row_id in existing}
            for gone in existing - kept:
                conn.execute("DELETE FROM table_rows WHERE id = ?", (gone,))
            ids: list[int] = []
            for index, (row_id, cells) in enumerate(rows):
                text = json.dumps(list(cells), ensure_ascii=False)
                if row_id in kept and row_id not in ids:
                    conn.execute(
                        "UPDATE table_rows SET ord = ?, cells = ? WHERE id = ?", (index, text, row_id)
                    )
                    ids.append(row_id)
                else:
                    ids.append(self._insert_table_row(meeting_id, block_id, index, cells))
            self._touch(meeting_id)
        return ids

    # --- letter -----------------------------------------------------------------------------

    def _insert_letter(self, meeting_id: int, letter: Letter) -> None:
        row: dict[str, Any] = {"meeting_id": meeting_id}
        for name, encode in _LETTER_COLUMNS.items():
            row.update(encode(getattr(letter, name)))
        self._insert("letters", row)
        for index, recipient in enumerate(letter.recipients):
            self._insert_recipient_row(meeting_id, index, recipient)

    def _load_letter(self, meeting_id: int) -> Letter | None:
        row = self.conn.execute("SELECT * FROM letters WHERE meeting_id = ?", (meeting_id,)).fetchone()
        if row is None:
            return None
        recipients = [
            Recipient(r["name"], RecipientStatus(r["status"]), r["note"], _date(r["answered"]), id=r["id"])
            for r in self.conn.execute(
                "SELECT id, name, status, note, answered FROM recipients WHERE meeting_id = ? ORDER BY ord",
                (meeting_id,),
            )
        ]
        return Letter(
            number=row["number"],
            date=_date(row["date"]),
            subject=row["subject"],
            to=row["to"],
            references=json.loads(row["references"]),
            enclosures=json.loads(row["enclosures"]),
            body=json.loads(row["body"]),
            closing=row["closing"],
            signer=_person(row["signer_name"], row["signer_position"]),
            certify_by=_date(row["certify_by"]),
            recipients=recipients,
        )

    def update_letter(self, meeting_id: int, **fields: Any) -> None:
        """Change fields of the cover letter, creating the letter when the meeting has none."""
        row: dict[str, Any] = {}
        for name, value in fields.items():
            row.update(_LETTER_COLUMNS[name](value))
        with self.transaction() as conn:
            conn.execute("INSERT INTO letters (meeting_id) VALUES (?) ON CONFLICT DO NOTHING", (meeting_id,))
            if row:
                assignments = ", ".join(f'"{column}" = ?' for column in row)
                conn.execute(
                    f"UPDATE letters SET {assignments} WHERE meeting_id = ?", (*row.values(), meeting_id)
                )
            self._touch(meeting_id)

    def delete_letter(self, meeting_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM letters WHERE meeting_id = ?", (meeting_id,))
            conn.execute("DELETE FROM recipients WHERE meeting_id = ?", (meeting_id,))
            self._touch(meeting_id)

    def _insert_recipient_row(self, meeting_id: int, index: int, recipient: Recipient) -> int:
        row = {
            "meeting_id": meeting_id,
            "ord": index,
            "name": recipient.name,
            "status": recipient.status.value,
            "note": recipient.note,
            "answered": _iso(recipient.answered),
        }
        recipient.id = self._insert("recipients", row)
        return recipient.id

    def insert_recipient(self, meeting_id: int, index: int, recipient: Recipient) -> int:
        with self.transaction() as conn:
            index = _RECIPIENTS.open_gap(conn, (meeting_id,), index)
            recipient_id = self._insert_recipient_row(meeting_id, index, recipient)
            self._touch(meeting_id)
        return recipient_id

    def recipient_ids(self, meeting_id: int) -> list[int]:
        rows = self.conn.execute("SELECT id FROM recipients WHERE meeting_id = ? ORDER BY ord", (meeting_id,))
        return [int(row[0]) for row in rows]

    def update_recipient(self, recipient_id: int, **fields: Any) -> None:
        """Change name, status, note or the date of the answer of one recipient of the letter."""
        row = {k: _iso(v) if k == "answered" else str(v) for k, v in fields.items()}
        self._update_checked("recipients", recipient_id, _RECIPIENT_FIELDS, row)

    # --- amendments ---------------------------------------------------------------------------

    def add_amendment(self, meeting_id: int, amendment: Amendment) -> None:
        with self.transaction():
            self._insert(
                "amendments",
                {
                    "meeting_id": meeting_id,
                    "at": amendment.at.isoformat(timespec="seconds"),
                    "who": amendment.who,
                    "why": amendment.why,
                    "place": amendment.place,
                    "before": amendment.before,
                    "after": amendment.after,
                },
            )

    def amendments(self, meeting_id: int) -> list[Amendment]:
        rows = self.conn.execute(
            "SELECT at, who, why, place, before, after FROM amendments WHERE meeting_id = ? ORDER BY id",
            (meeting_id,),
        )
        return [Amendment(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def replace_recipients(self, meeting_id: int, recipients: Sequence[Recipient]) -> None:
        """The letter's whole distribution list at once (one transaction). A recipient with the
        id of one still listed keeps that id (its answer stays with it); the others are stored
        anew and get their ids; recipients not given are deleted."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO letters (meeting_id) VALUES (?) ON CONFLICT DO NOTHING", (meeting_id,))
            existing = set(self.recipient_ids(meeting_id))
            kept = {r.id for r in recipients if r.id in existing}
            for gone in existing - kept:
                conn.execute("DELETE FROM recipients WHERE id = ?", (gone,))
            seen: set[int] = set()
            for index, recipient in enumerate(recipients):
                if recipient.id in kept and recipient.id not in seen:
                    seen.add(recipient.id)
                    row = {
                        "ord": index,
                        "name": recipient.name,
                        "status": recipient.status.value,
                        "note": recipient.note,
                        "answered": _iso(recipient.answered),
                    }
                    self._set_fields("recipients", recipient.id, row)
                else:
                    self._insert_recipient_row(meeting_id, index, recipient)
            self._touch(meeting_id)

    def delete_recipient(self, recipient_id: int) -> None:
        self._delete_ordered(_RECIPIENTS, recipient_id)

    def move_recipient(self, recipient_id: int, index: int) -> None:
        self._move_ordered(_RECIPIENTS, recipient_id, index)
