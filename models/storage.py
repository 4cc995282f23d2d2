"""Storage of meetings in one SQLite database.

WAL journal, foreign keys, `PRAGMA user_version` migrations (a database newer than the program is
refused), a damaged file is detected before anything is written to it, and a rotating backup
(SQLite backup API) is taken each time a database is opened. Every edit is one small transaction
on the rows it touches: typing in one paragraph rewrites that paragraph's row, never the meeting.

Ordered things (attendees, sections and items, blocks, table rows, recipients) carry an `ord`
column, contiguous from 0 among siblings; inserting, deleting and moving shift the siblings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

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
)

APPLICATION_ID = 0x54484D4E  # "THMN": tells our databases from other SQLite files
SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BACKUPS_KEPT = 5


class StorageError(Exception):
    """A database problem explained in Thai for the clerk."""


class DatabaseDamagedError(StorageError):
    pass


class DatabaseTooNewError(StorageError):
    pass


class NotOurDatabaseError(StorageError):
    pass


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


def _migrate_to_1(db: sqlite_utils.Database) -> None:
    for statement in _SCHEMA_V1:
        db.execute(statement)


def _migrate_to_2(db: sqlite_utils.Database) -> None:
    """The office's Garuda emblem (an image file's bytes), printed on the cover letter."""
    db.execute("ALTER TABLE offices ADD COLUMN garuda BLOB")


def _migrate_to_3(db: sqlite_utils.Database) -> None:
    """Words an office accepts although the dictionary does not know them (names, terms)."""
    db.execute(
        "CREATE TABLE office_words ("
        " office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,"
        " word TEXT NOT NULL,"
        " PRIMARY KEY (office_id, word))"
    )


def _migrate_to_4(db: sqlite_utils.Database) -> None:
    """Items the clerk marks to follow up at the next meeting."""
    db.execute("ALTER TABLE nodes ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0")


def _migrate_to_5(db: sqlite_utils.Database) -> None:
    """Full-text search over text cut into Thai words (spaces between words, for FTS5)."""
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        " words, meeting_id UNINDEXED, node_id UNINDEXED, place UNINDEXED, original UNINDEXED)"
    )
    db.execute("CREATE TABLE search_state (meeting_id INTEGER PRIMARY KEY, indexed TEXT NOT NULL)")
    # Any run of three or more characters too: dictionary compounds (เป็นผู้ใหญ่) hide the words
    # inside them (ผู้ใหญ่) from a word index. Same rowids as `search`.
    db.execute("CREATE VIRTUAL TABLE search_grams USING fts5(text, tokenize='trigram')")


def _migrate_to_6(db: sqlite_utils.Database) -> None:
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


def _migrate_to_7(db: sqlite_utils.Database) -> None:
    """Settings the clerk edits and every meeting shares, such as the agenda template."""
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _migrate_to_8(db: sqlite_utils.Database) -> None:
    """A section's own wording of its presenter lines (empty: from the section's title)."""
    db.execute("ALTER TABLE nodes ADD COLUMN presenter_wording TEXT NOT NULL DEFAULT ''")


# Each entry brings the schema from version i to i + 1. Append only; never edit a released one.
MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
    _migrate_to_5,
    _migrate_to_6,
    _migrate_to_7,
    _migrate_to_8,
)
SCHEMA_VERSION = len(MIGRATIONS)


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
_NODE_FIELDS = ("title", "presenter", "resolution", "is_agenda", "follow_up", "presenter_wording")
_RECIPIENT_FIELDS = ("name", "status", "note", "answered")


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


def _block_from_row(row: sqlite3.Row) -> Block:
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

    def count(self, conn: sqlite3.Connection, scope: Sequence[Any]) -> int:
        row = conn.execute(
            f"SELECT count(*) FROM {self.table} WHERE {self._where()}", tuple(scope)
        ).fetchone()
        return int(row[0])

    def open_gap(self, conn: sqlite3.Connection, scope: Sequence[Any], index: int) -> int:
        """Make room at `index` (clamped to the end) and return the index to use."""
        index = max(0, min(index, self.count(conn, scope)))
        conn.execute(
            f"UPDATE {self.table} SET ord = ord + 1 WHERE {self._where()} AND ord >= ?", (*scope, index)
        )
        return index

    def close_gap(self, conn: sqlite3.Connection, scope: Sequence[Any], index: int) -> None:
        conn.execute(
            f"UPDATE {self.table} SET ord = ord - 1 WHERE {self._where()} AND ord > ?", (*scope, index)
        )

    def place_of(self, conn: sqlite3.Connection, row_id: int) -> tuple[tuple[Any, ...], int]:
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


def _read_only_uri(path: Path) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"


def verify_database_file(path: Path) -> None:
    """Refuse a file that is not a healthy database of ours, without writing anything to it."""
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล SQLite จึงไม่เปิดและไม่แก้ไขไฟล์นี้ "
            "กรุณาใช้ไฟล์สำรองในโฟลเดอร์ backups หรือระบุฐานข้อมูลอื่นด้วย --db"
        )
    side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {side: side.exists() for side in side_files}
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
            _remove_new_side_files(existed)
    except sqlite3.DatabaseError as error:
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหาย ({error}) จึงไม่เปิดและไม่แก้ไขไฟล์นี้ กรุณาใช้ไฟล์สำรองในโฟลเดอร์ backups"
        ) from error
    if check != "ok":
        raise DatabaseDamagedError(
            f"ไฟล์ฐานข้อมูล {path} เสียหาย (ตรวจพบ: {check}) จึงไม่เปิดและไม่แก้ไขไฟล์นี้ กรุณาใช้ไฟล์สำรองในโฟลเดอร์ backups"
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
        if not was_there and side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
            side.unlink(missing_ok=True)


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


def backup_database(path: Path, keep: int = DEFAULT_BACKUPS_KEPT) -> Path:
    """Copy the database with SQLite's backup API into `backups/`, keeping the newest `keep`."""
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)
    for old in sorted(folder.glob(f"{path.stem}-*.sqlite3"))[:-keep]:
        old.unlink(missing_ok=True)
    return target


