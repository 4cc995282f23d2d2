"""Meetings on an office's PostgreSQL server (issue 17), through psycopg 3.

`ServerDatabase` is `models.storage.Database` with a server connection under it: the same
methods, the same SQL (`ServerConnection` gives psycopg the shape of Python's sqlite3
connection: `?` parameters, `lastrowid`, rows read by position or name), the same tables from
`models.schema`. What differs is here: connecting with any libpq connection string or service
name, the schema's version in a table (`schema_version`, PostgreSQL has no `user_version`),
created once under an advisory lock when the database is empty, and errors said in Thai.

A connection string never holds a password the program stored: libpq reads it from the
password file (`~/.pgpass`, `PGPASSFILE`) or the service file, as the README's section for the
office's IT explains.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import re
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import pq

from models.meeting import MeetingDocument
from models.schema import TABLES, create_statements
from models.search import index_rows, row_id, snippet, thai_digits, words_of
from models.sql import Connection
from models.storage import (
    CONFIDENTIAL_COLUMN,
    SCHEMA_VERSION,
    SEARCH_WAIT,
    VOTE_COLUMNS,
    Database,
    DatabaseTooNewError,
    LeaseHolder,
    LeaseLostError,
    MeetingLeasedError,
    NotOurDatabaseError,
    SearchHit,
    StorageError,
)

APPLICATION = "thai-minutes"
# Creating or migrating the schema happens under this lock: two clerks' programs opening a new
# database at the same moment must not both create the tables.
_SCHEMA_LOCK = 0x54484D4E
# what an insert gives back as its `lastrowid`, as SQLite gives the rowid: the row's key
_KEYS = {
    table.name: table.key[0]
    for table in TABLES
    if table.key == ("id",) or (len(table.key) == 1 and table.column(table.key[0]).type == "id")
}
_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)
_WRITE = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


class ServerError(StorageError):
    """The server refused or could not be reached; the message is in Thai, and `reason` the
    refusal alone (`รหัสผ่านไม่ถูกต้อง หรือไม่มีผู้ใช้ชื่อ …`) where a connection was refused."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


