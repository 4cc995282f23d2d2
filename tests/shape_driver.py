"""A child process for the kill test: changes one table's shape over and over (3,000 rows of two
columns, then 1,000 rows of three), telling the parent when it has begun; the parent kills it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.editing import MeetingEditor
from models.meeting import Column, Table, all_blocks
from models.storage import Database

SHAPES = (
    ([Column("ก"), Column("ข")], [[f"แถว{n}", str(n)] for n in range(3000)]),
    ([Column("ก"), Column("ข"), Column("ค")], [[f"row{n}", str(n), "x"] for n in range(1000)]),
)


def main() -> None:
    database = Database.open(Path(sys.argv[1]), backup=False)
    meeting_id = database.list_meetings()[0].id
    editor = MeetingEditor(database, meeting_id)
    table = next(block for _, block in all_blocks(editor.document.meeting) if isinstance(block, Table))
    print("begun", flush=True)
    turn = 0
    while True:
        editor.set_table_shape(table, SHAPES[turn % 2])
        turn += 1


if __name__ == "__main__":
    main()
