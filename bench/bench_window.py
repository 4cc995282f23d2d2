"""Window benchmark with a large meeting open (four times the Lampang example: about 68,000
characters, 152 attendees, 24 tables).

Types 1,000 characters into a paragraph through key events (each one stored in the database as
it is typed, undo command included) and reports the median and worst time a keystroke takes;
then types 1,000 characters into a table cell by cell, Tab between cells (Tab past the last cell
adds a row), as the clerk's hands do (`tests/keyboard.py`), and reports the whole time and the
keystrokes' median and worst; then the time from starting `python main.py` to a usable window
(median of several starts). Goals: median keystroke under 5 ms, worst under 30 ms; a usable
window within 2 s.

    python bench/bench_window.py [--characters 1000] [--starts 5] [--scale 4]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from bench.sized_meeting import lampang_sized
from models.meeting import Paragraph, Table
from models.storage import Database
from tests.keyboard import type_text
from ui.agenda import TableEditor
from ui.app import application, create_window, keep_settings_in
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
TEXT = "ที่ประชุมมอบหมายให้ผู้ใหญ่บ้านทุกหมู่ดำเนินการจัดเก็บข้อมูลความจำเป็นพื้นฐาน ปี ๒๕๖๘ "
CELLS = ("อำเภอเมือง", "1,015,560", "๔,๐๐๐", "ผู้ใหญ่บ้าน หมู่ ๓")


def keystrokes(database: Database, characters: int) -> list[float]:
    app = application()
    window = create_window(database)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.agenda_tab)
    item = window.editor.document.meeting.sections[4].items[-1]
    window.agenda_tab.select(item)
    editor = window.agenda_tab.item_editor
    assert editor is not None
    editor.add_block(Paragraph(""))
    field = editor.block_widgets[-1].field
    field.setFocus()
    app.processEvents()
    timings = []
    for index in range(characters):
        char = TEXT[index % len(TEXT)]
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    stored = database.load_document(window.editor.meeting_id).meeting.sections[4].items[-1].blocks[-1]
    assert isinstance(stored, Paragraph) and len(stored.text) == characters
    window.close()
    return timings


def table_typing(database: Database, characters: int) -> tuple[float, list[float]]:
    """Seconds to type `characters` into a table cell by cell with Tab, and each key's ms."""
    app = application()
    window = create_window(database)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    table_editor = _a_table(window)
    view = table_editor.view
    view.setFocus()
    view.setCurrentIndex(table_editor.model.index(len(table_editor.table.rows) - 1, 0))
    app.processEvents()
    keys: list[str] = []
    while len("".join(keys)) < characters:
        keys.extend([*CELLS[len(keys) % len(CELLS)], "\t"])
    keys = keys[:characters]
    timings = []
    begun = time.perf_counter()
    for key in keys:
        started = time.perf_counter()
        type_text(key)
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    whole = time.perf_counter() - begun
    typed = "".join("".join(row) for row in table_editor.table.rows)
    assert typed.count("อำเภอเมือง") >= characters // 40, "the cells did not take the typing"
    window.close()
    return whole, timings


def _a_table(window: MainWindow) -> TableEditor:
    window.tabs.setCurrentWidget(window.agenda_tab)
    for section in window.editor.document.meeting.sections:
        for item in section.items:
            if any(isinstance(block, Table) for block in item.blocks):
                window.agenda_tab.select(item)
                editor = window.agenda_tab.item_editor
                assert editor is not None
                return next(w.field for w in editor.block_widgets if isinstance(w.field, TableEditor))
    raise LookupError("the meeting has no table")


def start_seconds(db_path: Path, starts: int) -> tuple[float, float]:
    config = str(db_path.parent / "config")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "THAI_MINUTES_EXIT_AFTER_SHOW": "1",
        "XDG_CONFIG_HOME": config,
    }
    usable, whole = [], []
    for _ in range(starts):
        begun = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        whole.append(time.perf_counter() - begun)
        match = re.search(r"usable after ([0-9.]+) s", result.stderr)
        usable.append(float(match.group(1)) if match else float("nan"))
    return statistics.median(usable), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--characters", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--scale", type=int, default=4, help="meeting size in Lampang meetings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        keep_settings_in(Path(folder))
        db_path = Path(folder) / "bench.sqlite3"
        database = Database.open(db_path, backup=False)
        database.add_document(lampang_sized(args.scale))
        timings = keystrokes(database, args.characters)
        whole, cell_timings = table_typing(database, args.characters)
        database.close()
        print(
            f"{args.characters} keystrokes into a paragraph ({args.scale}× Lampang meeting; each stored at once):"
        )
        _report(timings)
        print(
            f"{args.characters} characters typed into a table cell by cell, Tab between cells: {whole:.2f} s"
        )
        _report(cell_timings)
        _, whole = start_seconds(db_path, args.starts)
        print(
            f"start to a usable window (process start, window shown, quit): median {whole:.2f} s (goal < 2 s)"
        )


def _report(timings: list[float]) -> None:
    print(
        f"  median {statistics.median(timings):6.2f} ms (goal < 5 ms), worst {max(timings):6.2f} ms (goal < 30 ms)"
    )
    print(f"  95th percentile {sorted(timings)[int(len(timings) * 0.95)]:6.2f} ms")


if __name__ == "__main__":
    main()