def display_name(conninfo: str) -> str:
    """The server and database a connection string names, for messages (never a password)."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return "ฐานข้อมูลบนเซิร์ฟเวอร์"
    if "service" in parts:
        return f"บริการ {parts['service']}"
    host = str(parts.get("host") or "localhost")
    return f"{host}/{parts.get('dbname') or parts.get('user') or ''}"


class ServerRow(tuple[Any, ...]):
    """A row read by position, as a tuple, or by column name, as sqlite3.Row."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self.names[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_maker(cursor: psycopg.Cursor[Any]) -> Any:
    names = {column.name: index for index, column in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> ServerRow:
        row = ServerRow(values)
        row.names = names
        return row

    return make


class ServerCursor:
    def __init__(self, cursor: psycopg.Cursor[Any], lastrowid: int | None) -> None:
        self._cursor = cursor
        self._lastrowid = lastrowid

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._lastrowid

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


def server_sql(sql: str) -> str:
    """The storage code's SQL as psycopg takes it: `?` as `%s`, a literal `%` doubled."""
    out = []
    quote = ""
    for char in sql:
        if quote:
            out.append("%%" if char == "%" else char)
            if char == quote:
                quote = ""
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    # SQLite's null-safe `IS ?` (a section's parent is NULL) is spelt out on the server
    text = _IS_NOT_PARAMETER.sub("IS DISTINCT FROM %s", "".join(out))
    return _IS_PARAMETER.sub("IS NOT DISTINCT FROM %s", text)


_IS_PARAMETER = re.compile(r"\bIS\s+%s", re.IGNORECASE)
_IS_NOT_PARAMETER = re.compile(r"\bIS\s+NOT\s+%s", re.IGNORECASE)


def _value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value  # flags are 0/1 integers on both sides


class ServerConnection:
    """psycopg's connection in the shape `models.sql.Connection` asks for. It runs in
    autocommit mode: transactions are begun and ended by the storage code's own statements."""

    def __init__(self, conn: psycopg.Connection[Any], conninfo: str = "", connect_timeout: int = 10) -> None:
        self.raw = conn
        self.conninfo = conninfo
        self.connect_timeout = connect_timeout
        self.total_changes = 0  # rows inserted, changed or deleted, as sqlite3 counts them

    def _reconnect_if_lost(self) -> None:
        """A connection the server or the network cut is made again before the next
        transaction (never inside one: what it had done is gone with it)."""
        if (self.raw.closed or self.raw.broken) and self.conninfo:
            with _said_in_thai():
                self.raw = psycopg.connect(
                    with_stall_limits(self.conninfo), autocommit=True, connect_timeout=self.connect_timeout
                )

    @property
    def in_transaction(self) -> bool:
        if self.raw.closed or self.raw.broken:
            return False
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> ServerCursor:
        statement = "BEGIN" if sql.strip().upper() == "BEGIN IMMEDIATE" else sql
        if statement == "BEGIN" or not self.in_transaction:
            self._reconnect_if_lost()
        insert = _INSERT_INTO.match(statement)
        key = _KEYS.get(insert[1]) if insert is not None and "RETURNING" not in statement.upper() else None
        returning = key is not None
        if returning:
            statement += f' RETURNING "{key}"'
        with _said_in_thai():
            cursor = self.raw.cursor(row_factory=_row_maker)
            cursor.execute(server_sql(statement), [_value(value) for value in parameters])
        if cursor.rowcount > 0 and _WRITE.match(statement):
            self.total_changes += cursor.rowcount
        lastrowid = None
        if returning:
            row = cursor.fetchone()
            lastrowid = int(row[0]) if row is not None else None
        return ServerCursor(cursor, lastrowid)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> ServerCursor:
        with _said_in_thai():
            cursor = self.raw.cursor(row_factory=_row_maker)
            cursor.executemany(server_sql(sql), [[_value(v) for v in row] for row in parameters])
        return ServerCursor(cursor, None)

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction and not self.raw.closed:
            with contextlib.suppress(psycopg.OperationalError):
                self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


@contextlib.contextmanager
def _said_in_thai() -> Iterator[None]:
    try:
        yield
    except psycopg.OperationalError as error:
        raise ServerError(f"ติดต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ ({_first_line(error)})") from error
    except psycopg.errors.InsufficientPrivilege as error:
        raise ServerError(f"ผู้ใช้นี้ไม่มีสิทธิ์ทำรายการนี้บนเซิร์ฟเวอร์ ({_first_line(error)})") from error
    except psycopg.errors.ReadOnlySqlTransaction as error:
        raise ServerError("ฐานข้อมูลบนเซิร์ฟเวอร์เปิดให้อ่านอย่างเดียว ไม่ได้บันทึก") from error
    except psycopg.errors.IntegrityError as error:
        raise ServerError(f"เซิร์ฟเวอร์ไม่รับข้อมูลนี้ ({_first_line(error)})") from error
    except psycopg.Error as error:
        raise ServerError(f"เซิร์ฟเวอร์ฐานข้อมูลไม่ได้ทำรายการนี้ ({_first_line(error)})") from error


# libpq's reasons for refusing a connection, as a clerk is told them (what to check, and who can)
_REFUSALS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), thai)
    for pattern, thai in (
        (r"no password supplied", "เซิร์ฟเวอร์ต้องการรหัสผ่าน"),
        (r'password authentication failed for user "([^"]*)"', "รหัสผ่านไม่ถูกต้อง หรือไม่มีผู้ใช้ชื่อ {0}"),
        (r'role "([^"]*)" does not exist', "ไม่มีผู้ใช้ชื่อ {0} บนเซิร์ฟเวอร์ กรุณาขอบัญชีจากผู้ดูแลระบบ"),
        (r'database "([^"]*)" does not exist', "ไม่มีฐานข้อมูลชื่อ {0} บนเซิร์ฟเวอร์ กรุณาตรวจชื่อฐานข้อมูล"),
        (r"no pg_hba\.conf entry", "เซิร์ฟเวอร์ไม่อนุญาตให้ผู้ใช้นี้เชื่อมต่อจากเครื่องนี้ กรุณาติดต่อผู้ดูแลระบบ"),
        (
            r"connection refused|no such file or directory",
            "เซิร์ฟเวอร์ไม่รับการเชื่อมต่อ (ยังไม่ได้เปิด หรือชื่อเครื่อง/พอร์ตไม่ถูกต้อง)",
        ),
        (
            r"failed to resolve host|could not translate host name|name or service not known",
            "ไม่รู้จักชื่อเครื่องเซิร์ฟเวอร์นี้ กรุณาตรวจชื่อเซิร์ฟเวอร์และการเชื่อมต่อเครือข่าย",
        ),
        (r"timeout expired|timed out", "เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่รอ กรุณาตรวจเครือข่าย"),
        (
            r"does not support SSL",
            "ตั้งให้เข้ารหัสเสมอ แต่เซิร์ฟเวอร์ไม่รองรับการเข้ารหัส กรุณาเลือกการเข้ารหัสตามที่ผู้ดูแลระบบกำหนด",
        ),
        (r"certificate|SSL", "การเข้ารหัสหรือใบรับรองของเซิร์ฟเวอร์ไม่ผ่านการตรวจ กรุณาติดต่อผู้ดูแลระบบ"),
        (r'definition of service "([^"]*)" not found', "ไม่พบชื่อบริการ {0} ในไฟล์บริการของเครื่องนี้"),
        (r"too many connections", "เซิร์ฟเวอร์รับผู้ใช้เต็มแล้ว กรุณาลองใหม่ภายหลัง"),
    )
)


