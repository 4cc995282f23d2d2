"""What the storage code asks of a database connection, whichever the backend (issue 17).

`models.storage` is written against this: Python's `sqlite3.Connection` has it as it is, and
`models.server.ServerConnection` gives it over psycopg for a PostgreSQL server. The SQL the
storage code sends is the part both dialects share (`?` parameters, `ON CONFLICT` upserts,
savepoints); what differs (PRAGMAs, full-text search, locking) stays in each backend's code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

# Where the meetings are: a database file, or an office server's libpq connection string
DatabaseTarget = Path | str


def is_server_address(target: str) -> bool:
    """Whether `--db` names a server (a `postgresql://` URI, or libpq's `key=value` string,
    `service=…` among them) rather than a database file."""
    return target.startswith(("postgresql://", "postgres://")) or re.match(r"^\s*\w+\s*=", target) is not None


def database_target(text: str) -> DatabaseTarget:
    """`--db` as typed: a server's connection string as it is, anything else a file's path."""
    return text if is_server_address(text) else Path(text)


class Row(Protocol):
    """A result row, read by position or by column name."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    @property
    def lastrowid(self) -> int | None: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...
