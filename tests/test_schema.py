"""Issue 17: one definition of the schema (`models.schema`) for the SQLite file and the server.

A new SQLite database is made from the definition; an old one reaches the same tables through
the migrations; a PostgreSQL database made from the definition has the same columns, keys,
defaults, constraints and indexes.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from models.schema import TABLES, create_statements
from models.storage import Database
from tests.old_schema import database_at_version


def sqlite_tables(conn: sqlite3.Connection) -> dict[str, object]:
    """Every table of the shared schema as SQLite describes it: columns (name, type, not null,
    default, key), foreign keys with their delete rule, CHECK constraints, indexes."""
    described: dict[str, object] = {}
    for definition in TABLES:
        name = definition.name
        sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()[0]
        described[name] = (
            # a key column is never null (SQLite's `TEXT PRIMARY KEY` would take one; the program never gives it)
            [
                (row[1], row[2], row[3] or row[5], row[4], row[5])
                for row in conn.execute(f"PRAGMA table_info({name})")
            ],
            sorted(
                (row[2], row[3], row[4], row[6]) for row in conn.execute(f"PRAGMA foreign_key_list({name})")
            ),
            sorted(
                " ".join(check.split())
                for check in re.findall(r"CHECK \(([^()]*(?:\([^()]*\))?[^()]*)\)", sql)
            ),
            sorted(
                (row[1], tuple(column[2] for column in conn.execute(f"PRAGMA index_info({row[1]})")))
                for row in conn.execute(f"PRAGMA index_list({name})")
                if not row[1].startswith("sqlite_autoindex")
            ),
            "AUTOINCREMENT" in sql.upper(),
        )
    return described


def test_a_new_sqlite_database_and_a_migrated_one_have_the_same_tables(tmp_path: Path) -> None:
    with Database.open(tmp_path / "new.sqlite3", backup=False) as new:
        fresh = sqlite_tables(new.sqlite)
    _old, conn = database_at_version(tmp_path / "old" / "old.sqlite3", 1)
    conn.close()
    with Database.open(tmp_path / "old" / "old.sqlite3", backup=False) as migrated:
        assert sqlite_tables(migrated.sqlite) == fresh
        assert [row[0] for row in migrated.sqlite.execute("PRAGMA foreign_key_check")] == []


def test_the_definition_makes_the_same_tables_on_the_server(pg_database: str, tmp_path: Path) -> None:
    with psycopg.connect(pg_database, autocommit=True) as conn:
        for statement in create_statements("postgresql"):
            conn.execute(statement)
        for definition in TABLES:
            columns = conn.execute(
                "SELECT column_name, is_nullable, column_default FROM information_schema.columns"
                " WHERE table_name = %s ORDER BY ordinal_position",
                (definition.name,),
            ).fetchall()
            assert [column[0] for column in columns] == list(definition.column_names)
            expected = {c.name: (c.not_null, c.default) for c in definition.columns}
            for name, nullable, default in columns:
                if name in expected:
                    not_null, wanted = expected[name]
                    assert (nullable == "NO") == not_null, name
                    assert (default or "").split("::")[0] == (wanted or ""), name
        # the rules hold on the server as in the file: a status outside the list is refused
        conn.execute(
            "INSERT INTO meetings (title, seq, year, date, created, modified) VALUES ('x', 1, 2567, '2024-01-30', '', '')"
        )
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO attendees (meeting_id, ord, first, status) VALUES (1, 0, 'ก', 'late')")
        conn.execute("INSERT INTO attendees (meeting_id, ord, first, status) VALUES (1, 0, 'ก', 'present')")
        conn.execute("DELETE FROM meetings")
        assert conn.execute("SELECT count(*) FROM attendees").fetchone() == (0,)  # ON DELETE CASCADE
