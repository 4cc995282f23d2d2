"""A database as an earlier version of the program left it, for migration tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.storage import APPLICATION_ID, MIGRATIONS, Database


def database_at_version(db_path: Path, version: int) -> tuple[Database, sqlite3.Connection]:
    """A new database with only the first `version` migrations applied, and its connection."""
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    old = Database(conn, db_path)
    with old.transaction():
        for migration in MIGRATIONS[:version]:
            migration(old.conn)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return old, conn