def connection_refusal(error: BaseException) -> str:
    """Why the server could not be reached or refused, in Thai (libpq says it in English)."""
    text = str(error)
    for pattern, thai in _REFUSALS:
        found = pattern.search(text)
        if found is not None:
            return thai.format(*found.groups())
    return "กรุณาตรวจชื่อเซิร์ฟเวอร์ ชื่อฐานข้อมูล และสิทธิ์ของผู้ใช้ หรือติดต่อผู้ดูแลระบบ"


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def this_clerk() -> str:
    """Who a lease names: the computer's user and the computer, as the office knows them."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        user = "ผู้ใช้ไม่ทราบชื่อ"
    return f"{user} ({socket.gethostname()})"


class ServerDatabase(Database):
    """The meetings database on a PostgreSQL server: `ServerDatabase.open_server(conninfo)`.

    A meeting is edited by one clerk at a time: `take_lease` gives this connection the right
    for LEASE_SECONDS, renewed by every edit and by `renew_leases` (the window calls it every
    few seconds), released by `release_lease` or on close, and free for another clerk once it
    has not been renewed for LEASE_SECONDS (its holder's program ended or lost the network).
    An edit of a meeting someone else holds is refused (MeetingLeasedError, LeaseLostError):
    never written over. Every change is announced on the channel CHANNEL (`LISTEN/NOTIFY`,
    delivered when its transaction commits) for the others' windows (`ServerWatcher`)."""

    is_server = True

    def __init__(self, conn: Connection, conninfo: str, clerk: str | None = None) -> None:
        super().__init__(conn, Path(display_name(conninfo)))
        self.conninfo = conninfo
        self.clerk = clerk or this_clerk()
        self.token = uuid.uuid4().hex  # this connection's leases
        self._leased: set[int] = set()
        self.lease_seconds = LEASE_SECONDS  # after how long without renewal another's lease is free

    @classmethod
    def open_server(
        cls, conninfo: str, *, connect_timeout: int = 10, clerk: str | None = None
    ) -> ServerDatabase:
        """Connect, creating the schema in an empty database. Raises a StorageError in Thai
        (server unreachable, refused, a database of another program or a newer version)."""
        try:
            raw = psycopg.connect(
                with_stall_limits(conninfo), autocommit=True, connect_timeout=connect_timeout
            )
        except psycopg.Error as error:
            reason = connection_refusal(error)
            raise ServerError(
                f"เชื่อมต่อฐานข้อมูล {display_name(conninfo)} ไม่ได้: {reason} "
                f"(รายละเอียดสำหรับผู้ดูแลระบบ: {_first_line(error)})",
                reason,
            ) from error
        database = cls(ServerConnection(raw, conninfo, connect_timeout), conninfo, clerk)
        try:
            database._migrate()
            database._read_only_for_readers()
        except BaseException:
            raw.close()
            raise
        return database

    def _read_only_for_readers(self) -> None:
        """An account of the reader role (README: search and export, no edits) opens the
        archive read-only, saying so."""
        may_write = self.conn.execute("SELECT has_table_privilege('meetings', 'UPDATE')").fetchone()[0]
        if not may_write:
            user = self.conn.execute("SELECT current_user").fetchone()[0]
            self.read_only = True
            self.read_only_reason = (
                f"บัญชี {user} ของฐานข้อมูลสำนักงานมีสิทธิ์ค้นหาและส่งออกเท่านั้น แก้ไขไม่ได้ "
                "หากต้องแก้ไข กรุณาขอสิทธิ์ผู้จดรายงานจากผู้ดูแลระบบ"
            )

    @property
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return 0
        row = self.conn.execute("SELECT application, version FROM schema_version").fetchone()
        if row is None or row[0] != APPLICATION:
            raise NotOurDatabaseError(
                f"ฐานข้อมูล {self.path} เป็นของโปรแกรมอื่น ไม่ใช่ฐานข้อมูลรายงานการประชุม ไม่ได้แก้ไขสิ่งใด"
            )
        return int(row[1])

    def _migrate(self) -> None:
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
            version = self._version_or_empty()
            if version > SCHEMA_VERSION:
                raise DatabaseTooNewError(
                    f"ฐานข้อมูล {self.path} สร้างด้วยโปรแกรมรุ่นใหม่กว่า (รุ่นข้อมูล {version}) กรุณาปรับรุ่นโปรแกรมก่อนใช้"
                )
            if version == SCHEMA_VERSION:
                return
            if version >= FIRST_SERVER_VERSION:
                self._upgrade(conn, version)
                return
            if version != 0:
                raise StorageError(f"ไม่รู้จักรุ่นข้อมูล {version} ของฐานข้อมูล {self.path}")
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except ServerError as error:
                raise ServerError(
                    f"สร้างส่วนขยาย pg_trgm สำหรับการค้นหาบนฐานข้อมูล {self.path} ไม่ได้ ให้ผู้ดูแลระบบสั่ง "
                    "CREATE EXTENSION pg_trgm; ในฐานข้อมูลนี้ก่อน (ดูส่วนสำหรับฝ่ายไอทีใน README)"
                ) from error
            for statement in (*create_statements("postgresql"), *SEARCH_TABLES, *SERVER_TABLES):
                conn.execute(statement)
            conn.execute("CREATE TABLE schema_version (application TEXT NOT NULL, version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (APPLICATION, SCHEMA_VERSION))

    def _upgrade(self, conn: Connection, version: int) -> None:
        """A server database of an earlier version brought to this one (the program updated):
        the same changes as a file's migrations, in one transaction. Changing tables is the
        owner's right: a clerk's account is told to have IT open it once as the owner."""
        try:
            for step in range(version, SCHEMA_VERSION):
                for statement in SERVER_MIGRATIONS[step]:
                    conn.execute(statement)
        except ServerError as error:
            raise ServerError(
                f"ฐานข้อมูลของสำนักงาน {self.path} เป็นรุ่นข้อมูล {version} ต้องปรับเป็นรุ่น {SCHEMA_VERSION} "
                "สำหรับโปรแกรมรุ่นนี้ ซึ่งทำได้เฉพาะบัญชีเจ้าของฐานข้อมูล: ให้ผู้ดูแลระบบเปิดโปรแกรมด้วยบัญชีเจ้าของหนึ่งครั้ง "
                f"(ดูส่วนสำหรับฝ่ายไอทีใน README) ({_first_line(error)})"
            ) from error
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    def _version_or_empty(self) -> int:
        """The schema's version; 0 for a database without tables; a database holding other
        tables and none of ours is another program's."""
        version = self.schema_version
        if version == 0:
            tables = self.conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            ).fetchone()[0]
            if tables:
                raise NotOurDatabaseError(
                    f"ฐานข้อมูล {self.path} มีตารางของโปรแกรมอื่นอยู่แล้ว ไม่ได้แก้ไขสิ่งใด "
                    "กรุณาสร้างฐานข้อมูลใหม่สำหรับรายงานการประชุม"
                )
        return version

    def checkpoint(self) -> None:
        pass  # the server keeps its own files

    def close(self) -> None:
        if self._indexer is not None:
            self._indexer.stop()
            self._indexer = None
        for meeting_id in list(self._leased):
            with contextlib.suppress(StorageError):
                self.release_lease(meeting_id)
        self.conn.close()

    # --- leases and announcements ------------------------------------------------------------

    def reserve_id_block(self) -> int:
        """A block of ids no one else will give (models/replica.py turns it into ids)."""
        return int(self.conn.execute("SELECT nextval('id_blocks')").fetchone()[0])

    def meeting_rows(self, meeting_id: int) -> dict[str, list[tuple[Any, ...]]]:
        """Every row a copy of the meeting holds, by table, columns as `models.schema` orders
        them: the meeting's own rows, the offices (a meeting given an office the server has
        already finds it, and is not sent a second one), the office's words, the settings."""
        office = self.meeting_office_id(meeting_id)
        found: dict[str, list[tuple[Any, ...]]] = {}
        for table in TABLES:
            columns = ", ".join(f'"{name}"' for name in table.column_names)
            where: dict[str, tuple[str, tuple[Any, ...]]] = {
                "meetings": ("WHERE id = ?", (meeting_id,)),
                "offices": ("", ()),
                "office_words": ("WHERE office_id = ?", (office,)),
                "settings": ("", ()),
            }
            condition, values = where.get(table.name, ("WHERE meeting_id = ?", (meeting_id,)))
            rows = self.conn.execute(f"SELECT {columns} FROM {table.name} {condition}", values).fetchall()
            found[table.name] = [tuple(row) for row in rows]
        return found

    def identity(self) -> str:
        """A name of this database that stays whatever connection string reaches it: made once,
        by the first clerk's program that asks, and kept in its settings."""
        found = self.setting(IDENTITY_SETTING, None)
        if isinstance(found, str) and found:
            return found
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (IDENTITY_SETTING, json.dumps(uuid.uuid4().hex)),
            )
        return str(self.setting(IDENTITY_SETTING, ""))

    def take_lease(self, meeting_id: int, *, abandoned: str | None = None) -> LeaseHolder | None:
        """The meeting's lease for this connection, or who holds it. `abandoned`: the token of a
        lease this computer's program left when it ended without letting go (see
        `models.replica.lease_of_abandoned_copy`), taken over at once, not after it expires."""
        with self.transaction() as conn:
            taken = conn.execute(
                "INSERT INTO leases (meeting_id, token, who, since, renewed) VALUES (?, ?, ?, now(), now())"
                " ON CONFLICT (meeting_id) DO UPDATE SET token = excluded.token, who = excluded.who,"
                " since = CASE WHEN leases.token = excluded.token THEN leases.since ELSE now() END, renewed = now()"
                " WHERE leases.token = excluded.token OR leases.token = ?"
                " OR leases.renewed < now() - make_interval(secs => ?)"
                " RETURNING meeting_id",
                (meeting_id, self.token, self.clerk, abandoned or self.token, self.lease_seconds),
            ).fetchone()
            if taken is None:
                holder = conn.execute(
                    "SELECT who, since FROM leases WHERE meeting_id = ?", (meeting_id,)
                ).fetchone()
                return LeaseHolder(holder[0], holder[1])
        self._leased.add(meeting_id)
        return None

    def renew_leases(self) -> list[int]:
        if not self._leased:
            return []
        kept = self.renew_leases_of(self.token, sorted(self._leased))
        return self.forget_lost_leases(self._leased - kept)

    @property
    def leased(self) -> frozenset[int]:
        """The meetings this connection holds the lease of."""
        return frozenset(self._leased)

    def renew_leases_of(self, token: str, meeting_ids: Sequence[int]) -> set[int]:
        """Renew the leases a token holds (another connection's: the window renews its leases
        from a thread of its own); returns the meetings whose lease it still held."""
        if not meeting_ids:
            return set()
        with self.transaction() as conn:
            return {
                int(row[0])
                for row in conn.execute(
                    "UPDATE leases SET renewed = now() WHERE token = ? AND meeting_id = ANY(?) RETURNING meeting_id",
                    (token, list(meeting_ids)),
                )
            }

    def forget_lost_leases(self, lost: Iterable[int]) -> list[int]:
        """The leases found lost (taken by another after they lapsed), no longer counted as this
        connection's; returns them in order."""
        gone = sorted(set(lost) & self._leased)
        self._leased -= set(gone)
        return gone

    def release_lease(self, meeting_id: int) -> None:
        self._leased.discard(meeting_id)
        with self.transaction() as conn:
            conn.execute("DELETE FROM leases WHERE meeting_id = ? AND token = ?", (meeting_id, self.token))

    def _touch(self, meeting_id: int) -> None:
        """An edit of the meeting: refused unless this connection holds its lease or no one
        does; renews the lease; the change announced to the others when it commits."""
        conn = self.conn
        mine = conn.execute(
            "UPDATE leases SET renewed = now() WHERE meeting_id = ? AND token = ? RETURNING 1",
            (meeting_id, self.token),
        ).fetchone()
        if mine is None:
            holder = conn.execute(
                "SELECT who, since FROM leases WHERE meeting_id = ? AND renewed >= now() - make_interval(secs => ?)",
                (meeting_id, self.lease_seconds),
            ).fetchone()
            if holder is not None:
                raise MeetingLeasedError(f"ไม่ได้บันทึก: {LeaseHolder(holder[0], holder[1]).message()}")
            if meeting_id in self._leased:
                self._leased.discard(meeting_id)
                raise LeaseLostError(
                    "ไม่ได้บันทึก: ระหว่างที่ขาดการติดต่อกับเซิร์ฟเวอร์ มีผู้อื่นเปิดแก้ไขรายงานการประชุมนี้ กรุณาเปิดใหม่เพื่อดูฉบับล่าสุด"
                )
        super()._touch(meeting_id)
        conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, f"changed {meeting_id}"))

    def add_document(self, document: MeetingDocument) -> int:
        with self.transaction() as conn:
            meeting_id = super().add_document(document)
            conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, f"added {meeting_id}"))
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        with self.transaction() as conn:
            super().delete_meeting(meeting_id)
            conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, f"deleted {meeting_id}"))

    # --- search ------------------------------------------------------------------------------
    # The same rows as the file's index (models/search.py: a meeting's header, then each section
    # and item, cut into Thai words by the same function), stored pre-segmented: `document` is a
    # tsvector written from those words as they are (no server-side parsing, whatever the
    # server's locale), phrases found with `<->`; `grams` is the text for pg_trgm, so that words
    # inside compounds (ผู้ใหญ่ in เป็นผู้ใหญ่) are found by substring. Meetings changed since
    # they were indexed are indexed when a search asks (the `revision` of models.storage).

    def _forget_search_rows(self, meeting_id: int) -> None:
        self.conn.execute("DELETE FROM search_rows WHERE meeting_id = ?", (meeting_id,))

    def _forget_deleted_meetings(self) -> None:
        pass  # the server's foreign keys remove a deleted meeting's rows with it

    def start_search_indexer(self, settle: float | None = None) -> None:
        """As on a file (meetings indexed as they are saved or imported, in a thread), over a
        connection of the indexer's own; a reader's account indexes nothing."""
        from models.indexing import SETTLE_SECONDS, SearchIndexer  # noqa: PLC0415

        if self.read_only or self._indexer is not None:
            return
        conninfo = self.conninfo
        self._indexer = SearchIndexer(
            self.path,
            SETTLE_SECONDS if settle is None else settle,
            opener=lambda: ServerDatabase.open_server(conninfo, connect_timeout=5, clerk=self.clerk),
        )
        self._indexer.start()

    def index_meeting(self, meeting_id: int, pause: Callable[[], None] | None = None) -> bool:
        """Make the meeting's index rows those of its text as it is now; False when it changed
        meanwhile (it is then still stale)."""
        stamp = self.conn.execute("SELECT revision FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if stamp is None:
            return False
        meeting = self._load_document(meeting_id).meeting
        rows = [
            (
                row_id(meeting_id, position),
                meeting_id,
                row.node_id,
                row.place,
                row.original,
                _trigram_text(row.grams),
                _vector(row.words),
                meeting.date.isoformat(),
            )
            for position, row in enumerate(index_rows(meeting, pause))
        ]
        with self._index_transaction() as conn:
            now = conn.execute("SELECT revision FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            if now is None or now[0] != stamp[0]:
                return False
            conn.execute("DELETE FROM search_rows WHERE meeting_id = ?", (meeting_id,))
            conn.executemany(
                "INSERT INTO search_rows (id, meeting_id, node_id, place, original, grams, document, date)"
                " VALUES (?, ?, ?, ?, ?, ?, ?::tsvector, ?)",
                rows,
            )
            conn.execute(
                "INSERT INTO search_state (meeting_id, revision) VALUES (?, ?)"
                " ON CONFLICT (meeting_id) DO UPDATE SET revision = excluded.revision",
                (meeting_id, stamp[0]),
            )
        return True

    def index_stale_meetings(
        self,
        deadline: float | None = None,
        keep_going: Callable[[], bool] | None = None,
        pause: Callable[[], None] | None = None,
    ) -> bool:
        """As on a file; after indexing many meetings at once (an archive copied in), the
        server's statistics are brought up to date, so that its planner uses the indexes."""
        stale = self.search_backlog()
        done = super().index_stale_meetings(deadline, keep_going, pause)
        if stale >= ANALYZE_AFTER:
            self.conn.execute("ANALYZE search_rows")  # by the owner; a reader's is skipped with a notice
        return done

    @contextlib.contextmanager
    def _index_transaction(self) -> Iterator[Connection]:
        """A transaction that writes only the search index."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.execute("COMMIT")

    def _newest_places(self, found: str, parameters: list[Any], limit: int) -> list[int]:
        """The ids of the newest `limit` places the condition finds, newest first. A common word
        or a compound's part is found by the indexes in thousands of places, and checking each
        against its text took 150–250 ms; so the archive is searched a slice of dates at a time
        from the newest (the indexes and the slice's dates together pick the places to check),
        until enough are found."""
        bounds = [
            str(row[0])
            for row in self.conn.execute(
                "SELECT date FROM (SELECT date, row_number() OVER (ORDER BY date DESC, id DESC) AS n"
                " FROM meetings) ranked WHERE n = ANY(?) ORDER BY n",
                (list(SEARCH_SLICES),),
            )
        ]
        hits: list[int] = []
        newer: str | None = None
        for older in [*bounds, None]:
            since = "" if older is None else " AND r.date > ?"
            until = "" if newer is None else " AND r.date <= ?"
            dates = [date for date in (older, newer) if date is not None]
            # the slice's places found first (by the indexes), then the newest of them: a LIMIT
            # under the ORDER BY can lead the planner to walk the dates checking every place
            rows = self.conn.execute(
                f"WITH found AS MATERIALIZED (SELECT r.id, r.date FROM search_rows r WHERE ({found}){since}{until})"
                " SELECT id FROM found ORDER BY date DESC, id LIMIT ?",
                (*parameters, *dates, limit - len(hits)),
            ).fetchall()
            hits.extend(int(row[0]) for row in rows)
            if len(hits) >= limit:
                break
            newer = older
        return hits

    def search(self, words: str, limit: int = 200, wait: float = SEARCH_WAIT) -> list[SearchHit]:
        tokens = _tokens(words_of(" ".join(words.split())))
        if not tokens:
            return []
        self.catch_up_search_index(wait)
        found = "r.document @@ ?::tsquery"
        parameters: list[Any] = [" <-> ".join(map(_lexeme, tokens))]
        grams = " ".join(thai_digits(words).split())
        if len(grams) >= 3:
            found += " OR r.grams LIKE ?"
            parameters.append("%" + _trigram_text(grams) + "%")  # `%` and `_` are written as letters too
        hits = self._newest_places(found, parameters, limit)
        if not hits:
            return []
        rows = self.conn.execute(
            "SELECT m.id, m.seq, m.year, m.date, r.node_id, r.place, r.original"
            " FROM search_rows r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = ANY(?)"
            " ORDER BY m.date DESC, r.id",
            (hits,),
        ).fetchall()
        return [
            SearchHit(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5], snippet(r[6], words))
            for r in rows
        ]


# The newest places first, a slice of the archive at a time: the places of the newest this many
# meetings, then of this many, and so on (see `ServerDatabase._newest_places`).
SEARCH_SLICES = (250, 1_000, 4_000)

IDENTITY_SETTING = "server_identity"  # see ServerDatabase.identity
# A network that stalls (Wi-Fi, a VPN) rather than refusing: without these a call waited for
# TCP's own minutes while the window waited with it. Unacknowledged data or a silent line fails
# the connection within seconds; it is made again before the next transaction.
STALLED_NETWORK: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 6000,
}


def with_stall_limits(conninfo: str) -> str:
    """The connection string with STALLED_NETWORK's limits (a socket connection ignores them)."""
    return psycopg.conninfo.make_conninfo(conninfo, **STALLED_NETWORK)


# How long a lease outlives its last renewal: a clerk whose program ended (or lost the network)
# leaves the meeting to the others after this long. The window renews every RENEW_SECONDS.
LEASE_SECONDS = 60
RENEW_SECONDS = 15
ANALYZE_AFTER = 200  # meetings indexed at once after which the server's statistics are refreshed
CHANNEL = "thai_minutes"  # LISTEN/NOTIFY: `changed 12`, `added 13`, `deleted 12`
FIRST_SERVER_VERSION = 10  # the schema the first server databases were made with
# what brings a server database from version n to n + 1 (models.storage.MIGRATIONS, for a file)
SERVER_MIGRATIONS: dict[int, tuple[str, ...]] = {
    10: (CONFIDENTIAL_COLUMN,),
    11: VOTE_COLUMNS,
}

SERVER_TABLES = (
    # a block of ids for each copy of a meeting edited on a clerk's computer (models/replica.py)
    "CREATE SEQUENCE id_blocks START 1",
    # the last outbox record of each copy applied here: a batch sent again is not applied twice
    # with the meeting's revision after it: the next batch is sent onto that revision only
    "CREATE TABLE replica_sent (token TEXT PRIMARY KEY, last_seq BIGINT NOT NULL, revision BIGINT NOT NULL)",
    """CREATE TABLE leases (
        meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        token TEXT NOT NULL,
        who TEXT NOT NULL,
        since TIMESTAMPTZ NOT NULL,
        renewed TIMESTAMPTZ NOT NULL
    )""",
)
SEARCH_TABLES = (
    """CREATE TABLE search_rows (
        id BIGINT PRIMARY KEY,
        meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        node_id BIGINT,
        place TEXT NOT NULL,
        original TEXT NOT NULL,
        grams TEXT NOT NULL,
        document TSVECTOR NOT NULL,
        date TEXT NOT NULL
    )""",
    "CREATE INDEX search_rows_by_meeting ON search_rows(meeting_id)",
    # the newest places first without sorting every place a common word is found in
    "CREATE INDEX search_rows_by_date ON search_rows(date DESC, id)",
    "CREATE INDEX search_rows_words ON search_rows USING gin (document)",
    "CREATE INDEX search_rows_grams ON search_rows USING gin (grams gin_trgm_ops)",
    """CREATE TABLE search_state (
        meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL
    )""",
)


def _trigram_text(text: str) -> str:
    """The text as pg_trgm is given it: lower case, every character that is not a space written
    as a letter of a script without case (a Hangul syllable, U+AC00 on), one for one. pg_trgm cuts
    words at characters its locale does not call letters: Thai vowels and tone marks (ผู้ใหญ่) and
    the comma of a figure (๓๘,๔๐๐) would cut a search into pieces too short to find anything by;
    written so, its trigrams are the text's own three characters (FTS5's trigrams on the file),
    and the LIKE that checks them compares the same letters. Characters from U+2B00 on are kept
    as they are (none of Thai, Latin, digits or punctuation)."""
    return "".join(
        chr(_TRIGRAM_LETTERS + ord(char)) if not char.isspace() and ord(char) < _TRIGRAM_SPAN else char
        for char in text.lower()
    )


_TRIGRAM_LETTERS = 0xAC00
_TRIGRAM_SPAN = 0x2B00


def _tokens(words: str) -> list[str]:
    return [token.lower() for token in words.split()]


def _lexeme(token: str) -> str:
    """A word as tsvector and tsquery input take it: quoted, its quotes and backslashes escaped."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _vector(words: str) -> str:
    """The tsvector of segmented words with their positions (phrases need them; PostgreSQL
    keeps positions up to 16,383)."""
    return " ".join(
        f"{_lexeme(token)}:{min(position, 16383)}" for position, token in enumerate(_tokens(words), 1)
    )


class ServerWatcher:
    """Hears the others' changes (`LISTEN` on CHANNEL) on a connection of its own, in a thread:
    `heard(kind, meeting_id)` for each (`changed`, `added`, `deleted`), `connected(bool)` when
    the server is reached or lost (it tries again every few seconds). Callbacks run in the
    watcher's thread; a window hands them to its own (a queued Qt signal)."""

    def __init__(
        self,
        conninfo: str,
        heard: Callable[[str, int], None],
        connected: Callable[[bool], None] | None = None,
        retry_seconds: float = 3.0,
    ) -> None:
        self.conninfo = conninfo
        self.heard = heard
        self.connected = connected or (lambda _: None)
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    with_stall_limits(self.conninfo), autocommit=True, connect_timeout=5
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected(True)
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=0.5):
                            self._tell(notice.payload)
                        conn.execute("SELECT 1")  # a dead connection fails here, not silently
            except psycopg.Error:
                self.connected(False)
                self._stop.wait(self.retry_seconds)

    def _tell(self, payload: str) -> None:
        kind, _, number = payload.partition(" ")
        if number.isdigit():
            self.heard(kind, int(number))