class Database:
    """An open meetings database. Use `Database.open(path)`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)
        self._backup_thread: threading.Thread | None = None
        self.backup_error: Exception | None = None

    @classmethod
    def open(cls, path: Path, backup: bool = True, backups_kept: int = DEFAULT_BACKUPS_KEPT) -> Database:
        """Open (or create) the database at `path`, migrating it to this program's schema.

        Raises DatabaseDamagedError, NotOurDatabaseError or DatabaseTooNewError, having written nothing.
        """
        existing = path.exists() and path.stat().st_size > 0
        if existing:
            verify_database_file(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        database = cls(conn, path)
        needs_migration = database.schema_version < SCHEMA_VERSION
        if existing and backup and needs_migration:
            backup_database(path, backups_kept)  # before changing the schema, synchronously
        database._migrate()
        if existing and backup and not needs_migration:
            database._start_backup(backups_kept)
        return database

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            for migration in MIGRATIONS[version:]:
                migration(self.db)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _start_backup(self, keep: int) -> None:
        def run() -> None:
            try:
                backup_database(self.path, keep)
            except (OSError, sqlite3.Error) as error:  # a failed backup must not stop the clerk
                self.backup_error = error

        self._backup_thread = threading.Thread(target=run, name="database-backup", daemon=True)
        self._backup_thread.start()

    def wait_for_backup(self) -> None:
        if self._backup_thread is not None:
            self._backup_thread.join()

    def close(self) -> None:
        self.wait_for_backup()
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; nested ones become savepoints of the outer one."""
        with self.db.atomic():
            yield self.conn

    # --- meetings ---------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingSummary]:
        """All meetings, newest first."""
        rows = self.conn.execute(
            "SELECT id, title, seq, year, date, modified FROM meetings ORDER BY date DESC, seq DESC, id DESC"
        ).fetchall()
        return [MeetingSummary(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), r[5]) for r in rows]

    # --- search -----------------------------------------------------------------------------

    def search(self, words: str, limit: int = 200) -> list[SearchHit]:
        """Places in all meetings holding the words (as whole Thai words, in this order)."""
        from models.search import gram_query, match_query, snippet  # noqa: PLC0415

        query = match_query(words)
        if not query:
            return []
        self.refresh_search_index()
        grams = gram_query(words)
        matching = "s.rowid IN (SELECT rowid FROM search WHERE search MATCH ?)"
        parameters: list[Any] = [query]
        if grams:
            matching += " OR s.rowid IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)"
            parameters.append(grams)
        rows = self.conn.execute(
            "SELECT s.meeting_id, m.seq, m.year, m.date, s.node_id, s.place, s.original FROM search s"
            f" JOIN meetings m ON m.id = s.meeting_id WHERE {matching} ORDER BY m.date DESC, s.rowid LIMIT ?",
            (*parameters, limit),
        ).fetchall()
        return [
            SearchHit(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5], snippet(r[6], words))
            for r in rows
        ]

    def refresh_search_index(self) -> int:
        """Index the meetings changed since they were last indexed; returns how many."""
        from models.search import index_rows  # noqa: PLC0415

        stale = self.conn.execute(
            "SELECT m.id FROM meetings m LEFT JOIN search_state s ON s.meeting_id = m.id"
            " WHERE s.indexed IS NULL OR s.indexed < m.modified"
        ).fetchall()

        for (meeting_id,) in stale:
            rows = index_rows(self.load_document(meeting_id).meeting)
            with self.transaction() as conn:
                self._forget_search_rows(f"meeting_id = {int(meeting_id)}")
                for row in rows:
                    cursor = conn.execute(
                        "INSERT INTO search (words, meeting_id, node_id, place, original) VALUES (?, ?, ?, ?, ?)",
                        (row.words, meeting_id, row.node_id, row.place, row.original),
                    )
                    conn.execute(
                        "INSERT INTO search_grams (rowid, text) VALUES (?, ?)", (cursor.lastrowid, row.grams)
                    )
                conn.execute("INSERT OR REPLACE INTO search_state VALUES (?, ?)", (meeting_id, _now()))
        with self.transaction() as conn:
            self._forget_search_rows("meeting_id NOT IN (SELECT id FROM meetings)")
            conn.execute("DELETE FROM search_state WHERE meeting_id NOT IN (SELECT id FROM meetings)")
        return len(stale)

    def _forget_search_rows(self, condition: str) -> None:
        """Remove indexed rows (both indexes) of the meetings the SQL condition names."""
        rows = f"SELECT rowid FROM search WHERE {condition}"
        self.conn.execute(f"DELETE FROM search_grams WHERE rowid IN ({rows})")
        self.conn.execute(f"DELETE FROM search WHERE rowid IN ({rows})")

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
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))

    def load_document(self, meeting_id: int) -> MeetingDocument:
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
        """Insert one row through sqlite-utils; returns its rowid."""
        inserted = self.db.table(table).insert(row).last_rowid
        if inserted is None:  # pragma: no cover - SQLite always gives a rowid to an insert
            raise StorageError(f"บันทึกข้อมูลลงตาราง {table} ไม่สำเร็จ")
        return int(inserted)

    def _touch(self, meeting_id: int) -> None:
        self.conn.execute("UPDATE meetings SET modified = ? WHERE id = ?", (_now(), meeting_id))

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
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
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
                "INSERT OR IGNORE INTO office_words (office_id, word) VALUES (?, ?)", (office_id, word)
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
            "SELECT id, parent_id, kind, is_agenda, title, presenter, resolution, follow_up, presenter_wording"
            " FROM nodes WHERE meeting_id = ? ORDER BY parent_id, ord",
            (meeting_id,),
        ):
            node: Node
            if r["kind"] == "section":
                node = Section(
                    r["title"],
                    bool(r["is_agenda"]),
                    resolution=r["resolution"],
                    presenter_wording=r["presenter_wording"],
                    id=r["id"],
                )
            else:
                node = Item(
                    r["title"],
                    r["presenter"],
                    resolution=r["resolution"],
                    follow_up=bool(r["follow_up"]),
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
            "SELECT block_id, cells FROM table_rows WHERE meeting_id = ? ORDER BY block_id, ord",
            (meeting_id,),
        ):
            tables[r[0]].rows.append(json.loads(r[1]))
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
        presenter_wording)."""
        row = {k: int(v) if k in ("is_agenda", "follow_up") else v for k, v in fields.items()}
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
            for row_index, cells in enumerate(block.rows):
                self._insert_table_row(meeting_id, block.id, row_index, cells)
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

    def _insert_table_row(self, meeting_id: int, block_id: int, index: int, cells: Sequence[str]) -> None:
        self.conn.execute(
            "INSERT INTO table_rows (meeting_id, block_id, ord, cells) VALUES (?, ?, ?, ?)",
            (meeting_id, block_id, index, json.dumps(list(cells), ensure_ascii=False)),
        )

    def _row_id(self, block_id: int, index: int) -> int:
        row = self.conn.execute(
            "SELECT id FROM table_rows WHERE block_id = ? AND ord = ?", (block_id, index)
        ).fetchone()
        if row is None:
            raise KeyError(f"table {block_id} has no row {index}")
        return int(row[0])

    def insert_table_row(self, block_id: int, index: int, cells: Sequence[str]) -> None:
        with self.transaction() as conn:
            meeting_id = self._meeting_of("blocks", block_id)
            index = _ROWS.open_gap(conn, (block_id,), index)
            self._insert_table_row(meeting_id, block_id, index, cells)
            self._touch(meeting_id)

    def update_table_row(self, block_id: int, index: int, cells: Sequence[str]) -> None:
        with self.transaction():
            row_id = self._row_id(block_id, index)
            self._set_fields("table_rows", row_id, {"cells": json.dumps(list(cells), ensure_ascii=False)})
            self._touch(self._meeting_of("blocks", block_id))

    def delete_table_row(self, block_id: int, index: int) -> None:
        with self.transaction():
            self._delete_ordered(_ROWS, self._row_id(block_id, index))

    def move_table_row(self, block_id: int, index: int, new_index: int) -> None:
        with self.transaction():
            self._move_ordered(_ROWS, self._row_id(block_id, index), new_index)

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
            conn.execute("INSERT OR IGNORE INTO letters (meeting_id) VALUES (?)", (meeting_id,))
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

    def update_recipient(self, recipient_id: int, **fields: Any) -> None:
        """Change name, status, note or the date of the answer of one recipient of the letter."""
        row = {k: _iso(v) if k == "answered" else str(v) for k, v in fields.items()}
        self._update_checked("recipients", recipient_id, _RECIPIENT_FIELDS, row)

    # --- amendments ---------------------------------------------------------------------------

    def add_amendment(self, meeting_id: int, amendment: Amendment) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO amendments (meeting_id, at, who, why, place, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    meeting_id,
                    amendment.at.isoformat(timespec="seconds"),
                    amendment.who,
                    amendment.why,
                    amendment.place,
                    amendment.before,
                    amendment.after,
                ),
            )

    def amendments(self, meeting_id: int) -> list[Amendment]:
        rows = self.conn.execute(
            "SELECT at, who, why, place, before, after FROM amendments WHERE meeting_id = ? ORDER BY id",
            (meeting_id,),
        )
        return [Amendment(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def replace_recipients(self, meeting_id: int, recipients: Sequence[Recipient]) -> None:
        """The letter's whole distribution list at once (one transaction)."""
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO letters (meeting_id) VALUES (?)", (meeting_id,))
            conn.execute("DELETE FROM recipients WHERE meeting_id = ?", (meeting_id,))
            for index, recipient in enumerate(recipients):
                self._insert_recipient_row(meeting_id, index, recipient)
            self._touch(meeting_id)

    def delete_recipient(self, recipient_id: int) -> None:
        self._delete_ordered(_RECIPIENTS, recipient_id)

    def move_recipient(self, recipient_id: int, index: int) -> None:
        self._move_ordered(_RECIPIENTS, recipient_id, index)
